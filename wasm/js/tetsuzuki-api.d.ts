// TypeScript declarations of dist/tetsuzuki-api.js: the JS API of HOST-API.md (docs/) for
// hosts that render their own pages (plain JS values in and out; record fields in snake_case
// as core serialises them). The widget's elements and events: tetsuzuki.d.ts.

// ───────────────────────────────────────────────────────────── values and records

/** `ja`, `en` or `ja-easy` (やさしい日本語). */
export type Lang = 'ja' | 'en' | 'ja-easy';
/** A calendar date `YYYY-MM-DD`. The SDK never reads the clock: `today` is passed in. */
export type IsoDate = string;
/** The host's RFC 3339 time, stored as given. */
export type Rfc3339 = string;
/** An answer: a string, number, boolean, object (an address, a file) or array (a group, a multi-choice). */
export type AnswerValue = string | number | boolean | null | AnswerValue[] | { [key: string]: AnswerValue };
export type Answers = Record<string, AnswerValue>;

/** Every error the API throws: an `Error` named `TetsuzukiError` with a stable `code`. */
export interface TetsuzukiError extends Error {
  name: 'TetsuzukiError';
  code: TetsuzukiErrorCode | string;
}
export type TetsuzukiErrorCode =
  | 'catalog-malformed' | 'catalog-format' | 'catalog-hash'
  | 'unknown-procedure' | 'unknown-event' | 'unknown-question' | 'unknown-field' | 'unknown-type'
  | 'no-procedures' | 'not-ready' | 'session-ended'
  | 'bad-value' | 'bad-date' | 'bad-lang'
  | 'draft-malformed' | 'draft-format' | 'draft-no-procedures'
  | 'profile-malformed' | 'profile-format' | 'profile-no-consent'
  | 'session-unconfirmed'
  // The journey's (Journey):
  | 'wrong-stage' | 'hidden-question' | 'has-errors' | 'unacknowledged-warnings' | 'screening-errors'
  | 'nothing-online' | 'feedback-empty' | 'feedback-rating' | 'not-submitted' | 'bad-journey' | 'bad-code'
  | 'handoff-not-a-handoff' | 'handoff-damaged' | 'handoff-format' | 'handoff-expired' | 'handoff-other-town'
  | 'handoff-changed'
  // A host's answer to a step (fulfilStep, failStep, offerSlots):
  | 'step-unknown' | 'step-answer'
  // ready(): the core's .wasm as the page serves it (the message says what to change).
  | 'wasm-unsupported' | 'wasm-fetch' | 'wasm-type' | 'wasm-invalid'
  // A bug (a value that could not be converted): please report it.
  | 'internal';

export interface CatalogSummary {
  format: string;
  content_hash: string;
  town_id: string;
  town_name: string;
  procedures: number;
  life_events: number;
  concepts: number;
  code_lists: number;
  fields: number;
}

export interface LifeEventInfo { id: string; title: string; description: string | null }
export interface ProcedureInfo { id: string; title: string; online_now: boolean }

export interface MachineFix { label: string; value: AnswerValue }

export interface Issue {
  /** The question key (a concept id or `procedure.field`), or a part of it. */
  field: string;
  /** Stable code (`required`, `date.impossible`, `rule.late`…). */
  code: string;
  severity: 'error' | 'warning';
  /** What is wrong, naming the field in its label's words. */
  message: string;
  /** What to do. */
  fix: string;
  /** A one-press fix: `session.setAnswer(field, machine_fix.value)`. */
  machine_fix?: MachineFix | null;
  params?: Record<string, unknown>;
}

export interface Validation {
  issues: Issue[];
  normalized: Answers;
  relevant: string[];
}

export interface ValueCheck { valid: boolean; normalized: AnswerValue | null; issues: Issue[] }

export interface ScreeningQuestion { id: string; concept: string | null; label: string; answered: boolean }

export interface Due {
  date: IsoDate;
  /** The last day before roll-over, when the period ended on a closing day. */
  rolled_over_from: IsoDate | null;
  /** The rule's variant (e.g. born abroad) set the period. */
  variant: boolean;
}

/** Whom to ask. */
export interface Contact { department: string; phone: string | null; hours: string | null; location: string | null }

