use super::{Text, model_enum, model_type};

/// Declares [`FieldType`] and its [`FieldType::ALL`] from one list of variants, so that a new
/// type is in `ALL` (which the catalogue's decoder and the CLI read names from) by being written.
macro_rules! field_types {
    ($(#[$meta:meta])* pub enum FieldType { $($(#[$vmeta:meta])* $v:ident,)* }) => {
        model_enum! {
        $(#[$meta])*
        pub enum FieldType { $($(#[$vmeta])* $v,)* }
        }

        impl FieldType {
            /// Every type, in the order the format reference lists them (the enum's order:
            /// written once, with the enum).
            pub const ALL: [FieldType; [$(stringify!($v)),*].len()] = [$(FieldType::$v),*];
        }
    };
}

field_types! {
/// The type of a field (and of a concept): each has its own parser, normaliser, validator and
/// messages.
pub enum FieldType {
    /// One line of text, optionally limited to a character repertoire.
    Text,
    /// Several lines of text.
    Multiline,
    /// A whole number.
    Integer,
    /// A number with decimals.
    Decimal,
    /// An amount of yen.
    Money,
    /// A date; accepts 西暦 and 和暦 (令和7年1月5日, R7.1.5).
    Date,
    /// A year and month (e.g. a month of moving).
    YearMonth,
    /// Yes or no.
    Boolean,
    /// An agreement that must be given (同意).
    Consent,
    /// One of the field's `options`.
    Choice,
    /// Any number of the field's `options`.
    MultiChoice,
    /// One code of a code list (`code_list`).
    Code,
    /// 郵便番号: 7 digits, shown as NNN-NNNN.
    PostalCode,
    /// A telephone number.
    Phone,
    /// An email address.
    Email,
    /// A person's name (family and given).
    PersonName,
    /// フリガナ: a reading in full-width katakana.
    Katakana,
    /// 口座名義: half-width kana of the 全銀 character set.
    ZenginKana,
    /// 個人番号 (My Number): 12 digits with a check digit; always masked.
    MyNumber,
    /// 法人番号: 13 digits, check digit first.
    CorporateNumber,
    /// 全国地方公共団体コード: 6 digits with a check digit.
    LocalGovernmentCode,
    /// 金融機関コード: 4 digits.
    BankCode,
    /// 支店コード: 3 digits.
    BranchCode,
    /// 口座番号: 7 digits.
    AccountNumber,
    /// A structured address (prefecture, city, town, block, building).
    Address,
    /// An uploaded file (metadata and limits only).
    File,
    /// A repeating group of fields (household members), with `min_items`/`max_items`.
    Group,
}
}

impl FieldType {
    /// Everything the SDK knows of the type, in one place (see [`TypeInfo`]). An exhaustive
    /// match: a new type does not compile until each of its facts is stated.
    pub const fn info(self) -> TypeInfo {
        use AnswerShape as A;
        use Constraint as C;
        use FieldType::*;
        const TEXT: &[Constraint] = &[C::Length, C::Repertoire];
        const NONE: &[Constraint] = &[];
        let (name, answer, constraints, input_mode, autocomplete): (_, _, &[Constraint], _, _) = match self {
            Text => ("text", A::Text, TEXT, None, None),
            Multiline => ("multiline", A::Text, TEXT, None, None),
            Integer => ("integer", A::Int, &[C::Range], Some("numeric"), None),
            Decimal => ("decimal", A::Double, &[C::Range], Some("decimal"), None),
            Money => ("money", A::Int, &[C::Range], Some("numeric"), None),
            Date => ("date", A::Date, &[C::DateBounds], None, None),
            YearMonth => ("year_month", A::YearMonth, &[C::DateBounds], None, None),
            Boolean => ("boolean", A::Bool, NONE, None, None),
            Consent => ("consent", A::Bool, NONE, None, None),
            Choice => ("choice", A::Text, &[C::Options], None, None),
            MultiChoice => ("multi_choice", A::TextList, &[C::Options, C::Items], None, None),
            Code => ("code", A::Text, &[C::CodeList], None, None),
            PostalCode => ("postal_code", A::Text, NONE, Some("numeric"), None),
            Phone => ("phone", A::Text, NONE, Some("tel"), Some("tel")),
            Email => ("email", A::Text, &[C::Length], Some("email"), Some("email")),
            PersonName => ("person_name", A::Parts, TEXT, None, None),
            Katakana => ("katakana", A::Text, &[C::Length], None, None),
            ZenginKana => ("zengin_kana", A::Text, &[C::Length], None, None),
            // Never autofilled: a browser must not keep it.
            MyNumber => ("my_number", A::Text, NONE, Some("numeric"), Some("off")),
            CorporateNumber => ("corporate_number", A::Text, NONE, Some("numeric"), None),
            LocalGovernmentCode => ("local_government_code", A::Text, NONE, Some("numeric"), None),
            BankCode => ("bank_code", A::Text, NONE, Some("numeric"), None),
            BranchCode => ("branch_code", A::Text, NONE, Some("numeric"), None),
            AccountNumber => ("account_number", A::Text, NONE, Some("numeric"), None),
            Address => ("address", A::Parts, NONE, None, None),
            File => ("file", A::Parts, &[C::FileLimits], None, None),
            Group => ("group", A::Items, &[C::Fields, C::Items], None, None),
        };
        TypeInfo { name, answer, constraints, input_mode, autocomplete }
    }

    /// The type an answer of this field type has in expressions (conditions, rules, presets).
    pub fn expr_type(self) -> crate::expr::Type {
        use crate::expr::Type;
        match self.info().answer {
            AnswerShape::Text => Type::String,
            AnswerShape::Int => Type::Int,
            AnswerShape::Double => Type::Double,
            AnswerShape::Date => Type::Date,
            AnswerShape::YearMonth => Type::YearMonth,
            AnswerShape::Bool => Type::Bool,
            AnswerShape::TextList => Type::List(Box::new(Type::String)),
            AnswerShape::Items => Type::List(Box::new(Type::Map)),
            AnswerShape::Parts => Type::Map,
        }
    }

    /// The type named as in definitions (`postal_code`), if there is one.
    pub fn from_name(name: &str) -> Option<FieldType> {
        FieldType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The type's name as written in definitions (`postal_code`).
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// Whether a field of this type may have the constraint key `key` (`max_length`,
    /// `options`…); keys that are not constraints (`id`, `label`, `show_if`…) apply to every
    /// type.
    pub fn accepts(self, key: &str) -> bool {
        match Constraint::of_key(key) {
            Some(c) => self.info().constraints.contains(&c),
            None => true,
        }
    }
}

/// What the SDK knows of a field type ([`FieldType::info`]): the one descriptor the checker
/// (which constraints apply), validation (through its own exhaustive dispatch), the host's
/// views (input mode, autocomplete) and the decoder (names) read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeInfo {
    /// Its name in definitions (`postal_code`).
    pub name: &'static str,
    /// The shape of a normalised answer (what expressions see).
    pub answer: AnswerShape,
    /// The constraints a field of the type may have.
    pub constraints: &'static [Constraint],
    /// The HTML `inputmode` that helps (numeric, decimal, tel, email), if any.
    pub input_mode: Option<&'static str>,
    /// The HTML `autocomplete` token the type implies whatever its concept (`tel`, `email`;
    /// `off` for a My Number), if any.
    pub autocomplete: Option<&'static str>,
}

/// The shape of a normalised answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerShape {
    /// Text (codes, numbers written as digits, readings).
    Text,
    /// A whole number.
    Int,
    /// A number with decimals.
    Double,
    /// A date.
    Date,
    /// A year and month.
    YearMonth,
    /// True or false.
    Bool,
    /// A list of texts (chosen options).
    TextList,
    /// A list of items (a repeating group's).
    Items,
    /// An object of named parts (a name, an address, a file's metadata).
    Parts,
}

/// A family of constraint keys a field may carry, each for the types it makes sense for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    /// `min_length`, `max_length`.
    Length,
    /// `min`, `max`.
    Range,
    /// `not_future`, `not_past`.
    DateBounds,
    /// `repertoire`.
    Repertoire,
    /// `options`.
    Options,
    /// `code_list`.
    CodeList,
    /// `fields`.
    Fields,
    /// `min_items`, `max_items`.
    Items,
    /// `max_size_kb`, `accept`.
    FileLimits,
}

impl Constraint {
    /// Every constraint.
    pub const ALL: [Constraint; 9] = [
        Constraint::Length,
        Constraint::Range,
        Constraint::DateBounds,
        Constraint::Repertoire,
        Constraint::Options,
        Constraint::CodeList,
        Constraint::Fields,
        Constraint::Items,
        Constraint::FileLimits,
    ];

    /// Its keys in definitions.
    pub const fn keys(self) -> &'static [&'static str] {
        match self {
            Constraint::Length => &["min_length", "max_length"],
            Constraint::Range => &["min", "max"],
            Constraint::DateBounds => &["not_future", "not_past"],
            Constraint::Repertoire => &["repertoire"],
            Constraint::Options => &["options"],
            Constraint::CodeList => &["code_list"],
            Constraint::Fields => &["fields"],
            Constraint::Items => &["min_items", "max_items"],
            Constraint::FileLimits => &["max_size_kb", "accept"],
        }
    }

    /// The constraint a key belongs to; `None` for keys that are not constraints.
    pub fn of_key(key: &str) -> Option<Constraint> {
        Constraint::ALL.into_iter().find(|c| c.keys().contains(&key))
    }
}

model_enum! {
/// Whether a prefilled value may come from the profile (or, for `town`, from the town).
#[derive(Default)]
pub enum Prefill {
    /// Offer the value the profile holds; the resident may change it.
    #[default]
    Offer,
    /// Never prefill (e.g. a new fact only this procedure asks).
    None,
    /// Only from a verified source (the My Number Card, the town's records).
    Verified,
    /// An address in this town the profile cannot know (the new address of a move): never
    /// from the profile; a session fills in the town's own prefecture and name instead.
    Town,
}
}

model_enum! {
/// A declared character repertoire for text fields.
pub enum Repertoire {
    /// JIS X 0208 (the characters most town systems store).
    #[serde(rename = "jis_x_0208")]
    JisX0208,
    /// JIS X 0213 (a wider set, many 外字 included).
    #[serde(rename = "jis_x_0213")]
    JisX0213,
    /// Full-width katakana, the long-vowel mark and spaces.
    Katakana,
    /// Half-width ASCII letters, digits and punctuation.
    Ascii,
}
}

model_enum! {
/// How serious a finding is.
#[derive(Default)]
pub enum Severity {
    /// Stops submission (or, for definitions, compilation).
    #[default]
    Error,
    /// Shown, but lets the resident submit (e.g. a late 転入届).
    Warning,
}
}

/// Whether a field must be answered: always, never, or when a condition holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Requirement {
    /// `required: true` or `required: false`.
    Fixed(bool),
    /// `required: "has_children"`: required when the condition is true.
    When(String),
}

impl Default for Requirement {
    fn default() -> Self {
        Requirement::Fixed(true)
    }
}

impl Requirement {
    fn is_default(&self) -> bool {
        *self == Requirement::Fixed(true)
    }
}

model_type! {
/// One option of a choice field.
pub struct ChoiceOption {
    /// The value submitted.
    pub value: String,
    /// What residents see.
    pub label: Text,
}
}

model_type! {
/// A rule: a condition that must hold, with the message and fix shown when it does not.
pub struct Rule {
    /// Stable id, used in issue codes (`rule.<id>`).
    pub id: String,
    /// The condition that must be true (CEL subset), e.g. `move_date <= today()`.
    pub check: String,
    /// Only check when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Error (blocks submission) or warning (lets the resident submit).
    #[serde(default)]
    pub severity: Severity,
    /// What is wrong, naming the field in its label's words.
    pub message: Text,
    /// What to do about it.
    pub fix: Text,
    /// The fields the issue is shown at (form-level rules); defaults to the field the rule
    /// is written on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}
}

model_type! {
/// A field of a form (or a screening question of a life event).
pub struct Field {
    /// Id, unique within the procedure: snake_case, no dots (`move_date`).
    pub id: String,
    /// The concept the field asks for; fields bound to one concept are one question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// The type; taken from the concept when omitted.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub field_type: Option<FieldType>,
    /// The question; taken from the concept when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Help shown under the label (an example of the right form helps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// `true` (default), `false` (shown as 任意 / optional), or a condition.
    #[serde(default, skip_serializing_if = "Requirement::is_default")]
    pub required: Requirement,
    /// Show (and validate, and submit) the field only when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// Whether the profile may prefill it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    /// The HTML `autocomplete` token (WCAG 1.3.5), e.g. `postal-code`, `bday`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<String>,
    /// Fewest characters (text types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Most characters (text types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Smallest value (integer, decimal, money).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest value (integer, decimal, money).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A date that must not be after today (a birth date, a date of moving in).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub not_future: bool,
    /// A date that must not be before today (a planned date of moving out).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub not_past: bool,
    /// The characters a text may use; a character outside it is named in the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repertoire: Option<Repertoire>,
    /// The options of a `choice` or `multi_choice` field. In a compiled catalogue, a `code`
    /// field whose choices a town narrowed carries the codes it keeps here, with their labels
    /// (only those are accepted); without them, every code of its list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// The code list of a `code` field (taken from the concept when omitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_list: Option<String>,
    /// The fields of each item of a `group`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// Fewest items of a `group` (or choices of a `multi_choice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u32>,
    /// Most items of a `group` (or choices of a `multi_choice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
    /// Largest file, in kilobytes (`file`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size_kb: Option<u32>,
    /// Accepted media types (`file`), e.g. `application/pdf`, `image/jpeg`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Rules checked on this field's answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// What a town may change (default `restrict`); `frozen` for fields bound by law.
    /// Authoring only: compiled catalogues leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<super::ChangePolicy>,
}
}

impl Field {
    /// A required field of `field_type` with a label and no constraints (for fields built in
    /// code rather than read from definitions).
    pub fn new(id: impl Into<String>, field_type: FieldType, label: Text) -> Field {
        Field {
            id: id.into(),
            concept: None,
            field_type: Some(field_type),
            label: Some(label),
            hint: None,
            required: Requirement::default(),
            show_if: None,
            prefill: None,
            autocomplete: None,
            min_length: None,
            max_length: None,
            min: None,
            max: None,
            not_future: false,
            not_past: false,
            repertoire: None,
            options: Vec::new(),
            code_list: None,
            fields: Vec::new(),
            min_items: None,
            max_items: None,
            max_size_kb: None,
            accept: Vec::new(),
            rules: Vec::new(),
            change: None,
        }
    }

    /// The field's type, once resolved (compiled catalogues always carry it).
    pub fn resolved_type(&self) -> FieldType {
        self.field_type.unwrap_or(FieldType::Text)
    }
}
