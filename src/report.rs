//! The report (`plancheck/report@1`) and the findings inside it.

use serde::{Deserialize, Serialize};

use crate::coverage::{CategoryStatus, Coverage, IndicatorStatus};
use crate::diagnostics::{Finding, Severity};
use crate::document::{Document, Span};
use crate::position::Positions;
use crate::reading::{GivenSpan, Reading};
use crate::template::Template;

pub const SCHEMA: &str = "plancheck/report@1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "Span")
)]
pub struct SpanOut {
    /// UTF-16 code unit offsets, as JavaScript's `String.slice` takes them.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (in characters) of the start.
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct TemplateInfo {
    pub id: String,
    pub name: String,
    pub horizon: u16,
}

impl From<&Template> for TemplateInfo {
    fn from(t: &Template) -> TemplateInfo {
        TemplateInfo {
            id: t.id.clone(),
            name: t.name.clone(),
            horizon: t.horizon,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "ReportPart")
)]
pub struct PartOut {
    pub kind: crate::template::PartKind,
    pub title: Option<String>,
    pub span: SpanOut,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct DocumentInfo {
    pub title: Option<String>,
    /// The place the plan is for, from its title (休宁县), when it names one.
    pub county: Option<String>,
    /// The level the plan is written for (county, district, town, city), read once from
    /// its title or, failing that, from its units' names.
    pub level: Option<crate::facts::places::Level>,
    pub kind: crate::document::DocumentKind,
    pub horizon: Option<u16>,
    pub parts: Vec<PartOut>,
    /// How the text was read: what was joined, left out or recognised without numbering.
    pub reading: ReadingOut,
}

/// What the reading stage did to the text before checking it.
// Deserialize: the page hands it back to `readingNote` for the sentence the checker writes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "Reading")
)]
pub struct ReadingOut {
    /// Hard-wrapped lines joined back into paragraphs (a PDF copy).
    pub joined_lines: usize,
    /// The wrap width found, in characters, when lines were joined.
    pub wrap_width: Option<usize>,
    /// Page numbers and running headers left out.
    pub page_furniture: usize,
    /// Headings recognised by their words because the numbering markers were missing.
    pub numbering_lost: bool,
    /// Old Mac or other unusual line ends read as line ends.
    pub line_ends: bool,
    /// Table rows read back into a row a line from the form a copy gave them (a cell a
    /// line, columns lined up with blanks, cells broken across lines).
    pub table_rows: usize,
    /// Other documents in the paste, not checked.
    pub others: Vec<OtherDocumentOut>,
}

impl ReadingOut {
    /// One sentence on how the text was read, for people; `None` when it was read as given.
    pub fn describe(&self) -> Option<String> {
        self.describe_in(crate::lang::Lang::Chinese)
    }

    /// The sentence in a language: the page's English report says it in English.
    pub fn describe_in(&self, lang: crate::lang::Lang) -> Option<String> {
        let en = lang == crate::lang::Lang::English;
        let mut parts = Vec::new();
        if self.joined_lines > 0 {
            let width = match (self.wrap_width, en) {
                (Some(w), false) => format!("（每行约 {w} 字）"),
                (Some(w), true) => format!(" (about {w} characters a line)"),
                (None, _) => String::new(),
            };
            parts.push(if en {
                format!("{} hard-wrapped lines joined{width}", self.joined_lines)
            } else {
                format!("合并断行 {} 处{width}", self.joined_lines)
            });
        }
        if self.page_furniture > 0 {
            parts.push(if en {
                format!(
                    "{} page numbers and running headers left out",
                    self.page_furniture
                )
            } else {
                format!("略去页码、页眉 {} 处", self.page_furniture)
            });
        }
        if self.numbering_lost {
            parts.push(if en {
                "heading numbers missing: parts, categories and items recognised by their words"
                    .to_string()
            } else {
                "标题编号缺失，按标题文字识别部分、类别和条目".to_string()
            });
        }
        if self.table_rows > 0 {
            parts.push(if en {
                format!("{} table rows read back cell by cell", self.table_rows)
            } else {
                format!("按列重新拼合表格 {} 行", self.table_rows)
            });
        }
        if self.line_ends {
            parts.push(
                if en {
                    "old-style line ends read as line ends"
                } else {
                    "按旧式换行符分行"
                }
                .to_string(),
            );
        }
        for o in &self.others {
            let notice = o.kind.as_str() == "notice";
            parts.push(match (en, notice) {
                (false, true) => format!("另含征求意见通知“{}”，未作为方案检查", o.title),
                (false, false) => format!("另含起草说明“{}”，未作为方案检查", o.title),
                (true, true) => format!(
                    "also held a notice asking for comments \"{}\", not checked as the plan",
                    o.title
                ),
                (true, false) => format!(
                    "also held a drafting explanation \"{}\", not checked as the plan",
                    o.title
                ),
            });
        }
        if parts.is_empty() {
            None
        } else if en {
            Some(format!("How the text was read: {}.", parts.join("; ")))
        } else {
            Some(format!("读取说明：{}。", parts.join("；")))
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "OtherDocument")
)]
pub struct OtherDocumentOut {
    pub kind: crate::reading::OtherKind,
    pub title: String,
    pub span: SpanOut,
}

