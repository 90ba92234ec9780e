# 定義作成者向けの診断メッセージ（`tetsuzuki check`）、日本語。id は診断のコード、または一つの
# コードが複数のことを言う場合はコードと接尾辞。`-fix` は代わりに書く内容。
# `authoring` 機能でのみ組み込まれる（core/build.rs）。ja-easy は ja を使う。

## 診断の表示の枠

diagnostic-error = エラー
diagnostic-warning = 警告
diagnostic-help = 対処

## 他のメッセージの中で使う名詞（$what）

noun-concept = 概念
noun-code-list = コードリスト
noun-procedure = 手続き
noun-life-event = ライフイベント
noun-town = 自治体
noun-region = 地域
noun-field = フィールド
noun-field-of-form = このフォームのフィールド
noun-date-field-or-concept = 日付のフィールドまたは概念

## 共通

did-you-mean = `{ $best }` の誤りではありませんか？
too-many-diagnostics = このファイルでは、ここから先の `{ $code }` の{ $severity ->
        [error] エラー
       *[warning] 警告
    } { $count } 件を表示していません（同じ種類は最初の { $max } 件だけを表示します）
too-many-diagnostics-fix = 表示された `{ $code }` の問題（多くは同じ誤りの繰り返しです）を直してから、もう一度チェックすると残りが表示されます

## id と参照（check/mod.rs）

duplicate-id = { $what }の id `{ $id }` が複数回定義されています
duplicate-id-fix = { $what }ごとに別の id を付けてください。id はモデル全体で一意でなければなりません
duplicate-id-model = 共有モデルが二重に宣言されています（`{ $first }` と `{ $second }`）
duplicate-id-model-fix = モデル全体で `kind: model` の文書を一つだけにしてください
duplicate-id-code = コード `{ $code }` が二度書かれています
duplicate-id-code-fix = コードごとに別の値を付けてください
dangling = id が `{ $id }` の{ $what }はありません
dangling-fix = 定義済みの{ $what }を指定してください
dangling-fix-none = 先に{ $what }を定義してください（まだ一つも定義されていません）
dangling-fix-list = 定義済みの{ $what }を指定してください: { $known }
dangling-fix-list-more = 定義済みの{ $what }を指定してください: { $known } ほか { $more } 件
empty-code-list = コードリスト `{ $id }` にコードがありません
empty-code-list-fix = `label` を付けて `- code: "01"` の形でコードを並べてください
bad-id-concept = `{ $id }` は概念の id として使えません
bad-id-concept-fix = 小文字の単語を分野から順にドットでつないでください（`person.birth_date`、`move.date`）
missing-key-code-list = `code` 型の{ $what }には `code_list` が必要です
missing-key-code-list-fix = 値の出どころのコードリストの id を `code_list:` に書いてください
bad-as-member-own-area = `{ $id }` が同じ分野の概念 `{ $target }` に対応付けられています
bad-as-member-own-area-fix = 世帯員の分野にある、グループ項目の部分の概念を指定してください（`member.name`、`member.birth_date`）
bad-as-member-chained = `{ $id }` の対応先 `{ $target }` 自体がグループ項目に対応付けられています
bad-as-member-chained-fix = グループ項目の概念を直接指定してください: `{ $item }`
bad-as-member-whole-name = `{ $target }` は二つの部分（姓と名）からなる氏名全体ですが、`{ $id }` はその一方にしかなれません
bad-as-member-whole-name-fix = `part: family` か `part: given` を追加してください
bad-as-member-type = `{ $id }` は { $ty } ですが `{ $target }` は { $target_type } です。グループ項目の部分は同じ種類の値を持ちます
bad-as-member-type-fix = 同じ型の概念を指定するか、氏名の一方の部分なら `part:` を追加してください
bad-as-member-name-half = `{ $id }` はテキストを持つ氏名 `{ $target }` の一方の部分ですが、型が `{ $ty }` です
bad-as-member-name-half-fix = `person_name` の一方の部分には `text` 型の概念を対応付けてください
bad-as-member-reading-half = `{ $id }` は `{ $target_type }` 型の読み `{ $target }` の一方の部分ですが、型が `{ $ty }` です
bad-as-member-reading-half-fix = その一方の部分には `{ $target_type }` 型の概念を対応付けてください
bad-as-member-no-halves = `{ $target }` は `{ $target_type }` 型で、部分に分かれません。`part` は氏名のためのものです
bad-as-member-no-halves-fix = `part` を削除してください
bad-as-member-twice = `{ $id }` と `{ $first }` が、同じ人の `{ $concept }`{ $half ->
        [family] （姓の部分）
        [given] （名の部分）
       *[none] {""}
    }に対応付けられています
