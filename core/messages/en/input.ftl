# Messages of the text, date and number types (core/src/validate/types/{text,dates,numbers}.rs).
# $label is the field's label, written first (labels begin with a capital letter). GOV.UK style:
# "[Label] must be …" for what is wrong, a short instruction for the fix. A label written inside
# a sentence reads as words of it (common.ftl).

## Any typed answer

text-invisible_only = { $label } only contains characters that cannot be seen
text-invisible_only-fix = Delete what is in the box and enter the answer again

## Text: text, multiline, person_name

text-wrong_format = { $label } must be text
text-wrong_format-fix = Enter the answer again as text
text-too_long = { $label } must be { $max } { $max ->
        [one] character
       *[other] characters
    } or fewer (it is { $length } now)
text-too_long-fix = Remove { $excess } { $excess ->
        [one] character
       *[other] characters
    }
text-too_short = { $label } must be { $min } { $min ->
        [one] character
       *[other] characters
    } or more (it is { $length } now)
text-too_short-fix = Add at least { $shortfall } more { $shortfall ->
        [one] character
       *[other] characters
    }
text-wrong_characters = { $label } must not include “{ $char }”
text-wrong_characters-fix =
    { $kind ->
        [variant] Use the standard form, such as “{ $standard }”, or tell us at the town office counter
        [gaiji] Use a standard form of the character, or tell us at the town office counter
        [not_ascii] Use only half-width letters, digits and symbols
       *[other] Remove “{ $char }” or use a different character
    }
fix-standard-character = Replace “{ $char }” with “{ $standard }”

person_name-no_space = { $label } must have a space between the family name and the given name
person_name-no_space-fix = Put a space between the family name and the given name, like 山田 太郎
person_name-missing_family = { $label } must include a family name
person_name-missing_family-fix = Enter the family name (surname), like 山田
person_name-missing_given = { $label } must include a given name
person_name-missing_given-fix = Enter the given name, like 太郎

## Reading in katakana

katakana-hiragana = { $label } must be in katakana, not hiragana
katakana-hiragana-fix = Change the hiragana to katakana, like ヤマダ　タロウ
fix-hiragana-to-katakana = Change hiragana to katakana
katakana-wrong_characters =
    { $kind ->
        [kanji] { $label } must not include kanji
        [latin] { $label } must not include Latin letters
        [digit] { $label } must not include digits
       *[other] { $label } must not include “{ $char }”
    }
katakana-wrong_characters-fix = Enter the reading in katakana, like ヤマダ　タロウ

## Bank account name

zengin_kana-not_bank_form = { $label } must be written the way banks write it (“{ $to }” for “{ $from }”)
zengin_kana-not_bank_form-fix = Enter it exactly as it is shown on your passbook or cash card
fix-zengin-fold = Change it to the bank form “{ $value }”
zengin_kana-wrong_characters =
    { $kind ->
        [kanji] { $label } must not include kanji
       *[other] { $label } must not include “{ $char }”
    }
zengin_kana-wrong_characters-fix =
    { $kind ->
        [kanji] Enter it in katakana, exactly as it is shown on your passbook or cash card, like ﾔﾏﾀﾞ ﾀﾛｳ
       *[other] Remove “{ $char }”. You can use katakana, capital letters, digits, spaces and ( ) ｢ ｣ / . - ¥
    }

## Dates

date-wrong_format = { $label } must be a real date
date-wrong_format-fix = Enter a date like 2025-01-05, 2025年1月5日 or 令和7年1月5日
date-stray_separator = { $label } must not have an extra “{ $char }”
date-stray_separator-fix = Put one “{ $char }” between the year, month and day only, like 2025-01-05 or 2025/1/5
date-missing_year = { $label } must include a year
date-missing_year-fix = Enter the year, like 2025 or 令和7年
date-missing_month = { $label } must include a month
date-missing_month-fix = Enter the month as a number from 1 to 12
date-missing_day = { $label } must include a day
date-missing_day-fix = Enter the day as a number, like 5
date-ambiguous_year = { $label } must have a 4-digit year or an era, such as 令和: it is not clear which year { $year } means
date-ambiguous_year-fix = Enter the year with 4 digits, like 2025, or with its era, like 令和7年
date-era_out_of_range =
    { $label } must be a real date ({ $year ->
        [0] { $era } starts at year 1, written 元年
       *[other] { $era } ended in year { $last }
    })
