//! The host API declared once: every error code of the SDK with its kind, every method of
//! every target by owner, and the records that cross the boundary, as plain data.
//!
//! The targets write the API by hand (wasm-bindgen, UniFFI, a Python wrapper, TypeScript
//! declarations, the docs' tables); `core/tests/host_api.rs` reads each of them and checks it
//! against this declaration both ways, so that a method, a record field or a code added on one
//! target and missing on another fails a test. The native bindings give each code the error
//! variant of its kind ([`error_kind`]), not one guessed from the code's spelling.
//!
//! To add a method: add it to [`METHODS`] (its Rust/Python name, its JavaScript name, its
//! kind), then write it on every target of its owner (`wasm/src/api.rs`,
//! `wasm/js/tetsuzuki-api.d.ts`, `bindings/src/lib.rs` — then `scripts/gen-swift --update` —,
//! `bindings/python/tetsuzuki/__init__.py`, a row of `docs/HOST-API.md`), or declare it
//! missing on a target with the one-line reason. To add an error code: add it to
//! [`ERROR_CODES`] with its kind, and to the error tables of `docs/HOST-API.md` and
//! `docs/BINDINGS.md`, to `TetsuzukiErrorCode` in the `.d.ts` and to the doc comment of the
//! bindings' variant (or to [`CODES_NOT_ON`]). To add a record field: add it to the core
//! struct, to [`RECORDS`], to the UniFFI record and to the `.d.ts` interface.

/// The SDK's version: the workspace's `[workspace.package] version` (`Cargo.toml`), compiled
/// into the core. Every target gives this one number: `version()` of the JS API and of the
/// native bindings, the Python package's `__version__`, `tetsuzuki --version`, and the
/// packages' metadata (npm, the wheel, the jar) written from the same `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What an error code is about: the native bindings' error variant (`TetsuzukiError.BadInput`
/// …), so a host can catch a group without listing its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// Not a compiled catalogue, another format version, changed text, or none fetched.
    InvalidCatalog,
    /// An id the catalogue or the session does not have.
    Unknown,
    /// A host value of the wrong kind (not JSON, not a date, not a language), or a saved
    /// journey, an action or a continuation code that cannot be read; in a browser, the core's
    /// `.wasm` as the page serves it (missing, wrong type, another build) or no WebAssembly.
    BadInput,
    /// The session cannot do that now (no procedures, errors left, submitted, unconfirmed).
    SessionState,
    /// The journey cannot take that action now (nothing changed; the view says what to do).
    JourneyState,
    /// A draft that could not make a session.
    InvalidDraft,
    /// A profile's text or consent.
    Profile,
    /// A bug in tetsuzuki (a caught panic, a value that could not be converted): report it.
    Internal,
}

impl ErrorKind {
    /// Every kind, in the order of the docs' tables.
    pub const ALL: &[ErrorKind] = &[
        ErrorKind::InvalidCatalog,
        ErrorKind::Unknown,
        ErrorKind::BadInput,
        ErrorKind::SessionState,
        ErrorKind::JourneyState,
        ErrorKind::InvalidDraft,
        ErrorKind::Profile,
        ErrorKind::Internal,
    ];

    /// The name of the native bindings' variant (`TetsuzukiError.InvalidCatalog`; Kotlin's
    /// `TetsuzukiException.InvalidCatalog`).
    pub const fn variant(self) -> &'static str {
        match self {
            ErrorKind::InvalidCatalog => "InvalidCatalog",
            ErrorKind::Unknown => "Unknown",
            ErrorKind::BadInput => "BadInput",
            ErrorKind::SessionState => "SessionState",
            ErrorKind::JourneyState => "JourneyState",
            ErrorKind::InvalidDraft => "InvalidDraft",
            ErrorKind::Profile => "Profile",
            ErrorKind::Internal => "Internal",
        }
    }
}

