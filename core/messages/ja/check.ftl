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

## 共有モデルの上の自治体（check/overlay.rs）

bad-version-fix-pin = 共有モデルのバージョンを MAJOR.MINOR.PATCH の形で書いてください（例: `1.0.0`）
model-version-missing = { $town } は、共有モデルのどのバージョンを使うかを書いていません
model-version-missing-fix = チェックに使ったバージョンを `model_version: "{ $version }"` と書いてください
model-version-older = { $town } は共有モデル `{ $model }` のバージョン { $pin } を指定していますが、モデルは { $version } です。自治体が指定したバージョンより古くなっています
model-version-major = { $town } は共有モデル `{ $model }` のバージョン { $pin } を指定していますが、モデルは { $version } です。メジャーバージョンが上がっており、自治体が前提にしている内容が削除または変更されている可能性があります
model-version-newer = { $town } は共有モデル `{ $model }` のバージョン { $pin } を指定していますが、モデルは現在 { $version } です
model-version-fix = `tetsuzuki diff` で変更点を確認し（新旧のモデルを { $town } 向けにコンパイルして比べます）、示された上書きを直してから `model_version: "{ $version }"` と書いてください
duplicate-id-region-procedure = 手続き `{ $id }` が二度書かれています
duplicate-id-fix-list-once = 一度だけ書いてください
not-local = `{ $id }` は { $owner } 独自の手続きです。提供できるのは { $owner } だけです
not-local-fix = 別の id で自治体独自の手続きを定義する（`town: { $town }`）か、共有モデルに `{ $id }` を加えるよう依頼してください
frozen-procedure = 手続き `{ $procedure }` は共有モデルで固定されています（法令で定められています）。どの自治体も変更できません
frozen-field = `{ $procedure }` のフィールド `{ $field }` は共有モデルで固定されています（法令で定められています）。どの自治体も変更できません
frozen-fix = この上書きを削除してください。自治体の決まりが本当に異なる場合は、共有モデルの管理者に相談してください
not-extensible = `{ $id }` には自治体がフィールドを追加できません（共有モデルで `change: { $policy }` とされています）
not-extensible-fix = `local_fields` を削除してください。共有モデルで `{ $id }` を `change: extend` にするよう依頼するか、自治体独自の手続き（`town: { $town }`）を定義してください
not-extensible-fix-region = `local_fields` を削除してください。共有モデルで `{ $id }` を `change: extend` にするよう依頼するか、自治体独自の手続き（`town: <自治体の id>`）を定義してください
noun-this-after-submit = この `after_submit` と同じ内容
noun-exactly-these-choices = これと同じ選択肢
override-redundant = 共有モデルの `{ $name }` にはすでに{ $what }が設定されています。この上書きは何も変えません
override-redundant-fix = 削除してください。削除すれば、モデルが変わったときに自治体もそれに従います
constraint-not-applicable-override = `{ $key }` は `{ $ty }` 型のフィールド `{ $name }` には適用されません
constraint-not-applicable-override-fix = 上書きから `{ $key }` を削除してください
constraint-not-applicable-options = `options` は `{ $ty }` 型のフィールド `{ $name }` には適用されません。選択肢があるのは `choice`、`multi_choice`、`code` のフィールドだけです
override-limit = 共有モデルの `{ $key }` は { $value }
override-limit-none = 共有モデルは `{ $key }` を設定していません
override-loosens = `{ $key }: { $value }` は `{ $name }` を緩めますが、自治体はこのフィールドを厳しくすることしかできません（`change: restrict`。{ $limit }）
override-loosens-fix-at-least = { $value } 以上を書くか、`{ $key }` を削除してください
override-loosens-fix-at-most = { $value } 以下を書くか、`{ $key }` を削除してください
override-loosens-fix = `{ $key }` を削除してください
override-loosens-required = `required: false` は `{ $name }` を緩めますが、自治体はこのフィールドを厳しくすることしかできません（`change: restrict`。共有モデルでは必須です）
override-loosens-required-fix = `required: false` を削除してください。この質問はどの自治体でも回答が必要です
override-tightens = `{ $key }: { $value }` は `{ $name }` を厳しくしますが、自治体はこのフィールドを緩めることしかできません（`change: extend`。{ $limit }）
override-tightens-fix = `{ $key }` を削除してください。`{ $name }` をより厳しくする決まりは共有モデルに書きます
override-tightens-required = `required: true` は `{ $name }` を厳しくしますが、自治体はこのフィールドを緩めることしかできません（`change: extend`。共有モデルでは任意です）
override-tightens-required-fix = `required: true` を削除してください
override-tightens-options = `options` は `{ $name }` の選択肢を絞りますが、自治体はこのフィールドを緩めることしかできません（`change: extend`。選択肢: { $listed }）
override-tightens-options-fix = `options` を削除してください。`{ $name }` の選択肢を減らす決まりは共有モデルに書きます
override-tightens-rules = `rules` は `{ $name }` にルールを追加しますが、自治体はこのフィールドを緩めることしかできません（`change: extend`）
bad-range-override = この上書きでは `{ $name }` の `{ $low_key }`（{ $low }）が `{ $high_key }`（{ $high }）を上回るため、どの回答も通りません
bad-range-override-fix = `{ $low_key }` を `{ $high_key }` 以下にしてください
bad-range-options = この上書きでは `{ $name }` の選択肢が { $kept } 個しか残りませんが、`min_items` は { $min } のため、どの回答も通りません
bad-range-options-fix = 選択肢を { $min } 個以上残してください
noun-choices-more = { $shown } ほか { $more } 件
empty-options = `options: []` は `{ $name }` の選択肢を一つも残さないため、住民が回答できません
empty-options-fix = 自治体で残す値を並べるか、すべて残すなら `options` を削除してください。選択肢: { $listed }
duplicate-id-kept = `{ $value }` が `{ $name }` の残す選択肢に二度書かれています
unknown-option-region = 地域 `{ $region }` は `{ $name }` から `{ $value }` を外しています。自治体は地域の選択肢をさらに絞ることはできますが、地域が外した選択肢を残すことはできません
unknown-option-region-fix = `{ $value }` を削除してください。地域が残している選択肢: { $listed }
unknown-option-override = `{ $value }` は共有モデルの `{ $name }` の選択肢にありません
unknown-option-override-code = `{ $value }` は `{ $name }` のコードリスト `{ $list }` のコードではありません
unknown-option-override-fix = 次の選択肢から残すものを書いてください: { $listed }
unknown-option-override-fix-label = ラベルではなく値を書いてください: `{ $value }`
noun-page-show-if = ページ `{ $page }` の `show_if`
noun-rule = ルール `{ $rule }`
noun-rule-when = ルール `{ $rule }` の `when`
noun-field-show-if = フィールド `{ $field }` の `show_if`
noun-field-required = フィールド `{ $field }` の `required`
noun-field-rule = フィールド `{ $field }` のルール `{ $rule }`
noun-field-rule-when = フィールド `{ $field }` のルール `{ $rule }` の `when`
removed-option-tested = この自治体では `{ $name }` に `{ $value }` がなくなりますが、{ $place } がその値を判定しています（`{ $condition }`）。この自治体ではその条件が成り立つことはありません
removed-option-tested-fix = 意図どおりなら対応は不要です（その条件で表示される質問は、この自治体では尋ねません）。尋ねる場合は `options` に `{ $value }` を残してください
duplicate-id-rule-shared = `{ $name }` には共有モデルにすでにルール `{ $id }` があります
duplicate-id-rule-region = `{ $name }` には地域 `{ $region }` がすでにルール `{ $id }` を追加しています
duplicate-id-rule-fix-town = 自治体のルールには独自の id を付けてください（問題は `rule.<id>` として報告されます）。既存のルールと同じ内容なら削除してください
duplicate-id-rule-override = ルールの id `{ $id }` が `{ $name }` で複数回使われています