date-era_out_of_range-fix = Check the era and the year, or enter the date in the Western calendar, like 2020-03-31
date-lunar_calendar = { $label } must be in the Western calendar: dates up to 明治5年 (1872) are in the old lunar calendar
date-lunar_calendar-fix = Enter the date in the Western calendar if you know it, or ask at the town office counter
date-impossible =
    { $label } must be a real date ({ $part ->
        [year] there is no year { $year }
        [month] there is no month { $month }
        [leap] February { $year } has 28 days
       *[day] there is no { $day } { $month ->
            [1] January
            [2] February
            [3] March
            [4] April
            [5] May
            [6] June
            [7] July
            [8] August
            [9] September
            [10] October
            [11] November
           *[12] December
        }
    })
date-impossible-fix =
    { $part ->
        [year] Check the year
        [month] Enter the month as a number from 1 to 12
        [leap] Check the date: 29 February is only in leap years
       *[day] Check the date: that month has { $last_day } days
    }
date-wrong_era = { $label } is in the wrong era ({ $given } is { $right })
date-wrong_era-fix = Enter { $right }, or the date in the Western calendar
fix-wareki-era = Enter it as { $right } ({ $iso })
fix-wareki-to-seireki = Enter { $era_year } as { $year }
date-future = { $label } must be today or in the past
date-future-fix = Enter today’s date or a date before today
date-past = { $label } must be today or in the future
date-past-fix = Enter today’s date or a date after today

## Year and month

year_month-wrong_format = { $label } must be a month and year, without a day
year_month-wrong_format-fix = Enter a month and year like 2025-01, 2025年1月 or 令和7年1月
year_month-stray_separator = { $label } must not have an extra “{ $char }”
year_month-stray_separator-fix = Put one “{ $char }” between the year and month only, like 2025-01 or 2025/1
year_month-missing_year = { $label } must include a year
year_month-missing_year-fix = Enter the year, like 2025 or 令和7年
year_month-missing_month = { $label } must include a month
year_month-missing_month-fix = Enter the month as a number from 1 to 12
year_month-ambiguous_year = { $label } must have a 4-digit year or an era, such as 令和: it is not clear which year { $year } means
year_month-ambiguous_year-fix = Enter the year with 4 digits, like 2025, or with its era, like 令和7年
year_month-era_out_of_range =
    { $label } must be a real month and year ({ $year ->
        [0] { $era } starts at year 1, written 元年
       *[other] { $era } ended in year { $last }
    })
year_month-era_out_of_range-fix = Check the era and the year, or enter the month in the Western calendar, like 2020-03
year_month-lunar_calendar = { $label } must be in the Western calendar: months up to 明治5年 (1872) are in the old lunar calendar
year_month-lunar_calendar-fix = Enter the month in the Western calendar if you know it, or ask at the town office counter
year_month-impossible =
    { $label } must be a real month and year ({ $part ->
        [year] there is no year { $year }
       *[month] there is no month { $month }
    })
year_month-impossible-fix =
    { $part ->
        [year] Check the year
       *[month] Enter the month as a number from 1 to 12
    }
year_month-wrong_era = { $label } is in the wrong era ({ $given } is { $right })
year_month-wrong_era-fix = Enter { $right }, or the month in the Western calendar
year_month-future = { $label } must be this month or in the past
year_month-future-fix = Enter this month or an earlier one
year_month-past = { $label } must be this month or in the future
year_month-past-fix = Enter this month or a later one

## Numbers

integer-not_a_number = { $label } must be a number
integer-not_a_number-fix =
    { $kind ->
        [no_digits] Enter a number, like 3
       *[char] Remove “{ $char }” and enter a number, like 3
    }
integer-not_whole = { $label } must be a whole number
integer-not_whole-fix = Remove the decimal point and what follows it, like 3
decimal-not_a_number = { $label } must be a number
decimal-not_a_number-fix =
    { $kind ->
        [no_digits] Enter a number, like 1.5
       *[char] Remove “{ $char }” and enter a number, like 1.5
    }
money-not_a_number = { $label } must be an amount in yen
money-not_a_number-fix =
    { $kind ->
        [no_digits] Enter the amount in yen, like 12,000
       *[char] Remove “{ $char }” and enter the amount in yen, like 12,000
    }
money-not_whole = { $label } must be a whole number of yen
money-not_whole-fix = Remove the decimal point and what follows it
number-too_many_digits = { $label } must be { $max_digits } digits or fewer
number-too_many_digits-fix = Check the number of digits
number-too_small = { $label } must be { $min } or more
number-too_small-fix = Enter a number of { $min } or more
number-too_large = { $label } must be { $max } or less
number-too_large-fix = Enter a number of { $max } or less
money-too_small = { $label } must be ¥{ $min } or more
money-too_small-fix = Enter an amount of ¥{ $min } or more
money-too_large = { $label } must be ¥{ $max } or less
money-too_large-fix = Enter an amount of ¥{ $max } or less
