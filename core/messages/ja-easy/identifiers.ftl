# やさしい日本語: みじかい ぶん、やさしい ことば、ことばの あいだに スペース。
# ばんごう・コード、えらぶ もの、じゅうしょ・ファイル・いちらん の メッセージ。
# マイナンバーの メッセージには、ばんごうの すうじを いれない（けたの かずだけ）。

## マイナンバー

my_number-wrong_format = { $label }が よめません
my_number-wrong_format-fix = カードの 12けたの すうじを かいて ください
my_number-wrong_characters = { $label }に すうじ いがいの もじが あります
my_number-wrong_characters-fix = カードの 12けたの すうじだけを かいて ください
my_number-wrong_length = { $label }は 12けたの すうじです。あなたが かいたのは { $count }けたです
my_number-wrong_length-fix = カードの 12けたの すうじを ぜんぶ かいて ください
my_number-check_digit = { $label }の すうじが ひとつ ちがう かもしれません
my_number-check_digit-fix = カードの 12けたを もういちど みて ください

## ほうじんばんごう

corporate_number-wrong_format = { $label }が よめません
corporate_number-wrong_format-fix = 13けたの すうじを かいて ください
corporate_number-wrong_characters = { $label }に すうじ いがいの もじが あります
corporate_number-wrong_characters-fix = 13けたの すうじだけを かいて ください
corporate_number-wrong_length = { $label }は 13けたの すうじです。あなたが かいたのは { $count }けたです
corporate_number-wrong_length-fix = 13けたの すうじを ぜんぶ かいて ください
corporate_number-check_digit = { $label }の すうじが ひとつ ちがう かもしれません
corporate_number-check_digit-fix = 13けたを もういちど みて ください
corporate_number-invoice_number = { $label }の まえに 「T」が あります
corporate_number-invoice_number-fix = 「T」を とった 13けたの すうじを かいて ください

fix-remove-t = 「T」を とって 「{ $value }」に する

## まちの ばんごう（ちほうこうきょうだんたい コード）

local_government_code-wrong_format = { $label }が よめません
local_government_code-wrong_format-fix = 6けたの すうじを かいて ください（れい: 063410）
local_government_code-wrong_characters = { $label }に すうじ いがいの もじが あります
local_government_code-wrong_characters-fix = 6けたの すうじだけを かいて ください（れい: 063410）
local_government_code-wrong_length = { $label }は 6けたの すうじです。あなたが かいたのは { $count }けたです
local_government_code-wrong_length-fix = 6けたの すうじを かいて ください（れい: 063410）
local_government_code-missing_check_digit = { $label }は 6けたです。さいごの すうじが ありません
local_government_code-missing_check_digit-fix = さいごの すうじを つけて、6けたに して ください
local_government_code-check_digit = { $label }の すうじが ひとつ ちがう かもしれません
local_government_code-check_digit-fix = 6けたを もういちど みて ください

fix-add-check-digit = さいごの すうじを つけて 「{ $value }」に する

## ゆうびんばんごう

postal_code-wrong_format = { $label }が よめません
postal_code-wrong_format-fix = 7けたの すうじを かいて ください（れい: 999-4112）
postal_code-wrong_characters = { $label }に すうじ いがいの もじが あります
postal_code-wrong_characters-fix = 7けたの すうじを かいて ください（れい: 999-4112）
postal_code-wrong_length = { $label }は 7けたの すうじです。あなたが かいたのは { $count }けたです
postal_code-wrong_length-fix = 7けたの すうじを ぜんぶ かいて ください（れい: 999-4112）

## でんわばんごう