#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub tasks: usize,
    pub assigned: usize,
    pub targets: usize,
    /// Template categories with a section of their own, of `categories`.
    pub sections: usize,
    pub categories: usize,
    /// Template indicators expected in every plan, and how many of them the plan mentions.
    pub indicators_expected: usize,
    pub indicators_mentioned: usize,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "ReportCategory")
)]
pub struct CategoryOut {
    pub id: String,
    pub name: String,
    pub status: crate::coverage::CategoryStatus,
    pub span: Option<SpanOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "ReportIndicator")
)]
pub struct IndicatorOut {
    pub id: String,
    pub name: String,
    pub category: String,
    pub status: crate::coverage::IndicatorStatus,
    /// Whether a plan is expected to mention it (otherwise listed for reference).
    pub expected: bool,
    pub span: Option<SpanOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "ReportTask")
)]
pub struct TaskOut {
    pub number: String,
    pub title: String,
    pub category: Option<String>,
    pub span: SpanOut,
    pub lead: Vec<String>,
    pub units: Vec<String>,
    /// What assigns the task: its own responsibility `clause`, a task-decomposition
    /// `table` row, or nothing.
    pub assigned_by: Option<crate::document::AssignedBy>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "ReportTarget")
)]
pub struct TargetOut {
    pub text: String,
    pub value: Option<String>,
    pub unit: Option<String>,
    pub year: Option<u16>,
    pub indicator: Option<String>,
    pub span: SpanOut,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, rename = "Finding")
)]
pub struct FindingOut {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    pub span: SpanOut,
    pub excerpt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Report {
    /// Always `plancheck/report@1`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = "plancheck/report@1")))]
    pub schema: String,
    pub template: TemplateInfo,
    pub document: DocumentInfo,
    pub summary: Summary,
    pub categories: Vec<CategoryOut>,
    pub indicators: Vec<IndicatorOut>,
    pub tasks: Vec<TaskOut>,
    pub targets: Vec<TargetOut>,
    pub findings: Vec<FindingOut>,
}

/// A quotation on one line (its line breaks as single spaces), shortened to `max`
/// characters; only what is shown is read, so a long span costs no more than a short one.
fn clip_line(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max.saturating_mul(3)) + 3);
    let mut shown = 0;
    // Line ends found by their bytes: an ASCII byte is never inside a character.
    let ends = s
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n' || b == b'\r')
        .map(|(i, _)| i)
        .chain([s.len()]);
    let mut start = 0;
    for end in ends {
        let line = s[start..end].trim();
        start = end + 1;
        if line.is_empty() {
            continue;
        }
        if shown > 0 {
            if shown >= max {
                out.push('…');
                return out;
            }
            out.push(' ');
            shown += 1;
        }
        let room = max.saturating_sub(shown);
        // A line of no more bytes than there is room for characters fits whole.
        if line.len() <= room {
            out.push_str(line);
            shown += line.chars().count();
            continue;
        }
        match line.char_indices().nth(room) {
            None => {
                out.push_str(line);
                shown += line.chars().count();
            }
            Some((cut, _)) => {
                out.push_str(&line[..cut]);
                out.push('…');
                return out;
            }
        }
    }
    out
}

