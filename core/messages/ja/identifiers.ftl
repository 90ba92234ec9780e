# 番号・コード、選択、住所・ファイル・一覧のメッセージ（identifiers.rs, choices.rs, structured.rs）。
# $label は項目名。1つの状態に1つのメッセージ（何が違うか）と、その直し方（-fix）。
# 個人番号のメッセージには、番号の数字を決して入れない（桁数だけ）。

## 個人番号

my_number-wrong_format = { $label }を読み取れませんでした
my_number-wrong_format-fix = カードに書かれた12桁の数字を入力してください
my_number-wrong_characters = { $label }に数字以外の文字が入っています
my_number-wrong_characters-fix = カードに書かれた12桁の数字だけを入力してください
my_number-wrong_length = { $label }は12桁の数字です。入力された{ $label }は{ $count }桁です
my_number-wrong_length-fix = マイナンバーカードか通知カードに書かれた12桁を、すべて入力してください
my_number-check_digit = { $label }の数字が1つ違っている可能性があります
my_number-check_digit-fix = カードの12桁をもう一度確認してください

## 法人番号

corporate_number-wrong_format = { $label }を読み取れませんでした
corporate_number-wrong_format-fix = 13桁の数字で入力してください
corporate_number-wrong_characters = { $label }に数字以外の文字が入っています
corporate_number-wrong_characters-fix = 13桁の数字だけを入力してください
corporate_number-wrong_length = { $label }は13桁の数字です。入力された{ $label }は{ $count }桁です
corporate_number-wrong_length-fix = 13桁すべてを入力してください。国税庁法人番号公表サイトで確認できます
corporate_number-check_digit = { $label }の数字が1つ違っている可能性があります
corporate_number-check_digit-fix = 13桁をもう一度確認してください。国税庁法人番号公表サイトで確認できます
corporate_number-invoice_number = { $label }の前に「T」が付いています。「T」で始まるのはインボイスの登録番号です
corporate_number-invoice_number-fix = 「T」を除いた13桁を入力してください。会社の登録番号なら、その13桁が法人番号です

fix-remove-t = 「T」を除いて「{ $value }」にする

## 地方公共団体コード

local_government_code-wrong_format = { $label }を読み取れませんでした
local_government_code-wrong_format-fix = 6桁の数字で入力してください（例: 063410）
local_government_code-wrong_characters = { $label }に数字以外の文字が入っています
local_government_code-wrong_characters-fix = 6桁の数字だけを入力してください（例: 063410）
local_government_code-wrong_length = { $label }は6桁の数字です。入力された{ $label }は{ $count }桁です
local_government_code-wrong_length-fix = 6桁の数字で入力してください（例: 063410）
local_government_code-missing_check_digit = { $label }は6桁です。入力された5桁には、最後の検査数字がありません
local_government_code-missing_check_digit-fix = 最後に検査数字を付けて6桁にしてください
local_government_code-check_digit = { $label }の数字が1つ違っている可能性があります
local_government_code-check_digit-fix = 6桁をもう一度確認してください

fix-add-check-digit = 検査数字を付けて「{ $value }」にする

## 郵便番号

postal_code-wrong_format = { $label }を読み取れませんでした
postal_code-wrong_format-fix = 7桁の数字で入力してください（例: 999-4112）
postal_code-wrong_characters = { $label }に数字とハイフン以外の文字が入っています
postal_code-wrong_characters-fix = 7桁の数字で入力してください（例: 999-4112）
postal_code-wrong_length = { $label }は7桁の数字です。入力された{ $label }は{ $count }桁です
postal_code-wrong_length-fix = 7桁の数字で入力してください（例: 999-4112）

## 電話番号

