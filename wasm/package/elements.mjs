// The one list of what the widget's custom elements offer a host page: attributes, events, CSS
// parts, custom properties and methods. wasm/package/build.mjs writes it as dist/
// custom-elements.json (Custom Elements Manifest, schema 2.1.0), which editors, linters and
// Storybook read. tests/browser/package.test.mjs checks it both ways against docs/WIDGET.md
// (the vendors' guide), the shell (wasm/js/tetsuzuki.js), the declarations (tetsuzuki.d.ts)
// and the widget's Rust sources and stylesheet: change them together.

/** `on`: which elements have the attribute (`both`, `navigator`, `form`), as in WIDGET.md. */
export const ATTRIBUTES = [
  { name: 'catalog', on: 'both', type: 'string', default: '"catalog.json"',
    description: 'URL of the compiled catalogue of the town (same origin under the strict CSP).' },
  { name: 'lang', on: 'both', type: "'ja' | 'en' | 'ja-easy'", default: '"ja"',
    description: 'Language of everything shown; the resident can switch in the widget too. Changing it keeps every answer.' },
  { name: 'event', on: 'navigator', type: 'string',
    description: 'Start at this life event (`moving-in`, `birth` …) instead of the list of life events.' },
  { name: 'procedures', on: 'form', type: 'string',
    description: 'Procedure ids, space-separated (`tennyu kokuho-kanyu`); each concept is asked once.' },
  { name: 'today', on: 'both', type: 'string',
    description: '`YYYY-MM-DD`; default the device\'s local date (set it in tests and demos).' },
  { name: 'mode', on: 'both', type: "'pages' | 'one'", default: '"pages"',
    description: '`pages`: one page per section; `one`: one question per page.' },
  { name: 'counter', on: 'both', type: 'boolean',
    description: 'Counter mode (書かない窓口): staff fill in, the resident confirms the summary; no profile is read or kept.' },
  { name: 'storage', on: 'both', type: "'none'",
    description: '`none` keeps no journey or profile on the device (localStorage). Otherwise the journey is kept, and the profile only with the resident\'s consent.' },
];

/** Dispatched on the element, `bubbles: true, composed: true`; types as in tetsuzuki.d.ts. */
export const EVENTS = [
  { name: 'tetsuzuki-ready', type: 'CustomEvent<null | Record<string, unknown>>', description: 'The widget is interactive.' },
  { name: 'tetsuzuki-step', type: 'CustomEvent<StepDetail>', description: 'The resident moved: `{ step, event, page, index, total }`. No personal data.' },
  { name: 'tetsuzuki-issue', type: 'CustomEvent<IssueDetail>', description: 'Problems shown: `{ issues: [{ field, code, severity }] }`. No personal data.' },
  { name: 'tetsuzuki-submit', type: 'CustomEvent<SubmitDetail>', description: 'Submitted: `{ submissions, assisted, references }`, one submission per procedure. Holds personal data: send it to your back office.' },
  { name: 'tetsuzuki-prepared', type: 'CustomEvent<PreparedDetail>', description: 'Procedures finished at the counter were prepared: `{ procedures, short_code }`; the handoff itself stays on the device. No personal data.' },
  { name: 'tetsuzuki-request', type: 'CustomEvent<HostStepDetail>', description: 'A host step to fulfil (sign, pay, book, issue): `{ id, kind, procedures, digest, amount, references, first_day, last_day, slot, timeout_seconds }`; answer with `fulfilStep`, `failStep` or `offerSlots`. No personal data (a digest, not the answers).' },
  { name: 'tetsuzuki-abandon', type: 'CustomEvent<AbandonDetail>', description: 'The page was hidden with an unsent draft: `{ step }`.' },
  { name: 'tetsuzuki-feedback', type: 'CustomEvent<FeedbackDetail>', description: 'Satisfaction after submit: `{ rating?, comment?, event?, procedures }`.' },
  { name: 'tetsuzuki-error', type: 'CustomEvent<ErrorDetail>', description: '`{ code, message }`, e.g. the catalogue could not be loaded.' },
];

export const PARTS = [
  { name: 'root', description: 'The widget\'s container.' },
  { name: 'title', description: 'The heading of each page.' },
  { name: 'button', description: 'Every button.' },
  { name: 'error-summary', description: 'The summary of errors at the top of a page.' },
  { name: 'warning-summary', description: 'The summary of warnings (continue anyway) at the top of a page.' },
  { name: 'panel', description: 'The page after submit.' },
  { name: 'lang', description: 'The language selector.' },
];

