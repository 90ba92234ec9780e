# The authors' diagnostics (`tetsuzuki check`), in English. Ids are the diagnostic's code, or
# the code and a suffix when one code says several things; `-fix` is what to write instead.
# Compiled only with the `authoring` feature (core/build.rs); ja-easy falls back to ja.

## The frame of a rendered diagnostic

diagnostic-error = error
diagnostic-warning = warning
diagnostic-help = help

## Nouns said inside other messages ($what)

noun-concept = concept
noun-code-list = code list
noun-procedure = procedure
noun-life-event = life event
noun-town = town
noun-region = region
noun-field = field
noun-field-of-form = field of this form
noun-date-field-or-concept = date field or concept

## Shared

did-you-mean = did you mean `{ $best }`?
too-many-diagnostics = { $count } more `{ $code }` { $severity ->
        [error] { $count ->
            [one] error
           *[other] errors
        }
       *[warning] { $count ->
            [one] warning
           *[other] warnings
        }
    } in this file, from here on, are not listed: only the first { $max } of each kind are
too-many-diagnostics-fix = fix the `{ $code }` problems listed (often one mistake repeated), then check again to see the rest

## Ids and references (check/mod.rs)

duplicate-id = the { $what } id `{ $id }` is defined more than once
duplicate-id-fix = give each { $what } its own id; ids must be unique in the model
duplicate-id-model = the shared model is declared twice (`{ $first }` and `{ $second }`)
duplicate-id-model-fix = keep one `kind: model` document for the whole model
duplicate-id-code = the code `{ $code }` is listed twice
duplicate-id-code-fix = give each code its own value
dangling = no { $what } has the id `{ $id }`
dangling-fix = use a defined { $what }
dangling-fix-none = define the { $what } first; none is defined yet
dangling-fix-list = use a defined { $what }: { $known }
dangling-fix-list-more = use a defined { $what }: { $known } and { $more } more
empty-code-list = the code list `{ $id }` has no codes
empty-code-list-fix = list its codes as `- code: "01"` with a `label`
bad-id-concept = `{ $id }` is not a concept id
bad-id-concept-fix = write lower-case words joined by dots, area first: `person.birth_date`, `move.date`
missing-key-code-list = a `code` { $what } needs `code_list`
missing-key-code-list-fix = add `code_list:` with the id of the list its values come from
bad-as-member-own-area = `{ $id }` maps onto `{ $target }`, a concept of its own area
bad-as-member-own-area-fix = name the concept of the group item's part, in the members' area (`member.name`, `member.birth_date`)
bad-as-member-chained = `{ $id }` maps onto `{ $target }`, which maps onto a group item itself
bad-as-member-chained-fix = name the group item's concept directly: `{ $item }`
bad-as-member-whole-name = `{ $target }` is a whole name made of two halves; `{ $id }` can only be one of them
bad-as-member-whole-name-fix = add `part: family` or `part: given`
bad-as-member-type = `{ $id }` is { $ty } but `{ $target }` is { $target_type }: a group item's part holds the same kind of value
bad-as-member-type-fix = name a concept of the same type, or add `part:` when it is one half of a name
bad-as-member-name-half = `{ $id }` is one half of the name `{ $target }`, which holds text, but it is `{ $ty }`
bad-as-member-name-half-fix = map a `text` concept onto a half of a `person_name`
bad-as-member-reading-half = `{ $id }` is one half of the reading `{ $target }`, which is `{ $target_type }`, but it is `{ $ty }`
bad-as-member-reading-half-fix = map a `{ $target_type }` concept onto a half of it
bad-as-member-no-halves = `{ $target }` is `{ $target_type }`, which has no halves; `part` is for names
bad-as-member-no-halves-fix = leave `part` out
bad-as-member-twice = `{ $id }` and `{ $first }` are both `{ $concept }`{ $half ->
        [family] {" "}(its family half)
        [given] {" "}(its given half)
       *[none] {""}
    } of the same person
bad-as-member-twice-fix = map each part of a group item once per person; remove one of the two
profile-keeps-my-number = `{ $id }` is a My Number (specific personal information): the profile keeps it only with the resident's separate consent to keep sensitive details
profile-keeps-my-number-fix = write `profile: sensitive` (kept only with that consent), `profile: never`, or leave `profile` out
noun-field-of = field of `{ $procedure }`
noun-page-of = page of `{ $procedure }`

## Fields (check/field.rs)

bad-pattern = `{ $pattern }` is not a pattern `matches` can use ({ $why }): the condition cannot be worked out for any answer
bad-pattern-fix-unicode = patterns have no Unicode classes (`\p{"{"}…{"}"}`): write the characters as a range instead, e.g. `{ $range }` for `{ $class }`
bad-pattern-fix-open = a `(` is not closed: add the `)` that ends the group; for a parenthesis itself write `\\(` (or `\(` in a raw string `r'…'`)
bad-pattern-fix-close = a `)` closes no group: remove it; for a parenthesis itself write `\\)` (or `\)` in a raw string `r'…'`)
bad-pattern-fix-class = close each `[` with `]`, and write a range as `[a-z]` (from the smaller character to the larger)
bad-pattern-fix-size = make the pattern smaller: fewer nested groups and smaller counts (`{"{"}7{"}"}`, not `{"{"}1000{"}"}` inside another)
bad-pattern-fix-look-around = patterns have no look-around or backreferences: write a pattern that matches the text directly, or split the check into several rules
bad-pattern-fix = write a regular expression in RE2 syntax without Unicode classes, e.g. `^[0-9]{"{"}7{"}"}$`
bad-id-field = `{ $id }` is not a field id
bad-id-field-fix = write a lower-case snake_case word (`move_date`): conditions use it as a name
duplicate-id-field = the field id `{ $id }` is used more than once in this form
duplicate-id-field-fix = give each field its own id
concept-type-mismatch = `{ $id }` is a { $ty } field, but its concept `{ $concept }` holds a { $concept_type }
concept-type-mismatch-fix = remove `type:` so the field takes the concept's type `{ $concept_type }`, or bind it to a concept of type `{ $ty }`
missing-key-type = the field `{ $id }` has neither `type` nor `concept`
missing-key-type-fix = add `type:` (e.g. `type: text`) or bind it to a concept with `concept:`
missing-key-label = the field `{ $id }` has no `label`
missing-key-label-fix = add `label:` with the question in `ja` and `en` (or bind it to a concept, whose label it takes)
unknown-autocomplete = `{ $token }` is not an HTML autocomplete token, so browsers cannot fill it in
unknown-autocomplete-fix = use a token of WCAG 1.3.5 (e.g. `family-name`, `bday`, `postal-code`, `tel`) or remove it
wrong-type-required = `required: { $written }` is read as the text "{ $written }", not as yes or no
wrong-type-required-fix = write `required: { $word }`
empty-group = the group `{ $id }` has no fields
empty-group-fix = list the fields each item has under `fields:`
constraint-not-applicable = `{ $key }` does not apply to a { $ty } field
constraint-not-applicable-fix = remove `{ $key }`, or change the field's type
constraint-not-applicable-prefill = `prefill: town` fills an address with the town's prefecture and name, but this is a { $ty } field
constraint-not-applicable-prefill-fix = remove `prefill: town`, or use it on an address field
bad-range = `{ $low_key }` ({ $low }) is larger than `{ $high_key }` ({ $high }), so no answer can pass
bad-range-fix = make `{ $low_key }` at most `{ $high_key }`
bad-range-today = `not_future` and `not_past` together allow only today
bad-range-today-fix = keep one of them, or express the allowed dates as a rule
missing-key-options = the { $ty } field `{ $id }` has no `options`
missing-key-options-fix = list the options as `- value: …` with a `label`
duplicate-id-option = the option `{ $value }` is listed twice
duplicate-id-option-fix = give each option its own value

