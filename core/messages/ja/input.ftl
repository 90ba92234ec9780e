# Messages of the text, date and number types (core/src/validate/types/{text,dates,numbers}.rs).
# $label is the field's label. A message says what is wrong (a description; an instruction
# only for a missing part); its -fix says what to do. Machine-fix labels (fix-…) name the action.
# Dates: missing part > impossible > rule (shared/design/ERRORS.md).

## Any typed answer

text-invisible_only = { $label }に見えない文字だけが入力されています
text-invisible_only-fix = 入力欄の中を消して、{ $label }をもう一度入力してください

## Text: text, multiline, person_name

text-wrong_format = { $label }は文字で入力してください
text-wrong_format-fix = { $label }をもう一度入力してください
text-too_long = { $label }は{ $max }文字以内にしてください（今は{ $length }文字です）
text-too_long-fix = あと{ $excess }文字減らしてください
text-too_short = { $label }は{ $min }文字以上にしてください（今は{ $length }文字です）
text-too_short-fix = あと{ $shortfall }文字以上入力してください
text-wrong_characters = { $label }の「{ $char }」は使えない文字です
text-wrong_characters-fix =
    { $kind ->
        [variant] 「{ $standard }」などの標準的な字に置き換えるか、窓口でお申し出ください
        [gaiji] 標準的な字に置き換えるか、窓口でお申し出ください
        [not_ascii] 半角の英字、数字、記号だけで入力してください
       *[other] 「{ $char }」を消すか、ほかの文字に置き換えてください
    }
fix-standard-character = 「{ $char }」を「{ $standard }」に置き換える

person_name-no_space = { $label }の姓と名の区切りが分かりません
person_name-no_space-fix = 姓と名の間にスペースを入れてください（例: 山田 太郎）
person_name-missing_family = { $label }の姓を入力してください
person_name-missing_family-fix = 姓（名字）を入力してください（例: 山田）
person_name-missing_given = { $label }の名を入力してください
person_name-missing_given-fix = 名を入力してください（例: 太郎）

## フリガナ (katakana)

katakana-hiragana = { $label }はカタカナで入力してください（ひらがなが入っています）
katakana-hiragana-fix = ひらがなをカタカナに直してください（例: ヤマダ　タロウ）
fix-hiragana-to-katakana = ひらがなをカタカナに変換する
katakana-wrong_characters =
    { $kind ->
        [kanji] { $label }に漢字は使えません
        [latin] { $label }に英字は使えません
        [digit] { $label }に数字は使えません
       *[other] { $label }の「{ $char }」は使えない文字です
    }
katakana-wrong_characters-fix = 読み方をカタカナで入力してください（例: ヤマダ　タロウ）

## 口座名義 (zengin_kana)

zengin_kana-not_bank_form = { $label }は銀行での書き方にしてください（「{ $from }」は「{ $to }」と書きます）
zengin_kana-not_bank_form-fix = 通帳やキャッシュカードに書かれているとおりに入力してください
fix-zengin-fold = 銀行での書き方「{ $value }」にする
zengin_kana-wrong_characters =
    { $kind ->
        [kanji] { $label }に漢字は使えません
       *[other] { $label }の「{ $char }」は使えない文字です
    }
zengin_kana-wrong_characters-fix =
    { $kind ->
        [kanji] 通帳やキャッシュカードに書かれているとおり、カタカナで入力してください（例: ﾔﾏﾀﾞ ﾀﾛｳ）
       *[other] 「{ $char }」を消してください。使えるのはカタカナ、英大文字、数字、スペースと ( ) ｢ ｣ / . - ¥ です
    }

## Dates

date-wrong_format = { $label }は日付の形にしてください
date-wrong_format-fix = 2025年1月5日、令和7年1月5日、2025/1/5 のように入力してください
date-stray_separator = { $label }に余分な「{ $char }」があります
date-stray_separator-fix = 「{ $char }」は年・月・日の間に1つずつ入れてください（例: 2025-01-05、2025/1/5、2025年1月5日）
date-missing_year = { $label }に年を入力してください
date-missing_year-fix = 年を西暦（例: 2025年）か和暦（例: 令和7年）で入力してください
date-missing_month = { $label }に月を入力してください
date-missing_month-fix = 月を1から12の数字で入力してください
date-missing_day = { $label }に日を入力してください
date-missing_day-fix = 日を数字で入力してください（例: 5日）
date-ambiguous_year = { $label }の「{ $year }年」が西暦か和暦か分かりません
date-ambiguous_year-fix = 西暦は4桁で、和暦は元号を付けて入力してください（例: 2025年、令和7年）
date-era_out_of_range =
    { $label }の{ $era }{ $year }年はありません（{ $year ->
        [0] { $era }は元年からです
       *[other] { $era }は{ $last }年までです
    }）
