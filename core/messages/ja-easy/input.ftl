# やさしい日本語: short sentences, common words, spaces between phrases.
# Messages of the text, date and number types (core/src/validate/types/{text,dates,numbers}.rs).

## Any typed answer

text-invisible_only = { $label }に みえない もじ だけが はいって います
text-invisible_only-fix = けして、 もういちど かいて ください

## Text: text, multiline, person_name

text-wrong_format = { $label }は もじで かいて ください
text-wrong_format-fix = もういちど かいて ください
text-too_long = { $label }は { $max }もじ までです（いまは { $length }もじです）
text-too_long-fix = あと { $excess }もじ へらして ください
text-too_short = { $label }は { $min }もじ いじょう かいて ください（いまは { $length }もじです）
text-too_short-fix = あと { $shortfall }もじ いじょう かいて ください
text-wrong_characters = { $label }の 「{ $char }」は つかえない じです
text-wrong_characters-fix =
    { $kind ->
        [variant] 「{ $standard }」など ふつうの じに かえて ください。 かえられない ときは まどぐちで いって ください
        [gaiji] ふつうの じに かえて ください。 かえられない ときは まどぐちで いって ください
        [not_ascii] はんかくの えいご、 すうじ、 きごう だけで かいて ください
       *[other] 「{ $char }」を けすか、 ほかの じに かえて ください
    }
fix-standard-character = 「{ $char }」を 「{ $standard }」に かえる

person_name-no_space = { $label }の みょうじと したの なまえの さかいめが わかりません
person_name-no_space-fix = みょうじと したの なまえの あいだに スペースを いれて ください（れい: 山田 太郎）
person_name-missing_family = { $label }の みょうじを かいて ください
person_name-missing_family-fix = みょうじを かいて ください（れい: 山田）
person_name-missing_given = { $label }の したの なまえを かいて ください
person_name-missing_given-fix = したの なまえを かいて ください（れい: 太郎）

## フリガナ

katakana-hiragana = { $label }は カタカナで かいて ください（ひらがなが はいって います）
katakana-hiragana-fix = ひらがなを カタカナに かえて ください（れい: ヤマダ　タロウ）
fix-hiragana-to-katakana = ひらがなを カタカナに かえる
katakana-wrong_characters =
    { $kind ->
        [kanji] { $label }に かんじは つかえません
        [latin] { $label }に アルファベットは つかえません
        [digit] { $label }に すうじは つかえません
       *[other] { $label }の 「{ $char }」は つかえない じです
    }
katakana-wrong_characters-fix = よみかたを カタカナで かいて ください（れい: ヤマダ　タロウ）

## こうざの なまえ

zengin_kana-not_bank_form = { $label }は ぎんこうの かきかたで かいて ください（「{ $from }」は 「{ $to }」と かきます）
zengin_kana-not_bank_form-fix = つうちょうや キャッシュカードに かいて ある とおりに かいて ください
fix-zengin-fold = ぎんこうの かきかた 「{ $value }」に する
zengin_kana-wrong_characters =
    { $kind ->
        [kanji] { $label }に かんじは つかえません
       *[other] { $label }の 「{ $char }」は つかえない じです
    }
zengin_kana-wrong_characters-fix =
    { $kind ->
        [kanji] つうちょうに かいて ある とおり、 カタカナで かいて ください（れい: ﾔﾏﾀﾞ ﾀﾛｳ）
       *[other] 「{ $char }」を けして ください。 つかえるのは カタカナ、 えいごの おおもじ、 すうじ、 スペース、 ( ) ｢ ｣ / . - ¥ です
    }

## ひづけ

date-wrong_format = { $label }は ひづけの かたちで かいて ください
date-wrong_format-fix = 2025年1月5日、 れいわ7年1月5日 の ように かいて ください
date-stray_separator = { $label }に よけいな 「{ $char }」が あります
date-stray_separator-fix = 「{ $char }」は ねん・つき・ひの あいだに ひとつずつ いれて ください（れい: 2025-01-05、 2025/1/5）
date-missing_year = { $label }の 「年」を かいて ください
date-missing_year-fix = ねんを かいて ください（れい: 2025年、 れいわ7年）
date-missing_month = { $label }の 「月」を かいて ください
date-missing_month-fix = つきを 1から 12の すうじで かいて ください
date-missing_day = { $label }の 「日」を かいて ください
date-missing_day-fix = ひを すうじで かいて ください（れい: 5日）
date-ambiguous_year = { $label }の 「{ $year }年」が せいれきか、 れいわ などか わかりません
date-ambiguous_year-fix = せいれきは 4けたで かいて ください。 れいわ などは 「れいわ」を つけて かいて ください（れい: 2025年、 れいわ7年）
date-era_out_of_range =
    { $label }の { $era }{ $year }年は ありません（{ $year ->
        [0] { $era }は 1年からです
       *[other] { $era }は { $last }年までです
    }）
date-era_out_of_range-fix = ねんごうと ねんを たしかめて ください。 せいれきでも かけます（れい: 2020年3月31日）
date-lunar_calendar = { $label }の { $era }{ $year }年の ひづけは むかしの こよみです。 いまの こよみに なおせません
date-lunar_calendar-fix = せいれきの ひづけが わかれば、 せいれきで かいて ください。 わからなければ、 まどぐちで きいて ください
date-impossible =
    { $label }は ほんとうに ある ひづけに して ください（{ $part ->
        [year] { $year }年は ありません
        [month] { $month }月は ありません
        [leap] { $year }年の 2月は 28日までです
       *[day] { $month }月{ $day }日は ありません
    }）
