# やさしい日本語: short sentences, common words, spaces between phrases.

# $label_kind is `question` for a label that asks something (あなたが せたいぬしですか).

required =
    { $label_kind ->
        [question] 「{ $label }」に こたえて ください
       *[other] { $label }を かいて ください
    }
required-fix =
    { $label_kind ->
        [question] 「{ $label }」に こたえて ください
       *[other] { $label }を かいて ください
    }
required-choice =
    { $label_kind ->
        [question] 「{ $label }」に こたえて ください
       *[other] { $label }を えらんで ください
    }
required-choice-fix = ひとつ えらんで ください
required-consent = 「{ $label }」に チェックを いれて ください
required-consent-fix = よんで、よければ チェックを いれて ください

# まちの チェック（ルール）が いま うごかない とき。 けいこく だけで、 すすめます。
rule_unavailable =
    { $label_kind ->
        [question] 「{ $label }」の こたえは、 いま たしかめる ことが できません
       *[other] { $label }は、 いま たしかめる ことが できません
    }
rule_unavailable-fix = この まま すすんで ください。 まちの ひとが あとで たしかめます

# 言葉のない問題（SDK の不具合。core/src/validate/form.rs）。
problem_without_words = 「{ $label }」を たしかめて ください

# かたの なまえ (type names).
type-text = ことば
type-multiline = ことば
type-integer = かず
type-decimal = かず
type-money = おかね
type-date = ひにち
type-year_month = ねんと つき
type-boolean = はい か いいえ
type-consent = どうい
type-choice = えらぶ もの
type-multi_choice = えらぶ もの
type-code = コード
type-postal_code = ゆうびんばんごう
type-phone = でんわばんごう
type-email = メールアドレス
type-person_name = なまえ
type-katakana = なまえの よみかた（カタカナ）
type-zengin_kana = こうざの なまえ（カナ）
type-my_number = マイナンバー
type-corporate_number = ほうじんばんごう
type-local_government_code = まちの ばんごう
type-bank_code = ぎんこうの ばんごう
type-branch_code = してんの ばんごう
type-account_number = こうざばんごう
type-address = じゅうしょ
type-file = ファイル
type-group = いちらん