export interface ChecklistItem {
  procedure: string;
  title: string;
  reason: string;
  due?: Due | null;
  consequence?: string | null;
  /** The due date is before today (never for a town's own action). */
  overdue: boolean;
  /** Days from today to the due date (0 on the last day, negative once passed); null without one. */
  days_left: number | null;
  /** Only when overdue: what to do now, in the chosen language. */
  late: string | null;
  channels: string[];
  online_now: boolean;
  /** Finished at the counter, prepared online now: the journey gives a handoff to show there. */
  prepare_online: boolean;
  /** `none`, `my_number_card_signature`, `my_number_card_login`, `id_document`. */
  identity: string;
  documents: string[];
  /** In yen. */
  fee: number | null;
  contact: Contact | null;
}

export interface Checklist {
  event: string;
  questions: ScreeningQuestion[];
  issues: Issue[];
  procedures: ChecklistItem[];
  town_actions: ChecklistItem[];
}

/** A visit the resident booked at the counter (`Catalog.checklistCalendar`). */
export interface VisitBooking {
  /** The procedures done at the visit (ids of the catalogue). */
  procedures: string[];
  /** Its start in Japan's local time: `2026-12-01T10:30`. */
  start: string;
  /** How long it lasts: 1 to 1440. */
  minutes: number;
  /** Where: the counter (役場1階 住民課窓口). Never the resident's address. */
  place?: string;
}

/** The options of `Catalog.checklistCalendar`. */
export interface CalendarOptions {
  /** When the file is made (`DTSTAMP`): RFC 3339 with an offset, `2026-11-23T09:00:00Z`. */
  stamp: string;
  /** Makes the events' UIDs: give the same one (a journey's, a device's) so a new import updates them. Hashed, never written. */
  seed: string;
  visits?: VisitBooking[];
}

export interface QuestionOption { value: string; label: string }

export interface Question {
  /** The key answers are given by: a concept id, or `procedure.field`. */
  key: string;
  concept?: string | null;
  label: string;
  hint?: string | null;
  /** The field type's name (`date`, `postal_code`, `address`, `group`…). */
  type: string;
  optional: boolean;
  options: QuestionOption[];
  autocomplete?: string | null;
  input_mode?: string | null;
  max_length?: number | null;
  /** An address's parts, a repeating group's fields. */
  parts: Question[];
  min_items?: number | null;
  max_items?: number | null;
  /** Index of its page in `pages()`. */
  page: number;
  asked_by: string[];
  /** A My Number: never logged, shown masked. */
  sensitive: boolean;
}

export interface Page { id: string; title: string; questions: string[] }

export interface SummaryRow {
  key: string;
  label: string;
  /** The normalised answer. */
  answer: AnswerValue;
  /** The answer as the resident reads it (choice labels, はい/いいえ; a My Number masked). */
  text: string;
  source: unknown;
  /** The page (`procedure/page`) that changes it. */
  page: string;
  used_by: string[];
}

export interface Submission {
  procedure: string;
  version: string;
  catalog_hash: string;
  submitted_at: Rfc3339;
  /** Only the procedure's relevant answers, normalised, by its own field ids. */
  answers: Answers;
  /** The host steps fulfilled before it was sent (its signature, its payment); absent when none. */
  steps?: StepReceipt[];
}

/** A host step fulfilled for a submission before it was sent. */
export interface StepReceipt {
  kind: 'sign' | 'pay';
  reference: string;
}

/** A time a booking system offers: `start` is local time, `YYYY-MM-DDTHH:MM`. */
export interface Slot {
  id: string;
  start: string;
  minutes: number;
  place: string;
}

/** What the journey asks the host at a step (never an answer the resident typed). Answer it with
 *  `fulfilStep(id, reference)`, `failStep(id, reason)` or, for a booking without `slot`, `offerSlots(id, slots)`. */
export interface StepRequest {
  id: string;
  kind: 'sign' | 'pay' | 'book' | 'issue';
  procedures: string[];
  /** sign: the SHA-256 digest (hex) of the submissions, which the card signs. */
  digest: string | null;
  /** pay: the amount in yen. */
  amount: number | null;
  /** issue: the submissions' references. */
  references: string[];
  /** book: the first and last day a visit may be booked. */
  first_day: IsoDate | null;
  last_day: IsoDate | null;
  /** book: the time the resident chose, to confirm (null: offer times). */
  slot: Slot | null;
  /** After this, fail the step with `timeout`. */
  timeout_seconds: number;
}

/** Why a host could not fulfil a step. */
export type StepFailure = 'cancelled' | 'declined' | 'card-unreadable' | 'unavailable' | 'timeout' | 'interrupted';