phone-wrong_format = { $label }を読み取れませんでした
phone-wrong_format-fix = 市外局番から数字で入力してください（例: 0237-35-2111）
phone-wrong_characters = { $label }に数字とハイフン以外の文字が入っています
phone-wrong_characters-fix = 数字とハイフンだけで入力してください（例: 0237-35-2111）。内線番号は入れないでください
phone-wrong_start = { $label }は0から始まる日本の番号にしてください
phone-wrong_start-fix = 市外局番の0から入力してください（例: 0237-35-2111、090-1234-5678）
phone-wrong_length = { $label }は{ $expected }桁の数字です。入力された{ $label }は{ $count }桁です
phone-wrong_length-fix = 市外局番から、すべての数字を入力してください（例: 0237-35-2111、090-1234-5678）

## メールアドレス

email-wrong_format = { $label }の形が正しくありません
email-wrong_format-fix = 「name@example.jp」の形で入力してください
email-missing_at = { $label }に「@」が入っていません
email-missing_at-fix = 「name@example.jp」のように、@を入れて入力してください
email-wrong_characters = { $label }に、使えない文字（空白や日本語の文字など）が入っています
email-wrong_characters-fix = 半角の英字・数字・記号だけで入力してください（例: name@example.jp）
email-too_long = { $label }は{ $max }文字以内にしてください
email-too_long-fix = 余分な文字や、2つ目のアドレスが入っていないか確認してください
email-too_short = { $label }は{ $min }文字以上にしてください
email-too_short-fix = アドレスをすべて入力したか確認してください
email-domain_typo = { $label }の「@」より後ろが、よく使われる「{ $domain }」と1文字違っています
email-domain_typo-fix = 「{ $domain }」の打ち間違いなら直してください。正しければ、このまま進めます

fix-email-domain = 「@」の後ろを「{ $domain }」にする

## 金融機関コード・支店コード・口座番号

bank_code-wrong_format = { $label }を読み取れませんでした
bank_code-wrong_format-fix = 4桁の数字で入力してください（例: 0001）
bank_code-wrong_characters = { $label }に数字以外の文字が入っています
bank_code-wrong_characters-fix = 4桁の数字だけを入力してください。金融機関の名前ではなくコードです（例: 0001）
bank_code-wrong_length = { $label }は4桁の数字です。入力された{ $label }は{ $count }桁です
bank_code-wrong_length-fix = 通帳やキャッシュカードで4桁のコードを確認してください（ゆうちょ銀行は9900）
branch_code-wrong_format = { $label }を読み取れませんでした
branch_code-wrong_format-fix = 3桁の数字で入力してください（例: 001）
branch_code-wrong_characters = { $label }に数字以外の文字が入っています
branch_code-wrong_characters-fix = 3桁の数字だけを入力してください。支店の名前ではなく番号です（例: 001）
branch_code-wrong_length = { $label }は3桁の数字です。入力された{ $label }は{ $count }桁です
branch_code-wrong_length-fix = 通帳やキャッシュカードで3桁の支店番号を確認してください
account_number-wrong_format = { $label }を読み取れませんでした
account_number-wrong_format-fix = 7桁の数字で入力してください
account_number-wrong_characters = { $label }に数字以外の文字が入っています
account_number-wrong_characters-fix = 通帳やキャッシュカードに書かれた7桁の数字だけを入力してください
account_number-too_short = { $label }は7桁の数字です。入力された{ $label }は{ $count }桁です
account_number-too_short-fix = 通帳の番号が7桁より短いときは、前に0を付けて7桁にしてください。数字が抜けていないかも確認してください
account_number-too_long = { $label }は7桁の数字です。入力された{ $label }は{ $count }桁です
account_number-too_long-fix = 通帳やキャッシュカードで7桁の口座番号を確認してください。ゆうちょ銀行の記号・番号は、振込用の店番・口座番号に直して入力してください

fix-pad-account-number = 前に0を付けて「{ $value }」にする

## はい・いいえ、同意

boolean-wrong_format = 「{ $label }」の答えを読み取れませんでした
boolean-wrong_format-fix = 「はい」か「いいえ」を選んでください
consent-wrong_format = 「{ $label }」の答えを読み取れませんでした
consent-wrong_format-fix = 内容を確認し、同意する場合はチェックを入れてください
consent-not_given = 「{ $label }」にチェックが入っていません
consent-not_given-fix = 同意しないと、この手続きは進められません。内容を確認し、同意する場合はチェックを入れてください