# The interface's own words (the widget and native apps; core/src/host.rs ui_text).
ui-next = つぎへ
ui-back = もどる
ui-submit = おくる
ui-check-answers = かいた ことを たしかめる
ui-check-answers-lead = かいた ことを みてください。なおす ときは「かえる」を おしてください。
ui-change = かえる
ui-optional = （かかなくても いいです）
ui-error-prefix = まちがい：
ui-error-summary = かいた ことを たしかめてください
ui-yes = はい
ui-no = いいえ
ui-choose = えらんでください
ui-start = はじめる
ui-life-events = くらしの できごとから てつづきを さがす
ui-questions = しつもんに こたえてください
ui-checklist = あなたに ひつような てつづき
ui-checklist-empty = いまの こたえでは、ひつような てつづきは ありません。
ui-town-actions = まちが すること（あなたは なにも しなくて いいです）
ui-due = いつまで
ui-no-due = きげんは ありません
ui-due-days = { $anchor }から { $days }にち いない
ui-due-months = { $anchor }から { $months }かげつ いない
ui-event-day = できごとの ひ
# A date as residents read it, and what an overdue checklist item says to do now.
ui-date = { $year }ねん { $month }がつ { $day }にち
ui-late = きげん（{ $date }）を すぎて います。いまからでも とどけは だせます。まどぐちで おくれた りゆうを きく ことが あります。
ui-online-now = インターネットで できます
ui-at-counter = やくばの まどぐちに きてください
ui-documents = もってくる もの
ui-fee = おかね
ui-fee-amount = { $amount }えん
ui-contact = ききたい ときは
ui-start-online = インターネットの てつづきを まとめて はじめる
ui-submitted = おくりました
ui-submitted-lead = つぎの てつづきを うけつけました。
ui-feedback = この サービスは どうでしたか
ui-feedback-rating = よかったですか（1：よくない　5：とても よい）
ui-feedback-comment = いけん（かかなくても いいです。なまえや じゅうしょは かかないで ください）
ui-feedback-send = いけんを おくる
ui-feedback-thanks = ありがとう ございました。
ui-language = ことば
ui-add-item = ふやす
ui-remove-item = けす
ui-item = { $n }ばんめ
ui-source-profile = まえに かいた ことを いれました
ui-source-screening = さいしょの こたえを いれました
ui-prefilled = もう はいって います。ちがう ときは かえてください
ui-draft-restored = まえに かいた ことを もどしました。
ui-draft-changed = てつづきが かわりました。つぎの ところを みてください。
ui-draft-truncated = まえに かいた ことが すこし きえました。かいた ことを みてください。
ui-continue-code = つづきの コード
ui-continue-code-lead = ほかの きかいで つづける ときは、この コードを うつして よみこんでください。
ui-continue-export = コードを みる
ui-continue-import = コードを よみこむ
ui-continue-bad = この コードは よみこめません。でてきた コードを そのまま いれてください。
ui-profile = この きかいに のこした こと
ui-profile-consent = なまえ・じゅうしょ・でんわ ばんごう などを この きかいに のこして、つぎに つかう
ui-profile-consent-sensitive = マイナンバー・ぎんこうの こうざ・けんこうや かいごの ことも のこす
ui-profile-empty = なにも のこして いません。
ui-profile-delete = のこした ことを けす
ui-counter-mode = まどぐちの ひとが かく
ui-counter-confirm = じゅうみんの ひとが たしかめました
ui-counter-confirm-needed = じゅうみんの ひとに みて もらって、チェックを いれてください
ui-page-of = { $n } / { $total }
ui-question-of = しつもん { $n } / { $total }
ui-mode-pages = ページごと
ui-mode-one = 1つずつ
ui-address-postal_code = ゆうびんばんごう
ui-address-prefecture = けん（とどうふけん）
ui-address-city = し・まち・むら
ui-address-town = ちょうめい
ui-address-block = ばんち
ui-address-building = たてものの なまえ・へやの ばんごう
ui-loading = よみこんで います
ui-load-failed = よみこめませんでした。すこし まってから、もう いちど ためしてください。
# The check-your-answers page (core/src/journey/check.rs): answers as residents read them.
ui-submit-one = { $title }を おくる
ui-submit-many = { $count }けんの てつづきを まとめて おくる
ui-not-provided = かいて いません
ui-group-item = { $label }（{ $n }にんめ）
ui-change-context = { $section }の { $label }
ui-date-weekday = { $year }ねん { $month }がつ { $day }にち（{ $weekday ->
        [mon] げつ
        [tue] か
        [wed] すい
        [thu] もく
        [fri] きん
        [sat] ど
       *[sun] にち
    }）
ui-year-month = { $year }ねん { $month }がつ
ui-amount-yen = { $amount }えん
ui-postal-code = 〒{ $code }
ui-list-separator = 、
ui-item-separator = { " ／ " }
# Reminders as iCalendar (core/src/calendar.rs): the events phones import. No resident's data.
ui-cal-name = てつづきの きげんと よやく
ui-cal-due = { $title }の きげん
ui-cal-due-lead = { $date }までに してください。
ui-cal-online = インターネットで できます。
ui-cal-counter = まどぐちで します。
ui-cal-prepare = インターネットで じゅんびして、まどぐちで おわります。
ui-cal-contact = きく ところ：{ $contact }
ui-cal-due-tomorrow = あしたは { $title }の きげんです。
ui-cal-due-today = きょうは { $title }の きげんです。
ui-cal-visit = まどぐちの よやく：{ $titles }
ui-cal-visit-lead = よやくした じかんに まどぐちに きてください。
ui-cal-visit-tomorrow = あしたは まどぐちの よやくが あります：{ $titles }
ui-cal-visit-soon = もうすぐ まどぐちの よやくの じかんです：{ $titles }