## 文書の形（schema.rs）

noun-document = 定義の文書
noun-schema-after-submit = 提出後の案内
noun-schema-applicability = 対象となる条件
noun-schema-as-member = 世帯員の項目への対応付け
noun-schema-change-policy = 変更の方針
noun-schema-channel = 手続きの方法
noun-schema-choice-option = 選択肢
noun-schema-code = コード
noun-schema-code-list = コードリスト
noun-schema-concept = 概念
noun-schema-counting = 期間の初日の数え方
noun-schema-deadline-rule = 期限の決まり
noun-schema-deadline-variant = 条件つきの別の期限
noun-schema-department = 部署
noun-schema-fee = 手数料
noun-schema-field = フィールド
noun-schema-field-override = フィールドの上書き
noun-schema-field-type = フィールドの型
noun-schema-form = フォーム
noun-schema-host-step = ホストが行う手順
noun-schema-identity = 本人確認の方法
noun-schema-legal-basis = 根拠法令
noun-schema-life-event = ライフイベント
noun-schema-local-fields = 自治体が追加するフィールド
noun-schema-model = 共有モデル
noun-schema-name-part = 氏名の部分
noun-schema-offering = 手続きの提供
noun-schema-page = ページ
noun-schema-prefill = 事前入力の方法
noun-schema-procedure = 手続き
noun-schema-procedure-type = 手続きの種類
noun-schema-profile-policy = プロフィールへの保存方針
noun-schema-region = 地域
noun-schema-repertoire = 文字の範囲
noun-schema-required-document = 必要書類
noun-schema-requirement = 回答が必要かどうかの指定
noun-schema-result-delivery = 結果の受け取り方
noun-schema-rollover = 期限の末日が休日に当たるときの扱い
noun-schema-rule = ルール
noun-schema-sensitivity = 情報の機微さ
noun-schema-severity = 重大度
noun-schema-text = テキスト
noun-schema-town = 自治体
noun-schema-visit = 来庁の案内
noun-schema-vocabulary = 語彙
noun-schema-other = `{ $name }`
noun-known-key = `{ $key }` に書ける値
noun-json-string = テキスト
noun-json-integer = 整数
noun-json-number = 数値
noun-json-boolean = true か false
noun-json-array = リスト
noun-json-object = キーと値の組（マッピング）
noun-json-null = 空の値
noun-json-value = 値
noun-yaml-null = 空の値（null）
noun-yaml-bool = true／false
noun-yaml-int = 整数
noun-yaml-float = 数値
noun-yaml-str = テキスト
noun-yaml-seq = リスト
noun-yaml-map = キーと値の組（マッピング）
noun-or = { $first }または{ $rest }
noun-written-as = `{ $raw }`（{ $kind }）
yaml-tag = `{ $written }` は `!` で始まるため、YAML ではテキストではなくタグとして読まれ、値が失われます
yaml-tag-fix = 引用符で囲んでください: `{ $key }: "{ $written }"`
unknown-word = `{ $word }` は{ $what }として使えません
unknown-word-fix-suggest = `{ $best }` の誤りではありませんか？ `{ $key }: { $best }` と書いてください
unknown-word-fix = 次のいずれかを書いてください: { $words }
wrong-type-word = `{ $key }` には{ $what }を書きますが、これは{ $shown }です
missing-key-kind = { $what }には、何の定義かを示す `{ $key }` が必要です
missing-key-kind-fix = 次のいずれかで書き始めてください: { $list }
wrong-type = { $subject } には{ $expected }を書きますが、これは{ $found }です
wrong-type-fix = { $expected }を書いてください
wrong-type-fix-array = リストを書いてください（1行に一つずつ `- 項目` と書くか、`[a, b]` と書きます）
wrong-type-fix-object = { $what }は、字下げした `key: value` の行で書いてください
wrong-type-fix-boolean = `{ $key }: true` か `{ $key }: false` と書いてください
wrong-type-fix-integer = 整数を書いてください（例: `{ $key }: 14`）
wrong-type-text = { $subject } にはテキストを書きますが、`{ $raw }` は{ $kind }として読まれます
wrong-type-text-fix = 引用符で囲んでください: `{ $key }: "{ $value }"`
wrong-type-list = { $subject } には値を一つ（テキスト）だけ書きますが、これはリストです
wrong-type-list-fix = 値を一つだけ書いてください（例: `{ $key }: { $first }`）
wrong-type-key = キー `{ $raw }` は単語でなければなりません
wrong-type-key-fix = 引用符で囲むか、単語にしてください: `"{ $raw }": …`
out-of-range-min = `{ $key }` は { $min } 以上でなければなりません
out-of-range-min-fix = { $min } 以上の数を書いてください
out-of-range-max = `{ $key }` は { $max } 以下でなければなりません
out-of-range-max-fix = { $max } 以下の数を書いてください
duplicate-key = `{ $key }` が{ $what }の中に二度書かれています（最初は { $first } 行目）
duplicate-key-fix = 一方だけを残してください。YAML は黙って最後の一つだけを使います
unknown-key = { $what }に `{ $key }` というキーはありません
unknown-key-fix = { $what }のキーは次のとおりです: { $keys }
unknown-key-fix-remove = 削除してください
missing-key = { $what }には `{ $key }` が必要です
missing-key-fix = `{ $key }` を追加してください
missing-key-fix-text = `ja` と `en` を書いた `{ $key }` を追加してください（例: `{ $key }: {"{"}ja: …, en: …{"}"}`）
missing-key-fix-described = `{ $key }` を追加してください（英語の説明: { $description }）

