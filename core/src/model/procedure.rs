use super::{Field, Rule, Text, model_enum, model_type};

model_type! {
/// A procedure (行政手続): one notification, application or authority-initiated action.
pub struct Procedure {
    /// Marks the file as sample data.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub sample: bool,
    /// Id, unique in the model: lower-case words joined by `-` (`tennyu`, `jido-teate`).
    pub id: String,
    /// Semantic version of this definition (`1.0.0`).
    pub version: String,
    /// Its name (転入届).
    pub title: Text,
    /// One or two sentences: what it is and who needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// 届出 (notification), 申請 (application) or 職権 (authority-initiated).
    #[serde(rename = "type")]
    pub procedure_type: ProcedureType,
    /// 根拠法令: the laws it rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<LegalBasis>,
    /// The department that handles it (an id of the town's departments).
    pub department: String,
    /// How it can be done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// デジタル完結: can be completed fully online, with no visit.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub online_completion: bool,
    /// Completed at the counter but prepared online (書かない窓口): the resident answers at
    /// home and brings a handoff (a QR code) to the counter, where staff open it, the
    /// resident confirms and staff submit. Only with `online` and `counter` in `channels`
    /// and without `online_completion`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<Visit>,
    /// How the resident proves who they are.
    #[serde(default)]
    pub identity: Identity,
    /// What to bring or attach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<RequiredDocument>,
    /// The fee, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Fee>,
    /// The steps the host fulfils for it, in the journey, with the town's providers: the My
    /// Number Card signature over what is sent, paying the fee, booking the visit, issuing
    /// the result. The journey asks the host for each in turn and waits for its answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<HostStep>,
    /// By when it must be done, if the law sets a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineRule>,
    /// What the town does once it is submitted, and by when (shown on the "what happens next"
    /// page). A town may state its own (an offering's `after_submit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_submit: Option<AfterSubmit>,
    /// The questions (none for authority-initiated procedures).
    #[serde(default, skip_serializing_if = "Form::is_empty")]
    pub form: Form,
    /// What a town may change in the form (default `restrict`: override fields within their
    /// limits; `extend`: also add local fields; `frozen`: nothing). Authoring only: compiled
    /// catalogues leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<super::ChangePolicy>,
    /// A local procedure: the id of the one town that defines and offers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
}
}

impl Procedure {
    /// An application with a title and a form and nothing else (for forms built in code, such
    /// as trying one value or a life event's screening questions).
    pub fn with_form(id: impl Into<String>, title: Text, form: Form) -> Procedure {
        Procedure {
            sample: false,
            id: id.into(),
            version: "1.0.0".into(),
            title,
            summary: None,
            procedure_type: ProcedureType::Application,
            legal_basis: Vec::new(),
            department: String::new(),
            channels: Vec::new(),
            online_completion: false,
            visit: None,
            identity: Identity::None,
            documents: Vec::new(),
            fee: None,
            steps: Vec::new(),
            deadline: None,
            after_submit: None,
            form,
            change: None,
            town: None,
        }
    }
}

model_enum! {
/// The legal kind of a procedure.
pub enum ProcedureType {
    /// 届出: the resident notifies; it takes effect when received.
    Notification,
    /// 申請: the resident applies; the town decides.
    Application,
    /// 職権: the town acts by itself; the resident only receives the result.
    Authority,
}
}

model_enum! {
/// A way to do a procedure.
pub enum Channel {
    /// On the web or in an app.
    Online,
    /// At the town office counter.
    Counter,
    /// By post.
    Post,
}
}

model_enum! {
/// How a resident proves who they are.
#[derive(Default)]
pub enum Identity {
    /// No proof needed.
    #[default]
    None,
    /// The My Number Card's signature certificate (署名用電子証明書), online.
    MyNumberCardSignature,
    /// The My Number Card's user certificate (利用者証明用電子証明書), online.
    MyNumberCardLogin,
    /// An identity document shown at the counter (本人確認書類).
    IdDocument,
}
}

