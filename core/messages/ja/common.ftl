# Messages shared by every field type. $label is the field's label in the same language.
# State: empty (an instruction). Messages name the field in the label's words (ERRORS.md).

required = { $label }を入力してください
required-fix = { $label }を入力してください
required-choice = { $label }を選んでください
required-choice-fix = 選択肢から1つ選んでください
required-consent = { $label }に同意してください
required-consent-fix = 内容を確認し、同意する場合はチェックを入れてください

# The name of each field type, used as the label when a value is tried on its own
# (`tetsuzuki check-value`).
type-text = テキスト
type-multiline = テキスト
type-integer = 数
type-decimal = 数
type-money = 金額
type-date = 日付
type-year_month = 年月
type-boolean = はい・いいえ
type-consent = 同意
type-choice = 選択
type-multi_choice = 選択
type-code = コード
type-postal_code = 郵便番号
type-phone = 電話番号
type-email = メールアドレス
type-person_name = 氏名
type-katakana = フリガナ
type-zengin_kana = 口座名義（カナ）
type-my_number = 個人番号
type-corporate_number = 法人番号
type-local_government_code = 地方公共団体コード
type-bank_code = 金融機関コード
type-branch_code = 支店コード
type-account_number = 口座番号
type-address = 住所
type-file = ファイル
type-group = 一覧