## YAML（source/yaml.rs）

yaml-too-large-bytes = このファイルは { $bytes } バイトあります。定義ファイルは { $max } バイトまでです
yaml-too-large-bytes-fix = 複数のファイルに分けてください（手続きごとに1ファイル）
yaml-too-large-nodes = このファイルには値が { $max } 個より多くあります
yaml-too-large-nodes-fix = 複数のファイルに分けてください。エイリアス（`*name`）を使っている場合は、繰り返しを減らしてください
yaml-too-deep = リストとマッピングの入れ子が { $max } 段より深くなっています
yaml-too-deep-fix = 定義でこれほど深い入れ子は必要ありません。字下げを確かめてください
yaml-alias = このエイリアスが指すアンカーが、これより前に定義されていません
yaml-alias-fix = `*name` を使う前に `&name` を定義するか、値をそのまま書いてください
yaml-syntax = 正しい YAML ではありません（YAML パーサーのメッセージ: { $parser }）
yaml-syntax-fix = この行の前後の字下げ（スペースのみ）と `key: value` の形を確かめてください。`: ` や ` #` を含むテキストは引用符で囲む必要があります
yaml-syntax-outside = YAML の文書の外に内容があります
yaml-syntax-outside-fix = 各文書を `---` で始めてください
yaml-syntax-construct = ここには書けない YAML の構文です
yaml-syntax-construct-fix = 単純な値、リスト、マッピングのいずれかを書いてください
yaml-syntax-tab = この行にタブ文字があります。YAML の字下げにはスペースしか使えません
yaml-syntax-tab-fix = タブをスペースに置き換えてください
yaml-syntax-unclosed = この `{ $open }` が閉じていません
yaml-syntax-unclosed-fix = `{ $close }` で閉じてください。中の項目は `,` で区切ります
yaml-syntax-colon = ここにある `: ` は、値の中で新しいキーを始めることになります
yaml-syntax-colon-fix = `: ` を含むテキストは引用符で囲んでください（例: `en: "Hours: 8:30 to 17:15"`）
yaml-syntax-indentation = この行の字下げが、前後のキーとそろっていません
yaml-syntax-indentation-fix = 属するキーと同じ位置まで、スペースで字下げしてください
yaml-syntax-start = 値をこの文字で始めることはできません
yaml-syntax-start-fix = 値を引用符で囲んでください
yaml-syntax-list = リストの項目は、リストの字下げの位置で `- ` から始めなければなりません
yaml-syntax-list-fix = リストの `- ` をすべて同じ位置にそろえてください
yaml-syntax-quote = 引用符で囲んだテキストが閉じていません
yaml-syntax-quote-fix = テキストを、始めと同じ引用符で終えてください

## 式（expr/: 字句解析・構文解析・型検査、check/field.rs）