## 選択肢、コード

choice-wrong_format = 「{ $label }」の答えを読み取れませんでした
choice-wrong_format-fix = 選択肢から1つ選んでください
choice-unknown = 「{ $label }」で選ばれたものが、選択肢にありません
choice-unknown-fix = 選択肢から1つ選び直してください
multi_choice-wrong_format = 「{ $label }」の答えを読み取れませんでした
multi_choice-wrong_format-fix = 当てはまるものを選んでください
multi_choice-unknown = 「{ $label }」で選ばれたものの中に、選択肢にないものがあります
multi_choice-unknown-fix = 選択肢から選び直してください
multi_choice-too_few = 「{ $label }」は{ $min }つ以上選んでください。選んだのは{ $count }つです
multi_choice-too_few-fix = 当てはまるものを、あと{ $need }つ選んでください
multi_choice-too_many = 「{ $label }」は{ $max }つまで選べます。選んだのは{ $count }つです
multi_choice-too_many-fix = 選んだものを{ $excess }つ外してください
code-wrong_format = 「{ $label }」の答えを読み取れませんでした
code-wrong_format-fix = 選択肢から1つ選んでください
code-unknown = 「{ $label }」で選ばれたものが、選択肢にありません
code-unknown-fix = 選択肢から1つ選び直してください
code-list_missing = 「{ $label }」の選択肢を表示できません
code-list_missing-fix = 時間をおいてもう一度開いてください。続くときは、窓口にお問い合わせください

## 住所

address-wrong_format = { $label }を読み取れませんでした
address-wrong_format-fix = 都道府県、市区町村、町名、番地を、それぞれの欄に入力してください
address-postal_code_wrong_characters = { $label }の郵便番号に、数字とハイフン以外の文字が入っています
address-postal_code_wrong_characters-fix = 7桁の数字で入力してください（例: 999-4112）
address-postal_code_wrong_length = { $label }の郵便番号は7桁の数字です。入力された郵便番号は{ $count }桁です
address-postal_code_wrong_length-fix = 7桁の数字で入力してください（例: 999-4112）
address-prefecture_missing = { $label }の都道府県を入力してください
address-prefecture_missing-fix = 都道府県を選んでください（例: 山形県）
address-prefecture_unknown = { $label }の都道府県が、47都道府県の名前と合いません
address-prefecture_unknown-fix = 都道府県の名前を入力してください（例: 山形県）。市区町村は次の欄に入力します
address-city_missing = { $label }の市区町村を入力してください
address-city_missing-fix = 市区町村を入力してください（例: 北村山郡大石田町）
address-town_missing = { $label }の町名を入力してください
address-town_missing-fix = 町名や大字を入力してください（例: 緑町）
address-block_missing = { $label }の番地を入力してください
address-block_missing-fix = 丁目・番地・号を入力してください（例: 1-1）

## ファイル

file-wrong_format = { $label }のファイルを読み取れませんでした
file-wrong_format-fix = ファイルをもう一度選んでください
file-too_large = { $label }のファイルは{ $max }以下にしてください。選んだファイルは{ $size }です
file-too_large-fix = { $max }以下のファイルを選んでください。写真なら、小さいサイズで保存し直すと送れます
file-wrong_type = { $label }のファイルは{ $count ->
    [1] { $listed }にしてください
   *[other] { $listed }のどれかにしてください
}
file-wrong_type-fix = { $count ->
    [1] { $listed }のファイルを選んでください
   *[other] { $listed }のどれかのファイルを選んでください
}

## 一覧（グループ）

group-wrong_format = { $label }を読み取れませんでした
group-wrong_format-fix = { $label }を、もう一度入力してください
group-too_few = { $label }は{ $min }件以上入力してください。入力されているのは{ $count }件です
group-too_few-fix = あと{ $need }件追加してください
group-too_many = { $label }は{ $max }件まで入力できます。入力されているのは{ $count }件です
group-too_many-fix = { $excess }件削除してください。書ききれない分は、窓口でお伝えください