/** A host step as the resident sees it. */
export interface StepView {
  kind: 'sign' | 'pay' | 'book' | 'issue';
  status: 'ready' | 'waiting' | 'choosing' | 'failed' | 'done' | 'skipped';
  /** The step being done now. */
  current: boolean;
  title: string;
  lead: string;
  procedures: string[];
  amount: string | null;
  /** The button that starts (or retries, or confirms a time) it: `beginStep`. */
  button: string | null;
  /** While waiting: what is happening. */
  waiting: string | null;
  problem: StepProblemView | null;
  slots: SlotView[];
  no_slots: string | null;
  /** Finished: what was done, with the reference. */
  result: string | null;
  /** `skipStep`'s button, when it may be skipped. */
  skip: string | null;
  /** `leaveSteps`'s button, before sending. */
  leave: string | null;
  /** While waiting: the request the host answers. */
  request: StepRequest | null;
}

export interface StepProblemView {
  code: StepFailure;
  message: string;
  fix: string;
}

export interface SlotView {
  id: string;
  text: string;
  chosen: boolean;
}

export interface RestoreReport {
  same_catalog: boolean;
  truncated: boolean;
  changed: ProcedureChange[];
  gone: string[];
  recheck: string[];
  kept: string[];
  missing_procedures: string[];
  /** Field-level changes of the draft's procedures since the draft: only from `restoreDraftSince`
   *  (given the catalogue the draft was made with); empty otherwise. */
  fields: FieldChange[];
}

/** A procedure whose definition changed since a draft. */
export interface ProcedureChange { procedure: string; from: string; to: string }

/** A session restored from a draft, and what changed. */
export interface Restored { session: Session; report: RestoreReport }

/** One field-level change between two catalogues, as core's diff serialises it. */
export interface FieldChange {
  kind: 'added' | 'removed' | 'changed';
  aspect: 'procedure' | 'version' | 'text' | 'detail' | 'page' | 'field' | 'type' | 'required'
    | 'constraint' | 'rule' | 'deadline' | 'life_event' | 'code_list' | 'town';
  /** The procedure it is in (absent for catalogue-wide changes). */
  procedure?: string;
  /** Where, inside the procedure: `version`, `fields.family_name.label.en`, `fields.account_type.options.2`, … */
  path: string;
  /** The value before (absent when added). */
  old?: unknown;
  /** The value after (absent when removed). */
  new?: unknown;
}

export interface Fact {
  concept: string;
  value: AnswerValue;
  /** A My Number: show it masked, never log it. */
  sensitive: boolean;
  /** How the profile knows it: `my_number_card`, `typed`, … */
  source: string;
  since: IsoDate | null;
}

// ───────────────────────────────────────────────────────────── the journey's views

/** The journey's stages, in the order a resident meets them. */
export type JourneyStage = 'events' | 'screening' | 'page' | 'check' | 'done';

/** `Journey.start`'s options. Without `event` and `procedures` the journey starts at the life events. */
export interface JourneyOptions {
  /** Start at this life event's screening questions. */
  event?: string;
  /** Start at the forms of these procedures (each concept asked once). Not with `event`. */
  procedures?: string[];
  /** The day the journey counts from; default the browser's local date (set it in tests and demos). */
  today?: IsoDate;
  /** Default `ja`. */
  lang?: Lang;
  /** `pages` (default: one page per section) or `one` (one question per page). */
  mode?: 'pages' | 'one';
  /** At the counter (書かない窓口): staff fill in, the resident confirms on the check page; no profile is used. */
  counter?: boolean;
}

/** `Journey.restore`'s options: the saved journey says where it was. */
export type JourneyRestoreOptions = Omit<JourneyOptions, 'event' | 'procedures'>;

/** Where an answer came from. */
export type AnswerSource =
  | { kind: 'typed' }
  | { kind: 'screening'; event: string }
  | { kind: 'profile'; provenance: string }
  /** Implied by the life event (a birth journey's reason is the birth). */
  | { kind: 'event'; event: string }
  /** The town's own prefecture and name in a new address. */
  | { kind: 'town' }
  /** People entered in an earlier form's group (`from`: its question key). */
  | { kind: 'carried'; from: string };