/// Every error code of the SDK with its kind: the codes of core's errors (`CatalogError`,
/// `SessionError`, `DraftError`, `ProfileError`, `NavigateError`, `ValidateError`,
/// `JourneyError`), of the host's parsers ([`super::parse_date`] …) and of the adapters.
pub const ERROR_CODES: &[(&str, ErrorKind)] = &[
    // CatalogError (`Catalog.load`, `catalogSummary`).
    ("catalog-malformed", ErrorKind::InvalidCatalog),
    ("catalog-format", ErrorKind::InvalidCatalog),
    ("catalog-hash", ErrorKind::InvalidCatalog),
    // The widget's shell (`wasm/js/tetsuzuki.js`): the catalogue's URL could not be fetched.
    ("catalog-fetch", ErrorKind::InvalidCatalog),
    // Ids: SessionError, NavigateError, ValidateError, JourneyError, the host's parsers.
    ("unknown-procedure", ErrorKind::Unknown),
    ("unknown-event", ErrorKind::Unknown),
    ("unknown-question", ErrorKind::Unknown),
    ("unknown-field", ErrorKind::Unknown),
    ("unknown-type", ErrorKind::Unknown),
    // SessionError (and JourneyError's `session-unconfirmed`).
    ("no-procedures", ErrorKind::SessionState),
    ("not-ready", ErrorKind::SessionState),
    ("session-ended", ErrorKind::SessionState),
    ("session-unconfirmed", ErrorKind::SessionState),
    // The host's parsers and the adapters; JourneyError's unreadable texts.
    ("bad-value", ErrorKind::BadInput),
    ("bad-date", ErrorKind::BadInput),
    ("bad-lang", ErrorKind::BadInput),
    ("bad-journey", ErrorKind::BadInput),
    ("bad-code", ErrorKind::BadInput),
    // JourneyError: a handoff the counter cannot open (the view tells the staff what to do).
    ("handoff-not-a-handoff", ErrorKind::BadInput),
    ("handoff-damaged", ErrorKind::BadInput),
    ("handoff-format", ErrorKind::BadInput),
    ("handoff-expired", ErrorKind::BadInput),
    ("handoff-other-town", ErrorKind::BadInput),
    ("handoff-changed", ErrorKind::BadInput),
    // JourneyError: a host's answer to a step that cannot be taken (an empty reference, an
    // unknown reason, a slot outside the days asked).
    ("step-answer", ErrorKind::BadInput),
    // The browser's loaders (`wasm/js/tetsuzuki.js`, `wasm/js/tetsuzuki-api.js`): no
    // WebAssembly, the core's URL not fetched, not served as `application/wasm`, not this build's.
    ("wasm-unsupported", ErrorKind::BadInput),
    ("wasm-fetch", ErrorKind::BadInput),
    ("wasm-type", ErrorKind::BadInput),
    ("wasm-invalid", ErrorKind::BadInput),
    // JourneyError: the journey's own states.
    ("wrong-stage", ErrorKind::JourneyState),
    ("hidden-question", ErrorKind::JourneyState),
    ("has-errors", ErrorKind::JourneyState),
    ("unacknowledged-warnings", ErrorKind::JourneyState),
    ("screening-errors", ErrorKind::JourneyState),
    ("nothing-online", ErrorKind::JourneyState),
    ("feedback-empty", ErrorKind::JourneyState),
    ("feedback-rating", ErrorKind::JourneyState),
    ("not-submitted", ErrorKind::JourneyState),
    ("step-unknown", ErrorKind::JourneyState),
    // DraftError.
    ("draft-malformed", ErrorKind::InvalidDraft),
    ("draft-format", ErrorKind::InvalidDraft),
    ("draft-no-procedures", ErrorKind::InvalidDraft),
    // ProfileError.
    ("profile-malformed", ErrorKind::Profile),
    ("profile-format", ErrorKind::Profile),
    ("profile-no-consent", ErrorKind::Profile),
    // The adapters: a panic caught at the native boundary; a value the JS API could not convert.
    ("internal-panic", ErrorKind::Internal),
    ("internal", ErrorKind::Internal),
];

