//! The template a plan is checked against, as data.
//!
//! The national template (国市监质发〔2024〕97号) is embedded; a reviewer can load a
//! province's variant from JSON with the same schema. The language-level vocabulary
//! (units of measure, comparators, deadline phrases, unit-name synonyms) has its own
//! embedded file and may be overridden by a template's `vocabulary` field.

use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

/// The largest template read, in bytes of JSON (the national one is 12 KB).
pub const MAX_TEMPLATE_BYTES: usize = 4 * 1024 * 1024;

/// The most entries a word list of a template may hold (each vocabulary list, the
/// distinct category heading words, the aliases, the keywords): the national template's
/// longest has about a hundred.
pub const MAX_WORDS: usize = 10_000;

/// The embedded JSON files as they are edited, laid out for reading; the modules carry
/// them without the layout (whitespace outside strings), removed at compile time.
const NATIONAL_SOURCE: &[u8] = include_bytes!("../data/national-2024.json");
const VOCABULARY_SOURCE: &[u8] = include_bytes!("../data/vocabulary.json");
const NATIONAL_BYTES: [u8; compact_len(NATIONAL_SOURCE)] = compact(NATIONAL_SOURCE);
const VOCABULARY_BYTES: [u8; compact_len(VOCABULARY_SOURCE)] = compact(VOCABULARY_SOURCE);
const NATIONAL: &str = as_str(&NATIONAL_BYTES);
const VOCABULARY: &str = as_str(&VOCABULARY_BYTES);

/// Whether byte `i` of a JSON text is layout: whitespace outside strings. Each step
/// returns the state after byte `i`: (in a string, after a backslash).
const fn layout(json: &[u8], i: usize, state: (bool, bool)) -> (bool, (bool, bool)) {
    let b = json[i];
    match state {
        (true, true) => (false, (true, false)),
        (true, false) => (false, (b != b'"', b == b'\\')),
        (false, _) => (
            matches!(b, b' ' | b'\n' | b'\r' | b'\t'),
            (b == b'"', false),
        ),
    }
}

const fn compact_len(json: &[u8]) -> usize {
    let (mut i, mut n, mut state) = (0, 0, (false, false));
    while i < json.len() {
        let (skip, next) = layout(json, i, state);
        if !skip {
            n += 1;
        }
        state = next;
        i += 1;
    }
    n
}

const fn compact<const N: usize>(json: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut i, mut n, mut state) = (0, 0, (false, false));
    while i < json.len() {
        let (skip, next) = layout(json, i, state);
        if !skip {
            out[n] = json[i];
            n += 1;
        }
        state = next;
        i += 1;
    }
    out
}

/// Removing layout keeps UTF-8 valid (it removes only ASCII bytes); were it not, the
/// embedded template would read as empty and every test would fail.
const fn as_str(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => "",
    }
}

crate::names::named_enum! {
    /// The kinds of top-level part a plan is made of.
    pub enum PartKind {
        Preamble = "preamble",
        Goals = "goals",
        Tasks = "tasks",
        Schedule = "schedule",
        Safeguards = "safeguards",
        Attachments = "attachments",
        Other = "other",
    }
}

