# Messages shared by every field type. $label is the field's label in the same language.

required = Enter { $label }
required-fix = Enter { $label }
required-choice = Select { $label }
required-choice-fix = Select one of the options
required-consent = Agree to { $label }
required-consent-fix = Read it, and tick the box if you agree