/// Codes a target never gives, each with the reason: the target's list of codes (the
/// `.d.ts`'s `TetsuzukiErrorCode`, the bindings' table of `docs/BINDINGS.md`) leaves them out.
pub const CODES_NOT_ON: &[(&str, Target, &str)] = &[
    ("catalog-fetch", Target::JsTypes, "the widget's shell fetches catalogues; the API takes their text"),
    ("catalog-fetch", Target::Uniffi, "the widget's shell fetches catalogues; the bindings take their text"),
    ("wasm-unsupported", Target::Uniffi, "the browser's loaders only: a native library is loaded with the process"),
    ("wasm-fetch", Target::Uniffi, "the browser's loaders only: a native library is loaded with the process"),
    ("wasm-type", Target::Uniffi, "the browser's loaders only: a native library is loaded with the process"),
    ("wasm-invalid", Target::Uniffi, "the browser's loaders only: a native library is loaded with the process"),
    ("internal-panic", Target::JsTypes, "the wasm build aborts on a panic (`panic = \"abort\"`): none is caught"),
    ("internal", Target::Uniffi, "the bindings convert records field by field; nothing can fail to convert"),
];

/// The kind of an error code, if the SDK has the code.
pub fn error_kind(code: &str) -> Option<ErrorKind> {
    ERROR_CODES.iter().find(|(c, _)| *c == code).map(|(_, kind)| *kind)
}

/// Where the host API is written, by hand, once per target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// The JS API's wasm exports (`wasm/src/api.rs`, feature `api`): the Rust names, and the
    /// JavaScript ones in `js_name`.
    JsWasm,
    /// The JS API's TypeScript declarations (`wasm/js/tetsuzuki-api.d.ts`), and what its module
    /// (`wasm/js/tetsuzuki-api.js`) exports.
    JsTypes,
    /// The web widget's module (`wasm/js/tetsuzuki.d.ts`): `ready()` and the elements.
    Widget,
    /// The UniFFI exports (`bindings/src/lib.rs`): Kotlin, Swift and Python are generated from it.
    Uniffi,
    /// The Python wrapper over the generated module (`bindings/python/tetsuzuki/__init__.py`).
    Python,
    /// The method tables of `docs/HOST-API.md`.
    Docs,
}

impl Target {
    /// Every target.
    pub const ALL: &[Target] =
        &[Target::JsWasm, Target::JsTypes, Target::Widget, Target::Uniffi, Target::Python, Target::Docs];

    /// The file it is written in, from the repository's root.
    pub const fn file(self) -> &'static str {
        match self {
            Target::JsWasm => "wasm/src/api.rs",
            Target::JsTypes => "wasm/js/tetsuzuki-api.d.ts",
            Target::Widget => "wasm/js/tetsuzuki.d.ts",
            Target::Uniffi => "bindings/src/lib.rs",
            Target::Python => "bindings/python/tetsuzuki/__init__.py",
            Target::Docs => "docs/HOST-API.md",
        }
    }
}

/// What a method belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A module-level function.
    Module,
    /// `Catalog`: a compiled catalogue.
    Catalog,
    /// `Session`: a one-stop session.
    Session,
    /// `Profile`: the once-only store.
    Profile,
    /// `Journey`: the resident's path.
    Journey,
    /// The widget's custom elements (`<tetsuzuki-navigator>`, `<tetsuzuki-form>`).
    Element,
}

impl Owner {
    /// Every owner.
    pub const ALL: &[Owner] =
        &[Owner::Module, Owner::Catalog, Owner::Session, Owner::Profile, Owner::Journey, Owner::Element];

    /// Its name on the targets (`Catalog`); empty for the module.
    pub const fn name(self) -> &'static str {
        match self {
            Owner::Module => "",
            Owner::Catalog => "Catalog",
            Owner::Session => "Session",
            Owner::Profile => "Profile",
            Owner::Journey => "Journey",
            Owner::Element => "TetsuzukiElement",
        }
    }

    /// The targets it is written on: a method is on each of them unless declared missing.
    pub const fn targets(self) -> &'static [Target] {
        const CLASSES: &[Target] = &[Target::JsWasm, Target::JsTypes, Target::Uniffi, Target::Python, Target::Docs];
        match self {
            Owner::Module => Target::ALL,
            Owner::Catalog | Owner::Session | Owner::Profile | Owner::Journey => CLASSES,
            Owner::Element => &[Target::Widget],
        }
    }
}