date-impossible-fix =
    { $part ->
        [year] ねんを たしかめて ください
        [month] つきを 1から 12の すうじで かいて ください
        [leap] ひづけを たしかめて ください
       *[day] ひづけを たしかめて ください（{ $month }月は { $last_day }日までです）
    }
date-wrong_era = { $label }の ねんごうが ちがいます（{ $given }は { $right }です）
date-wrong_era-fix = { $right }と かいて ください
fix-wareki-era = { $right }と して いれる
fix-wareki-to-seireki = { $era_year }を { $year }年と して いれる
date-future = { $label }は きょうか、 きょうより まえの ひに して ください
date-future-fix = きょうより あとの ひは かけません
date-past = { $label }は きょうか、 きょうより あとの ひに して ください
date-past-fix = きょうより まえの ひは かけません

## ねんと つき

year_month-wrong_format = { $label }は ねんと つきの かたちで かいて ください
year_month-wrong_format-fix = 2025年1月、 れいわ7年1月 の ように かいて ください
year_month-stray_separator = { $label }に よけいな 「{ $char }」が あります
year_month-stray_separator-fix = 「{ $char }」は ねんと つきの あいだに ひとつだけ いれて ください（れい: 2025-01、 2025/1）
year_month-missing_year = { $label }の 「年」を かいて ください
year_month-missing_year-fix = ねんを かいて ください（れい: 2025年、 れいわ7年）
year_month-missing_month = { $label }の 「月」を かいて ください
year_month-missing_month-fix = つきを 1から 12の すうじで かいて ください
year_month-ambiguous_year = { $label }の 「{ $year }年」が せいれきか、 れいわ などか わかりません
year_month-ambiguous_year-fix = せいれきは 4けたで かいて ください。 れいわ などは 「れいわ」を つけて かいて ください（れい: 2025年、 れいわ7年）
year_month-era_out_of_range =
    { $label }の { $era }{ $year }年は ありません（{ $year ->
        [0] { $era }は 1年からです
       *[other] { $era }は { $last }年までです
    }）
year_month-era_out_of_range-fix = ねんごうと ねんを たしかめて ください。 せいれきでも かけます（れい: 2020年3月）
year_month-lunar_calendar = { $label }の { $era }{ $year }年は むかしの こよみです。 いまの こよみに なおせません
year_month-lunar_calendar-fix = せいれきが わかれば、 せいれきで かいて ください。 わからなければ、 まどぐちで きいて ください
year_month-impossible =
    { $label }は ほんとうに ある ねんと つきに して ください（{ $part ->
        [year] { $year }年は ありません
       *[month] { $month }月は ありません
    }）
year_month-impossible-fix =
    { $part ->
        [year] ねんを たしかめて ください
       *[month] つきを 1から 12の すうじで かいて ください
    }
year_month-wrong_era = { $label }の ねんごうが ちがいます（{ $given }は { $right }です）
year_month-wrong_era-fix = { $right }と かいて ください
year_month-future = { $label }は こんげつか、 こんげつより まえに して ください
year_month-future-fix = こんげつより あとの つきは かけません
year_month-past = { $label }は こんげつか、 こんげつより あとに して ください
year_month-past-fix = こんげつより まえの つきは かけません

## かず

integer-not_a_number = { $label }は すうじで かいて ください
integer-not_a_number-fix =
    { $kind ->
        [no_digits] すうじを かいて ください（れい: 3）
       *[char] 「{ $char }」を けして、 すうじ だけに して ください（れい: 3）
    }
integer-not_whole = { $label }は 「.」の ない すうじで かいて ください
integer-not_whole-fix = 「.」から うしろを けして ください（れい: 3）
decimal-not_a_number = { $label }は すうじで かいて ください
decimal-not_a_number-fix =
    { $kind ->
        [no_digits] すうじを かいて ください（れい: 1.5）
       *[char] 「{ $char }」を けして、 すうじと 「.」 だけに して ください（れい: 1.5）
    }
money-not_a_number = { $label }は おかねを すうじで かいて ください
money-not_a_number-fix =
    { $kind ->
        [no_digits] おかねを すうじで かいて ください（れい: 12,000）
       *[char] 「{ $char }」を けして、 すうじ だけに して ください（れい: 12,000）
    }
money-not_whole = { $label }は 1えん より こまかく かけません
money-not_whole-fix = 「.」から うしろを けして ください
number-too_many_digits = { $label }は { $max_digits }けた までです
number-too_many_digits-fix = けたの かずを たしかめて ください
number-too_small = { $label }は { $min }か、 それより おおきい かずに して ください
number-too_small-fix = { $min }より ちいさい かずは かけません
number-too_large = { $label }は { $max }か、 それより ちいさい かずに して ください
number-too_large-fix = { $max }より おおきい かずは かけません
money-too_small = { $label }は { $min }えんか、 それより おおきく して ください
money-too_small-fix = { $min }えんより すくない おかねは かけません
money-too_large = { $label }は { $max }えんか、 それより ちいさく して ください
money-too_large-fix = { $max }えんより おおい おかねは かけません