impl PartKind {
    /// Its name in a report: 前言, 目标, 重点任务 ….
    pub fn label(self) -> &'static str {
        match self {
            PartKind::Preamble => "前言",
            PartKind::Goals => "目标",
            PartKind::Tasks => "重点任务",
            PartKind::Schedule => "工作安排",
            PartKind::Safeguards => "保障措施",
            PartKind::Attachments => "附件",
            PartKind::Other => "其他",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct PartSpec {
    pub kind: PartKind,
    pub name: String,
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default)]
    pub required: bool,
    /// Words that mark a top-level heading as this part.
    pub headings: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Category {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub name: String,
    /// Each entry is a set of words that must all occur in a section heading.
    pub headings: Vec<Vec<String>>,
    /// Words whose presence in the tasks is evidence of the category.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub name: String,
    pub category: String,
    pub aliases: Vec<String>,
    /// Units a value of this indicator is written in; empty for pure ratios.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default)]
    pub units: Vec<String>,
    /// A ratio or index: a bare number is complete.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default)]
    pub ratio: bool,
    /// Whether a plan is expected to mention it; `false` for indicators seen in
    /// only one plan (probably local), which are listed but not flagged.
    #[cfg_attr(feature = "schema", schemars(default = "yes"))]
    #[serde(default = "yes")]
    pub expected: bool,
    /// Which way is better: a pass rate rises, a death rate falls.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default)]
    pub direction: Direction,
    /// The national minimum a county's target should not fall short of, with its source.
    pub floor: Option<Floor>,
    /// The levels whose plans report it (county, district, town, city); empty: every
    /// level. A town has no statistics of its own for a county's figures such as
    /// 制造业质量竞争力指数.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default)]
    pub levels: Vec<crate::facts::places::Level>,
    /// The departments that usually lead it (抽检合格率: 市场监管), with the source of that
    /// reading; a plan giving it to another is asked to confirm (`unlikely-lead`).
    pub owners: Option<Owners>,
}

/// Words in the names of the departments that usually lead an indicator, and why.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Owners {
    /// 市场监管, 农业农村 …: a unit whose name holds one is a usual lead.
    pub words: Vec<String>,
    pub source: String,
}

impl Indicator {
    /// Whether a plan of this level is expected to report it.
    pub fn reported_at(&self, level: Option<crate::facts::places::Level>) -> bool {
        match level {
            Some(l) => self.levels.is_empty() || self.levels.contains(&l),
            None => true,
        }
    }
}

crate::names::named_enum! {
    /// Which way an indicator improves.
    #[derive(Default)]
    pub enum Direction {
        #[default]
        Higher = "higher",
        Lower = "lower",
    }
}

/// A national minimum for an indicator: `98` `%` by 2025, from the 质量强国建设纲要.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Floor {
    /// The value as written in the source (`98`, `94.5`).
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[0-9]+(\.[0-9]+)?$")))]
    pub value: String,
    pub unit: Option<String>,
    pub year: Option<u16>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub source: String,
}

impl Floor {
    /// The minimum as a decimal in millionths, read as a target's value is
    /// ([`crate::document::Target::amount`]).
    pub fn amount(&self) -> Option<i64> {
        crate::facts::numbers::decimal(&self.value)
    }
}

/// The national document a plan should cite as its basis, and documents it is
/// mistaken for.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// Its title without book-title marks: 质量强县（区、镇）培育建设工作方案.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub title: String,
    /// Its document number: 国市监质发〔2024〕97号.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub number: String,
    /// Documents it is mistaken for.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default)]
    pub others: Vec<Mistaken>,
}

/// A document a plan's basis is mistaken for: 国市监质发〔2024〕6号, 关于质量基础设施….
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Mistaken {
    pub number: String,
    pub title: String,
}