/** An issue as shown: with the question it belongs to and the control to focus. */
export interface ShownIssue extends Issue {
  /** The question's key. */
  key: string;
  /** The control: the key, `key/part` for an address's part (`address.current/prefecture`), or an item's
   *  path (`members[1].name`). */
  target: string;
}

/** A question of the screen with its answer, where that came from and its issues shown now. */
export interface QuestionState extends Question {
  /** Shown now (its conditions hold); a hidden one is sent so a renderer can show it when an answer does. */
  shown: boolean;
  value: AnswerValue | null;
  source: AnswerSource | null;
  /** Where a prefilled answer came from, in the resident's words. */
  source_text: string | null;
  issues: ShownIssue[];
}

/** Page n of total (the total never changes with the answers). */
export interface Progress { index: number; total: number; text: string }

/** One answer of the check page, with its change link (`journey.change(key)`). */
export interface CheckRow {
  key: string;
  /** The key, or inside a group `tennyu.members[0].name` (the path issues name). */
  path: string;
  label: string;
  /** The answer as the resident reads it (a My Number masked), or 「未入力」 / "Not provided". */
  text: string;
  missing: boolean;
  source: AnswerSource;
  /** The page (`procedure/page`) that changes it. */
  page: string;
  used_by: string[];
  /** The change link's visually hidden context. */
  change: string;
}

/** The person a section is about: one item of a repeating group (a household member). */
export interface CheckPerson {
  /** The group's question key (`tennyu.members`). */
  group: string;
  /** The item's place in the group's answer, from 0. */
  index: number;
  /** The item's number as residents count it, from 1 (「1人目」). */
  number: number;
  name: string | null;
}

export interface CheckSection {
  procedure: string;
  title: string;
  /** The person (an item of a repeating group) the section is about; null for the procedure's own answers. */
  person: CheckPerson | null;
  rows: CheckRow[];
}

export interface CheckPage {
  /** Per procedure, then per person of its repeating groups. */
  sections: CheckSection[];
  /** The submit button's words (「転入届を送る」). */
  submit_label: string;
}

/** What one submission received. */
export interface Receipt {
  procedure: string;
  /** The reference the resident quotes (generated, or the town's: `setReference`). */
  reference: string;
  submitted_at: Rfc3339;
}

/** The words of the consent to keep the resident's details on the device (the check page's boxes). */
export interface ConsentView {
  /** The consent to keep the resident's details, naming what is kept. */
  text: string;
  /** What it keeps of this session: the labels of its `keep` concepts. */
  kept: string[];
  /** The further consent to keep sensitive details too (My Number, bank accounts, health). */
  sensitive_text: string;
  /** The labels of its sensitive concepts; empty: show no second box. */
  sensitive: string[];
}

/** What the town does after a procedure is submitted, and by when. */
export interface AfterSubmitView {
  text: string;
  /** The working days the town takes, when it states them (0: the same day). */
  within_days: number | null;
  /** How the result reaches the resident. */
  result: 'post' | 'online' | 'counter' | 'none' | null;
  /** The day the town expects to be done (its working days counted after the submission). */
  by: IsoDate | null;
}

/** One submitted procedure. */
export interface SubmittedView {
  procedure: string;
  title: string;
  reference: string;
  /** What the host's steps did for it, in words (signed, paid, issued). */
  steps: string[];
  after: AfterSubmitView | null;
}

/** What happens next: shown after submit until dismissed. */
export interface NextSteps {
  title: string;
  lead: string;
  submitted: SubmittedView[];
  /** The life event's procedures not done here (a visit, or later), with due dates. */
  still_to_do: ChecklistItem[];
  town_actions: ChecklistItem[];
  /** The handoff to show at the counter, for the procedures finished there. */
  prepared: HandoffView | null;
  feedback_sent: boolean;
}

/** A QR code: the dark modules as SVG path data in module units, and a standalone SVG. */
export interface QrView {
  /** Width and height in modules, the quiet zone included (the SVG's view box). */
  size: number;
  path: string;
  svg: string;
}

/** One procedure of a handoff: why a visit, what to bring, by when, where. */
export interface PreparedView {
  procedure: string;
  title: string;
  reason: string | null;
  documents: string[];
  /** Its due date in words. */
  due: string | null;
  contact: Contact | null;
}

/** A handoff as the resident sees it after submitting: what to show at the counter. */
export interface HandoffView {
  title: string;
  lead: string;
  procedures: PreparedView[];
  /** Its text (holds the answers: the resident's device only). */
  text: string;
  qr: QrView | null;
  /** `XXXX-XXXX`: read back at the counter to be sure it is the same handoff. */
  short_code: string;
  short_code_text: string;
  expires: string;
  /** The visit booked, in words, or null. */
  booking: string | null;
  privacy: string;
}

