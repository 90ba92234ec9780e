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
