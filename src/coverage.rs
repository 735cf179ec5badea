//! Which template categories and indicators a plan covers, and where.

use crate::document::{content_scores, Document, KeywordHit, Mention, Span, COVERED_BY_CONTENT};
use crate::template::{PartKind, Template};

crate::names::named_enum! {
    /// How a plan covers a template category.
    pub enum CategoryStatus {
        /// The plan has a section for it.
        Covered = "covered",
        /// Only its content (indicators, keywords) appears, without a section.
        Partial = "partial",
        Missing = "missing",
    }
}

crate::names::named_enum! {
    /// Whether a plan mentions a template indicator.
    pub enum IndicatorStatus {
        Present = "present",
        Missing = "missing",
    }
}

impl CategoryStatus {
    /// Its name in a report: 有章节 / 无章节 / 缺失.
    pub fn label(self) -> &'static str {
        match self {
            CategoryStatus::Covered => "有章节",
            CategoryStatus::Partial => "无章节",
            CategoryStatus::Missing => "缺失",
        }
    }

    /// Its name in a report in `lang`.
    pub fn label_in(self, lang: crate::lang::Lang) -> &'static str {
        match (lang, self) {
            (crate::lang::Lang::Chinese, _) => self.label(),
            (_, CategoryStatus::Covered) => "own section",
            (_, CategoryStatus::Partial) => "no section (in content)",
            (_, CategoryStatus::Missing) => "missing",
        }
    }
}

#[derive(Clone, Debug)]
pub struct CategoryCoverage {
    pub status: CategoryStatus,
    /// The section heading, or the first evidence.
    pub span: Option<Span>,
}

#[derive(Clone, Debug)]
pub struct IndicatorCoverage {
    pub status: IndicatorStatus,
    pub span: Option<Span>,
}

#[derive(Clone, Debug)]
pub struct Coverage {
    pub categories: Vec<CategoryCoverage>,
    pub indicators: Vec<IndicatorCoverage>,
}

pub fn compute(doc: &Document<'_>, template: &Template) -> Coverage {
    let at = Places { doc };
    let indicators: Vec<IndicatorCoverage> = (0..template.indicators.len())
        .map(|i| {
            let span = doc
                .mentions
                .iter()
                .find(|m| m.indicator == i && !at.in_kind(m.span.start, &[PartKind::Preamble]))
                .map(|m| m.span.clone());
            let status = match span {
                Some(_) => IndicatorStatus::Present,
                None => IndicatorStatus::Missing,
            };
            IndicatorCoverage { status, span }
        })
        .collect();
    let scores = content_scores(
        template,
        doc.mentions.iter().filter(|m| at.evidence_mention(m)),
        doc.keyword_hits.iter().filter(|h| at.evidence_hit(h)),
    );
    let categories = (0..template.categories.len())
        .map(|ci| category(&at, template, ci, scores[ci]))
        .collect();
    Coverage {
        categories,
        indicators,
    }
}

/// Where in the plan a place is: which part, whether in a table.
struct Places<'d, 'a> {
    doc: &'d Document<'a>,
}

impl Places<'_, '_> {
    fn in_kind(&self, offset: usize, kinds: &[PartKind]) -> bool {
        self.doc
            .part_at(offset)
            .is_some_and(|p| kinds.contains(&p.kind))
    }

    fn in_table(&self, offset: usize) -> bool {
        let i = self.doc.tables.partition_point(|t| t.span.end <= offset);
        self.doc
            .tables
            .get(i)
            .is_some_and(|t| t.span.start <= offset)
    }

    /// A mention that shows a category covered: in the tasks, the goals or a table.
    fn evidence_mention(&self, m: &Mention) -> bool {
        self.in_kind(m.span.start, &[PartKind::Tasks, PartKind::Goals])
            || self.in_table(m.span.start)
    }

    /// A keyword that shows a category covered: in the tasks.
    fn evidence_hit(&self, h: &KeywordHit) -> bool {
        self.in_kind(h.span.start, &[PartKind::Tasks])
    }
}

/// A category: covered by a section of its own, partly by content (the clearest evidence
/// shown), or missing.
fn category(at: &Places<'_, '_>, template: &Template, ci: usize, score: usize) -> CategoryCoverage {
    let doc = at.doc;
    let section = doc
        .parts
        .iter()
        .filter(|p| p.category == Some(ci))
        .map(|p| p.heading)
        .chain(
            doc.sections
                .iter()
                .filter(|s| s.category == Some(ci))
                .map(|s| s.heading),
        )
        .next();
    if let Some(heading) = section {
        return CategoryCoverage {
            status: CategoryStatus::Covered,
            span: heading.map(|h| doc.heading_span(h)),
        };
    }
    // An indicator is the clearest evidence; a keyword when there is none.
    let evidence = (score >= COVERED_BY_CONTENT)
        .then(|| {
            doc.mentions
                .iter()
                .filter(|m| at.evidence_mention(m))
                .find(|m| template.category_of(m.indicator) == Some(ci))
                .map(|m| m.span.clone())
                .or_else(|| {
                    doc.keyword_hits
                        .iter()
                        .filter(|h| at.evidence_hit(h))
                        .find(|h| h.category == ci)
                        .map(|h| h.span.clone())
                })
        })
        .flatten();
    match evidence {
        Some(span) => CategoryCoverage {
            status: CategoryStatus::Partial,
            span: Some(span),
        },
        None => CategoryCoverage {
            status: CategoryStatus::Missing,
            span: None,
        },
    }
}