interface JourneyViewBase {
  lang: Lang;
  /** Notices at the top (a draft restored, definitions changed since, a code that could not be read). */
  notices: string[];
  /** The error summary, in page order (each also in its question's `issues`). */
  errors: ShownIssue[];
  /** Warnings: the resident corrects them or continues anyway (`acknowledgeWarnings`). */
  warnings: ShownIssue[];
}

/** What to draw now, in one language: one screen per stage (`stage` tells which). */
export type JourneyView = JourneyViewBase & (
  | { stage: 'events'; title: string; events: LifeEventInfo[] }
  | {
    stage: 'screening';
    event: string;
    title: string;
    lead: string;
    questions: QuestionState[];
    checklist: Checklist | null;
    /** The online procedures can be started now (`startOnline`). */
    can_start: boolean;
    back: boolean;
  }
  | {
    stage: 'page';
    /** `procedure/page`. */
    page: string;
    title: string;
    progress: Progress;
    questions: QuestionState[];
    back: boolean;
    /** Continue returns to the check page (after a change link). */
    returns_to_check: boolean;
  }
  | {
    stage: 'check';
    title: string;
    lead: string;
    check: CheckPage;
    /** At the counter: whether the resident confirmed (a box to tick); null elsewhere. */
    counter_confirm: boolean | null;
    /** With a profile on the resident's device: whether to keep what they typed; null otherwise. */
    keep_profile: boolean | null;
    /** The consent's words, when a profile can be kept; null otherwise. */
    consent: ConsentView | null;
    /** Whether sensitive details are kept too (the second box). */
    keep_sensitive: boolean;
  }
  | {
    stage: 'steps';
    title: string;
    lead: string;
    /** Every host step in order; the one being done has `current`. */
    steps: StepView[];
  }
  | { stage: 'done'; next: NextSteps }
);

/** What answering changed, so a renderer redraws only that. */
export interface Answered { shown_changed: boolean; issues_changed: boolean }

/** Feedback to send to the town (fields absent when not given). */
export interface Feedback { rating?: number; comment?: string; event?: string; procedures: string[] }

/** The step for analytics: codes and counts, never values. */
export interface StepEvent { step: JourneyStage; event: string | null; page: string | null; index: number; total: number }

/** A journey action as data (as the conformance vectors write them). */
export type JourneyAction =
  | { action: 'choose_event'; event: string }
  | { action: 'answer'; key: string; value?: AnswerValue }
  | { action: 'finish_answer' | 'change' | 'go_to'; key: string }
  | { action: 'start_online' | 'next' | 'acknowledge_warnings' | 'back' | 'dismiss' }
  | { action: 'confirm'; confirmed: boolean }
  | { action: 'submit'; at: Rfc3339 }
  | { action: 'set_reference'; procedure: string; reference: string }
  | { action: 'feedback'; rating?: number | null; comment?: string }
  | { action: 'set_lang'; lang: Lang }
  | { action: 'keep_profile'; keep: boolean }
  | { action: 'import_code'; code: string }
  | { action: 'open_handoff'; code: string };

// ───────────────────────────────────────────────────────────── the API

/** Initialises the wasm core once (idempotent); resolves when the API can be used. Rejects with a
 *  `TetsuzukiError` (`wasm-unsupported`, `wasm-fetch`, `wasm-type`, `wasm-invalid`) whose message
 *  says what the page must change; a later call tries again. */
export function ready(): Promise<void>;

/** The SDK's version (`0.1.0`): the workspace's, the npm package's, every target's. After `ready()`. */
export function version(): string;

/** Tries one value of a field type. */
export function checkValue(type: string, value: AnswerValue, today: IsoDate, lang: Lang): ValueCheck;

/** A profile from damaged text, and what could not be read (each part by its path, never its value). */
export function recoverProfile(json: string): RecoveredProfile;

/** What `recoverProfile` gives. */
export interface RecoveredProfile {
  profile: Profile;
  dropped: string[];
}

