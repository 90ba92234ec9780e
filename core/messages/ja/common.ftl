# Messages shared by every field type. $label is the field's label in the same language.
# State: empty (an instruction). Messages name the field in the label's words (ERRORS.md).

# $label_kind is `question` for a label that asks something (あなたが世帯主ですか).
required =
    { $label_kind ->
        [question] 「{ $label }」に答えてください
       *[other] { $label }を入力してください
    }
required-fix =
    { $label_kind ->
        [question] 「{ $label }」に答えてください
       *[other] { $label }を入力してください
    }
required-choice =
    { $label_kind ->
        [question] 「{ $label }」に答えてください
       *[other] { $label }を選んでください
    }
required-choice-fix = 選択肢から1つ選んでください
required-consent = 「{ $label }」にチェックを入れてください
required-consent-fix = 内容を確認し、同意する場合はチェックを入れてください

# A check of the town's definition (a rule) that could not run now: the answer is not judged.
# A warning, never an error: the resident can go on, and staff check the answer.
rule_unavailable =
    { $label_kind ->
        [question] 「{ $label }」の答えは、いま自動で確かめることができません
       *[other] { $label }は、いま自動で確かめることができません
    }
rule_unavailable-fix = このまま進めてください。町の担当者が内容を確かめます

# 言葉のない問題（SDK の不具合。core/src/validate/form.rs）: 何も言わないより正しいことを言う。
problem_without_words = 「{ $label }」を確認してください

# The name of each field type, used as the label when a value is tried on its own
# (`tetsuzuki check-value`).
type-text = テキスト
type-multiline = テキスト
type-integer = 数
type-decimal = 数
type-money = 金額
type-date = 日付
type-year_month = 年月
type-boolean = はい・いいえ
type-consent = 同意
type-choice = 選択
type-multi_choice = 選択
type-code = コード
type-postal_code = 郵便番号
type-phone = 電話番号
type-email = メールアドレス
type-person_name = 氏名
type-katakana = フリガナ
type-zengin_kana = 口座名義（カナ）
type-my_number = 個人番号
type-corporate_number = 法人番号
type-local_government_code = 地方公共団体コード
type-bank_code = 金融機関コード
type-branch_code = 支店コード
type-account_number = 口座番号
type-address = 住所
type-file = ファイル
type-group = 一覧

