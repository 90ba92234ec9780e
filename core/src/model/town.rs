use super::{AfterSubmit, Fee, FieldOverride, LocalFields, Text, model_type};

model_type! {
/// A town (市区町村) and what it offers.
pub struct Town {
    /// Marks the file as sample data.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub sample: bool,
    /// Id (`oishida`).
    pub id: String,
    /// 全国地方公共団体コード: 6 digits, the last a check digit (`"063410"`).
    pub code: String,
    /// The town's name.
    pub name: Text,
    /// The prefecture's name.
    pub prefecture: Text,
    /// The district (郡) a town or village belongs to (北村山郡), when it has one: written
    /// before its name in an address (山形県北村山郡大石田町).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<Text>,
    /// The version of the shared model the town uses (`1.0.0`); checked against the
    /// model's `kind: model` document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_version: Option<String>,
    /// The regional layer the town belongs to (`kind: region`): its overrides apply first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Offer every shared procedure and life event, except offerings with `offered: false`
    /// (compiled catalogues list them all instead).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub offer_all: bool,
    /// The departments (課) that handle procedures.
    pub departments: Vec<Department>,
    /// The shared procedures the town offers, with local details.
    #[serde(default)]
    pub procedures: Vec<Offering>,
    /// The life events the town's navigator offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub life_events: Vec<String>,
}
}

model_type! {
/// A department of the town office (住民課, 健康福祉課…).
pub struct Department {
    /// Id used by procedures (`juumin`).
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Telephone number residents call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where the counter is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Text>,
    /// Opening hours of the counter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Text>,
}
}

model_type! {
/// A shared procedure as one town offers it.
pub struct Offering {
    /// The procedure's id.
    pub procedure: String,
    /// The department handling it here, when it differs from the procedure's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The local fee, when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Fee>,
    /// What the town does after it is submitted and by when, when it says so differently
    /// (its own processing time, a result handed over at the counter). It replaces the
    /// procedure's `after_submit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_submit: Option<AfterSubmit>,
    /// `false`: not offered here (with `offer_all`, or to keep its overrides while it is
    /// paused).
    #[serde(default = "super::yes", skip_serializing_if = "super::is_true")]
    pub offered: bool,
    /// Changes to the shared procedure's fields, within what the model allows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldOverride>,
    /// Fields the town adds (only to procedures marked `change: extend`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_fields: Vec<LocalFields>,
}
}
