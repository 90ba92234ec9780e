# Messages shared by every field type. $label is the field's label in the same language.
# State: empty (an instruction). Messages name the field in the label's words (ERRORS.md).

required = { $label }を入力してください
required-fix = { $label }を入力してください
required-choice = { $label }を選んでください
required-choice-fix = 選択肢から1つ選んでください
required-consent = { $label }に同意してください
required-consent-fix = 内容を確認し、同意する場合はチェックを入れてください