fn one_line(s: &str) -> String {
    clip_line(s, usize::MAX)
}

pub fn build(
    doc: &Document<'_>,
    reading: &Reading<'_>,
    template: &Template,
    coverage: &Coverage,
    findings: &[Finding],
) -> Report {
    let at = Locations::new(doc, reading, coverage, findings);
    Report {
        schema: SCHEMA.to_string(),
        template: TemplateInfo::from(template),
        document: document_info(doc, template, &at),
        summary: summary(doc, template, coverage, findings),
        categories: categories(template, coverage, &at),
        indicators: indicators(template, coverage, &at),
        tasks: tasks(doc, template, &at),
        targets: targets(doc, template, &at),
        findings: findings_out(doc, findings, &at),
    }
}

/// Where the report's spans are in the text as pasted: UTF-16 offsets with line and
/// column, every offset the report needs worked out in one pass over the text.
struct Locations<'r, 'a> {
    reading: &'r Reading<'a>,
    positions: Positions,
}

impl<'r, 'a> Locations<'r, 'a> {
    fn new(
        doc: &Document<'_>,
        reading: &'r Reading<'a>,
        coverage: &Coverage,
        findings: &[Finding],
    ) -> Locations<'r, 'a> {
        let mut offsets = Vec::new();
        let mut want = |s: &Span| {
            let s = reading.to_given(s);
            offsets.push(s.start());
            offsets.push(s.end());
        };
        doc.parts.iter().for_each(|p| want(&p.span));
        coverage
            .categories
            .iter()
            .filter_map(|c| c.span.as_ref())
            .for_each(&mut want);
        coverage
            .indicators
            .iter()
            .filter_map(|c| c.span.as_ref())
            .for_each(&mut want);
        doc.tasks.iter().for_each(|t| want(&t.span));
        doc.targets.iter().for_each(|t| want(&t.span));
        findings.iter().for_each(|f| want(&f.span));
        for o in &reading.notes.others {
            offsets.push(o.span.start());
            offsets.push(o.span.end());
        }
        Locations {
            reading,
            positions: Positions::new(reading.original, offsets),
        }
    }

    /// A span of the text as given.
    fn given(&self, s: &GivenSpan) -> SpanOut {
        let a = self.positions.get(s.start());
        let b = self.positions.get(s.end());
        SpanOut {
            start: a.utf16,
            end: b.utf16.max(a.utf16),
            line: a.line,
            column: a.column,
        }
    }

    /// A span of the text as read (what the parser saw).
    fn span(&self, s: &Span) -> SpanOut {
        self.given(&self.reading.to_given(s))
    }
}

fn document_info(doc: &Document<'_>, template: &Template, at: &Locations<'_, '_>) -> DocumentInfo {
    let reading = at.reading;
    let parts = doc
        .parts
        .iter()
        .map(|p| PartOut {
            kind: p.kind,
            title: p
                .heading
                .and_then(|h| doc.headings.get(h))
                .map(|h| doc.slice(&h.title).to_string()),
            span: at.span(&p.span),
        })
        .collect();
    let title = doc
        .title
        .as_ref()
        .map(|t| one_line(doc.slice(t)).replace(' ', ""));
    let county = title.as_deref().and_then(|t| {
        crate::facts::places::place_of(t, &template.vocabulary.admin_prefixes).map(str::to_string)
    });
    DocumentInfo {
        title,
        county,
        level: doc.level,
        kind: doc.kind,
        horizon: doc.horizon.as_ref().and_then(|h| h.year),
        parts,
        reading: ReadingOut {
            joined_lines: reading.notes.joined,
            wrap_width: reading.notes.wrap_width,
            page_furniture: reading.notes.furniture.len(),
            numbering_lost: doc.numbering_lost,
            line_ends: reading.notes.line_ends,
            table_rows: reading.notes.table_rows,
            others: reading
                .notes
                .others
                .iter()
                .map(|o| OtherDocumentOut {
                    kind: o.kind,
                    title: one_line(reading.given_text(&o.title)),
                    span: at.given(&o.span),
                })
                .collect(),
        },
    }
}