## Procedures and life events (check/procedure.rs)

bad-id-procedure = `{ $id }` is not a procedure id
bad-id-procedure-fix = write lower-case words joined by `-` (`jido-teate-nintei`)
bad-version = `{ $version }` is not a semantic version
bad-version-fix = write MAJOR.MINOR.PATCH, e.g. `1.0.0`
online-without-channel = the procedure can be completed online, but `channels` does not list `online`
online-without-channel-fix = add `online` to `channels`, or set `online_completion: false`
duplicate-id-page = the page id `{ $id }` is used more than once
duplicate-id-page-fix = give each page its own id
empty-page = the page `{ $id }` has no questions
empty-page-fix = add its `fields:`, or remove the page
duplicate-id-rule = the rule id `{ $id }` is used more than once
duplicate-id-rule-fix = give each rule its own id
missing-key-rule-fields = the form rule `{ $id }` does not say which fields it is about
missing-key-rule-fields-fix = add `fields: [...]` with the ids of the fields its message is shown at
authority-with-form = an authority-initiated procedure asks residents nothing, but this one has a form
authority-with-form-fix = remove `form:`, or change `type` to `notification` or `application`
empty-form = the procedure `{ $id }` has no questions
empty-form-fix = add `form: {"{"}pages: [...]{"}"}`; only authority-initiated procedures have none
bad-after-submit = { $days } working days is more than a year: `within_days` counts at most { $max } working days
bad-after-submit-fix = write the working days the town takes (0 for the same day), or leave `within_days` out and say how long it takes in `text`
after-submit-authority = `{ $id }` is authority-initiated: residents submit nothing, so what happens after submitting is never shown
after-submit-authority-fix = remove `after_submit`; say what the town does and when in the procedure's `summary`
deadline-anchor-not-date = the deadline counts from `{ $anchor }`, which is a { $ty } and not a date
deadline-anchor-not-date-fix = anchor it on a date field or concept, e.g. `anchor: move.date`
bad-deadline-both = a period has either `days` or `months`, not both
bad-deadline-both-fix = keep the one the law states
bad-deadline-length = a period needs its length
bad-deadline-length-fix = add `days: 14` or `months: 3`, as the law states
bad-deadline-zero = a period of zero days or months is already over
bad-deadline-zero-fix = write the length the law states
cyclic-condition = visibility goes round in a circle: { $chain }; none of these questions could ever be shown
cyclic-condition-others = visibility goes round in a circle: { $chain }; none of these questions could ever be shown, nor could { $others }, caught in the same circle
cyclic-condition-others-more = visibility goes round in a circle: { $chain }; none of these questions could ever be shown, nor could { $others } and { $more } more, caught in the same circle
cyclic-condition-fix = base one of these `show_if` conditions on a question that does not depend on the others
bad-id-life-event = `{ $id }` is not a life event id
bad-id-life-event-fix = write lower-case words joined by `-` (`moving-in`)
deadline-anchor-not-date-event = the event's date is `{ $date }`, which is a { $ty } and not a date
deadline-anchor-not-date-event-fix = name a date concept, e.g. `date: move.date`
question-without-concept = the question `{ $id }` is not bound to a concept, so its answer cannot be reused in the forms
question-without-concept-fix = add `concept:` so residents are not asked again (once-only)
duplicate-id-event-procedure = the procedure `{ $id }` is listed twice in this life event
duplicate-id-event-procedure-fix = list it once, joining the conditions with `||`
dangling-field-preset = `{ $procedure }` asks no field or concept `{ $key }`, so nothing can be preset for it
dangling-field-preset-fix = name a field of `{ $procedure }` by its id, or a concept one of its fields asks
preset-uses-today = the preset for `{ $key }` is worked out once, from the screening answers: `today()` has no one value there
preset-uses-today-fix = count from the event's date instead (its question, e.g. `move_date`)
unknown-option-preset = `{ $value }` is not one of the values of `{ $field }` in `{ $procedure }`
unknown-option-preset-fix = write one of its values: { $values }

## Towns (check/town.rs)

bad-local-government-code = `{ $code }` is not a local-government code: it has 6 digits
bad-local-government-code-fix = write the 6-digit 全国地方公共団体コード in quotes, e.g. `code: "063410"`
bad-local-government-code-digit = the check digit of `{ $code }` is wrong: for `{ $first }` it is { $right }
bad-local-government-code-digit-fix = write `code: "{ $first }{ $right }"` (check the code in the official list)
duplicate-id-department = the department id `{ $id }` is used more than once
duplicate-id-department-fix = give each department its own id
duplicate-id-offered = the procedure `{ $id }` is offered twice
duplicate-id-offered-fix = offer it once
dangling-department = `{ $procedure }` is handled by the department `{ $department }`, which { $town } does not have
dangling-department-fix-suggest = did you mean `{ $best }`? set `department: { $best }` on this offering
dangling-department-fix = add `department:` to this offering with one of the town's departments: { $known }
dangling-department-fix-offer-all = add the department `{ $department }`, or list `- procedure: { $procedure }` with the `department:` that handles it
not-offered = the life event `{ $event }` names the procedure `{ $procedure }`, which { $town } does not offer
not-offered-fix = offer it under `procedures:` (`- procedure: { $procedure }`), or do not list `{ $event }`

## Resident-facing texts (check/text.rs)

noun-japanese = Japanese
noun-english = English
missing-text = this text has no { $what } (`{ $code }`); given: { $given }
missing-text-none = this text has no { $what } (`{ $code }`); given: none
missing-text-fix = add `{ $code }:` with the { $what } text; every resident-facing text needs `ja` and `en`
vague-message = the { $lang } message uses "{ $word }", which does not tell residents what is wrong or how to fix it
vague-message-fix-wrong-value = say what is wrong with the answer, e.g. 「郵便番号は7桁の数字です」
vague-message-fix-wrong = say what is wrong with the answer and how to correct it
vague-message-fix-what-to-do = say what is wrong and what the resident can do
vague-message-fix-which-answer = say which answer is wrong and how to correct it
vague-message-fix-unusable = say what makes the answer unusable, e.g. 「実在する日付にしてください」
vague-message-fix-invalid = say what is wrong, e.g. "Date you moved in must be a real date"
vague-message-fix-please = give the instruction directly, e.g. "Enter your postcode"
vague-message-fix-plainly = say what is wrong and how to fix it, plainly
vague-message-fix-illegal = say what is wrong with the answer

