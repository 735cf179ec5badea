//! The rules, one per file, and the registry that lists them.
//!
//! Each rule's doc comment states 检查什么 / 为什么重要 / 示例; the examples under 示例
//! are run by the test suite (`tests/rule_docs.rs`), so the documentation cannot rot.

use crate::compiled::Compiled;
use crate::coverage::Coverage;
use crate::document::Document;
use crate::report::{Finding, Severity};
use crate::template::Template;

pub mod basis_citation;
pub mod category_without_section;
pub mod declared_count;
pub mod horizon_mismatch;
pub mod missing_category;
pub mod missing_indicator;
pub mod missing_part;
pub mod no_lead_unit;
pub mod not_a_plan;
pub mod schedule_gap;
pub mod target_below_baseline;
pub mod target_below_floor;
pub mod target_blank;
pub mod target_conflict;
pub mod target_missing_date;
pub mod target_missing_unit;
pub mod target_not_quantified;
pub mod unassigned_task;
pub mod unit_name_variant;
pub mod unknown_unit;

/// What a rule reads.
pub struct Context<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub template: &'a Template,
    pub compiled: &'a Compiled,
    pub coverage: &'a Coverage,
}

pub type Check = fn(&Context<'_, '_>, &mut Vec<Finding>);

/// A rule of the registry. Ids are stable: reports, the page and other programs use them.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line saying what it flags.
    pub summary: &'static str,
    /// The source file, whose doc comment is the rule's documentation.
    pub source: &'static str,
    pub check: Check,
}

macro_rules! rule {
    ($module:ident, $id:literal, $severity:ident, $summary:literal) => {
        Rule {
            id: $id,
            severity: Severity::$severity,
            summary: $summary,
            source: concat!("src/rules/", stringify!($module), ".rs"),
            check: $module::check,
        }
    };
}

/// Every rule, in the order their findings are reported.
pub static RULES: &[Rule] = &[
    rule!(
        not_a_plan,
        "not-a-plan",
        Info,
        "文本没有重点任务部分，不是实施方案正文"
    ),
    rule!(
        basis_citation,
        "basis-citation",
        Warning,
        "引用国家文件的文号有误"
    ),
    rule!(
        missing_part,
        "missing-part",
        Error,
        "缺少目标、重点任务、工作安排或保障措施部分"
    ),
    rule!(
        horizon_mismatch,
        "horizon-mismatch",
        Warning,
        "方案目标年与国家模板不一致"
    ),
    rule!(
        missing_category,
        "missing-category",
        Error,
        "模板任务类别既无章节也无相关内容"
    ),
    rule!(
        category_without_section,
        "category-without-section",
        Info,
        "模板任务类别只见于内容，没有单独章节"
    ),
    rule!(
        missing_indicator,
        "missing-indicator",
        Warning,
        "模板指标在方案中没有提及"
    ),
    rule!(
        unassigned_task,
        "unassigned-task",
        Error,
        "任务没有明确责任单位"
    ),
    rule!(
        no_lead_unit,
        "no-lead-unit",
        Info,
        "多个责任单位，未明确牵头单位"
    ),
    rule!(
        target_missing_unit,
        "target-missing-unit",
        Error,
        "量化目标的数值缺少计量单位"
    ),
    rule!(
        target_missing_date,
        "target-missing-date",
        Warning,
        "量化目标没有完成时限"
    ),
    rule!(
        target_blank,
        "target-blank",
        Error,
        "草稿中留有未填写的占位符"
    ),
    rule!(
        target_below_floor,
        "target-below-floor",
        Warning,
        "目标弱于国家对同一指标的底线要求"
    ),
    rule!(
        target_below_baseline,
        "target-below-baseline",
        Warning,
        "目标不优于其基期值"
    ),
    rule!(
        target_conflict,
        "target-conflict",
        Warning,
        "同一指标同一年份的目标数值或单位前后不一致"
    ),
    rule!(
        target_not_quantified,
        "target-not-quantified",
        Info,
        "目标没有量化数值"
    ),
    rule!(
        schedule_gap,
        "schedule-gap",
        Warning,
        "工作安排的阶段未标日期、重叠、脱节或次序颠倒"
    ),
    rule!(
        declared_count,
        "declared-count",
        Warning,
        "方案自述的部分、方面或任务总数与正文不符"
    ),
    rule!(
        unit_name_variant,
        "unit-name-variant",
        Info,
        "同一责任单位有两种写法"
    ),
    rule!(
        unknown_unit,
        "unknown-unit",
        Info,
        "责任单位不在工作专班成员单位名单中"
    ),
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Runs the rules, giving each finding its rule's id and severity.
pub fn run(cx: &Context<'_, '_>, enabled: impl Fn(&Rule) -> bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES.iter().filter(|r| enabled(r)) {
        let from = findings.len();
        (rule.check)(cx, &mut findings);
        for f in &mut findings[from..] {
            f.rule = rule.id;
            f.severity = rule.severity;
        }
    }
    findings
}

/// Unit names reduced to one spelling ([`Compiled::canonical_unit`]), each distinct name
/// once: a plan names a few dozen units hundreds of times.
#[derive(Default)]
pub struct UnitKeys<'a> {
    index: crate::order::Names<'a>,
    keys: Vec<String>,
}

impl<'a> UnitKeys<'a> {
    pub fn key(&mut self, compiled: &Compiled, name: &'a str) -> &str {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.keys.push(compiled.canonical_unit(name));
                self.index.insert(name, self.keys.len() - 1);
                self.keys.len() - 1
            }
        };
        &self.keys[i]
    }
}

/// Quotes a piece of the document for a message.
pub fn quote(doc: &Document<'_>, span: &crate::document::Span, max: usize) -> String {
    crate::report::clip(doc.slice(span), max)
}

/// How a message names a target: its own words, or for a table row, indicator and value.
pub fn target_label(cx: &Context<'_, '_>, target: &crate::document::Target) -> String {
    let indicator = target.indicator.and_then(|i| cx.template.indicators.get(i));
    match (&target.named, indicator) {
        // A table row: its indicator cell as the drafter wrote it, and its value.
        (Some(named), _) if target.from_table => format!(
            "{}：{}",
            quote(cx.doc, named, 20),
            quote(cx.doc, &target.span, 20)
        ),
        (None, Some(ind)) if target.from_table => {
            format!("{}：{}", ind.name, quote(cx.doc, &target.span, 20))
        }
        _ => quote(cx.doc, &target.span, 40),
    }
}