export class Catalog {
  private constructor();
  /** Loads a compiled catalogue (`tetsuzuki compile` output): checks format and hash, plans once. */
  static load(json: string): Catalog;
  summary(): CatalogSummary;
  lifeEvents(lang: Lang): LifeEventInfo[];
  procedures(lang: Lang): ProcedureInfo[];
  navigate(event: string, answers: Answers, eventDate: IsoDate | null, today: IsoDate, lang: Lang): Checklist;
  /** A life event's screening questions as render views (the checklist's `questions` say which to ask now). */
  screeningQuestions(event: string, lang: Lang): Question[];
  /** The checklist's due dates and the booked visits as an iCalendar file's text (RFC 5545, CRLF):
   *  one all-day event per upcoming due date, one per visit; no answers in it. Serve it as `text/calendar`. */
  checklistCalendar(event: string, answers: Answers, eventDate: IsoDate | null, today: IsoDate, lang: Lang, options: CalendarOptions): string;
  validate(procedure: string, answers: Answers, today: IsoDate, lang: Lang): Validation;
  startSession(procedures: string[]): Session;
  restoreDraft(text: string): Restored;
  /** `restoreDraft`, given also the catalogue the draft was made with (loaded with `Catalog.load`;
   *  borrowed: it stays yours): the report's `fields` list what changed in its procedures since.
   *  A catalogue other than the draft's is not compared. (The native targets' `restoreDraft(text, previous)`.) */
  restoreDraftSince(text: string, previous: Catalog): Restored;
  free(): void;
}

export class Session {
  private constructor();
  procedures(): string[];
  questions(lang: Lang): Question[];
  pages(today: IsoDate, lang: Lang): Page[];
  setAnswer(key: string, value: AnswerValue): void;
  answer(key: string): AnswerValue | null;
  /** Keys filled from the navigator's screening answers. */
  reuseScreening(event: string, answers: Answers): string[];
  /** Keys filled from the profile (never overwrites a typed answer). */
  prefill(profile: Profile, today: IsoDate): string[];
  validate(today: IsoDate, lang: Lang): Issue[];
  validateQuestion(key: string, today: IsoDate, lang: Lang): Issue[];
  summary(today: IsoDate, lang: Lang): SummaryRow[];
  /** A preview; throws `not-ready` while errors remain. */
  submissions(today: IsoDate, at: Rfc3339): Submission[];
  /** Ends the session. Throws `not-ready` while errors remain, `session-unconfirmed` while an
   * assisted session waits for the resident's confirmation. */
  submit(today: IsoDate, at: Rfc3339): Submission[];
  /** 書かない窓口: staff fill the session on the resident's behalf; it is then submitted only
   * after the resident confirms the answers as they are. */
  setAssisted(assisted: boolean): void;
  isAssisted(): boolean;
  /** The resident has read the summary and confirms (or withdraws); any changed answer clears it. */
  confirmByResident(confirmed: boolean): void;
  isConfirmedByResident(): boolean;
  /** The issue to show (`counter.unconfirmed`) while an assisted session is unconfirmed, else null. */
  confirmationIssue(lang: Lang): Issue | null;
  /** Concepts recorded; throws `profile-no-consent` without consent. */
  updateProfile(profile: Profile, today: IsoDate, at: Rfc3339): string[];
  /** Whether the session was submitted (it then takes no more answers: `session-ended`). */
  isEnded(): boolean;
  /** The draft's text, for the host to keep on the device. */
  saveDraft(): string;
  free(): void;
}

export class Profile {
  private constructor();
  static empty(): Profile;
  static load(json: string): Profile;
  static recover(json: string): Profile;
  toJson(): string;
  giveConsent(at: Rfc3339): void;
  /** Withdrawing consent forgets every fact. */
  withdrawConsent(): void;
  hasConsent(): boolean;
  facts(today: IsoDate): Fact[];
  forget(concept: string): void;
  free(): void;
}

/** The resident's journey: life events, screening, checklist, form pages, check page, submit and what
 *  happens next, as one state machine in the core. Draw `view()`, forward the resident's actions; an
 *  action that cannot be taken throws a `TetsuzukiError` (`wrong-stage`, `has-errors`, …) and changes no
 *  answer (the view then shows why). */
