# Messages shared by every field type. $label is the field's label in the same language.

required = Enter { $label }
required-fix = Enter { $label }
required-choice = Select { $label }
required-choice-fix = Select one of the options
required-consent = Agree to { $label }
required-consent-fix = Read it, and tick the box if you agree

# The name of each field type, used as the label when a value is tried on its own.
type-text = Text
type-multiline = Text
type-integer = Number
type-decimal = Number
type-money = Amount
type-date = Date
type-year_month = Month and year
type-boolean = Yes or no
type-consent = Agreement
type-choice = Option
type-multi_choice = Options
type-code = Code
type-postal_code = Postal code
type-phone = Phone number
type-email = Email address
type-person_name = Name
type-katakana = Name in katakana
type-zengin_kana = Account holder name in kana
type-my_number = My Number
type-corporate_number = Corporate number
type-local_government_code = Local government code
type-bank_code = Bank code
type-branch_code = Branch code
type-account_number = Account number
type-address = Address
type-file = File
type-group = List