date-era_out_of_range-fix = 元号と年を確かめてください。西暦でも入力できます（例: 2020年3月31日）
date-lunar_calendar = { $label }の{ $era }{ $year }年の日付は旧暦のため、今の暦に直せません
date-lunar_calendar-fix = 明治5年までの日付は、西暦で分かる場合は西暦で入力し、分からない場合は窓口でご相談ください
date-impossible =
    { $label }は実在する日付にしてください（{ $part ->
        [year] { $year }年はありません
        [month] { $month }月はありません
        [leap] { $year }年の2月は28日までです
       *[day] { $month }月{ $day }日はありません
    }）
date-impossible-fix =
    { $part ->
        [year] 年を確かめてください
        [month] 月を1から12の数字で入力してください
        [leap] 日付を確かめてください（2月29日はうるう年だけにあります）
       *[day] 日付を確かめてください（{ $month }月は{ $last_day }日までです）
    }
date-wrong_era = { $label }の元号が違います（{ $given }は{ $right }にあたります）
date-wrong_era-fix = { $right }として入力してください
fix-wareki-era = { $right }として入力する
fix-wareki-to-seireki = { $era_year }を{ $year }年として入力する
date-future = { $label }は今日以前の日付にしてください
date-future-fix = 今日か、今日より前の日付を入力してください
date-past = { $label }は今日以降の日付にしてください
date-past-fix = 今日か、今日より後の日付を入力してください

## Year and month

year_month-wrong_format = { $label }は年と月の形にしてください
year_month-wrong_format-fix = 2025年1月、令和7年1月、2025/1 のように入力してください
year_month-stray_separator = { $label }に余分な「{ $char }」があります
year_month-stray_separator-fix = 「{ $char }」は年と月の間に1つだけ入れてください（例: 2025-01、2025/1、2025年1月）
year_month-missing_year = { $label }に年を入力してください
year_month-missing_year-fix = 年を西暦（例: 2025年）か和暦（例: 令和7年）で入力してください
year_month-missing_month = { $label }に月を入力してください
year_month-missing_month-fix = 月を1から12の数字で入力してください
year_month-ambiguous_year = { $label }の「{ $year }年」が西暦か和暦か分かりません
year_month-ambiguous_year-fix = 西暦は4桁で、和暦は元号を付けて入力してください（例: 2025年、令和7年）
year_month-era_out_of_range =
    { $label }の{ $era }{ $year }年はありません（{ $year ->
        [0] { $era }は元年からです
       *[other] { $era }は{ $last }年までです
    }）
year_month-era_out_of_range-fix = 元号と年を確かめてください。西暦でも入力できます（例: 2020年3月）
year_month-lunar_calendar = { $label }の{ $era }{ $year }年は旧暦のため、今の暦に直せません
year_month-lunar_calendar-fix = 明治5年までの年月は、西暦で分かる場合は西暦で入力し、分からない場合は窓口でご相談ください
year_month-impossible =
    { $label }は実在する年月にしてください（{ $part ->
        [year] { $year }年はありません
       *[month] { $month }月はありません
    }）
year_month-impossible-fix =
    { $part ->
        [year] 年を確かめてください
       *[month] 月を1から12の数字で入力してください
    }
year_month-wrong_era = { $label }の元号が違います（{ $given }は{ $right }にあたります）
year_month-wrong_era-fix = { $right }として入力してください
year_month-future = { $label }は今月以前にしてください
year_month-future-fix = 今月か、今月より前の年月を入力してください
year_month-past = { $label }は今月以降にしてください
year_month-past-fix = 今月か、今月より後の年月を入力してください

## Numbers

integer-not_a_number = { $label }は数字で入力してください
integer-not_a_number-fix =
    { $kind ->
        [no_digits] 数字を入力してください（例: 3）
       *[char] 「{ $char }」を消して、数字だけにしてください（例: 3）
    }
integer-not_whole = { $label }は整数（小数点のない数）で入力してください
integer-not_whole-fix = 小数点から後ろを消してください（例: 3）
decimal-not_a_number = { $label }は数字で入力してください
decimal-not_a_number-fix =
    { $kind ->
        [no_digits] 数字を入力してください（例: 1.5）
       *[char] 「{ $char }」を消して、数字と小数点だけにしてください（例: 1.5）
    }
money-not_a_number = { $label }は金額を数字で入力してください
money-not_a_number-fix =
    { $kind ->
        [no_digits] 金額を円単位の数字で入力してください（例: 12,000）
       *[char] 「{ $char }」を消して、円単位の数字にしてください（例: 12,000）
    }
money-not_whole = { $label }は1円単位で入力してください
money-not_whole-fix = 1円未満（小数点から後ろ）を消してください
number-too_many_digits = { $label }は{ $max_digits }桁以内の数字にしてください
number-too_many_digits-fix = 数字の桁数を確かめてください
number-too_small = { $label }は{ $min }以上にしてください
number-too_small-fix = { $min }以上の数を入力してください
number-too_large = { $label }は{ $max }以下にしてください
number-too_large-fix = { $max }以下の数を入力してください
money-too_small = { $label }は{ $min }円以上にしてください
money-too_small-fix = { $min }円以上の金額を入力してください
money-too_large = { $label }は{ $max }円以下にしてください
money-too_large-fix = { $max }円以下の金額を入力してください