export class Journey {
  private constructor();
  /** Throws `bad-value` (an unknown option, both `event` and `procedures`), `bad-date`, `bad-lang`,
   *  `unknown-event`, `unknown-procedure`, `no-procedures`. */
  static start(catalog: Catalog, options?: JourneyOptions): Journey;
  /** A saved journey (`save()`) on the same stage and page. Throws `bad-journey` (where and what, never a value). */
  static restore(catalog: Catalog, text: string, options?: JourneyRestoreOptions): Journey;
  readonly stage: JourneyStage;
  readonly lang: Lang;
  /** The chosen life event, if any. */
  readonly event: string | undefined;
  view(): JourneyView;
  /** Takes an action given as data; `bad-journey` for an action that is not one. */
  act(action: JourneyAction): void;
  chooseEvent(event: string): void;
  /** Answers a question of the screen (screening or a form page). */
  answer(key: string, value: AnswerValue): Answered;
  /** The resident left the question: its issues are shown from now on (screening). */
  finishAnswer(key: string): Answered;
  /** The checklist's online procedures, as forms (`screening-errors`, `nothing-online`). */
  startOnline(): void;
  /** Continue (`has-errors`, `unacknowledged-warnings`: the view shows them). */
  next(): void;
  /** Continue anyway: the warnings shown are accepted. */
  acknowledgeWarnings(): void;
  back(): void;
  /** A change link of the check page: to the question's page, returning to the check page. */
  change(key: string): void;
  /** An error summary's link (`hidden-question` when the answers hide it). */
  goTo(key: string): void;
  /** At the counter: the resident confirms the answers on the check page. */
  confirm(confirmed: boolean): void;
  /** Submits every procedure (`has-errors`, `session-unconfirmed`); `at` defaults to the browser's clock.
   *  Returns the submissions to send; the journey moves to what happens next. */
  submit(at?: Rfc3339): Submission[];
  /** The town's own reference for a submitted procedure (`not-submitted`). */
  setReference(procedure: string, reference: string): void;
  /** A rating 1–5, a comment, or both (`feedback-empty`, `feedback-rating`): what to send to the town. */
  feedback(rating?: number | null, comment?: string | null): Feedback;
  /** Done with what happens next: back to the life events. */
  dismiss(): void;
  setLang(lang: Lang): void;
  /** The resident's on-device profile (ignored at the counter): forms are prefilled from it when they
   *  consented; a submission updates it while they keep it. */
  setProfile(profile: Profile): void;
  /** The profile as a submission updated it (a copy), or null. */
  profile(): Profile | null;
  /** The resident chooses to keep (or not) what they typed on this device for next time. */
  setKeepProfile(keep: boolean): void;
  /** Whether what the resident typed will be kept on this device. */
  keepsProfile(): boolean;
  /** Also keep the sensitive details (My Number, bank account, health): the second consent. */
  setKeepSensitive(keep: boolean): void;
  /** Forgets the profile (the resident withdrew consent). */
  forgetProfile(): void;
  /** The forms' continuation code (to continue on another device), or null before the forms and after submit. */
  continuationCode(): string | null;
  /** Continues from a continuation code (`bad-code`: nothing changes; the view says so). */
  importCode(code: string): void;
  /** At the counter: opens a resident's handoff, scanned or pasted (`handoff-*`: nothing changes; the view tells the staff why and what to do). */
  openHandoff(code: string): void;
  /** The handoff made on submit for the procedures finished at the counter (personal data: the resident's device only), or null. */
  handoffText(): string | null;
  /** The resident starts (or retries, or confirms a chosen time for) the current host step: the request to answer. */
  beginStep(): StepRequest;
  /** The host fulfilled request `id`: the submissions when this released them, else []. `step-unknown` for a request given up on. */
  fulfilStep(id: string, reference: string): Submission[];
  /** The host could not fulfil request `id` (`step-answer` for another reason). */
  failStep(id: string, reason: StepFailure): void;
  /** The booking system's times for a `book` request without a slot. */
  offerSlots(id: string, slots: Slot[]): void;
  /** The resident chooses an offered time (then `beginStep`). */
  chooseSlot(slot: string): void;
  /** Skips the current step (a booking; an issue that failed). */
  skipStep(): void;
  /** Before anything was sent: back to the check page, every answer kept. */
  leaveSteps(): void;
  /** The whole journey as text: personal data, keep it on the resident's device only. */
  save(): string;
  receipts(): Receipt[];
  stepEvent(): StepEvent;
  /** The due dates ahead (checklist; after submit, what is still to do and what was prepared for the counter) as an iCalendar file (RFC 5545, no personal data), or null; `stamp` (RFC 3339) defaults to now. */
  calendar(stamp?: string): string | null;
  free(): void;
}