## Files (definitions.rs)

encoding-binary = this file cannot be read: it contains NUL bytes, so it is a binary file (a spreadsheet or image?), not YAML text
encoding-binary-fix = this is not a definition file: move it out of the definitions folder, or save its content as YAML text
encoding-not-utf8 = this file cannot be read: it is not UTF-8 text (Shift_JIS or another encoding?)
encoding-not-utf8-fix = save it as UTF-8 text (the encoding every editor offers as "UTF-8")
empty-file = this file defines nothing
empty-file-fix = start it with `kind:` and the definition, or remove the file
shape = this document does not fit the format: { $why }

## Towns on the shared model (check/overlay.rs)

bad-version-fix-pin = write the shared model's version as MAJOR.MINOR.PATCH, e.g. `1.0.0`
model-version-missing = { $town } does not say which version of the shared model it uses
model-version-missing-fix = add `model_version: "{ $version }"` (the version it was checked against)
model-version-older = { $town } pins the shared model `{ $model }` { $pin }, but the model is { $version }: older than the version the town pins
model-version-major = { $town } pins the shared model `{ $model }` { $pin }, but the model is { $version }: a new major version, which may remove or change what the town relies on
model-version-newer = { $town } pins the shared model `{ $model }` { $pin }; the model is now { $version }
model-version-fix = review what changed with `tetsuzuki diff` (old and new model compiled for { $town }), adjust the overrides it names, then write `model_version: "{ $version }"`
duplicate-id-region-procedure = the procedure `{ $id }` is listed twice
duplicate-id-fix-list-once = list it once
not-local = `{ $id }` is a local procedure of { $owner }; only { $owner } may offer it
not-local-fix = define a local procedure of your own (another id, `town: { $town }`), or ask for `{ $id }` in the shared model
frozen-procedure = the procedure `{ $procedure }` of `{ $procedure }` is frozen in the shared model (bound by law): no town may change it
frozen-field = the field `{ $field }` of `{ $procedure }` is frozen in the shared model (bound by law): no town may change it
frozen-fix = remove this override; if the town's rule really differs, ask the shared model's maintainers
not-extensible = `{ $id }` does not let towns add fields (the shared model marks it `change: { $policy }`)
not-extensible-fix = remove `local_fields`; ask for `change: extend` on `{ $id }` in the shared model, or define a local procedure (`town: { $town }`)
not-extensible-fix-region = remove `local_fields`; ask for `change: extend` on `{ $id }` in the shared model, or define a local procedure (`town: <town id>`)
noun-this-after-submit = this `after_submit`
noun-exactly-these-choices = exactly these choices
override-redundant = `{ $name }` already has { $what } in the shared model: this override changes nothing
override-redundant-fix = remove it, so the town follows the model when it changes
constraint-not-applicable-override = `{ $key }` does not apply to `{ $name }`, a `{ $ty }` field
constraint-not-applicable-override-fix = remove `{ $key }` from the override
constraint-not-applicable-options = `options` does not apply to `{ $name }`, a `{ $ty }` field: only `choice`, `multi_choice` and `code` fields offer choices
override-limit = its `{ $key }` is { $value }
override-limit-none = it sets no `{ $key }`
override-loosens = `{ $key }: { $value }` loosens `{ $name }`, which towns may only tighten (`change: restrict`; { $limit })
override-loosens-fix-at-least = write at least { $value }, or remove `{ $key }`
override-loosens-fix-at-most = write at most { $value }, or remove `{ $key }`
override-loosens-fix = remove `{ $key }`
override-loosens-required = `required: false` loosens `{ $name }`, which towns may only tighten (`change: restrict`; the shared model requires it)
override-loosens-required-fix = remove `required: false`: residents must answer it everywhere
override-tightens = `{ $key }: { $value }` tightens `{ $name }`, which towns may only widen (`change: extend`; { $limit })
override-tightens-fix = remove `{ $key }`; a stricter rule for `{ $name }` belongs in the shared model
override-tightens-required = `required: true` tightens `{ $name }`, which towns may only widen (`change: extend`; it is optional in the shared model)
override-tightens-required-fix = remove `required: true`
override-tightens-options = `options` narrows `{ $name }`, which towns may only widen (`change: extend`; it offers { $listed })
override-tightens-options-fix = remove `options`; offering fewer choices for `{ $name }` belongs in the shared model
override-tightens-rules = `rules` adds rules to `{ $name }`, which towns may only widen (`change: extend`)
bad-range-override = with this override `{ $name }` has `{ $low_key }` { $low } above `{ $high_key }` { $high }: no answer fits
bad-range-override-fix = keep `{ $low_key }` at most `{ $high_key }`
bad-range-options = with this override `{ $name }` keeps { $kept } { $kept ->
        [one] choice
       *[other] choices
    } but `min_items` is { $min }: no answer fits
bad-range-options-fix = keep at least { $min } of its choices
noun-choices-more = { $shown }, and { $more } more
empty-options = `options: []` keeps none of the choices of `{ $name }`, so residents could not answer it
empty-options-fix = list the values the town keeps, or remove `options` to keep them all; its choices: { $listed }
duplicate-id-kept = `{ $value }` is kept twice for `{ $name }`
unknown-option-region = the region `{ $region }` removed `{ $value }` from `{ $name }`: a town may keep fewer of the region's choices, never one it removed
unknown-option-region-fix = remove `{ $value }`; the region keeps { $listed }
unknown-option-override = `{ $value }` is not one of the options of `{ $name }` in the shared model
unknown-option-override-code = `{ $value }` is not a code of `{ $list }`, the code list of `{ $name }`
unknown-option-override-fix = keep some of its choices: { $listed }
unknown-option-override-fix-label = write its value, not its label: `{ $value }`
noun-page-show-if = `show_if` of page `{ $page }`
noun-rule = rule `{ $rule }`
noun-rule-when = the `when` of rule `{ $rule }`
noun-field-show-if = `show_if` of field `{ $field }`
noun-field-required = `required` of field `{ $field }`
noun-field-rule = rule `{ $rule }` of field `{ $field }`
noun-field-rule-when = the `when` of rule `{ $rule }` of field `{ $field }`
removed-option-tested = `{ $name }` no longer offers `{ $value }` in this town, but { $place } tests it (`{ $condition }`): that condition never holds here
removed-option-tested-fix = nothing to do if that is meant: what it guards is not asked in this town; to ask it, keep `{ $value }` in `options`
duplicate-id-rule-shared = `{ $name }` already has a rule `{ $id }` in the shared model
duplicate-id-rule-region = `{ $name }` already has a rule `{ $id }` from the region `{ $region }`
duplicate-id-rule-fix-town = give the town's rule an id of its own (its issues are reported as `rule.<id>`), or remove it if the existing rule already says the same
duplicate-id-rule-override = the rule id `{ $id }` is used more than once for `{ $name }`