/// How a method is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A module-level function.
    Function,
    /// Makes its owner (a static method; a UniFFI constructor; a Python classmethod).
    Constructor,
    /// A method of an object.
    Method,
    /// A read-only property in JavaScript; a method everywhere else.
    Getter,
}

/// A method of the host API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    /// What it belongs to.
    pub owner: Owner,
    /// Its Rust and Python name (snake_case, as UniFFI's Python has it; Kotlin and Swift
    /// have the JavaScript one).
    pub name: &'static str,
    /// Its JavaScript name (camelCase; the docs use it).
    pub js: &'static str,
    /// How it is called.
    pub kind: Kind,
    /// The targets of its owner that deliberately lack it, each with the one-line reason.
    pub missing: &'static [(Target, &'static str)],
}

impl Method {
    /// Whether `target` has it.
    pub fn on(&self, target: Target) -> bool {
        self.owner.targets().contains(&target) && !self.missing.iter().any(|(t, _)| *t == target)
    }
}

const fn function(name: &'static str, js: &'static str) -> Method {
    Method { owner: Owner::Module, name, js, kind: Kind::Function, missing: &[] }
}

const fn constructor(owner: Owner, name: &'static str, js: &'static str) -> Method {
    Method { owner, name, js, kind: Kind::Constructor, missing: &[] }
}

const fn method(owner: Owner, name: &'static str, js: &'static str) -> Method {
    Method { owner, name, js, kind: Kind::Method, missing: &[] }
}

const fn getter(owner: Owner, name: &'static str, js: &'static str) -> Method {
    Method { owner, name, js, kind: Kind::Getter, missing: &[] }
}

/// The widget's module exports `ready()` only.
const NOT_IN_WIDGET: (Target, &str) =
    (Target::Widget, "the widget's module exports ready() only: hosts that call the API load tetsuzuki-api.js");
/// wasm-bindgen writes `free()` for every exported struct.
const FREE: &[(Target, &str)] = &[
    (Target::JsWasm, "written by wasm-bindgen for every exported struct"),
    (Target::Uniffi, "the runtime frees native objects (Kotlin's `close()` when it must be now)"),
    (Target::Python, "Python frees native objects"),
    (Target::Docs, "wasm-bindgen's, declared in the .d.ts; the docs list the SDK's own methods"),
];

