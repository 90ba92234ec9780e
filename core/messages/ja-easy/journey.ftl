# The resident's journey (core/src/journey/): words of its views.
jr-warning-summary = たしかめて ください
jr-warning-lead = したの ことを たしかめて ください。このままで よければ「このまま すすむ」を おして ください。
jr-continue-anyway = このまま すすむ
jr-feedback-empty = まんぞくどを えらぶか、いけんを かいて ください
jr-feedback-empty-fix = 1から5の かずを えらぶか、いけんを かいてから、もういちど おくって ください。
jr-feedback-rating-range = まんぞくどは 1から5の かずで えらんで ください
jr-reference = うけつけ ばんごう
jr-reference-lead = といあわせる ときは、この ばんごうを いって ください。
jr-town-does = まちが これから すること
jr-town-does-by = { $date }ごろまでに
jr-still-to-do = まだ ひつような てつづき
jr-still-to-do-lead = つぎの てつづきは まだ おわって いません。きげんまでに して ください。
jr-visit = まどぐちに きて ください
jr-nothing-left = ほかに する ことは ありません。
jr-dismiss = おわる
jr-screening-fix-first = うえの こたえを なおすと、ひつような てつづきが わかります。