bad-as-member-twice-fix = グループ項目の各部分は一人につき一度だけ対応付けてください。二つのうち一方を削除してください
profile-keeps-my-number = `{ $id }` は個人番号（特定個人情報）です。プロフィールに保存できるのは、住民が機微な情報の保存に別途同意した場合だけです
profile-keeps-my-number-fix = `profile: sensitive`（その同意がある場合だけ保存）か `profile: never` と書くか、`profile` を削除してください
noun-field-of = `{ $procedure }` のフィールド
noun-page-of = `{ $procedure }` のページ

## フィールド（check/field.rs）

bad-pattern = `{ $pattern }` は `matches` で使えるパターンではありません（{ $why }）。どの回答に対しても条件を判定できません
bad-pattern-fix-unicode = パターンには Unicode の文字クラス（`\p{"{"}…{"}"}`）がありません。代わりに文字を範囲で書いてください（例: `{ $class }` なら `{ $range }`）
bad-pattern-fix-open = `(` が閉じていません。グループを閉じる `)` を追加してください。括弧そのものは `\\(`（raw 文字列 `r'…'` では `\(`）と書きます
bad-pattern-fix-close = `)` が閉じるグループがありません。削除してください。括弧そのものは `\\)`（raw 文字列 `r'…'` では `\)`）と書きます
bad-pattern-fix-class = `[` はそれぞれ `]` で閉じ、範囲は小さい文字から大きい文字へ `[a-z]` の形で書いてください
bad-pattern-fix-size = パターンを小さくしてください。入れ子のグループを減らし、回数を小さくします（別の回数の中に `{"{"}1000{"}"}` ではなく `{"{"}7{"}"}`）
bad-pattern-fix-look-around = パターンには先読み・後読みや後方参照がありません。テキストに直接一致するパターンを書くか、チェックを複数のルールに分けてください
bad-pattern-fix = Unicode の文字クラスを使わない RE2 構文の正規表現を書いてください（例: `^[0-9]{"{"}7{"}"}$`）
bad-id-field = `{ $id }` はフィールドの id として使えません
bad-id-field-fix = 小文字の snake_case の単語（`move_date`）を書いてください。条件式で名前として使われます
duplicate-id-field = フィールドの id `{ $id }` がこのフォームで複数回使われています
duplicate-id-field-fix = フィールドごとに別の id を付けてください
concept-type-mismatch = `{ $id }` は { $ty } 型のフィールドですが、その概念 `{ $concept }` は { $concept_type } 型の値を持ちます
concept-type-mismatch-fix = `type:` を削除して概念の型 `{ $concept_type }` を使うか、型が `{ $ty }` の概念に対応付けてください
missing-key-type = フィールド `{ $id }` には `type` も `concept` もありません
missing-key-type-fix = `type:`（例: `type: text`）を追加するか、`concept:` で概念に対応付けてください
missing-key-label = フィールド `{ $id }` に `label` がありません
missing-key-label-fix = `ja` と `en` の質問文を `label:` に書いてください（概念に対応付ければ、その概念のラベルが使われます）
unknown-autocomplete = `{ $token }` は HTML の autocomplete のトークンではないため、ブラウザが自動入力できません
unknown-autocomplete-fix = WCAG 1.3.5 のトークン（例: `family-name`、`bday`、`postal-code`、`tel`）を使うか、削除してください
wrong-type-required = `required: { $written }` は「はい／いいえ」ではなく、テキスト "{ $written }" として読まれます
wrong-type-required-fix = `required: { $word }` と書いてください
empty-group = グループ `{ $id }` にフィールドがありません
empty-group-fix = 各項目が持つフィールドを `fields:` の下に並べてください
constraint-not-applicable = `{ $key }` は { $ty } 型のフィールドには適用されません
constraint-not-applicable-fix = `{ $key }` を削除するか、フィールドの型を変えてください
constraint-not-applicable-prefill = `prefill: town` は住所に自治体の都道府県と名前を入れるものですが、これは { $ty } 型のフィールドです
constraint-not-applicable-prefill-fix = `prefill: town` を削除するか、住所のフィールドに使ってください
bad-range = `{ $low_key }`（{ $low }）が `{ $high_key }`（{ $high }）より大きいため、どの回答も通りません
bad-range-fix = `{ $low_key }` を `{ $high_key }` 以下にしてください
bad-range-today = `not_future` と `not_past` を同時に指定すると、今日しか選べません
bad-range-today-fix = どちらか一方だけにするか、許す日付をルールで表してください
missing-key-options = { $ty } 型のフィールド `{ $id }` に `options` がありません
missing-key-options-fix = `label` を付けて `- value: …` の形で選択肢を並べてください
duplicate-id-option = 選択肢 `{ $value }` が二度書かれています
duplicate-id-option-fix = 選択肢ごとに別の値を付けてください

