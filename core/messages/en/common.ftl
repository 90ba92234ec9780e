# Messages shared by every field type. $label is the field's label in the same language.

required = Enter { $label }
required-fix = Enter { $label }
required-choice = Select { $label }
required-choice-fix = Select one of the options
required-consent = Agree to { $label }
required-consent-fix = Read it, and tick the box if you agree

# The name of each field type, used as the label when a value is tried on its own.
type-text = text
type-multiline = text
type-integer = number
type-decimal = number
type-money = amount
type-date = date
type-year_month = month and year
type-boolean = yes or no
type-consent = agreement
type-choice = option
type-multi_choice = options
type-code = code
type-postal_code = postal code
type-phone = phone number
type-email = email address
type-person_name = name
type-katakana = name in katakana
type-zengin_kana = account holder name in kana
type-my_number = My Number
type-corporate_number = corporate number
type-local_government_code = local government code
type-bank_code = bank code
type-branch_code = branch code
type-account_number = account number
type-address = address
type-file = file
type-group = list
