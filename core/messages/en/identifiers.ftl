# Messages of numbers and codes, choices, addresses, files and lists (identifiers.rs,
# choices.rs, structured.rs). $label is the field's label. One message per state (what is
# wrong) and its fix (-fix). My Number messages never contain its digits, only their count.

## My Number

my_number-wrong_format = { $label } could not be read
my_number-wrong_format-fix = Enter the 12 digits shown on the card
my_number-wrong_characters = { $label } must only include numbers
my_number-wrong_characters-fix = Enter only the 12 digits shown on the card
my_number-wrong_length = { $label } must be 12 digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
my_number-wrong_length-fix = Enter all 12 digits shown on your My Number Card or notification card
my_number-check_digit = { $label } may have a wrong digit
my_number-check_digit-fix = Check the 12 digits on your card again

## Corporate number

corporate_number-wrong_format = { $label } could not be read
corporate_number-wrong_format-fix = Enter the 13 digits
corporate_number-wrong_characters = { $label } must only include numbers
corporate_number-wrong_characters-fix = Enter only the 13 digits
corporate_number-wrong_length = { $label } must be 13 digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
corporate_number-wrong_length-fix = Enter all 13 digits. You can look the number up on the National Tax Agency's corporate number site
corporate_number-check_digit = { $label } may have a wrong digit
corporate_number-check_digit-fix = Check the 13 digits again. You can look the number up on the National Tax Agency's corporate number site
corporate_number-invoice_number = { $label } must not start with a T. Numbers starting with T are invoice registration numbers
corporate_number-invoice_number-fix = Enter the 13 digits without the T. For a company, they are its corporate number

fix-remove-t = Remove the T: { $value }

## Local government code

local_government_code-wrong_format = { $label } could not be read
local_government_code-wrong_format-fix = Enter 6 digits, like 063410
local_government_code-wrong_characters = { $label } must only include numbers
local_government_code-wrong_characters-fix = Enter 6 digits, like 063410
local_government_code-wrong_length = { $label } must be 6 digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
local_government_code-wrong_length-fix = Enter 6 digits, like 063410
local_government_code-missing_check_digit = { $label } must be 6 digits. The 5 digits you entered are missing the check digit at the end
local_government_code-missing_check_digit-fix = Add the check digit at the end
local_government_code-check_digit = { $label } may have a wrong digit
local_government_code-check_digit-fix = Check the 6 digits again

fix-add-check-digit = Add the check digit: { $value }

## Postal code

postal_code-wrong_format = { $label } could not be read
postal_code-wrong_format-fix = Enter 7 digits, like 999-4112
postal_code-wrong_characters = { $label } must only include numbers and a hyphen
postal_code-wrong_characters-fix = Enter 7 digits, like 999-4112
postal_code-wrong_length = { $label } must be 7 digits, like 999-4112. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
postal_code-wrong_length-fix = Enter all 7 digits, like 999-4112

## Phone number

phone-wrong_format = { $label } could not be read
phone-wrong_format-fix = Enter the number with its area code, like 0237-35-2111
phone-wrong_characters = { $label } must only include numbers and hyphens
phone-wrong_characters-fix = Enter only numbers and hyphens, like 0237-35-2111. Leave out any extension number
phone-wrong_start = { $label } must be a Japanese number starting with 0
phone-wrong_start-fix = Enter the number from the 0 of the area code, like 0237-35-2111 or 090-1234-5678
phone-wrong_length = { $label } must be { $expected } digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
phone-wrong_length-fix = Enter every digit, starting with the area code, like 0237-35-2111 or 090-1234-5678

## Email address

email-wrong_format = { $label } must be in the format name@example.com
email-wrong_format-fix = Enter it in the format name@example.com
email-missing_at = { $label } must include an @
email-missing_at-fix = Enter it with an @, like name@example.com
email-wrong_characters = { $label } must not include spaces, Japanese characters or other characters an email address cannot have
email-wrong_characters-fix = Use only letters a to z, numbers and symbols, like name@example.com
email-too_long = { $label } must be { $max } characters or fewer
email-too_long-fix = Check for extra characters, such as a second address
email-too_short = { $label } must be { $min } characters or more
email-too_short-fix = Check you entered the whole address
email-domain_typo = { $label } may have a typing mistake: the part after the @ is 1 character different from { $domain }, which many people use
email-domain_typo-fix = If you meant { $domain }, change it. If it is right, you can continue

fix-email-domain = Change the part after @ to { $domain }

## Bank code, branch code, account number