# The interface's own words (the widget and native apps; core/src/host.rs ui_text).
ui-next = 次へ進む
ui-back = 戻る
ui-submit = 送信する
ui-check-answers = 入力内容の確認
ui-check-answers-lead = 内容を確認してください。直すときは「変更」を押してください。
ui-change = 変更
ui-optional = （任意）
ui-error-prefix = エラー：
ui-error-summary = 入力内容を確認してください
ui-yes = はい
ui-no = いいえ
ui-choose = 選んでください
ui-start = 始める
ui-life-events = 暮らしの出来事から手続きを探す
ui-questions = いくつか質問に答えてください
ui-checklist = あなたに必要な手続き
ui-checklist-empty = 今の答えでは、必要な手続きは見つかりません。
ui-town-actions = 町が行うこと（手続きは不要です）
ui-due = 期限
ui-no-due = 期限なし
ui-due-days = { $anchor }から{ $days }日以内
ui-due-months = { $anchor }から{ $months }か月以内
ui-event-day = 出来事の日
# A date as residents read it, and what an overdue checklist item says to do now.
ui-date = { $year }年{ $month }月{ $day }日
ui-late = 期限（{ $date }）を過ぎています。届出はできます。窓口で理由をお伺いすることがあります。
ui-online-now = オンラインで完了できます
ui-at-counter = 窓口での手続きが必要です
ui-documents = 必要なもの
ui-fee = 手数料
ui-fee-amount = { $amount }円
ui-contact = 問い合わせ先
ui-start-online = オンラインの手続きをまとめて始める
ui-submitted = 送信しました
ui-submitted-lead = 次の手続きを受け付けました。
ui-feedback = このサービスはいかがでしたか
ui-feedback-rating = 満足度（1：不満　5：満足）
ui-feedback-comment = ご意見（任意・個人情報は書かないでください）
ui-feedback-send = 意見を送る
ui-feedback-thanks = ご意見ありがとうございました。
ui-language = 言語
ui-add-item = 追加する
ui-remove-item = 削除する
ui-item = { $n }件目
ui-source-profile = 以前の申請の内容から入力しました
ui-source-screening = 最初の質問の答えから入力しました
ui-prefilled = 入力済み：必要なら変更してください
ui-draft-restored = 前回の入力を復元しました。
ui-draft-changed = 手続きの内容が変わりました。次の項目を確認してください。
ui-draft-truncated = 前回の入力の一部が保存されていませんでした。入力内容を確認してください。
ui-continue-code = 続きのコード
ui-continue-code-lead = 別の機器で続けるときは、このコードを写して読み込んでください。
ui-continue-export = コードを表示する
ui-continue-import = コードを読み込む
ui-continue-bad = このコードは読み込めません。表示されたコードをそのまま貼り付けてください。
ui-profile = この機器に保存した情報
ui-profile-consent = 氏名・住所・電話番号などを、この機器に保存して次回の入力に使う
ui-profile-consent-sensitive = マイナンバー・口座情報・健康や介護の情報も保存する
ui-profile-empty = 保存した情報はありません。
ui-profile-delete = 保存した情報を削除する
ui-counter-mode = 窓口モード（職員が代わりに入力）
ui-counter-confirm = 住民の方が内容を確認しました
ui-counter-confirm-needed = 住民の方に内容を確認してもらい、チェックを入れてください
ui-page-of = { $n } / { $total }
ui-question-of = 質問 { $n } / { $total }
ui-mode-pages = ページごと
ui-mode-one = 1問ずつ
ui-address-postal_code = 郵便番号
ui-address-prefecture = 都道府県
ui-address-city = 市区町村
ui-address-town = 町名
ui-address-block = 番地
ui-address-building = 建物名・部屋番号
ui-loading = 読み込んでいます
ui-load-failed = 読み込めませんでした。時間をおいて、もう一度お試しください。
# The check-your-answers page (core/src/journey/check.rs): answers as residents read them.
ui-submit-one = { $title }を送る
ui-submit-many = { $count }件の手続きをまとめて送る
ui-not-provided = 未入力
ui-group-item = { $label }（{ $n }人目）
ui-change-context = { $section }の{ $label }
ui-date-weekday = { $date }（{ $weekday ->
        [mon] 月
        [tue] 火
        [wed] 水
        [thu] 木
        [fri] 金
        [sat] 土
       *[sun] 日
    }）
ui-year-month = { $year }年{ $month }月
ui-amount-yen = { $amount }円
ui-postal-code = 〒{ $code }
ui-list-separator = 、
ui-item-separator = { " ／ " }
# Reminders as iCalendar (core/src/calendar.rs): the events phones import. No resident's data.
ui-cal-name = 手続きの期限と予約
ui-cal-due = { $title }の期限
ui-cal-due-lead = { $date }までに行ってください。
ui-cal-online = オンラインでできます。
ui-cal-counter = 窓口で行います。
ui-cal-prepare = オンラインで準備して、窓口で仕上げます。
ui-cal-contact = 問い合わせ：{ $contact }
ui-cal-due-tomorrow = 明日は{ $title }の期限です。
ui-cal-due-today = 今日は{ $title }の期限です。
ui-cal-visit = 窓口の予約：{ $titles }
ui-cal-visit-lead = 予約した時間に窓口に来てください。
ui-cal-visit-tomorrow = 明日は窓口の予約があります：{ $titles }
ui-cal-visit-soon = まもなく窓口の予約の時間です：{ $titles }