#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct ResponsibilityLabels {
    pub lead: Vec<String>,
    pub other: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    pub measure_units: Vec<String>,
    pub comparators_before: Vec<String>,
    pub comparators_after: Vec<String>,
    /// Phrase patterns (the regex crate's syntax, see `crate::phrases`) for targets
    /// stated without a number.
    pub not_quantified: Vec<String>,
    /// Phrase patterns for deadlines; group 1, when present, is the year.
    pub deadlines: Vec<String>,
    pub ratio_words: Vec<String>,
    pub responsibility_labels: ResponsibilityLabels,
    pub responsibility_endings: Vec<String>,
    pub unit_suffixes: Vec<String>,
    /// Pairs of (long form, short form) of words inside unit names.
    pub unit_synonyms: Vec<(String, String)>,
    /// Verbs a task title may start with and a table's 重点任务 cell may leave out
    /// (推动, 加强 …).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::title_verbs")]
    pub title_verbs: Vec<String>,
    /// Verbs that make `verb + number + classifier` a commitment (建成3个, 培育10家,
    /// 新增…200件).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::commitment_verbs")]
    pub commitment_verbs: Vec<String>,
    /// Words that make a count a past result, not a commitment (已建成3个).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::past_markers")]
    pub past_markers: Vec<String>,
    /// Comparators that say a value goes up (提高到) or down (下降到), for a target's
    /// direction against its base value.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::rising_words")]
    pub rising_words: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::falling_words")]
    pub falling_words: Vec<String>,
    /// Characters a county's unit name starts with (县, 区, 镇 …): a name starting so reads as a unit without a label, and a roster line's unit starts at the first of them.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::admin_prefixes")]
    pub admin_prefixes: Vec<String>,
    /// What a plan's safeguards part is expected to commit to (组织领导, 经费保障, 考核督查,
    /// 宣传引导, 质量状况监测), each with the words that say it and an example sentence.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::safeguards")]
    pub safeguards: Vec<Safeguard>,
    /// Words a table's header cells are made of (序号, 指标, 目标值, 责任单位 …).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::table_headers")]
    pub table_headers: Vec<String>,
    /// What a table's column is, by the words of its header cell: both the reading stage
    /// (lining up cells) and the parse stage (reading rows) ask it.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::table_columns")]
    pub table_columns: TableColumns,
    /// Titles after a unit's name in a roster (局长, 主任 …): the name ends where one begins.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::roster_titles")]
    pub roster_titles: Vec<String>,
    /// Words after a number that make it a date, an age or a name rather than a value (年, 月, 届 …).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::time_words")]
    pub time_words: Vec<String>,
    /// Words a plan's title names it by (方案, 意见 …).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::plan_title_words")]
    pub plan_title_words: Vec<String>,
    /// Beginnings of names for groups of units, not one unit (各乡镇, 有关单位).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::collective_prefixes")]
    pub collective_prefixes: Vec<String>,
    /// Words in names for groups of units (乡镇, 成员单位, 领导小组); a name ending in 政府 is one too.
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::collective_words")]
    pub collective_words: Vec<String>,
    /// Endings of names for groups of units (县政府).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::collective_endings")]
    pub collective_endings: Vec<String>,
    /// What a number is followed by when a plan counts its own tasks, task sections and
    /// parts (17项重点任务, 7个方面, 共4部分).
    #[cfg_attr(feature = "schema", schemars(default))]
    #[serde(default = "builtin_lists::count_words")]
    pub count_words: CountWords,
}

/// A commitment a plan's safeguards part is expected to make ([`Vocabulary::safeguards`]).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Safeguard {
    pub id: String,
    /// How a reviewer names it: 经费保障.
    pub name: String,
    /// Words a sentence committing to it holds (经费, 资金 …).
    pub words: Vec<String>,
    /// A sentence a drafter may adapt.
    pub example: String,
}

/// The words that say what a table's column holds ([`Vocabulary::table_columns`]), tried
/// in this order: a 责任单位 column before a 目标 one, a 基期值 before a 目标值.
#[derive(Clone, Debug, Deserialize, Default)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct TableColumns {
    /// 责任单位 / 牵头单位 / 配合单位 (a header also naming 任务 is not one).
    pub units: Vec<String>,
    /// 完成时限 / 完成时间.
    pub deadline: Vec<String>,
    /// 基期值 / 现状值.
    pub base: Vec<String>,
    /// 目标值 / 预期目标 (a year in the header makes one too).
    pub value: Vec<String>,
    /// 类别 / 领域: a group merged over rows.
    pub group: Vec<String>,
    /// 指标名称 / 重点任务: what the row is about.
    pub subject: Vec<String>,
    /// 重点任务 / 工作内容: a task-decomposition table's task column.
    pub task: Vec<String>,
}

/// The words a plan counts itself in ([`Vocabulary::count_words`]).
#[derive(Clone, Debug, Deserialize, Default)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct CountWords {
    pub tasks: Vec<String>,
    pub sections: Vec<String>,
    pub parts: Vec<String>,
}

fn yes() -> bool {
    true
}

/// The embedded vocabulary, read once.
fn builtin_vocabulary() -> &'static Vocabulary {
    static BUILTIN: OnceLock<Vocabulary> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        // Read by every test that checks a plan: an error here fails them all.
        #[allow(clippy::expect_used)]
        let read = read_json::<Vocabulary>(VOCABULARY).expect("valid"); // ok: embedded, tested
        read
    })
}

