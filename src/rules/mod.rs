//! The rules, one per file, and the registry that lists them.
//!
//! Each rule's doc comment states 检查什么 / 为什么重要 / 示例; the examples under 示例
//! are tagged blocks (```` ```text,flagged=N ```` / ```` ```text,clean ````) run by the test
//! suite with the exact count (`tests/rule_docs.rs`), so the documentation cannot rot.

use crate::compiled::Compiled;
use crate::coverage::Coverage;
use crate::diagnostics::{Finding, Severity};
use crate::document::{Document, Span};
use crate::reading::{GivenLine, Reading};
use crate::template::Template;

/// What a rule reads.
pub struct Context<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub template: &'a Template,
    pub compiled: &'a Compiled,
    pub coverage: &'a Coverage,
    /// How the text was read: a message that names another place names its line in the
    /// text as the user gave it ([`Context::line`]).
    pub reading: &'a Reading<'d>,
}

impl Context<'_, '_> {
    /// The line, in the text as the user gave it, of a place in the text as read.
    pub fn line(&self, span: &Span) -> GivenLine {
        self.reading.given_line(span)
    }
}

pub type Check = fn(&Context<'_, '_>, &mut Vec<Finding>);

/// A rule of the registry. Ids are stable: reports, the page and other programs use them.
/// Each rule declares itself beside its documentation with [`declare_rule!`].
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line in Chinese saying what it flags, as reports show it.
    pub summary: &'static str,
    /// What it flags in English: the README's table of rules, and the page's names for
    /// findings in English.
    pub about: &'static str,
    /// The source file, whose doc comment is the rule's documentation (for the tests that
    /// run its examples; not in the WebAssembly module).
    #[cfg(not(target_arch = "wasm32"))]
    pub source: &'static str,
    pub check: Check,
}

impl Rule {
    /// A finding of this rule.
    pub fn finding(&self, span: crate::document::Span, message: impl Into<String>) -> Finding {
        Finding::new(self.id, self.severity, span, message)
    }
}

/// Declares the rule of the file it is written in: its `RULE`, whose check is the file's
/// `check` function and whose documentation is the file's doc comment.
macro_rules! declare_rule {
    (id: $id:literal, severity: $severity:ident, summary: $summary:literal, about: $about:literal $(,)?) => {
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            severity: $crate::diagnostics::Severity::$severity,
            summary: $summary,
            about: $about,
            #[cfg(not(target_arch = "wasm32"))]
            source: file!(),
            check,
        };
    };
}

/// Declares each rule's module and lists its `RULE` in the registry: adding a rule is its
/// file and one line here.
macro_rules! registry {
    ($($module:ident,)+) => {
        $(pub mod $module;)+

        /// Every rule, in the order their findings are reported.
        pub static RULES: &[&Rule] = &[$(&$module::RULE,)+];
    };
}

registry! {
    not_a_plan,
    basis_citation,
    missing_part,
    horizon_mismatch,
    missing_category,
    category_without_section,
    missing_indicator,
    unassigned_task,
    no_lead_unit,
    target_missing_unit,
    target_missing_date,
    target_blank,
    target_below_floor,
    target_below_baseline,
    target_conflict,
    target_not_quantified,
    schedule_gap,
    declared_count,
    unit_name_variant,
    unknown_unit,
    safeguards_incomplete,
    table_text_disagree,
    unlikely_lead,
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// Runs the enabled rules.
pub fn run(cx: &Context<'_, '_>, enabled: impl Fn(&Rule) -> bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES.iter().filter(|r| enabled(r)) {
        (rule.check)(cx, &mut findings);
    }
    findings
}

/// The plan's level, for the units an example names; a county's when it is not known.
pub fn level(cx: &Context<'_, '_>) -> crate::facts::places::Level {
    cx.doc.level.unwrap_or(crate::facts::places::Level::County)
}

/// Which task a message means, after its number: when the plan numbers its tasks again in
/// each section (two tasks numbered 2), the section's title in brackets — 任务 2（增强产业
/// 质量竞争力）; else nothing.
pub fn task_section(cx: &Context<'_, '_>, task: &crate::document::Task) -> String {
    let doc = cx.doc;
    let repeated = !task.number.is_empty()
        && doc
            .tasks
            .iter()
            .filter(|t| t.number == task.number)
            .nth(1)
            .is_some();
    let section = task
        .section
        .and_then(|s| doc.sections.get(s))
        .and_then(|s| s.heading)
        .and_then(|h| doc.headings.get(h));
    match section {
        Some(h) if repeated => format!(
            "（{}）",
            quote(doc, &h.title, 16).replace(['（', '）', '“', '”'], "")
        ),
        _ => String::new(),
    }
}

/// Quotes a piece of the document for a message.
pub fn quote(doc: &Document<'_>, span: &crate::document::Span, max: usize) -> String {
    crate::diagnostics::clip(doc.slice(span), max)
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
