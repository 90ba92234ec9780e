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
  | 'profile-malformed' | 'profile-format' | 'profile-no-consent';

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

export interface Due { date: IsoDate; rolled_over_from?: IsoDate | null; variant?: string | null }

export interface ChecklistItem {
  procedure: string;
  title: string;
  reason: string;
  due?: Due | null;
  consequence?: string | null;
  channels: string[];
  online_now: boolean;
  identity: string | null;
  documents: string[] | { title: string }[];
  fee?: unknown;
  contact?: unknown;
}

export interface Checklist {
  event: string;
  questions: ScreeningQuestion[];
  issues: Issue[];
  procedures: ChecklistItem[];
  town_actions: ChecklistItem[];
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
}

export interface RestoreReport {
  same_catalog: boolean;
  truncated: boolean;
  changed: { procedure: string; from: string; to: string }[];
  gone: string[];
  recheck: string[];
  kept: string[];
  missing_procedures: string[];
  /** Field-level changes of the draft's procedures since the draft: only from `restoreDraftSince`
   *  (given the catalogue the draft was made with); empty otherwise. */
  fields: FieldChange[];
}

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

// ───────────────────────────────────────────────────────────── the API

/** Initialises the wasm core once (idempotent); resolves when the API can be used. */
export function ready(): Promise<void>;

/** Tries one value of a field type. */
export function checkValue(type: string, value: AnswerValue, today: IsoDate, lang: Lang): ValueCheck;

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
  validate(procedure: string, answers: Answers, today: IsoDate, lang: Lang): Validation;
  startSession(procedures: string[]): Session;
  restoreDraft(text: string): { session: Session; report: RestoreReport };
  /** `restoreDraft`, given also the catalogue the draft was made with (loaded with `Catalog.load`;
   *  borrowed: it stays yours): the report's `fields` list what changed in its procedures since.
   *  A catalogue other than the draft's is not compared. (The native targets' `restoreDraft(text, previous)`.) */
  restoreDraftSince(text: string, previous: Catalog): { session: Session; report: RestoreReport };
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