phone-wrong_format = { $label }が よめません
phone-wrong_format-fix = 0から はじまる ばんごうを かいて ください（れい: 0237-35-2111）
phone-wrong_characters = { $label }に すうじ いがいの もじが あります
phone-wrong_characters-fix = すうじと「-」だけで かいて ください（れい: 0237-35-2111）
phone-wrong_start = { $label }は 0から はじまる にほんの ばんごうです
phone-wrong_start-fix = 0から かいて ください（れい: 090-1234-5678）
phone-wrong_length = { $label }は { $expected }けたの すうじです。あなたが かいたのは { $count }けたです
phone-wrong_length-fix = 0から ぜんぶの すうじを かいて ください（れい: 090-1234-5678）

## メールアドレス

email-wrong_format = { $label }の かたちが ちがいます
email-wrong_format-fix = 「name@example.jp」の かたちで かいて ください
email-missing_at = { $label }に「@」が ありません
email-missing_at-fix = 「name@example.jp」のように 「@」を いれて ください
email-wrong_characters = { $label }に つかえない もじ（スペースや にほんごの もじ）が あります
email-wrong_characters-fix = はんかくの えいご・すうじ・きごうだけで かいて ください（れい: name@example.jp）
email-too_long = { $label }は { $max }もじまでです
email-too_long-fix = よけいな もじが ないか みて ください
email-too_short = { $label }は { $min }もじ いじょうです
email-too_short-fix = アドレスを ぜんぶ かいたか みて ください
email-domain_typo = { $label }の 「@」の あとが 「{ $domain }」と 1もじ ちがいます
email-domain_typo-fix = まちがいなら なおして ください。ただしければ そのままで だいじょうぶです

fix-email-domain = 「@」の あとを 「{ $domain }」に する

## ぎんこうの ばんごう・してんの ばんごう・こうざばんごう

bank_code-wrong_format = { $label }が よめません
bank_code-wrong_format-fix = 4けたの すうじを かいて ください（れい: 0001）
bank_code-wrong_characters = { $label }に すうじ いがいの もじが あります
bank_code-wrong_characters-fix = ぎんこうの なまえでは なく、4けたの すうじを かいて ください
bank_code-wrong_length = { $label }は 4けたの すうじです。あなたが かいたのは { $count }けたです
bank_code-wrong_length-fix = つうちょうや カードで 4けたの ばんごうを みて ください（ゆうちょ ぎんこうは 9900）
branch_code-wrong_format = { $label }が よめません
branch_code-wrong_format-fix = 3けたの すうじを かいて ください（れい: 001）
branch_code-wrong_characters = { $label }に すうじ いがいの もじが あります
branch_code-wrong_characters-fix = してんの なまえでは なく、3けたの すうじを かいて ください
branch_code-wrong_length = { $label }は 3けたの すうじです。あなたが かいたのは { $count }けたです
branch_code-wrong_length-fix = つうちょうや カードで 3けたの ばんごうを みて ください
account_number-wrong_format = { $label }が よめません
account_number-wrong_format-fix = 7けたの すうじを かいて ください
account_number-wrong_characters = { $label }に すうじ いがいの もじが あります
account_number-wrong_characters-fix = つうちょうの 7けたの すうじだけを かいて ください
account_number-too_short = { $label }は 7けたの すうじです。あなたが かいたのは { $count }けたです
account_number-too_short-fix = ばんごうが 7けたより みじかい ときは、まえに 0を つけて ください。すうじが たりないか みて ください
account_number-too_long = { $label }は 7けたの すうじです。あなたが かいたのは { $count }けたです
account_number-too_long-fix = つうちょうや カードで 7けたの ばんごうを みて ください

fix-pad-account-number = まえに 0を つけて 「{ $value }」に する

## はい・いいえ、どうい

boolean-wrong_format = 「{ $label }」の こたえが よめません
boolean-wrong_format-fix = 「はい」か 「いいえ」を えらんで ください
consent-wrong_format = 「{ $label }」の こたえが よめません
consent-wrong_format-fix = よんで、よければ チェックを いれて ください
consent-not_given = 「{ $label }」に チェックが ありません
consent-not_given-fix = どういしないと すすめません。よんで、よければ チェックを いれて ください

## えらぶ もの、コード