bank_code-wrong_format = { $label } could not be read
bank_code-wrong_format-fix = Enter 4 digits, like 0001
bank_code-wrong_characters = { $label } must only include numbers
bank_code-wrong_characters-fix = Enter the 4-digit code, not the bank's name, like 0001
bank_code-wrong_length = { $label } must be 4 digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
bank_code-wrong_length-fix = Check the 4-digit code on your passbook or bank card. Japan Post Bank is 9900
branch_code-wrong_format = { $label } could not be read
branch_code-wrong_format-fix = Enter 3 digits, like 001
branch_code-wrong_characters = { $label } must only include numbers
branch_code-wrong_characters-fix = Enter the 3-digit number, not the branch name, like 001
branch_code-wrong_length = { $label } must be 3 digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
branch_code-wrong_length-fix = Check the 3-digit branch number on your passbook or bank card
account_number-wrong_format = { $label } could not be read
account_number-wrong_format-fix = Enter 7 digits
account_number-wrong_characters = { $label } must only include numbers
account_number-wrong_characters-fix = Enter only the 7 digits shown on your passbook or bank card
account_number-too_short = { $label } must be 7 digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
account_number-too_short-fix = If the number on your passbook is shorter than 7 digits, add zeros at the start. Check that no digit is missing
account_number-too_long = { $label } must be 7 digits. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
account_number-too_long-fix = Check the 7-digit account number on your passbook or bank card. For Japan Post Bank, convert the symbol and number to the branch and account number for transfers

fix-pad-account-number = Add zeros at the start: { $value }

## Yes or no, agreement

boolean-wrong_format = The answer to “{ $label }” could not be read
boolean-wrong_format-fix = Select yes or no
consent-wrong_format = The answer to “{ $label }” could not be read
consent-wrong_format-fix = Read it, and tick the box if you agree
consent-not_given = “{ $label }” is not ticked
consent-not_given-fix = You cannot continue without agreeing. Read it, and tick the box if you agree

## Options and codes

choice-wrong_format = The answer to “{ $label }” could not be read
choice-wrong_format-fix = Select one of the options
choice-unknown = The answer to “{ $label }” is not one of the options
choice-unknown-fix = Select one of the options again
multi_choice-wrong_format = The answers to “{ $label }” could not be read
multi_choice-wrong_format-fix = Select the options that apply
multi_choice-unknown = An answer to “{ $label }” is not one of the options
multi_choice-unknown-fix = Select the options that apply again
multi_choice-too_few = Select at least { $min } { $min ->
    [one] option
   *[other] options
} for “{ $label }”. You selected { $count }
multi_choice-too_few-fix = Select { $need } more { $need ->
    [one] option
   *[other] options
}
multi_choice-too_many = Select { $max } { $max ->
    [one] option
   *[other] options
} or fewer for “{ $label }”. You selected { $count }
multi_choice-too_many-fix = Unselect { $excess } { $excess ->
    [one] option
   *[other] options
}
code-wrong_format = The answer to “{ $label }” could not be read
code-wrong_format-fix = Select one of the options
code-unknown = The answer to “{ $label }” is not one of the options
code-unknown-fix = Select one of the options again
code-list_missing = The options for “{ $label }” cannot be shown
code-list_missing-fix = Try again later. If it keeps happening, contact the town office

## Address

address-wrong_format = { $label } could not be read
address-wrong_format-fix = Enter the prefecture, city, town and block number, each in its own box
address-postal_code_wrong_characters = The postal code of { $label } must only include numbers and a hyphen
address-postal_code_wrong_characters-fix = Enter 7 digits, like 999-4112
address-postal_code_wrong_length = The postal code of { $label } must be 7 digits, like 999-4112. You entered { $count } { $count ->
    [one] digit
   *[other] digits
}
address-postal_code_wrong_length-fix = Enter all 7 digits, like 999-4112
address-prefecture_missing = Enter the prefecture of { $label }
address-prefecture_missing-fix = Select the prefecture, like Yamagata (山形県)
address-prefecture_unknown = The prefecture of { $label } must be one of the 47 prefectures
address-prefecture_unknown-fix = Enter the name of the prefecture, like 山形県. The city goes in the next box
address-city_missing = Enter the city, ward, town or village of { $label }
address-city_missing-fix = Enter the municipality, like 北村山郡大石田町
address-town_missing = Enter the district of { $label }
address-town_missing-fix = Enter the district (町名 or 大字), like 緑町
address-block_missing = Enter the block number of { $label }
address-block_missing-fix = Enter the chōme, block and house number, like 1-1

## File

file-wrong_format = The file for “{ $label }” could not be read
file-wrong_format-fix = Select the file again
file-too_large = The file for “{ $label }” must be { $max } or smaller. The selected file is { $size }
file-too_large-fix = Select a file of { $max } or smaller. For a photo, save it again at a smaller size
file-wrong_type = The file for “{ $label }” must be a { $count ->
    [1] { $last }
   *[other] { $types } or { $last }
} file
file-wrong_type-fix = Select a { $count ->
    [1] { $last }
   *[other] { $types } or { $last }
} file

## List (group)

group-wrong_format = { $label } could not be read
group-wrong_format-fix = Enter { $label } again
group-too_few = “{ $label }” needs at least { $min } { $min ->
    [one] entry
   *[other] entries
}. There { $count ->
    [one] is
   *[other] are
} { $count } now
group-too_few-fix = Add { $need } more
group-too_many = “{ $label }” can have up to { $max } { $max ->
    [one] entry
   *[other] entries
}. There are { $count } now
group-too_many-fix = Remove { $excess }. You can tell the town office about the rest at the counter