## 手続きとライフイベント（check/procedure.rs）

bad-id-procedure = `{ $id }` は手続きの id として使えません
bad-id-procedure-fix = 小文字の単語を `-` でつないでください（`jido-teate-nintei`）
bad-version = `{ $version }` はセマンティックバージョンではありません
bad-version-fix = MAJOR.MINOR.PATCH の形で書いてください（例: `1.0.0`）
online-without-channel = この手続きはオンラインで完結できるとされていますが、`channels` に `online` がありません
online-without-channel-fix = `channels` に `online` を追加するか、`online_completion: false` にしてください
duplicate-id-page = ページの id `{ $id }` が複数回使われています
duplicate-id-page-fix = ページごとに別の id を付けてください
empty-page = ページ `{ $id }` に質問がありません
empty-page-fix = `fields:` を追加するか、ページを削除してください
duplicate-id-rule = ルールの id `{ $id }` が複数回使われています
duplicate-id-rule-fix = ルールごとに別の id を付けてください
missing-key-rule-fields = フォームのルール `{ $id }` がどのフィールドについてのものか書かれていません
missing-key-rule-fields-fix = メッセージを表示するフィールドの id を `fields: [...]` に書いてください
authority-with-form = 職権による手続きは住民に何も尋ねませんが、この手続きにはフォームがあります
authority-with-form-fix = `form:` を削除するか、`type` を `notification` か `application` に変えてください
empty-form = 手続き `{ $id }` に質問がありません
empty-form-fix = `form: {"{"}pages: [...]{"}"}` を追加してください。フォームがないのは職権による手続きだけです
bad-after-submit = { $days } 営業日は1年を超えています。`within_days` に書けるのは { $max } 営業日までです
bad-after-submit-fix = 自治体がかかる営業日数（即日なら 0）を書くか、`within_days` を削除してかかる期間を `text` に書いてください
after-submit-authority = `{ $id }` は職権による手続きで住民は何も提出しないため、提出後の案内は表示されません
after-submit-authority-fix = `after_submit` を削除し、自治体がいつ何をするかは手続きの `summary` に書いてください
deadline-anchor-not-date = 期限の起算点 `{ $anchor }` は { $ty } 型で、日付ではありません
deadline-anchor-not-date-fix = 日付のフィールドか概念を起算点にしてください（例: `anchor: move.date`）
bad-deadline-both = 期間には `days` か `months` のどちらか一方だけを書きます
bad-deadline-both-fix = 法令が定める方を残してください
bad-deadline-length = 期間の長さがありません
bad-deadline-length-fix = 法令が定めるとおり `days: 14` や `months: 3` を追加してください
bad-deadline-zero = 0日または0か月の期間はすでに過ぎています
bad-deadline-zero-fix = 法令が定める長さを書いてください
cyclic-condition = 表示条件が循環しています: { $chain }。これらの質問はどれも表示されることがありません
cyclic-condition-others = 表示条件が循環しています: { $chain }。これらの質問はどれも表示されることがなく、同じ循環に含まれる { $others } も表示されません
cyclic-condition-others-more = 表示条件が循環しています: { $chain }。これらの質問はどれも表示されることがなく、同じ循環に含まれる { $others } ほか { $more } 件も表示されません
cyclic-condition-fix = これらの `show_if` 条件のどれか一つを、他に依存しない質問に基づくものにしてください
bad-id-life-event = `{ $id }` はライフイベントの id として使えません
bad-id-life-event-fix = 小文字の単語を `-` でつないでください（`moving-in`）
deadline-anchor-not-date-event = イベントの日付 `{ $date }` は { $ty } 型で、日付ではありません
deadline-anchor-not-date-event-fix = 日付の概念を指定してください（例: `date: move.date`）
question-without-concept = 質問 `{ $id }` が概念に対応付けられていないため、その回答をフォームで再利用できません
question-without-concept-fix = 住民が同じことを二度聞かれないよう（ワンスオンリー）、`concept:` を追加してください
duplicate-id-event-procedure = 手続き `{ $id }` がこのライフイベントに二度書かれています
duplicate-id-event-procedure-fix = 一度だけ書き、条件は `||` でつないでください
dangling-field-preset = `{ $procedure }` にはフィールドまたは概念 `{ $key }` の質問がないため、何も事前入力できません
dangling-field-preset-fix = `{ $procedure }` のフィールドを id で指定するか、そのフィールドが尋ねる概念を指定してください
preset-uses-today = `{ $key }` の事前入力はスクリーニングの回答から一度だけ計算されるため、`today()` は一つの値に決まりません
preset-uses-today-fix = 代わりにイベントの日付（その質問。例: `move_date`）から数えてください
unknown-option-preset = `{ $value }` は `{ $procedure }` の `{ $field }` の値ではありません
unknown-option-preset-fix = 次のいずれかの値を書いてください: { $values }

