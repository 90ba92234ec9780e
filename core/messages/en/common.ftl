# Messages shared by every field type. $label is the field's label in the same language.
# Labels are written in sentence case, as headings. Inside a sentence the formatter writes
# them as words of it ("Enter the date you moved in", "Enter your previous address"): lower
# case unless they start with a proper noun or an acronym, with "the" before a noun (see
# core/src/validate/messages.rs). At the start of a message, or quoted, they are as written.
# $label_kind is `question` for a label that asks something ("Are you the head of the
# household"), which cannot follow "Enter" or "Select": such labels are quoted.

required =
    { $label_kind ->
        [question] Answer “{ $label }”
       *[other] Enter { $label }
    }
required-fix =
    { $label_kind ->
        [question] Answer “{ $label }”
       *[other] Enter { $label }
    }
required-choice =
    { $label_kind ->
        [question] Select an answer to “{ $label }”
       *[other] Select { $label }
    }
required-choice-fix = Select one of the options
required-consent = Tick the box to confirm: “{ $label }”
required-consent-fix = Read it, and tick the box if you agree

# A check of the town's definition (a rule) that could not run now: the answer is not judged.
# A warning, never an error: the resident can go on, and staff check the answer.
rule_unavailable =
    { $label_kind ->
        [question] Your answer to “{ $label }” cannot be checked automatically at the moment
       *[other] { $label } cannot be checked automatically at the moment
    }
rule_unavailable-fix = You can continue. Town staff will check this answer

# A problem the catalogue has no words for (a bug of ours, core/src/validate/form.rs): say
# something true rather than nothing.
problem_without_words =
    { $label_kind ->
        [question] Check your answer to “{ $label }”
       *[other] Check { $label }
    }

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

# The interface's own words (the widget and native apps; core/src/host.rs ui_text).
ui-next = Continue
ui-back = Back
ui-submit = Submit
ui-check-answers = Check your answers
ui-check-answers-lead = Check your answers. To correct one, select “Change”.
ui-change = Change
ui-optional = (optional)
ui-error-prefix = Error:
ui-error-summary = There is a problem
ui-yes = Yes
ui-no = No
ui-choose = Choose one
ui-start = Start
ui-life-events = Find procedures by life event
ui-questions = Answer a few questions
ui-checklist = The procedures you need
ui-checklist-empty = With these answers, no procedure is needed.
ui-town-actions = What the town does (nothing for you to do)
ui-due = Due
ui-no-due = No deadline
ui-due-days = Within { $days } days from “{ $anchor }”
ui-due-months = Within { $months } months from “{ $anchor }”
ui-event-day = Day of the event
# A date as residents read it, and what an overdue checklist item says to do now.
ui-date =
    { $day } { $month ->
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
    } { $year }
ui-late = The deadline ({ $date }) has passed. You can still do this; we may ask you why it is late.
ui-online-now = Can be done online
ui-at-counter = Must be done at the office
ui-documents = What you need
ui-fee = Fee
ui-fee-amount = ¥{ $amount }
ui-contact = Contact
ui-start-online = Start the online procedures together
ui-submitted = Submitted
ui-submitted-lead = These procedures were received.
ui-feedback = How was this service?
ui-feedback-rating = Satisfaction (1: poor, 5: very good)
ui-feedback-comment = Comments (optional; do not write personal details)
ui-feedback-send = Send feedback
ui-feedback-thanks = Thank you for your feedback.
ui-language = Language
ui-add-item = Add
ui-remove-item = Remove
ui-item = Item { $n }
ui-source-profile = Filled in from an earlier application
ui-source-screening = Filled in from your first answers
ui-prefilled = Filled in: change it if needed
ui-draft-restored = Your earlier answers were restored.
ui-draft-changed = The procedures have changed. Check these answers.
ui-draft-truncated = Part of your earlier answers was not saved. Check your answers.
ui-continue-code = Continuation code
ui-continue-code-lead = To continue on another device, copy this code and load it there.
ui-continue-export = Show the code
ui-continue-import = Load a code
ui-continue-bad = This code cannot be loaded. Paste the code exactly as it was shown.
ui-profile = Details saved on this device
ui-profile-consent = Save my name, address, phone number and similar details on this device, to fill in next time
ui-profile-consent-sensitive = Also save my My Number, bank account details and health and care details
ui-profile-empty = Nothing is saved.
ui-profile-delete = Delete the saved details
ui-counter-mode = Counter mode (staff fill in for the resident)
ui-counter-confirm = The resident has checked the answers
ui-counter-confirm-needed = Ask the resident to check the answers, then tick the box
ui-page-of = { $n } of { $total }
ui-question-of = Question { $n } of { $total }
ui-mode-pages = Page by page
ui-mode-one = One question at a time
ui-address-postal_code = Postal code
ui-address-prefecture = Prefecture
ui-address-city = City, town or village
ui-address-town = District
ui-address-block = Block and number
ui-address-building = Building and room
ui-loading = Loading
ui-load-failed = This could not be loaded. Try again later.
# The check-your-answers page (core/src/journey/check.rs): answers as residents read them.
ui-submit-one = Submit: { $title }
ui-submit-many = Submit { $count } { $count ->
        [one] application
       *[other] applications
    }
ui-not-provided = Not provided
ui-group-item = { $label }: person { $n }
ui-change-context = { $label } ({ $section })
ui-date-weekday = { $date }
ui-year-month =
    { $month ->
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
    } { $year }
ui-amount-yen = ¥{ $amount }
ui-postal-code = { $code }
ui-list-separator = { ", " }
ui-item-separator = { " / " }
# Reminders as iCalendar (core/src/calendar.rs): the events phones import. No resident's data.
ui-cal-name = Deadlines and appointments
ui-cal-due = Deadline: { $title }
ui-cal-due-lead = Do this by { $date }.
ui-cal-online = You can do this online.
ui-cal-counter = This is done at the counter.
ui-cal-prepare = Prepare it online, then finish it at the counter.
ui-cal-contact = Contact: { $contact }
ui-cal-due-tomorrow = Tomorrow is the deadline for { $title }.
ui-cal-due-today = Today is the deadline for { $title }.
ui-cal-visit = Appointment at the counter: { $titles }
ui-cal-visit-lead = Come to the counter at the time you booked.
ui-cal-visit-tomorrow = Tomorrow you have an appointment at the counter: { $titles }
ui-cal-visit-soon = Your appointment at the counter is soon: { $titles }