/// The lists a template written before they existed leaves out: the built-in ones.
mod builtin_lists {
    macro_rules! lists {
        ($($field:ident: $t:ty),+ $(,)?) => {
            $(pub fn $field() -> $t {
                super::builtin_vocabulary().$field.clone()
            })+
        };
    }
    lists!(
        title_verbs: Vec<String>,
        commitment_verbs: Vec<String>,
        past_markers: Vec<String>,
        rising_words: Vec<String>,
        falling_words: Vec<String>,
        admin_prefixes: Vec<String>,
        table_headers: Vec<String>,
        table_columns: super::TableColumns,
        roster_titles: Vec<String>,
        time_words: Vec<String>,
        plan_title_words: Vec<String>,
        collective_prefixes: Vec<String>,
        collective_words: Vec<String>,
        collective_endings: Vec<String>,
        count_words: super::CountWords,
        safeguards: Vec<super::Safeguard>,
    );
}

/// A template refused at `path` for `message`.
fn invalid(path: String, message: &str) -> TemplateError {
    TemplateError {
        path,
        message: message.to_string(),
    }
}

fn too_many(path: String, n: usize) -> TemplateError {
    TemplateError {
        path,
        message: format!("{n} entries; at most {MAX_WORDS}"),
    }
}

impl Vocabulary {
    /// The word lists, by field: each at most MAX_WORDS words, none empty.
    fn word_lists(&self) -> Vec<(&'static str, &Vec<String>)> {
        let c = &self.table_columns;
        vec![
            ("measure_units", &self.measure_units),
            ("comparators_before", &self.comparators_before),
            ("comparators_after", &self.comparators_after),
            ("ratio_words", &self.ratio_words),
            ("unit_suffixes", &self.unit_suffixes),
            ("responsibility_endings", &self.responsibility_endings),
            (
                "responsibility_labels.lead",
                &self.responsibility_labels.lead,
            ),
            (
                "responsibility_labels.other",
                &self.responsibility_labels.other,
            ),
            ("title_verbs", &self.title_verbs),
            ("commitment_verbs", &self.commitment_verbs),
            ("past_markers", &self.past_markers),
            ("rising_words", &self.rising_words),
            ("falling_words", &self.falling_words),
            ("admin_prefixes", &self.admin_prefixes),
            ("table_headers", &self.table_headers),
            ("table_columns.units", &c.units),
            ("table_columns.deadline", &c.deadline),
            ("table_columns.base", &c.base),
            ("table_columns.value", &c.value),
            ("table_columns.group", &c.group),
            ("table_columns.subject", &c.subject),
            ("table_columns.task", &c.task),
            ("roster_titles", &self.roster_titles),
            ("time_words", &self.time_words),
            ("plan_title_words", &self.plan_title_words),
            ("collective_prefixes", &self.collective_prefixes),
            ("collective_words", &self.collective_words),
            ("collective_endings", &self.collective_endings),
        ]
    }

    fn validate(&self) -> Result<(), TemplateError> {
        for (field, list) in self.word_lists() {
            if list.len() > MAX_WORDS {
                return Err(too_many(format!("vocabulary.{field}"), list.len()));
            }
            if let Some(k) = list.iter().position(|w| w.is_empty()) {
                return Err(invalid(
                    format!("vocabulary.{field}[{k}]"),
                    "must not be empty",
                ));
            }
        }
        for (field, n) in [
            ("unit_synonyms", self.unit_synonyms.len()),
            ("safeguards", self.safeguards.len()),
        ] {
            if n > MAX_WORDS {
                return Err(too_many(format!("vocabulary.{field}"), n));
            }
        }
        // A unit name is rewritten with each pair in turn: a short form no longer than
        // its long form keeps the name from growing (["局", "局局"] would double it).
        for (k, (long, short)) in self.unit_synonyms.iter().enumerate() {
            if long.is_empty() || short.chars().count() > long.chars().count() {
                return Err(invalid(
                    format!("vocabulary.unit_synonyms[{k}]"),
                    "must be [long form, short form]: a non-empty long form and a short form no longer than it",
                ));
            }
        }
        Ok(())
    }

    pub fn builtin() -> Vocabulary {
        builtin_vocabulary().clone()
    }
}