choice-wrong_format = 「{ $label }」の こたえが よめません
choice-wrong_format-fix = ひとつ えらんで ください
choice-unknown = 「{ $label }」で えらんだ ものが ありません
choice-unknown-fix = もういちど ひとつ えらんで ください
multi_choice-wrong_format = 「{ $label }」の こたえが よめません
multi_choice-wrong_format-fix = あう ものを えらんで ください
multi_choice-unknown = 「{ $label }」で えらんだ ものの なかに、ない ものが あります
multi_choice-unknown-fix = もういちど えらんで ください
multi_choice-too_few = 「{ $label }」は { $min }つ いじょう えらんで ください。えらんだのは { $count }つです
multi_choice-too_few-fix = あと { $need }つ えらんで ください
multi_choice-too_many = 「{ $label }」は { $max }つまで えらべます。えらんだのは { $count }つです
multi_choice-too_many-fix = { $excess }つ はずして ください
code-wrong_format = 「{ $label }」の こたえが よめません
code-wrong_format-fix = ひとつ えらんで ください
code-unknown = 「{ $label }」で えらんだ ものが ありません
code-unknown-fix = もういちど ひとつ えらんで ください
code-list_missing = 「{ $label }」の えらぶ ものを だせません
code-list_missing-fix = すこし まってから もういちど ひらいて ください。だめなら まどぐちに きいて ください

## じゅうしょ

address-wrong_format = { $label }が よめません
address-wrong_format-fix = けん、し・まち・むら、ちょうめい、ばんちを それぞれ かいて ください
address-postal_code_wrong_characters = { $label }の ゆうびんばんごうに すうじ いがいの もじが あります
address-postal_code_wrong_characters-fix = 7けたの すうじを かいて ください（れい: 999-4112）
address-postal_code_wrong_length = { $label }の ゆうびんばんごうは 7けたの すうじです。あなたが かいたのは { $count }けたです
address-postal_code_wrong_length-fix = 7けたの すうじを ぜんぶ かいて ください（れい: 999-4112）
address-prefecture_missing = { $label }の けん（とどうふけん）を かいて ください
address-prefecture_missing-fix = けんを えらんで ください（れい: 山形県）
address-prefecture_unknown = { $label }の けん（とどうふけん）の なまえが ちがいます
address-prefecture_unknown-fix = けんの なまえを かいて ください（れい: 山形県）
address-city_missing = { $label }の し・まち・むらを かいて ください
address-city_missing-fix = し・まち・むらの なまえを かいて ください（れい: 北村山郡大石田町）
address-town_missing = { $label }の ちょうめい（まちの なまえ）を かいて ください
address-town_missing-fix = ちょうめいを かいて ください（れい: 緑町）
address-block_missing = { $label }の ばんちを かいて ください
address-block_missing-fix = ちょうめ・ばんち・ごうを かいて ください（れい: 1-1）

## ファイル

file-wrong_format = { $label }の ファイルが よめません
file-wrong_format-fix = もういちど ファイルを えらんで ください
file-too_large = { $label }の ファイルが おおきすぎます。{ $max }までです。えらんだ ファイルは { $size }です
file-too_large-fix = { $max }までの ファイルを えらんで ください。しゃしんは ちいさく して ください
file-wrong_type = { $label }の ファイルは { $listed }だけです
file-wrong_type-fix = { $count ->
    [1] { $listed }の ファイルを えらんで ください
   *[other] { $listed }の どれかの ファイルを えらんで ください
}

## いちらん（グループ）

group-wrong_format = { $label }が よめません
group-wrong_format-fix = { $label }を もういちど かいて ください
group-too_few = { $label }は { $min }つ いじょう かいて ください。かいたのは { $count }つです
group-too_few-fix = あと { $need }つ ふやして ください
group-too_many = { $label }は { $max }つまでです。かいたのは { $count }つです
group-too_many-fix = { $excess }つ けして ください。かけない ぶんは まどぐちで いって ください
