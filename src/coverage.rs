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
    let in_kind = |offset: usize, kinds: &[PartKind]| {
        doc.part_at(offset).is_some_and(|p| kinds.contains(&p.kind))
    };
    let in_table = |offset: usize| {
        let i = doc.tables.partition_point(|t| t.span.end <= offset);
        doc.tables.get(i).is_some_and(|t| t.span.start <= offset)
    };

    let indicators: Vec<IndicatorCoverage> = (0..template.indicators.len())
        .map(|i| {
            let span = doc
                .mentions
                .iter()
                .find(|m| m.indicator == i && !in_kind(m.span.start, &[PartKind::Preamble]))
                .map(|m| m.span.clone());
            IndicatorCoverage {
                status: if span.is_some() {
                    IndicatorStatus::Present
                } else {
                    IndicatorStatus::Missing
                },
                span,
            }
        })
        .collect();

    let evidence_mention = |m: &&Mention| {
        in_kind(m.span.start, &[PartKind::Tasks, PartKind::Goals]) || in_table(m.span.start)
    };
    let evidence_hit = |h: &&KeywordHit| in_kind(h.span.start, &[PartKind::Tasks]);
    let scores = content_scores(
        template,
        doc.mentions.iter().filter(evidence_mention),
        doc.keyword_hits.iter().filter(evidence_hit),
    );
    let indicator_evidence = |ci: usize| {
        doc.mentions
            .iter()
            .filter(evidence_mention)
            .find(|m| template.category_of(m.indicator) == Some(ci))
    };
    let keyword_evidence = |ci: usize| {
        doc.keyword_hits
            .iter()
            .filter(evidence_hit)
            .find(|h| h.category == ci)
    };
    let categories = template
        .categories
        .iter()
        .enumerate()
        .map(|(ci, _)| {
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
                let span = heading.map(|h| doc.heading_span(h));
                return CategoryCoverage {
                    status: CategoryStatus::Covered,
                    span,
                };
            }
            if scores[ci] < COVERED_BY_CONTENT {
                return CategoryCoverage {
                    status: CategoryStatus::Missing,
                    span: None,
                };
            }
            // An indicator is the clearest evidence; a keyword when there is none.
            let evidence = indicator_evidence(ci)
                .map(|m| m.span.clone())
                .or_else(|| keyword_evidence(ci).map(|h| h.span.clone()));
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
        })
        .collect();

    Coverage {
        categories,
        indicators,
    }
}