/// Every method of the host API, by owner, in the docs' order.
pub const METHODS: &[Method] = &[
    // ---------------------------------------------------------------- module-level functions
    Method {
        missing: &[
            (Target::JsWasm, "written in the JS glue (tetsuzuki-api.js, tetsuzuki.js): it instantiates the wasm"),
            (Target::Uniffi, "a native library is loaded with the process: nothing to initialise"),
            (Target::Python, "a native library is loaded with the process: nothing to initialise"),
        ],
        ..function("ready", "ready")
    },
    Method { missing: &[NOT_IN_WIDGET], ..function("version", "version") },
    Method { missing: &[NOT_IN_WIDGET], ..function("check_value", "checkValue") },
    Method {
        missing: &[
            NOT_IN_WIDGET,
            (
                Target::JsTypes,
                "tetsuzuki-api.js does not re-export it (Catalog.load(json).summary()); wasm/tests use it",
            ),
            (Target::Python, "Catalog.load(text).summary(); tetsuzuki_bindings.catalog_summary is the generated one"),
        ],
        ..function("catalog_summary", "catalogSummary")
    },
    Method {
        missing: &[NOT_IN_WIDGET, (Target::Python, "Profile.recover returns (profile, dropped)")],
        ..function("recover_profile", "recoverProfile")
    },
    // ---------------------------------------------------------------- Catalog
    constructor(Owner::Catalog, "load", "load"),
    Method {
        missing: &[
            (Target::JsWasm, "a browser has no files: fetch the text and load it"),
            (Target::JsTypes, "a browser has no files: fetch the text and load it"),
            (Target::Uniffi, "the host reads the file with its own I/O and calls load"),
            (Target::Docs, "a Python convenience, shown in docs/BINDINGS.md"),
        ],
        ..constructor(Owner::Catalog, "load_file", "loadFile")
    },
    method(Owner::Catalog, "summary", "summary"),
    method(Owner::Catalog, "life_events", "lifeEvents"),
    method(Owner::Catalog, "procedures", "procedures"),
    method(Owner::Catalog, "navigate", "navigate"),
    method(Owner::Catalog, "screening_questions", "screeningQuestions"),
    method(Owner::Catalog, "checklist_calendar", "checklistCalendar"),
    method(Owner::Catalog, "validate", "validate"),
    method(Owner::Catalog, "start_session", "startSession"),
    method(Owner::Catalog, "restore_draft", "restoreDraft"),
    Method {
        missing: &[
            (Target::Uniffi, "restore_draft(text, previous) takes the previous catalogue as an optional argument"),
            (Target::Python, "restore_draft(text, previous) takes the previous catalogue as an optional argument"),
        ],
        ..method(Owner::Catalog, "restore_draft_since", "restoreDraftSince")
    },
    Method { missing: FREE, ..method(Owner::Catalog, "free", "free") },
    // ---------------------------------------------------------------- Session
    method(Owner::Session, "procedures", "procedures"),
    method(Owner::Session, "questions", "questions"),
    method(Owner::Session, "pages", "pages"),
    method(Owner::Session, "set_answer", "setAnswer"),
    method(Owner::Session, "answer", "answer"),
    method(Owner::Session, "reuse_screening", "reuseScreening"),
    method(Owner::Session, "prefill", "prefill"),
    method(Owner::Session, "validate", "validate"),
    method(Owner::Session, "validate_question", "validateQuestion"),
    method(Owner::Session, "summary", "summary"),
    method(Owner::Session, "submissions", "submissions"),
    method(Owner::Session, "submit", "submit"),
    method(Owner::Session, "set_assisted", "setAssisted"),
    method(Owner::Session, "is_assisted", "isAssisted"),
    method(Owner::Session, "confirm_by_resident", "confirmByResident"),
    method(Owner::Session, "is_confirmed_by_resident", "isConfirmedByResident"),
    method(Owner::Session, "confirmation_issue", "confirmationIssue"),
    method(Owner::Session, "update_profile", "updateProfile"),
    method(Owner::Session, "is_ended", "isEnded"),
    method(Owner::Session, "save_draft", "saveDraft"),
    Method { missing: FREE, ..method(Owner::Session, "free", "free") },
    // ---------------------------------------------------------------- Profile
    constructor(Owner::Profile, "empty", "empty"),
    constructor(Owner::Profile, "load", "load"),
    Method {
        missing: &[(Target::Uniffi, "UniFFI constructors return only the object: the function recover_profile")],
        ..constructor(Owner::Profile, "recover", "recover")
    },
    method(Owner::Profile, "to_json", "toJson"),
    method(Owner::Profile, "give_consent", "giveConsent"),
    method(Owner::Profile, "withdraw_consent", "withdrawConsent"),
    method(Owner::Profile, "has_consent", "hasConsent"),
    method(Owner::Profile, "facts", "facts"),
    method(Owner::Profile, "forget", "forget"),
    Method { missing: FREE, ..method(Owner::Profile, "free", "free") },
    // ---------------------------------------------------------------- Journey
    constructor(Owner::Journey, "start", "start"),
    constructor(Owner::Journey, "restore", "restore"),
    getter(Owner::Journey, "stage", "stage"),
    getter(Owner::Journey, "lang", "lang"),
    getter(Owner::Journey, "event", "event"),
    method(Owner::Journey, "view", "view"),
    method(Owner::Journey, "act", "act"),
    method(Owner::Journey, "choose_event", "chooseEvent"),
    method(Owner::Journey, "answer", "answer"),
    method(Owner::Journey, "finish_answer", "finishAnswer"),
    method(Owner::Journey, "start_online", "startOnline"),
    method(Owner::Journey, "next", "next"),
    method(Owner::Journey, "acknowledge_warnings", "acknowledgeWarnings"),
    method(Owner::Journey, "back", "back"),
    method(Owner::Journey, "change", "change"),
    method(Owner::Journey, "go_to", "goTo"),
    method(Owner::Journey, "confirm", "confirm"),
    method(Owner::Journey, "submit", "submit"),
    method(Owner::Journey, "set_reference", "setReference"),
    method(Owner::Journey, "feedback", "feedback"),
    method(Owner::Journey, "dismiss", "dismiss"),
    method(Owner::Journey, "set_lang", "setLang"),
    method(Owner::Journey, "set_profile", "setProfile"),
    method(Owner::Journey, "profile", "profile"),
    method(Owner::Journey, "set_keep_profile", "setKeepProfile"),
    method(Owner::Journey, "keeps_profile", "keepsProfile"),
    method(Owner::Journey, "set_keep_sensitive", "setKeepSensitive"),
    method(Owner::Journey, "forget_profile", "forgetProfile"),
    method(Owner::Journey, "continuation_code", "continuationCode"),
    method(Owner::Journey, "import_code", "importCode"),
    method(Owner::Journey, "open_handoff", "openHandoff"),
    method(Owner::Journey, "handoff_text", "handoffText"),
    method(Owner::Journey, "begin_step", "beginStep"),
    method(Owner::Journey, "fulfil_step", "fulfilStep"),
    method(Owner::Journey, "fail_step", "failStep"),
    method(Owner::Journey, "offer_slots", "offerSlots"),
    method(Owner::Journey, "choose_slot", "chooseSlot"),
    method(Owner::Journey, "skip_step", "skipStep"),
    method(Owner::Journey, "leave_steps", "leaveSteps"),
    method(Owner::Journey, "save", "save"),
    method(Owner::Journey, "receipts", "receipts"),
    method(Owner::Journey, "step_event", "stepEvent"),
    method(Owner::Journey, "calendar", "calendar"),
    Method { missing: FREE, ..method(Owner::Journey, "free", "free") },
    // ---------------------------------------------------------------- the widget's elements
    method(Owner::Element, "set_reference", "setReference"),
    method(Owner::Element, "fulfil_step", "fulfilStep"),
    method(Owner::Element, "fail_step", "failStep"),
    method(Owner::Element, "offer_slots", "offerSlots"),
];