fn summary(
    doc: &Document<'_>,
    template: &Template,
    coverage: &Coverage,
    findings: &[Finding],
) -> Summary {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let expected = template
        .indicators
        .iter()
        .zip(&coverage.indicators)
        .filter(|(ind, _)| ind.expected)
        .map(|(_, cov)| cov);
    Summary {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        tasks: doc.tasks.len(),
        assigned: doc.tasks.iter().filter(|t| t.assigned()).count(),
        targets: doc.targets.len(),
        sections: coverage
            .categories
            .iter()
            .filter(|c| c.status == CategoryStatus::Covered)
            .count(),
        categories: coverage.categories.len(),
        indicators_expected: expected.clone().count(),
        indicators_mentioned: expected
            .filter(|cov| cov.status == IndicatorStatus::Present)
            .count(),
    }
}

fn categories(
    template: &Template,
    coverage: &Coverage,
    at: &Locations<'_, '_>,
) -> Vec<CategoryOut> {
    template
        .categories
        .iter()
        .zip(&coverage.categories)
        .map(|(c, cov)| CategoryOut {
            id: c.id.clone(),
            name: c.name.clone(),
            status: cov.status,
            span: cov.span.as_ref().map(|s| at.span(s)),
        })
        .collect()
}

fn indicators(
    template: &Template,
    coverage: &Coverage,
    at: &Locations<'_, '_>,
) -> Vec<IndicatorOut> {
    template
        .indicators
        .iter()
        .zip(&coverage.indicators)
        .map(|(ind, cov)| IndicatorOut {
            id: ind.id.clone(),
            name: ind.name.clone(),
            category: ind.category.clone(),
            status: cov.status,
            expected: ind.expected,
            span: cov.span.as_ref().map(|s| at.span(s)),
        })
        .collect()
}

fn tasks(doc: &Document<'_>, template: &Template, at: &Locations<'_, '_>) -> Vec<TaskOut> {
    doc.tasks
        .iter()
        .map(|t| {
            let named = doc.task_units(t);
            let category = t
                .section
                .and_then(|s| doc.sections.get(s))
                .and_then(|s| s.category)
                .and_then(|c| template.categories.get(c))
                .map(|c| c.id.clone());
            TaskOut {
                assigned_by: named.assigned_by,
                number: t.number.clone(),
                title: clip_line(doc.slice(&t.title), 40),
                category,
                span: at.span(&t.span),
                lead: named.lead.iter().map(|u| u.to_string()).collect(),
                units: named.units.iter().map(|u| u.to_string()).collect(),
            }
        })
        .collect()
}

fn targets(doc: &Document<'_>, template: &Template, at: &Locations<'_, '_>) -> Vec<TargetOut> {
    doc.targets
        .iter()
        .map(|t| TargetOut {
            text: clip_line(doc.slice(&t.span), 120),
            value: t.value.clone(),
            unit: t.unit.clone(),
            year: t.year,
            indicator: t
                .indicator
                .and_then(|i| template.indicators.get(i))
                .map(|i| i.id.clone()),
            span: at.span(&t.span),
        })
        .collect()
}

fn findings_out(
    doc: &Document<'_>,
    findings: &[Finding],
    at: &Locations<'_, '_>,
) -> Vec<FindingOut> {
    findings
        .iter()
        .map(|f| FindingOut {
            rule: f.rule.to_string(),
            severity: f.severity,
            message: f.message.clone(),
            suggestion: f.suggestion.clone(),
            span: at.span(&f.span),
            excerpt: clip_line(doc.slice(&f.span), 80),
            category: f.category.clone(),
            indicator: f.indicator.clone(),
        })
        .collect()
}

impl Report {
    /// Findings of one rule.
    pub fn of_rule<'r>(&'r self, rule: &'r str) -> impl Iterator<Item = &'r FindingOut> + 'r {
        self.findings.iter().filter(move |f| f.rule == rule)
    }
}
