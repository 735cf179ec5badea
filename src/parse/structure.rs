//! Parts, category sections and tasks, from the numbered headings.

use crate::compiled::Compiled;
use crate::document::{Heading, Line, Part, Section, Span, Task};
use crate::order::range_in;
use crate::template::{PartKind, Template};

/// Reads the top-level parts: the text before the first heading, then one part per
/// top-level heading, and the attachments from a line starting with the attachments
/// part's heading words (附件).
pub fn parts(
    text: &str,
    lines: &[Line],
    headings: &[Heading],
    template: &Template,
    compiled: &Compiled,
) -> Vec<Part> {
    let mut starts: Vec<(usize, PartKind, Option<usize>, Option<usize>)> = Vec::new();
    let mut seen_heading = false;
    for line in lines {
        if line.content.is_empty() {
            continue;
        }
        match line.heading.and_then(|h| headings.get(h).map(|x| (h, x))) {
            Some((h, heading)) if heading.level == 1 => {
                seen_heading = true;
                let title = &text[heading.title.clone()];
                let (kind, category) = classify(title, template, compiled);
                starts.push((line.full.start, kind, Some(h), category));
            }
            _ => {
                let content = &text[line.content.clone()];
                if seen_heading && compiled.starts_attachment(content) {
                    starts.push((line.full.start, PartKind::Attachments, None, None));
                    break;
                }
            }
        }
    }

    let mut parts = Vec::new();
    let first = starts.first().map(|s| s.0).unwrap_or(text.len());
    if !text[..first]
        .trim_matches(crate::chars::is_blank_or_break)
        .is_empty()
    {
        parts.push(Part {
            kind: PartKind::Preamble,
            heading: None,
            span: 0..first,
            category: None,
        });
    }
    for (i, &(start, kind, heading, category)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map(|s| s.0).unwrap_or(text.len());
        parts.push(Part {
            kind,
            heading,
            span: start..end,
            category,
        });
    }

    tasks_by_sections(text, lines, headings, compiled, parts)
}

/// A part whose sections are template categories is a tasks part, whatever its heading
/// says; a fragment without top-level headings may be all tasks.
fn tasks_by_sections(
    text: &str,
    lines: &[Line],
    headings: &[Heading],
    compiled: &Compiled,
    parts: Vec<Part>,
) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::with_capacity(parts.len());
    for part in parts {
        if !matches!(part.kind, PartKind::Other | PartKind::Preamble) {
            out.push(part);
            continue;
        }
        // The part's own headings only: headings are in text order.
        let category_sections: Vec<&Heading> = headings
            [range_in(headings, |h| h.marker.start, &part.span)]
        .iter()
        .filter(|h| {
            h.level == 2
                && compiled
                    .category_of_heading(&text[h.title.clone()])
                    .is_some()
        })
        .collect();
        let needed = if part.kind == PartKind::Preamble {
            2
        } else {
            1
        };
        if category_sections.len() < needed {
            out.push(part);
            continue;
        }
        if part.kind == PartKind::Other {
            out.push(Part {
                kind: PartKind::Tasks,
                ..part
            });
            continue;
        }
        let line_start = lines
            .get(category_sections[0].line)
            .map(|l| l.full.start)
            .unwrap_or(part.span.start);
        if line_start > part.span.start {
            out.push(Part {
                span: part.span.start..line_start,
                ..part.clone()
            });
        }
        out.push(Part {
            kind: PartKind::Tasks,
            heading: None,
            span: line_start..part.span.end,
            category: None,
        });
    }
    out
}

fn classify(title: &str, template: &Template, compiled: &Compiled) -> (PartKind, Option<usize>) {
    for spec in &template.parts {
        if spec.headings.iter().any(|w| title.contains(w.as_str())) {
            return (spec.kind, None);
        }
    }
    match compiled.category_of_heading(title) {
        Some(c) => (PartKind::Tasks, Some(c)),
        None => (PartKind::Other, None),
    }
}