/// JSON text into a value of `T`, an error naming the field at fault
/// (`indicators[3].aliases[0]`); JSON nested deeper than serde_json's 128 levels is refused
/// where the nesting passes it, and an unknown field where it stands.
fn read_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, TemplateError> {
    let mut de = serde_json::Deserializer::from_str(json);
    // The path costs the WebAssembly module a quarter of its size limit (78 KB raw, a
    // tracking visitor for every type): in the browser the error names the field or the
    // value and its line and column in the JSON, as serde_json gives them.
    #[cfg(not(target_arch = "wasm32"))]
    let value = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
    #[cfg(target_arch = "wasm32")]
    let value = T::deserialize(&mut de).map_err(|e| TemplateError {
        path: String::new(),
        message: e.to_string(),
    })?;
    de.end().map_err(|e| TemplateError {
        path: String::new(),
        message: e.to_string(),
    })?;
    Ok(value)
}

#[cfg(not(target_arch = "wasm32"))]
fn path_error<E: fmt::Display>(e: serde_path_to_error::Error<E>) -> TemplateError {
    let path = e.path().to_string();
    TemplateError {
        path: if path == "." { String::new() } else { path },
        message: e.inner().to_string(),
    }
}

#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
#[serde(deny_unknown_fields)]
pub struct Template {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub name: String,
    /// The target year plans are expected to aim at.
    #[cfg_attr(feature = "schema", schemars(range(min = 2000, max = 2100)))]
    pub horizon: u16,
    pub parts: Vec<PartSpec>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub categories: Vec<Category>,
    pub indicators: Vec<Indicator>,
    /// The national document plans cite (for basis-citation).
    pub basis: Option<Basis>,
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vocabulary>"))]
    #[serde(default = "Vocabulary::builtin")]
    pub vocabulary: Vocabulary,
}