expr-fix-write = `{ $code }` と書いてください
expr-fix-split = 複数のルールに分けてください
noun-expr-at-column = { $column } 文字目
noun-expr-at-line-column = { $line } 行目の { $column } 文字目
noun-expr-token-number = 数値 `{ $number }`
noun-expr-token-string = 文字列 `{ $string }`
noun-expr-token-end = 式の終わり
noun-expr-char-full-width = 全角文字
noun-expr-char-quote = 組版用の引用符
noun-expr-char-dash = ダッシュ・長音記号
noun-expr-char-symbol = 記号
noun-expr-char-comma = 読点
noun-expr-bool = true か false
noun-expr-number = 数値
noun-expr-string = 文字列
noun-expr-date = 日付
noun-expr-year-month = 年月
noun-expr-list = リスト
noun-expr-list-of = { $items }のリスト
noun-expr-map = 回答のまとまり（グループ）
noun-expr-null = null
noun-expr-dyn = 任意の型の値
noun-expr-bools = true／false の値
noun-expr-numbers = 数値
noun-expr-strings = 文字列
noun-expr-dates = 日付
noun-expr-year-months = 年月
noun-expr-lists = リスト
noun-expr-maps = 回答のまとまり
noun-expr-nulls = null
noun-expr-values = 値
noun-expr-arguments = { $count } 個の引数
noun-expr-arguments-either = { $counts } または { $last } 個の引数
noun-expr-receiver-is = `{ $receiver }` は{ $ty }です
noun-expr-argument-is = { $number } 番目の引数（`{ $argument }`）は{ $ty }です
noun-expr-arguments-misfit = 引数の組み合わせが合いません
expr-syntax-bytes = バイト列リテラル（`b"..."`）は使えません
expr-syntax-bytes-fix = 通常の文字列を使ってください: "..."
expr-syntax-not-operator = `{ $written }` は演算子ではありません
expr-syntax-not-operator-fix = `{ $op }` を使ってください
expr-syntax-not-operator-fix-or = 「または」には `||` を使ってください
expr-syntax-not-operator-fix-and = 「かつ」には `&&` を使ってください
expr-syntax-not-operator-fix-not-equal = 「等しくない」には `!=` を使ってください
expr-syntax-not-operator-fix-at-least = 「以上」には `>=` を使ってください
expr-syntax-not-operator-fix-at-most = 「以下」には `<=` を使ってください
expr-syntax-assign = ここに `=` は書けません。比較には `==` を使います
expr-syntax-map = ここに `{ $written }` は書けません。この式ではマップのリテラル `{"{"}...{"}"}` は使えません
expr-syntax-map-fix = 回答を一つずつ比べ、条件を `&&` でつないでください
expr-syntax-semicolon = ここに `;` は書けません。式は一つの条件で、文を並べることはできません
expr-syntax-semicolon-fix = 条件は `&&` か `||` でつないでください
expr-reserved-word = `{ $word }` は CEL の予約語のため、名前として使えません
expr-reserved-word-fix = フィールドや概念に別の名前を付けてください
expr-reserved-word-fix-choice = 場合分けは `条件 ? 真のときの値 : 偽のときの値` の形で書いてください
expr-reserved-word-fix-loop = 式には繰り返しがありません。リストは `in` や `size()` で調べてください
expr-reserved-word-fix-variable = 式では変数を定義できません。回答はフィールドの id か概念の id で参照してください
expr-reserved-word-fix-return = `return` を付けずに、条件そのものを書いてください
expr-syntax-hex = `0x` の後に16進数の数字がありません
expr-syntax-unsigned = 符号なし整数（接尾辞 `u`）は使えません
expr-syntax-after-number = 数値 `{ $number }` のすぐ後に `{ $written }` があります
expr-syntax-after-number-fix = 名前は数字で始められません。数値と後に続くものの間には演算子を入れてください
expr-too-large-number = 数値 `{ $number }` が大きすぎます
expr-too-large-number-fix = 整数は { $min } から { $max } までです
expr-too-large-literal = この数値は大きすぎます
expr-syntax-triple-quote = 三重引用符の文字列は使えません
expr-syntax-triple-quote-fix = { $quote }...{ $quote } を使い、改行は `\n` と書いてください
expr-syntax-string = この文字列が閉じていません
expr-syntax-string-fix = 文字列の最後に `{ $quote }` を追加してください
expr-syntax-string-line = この文字列が行の終わりまでに閉じていません
expr-syntax-string-line-fix = 文字列の最後に `{ $quote }` を追加してください。改行は `\n` と書きます
expr-syntax-escape = 文字列の中の `\{ $escape }` は使えないエスケープです
expr-syntax-escape-fix = \n \r \t \\ \' \" \uXXXX のいずれかを使うか、バックスラッシュそのものは `\\` と書いてください
expr-syntax-lone-backslash = この文字列は `\` 一つで終わっています
expr-syntax-lone-backslash-fix = バックスラッシュそのものは `\\` と書いてください
expr-syntax-unicode-digits = `\{ $escape }` の後には16進数の数字がちょうど { $count } 桁必要です
expr-syntax-unicode = `{ $escape }` は有効な Unicode 文字ではありません
expr-syntax-lookalike = ここに{ $what } `{ $written }`（U+{ $code }）は書けません。式は半角の ASCII 文字で書きます
expr-syntax-wide-space = ここに全角スペース（U+3000）は書けません
expr-syntax-wide-space-fix = 半角スペースを使ってください
expr-syntax-invisible = ここに見えない文字 U+{ $code } があります
expr-syntax-invisible-fix = 削除してください
expr-syntax-letter = ここに `{ $written }`（U+{ $code }）は書けません。名前には ASCII の英字・数字・`_` を使います（例: `move_date`）
expr-syntax-letter-fix = フィールドは id で参照してください。文字そのものは引用符で囲みます（例: "東京都"）
expr-syntax-character = ここに文字 `{ $written }`（U+{ $code }）は書けません
expr-too-large-source = この式は { $bytes } バイトあります。上限は { $max } バイトです
expr-too-large-source-fix = 複数のルールに分けるか、式の一部をそれぞれのフィールドに移してください
expr-syntax-empty = 式が空です
expr-syntax-empty-fix = 条件を書いてください（例: `age(person.birth_date) >= 18`）
expr-too-deep = この式は入れ子が { $max } 段より深くなっています
expr-too-deep-fix = 複数のルールに分けてください。一つの回答について `||` を長く続ける場合は `x in [a, b, c]` を使います
expr-too-large-nodes = この式は部品が { $max } 個より多くあります
expr-syntax-word-operator = ここで `{ $word }` は演算子として使えません。`{ $op }` を使います
expr-syntax-unmatched = ここに `{ $close }` は書けません。閉じる `{ $open }` がありません
expr-syntax-unmatched-fix = 削除するか、対応する `{ $open }` を追加してください
expr-syntax-colon = `?` がないのに `:` があります
expr-syntax-colon-fix = 場合分けは `条件 ? 真のときの値 : 偽のときの値` の形で書いてください
expr-syntax-call = ここに `(` は書けません。呼び出せるのは関数だけです
expr-syntax-call-fix = `(` の前に演算子（例: `&&`）を入れてください
expr-syntax-missing-operator = ここに{ $found }は書けません。`&&`、`||`、`==` などの演算子が必要です
expr-syntax-missing-operator-after = { $after }の後に{ $found }は書けません。`&&`、`||`、`==` などの演算子が必要です
expr-syntax-missing-operator-fix = 二つの部分を演算子でつないでください
expr-syntax-trailing = ここに{ $found }は書けません。演算子か、式の終わりが必要です
expr-syntax-unclosed = { $at } の `{ $open }` を閉じる `{ $close }` が必要ですが、{ $found }があります
expr-syntax-unclosed-fix = `{ $close }` を追加してください
expr-syntax-choice = { $at } の `?` の後に、`:` と条件が偽のときの値が必要ですが、{ $found }があります
expr-syntax-choice-fix = `条件 ? 真のときの値 : 偽のときの値` の形で書いてください
expr-syntax-number = 数値が必要です
expr-syntax-select = `.` の後にフィールド名かメソッド名が必要ですが、{ $found }があります
expr-syntax-value = 値が必要ですが、{ $found }があります
expr-syntax-end = 式が途中で終わっています。値が必要です
expr-syntax-end-fix = 条件を書いてください（例: `has_children`）
expr-syntax-end-after = 式が途中で終わっています。{ $after }の後に値が必要です
expr-syntax-end-after-fix = { $after }の後に続きを書くか、{ $after }を削除してください
expr-syntax-operand = 値（名前、数値、文字列、`(`、`[`）が必要ですが、{ $found }があります
expr-syntax-name = 名前が必要です
expr-syntax-arguments = { $at } から始まる `{ $function }(` の引数を閉じる `,` か `)` が必要ですが、{ $found }があります
expr-syntax-arguments-fix = `)` を追加するか、引数の間に `,` を入れてください
expr-syntax-list = { $at } から始まるリスト `[` を閉じる `,` か `]` が必要ですが、{ $found }があります
expr-syntax-list-fix = `]` を追加するか、項目の間に `,` を入れてください
expr-arity-has = `has()` にはフィールドか概念の名前をちょうど一つ書きますが、{ $given } 個書かれています
expr-syntax-has = `has()` にはフィールドか概念の名前を書きます。`{ $argument }` は書けません
expr-has-fix = `has(move_date)` や `has(person.birth_date)` のように書いてください
expr-too-large-parts = この式には部品が { $nodes } 個あります。上限は { $max } 個です
expr-too-deep-levels = この式は入れ子が { $depth } 段あります。上限は { $max } 段です
expr-type-condition = 条件は true か false でなければなりませんが、これは{ $ty }です
expr-type-expected = ここには{ $expected }が必要ですが、これは{ $ty }です
expr-type-condition-fix-number = 比較してください（例: `{ $expr } > 0`）
expr-type-condition-fix-string = 比較してください（例: `{ $expr } == "yes"`）
expr-type-condition-fix-list = 大きさを調べてください（例: `size({ $expr }) > 0`）
expr-type-condition-fix-date = 別の日付と比較してください（例: `{ $expr } <= today()`）
expr-type-condition-fix-year-month = 別の年月と比較してください
expr-type-condition-fix-has = 回答されているかどうかは `has({ $expr })` で調べてください
expr-type-list-mix = このリストには{ $first }（`{ $first_item }`）と{ $second }（`{ $second_item }`）が混ざっています。リストの項目はすべて同じ種類でなければなりません
expr-type-select = `{ $expr }` は{ $ty }で、フィールド `{ $field }` はありません
expr-type-select-fix-method = メソッド `{ $field }` を呼び出すには `{ $expr }.{ $field }()` と書いてください
expr-unknown-name = `{ $name }` は、ここで使えるフィールドや概念ではありません
expr-unknown-name-suggest = `{ $name }` は、ここで使えるフィールドや概念ではありません。`{ $best }` の誤りではありませんか？
expr-unknown-name-function = `{ $name }` はフィールドや概念ではなく関数です。`{ $call }` のように呼び出してください
expr-unknown-name-fix = ここで使える名前: { $names }
expr-unknown-name-fix-more = ここで使える名前: { $names }（ほか { $more } 件）
expr-unknown-name-fix-none = ここで使えるフィールドや概念はありません
expr-type-has = `{ $name }` は{ $ty }で、`has()` で調べるフィールド `{ $field }` はありません
expr-type-index-list = リストの位置は整数で指定しますが、`{ $index }` は{ $ty }です
expr-type-index-map = グループのフィールドは文字列で指定しますが、`{ $index }` は{ $ty }です
expr-type-index = `{ $expr }` は{ $ty }です。`[...]` で要素を取り出せるのはリストとグループだけです
expr-type-not = `!` には true か false が必要ですが、`{ $expr }` は{ $ty }です
expr-type-negate = `-` には数値が必要ですが、`{ $expr }` は{ $ty }です
expr-type-logic = `{ $op }` の両側は true か false でなければなりませんが、`{ $expr }` は{ $ty }です
expr-type-choice-condition = `?` の前の条件は true か false でなければなりませんが、`{ $expr }` は{ $ty }です
expr-type-choice-results = `? :` の二つの結果は同じ種類でなければなりませんが、`{ $then }` は{ $then_type }、`{ $otherwise }` は{ $otherwise_type }です
expr-type-order-null = `null` と比較できるのは `==` か `!=` だけです
expr-type-order = `{ $op }` で{ $values }の大小は比べられません。`{ $expr }` は{ $ty }です
expr-type-mismatch = `{ $left }` は{ $left_type }、`{ $right }` は{ $right_type }です。`{ $op }` には同じ種類の値が二つ必要です
expr-type-mismatch-fix-convert = 一方を変換してください。`int(s)` は数字の文字列を数値に、`string(n)` は数値を文字列にします
expr-type-mismatch-date = `{ $left }` は{ $left_type }、`{ $right }` は{ $right_type }です。日付と比較できるのは日付だけです
expr-type-mismatch-year-month = `{ $left }` は{ $left_type }、`{ $right }` は{ $right_type }です。年月と比較できるのは年月だけです
expr-type-mismatch-fix-date-literal = 日付は `date("{ $date }")` と書いてください
expr-type-mismatch-fix-date-string = 別の日付と比較してください（例: `{ $expr } { $op } date("2024-04-01")`）
expr-type-mismatch-fix-date-number = 別の日付と比較するか（例: `{ $expr } { $op } today()`）、日数を数えるには `days_between(a, b)` を使ってください
expr-type-mismatch-fix = `{ $expr }` は `{ $other }` ではなく、同じ種類の値と比較してください
expr-type-in-item = `{ $left }` は{ $left_type }ですが、`{ $right }` は{ $right_type }です。`in` はリストと同じ種類の項目を探します
expr-type-in-map = グループに対する `in` はフィールド名（文字列）を探しますが、`{ $expr }` は{ $ty }です
expr-type-in = `in` の右側にはリストが必要ですが、`{ $expr }` は{ $ty }です
expr-type-in-fix-contains = 文字列の中の文字を探すには `{ $right }.contains({ $left })` と書いてください
expr-type-in-fix = 右側にリストを書いてください（例: `{ $left } in ["a", "b"]`）
expr-type-remainder = `%` には整数が必要ですが、`{ $expr }` は{ $ty }です
expr-type-remainder-fix = `int({ $expr })` で整数に変換してください
expr-type-arithmetic = `{ $left }` は{ $left_type }、`{ $right }` は{ $right_type }です。`{ $op }` には数値が二つ必要です
expr-type-arithmetic-add = `{ $left }` は{ $left_type }、`{ $right }` は{ $right_type }です。`+` には数値二つ、文字列二つ、またはリスト二つが必要です
expr-type-arithmetic-remainder = `{ $left }` は{ $left_type }、`{ $right }` は{ $right_type }です。`%` には整数が二つ必要です
expr-type-arithmetic-fix-add-date = 日付をずらすには `add_days({ $date }, { $days })` か `add_months({ $date }, { $days })` と書いてください
expr-type-arithmetic-fix-days-between = 二つの日付の間の日数を数えるには `days_between({ $right }, { $left })` と書いてください
expr-type-arithmetic-fix-subtract-days = 日付を前にずらすには `add_days({ $date }, -{ $days })` と書いてください
expr-type-arithmetic-fix-string = 先に数値を変換してください: `string(n)`
expr-syntax-has-method = `has` はメソッドではありません。フィールドか概念の名前を引数にとります
expr-syntax-has-method-fix = `has(name)` の形で、フィールドか概念の名前を書いてください
expr-arity = `{ $name }` の引数は{ $takes }ですが、{ $given } 個書かれています
expr-arity-method = メソッド `{ $name }` の引数は{ $takes }ですが、{ $given } 個書かれています
expr-arity-fix = 次の形で書いてください: { $signatures }
expr-unknown-function = `{ $name }` という関数はありません
expr-unknown-function-fix = 使える関数: { $names }
expr-unknown-function-suggest = `{ $name }` という関数はありません。`{ $best }` の誤りではありませんか？
expr-unknown-function-method = `{ $name }` というメソッドはありません
expr-unknown-function-method-fix = 使えるメソッド: { $names }
expr-unknown-function-method-suggest = `{ $name }` というメソッドはありません。`{ $best }` の誤りではありませんか？
expr-unknown-function-not-method = `{ $name }` はメソッドではなく関数です
expr-unknown-function-not-function = `{ $name }` は関数ではなくメソッドです
expr-unknown-function-not-function-fix = 値に対して呼び出してください（例: `s.{ $name }("…")`）
expr-type-arguments = `{ $name }` の引数の形は { $expected } ですが、{ $what }
expr-bad-date-literal-not-literal = `date()` には日付を文字列リテラルで書きます。`{ $expr }` は書けません
expr-bad-date-literal-not-literal-fix = `date("2024-04-01")` のように書いてください。回答の日付は、その回答を直接参照します
expr-bad-date-literal-fix = 日付は YYYY-MM-DD の形で書いてください（例: `date("2024-04-01")`）
expr-bad-date-literal-shape = `{ $text }` は YYYY-MM-DD の形の日付ではありません
expr-bad-date-literal-year = `{ $text }` の年が 0 です。年は 0001 からです
expr-bad-date-literal-month = `{ $text }` の月が { $month } です。月は 01 から 12 までです
expr-bad-date-literal-day = `{ $text }` は実在しない日付です。{ $year }年{ $month }月は { $last } 日までです
expr-what-show-if = `show_if` は条件（true か false）でなければなりません
expr-what-required = `required` は true、false、または条件でなければなりません
expr-what-rule-check = ルールの `check` は、回答が正しいときに true になる条件でなければなりません
expr-what-rule-when = ルールの `when` は条件でなければなりません
expr-what-page-show-if = ページの `show_if` は条件でなければなりません
expr-what-document-when = 書類の `when` は条件でなければなりません
expr-what-variant-when = 期限の場合分けの `when` は条件でなければなりません
expr-what-event-when = `when` はスクリーニングの回答についての条件でなければなりません
expr-type-condition-at = { $what }が、`{ $expr }` は{ $ty }です
noun-preset-for = `{ $key }` の事前入力
expr-type-value-at = { $what }には{ $expected }が必要ですが、`{ $expr }` は{ $ty }です
expr-type-value-at-fix = { $expected }を書いてください
expr-type-value-at-fix-date = 日付を書いてください。イベントの日付の質問（`move_date`）か、それに `add_days(…)` を使ったものです
expr-type-value-at-fix-string = 文字列を書いてください。引用符で囲んだ値（`'birth'`）か、文字列を返す質問です
expr-type-value-at-fix-list = リストを書いてください: `['address_in']`
expr-type-value-at-fix-bool = `true`、`false`、または条件を書いてください

## コマンドライン自身の言葉（cli/src/main.rs: `summary`、`navigate`）

cli-summary-counts = { $town }（{ $id }）: 手続き { $procedures } 件、ライフイベント { $life_events } 件、概念 { $concepts } 件、コードリスト { $code_lists } 件、フィールド { $fields } 件
cli-summary-ratio = デジタル完結可能な手続数割合（オンラインで完結できる手続 / 住民が行う手続）: { $online } / { $procedures } = { $ratio }
cli-summary-online = オンラインで完結（デジタル完結）
cli-summary-prepared = オンラインで準備し、窓口で完結
cli-summary-counter = 窓口または郵送のみ
cli-summary-authority = 自治体が職権で行う手続（割合に含めない）
cli-checklist-online = オンライン
cli-checklist-counter = 窓口
cli-checklist-town = 自治体

# ホストが行うステップ（`steps`）。
step-duplicate = ステップ `{ $step }` が2回書かれています
step-duplicate-fix = 各ステップは1回だけ書いてください。ジャーニーは順にホストへ依頼します
step-needs-online = ステップ `{ $step }` はオンラインで行いますが、`channels` に `online` がありません
step-needs-online-fix = `channels` に `online` を加えるか、`steps` を削除してください
step-sign-needs-signature = `sign` はマイナンバーカードの署名を求めますが、`identity` が `my_number_card_signature` ではありません
step-sign-needs-signature-fix = `identity: my_number_card_signature` にするか、`steps` から `sign` を削除してください
step-pay-needs-fee = `pay` は手数料の支払いをホストに依頼しますが、この手続きには `fee` がありません
step-pay-needs-fee-fix = `fee: {"{"}amount: …{"}"}` を加える（町ごとに設定もできます）か、`steps` から `pay` を削除してください
step-book-needs-visit = `book` は窓口への来庁を予約しますが、この手続きには `visit` がありません
step-book-needs-visit-fix = 窓口で仕上げる手続きなら `visit: {"{"}reason: …{"}"}` を加えるか、`steps` から `book` を削除してください
fee-count-field = `fee.count` が指す `{ $field }` は、フォームの整数（`integer`）の項目ではありません
fee-count-field-fix = 手数料に掛ける数（通数など）を答える `integer` の項目の ID を書くか、`count` を削除してください
fee-count-field-fix-near = `{ $near }` と書いてください

## シナリオ（`tetsuzuki test`: core/src/scenario）。実行結果の定型語（`running`、`test … ok`、
## `FAILED`、`test result`）は cargo test と同じくコマンドのもので、そのまま残す。

# 「誤りではありませんか」が出せないときに並べる一覧（$what）。
scenario-suggest-none = ここには{ $what }がありません
scenario-suggest-list = { $what }: { $list }
scenario-suggest-list-more = { $what }: { $list } など
scenario-noun-towns = 自治体
scenario-noun-procedures = 手続き
scenario-noun-life-events = ライフイベント
scenario-noun-its-questions = このライフイベントの質問
scenario-noun-the-questions = 質問
scenario-noun-its-fields = フィールド
scenario-noun-the-fields = フィールド
scenario-noun-its-pages = この手続きのページ
scenario-noun-its-options = 選択肢
scenario-noun-its-parts = 書ける部分
scenario-noun-codes = コード
scenario-noun-listed-word = 一覧にある語

# シナリオファイルの読み込み（scenario/mod.rs）。
scenario-encoding-not-utf8 = このファイルは UTF-8 のテキストではありません（位置 { $byte } のバイトから読めません）
scenario-encoding-not-utf8-fix = UTF-8 で保存し直してください
scenario-empty-file = このシナリオファイルにはシナリオが一つもありません
scenario-empty-file-fix = シナリオを書く（docs/SCENARIOS.md）か、このファイルを削除してください
scenario-duplicate-scenario = このファイルには `{ $name }` という名前のシナリオがほかにもあります
scenario-duplicate-scenario-fix = 一つのファイルの中では、シナリオごとに別の名前を付けてください
scenario-nothing-to-run = このシナリオには、ライフイベントも手続きも書かれていません
scenario-nothing-to-run-fix = `event:`（`screening:` の回答と共に）か `procedure:`（`answers:` と共に）、またはその両方を書いてください
scenario-needs-context = `{ $section }` を書くには `{ $key }:` が必要です
scenario-needs-context-fix = このシナリオに `{ $key }:` を書くか、`{ $section }` を削除してください
scenario-needs-context-checklist = チェックリストはライフイベントについてナビゲーターが作るものですが、このシナリオにはライフイベントが書かれていません
scenario-needs-context-checklist-fix = `event:`（`screening:` の回答と共に）を書いてください
scenario-needs-context-form = `{ $section }` は手続きのフォームについての期待ですが、このシナリオには手続きが書かれていません
scenario-needs-context-form-fix = `procedure:`（`answers:` と共に）を書くか、スクリーニングの回答への指摘なら `checklist:` の下に移してください
scenario-missing-key-no-issue = 「出てはならない指摘」には `field` か `code` が必要です
scenario-missing-key-no-issue-fix = `field:`（そのフィールドに指摘がないこと）か `code:`（そのコードの指摘がないこと）、またはその両方を書いてください
scenario-unknown-town = 定義に `{ $id }` という自治体はありません

# シナリオの形（スキーマとの照合、scenario/schema.rs）。
scenario-unknown-key = `{ $key }` というキーはありません
scenario-unknown-key-fix = ここで使えるキー: { $keys }
scenario-missing-key = ここには `{ $key }` が必要です
scenario-missing-key-fix = `{ $key }:` を書いてください
scenario-missing-key-fix-described = `{ $key }:` を書いてください。{ $about }
# 必須のキーの説明（英語はスキーマの説明の最初の文と同じ）。
scenario-about-scenario = シナリオの名前です。ファイルの中で重複しない名前にします。`tetsuzuki test` が表示し、`--filter` で選べます
scenario-about-today = 今日の日付（YYYY-MM-DD）です。SDK は時計を読みません
scenario-about-procedure = 手続きの id です
scenario-about-code = 指摘のコード（`required`、`address.postal_code_wrong_length`、`rule.late`）です
scenario-about-steps = 操作を順に並べたものです
scenario-about-action = 操作です
scenario-duplicate-key = `{ $key }` がここに二度書かれています
scenario-duplicate-key-fix = 一方だけを残してください
scenario-unknown-word = `{ $word }` はこの一覧にない語です
scenario-unknown-word-fix-suggest = `{ $best }` の誤りではありませんか？（次のいずれか: { $words }）
scenario-write-one-of = 次のいずれかを書いてください: { $words }
scenario-wrong-type = ここには「{ $expected }」を書きますが、これは「{ $found }」です
scenario-wrong-type-word = ここには { $words } のいずれかを書きますが、これは「{ $found }」です
scenario-wrong-type-fix = 「{ $expected }」を書いてください
scenario-wrong-type-fix-quote = 引用符で囲んでテキストにしてください
scenario-wrong-type-fix-array = リストを書いてください: `[a, b]`、または1行に一つずつ `- item`
scenario-wrong-type-fix-object = このキーの下に字下げして `key: value` の組を書いてください
scenario-bad-date = `{ $date }` は日付ではありません
scenario-bad-date-fix = 実在する日付を YYYY-MM-DD の形で書いてください（例: 2026-11-20）

# シナリオが使う名前と、自治体のカタログとの照合（scenario/check.rs、run.rs）。
scenario-unknown-event = `{ $id }` というライフイベントはありません
scenario-unknown-procedure = `{ $id }` という手続きはありません
scenario-unknown-question = ライフイベント `{ $event }` に `{ $id }` という質問はありません
scenario-unknown-question-here = ここには `{ $id }` という質問はありません
scenario-unknown-field = 手続き `{ $procedure }` に `{ $id }` というフィールドはありません
scenario-unknown-field-answer = { $town } のカタログでは、手続き `{ $procedure }` に `{ $id }` というフィールドはありません
scenario-unknown-field-here = ここには `{ $id }` というフィールドはありません
scenario-unknown-field-group = グループ `{ $group }` に `{ $id }` というフィールドはありません
scenario-unknown-field-name-part = 氏名に `{ $id }` という部分はありません
scenario-unknown-field-address-part = 住所に `{ $id }` という部分はありません
scenario-unknown-field-file-part = ファイルに `{ $id }` という部分はありません
scenario-unknown-page = 手続き `{ $procedure }` に `{ $id }` というページはありません
scenario-unknown-code-question = ここにはコード `{ $code }` の指摘を出す質問がありません
scenario-unknown-code-field = ここにはコード `{ $code }` の指摘を出すフィールドがありません
scenario-unknown-option = `{ $value }` は `{ $id }` の選択肢ではありません
scenario-answer-type = `{ $id }` は `{ $ty }` 型の質問です。回答には「{ $expected }」を書きますが、これは「{ $found }」です
scenario-answer-type-an = `{ $id }` は `{ $ty }` 型の質問です。回答には「{ $expected }」を書きますが、これは「{ $found }」です
scenario-answer-type-fix = { $expected }を書いてください
scenario-answer-type-fix-boolean = `true` か `false` を引用符で囲まずに書いてください
scenario-answer-type-fix-number = 数値か、住民が入力するとおりのテキストを書いてください
scenario-answer-type-fix-choice = 選択肢のいずれかの値を書いてください
scenario-answer-type-fix-options = 選択肢の値をリストで書いてください: `[a, b]`
scenario-answer-type-fix-date = 日付をテキストで書いてください（2026-11-20、令和8年11月20日 など）
scenario-answer-type-fix-group = リストを書いてください。項目ごとに `- field: value` のマッピングを一つずつ書きます
scenario-answer-type-fix-quote = 引用符で囲んでください。数値として読まれると、先頭の 0 やハイフンが失われます
scenario-answer-type-fix-text = 住民が入力するとおりのテキストを書いてください
scenario-answer-type-option = `{ $id }` の選択肢はテキストで書きますが、これは「{ $found }」です
scenario-answer-type-option-fix = 選択肢の値を書いてください
scenario-answer-type-item = `{ $id }` の各項目はフィールドのマッピングで書きますが、これは「{ $found }」です
scenario-answer-type-item-fix = 項目ごとに `- field: value` の形で書いてください
scenario-kind-options = 選択肢の値のリスト
scenario-kind-person-name = `family` と `given` のマッピング
scenario-kind-address = 住所の各部分（postal_code、prefecture、city、town、block、building）のマッピング
scenario-kind-file = `name`、`size_kb`、`media_type` のマッピング
scenario-kind-group = 項目ごとに一つのマッピング（グループのフィールドの id がキー）のリスト

# 実行（scenario/run.rs）: 自治体がシナリオを飛ばす理由と、満たされなかった期待ごとの
# 対象・期待・実際（scenario/render.rs）。
scenario-ignored-event = { $town } はライフイベント `{ $id }` を扱っていません
scenario-ignored-procedure = { $town } は手続き `{ $id }` を扱っていません
scenario-expected = 期待
scenario-got = 実際
# シナリオに書くとおりの値（id、日付、YAML の値）。
scenario-value = { $value }
scenario-mismatch-page = ページ `{ $id }`
scenario-mismatch-question = 質問 `{ $id }`
scenario-mismatch-screening-question = 質問 `{ $id }`
scenario-mismatch-procedure = 手続き `{ $id }`
scenario-mismatch-due = `{ $id }` の期限
scenario-mismatch-mode = `{ $id }` の手続き方法
scenario-mismatch-overdue = `{ $id }` が期限を過ぎているか
scenario-mismatch-issue = コード `{ $code }` の指摘
scenario-mismatch-issue-at = `{ $field }` へのコード `{ $code }` の指摘
scenario-mismatch-issue-at-field = `{ $field }` への指摘
scenario-mismatch-any-issue = 指摘
scenario-mismatch-severity = `{ $field }` への `{ $code }` の重大度
scenario-mismatch-message = `{ $field }` への `{ $code }` のメッセージ（{ $lang }）
scenario-mismatch-submission = 送信内容
scenario-mismatch-answer = 送信される回答 `{ $key }`
scenario-mismatch-step = ステップ { $step }（`{ $action }`）
scenario-mismatch-view = ステップ { $step } の後の `{ $key }`
scenario-state-shown = 表示される
scenario-state-hidden = 表示されない
scenario-state-asked = 質問される
scenario-state-not-asked = 質問されない
scenario-state-applies = 対象になる
scenario-state-not-applies = 対象にならない
scenario-state-no-due-date = 期限なし
scenario-state-none = なし
scenario-state-present = 指摘がある
scenario-state-submitted = 送信される
scenario-state-not-submitted = 送信されない（エラーが残る）
scenario-state-answer-not-submitted = 送信されない（非表示か未回答）
scenario-state-succeeds = 成功する
scenario-state-succeeded = 成功した
scenario-state-error = エラー `{ $error }`
scenario-state-nothing-here = このパスには何もない
scenario-got-not-applies = 対象にならない（対象になるもの: { $applying }）
scenario-got-applies = 対象になる（{ $mode }）
scenario-got-applies-due = 対象になる（{ $mode }、期限 { $due }）
scenario-got-absent = 指摘はない。出た指摘: { $issues }
scenario-got-absent-at = 指摘はない。`{ $field }` に出た指摘: { $issues }
scenario-got-submitted = 送信された（回答 { $count } 件）
scenario-got-not-submitted = 送信されない。エラーが { $count } 件残っている: { $errors }

# `--update`（scenario/update.rs）: シナリオについての理由は、その名前とコロンで始める。
scenario-update-fails-in-some = { $scenario }: 更新していません。{ $failing } では失敗しますが、{ $passing } では失敗しません。`--town` を指定するか、シナリオに `town:` を書いてください
scenario-update-fails-differently = { $scenario }: 更新していません。自治体（{ $towns }）によって失敗の仕方が違います。`--town` を指定するか、シナリオに `town:` を書いてください
scenario-update-not-in-place = { $scenario }: 更新していません。`{ $path }` をその場で書き換えられませんでした
scenario-update-overlap = 何も更新していません。二つの変更が重なっています
scenario-update-read-back = { $file }: 何も更新していません。書き換えたファイルが意図したとおりに読み戻せません
