// TypeScript declarations of dist/tetsuzuki.js: the custom elements and their events. See
// GUIDE.md (docs/WIDGET.md) for the embed contract. Hosts that render their own pages use the
// JS API instead: tetsuzuki-api.js, declared in tetsuzuki-api.d.ts.

import type { Slot, StepFailure, StepRequest, Submission } from './tetsuzuki-api.js';

/** Loads the widget's wasm core (once; idempotent). The elements call it themselves: a host
 * may call it early to start the download before an element is added. Rejects with an `Error`
 * whose `code` is `wasm-unsupported`, `wasm-fetch`, `wasm-type` or `wasm-invalid` (the elements
 * send the same in `tetsuzuki-error`); a later call tries again. */
export function ready(): Promise<void>;

// ───────────────────────────────────────────────────────────── elements and events

export interface StepDetail {
  /** `events`, `screening`, `page`, `check`, `steps` (the host's steps after submit), `done`. */
  step: string;
  /** The page id (`procedure/page`), when on a page. */
  page?: string | null;
  /** Which page, counting from 1 (0 when not on a page). */
  index?: number;
  /** How many pages the form has now (0 when not on a page). */
  total?: number;
  /** The life event, on the navigator's questions. */
  event?: string;
}
export interface IssueDetail { issues: { field: string; code: string; severity?: 'error' | 'warning' }[] }
export interface SubmitDetail {
  submissions: Submission[];
  assisted: boolean;
  /** The reference shown to the resident, by procedure (generated; give the town's with `setReference`). */
  references: Record<string, string>;
}
export interface AbandonDetail { step: string }
/** At least one of `rating` (1–5) and `comment`; a field left out is absent, never `null`. */
/** Procedures finished at the counter were prepared (the handoff stays on the device). */
export interface PreparedDetail { procedures: string[]; short_code: string }
/** A host step to fulfil (sign, pay, book, issue): exactly what is needed, never an answer the
 *  resident typed. Answer with the element's `fulfilStep`, `failStep` or `offerSlots`, naming `id`,
 *  within `timeout_seconds` (then the widget fails it with `timeout`). */
export type HostStepDetail = StepRequest;
export interface FeedbackDetail { rating?: number; comment?: string; event?: string; procedures: string[] }
/** `code`: `catalog-fetch`, a code of `Catalog.load` (`catalog-hash` …), or the core not loaded
 *  (`wasm-unsupported`, `wasm-fetch`, `wasm-type`, `wasm-invalid`); `message` is for the page's
 *  developer (the URL, the status or type served, the fix). The resident sees "try again later". */
export interface ErrorDetail { code: string; message: string }

/** Events dispatched on the element (bubbling, composed). No personal data except in submit. */
export interface TetsuzukiEventMap {
  'tetsuzuki-ready': CustomEvent<null | Record<string, unknown>>;
  'tetsuzuki-step': CustomEvent<StepDetail>;
  'tetsuzuki-issue': CustomEvent<IssueDetail>;
  'tetsuzuki-submit': CustomEvent<SubmitDetail>;
  'tetsuzuki-abandon': CustomEvent<AbandonDetail>;
  'tetsuzuki-feedback': CustomEvent<FeedbackDetail>;
  'tetsuzuki-prepared': CustomEvent<PreparedDetail>;
  'tetsuzuki-request': CustomEvent<HostStepDetail>;
  'tetsuzuki-error': CustomEvent<ErrorDetail>;
}

interface TetsuzukiElementBase extends HTMLElement {
  /** The reference the town's own system gave a submitted procedure (shown after submit, and in
   *  `tetsuzuki-submit`'s `references`). */
  setReference(procedure: string, reference: string): void;
  /** The host fulfilled the step request `id` (`tetsuzuki-request`) with its reference. Throws `step-unknown` for a request given up on. */
  fulfilStep(id: string, reference: string): void;
  /** The host could not fulfil the step request `id`; the resident is told what to do. */
  failStep(id: string, reason: StepFailure): void;
  /** The booking system's times for a `book` request without a slot. */
  offerSlots(id: string, slots: Slot[]): void;
  addEventListener<K extends keyof TetsuzukiEventMap>(type: K, listener: (this: this, ev: TetsuzukiEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TetsuzukiEventMap>(type: K, listener: (this: this, ev: TetsuzukiEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * `<tetsuzuki-navigator catalog="URL" [event="moving-in"] lang="ja|en|ja-easy" [today="YYYY-MM-DD"]
 * [mode="pages|one"] [counter] [storage="none"]>`: life events → screening → checklist → one form
 * for the online procedures.
 */
export interface TetsuzukiNavigatorElement extends TetsuzukiElementBase {}

/**
 * `<tetsuzuki-form catalog="URL" procedures="tennyu kokuho-kanyu" lang="ja" [today] [mode]
 * [counter] [storage="none"]>`: one-stop form of the procedures.
 */
export interface TetsuzukiFormElement extends TetsuzukiElementBase {}

declare global {
  interface HTMLElementTagNameMap {
    'tetsuzuki-navigator': TetsuzukiNavigatorElement;
    'tetsuzuki-form': TetsuzukiFormElement;
  }
  interface DocumentEventMap extends TetsuzukiEventMap {}
  interface WindowEventMap extends TetsuzukiEventMap {}
}