/** Defaults as in wasm/src/style.css (Japanese Digital Agency design system). */
export const CSS_PROPERTIES = [
  { name: '--tz-blue', syntax: '<color>', default: '#0017c1', description: 'Primary colour (buttons, links).' },
  { name: '--tz-blue-dark', syntax: '<color>', default: '#00118f', description: 'Primary colour on hover.' },
  { name: '--tz-text', syntax: '<color>', default: '#1a1a1c', description: 'Text.' },
  { name: '--tz-muted', syntax: '<color>', default: '#4d4d4d', description: 'Secondary text (hints).' },
  { name: '--tz-border', syntax: '<color>', default: '#767676', description: 'Borders of inputs, lists and summaries.' },
  { name: '--tz-bg', syntax: '<color>', default: '#fff', description: 'Background.' },
  { name: '--tz-soft', syntax: '<color>', default: '#f1f1f4', description: 'Soft backgrounds (notices) and light rules.' },
  { name: '--tz-red', syntax: '<color>', default: '#ce0000', description: 'Errors.' },
  { name: '--tz-yellow', syntax: '<color>', default: '#ffd43d', description: 'The focus ring and the counter-mode badge.' },
  { name: '--tz-green', syntax: '<color>', default: '#197a4b', description: 'Done and online-now marks, answers filled in from earlier.' },
  { name: '--tz-radius', syntax: '<length>', default: '8px', description: 'Corner radius.' },
  { name: '--tz-font', syntax: '*', default: '"Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", system-ui, sans-serif', description: 'Font family.' },
  { name: '--tz-font-size', syntax: '<length>', default: '16px', description: 'Base font size.' },
];

export const METHODS = [
  { name: 'setReference', description: 'The reference the town\'s own system gave a submitted procedure (shown after submit, and in `tetsuzuki-submit`\'s `references`).',
    parameters: [{ name: 'procedure', type: { text: 'string' } }, { name: 'reference', type: { text: 'string' } }],
    return: { type: { text: 'void' } } },
  { name: 'fulfilStep', description: 'The host fulfilled the step request `id` (from `tetsuzuki-request`) with its reference; the journey goes on (and sends the submissions once signed and paid).',
    parameters: [{ name: 'id', type: { text: 'string' } }, { name: 'reference', type: { text: 'string' } }],
    return: { type: { text: 'void' } } },
  { name: 'failStep', description: 'The host could not fulfil the step request `id`: `reason` is `cancelled`, `declined`, `card-unreadable`, `unavailable`, `timeout` or `interrupted`.',
    parameters: [{ name: 'id', type: { text: 'string' } }, { name: 'reason', type: { text: 'StepFailure' } }],
    return: { type: { text: 'void' } } },
  { name: 'offerSlots', description: 'The booking system\'s times for a `book` request without a slot: `[{ id, start, minutes, place }]`.',
    parameters: [{ name: 'id', type: { text: 'string' } }, { name: 'slots', type: { text: 'Slot[]' } }],
    return: { type: { text: 'void' } } },
];

export const ELEMENTS = [
  { tagName: 'tetsuzuki-navigator', name: 'TetsuzukiNavigator', kind: 'navigator',
    summary: 'A life-event navigator: life events → questions → checklist → the online procedures in one form.' },
  { tagName: 'tetsuzuki-form', name: 'TetsuzukiForm', kind: 'form',
    summary: 'A one-stop form of the given procedures; each concept is asked once.' },
];

const MODULE = 'tetsuzuki.js';

/** The Custom Elements Manifest (schema 2.1.0) of the widget's entry module. */
export function manifest() {
  const declarations = ELEMENTS.map((el) => ({
    kind: 'class',
    name: el.name,
    tagName: el.tagName,
    customElement: true,
    summary: el.summary,
    description: `${el.summary} Renders into an open shadow root; see GUIDE.md.`,
    superclass: { name: 'HTMLElement', package: 'global:' },
    attributes: ATTRIBUTES.filter((a) => a.on === 'both' || a.on === el.kind).map((a) => ({
      name: a.name,
      type: { text: a.type },
      ...(a.default ? { default: a.default } : {}),
      description: a.description,
    })),
    events: EVENTS.map((e) => ({ name: e.name, type: { text: e.type }, description: e.description })),
    cssParts: PARTS.map((p) => ({ ...p })),
    cssProperties: CSS_PROPERTIES.map((p) => ({ ...p })),
    members: METHODS.map((m) => ({ kind: 'method', ...m })),
  }));
  declarations.push({
    kind: 'function',
    name: 'ready',
    description: 'Loads the widget\'s wasm core (once; idempotent). The elements call it themselves: a host may call it early to start the download.',
    return: { type: { text: 'Promise<void>' } },
  });
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: MODULE,
      description: 'Registers <tetsuzuki-navigator> and <tetsuzuki-form> on import.',
      declarations,
      exports: [
        { kind: 'js', name: 'ready', declaration: { name: 'ready', module: MODULE } },
        ...ELEMENTS.map((el) => ({ kind: 'custom-element-definition', name: el.tagName,
          declaration: { name: el.name, module: MODULE } })),
      ],
    }],
  };
}