/// Why a template could not be used; names the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "template: {}", self.message)
        } else {
            write!(f, "template: field `{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// The index of the category an indicator belongs to.
    pub fn category_of(&self, indicator: usize) -> Option<usize> {
        let ind = self.indicators.get(indicator)?;
        self.categories.iter().position(|c| c.id == ind.category)
    }

    /// The embedded national template.
    // The embedded template is read by every test that checks a plan.
    #[allow(clippy::expect_used)]
    pub fn national() -> Template {
        Template::from_json(NATIONAL).expect("embedded template is valid") // ok: embedded, read by every test
    }

    /// Ids of the templates built in.
    pub fn builtin_ids() -> &'static [&'static str] {
        &["national-2024"]
    }

    pub fn builtin(id: &str) -> Option<Template> {
        (id == "national-2024").then(Template::national)
    }

    /// Reads a template from JSON and validates it.
    pub fn from_json(json: &str) -> Result<Template, TemplateError> {
        if json.len() > MAX_TEMPLATE_BYTES {
            return Err(TemplateError {
                path: String::new(),
                message: format!(
                    "the template is {} bytes; the largest read is {MAX_TEMPLATE_BYTES} bytes",
                    json.len()
                ),
            });
        }
        // A file saved with a byte-order mark reads as the same JSON.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let template: Template = read_json(json)?;
        template.validate()?;
        Ok(template)
    }

    /// Refuses what the checker cannot use, naming the field. The patterns of
    /// not_quantified and deadlines are checked where they are compiled, once
    /// ([`crate::compiled::Compiled::new`]).
    fn validate(&self) -> Result<(), TemplateError> {
        if self.id.trim().is_empty() {
            return Err(invalid("id".into(), "must not be empty"));
        }
        if !(1900..=2200).contains(&self.horizon) {
            return Err(invalid("horizon".into(), "must be a year such as 2027"));
        }
        if self.categories.is_empty() {
            return Err(invalid(
                "categories".into(),
                "must list at least one category",
            ));
        }
        self.validate_sizes()?;
        let ids = self.validate_categories()?;
        self.validate_indicators(&ids)?;
        for (i, p) in self.parts.iter().enumerate() {
            if let Some(k) = p.headings.iter().position(|h| h.is_empty()) {
                return Err(invalid(
                    format!("parts[{i}].headings[{k}]"),
                    "must not be empty",
                ));
            }
        }
        self.vocabulary.validate()
    }

    /// The words a text is searched for are bounded: each list, and the distinct heading
    /// words and aliases, hold at most MAX_WORDS entries.
    fn validate_sizes(&self) -> Result<(), TemplateError> {
        let mut heads = crate::order::Names::new();
        for (i, c) in self.categories.iter().enumerate() {
            for w in c.headings.iter().flatten() {
                let n = heads.len();
                heads.entry(w.as_str()).or_insert(n);
            }
            if heads.len() > MAX_WORDS {
                return Err(too_many(format!("categories[{i}].headings"), heads.len()));
            }
        }
        let aliases: usize = self.indicators.iter().map(|i| i.aliases.len()).sum();
        if aliases > MAX_WORDS {
            return Err(too_many("indicators[].aliases".to_string(), aliases));
        }
        let keywords: usize = self.categories.iter().map(|c| c.keywords.len()).sum();
        if keywords > MAX_WORDS {
            return Err(too_many("categories[].keywords".to_string(), keywords));
        }
        Ok(())
    }

    /// Each category's id (unique), headings and keywords; its ids, for the indicators.
    fn validate_categories(&self) -> Result<crate::order::Names<'_>, TemplateError> {
        // Sets, not lists: a hostile template may list a hundred thousand categories.
        let mut ids = crate::order::Names::new();
        for (i, c) in self.categories.iter().enumerate() {
            if c.id.trim().is_empty() {
                return Err(invalid(format!("categories[{i}].id"), "must not be empty"));
            }
            if ids.insert(c.id.as_str(), i).is_some() {
                return Err(invalid(
                    format!("categories[{i}].id"),
                    "duplicate category id",
                ));
            }
            if c.headings.is_empty() {
                return Err(invalid(
                    format!("categories[{i}].headings"),
                    "must list at least one set of heading words",
                ));
            }
            for (j, words) in c.headings.iter().enumerate() {
                if words.is_empty() || words.iter().any(|w| w.is_empty()) {
                    return Err(invalid(
                        format!("categories[{i}].headings[{j}]"),
                        "must be a non-empty list of non-empty words",
                    ));
                }
            }
            if let Some(k) = c.keywords.iter().position(|w| w.is_empty()) {
                return Err(invalid(
                    format!("categories[{i}].keywords[{k}]"),
                    "must not be empty",
                ));
            }
        }
        Ok(ids)
    }

    /// Each indicator's id (unique), category (known), aliases and floor.
    fn validate_indicators(
        &self,
        categories: &crate::order::Names<'_>,
    ) -> Result<(), TemplateError> {
        let mut ids = crate::order::Names::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            let at = |field: &str| format!("indicators[{i}].{field}");
            if ind.id.trim().is_empty() {
                return Err(invalid(at("id"), "must not be empty"));
            }
            if ids.insert(ind.id.as_str(), i).is_some() {
                return Err(invalid(at("id"), "duplicate indicator id"));
            }
            if !categories.contains_key(ind.category.as_str()) {
                let message = format!("unknown category `{}`", ind.category);
                return Err(invalid(at("category"), &message));
            }
            if ind.aliases.is_empty() {
                return Err(invalid(at("aliases"), "must list at least one alias"));
            }
            if let Some(k) = ind.aliases.iter().position(|a| a.is_empty()) {
                return Err(invalid(at(&format!("aliases[{k}]")), "must not be empty"));
            }
            if ind.floor.as_ref().is_some_and(|f| f.amount().is_none()) {
                return Err(invalid(
                    at("floor.value"),
                    "expected a number written as a string, such as \"98\"",
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_loses_only_its_layout() {
        for (source, compact) in [(NATIONAL_SOURCE, NATIONAL), (VOCABULARY_SOURCE, VOCABULARY)] {
            let source: serde_json::Value = serde_json::from_slice(source).unwrap(); // ok: test
            let compact_value: serde_json::Value = serde_json::from_str(compact).unwrap(); // ok: test
            assert_eq!(source, compact_value);
            assert!(!compact.contains('\n'));
        }
        // Whitespace and escaped quotes inside strings are kept.
        const S: &[u8] = br#"{ "a b": "c \" d" ,
  "e": [1, 2] }"#;
        const C: [u8; compact_len(S)] = compact(S);
        assert_eq!(as_str(&C), r#"{"a b":"c \" d","e":[1,2]}"#);
    }
}
