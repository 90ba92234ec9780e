# The resident's journey (core/src/journey/): words of its views.
jr-warning-summary = 確認してください
jr-warning-lead = 次の点を確認してください。このままでよければ「このまま進む」を押してください。
jr-continue-anyway = このまま進む
jr-feedback-empty = 満足度を選ぶか、ご意見を書いてください
jr-feedback-empty-fix = 1から5の数字を選ぶか、ご意見の欄に書いてから、もう一度送ってください。
jr-feedback-rating-range = 満足度は1から5の数字で選んでください
jr-reference = 受付番号
jr-reference-lead = 問い合わせるときは、この番号を伝えてください。
jr-town-does = 町がこれから行うこと
jr-town-does-by = { $date }ごろまでに
jr-still-to-do = まだ必要な手続き
jr-still-to-do-lead = 次の手続きは、この画面では終わっていません。期限までに行ってください。
jr-visit = 窓口に来てください
jr-nothing-left = ほかに必要な手続きはありません。
jr-dismiss = 終わる
jr-screening-fix-first = 上の答えを直すと、必要な手続きがわかります。