/// Category sections and tasks of every tasks part.
pub fn sections_and_tasks(
    text: &str,
    lines: &[Line],
    headings: &[Heading],
    parts: &[Part],
    compiled: &Compiled,
) -> (Vec<Section>, Vec<Task>) {
    let mut sections = Vec::new();
    let mut tasks = Vec::new();
    let line_start = |h: &Heading| lines.get(h.line).map(|l| l.full.start).unwrap_or(0);

    for part in parts.iter().filter(|p| p.kind == PartKind::Tasks) {
        let inside: Vec<usize> = range_in(headings, |h| h.marker.start, &part.span)
            .filter(|&i| Some(i) != part.heading && part.span.contains(&line_start(&headings[i])))
            .collect();
        let min_level = inside.iter().map(|&i| headings[i].level).min();

        if part.category.is_some() || min_level.is_none() {
            // The part itself is one category section.
            let section = sections.len();
            sections.push(Section {
                heading: part.heading,
                span: part.span.clone(),
                category: part.category,
            });
            let at = Place {
                heading: part.heading,
                span: &part.span,
                section,
            };
            section_tasks(text, lines, headings, &inside, at, &mut tasks);
            continue;
        }

        let level = min_level.unwrap_or(2);
        let heads: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&i| headings[i].level == level)
            .collect();
        for (k, &h) in heads.iter().enumerate() {
            let start = line_start(&headings[h]);
            let end = heads
                .get(k + 1)
                .map(|&n| line_start(&headings[n]))
                .unwrap_or(part.span.end);
            let span = start..end;
            let category = if level <= 2 {
                compiled.category_of_heading(&text[headings[h].title.clone()])
            } else {
                None
            };
            let section = sections.len();
            sections.push(Section {
                heading: Some(h),
                span: span.clone(),
                category,
            });
            let below: Vec<usize> = range_in(headings, |x| x.marker.start, &span)
                .filter(|&i| i != h)
                .collect();
            // Items are read under category sections only; a deeper section is one task.
            let below = if level <= 2 { below } else { Vec::new() };
            let at = Place {
                heading: Some(h),
                span: &span,
                section,
            };
            section_tasks(text, lines, headings, &below, at, &mut tasks);
        }
    }
    (sections, tasks)
}

/// Where a section's tasks are read: its heading, its span and its index.
struct Place<'s> {
    heading: Option<usize>,
    span: &'s Span,
    section: usize,
}

/// A section's tasks: the headings of the highest level below it, each an item; a section
/// without headings below it is one task, when it has any text.
fn section_tasks(
    text: &str,
    lines: &[Line],
    headings: &[Heading],
    below: &[usize],
    at: Place<'_>,
    tasks: &mut Vec<Task>,
) {
    let level = below.iter().map(|&i| headings[i].level).min();
    let items: Vec<usize> = below
        .iter()
        .copied()
        .filter(|&i| Some(headings[i].level) == level)
        .collect();
    if items.is_empty() {
        tasks.extend(whole_as_task(
            text, headings, at.heading, at.span, at.section,
        ));
    } else {
        push_items(lines, headings, below, &items, at.span, at.section, tasks);
    }
}

fn push_items(
    lines: &[Line],
    headings: &[Heading],
    inside: &[usize],
    items: &[usize],
    outer: &Span,
    section: usize,
    tasks: &mut Vec<Task>,
) {
    let line_start = |h: usize| {
        lines
            .get(headings[h].line)
            .map(|l| l.full.start)
            .unwrap_or(0)
    };
    // `inside` is in document order: the item ends at the next heading of its level or
    // above, which is at the latest the next item.
    let mut from = 0;
    for &h in items {
        let level = headings[h].level;
        let start = line_start(h);
        while from < inside.len() && inside[from] <= h {
            from += 1;
        }
        let end = inside[from..]
            .iter()
            .copied()
            .find(|&i| headings[i].level <= level)
            .map(line_start)
            .unwrap_or(outer.end);
        let heading = &headings[h];
        tasks.push(Task {
            number: heading.number.clone(),
            heading: Some(h),
            section: Some(section),
            span: start..end.max(start),
            title: title_or_marker(heading),
            clauses: Vec::new(),
            table_row: None,
        });
    }
}

fn whole_as_task(
    text: &str,
    headings: &[Heading],
    heading: Option<usize>,
    span: &Span,
    section: usize,
) -> Option<Task> {
    let body = text.get(span.clone())?;
    if body
        .trim_matches(crate::chars::is_blank_or_break)
        .is_empty()
    {
        return None;
    }
    let (number, title) = match heading.and_then(|h| headings.get(h)) {
        Some(h) => (h.number.clone(), title_or_marker(h)),
        None => (String::new(), span.start..span.start),
    };
    Some(Task {
        number,
        heading,
        section: Some(section),
        span: span.clone(),
        title,
        clauses: Vec::new(),
        table_row: None,
    })
}

fn title_or_marker(heading: &Heading) -> Span {
    if heading.title.is_empty() {
        heading.marker.clone()
    } else {
        heading.title.clone()
    }
}
