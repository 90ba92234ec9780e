# やさしい日本語: short sentences, common words, spaces between phrases.

required = { $label }を かいて ください
required-fix = { $label }を かいて ください
required-choice = { $label }を えらんで ください
required-choice-fix = ひとつ えらんで ください
required-consent = { $label }に どういして ください
required-consent-fix = よんで、よければ チェックを いれて ください

# かたの なまえ (type names).
type-text = ことば
type-multiline = ことば
type-integer = かず
type-decimal = かず
type-money = おかね
type-date = ひにち
type-year_month = ねんと つき
type-boolean = はい か いいえ
type-consent = どうい
type-choice = えらぶ もの
type-multi_choice = えらぶ もの
type-code = コード
type-postal_code = ゆうびんばんごう
type-phone = でんわばんごう
type-email = メールアドレス
type-person_name = なまえ
type-katakana = なまえの よみかた（カタカナ）
type-zengin_kana = こうざの なまえ（カナ）
type-my_number = マイナンバー
type-corporate_number = ほうじんばんごう
type-local_government_code = まちの ばんごう
type-bank_code = ぎんこうの ばんごう
type-branch_code = してんの ばんごう
type-account_number = こうざばんごう
type-address = じゅうしょ
type-file = ファイル
type-group = いちらん
