//! Which template categories and indicators a plan covers, and where.

use crate::document::{Document, Span};
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

    let categories = template
        .categories
        .iter()
        .enumerate()
        .map(|(ci, category)| {
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
            let indicator_evidence = doc
                .mentions
                .iter()
                .filter(|m| {
                    template
                        .indicators
                        .get(m.indicator)
                        .is_some_and(|ind| ind.category == category.id)
                })
                .find(|m| {
                    in_kind(m.span.start, &[PartKind::Tasks, PartKind::Goals])
                        || in_table(m.span.start)
                })
                .map(|m| m.span.clone());
            let keyword_hits: Vec<&crate::document::KeywordHit> = doc
                .keyword_hits
                .iter()
                .filter(|h| h.category == ci && in_kind(h.span.start, &[PartKind::Tasks]))
                .collect();
            // Two different keywords are enough; no need to count them all.
            let distinct = keyword_hits
                .iter()
                .any(|h| keyword_hits.first().is_some_and(|f| f.keyword != h.keyword));
            let keyword_evidence = distinct
                .then(|| keyword_hits.first().map(|h| h.span.clone()))
                .flatten();
            // An indicator is the clearest evidence; keywords only when there is none.
            let evidence = indicator_evidence.or(keyword_evidence);
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