## The shape of documents (schema.rs)

noun-document = a definition document
noun-schema-after-submit = an after submit
noun-schema-applicability = an applicability
noun-schema-as-member = an as member
noun-schema-change-policy = a change policy
noun-schema-channel = a channel
noun-schema-choice-option = a choice option
noun-schema-code = a code
noun-schema-code-list = a code list
noun-schema-concept = a concept
noun-schema-counting = a counting
noun-schema-deadline-rule = a deadline rule
noun-schema-deadline-variant = a deadline variant
noun-schema-department = a department
noun-schema-fee = a fee
noun-schema-field = a field
noun-schema-field-override = a field override
noun-schema-field-type = a field type
noun-schema-form = a form
noun-schema-host-step = a host step
noun-schema-identity = an identity
noun-schema-legal-basis = a legal basis
noun-schema-life-event = a life event
noun-schema-local-fields = a local fields
noun-schema-model = a model
noun-schema-name-part = a name part
noun-schema-offering = an offering
noun-schema-page = a page
noun-schema-prefill = a prefill
noun-schema-procedure = a procedure
noun-schema-procedure-type = a procedure type
noun-schema-profile-policy = a profile policy
noun-schema-region = a region
noun-schema-repertoire = a repertoire
noun-schema-required-document = a required document
noun-schema-requirement = a requirement
noun-schema-result-delivery = a result delivery
noun-schema-rollover = a rollover
noun-schema-rule = a rule
noun-schema-sensitivity = a sensitivity
noun-schema-severity = a severity
noun-schema-text = a text
noun-schema-town = a town
noun-schema-visit = a visit
noun-schema-vocabulary = a vocabulary
noun-schema-other = `{ $name }`
noun-known-key = a known `{ $key }`
noun-json-string = text
noun-json-integer = a whole number
noun-json-number = a number
noun-json-boolean = true or false
noun-json-array = a list
noun-json-object = a mapping of keys and values
noun-json-null = nothing
noun-json-value = a value
noun-yaml-null = nothing (null)
noun-yaml-bool = true/false
noun-yaml-int = a whole number
noun-yaml-float = a number
noun-yaml-str = text
noun-yaml-seq = a list
noun-yaml-map = a mapping (keys and values)
noun-or = { $first } or { $rest }
noun-written-as = `{ $raw }` ({ $kind })
yaml-tag = `{ $written }` starts with `!`, which YAML reads as a tag, not as text: the value would be lost
yaml-tag-fix = put it in quotes: `{ $key }: "{ $written }"`
unknown-word = `{ $word }` is not { $what }
unknown-word-fix-suggest = did you mean `{ $best }`? write `{ $key }: { $best }`
unknown-word-fix = write one of { $words }
wrong-type-word = `{ $key }` must be { $what }, but this is { $shown }
missing-key-kind = { $what } needs a `{ $key }` to say what it is
missing-key-kind-fix = start it with one of { $list }
wrong-type = { $subject } must be { $expected }, but this is { $found }
wrong-type-fix = write { $expected }
wrong-type-fix-array = write a list: one `- item` per line, or `[a, b]`
wrong-type-fix-object = write { $what } as indented `key: value` lines
wrong-type-fix-boolean = write `{ $key }: true` or `{ $key }: false`
wrong-type-fix-integer = write a whole number, e.g. `{ $key }: 14`
wrong-type-text = { $subject } must be text, but `{ $raw }` is read as { $kind }
wrong-type-text-fix = put it in quotes: `{ $key }: "{ $value }"`
wrong-type-list = { $subject } must be one value (text), but this is a list
wrong-type-list-fix = write a single value, e.g. `{ $key }: { $first }`
wrong-type-key = the key `{ $raw }` must be a word
wrong-type-key-fix = put it in quotes or use a word: `"{ $raw }": …`
out-of-range-min = `{ $key }` must be at least { $min }
out-of-range-min-fix = write a number of { $min } or more
out-of-range-max = `{ $key }` must be at most { $max }
out-of-range-max-fix = write a number of { $max } or less
duplicate-key = `{ $key }` is written twice in { $what } (first at line { $first })
duplicate-key-fix = keep one of them: YAML would silently use only the last
unknown-key = unknown key `{ $key }` in { $what }
unknown-key-fix = { $what } has the keys: { $keys }
unknown-key-fix-remove = remove it
missing-key = { $what } needs `{ $key }`
missing-key-fix = add `{ $key }`
missing-key-fix-text = add `{ $key }` with `ja` and `en`, e.g. `{ $key }: {"{"}ja: …, en: …{"}"}`
missing-key-fix-described = add `{ $key }`: { $description }

## YAML (source/yaml.rs)

yaml-too-large-bytes = the file is { $bytes } bytes; definition files may be at most { $max } bytes
yaml-too-large-bytes-fix = split it into several files (one procedure per file)
yaml-too-large-nodes = the file has more than { $max } values
yaml-too-large-nodes-fix = split it into several files; if it uses aliases (`*name`), repeat less
yaml-too-deep = lists and mappings are nested more than { $max } levels deep
yaml-too-deep-fix = definitions never need this depth; check the indentation
yaml-alias = this alias refers to no anchor defined before it
yaml-alias-fix = define `&name` before using `*name`, or write the value out
yaml-syntax = this is not valid YAML: { $parser }
yaml-syntax-fix = check the indentation (spaces only) and the `key: value` form around this line; text with `: ` or ` #` in it needs quotes
yaml-syntax-outside = unexpected content outside a YAML document
yaml-syntax-outside-fix = start each document with `---`
yaml-syntax-construct = unexpected YAML construct here
yaml-syntax-construct-fix = write a plain value, a list or a mapping
yaml-syntax-tab = this line contains a tab; YAML indents with spaces only
yaml-syntax-tab-fix = replace the tab with spaces
yaml-syntax-unclosed = this `{ $open }` is not closed
yaml-syntax-unclosed-fix = close it with `{ $close }`; separate the entries inside with `,`
yaml-syntax-colon = `: ` here would start a new key inside a value
yaml-syntax-colon-fix = put text that contains `: ` in quotes, e.g. `en: "Hours: 8:30 to 17:15"`
yaml-syntax-indentation = this line does not line up with the keys around it
yaml-syntax-indentation-fix = indent it with spaces to the column of the keys it belongs with
yaml-syntax-start = a value cannot start with this character
yaml-syntax-start-fix = put the value in quotes
yaml-syntax-list = a list item must start with `- ` at the list's indentation
yaml-syntax-list-fix = line up every `- ` of the list in the same column
yaml-syntax-quote = a quoted text is not closed
yaml-syntax-quote-fix = end the text with the same quote it starts with

## Expressions (expr/: the lexer, the parser and the type checker; check/field.rs)