/// A record: plain data crossing the boundary (a UniFFI record, a TypeScript interface), as
/// core serialises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// Its name on the targets (`Question`).
    pub name: &'static str,
    /// Its own fields, snake_case, as core serialises them (the JSON keys; Kotlin and Swift
    /// see them in camelCase). A record that extends another (`ShownIssue` is an `Issue`)
    /// lists only its own.
    pub fields: &'static [&'static str],
    /// The core struct it mirrors, `(file, struct)`, whose serialised fields are its fields;
    /// none for data core builds as JSON or an adapter pairs.
    pub core: Option<(&'static str, &'static str)>,
    /// The record targets ([`Target::JsTypes`], [`Target::Uniffi`]) that lack it, each with
    /// the one-line reason.
    pub missing: &'static [(Target, &'static str)],
}

impl Record {
    /// The targets whose records are checked: the `.d.ts`'s interfaces and the UniFFI records.
    pub const TARGETS: &[Target] = &[Target::JsTypes, Target::Uniffi];

    /// Whether `target` has it.
    pub fn on(&self, target: Target) -> bool {
        Record::TARGETS.contains(&target) && !self.missing.iter().any(|(t, _)| *t == target)
    }
}

const fn record(name: &'static str, fields: &'static [&'static str], file: &'static str, ty: &'static str) -> Record {
    Record { name, fields, core: Some((file, ty)), missing: &[] }
}

/// The journey's views cross the native boundary as JSON text.
const VIEW_AS_JSON: &[(Target, &str)] =
    &[(Target::Uniffi, "the journey's views cross as JSON text (Journey.view()); the Python wrapper gives dicts")];

const VIEWS: &str = "core/src/views/mod.rs";
const JOURNEY: &str = "core/src/journey/mod.rs";
const CHECK: &str = "core/src/journey/check.rs";
const STEPS: &str = "core/src/journey/steps.rs";
const NAVIGATE: &str = "core/src/navigate.rs";
const SESSION: &str = "core/src/session/mod.rs";
const FORM: &str = "core/src/validate/form.rs";

/// Every record of the host API, in the docs' order.
pub const RECORDS: &[Record] = &[
    record(
        "CatalogSummary",
        &[
            "format",
            "content_hash",
            "town_id",
            "town_name",
            "procedures",
            "life_events",
            "concepts",
            "code_lists",
            "fields",
        ],
        "core/src/model/catalog.rs",
        "CatalogSummary",
    ),
    record("LifeEventInfo", &["id", "title", "description"], VIEWS, "LifeEventInfo"),
    record("ProcedureInfo", &["id", "title", "online_now"], VIEWS, "ProcedureInfo"),
    record("MachineFix", &["label", "value"], FORM, "IssueFix"),
    record("Issue", &["field", "code", "severity", "message", "fix", "machine_fix", "params"], FORM, "Issue"),
    record("Validation", &["issues", "normalized", "relevant"], FORM, "Validation"),
    record("ValueCheck", &["valid", "normalized", "issues"], "core/src/validate/validator.rs", "ValueCheck"),
    record("ScreeningQuestion", &["id", "concept", "label", "answered"], NAVIGATE, "Question"),
    record("Due", &["date", "rolled_over_from", "variant"], "core/src/deadline.rs", "DueDate"),
    record("Contact", &["department", "phone", "hours", "location"], NAVIGATE, "Contact"),
    record(
        "ChecklistItem",
        &[
            "procedure",
            "title",
            "reason",
            "due",
            "consequence",
            "overdue",
            "days_left",
            "late",
            "channels",
            "online_now",
            "prepare_online",
            "identity",
            "documents",
            "fee",
            "contact",
        ],
        NAVIGATE,
        "ChecklistItem",
    ),
    record("Checklist", &["event", "questions", "issues", "procedures", "town_actions"], NAVIGATE, "Checklist"),
    // `Catalog.checklistCalendar`: the booked visits handed in (core's `VisitBooking` is read
    // from them by `host::visit_booking`), and the JS API's options object.
    Record { name: "VisitBooking", fields: &["procedures", "start", "minutes", "place"], core: None, missing: &[] },
    Record {
        name: "CalendarOptions",
        fields: &["stamp", "seed", "visits"],
        core: None,
        missing: &[(Target::Uniffi, "named arguments of Catalog.checklist_calendar")],
    },
    record("QuestionOption", &["value", "label"], VIEWS, "OptionView"),
    record(
        "Question",
        &[
            "key",
            "concept",
            "label",
            "hint",
            "type",
            "optional",
            "options",
            "autocomplete",
            "input_mode",
            "max_length",
            "parts",
            "min_items",
            "max_items",
            "page",
            "asked_by",
            "sensitive",
        ],
        VIEWS,
        "QuestionView",
    ),
    record("Page", &["id", "title", "questions"], VIEWS, "PageView"),
    Record {
        name: "AnswerSource",
        fields: &["kind", "event", "provenance"],
        core: None,
        missing: &[(Target::JsTypes, "a union by `kind` in JS, as core serialises the enum (`carried` has `from`)")],
    },
    record("SummaryRow", &["key", "label", "answer", "text", "source", "page", "used_by"], SESSION, "SummaryRow"),
    record(
        "Submission",
        &["procedure", "version", "catalog_hash", "submitted_at", "answers", "steps"],
        SESSION,
        "Submission",
    ),
    record("StepReceipt", &["kind", "reference"], SESSION, "StepReceipt"),
    record(
        "StepRequest",
        &[
            "id",
            "kind",
            "procedures",
            "digest",
            "amount",
            "references",
            "first_day",
            "last_day",
            "slot",
            "timeout_seconds",
        ],
        STEPS,
        "StepRequest",
    ),
    record("Slot", &["id", "start", "minutes", "place"], STEPS, "Slot"),
    Record {
        missing: VIEW_AS_JSON,
        ..record(
            "StepView",
            &[
                "kind",
                "status",
                "current",
                "title",
                "lead",
                "procedures",
                "amount",
                "button",
                "waiting",
                "problem",
                "slots",
                "no_slots",
                "result",
                "skip",
                "leave",
                "request",
            ],
            STEPS,
            "StepView",
        )
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record("StepProblemView", &["code", "message", "fix"], STEPS, "StepProblemView")
    },
    Record { missing: VIEW_AS_JSON, ..record("SlotView", &["id", "text", "chosen"], STEPS, "SlotView") },
    Record { name: "Restored", fields: &["session", "report"], core: None, missing: &[] },
    record("ProcedureChange", &["procedure", "from", "to"], "core/src/host/mod.rs", "ChangeView"),
    record(
        "RestoreReport",
        &["same_catalog", "truncated", "changed", "gone", "recheck", "kept", "missing_procedures", "fields"],
        "core/src/host/mod.rs",
        "ReportView",
    ),
    record("FieldChange", &["kind", "aspect", "procedure", "path", "old", "new"], "core/src/diff.rs", "Change"),
    record("Fact", &["concept", "value", "sensitive", "source", "since"], VIEWS, "FactView"),
    Record { name: "RecoveredProfile", fields: &["profile", "dropped"], core: None, missing: &[] },
    // The journey's.
    Record {
        name: "JourneyOptions",
        fields: &["event", "procedures", "today", "lang", "mode", "counter"],
        core: None,
        missing: &[(Target::Uniffi, "named arguments of Journey.start and Journey.restore")],
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record("JourneyViewBase", &["lang", "notices", "errors", "warnings"], JOURNEY, "JourneyView")
    },
    Record { missing: VIEW_AS_JSON, ..record("ShownIssue", &["key", "target"], JOURNEY, "ShownIssue") },
    Record {
        missing: VIEW_AS_JSON,
        ..record("QuestionState", &["shown", "value", "source", "source_text", "issues"], JOURNEY, "QuestionState")
    },
    Record { missing: VIEW_AS_JSON, ..record("Progress", &["index", "total", "text"], JOURNEY, "Progress") },
    Record {
        missing: VIEW_AS_JSON,
        ..record(
            "CheckRow",
            &["key", "path", "label", "text", "missing", "source", "page", "used_by", "change"],
            CHECK,
            "CheckRow",
        )
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record("CheckPerson", &["group", "index", "number", "name"], CHECK, "CheckPerson")
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record("CheckSection", &["procedure", "title", "person", "rows"], CHECK, "CheckSection")
    },
    Record { missing: VIEW_AS_JSON, ..record("CheckPage", &["sections", "submit_label"], CHECK, "CheckPage") },
    Record {
        missing: VIEW_AS_JSON,
        ..record("ConsentView", &["text", "kept", "sensitive_text", "sensitive"], VIEWS, "ConsentView")
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record("AfterSubmitView", &["text", "within_days", "result", "by"], VIEWS, "AfterSubmitView")
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record("SubmittedView", &["procedure", "title", "reference", "steps", "after"], JOURNEY, "SubmittedView")
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record(
            "NextSteps",
            &["title", "lead", "submitted", "still_to_do", "town_actions", "prepared", "feedback_sent"],
            JOURNEY,
            "NextSteps",
        )
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record(
            "HandoffView",
            &[
                "title",
                "lead",
                "procedures",
                "text",
                "qr",
                "short_code",
                "short_code_text",
                "expires",
                "booking",
                "privacy",
            ],
            JOURNEY,
            "HandoffView",
        )
    },
    Record {
        missing: VIEW_AS_JSON,
        ..record(
            "PreparedView",
            &["procedure", "title", "reason", "documents", "due", "contact"],
            JOURNEY,
            "PreparedView",
        )
    },
    Record { missing: VIEW_AS_JSON, ..record("QrView", &["size", "path", "svg"], "core/src/views/qr.rs", "QrView") },
    record("Answered", &["shown_changed", "issues_changed"], JOURNEY, "Answered"),
    Record {
        name: "Feedback",
        fields: &["rating", "comment", "event", "procedures"],
        core: None,
        missing: &[(Target::Uniffi, "Journey.feedback() returns it as JSON text")],
    },
    Record {
        name: "StepEvent",
        fields: &["step", "event", "page", "index", "total"],
        core: None,
        missing: &[(Target::Uniffi, "Journey.step_event() returns it as JSON text")],
    },
    record("Receipt", &["procedure", "reference", "submitted_at"], JOURNEY, "Receipt"),
];