## 自治体（check/town.rs）

bad-local-government-code = `{ $code }` は地方公共団体コードではありません。コードは6桁です
bad-local-government-code-fix = 6桁の全国地方公共団体コードを引用符で囲んで書いてください（例: `code: "063410"`）
bad-local-government-code-digit = `{ $code }` の検査数字が誤っています。`{ $first }` の検査数字は { $right } です
bad-local-government-code-digit-fix = `code: "{ $first }{ $right }"` と書いてください（公式の一覧でコードを確かめてください）
duplicate-id-department = 部署の id `{ $id }` が複数回使われています
duplicate-id-department-fix = 部署ごとに別の id を付けてください
duplicate-id-offered = 手続き `{ $id }` が二度提供されています
duplicate-id-offered-fix = 一度だけ提供してください
dangling-department = `{ $procedure }` の担当部署 `{ $department }` が { $town } にありません
dangling-department-fix-suggest = `{ $best }` の誤りではありませんか？ この提供に `department: { $best }` を設定してください
dangling-department-fix = 自治体の部署のいずれかを、この提供の `department:` に書いてください: { $known }
dangling-department-fix-offer-all = 部署 `{ $department }` を追加するか、担当する `department:` を付けて `- procedure: { $procedure }` を書いてください
not-offered = ライフイベント `{ $event }` が手続き `{ $procedure }` を挙げていますが、{ $town } はこの手続きを提供していません
not-offered-fix = `procedures:` の下で提供する（`- procedure: { $procedure }`）か、`{ $event }` を挙げないでください

## 住民向けのテキスト（check/text.rs）

noun-japanese = 日本語
noun-english = 英語
missing-text = このテキストには{ $what }（`{ $code }`）がありません。あるもの: { $given }
missing-text-none = このテキストには{ $what }（`{ $code }`）がありません。あるもの: なし
missing-text-fix = { $what }のテキストを `{ $code }:` に書いてください。住民向けのテキストにはすべて `ja` と `en` が必要です
vague-message = { $lang } のメッセージに "{ $word }" が使われていますが、これでは住民に何が誤りでどう直せばよいかが伝わりません
vague-message-fix-wrong-value = 回答の何が誤りかを書いてください（例: 「郵便番号は7桁の数字です」）
vague-message-fix-wrong = 回答の何が誤りで、どう直せばよいかを書いてください
vague-message-fix-what-to-do = 何が誤りで、住民が何をすればよいかを書いてください
vague-message-fix-which-answer = どの回答が誤りで、どう直せばよいかを書いてください
vague-message-fix-unusable = 回答が使えない理由を書いてください（例: 「実在する日付にしてください」）
vague-message-fix-invalid = 何が誤りかを書いてください（例: "Date you moved in must be a real date"）
vague-message-fix-please = 指示を直接書いてください（例: "Enter your postcode"）
vague-message-fix-plainly = 何が誤りで、どう直せばよいかを平易に書いてください
vague-message-fix-illegal = 回答の何が誤りかを書いてください

## ファイル（definitions.rs）

encoding-binary = このファイルは読めません。NUL バイトを含むバイナリファイル（表計算のファイルや画像？）で、YAML のテキストではありません
encoding-binary-fix = これは定義ファイルではありません。定義のフォルダから移すか、内容を YAML のテキストとして保存してください
encoding-not-utf8 = このファイルは読めません。UTF-8 のテキストではありません（Shift_JIS などの文字コード？）
encoding-not-utf8-fix = UTF-8 のテキストとして保存してください（どのエディタでも「UTF-8」として選べる文字コードです）
empty-file = このファイルは何も定義していません
empty-file-fix = `kind:` と定義から書き始めるか、ファイルを削除してください
shape = この文書は形式に合っていません: { $why }