expr-fix-write = write `{ $code }`
expr-fix-split = split it into several rules
noun-expr-at-column = column { $column }
noun-expr-at-line-column = line { $line }, column { $column }
noun-expr-token-number = the number `{ $number }`
noun-expr-token-string = the string `{ $string }`
noun-expr-token-end = the end of the expression
noun-expr-char-full-width = full-width
noun-expr-char-quote = typographic quote
noun-expr-char-dash = dash
noun-expr-char-symbol = symbol
noun-expr-char-comma = Japanese comma
noun-expr-bool = true or false
noun-expr-number = a number
noun-expr-string = a string
noun-expr-date = a date
noun-expr-year-month = a year and month
noun-expr-list = a list
noun-expr-list-of = a list of { $items }
noun-expr-map = a group of answers
noun-expr-null = null
noun-expr-dyn = a value of any type
noun-expr-bools = true/false values
noun-expr-numbers = numbers
noun-expr-strings = strings
noun-expr-dates = dates
noun-expr-year-months = years and months
noun-expr-lists = lists
noun-expr-maps = groups of answers
noun-expr-nulls = nulls
noun-expr-values = values
noun-expr-arguments = { $count } { $count ->
        [one] argument
       *[other] arguments
    }
noun-expr-arguments-either = { $counts } or { $last } arguments
noun-expr-receiver-is = `{ $receiver }` is { $ty }
noun-expr-argument-is = argument { $number } (`{ $argument }`) is { $ty }
noun-expr-arguments-misfit = the arguments do not fit together
expr-syntax-bytes = bytes literals (`b"..."`) are not supported
expr-syntax-bytes-fix = use a plain string: "..."
expr-syntax-not-operator = `{ $written }` is not an operator
expr-syntax-not-operator-fix = use `{ $op }`
expr-syntax-not-operator-fix-or = use `||` for "or"
expr-syntax-not-operator-fix-and = use `&&` for "and"
expr-syntax-not-operator-fix-not-equal = use `!=` for "not equal"
expr-syntax-not-operator-fix-at-least = use `>=` for "greater than or equal"
expr-syntax-not-operator-fix-at-most = use `<=` for "less than or equal"
expr-syntax-assign = unexpected `=`; use `==` to compare
expr-syntax-map = unexpected `{ $written }`: map literals `{"{"}...{"}"}` are not supported in these expressions
expr-syntax-map-fix = compare answers one by one and combine the conditions with `&&`
expr-syntax-semicolon = unexpected `;`: an expression is a single condition, not a list of statements
expr-syntax-semicolon-fix = combine conditions with `&&` or `||`
expr-reserved-word = `{ $word }` is a reserved word in CEL and cannot be used as a name
expr-reserved-word-fix = choose another name for the field or concept
expr-reserved-word-fix-choice = for a choice write `condition ? value_if_true : value_if_false`
expr-reserved-word-fix-loop = expressions have no loops; test lists with `in` or `size()`
expr-reserved-word-fix-variable = expressions cannot define variables; refer to answers by field id or concept id
expr-reserved-word-fix-return = write the condition itself, without `return`
expr-syntax-hex = expected hexadecimal digits after `0x`
expr-syntax-unsigned = unsigned integers (the `u` suffix) are not supported
expr-syntax-after-number = unexpected `{ $written }` right after the number `{ $number }`
expr-syntax-after-number-fix = names cannot start with a digit; separate a number from what follows with an operator
expr-too-large-number = the number `{ $number }` is too large
expr-too-large-number-fix = whole numbers range from { $min } to { $max }
expr-too-large-literal = this number is too large
expr-syntax-triple-quote = triple-quoted strings are not supported
expr-syntax-triple-quote-fix = use { $quote }...{ $quote } and write `\n` for a line break
expr-syntax-string = this string is not closed
expr-syntax-string-fix = add `{ $quote }` at the end of the text
expr-syntax-string-line = this string is not closed before the end of the line
expr-syntax-string-line-fix = add `{ $quote }` at the end of the text; write `\n` for a line break
expr-syntax-escape = unknown escape `\{ $escape }` in a string
expr-syntax-escape-fix = use one of \n \r \t \\ \' \" \uXXXX, or write `\\` for a backslash
expr-syntax-lone-backslash = this string ends with a lone `\`
expr-syntax-lone-backslash-fix = write `\\` for a backslash
expr-syntax-unicode-digits = `\{ $escape }` needs exactly { $count } hexadecimal digits
expr-syntax-unicode = `{ $escape }` is not a valid Unicode character
expr-syntax-lookalike = unexpected { $what } `{ $written }` (U+{ $code }); expressions are written with half-width ASCII characters
expr-syntax-wide-space = unexpected full-width space (U+3000)
expr-syntax-wide-space-fix = use a normal half-width space
expr-syntax-invisible = unexpected invisible character U+{ $code }
expr-syntax-invisible-fix = remove it
expr-syntax-letter = unexpected `{ $written }` (U+{ $code }): names use ASCII letters, digits and `_`, e.g. `move_date`
expr-syntax-letter-fix = refer to a field by its id; put text in quotes, e.g. "東京都"
expr-syntax-character = unexpected character `{ $written }` (U+{ $code })
expr-too-large-source = this expression is { $bytes } bytes long; the limit is { $max } bytes
expr-too-large-source-fix = split it into several rules, or move parts of it into fields of their own
expr-syntax-empty = the expression is empty
expr-syntax-empty-fix = write a condition, e.g. `age(person.birth_date) >= 18`
expr-too-deep = this expression nests more than { $max } levels deep
expr-too-deep-fix = split it into several rules; for long chains of `||` over one answer use `x in [a, b, c]`
expr-too-large-nodes = this expression has more than { $max } parts
expr-syntax-word-operator = `{ $word }` is not an operator here; use `{ $op }`
expr-syntax-unmatched = unexpected `{ $close }`: there is no `{ $open }` to close
expr-syntax-unmatched-fix = remove it, or add the matching `{ $open }`
expr-syntax-colon = unexpected `:` without a `?` before it
expr-syntax-colon-fix = write a choice as `condition ? value_if_true : value_if_false`
expr-syntax-call = unexpected `(`: only functions can be called
expr-syntax-call-fix = put an operator before `(`, e.g. `&&`
expr-syntax-missing-operator = unexpected { $found }; expected an operator such as `&&`, `||` or `==`
expr-syntax-missing-operator-after = unexpected { $found } after { $after }; expected an operator such as `&&`, `||` or `==`
expr-syntax-missing-operator-fix = join the two parts with an operator
expr-syntax-trailing = unexpected { $found }; expected an operator or the end of the expression
expr-syntax-unclosed = expected `{ $close }` to close the `{ $open }` opened at { $at }, found { $found }
expr-syntax-unclosed-fix = add `{ $close }`
expr-syntax-choice = expected `:` and the value for when the condition is false (after the `?` at { $at }), found { $found }
expr-syntax-choice-fix = write `condition ? value_if_true : value_if_false`
expr-syntax-number = expected a number
expr-syntax-select = expected a field or method name after `.`, found { $found }
expr-syntax-value = expected a value, found { $found }
expr-syntax-end = the expression ends too early: expected a value
expr-syntax-end-fix = write a condition, e.g. `has_children`
expr-syntax-end-after = the expression ends too early: expected a value after { $after }
expr-syntax-end-after-fix = write what comes after { $after }, or remove { $after }
expr-syntax-operand = expected a value (a name, a number, a string, `(` or `[`), found { $found }
expr-syntax-name = expected a name
expr-syntax-arguments = expected `,` or `)` to close the arguments of `{ $function }(` opened at { $at }, found { $found }
expr-syntax-arguments-fix = add `)`, or `,` between arguments
expr-syntax-list = expected `,` or `]` to close the list `[` opened at { $at }, found { $found }
expr-syntax-list-fix = add `]`, or `,` between items
expr-arity-has = `has()` takes exactly one field or concept name, but { $given } were given
expr-syntax-has = `has()` takes a field or concept name, not `{ $argument }`
expr-has-fix = write `has(move_date)` or `has(person.birth_date)`
expr-too-large-parts = this expression has { $nodes } parts; the limit is { $max }
expr-too-deep-levels = this expression nests { $depth } levels deep; the limit is { $max }
expr-type-condition = a condition must be true or false, but this is { $ty }
expr-type-expected = expected { $expected } here, but this is { $ty }
expr-type-condition-fix-number = compare it, e.g. `{ $expr } > 0`
expr-type-condition-fix-string = compare it, e.g. `{ $expr } == "yes"`
expr-type-condition-fix-list = test its size, e.g. `size({ $expr }) > 0`
expr-type-condition-fix-date = compare it with another date, e.g. `{ $expr } <= today()`
expr-type-condition-fix-year-month = compare it with another year and month
expr-type-condition-fix-has = test whether it is answered with `has({ $expr })`
expr-type-list-mix = this list mixes { $first } (`{ $first_item }`) and { $second } (`{ $second_item }`); all items of a list must be of the same kind
expr-type-select = `{ $expr }` is { $ty }; it has no field `{ $field }`
expr-type-select-fix-method = to call the method `{ $field }`, write `{ $expr }.{ $field }()`
expr-unknown-name = `{ $name }` is not a field or concept in scope
expr-unknown-name-suggest = `{ $name }` is not a field or concept in scope; did you mean `{ $best }`?
expr-unknown-name-function = `{ $name }` is a function, not a field or concept; call it as `{ $call }`
expr-unknown-name-fix = names in scope: { $names }
expr-unknown-name-fix-more = names in scope: { $names } (and { $more } more)
expr-unknown-name-fix-none = no fields or concepts are in scope here
expr-type-has = `{ $name }` is { $ty }; it has no field `{ $field }` to test with `has()`
expr-type-index-list = a list position must be a whole number, but `{ $index }` is { $ty }
expr-type-index-map = a field of a group is named by a string, but `{ $index }` is { $ty }
expr-type-index = `{ $expr }` is { $ty }; only lists and groups can be indexed with `[...]`
expr-type-not = `!` needs true or false, but `{ $expr }` is { $ty }
expr-type-negate = `-` needs a number, but `{ $expr }` is { $ty }
expr-type-logic = each side of `{ $op }` must be true or false, but `{ $expr }` is { $ty }
expr-type-choice-condition = the condition before `?` must be true or false, but `{ $expr }` is { $ty }
expr-type-choice-results = the two results of `? :` must be of the same kind, but `{ $then }` is { $then_type } and `{ $otherwise }` is { $otherwise_type }
expr-type-order-null = `null` can only be compared with `==` or `!=`
expr-type-order = `{ $op }` cannot order { $values }: `{ $expr }` is { $ty }
expr-type-mismatch = `{ $left }` is { $left_type } and `{ $right }` is { $right_type }: `{ $op }` needs two values of the same kind
expr-type-mismatch-fix-convert = convert one side: `int(s)` turns a string of digits into a number, `string(n)` a number into a string
expr-type-mismatch-date = `{ $left }` is { $left_type } and `{ $right }` is { $right_type }: a date can only be compared with another date
expr-type-mismatch-year-month = `{ $left }` is { $left_type } and `{ $right }` is { $right_type }: a year and month can only be compared with another year and month
expr-type-mismatch-fix-date-literal = write the date as `date("{ $date }")`
expr-type-mismatch-fix-date-string = compare it with another date, e.g. `{ $expr } { $op } date("2024-04-01")`
expr-type-mismatch-fix-date-number = compare it with another date, e.g. `{ $expr } { $op } today()`, or use `days_between(a, b)` to count days
expr-type-mismatch-fix = compare `{ $expr }` with another value of the same kind, not with `{ $other }`
expr-type-in-item = `{ $left }` is { $left_type }, but `{ $right }` is { $right_type }: `in` looks for an item of the list's kind
expr-type-in-map = `in` on a group looks for a field name (a string), but `{ $expr }` is { $ty }
expr-type-in = `in` needs a list on its right, but `{ $expr }` is { $ty }
expr-type-in-fix-contains = to look for text inside a string, write `{ $right }.contains({ $left })`
expr-type-in-fix = write a list on the right, e.g. `{ $left } in ["a", "b"]`
expr-type-remainder = `%` needs whole numbers, but `{ $expr }` is { $ty }
expr-type-remainder-fix = convert it with `int({ $expr })`
expr-type-arithmetic = `{ $left }` is { $left_type } and `{ $right }` is { $right_type }: `{ $op }` needs two numbers
expr-type-arithmetic-add = `{ $left }` is { $left_type } and `{ $right }` is { $right_type }: `+` needs two numbers, two strings or two lists
expr-type-arithmetic-remainder = `{ $left }` is { $left_type } and `{ $right }` is { $right_type }: `%` needs two whole numbers
expr-type-arithmetic-fix-add-date = to move a date, write `add_days({ $date }, { $days })` or `add_months({ $date }, { $days })`
expr-type-arithmetic-fix-days-between = to count the days between two dates, write `days_between({ $right }, { $left })`
expr-type-arithmetic-fix-subtract-days = to move a date back, write `add_days({ $date }, -{ $days })`
expr-type-arithmetic-fix-string = convert the number first: `string(n)`
expr-syntax-has-method = `has` is not a method; it takes a field or concept name
expr-syntax-has-method-fix = write `has(name)` with a field or concept name
expr-arity = `{ $name }` takes { $takes }, but { $given } { $given ->
        [one] was
       *[other] were
    } given
expr-arity-method = the method `{ $name }` takes { $takes }, but { $given } { $given ->
        [one] was
       *[other] were
    } given
expr-arity-fix = expected { $signatures }
expr-unknown-function = `{ $name }` is not a known function
expr-unknown-function-fix = the functions are { $names }
expr-unknown-function-suggest = `{ $name }` is not a known function; did you mean `{ $best }`?
expr-unknown-function-method = `{ $name }` is not a known method
expr-unknown-function-method-fix = the methods are { $names }
expr-unknown-function-method-suggest = `{ $name }` is not a known method; did you mean `{ $best }`?
expr-unknown-function-not-method = `{ $name }` is a function, not a method
expr-unknown-function-not-function = `{ $name }` is a method, not a function
expr-unknown-function-not-function-fix = call it on a value, e.g. `s.{ $name }("…")`
expr-type-arguments = `{ $name }` expects { $expected }, but { $what }
expr-bad-date-literal-not-literal = `date()` needs a date written out as a string literal, not `{ $expr }`
expr-bad-date-literal-not-literal-fix = write e.g. `date("2024-04-01")`; for dates from answers refer to the answer directly
expr-bad-date-literal-fix = write the date as YYYY-MM-DD, e.g. `date("2024-04-01")`
expr-bad-date-literal-shape = `{ $text }` is not a date in the form YYYY-MM-DD
expr-bad-date-literal-year = `{ $text }` has year 0; years start at 0001
expr-bad-date-literal-month = `{ $text }` has month { $month }; months go from 01 to 12
expr-bad-date-literal-day = `{ $text }` is not a real date: { $month ->
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
    } { $year } has { $last } days
expr-what-show-if = `show_if` must be a condition (true or false)
expr-what-required = `required` must be true, false or a condition
expr-what-rule-check = a rule's `check` must be a condition that is true when the answer is right
expr-what-rule-when = a rule's `when` must be a condition
expr-what-page-show-if = a page's `show_if` must be a condition
expr-what-document-when = a document's `when` must be a condition
expr-what-variant-when = a deadline variant's `when` must be a condition
expr-what-event-when = `when` must be a condition over the screening answers
expr-type-condition-at = { $what }, but `{ $expr }` is { $ty }
noun-preset-for = the preset for `{ $key }`
expr-type-value-at = { $what } must give { $expected }, but `{ $expr }` is { $ty }
expr-type-value-at-fix = give { $expected }
expr-type-value-at-fix-date = give a date: a date question of the event (`move_date`), or `add_days(…)` of one
expr-type-value-at-fix-string = give a string: a quoted value (`'birth'`), or a question that gives one
expr-type-value-at-fix-list = give a list: `['address_in']`
expr-type-value-at-fix-bool = give `true`, `false` or a condition

## The command line's own words (cli/src/main.rs: `summary`, `navigate`)

cli-summary-counts = { $town } ({ $id }): { $procedures } procedures, { $life_events } life events, { $concepts } concepts, { $code_lists } code lists, { $fields } fields
cli-summary-ratio = デジタル完結可能な手続数割合 (completable online / procedures residents do): { $online } / { $procedures } = { $ratio }
cli-summary-online = online (デジタル完結)
cli-summary-prepared = prepared online, completed at the counter
cli-summary-counter = counter or post only
cli-summary-authority = the town's own (職権, not counted)
cli-checklist-online = online
cli-checklist-counter = counter
cli-checklist-town = town

# The steps the host fulfils (`steps`).
step-duplicate = the step `{ $step }` is listed twice
step-duplicate-fix = list each step once: the journey asks the host for each in turn
step-needs-online = the step `{ $step }` is fulfilled online, but `channels` does not list `online`
step-needs-online-fix = add `online` to `channels`, or remove `steps`
step-sign-needs-signature = `sign` asks for the My Number Card's signature, but `identity` is not `my_number_card_signature`
step-sign-needs-signature-fix = set `identity: my_number_card_signature`, or remove `sign` from `steps`
step-pay-needs-fee = `pay` asks the host to take the fee, but the procedure has no `fee`
step-pay-needs-fee-fix = add `fee: {"{"}amount: …{"}"}` (a town may set its own), or remove `pay` from `steps`
step-book-needs-visit = `book` books a visit to the counter, but the procedure has no `visit`
step-book-needs-visit-fix = add `visit: {"{"}reason: …{"}"}` if it is finished at the counter, or remove `book` from `steps`
fee-count-field = `fee.count` names `{ $field }`, which is not a whole-number (`integer`) field of the form
fee-count-field-fix = name the `integer` field whose answer the fee is multiplied by (how many copies), or remove `count`
fee-count-field-fix-near = write `{ $near }`

## Scenarios (`tetsuzuki test`: core/src/scenario). The run's own words (`running`, `test … ok`,
## `FAILED`, `test result`) are the command's, like cargo test's, and stay as they are.

# Lists said after "did you mean" fails ($what).
scenario-suggest-none = there are no { $what } here
scenario-suggest-list = { $what }: { $list }
scenario-suggest-list-more = { $what }: { $list }, …
scenario-noun-towns = towns
scenario-noun-procedures = procedures
scenario-noun-life-events = life events
scenario-noun-its-questions = its questions
scenario-noun-the-questions = the questions
scenario-noun-its-fields = its fields
scenario-noun-the-fields = the fields
scenario-noun-its-pages = its pages
scenario-noun-its-options = its options
scenario-noun-its-parts = its parts
scenario-noun-codes = codes
scenario-noun-listed-word = one of the words listed

# Reading a scenario file (scenario/mod.rs).
scenario-encoding-not-utf8 = this file is not UTF-8 text (byte { $byte } is not)
scenario-encoding-not-utf8-fix = save it as UTF-8
scenario-empty-file = this scenario file holds no scenario
scenario-empty-file-fix = write a scenario (docs/SCENARIOS.md), or remove the file
scenario-duplicate-scenario = another scenario of this file is named `{ $name }`
scenario-duplicate-scenario-fix = give each scenario of a file its own name
scenario-nothing-to-run = this scenario names neither a life event nor a procedure
scenario-nothing-to-run-fix = add `event:` (with `screening:` answers) or `procedure:` (with `answers:`), or both
scenario-needs-context = `{ $section }` needs `{ $key }:`
scenario-needs-context-fix = add `{ $key }:` to this scenario, or remove `{ $section }`
scenario-needs-context-checklist = a checklist is the navigator's, for a life event: this scenario names none
scenario-needs-context-checklist-fix = add `event:` (with `screening:` answers)
scenario-needs-context-form = `{ $section }` is about a procedure's form: this scenario names no procedure
scenario-needs-context-form-fix = add `procedure:` (with `answers:`), or move screening issues under `checklist:`
scenario-missing-key-no-issue = an issue that must not be there needs a `field` or a `code`
scenario-missing-key-no-issue-fix = add `field:` (no issue at that field), `code:` (no issue of that code), or both
scenario-unknown-town = there is no town `{ $id }` in the definitions

# A scenario's shape, against its schema (scenario/schema.rs).
scenario-unknown-key = unknown key `{ $key }`
scenario-unknown-key-fix = the keys here are: { $keys }
scenario-missing-key = `{ $key }` is missing here
scenario-missing-key-fix = add `{ $key }:`
scenario-missing-key-fix-described = add `{ $key }:` ({ $about })
# What a required key is: the first sentence of its description in the schema, word for word.
scenario-about-scenario = The scenario's name, unique in its file: `tetsuzuki test` prints it and `--filter` selects by it
scenario-about-today = Today's date (YYYY-MM-DD): the SDK never reads the clock
scenario-about-procedure = The procedure's id
scenario-about-code = The issue's code (`required`, `address.postal_code_wrong_length`, `rule.late`)
scenario-about-steps = The actions, in order
scenario-about-action = The action
scenario-duplicate-key = `{ $key }` is written twice here
scenario-duplicate-key-fix = keep one of them
scenario-unknown-word = `{ $word }` is not a word of this list
scenario-unknown-word-fix-suggest = did you mean `{ $best }`? (one of: { $words })
scenario-write-one-of = write one of: { $words }
scenario-wrong-type = this must be { $expected }, not { $found }
scenario-wrong-type-word = this must be one of { $words }, not { $found }
scenario-wrong-type-fix = write { $expected }
scenario-wrong-type-fix-quote = put it in quotes to make it text
scenario-wrong-type-fix-array = write a list: `[a, b]`, or one `- item` per line
scenario-wrong-type-fix-object = write `key: value` pairs, indented under this key
scenario-bad-date = `{ $date }` is not a date
scenario-bad-date-fix = write a date that exists as YYYY-MM-DD, e.g. 2026-11-20

# The names a scenario uses, in a town's catalogue (scenario/check.rs, run.rs).
scenario-unknown-event = there is no life event `{ $id }`
scenario-unknown-procedure = there is no procedure `{ $id }`
scenario-unknown-question = the life event `{ $event }` has no question `{ $id }`
scenario-unknown-question-here = there is no question `{ $id }` here
scenario-unknown-field = the procedure `{ $procedure }` has no field `{ $id }`
scenario-unknown-field-answer = the procedure `{ $procedure }` has no field `{ $id }` in { $town }'s catalogue
scenario-unknown-field-here = there is no field `{ $id }` here
scenario-unknown-field-group = the group `{ $group }` has no field `{ $id }`
scenario-unknown-field-name-part = a person's name has no part `{ $id }`
scenario-unknown-field-address-part = an address has no part `{ $id }`
scenario-unknown-field-file-part = a file has no part `{ $id }`
scenario-unknown-page = the procedure `{ $procedure }` has no page `{ $id }`
scenario-unknown-code-question = no question here gives an issue `{ $code }`
scenario-unknown-code-field = no field here gives an issue `{ $code }`
scenario-unknown-option = `{ $value }` is not an option of `{ $id }`
scenario-answer-type = `{ $id }` is a { $ty } question: its answer is { $expected }, not { $found }
scenario-answer-type-an = `{ $id }` is an { $ty } question: its answer is { $expected }, not { $found }
scenario-answer-type-fix = write { $expected }
scenario-answer-type-fix-boolean = write `true` or `false` (not in quotes)
scenario-answer-type-fix-number = write a number, or the text the resident types
scenario-answer-type-fix-choice = write the value of one of its options
scenario-answer-type-fix-options = write a list of option values: `[a, b]`
scenario-answer-type-fix-date = write the date as text: 2026-11-20, or 令和8年11月20日
scenario-answer-type-fix-group = write a list: one `- field: value` mapping per item
scenario-answer-type-fix-quote = put it in quotes: a number would lose leading zeros and hyphens
scenario-answer-type-fix-text = write the text the resident types
scenario-answer-type-option = an option of `{ $id }` is text, not { $found }
scenario-answer-type-option-fix = write the option's value
scenario-answer-type-item = an item of `{ $id }` is a mapping of its fields, not { $found }
scenario-answer-type-item-fix = write `- field: value` for each item
scenario-kind-options = a list of its options
scenario-kind-person-name = a mapping of `family` and `given`
scenario-kind-address = a mapping of the address's parts (postal_code, prefecture, city, town, block, building)
scenario-kind-file = a mapping of `name`, `size_kb` and `media_type`
scenario-kind-group = a list of mappings, one per item, by the group's field ids

# A run (scenario/run.rs): why a town skips a scenario, and each failed expectation: what,
# expected and got (scenario/render.rs).
scenario-ignored-event = { $town } does not offer the life event `{ $id }`
scenario-ignored-procedure = { $town } does not offer the procedure `{ $id }`
scenario-expected = expected
scenario-got = got
# A value as the scenario writes it (an id, a date, a YAML value).
scenario-value = { $value }
scenario-mismatch-page = page `{ $id }`
scenario-mismatch-question = question `{ $id }`
scenario-mismatch-screening-question = the question `{ $id }`
scenario-mismatch-procedure = `{ $id }`
scenario-mismatch-due = `{ $id }`'s due date
scenario-mismatch-mode = how `{ $id }` is done
scenario-mismatch-overdue = whether `{ $id }` is overdue
scenario-mismatch-issue = an issue `{ $code }`
scenario-mismatch-issue-at = an issue `{ $code }` at `{ $field }`
scenario-mismatch-issue-at-field = an issue at `{ $field }`
scenario-mismatch-any-issue = an issue
scenario-mismatch-severity = the severity of `{ $code }` at `{ $field }`
scenario-mismatch-message = the message ({ $lang }) of `{ $code }` at `{ $field }`
scenario-mismatch-submission = the submission
scenario-mismatch-answer = the answer `{ $key }` submitted
scenario-mismatch-step = step { $step } (`{ $action }`)
scenario-mismatch-view = `{ $key }` after step { $step }
scenario-state-shown = shown
scenario-state-hidden = hidden
scenario-state-asked = asked
scenario-state-not-asked = not asked
scenario-state-applies = it applies
scenario-state-not-applies = it does not apply
scenario-state-no-due-date = no due date
scenario-state-none = none
scenario-state-present = it is there
scenario-state-submitted = submitted
scenario-state-not-submitted = nothing submitted (errors remain)
scenario-state-answer-not-submitted = not submitted (hidden or unanswered)
scenario-state-succeeds = it succeeds
scenario-state-succeeded = it succeeded
scenario-state-error = the error `{ $error }`
scenario-state-nothing-here = nothing at this path
scenario-got-not-applies = it does not apply (what applies: { $applying })
scenario-got-applies = it applies ({ $mode })
scenario-got-applies-due = it applies ({ $mode }, due { $due })
scenario-got-absent = it is not; issues: { $issues }
scenario-got-absent-at = it is not; issues at `{ $field }`: { $issues }
scenario-got-submitted = submitted, with { $count } answers
scenario-got-not-submitted = nothing submitted: { $count } { $count ->
        [one] error remains
       *[other] errors remain
    }: { $errors }

# `--update` (scenario/update.rs): a scenario's reason starts with its name and a colon.
scenario-update-fails-in-some = { $scenario }: not updated: it fails for { $failing } but not for { $passing }; give `--town`, or a `town:` in the scenario
scenario-update-fails-differently = { $scenario }: not updated: the towns ({ $towns }) fail differently; give `--town`, or a `town:` in the scenario
scenario-update-not-in-place = { $scenario }: not updated: `{ $path }` could not be rewritten in place
scenario-update-overlap = nothing updated: two changes overlap
scenario-update-read-back = { $file }: nothing updated: the rewritten file would not read back as intended
