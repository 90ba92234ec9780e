# やさしい日本語: short sentences, common words, spaces between phrases.

required = { $label }を かいて ください
required-fix = { $label }を かいて ください
required-choice = { $label }を えらんで ください
required-choice-fix = ひとつ えらんで ください
required-consent = { $label }に どういして ください
required-consent-fix = よんで、よければ チェックを いれて ください