model_type! {
/// A law a procedure rests on.
pub struct LegalBasis {
    /// The law's official Japanese name (住民基本台帳法).
    pub law: String,
    /// The article (第22条).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// What this basis decides for the procedure, when it is not its legal ground as a whole
    /// (本人確認のため来庁が必要, マイナンバーカードによるオンライン届出).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
}

model_type! {
/// Why and how a procedure prepared online is finished at the counter.
pub struct Visit {
    /// Why the resident has to come, in their words (本人確認と、マイナンバーカードの継続利用の
    /// 手続きがあるため).
    pub reason: Text,
    /// The law or official guidance that requires the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LegalBasis>,
}
}

model_type! {
/// A document to bring or attach.
pub struct RequiredDocument {
    /// What it is (転出証明書).
    pub title: Text,
    /// Needed only when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}
}

model_enum! {
/// A step of the journey's back half that the host fulfils with the town's provider
/// (`docs/HOST-API.md` §Host steps): the journey says exactly what is needed, waits, and takes
/// the host's answer (a reference, or a reason the resident can act on).
pub enum HostStep {
    /// Sign what is sent with the My Number Card's signature certificate (JPKI): the host gets
    /// the SHA-256 digest of the submissions, never the answers.
    Sign,
    /// Pay the fee (`fee`, times `fee.count`) before the submission is sent.
    Pay,
    /// Book the visit to the counter (来庁予約) for a procedure finished there: the host offers
    /// times, the resident chooses one, the host confirms it.
    Book,
    /// Issue the result once sent (交付: a certificate, a notice): the host answers with what
    /// the resident receives, or why not yet.
    Issue,
}
}

model_type! {
/// A fee in yen.
pub struct Fee {
    /// Amount in yen (0 for free).
    pub amount: u32,
    /// What the amount is for, e.g. "per copy" (1通につき).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<Text>,
    /// The id of the form's field whose answer (a whole number: how many copies) the amount
    /// is multiplied by; without it the amount is paid once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
}
}

model_type! {
/// What the town does after a resident submits a procedure, and by when: the "what happens
/// next" of the confirmation page (保険証を約1週間で郵送します, 窓口で本人確認のうえ受理します).
pub struct AfterSubmit {
    /// What the town does, in the resident's words: what they receive, how, and when it takes
    /// effect (認定の結果を通知します。申請の翌月分から支給します).
    pub text: Text,
    /// The working days the town takes (its 標準処理期間), counted from the first working day
    /// it has the submission, when it states one: `0` is the same day (即日). Closing days
    /// (weekends, public holidays, 12月29日–1月3日) do not count. A period a law sets in
    /// calendar days (要介護認定: 30日以内) belongs in `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_days: Option<u32>,
    /// How the result reaches the resident, when there is one to receive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ResultDelivery>,
}
}

impl AfterSubmit {
    /// The most working days `within_days` may say (about a year): the checker refuses more,
    /// and no `by` date is computed past it.
    pub const MAX_WITHIN_DAYS: u32 = 250;
}

model_enum! {
/// How the result of a procedure reaches the resident.
pub enum ResultDelivery {
    /// By post to their address (a certificate, a decision notice: 通知書を郵送).
    Post,
    /// Online: by email, or a notice in マイナポータル or the town's app.
    Online,
    /// Handed over at the town office counter (印鑑登録証を窓口で交付).
    Counter,
    /// Nothing is sent: it takes effect when the town accepts it (a notification's 受理).
    None,
}
}

model_type! {
/// A deadline rule: turns an anchor date into a due date.
pub struct DeadlineRule {
    /// The date the period counts from: a date field id or concept id (`move.date`).
    pub anchor: String,
    /// Length in days (exactly one of `days` and `months`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Length in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// How the first day counts.
    pub counting: Counting,
    /// A last day on a weekend or public holiday moves to the next working day, or not.
    #[serde(default)]
    pub rollover: Rollover,
    /// Another period when a condition holds (born abroad: 3 months).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<DeadlineVariant>,
    /// What happens when it is late (a fine, loss of retroactive payment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<Text>,
    /// The article that sets the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LegalBasis>,
}
}

model_type! {
/// Another deadline period that applies when a condition holds.
pub struct DeadlineVariant {
    /// When it applies (`born_abroad`).
    pub when: String,
    /// Length in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Length in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
}
}

model_enum! {
/// How the first day of a period counts (they differ by law, so the model says which).
pub enum Counting {
    /// 初日不算入: counted from the day after the anchor (住民基本台帳法 notifications).
    FromNextDay,
    /// 初日算入: the anchor day is day 1 (出生届, 戸籍法 49条).
    IncludingFirstDay,
}
}

model_enum! {
/// What happens to a last day that falls on a weekend or public holiday.
#[derive(Default)]
pub enum Rollover {
    /// Moves to the next working day (民法 142条, 行政機関の休日に関する法律).
    #[default]
    NextWorkingDay,
    /// Stays.
    None,
}
}

model_type! {
/// The questions of a procedure, in pages.
#[derive(Default)]
pub struct Form {
    /// The pages, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Page>,
    /// Rules over several fields (cross-field validation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}
}

impl Form {
    /// A form with no pages and no rules.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.rules.is_empty()
    }

    /// Every field of every page, groups' inner fields excluded.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.pages.iter().flat_map(|p| p.fields.iter())
    }
}

model_type! {
/// A page of questions.
pub struct Page {
    /// Id, unique within the procedure.
    pub id: String,
    /// The page's heading.
    pub title: Text,
    /// Show the page only when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// The questions on the page.
    #[serde(default)]
    pub fields: Vec<Field>,
}
}
