//! Headings without numbering markers, for text whose automatic numbering was lost (Word
//! "Save as .txt", a paste from some viewers): 一、 （一） 1. are gone, but a short line that
//! names a part (重点任务, 工作安排 …) or a template category is still a heading, and each
//! paragraph under a category is still an item.

use crate::compiled::Compiled;
use crate::document::{Heading, Line};
use crate::template::{PartKind, Template};

/// Headings recognised by their words and shape, when the text has no top-level numbered
/// heading. Empty when fewer than two parts are recognisable: then the text is not read
/// as a plan whose numbering was lost.
pub fn headings(
    text: &str,
    lines: &[Line],
    numbered: &[Heading],
    template: &Template,
    compiled: &Compiled,
) -> Vec<Heading> {
    if numbered.iter().any(|h| h.level <= 2) {
        return Vec::new();
    }
    let content = |l: &Line| &text[l.content.clone()];
    let part_of = |s: &str| part_of(s, template);
    let parts = lines
        .iter()
        .filter(|l| l.heading.is_none() && part_of(content(l)).is_some())
        .count();
    if parts < 2 {
        return Vec::new();
    }

    let mut out = Vec::new();
    let mut kind = PartKind::Preamble;
    // Paragraphs under the current category heading: made items when there are several.
    let mut paragraphs: Vec<usize> = Vec::new();
    let flush = |paragraphs: &mut Vec<usize>, out: &mut Vec<Heading>| {
        out.extend(items(text, lines, paragraphs, compiled));
        paragraphs.clear();
    };
    let mut in_category = false;
    for (i, line) in lines.iter().enumerate() {
        let s = content(line);
        if s.is_empty() {
            continue;
        }
        if compiled.starts_attachment(s) && kind != PartKind::Preamble {
            break;
        }
        if line.heading.is_some() {
            // A numbered item that survived: the section's items are its own.
            in_category = false;
            paragraphs.clear();
            continue;
        }
        if let Some(k) = part_of(s) {
            flush(&mut paragraphs, &mut out);
            kind = k;
            in_category = false;
            out.extend(heading(text, lines, i, 1));
            continue;
        }
        let short = s.chars().count() <= 30 && !crate::chars::any_of(s, &['。', '；', '，']);
        match kind {
            PartKind::Tasks if short && compiled.category_of_heading(s).is_some() => {
                flush(&mut paragraphs, &mut out);
                in_category = true;
                out.extend(heading(text, lines, i, 2));
            }
            // The end of a paragraph broken over lines may be a short line (`康委负责）`).
            PartKind::Tasks
                if in_category && (!short || crate::reading::ends_with_clause(s, compiled)) =>
            {
                paragraphs.push(i)
            }
            PartKind::Schedule => {
                // A stage: 动员部署阶段（2025年1月至2025年6月）。做好……
                let lead: String = s.chars().take(14).collect();
                if lead.contains("阶段") {
                    out.extend(heading(text, lines, i, 2));
                }
            }
            _ => {}
        }
    }
    flush(&mut paragraphs, &mut out);
    out
}

/// The part a short line names (总体要求, 重点任务 …), when it is a part's heading.
fn part_of(s: &str, template: &Template) -> Option<PartKind> {
    if s.chars().count() > 16 || crate::chars::any_of(s, &['。', '，', '；', '：', ':', ',']) {
        return None;
    }
    template
        .parts
        .iter()
        .filter(|p| p.kind != PartKind::Attachments)
        .find(|p| p.headings.iter().any(|w| s.contains(w.as_str())))
        .map(|p| p.kind)
}

/// The items among a category's paragraphs, when there are several. Where paragraphs
/// end with responsibility clauses, an item runs to its clause: a paragraph broken over
/// lines (a hard-wrapped copy) stays one item. Otherwise each paragraph is one.
fn items(text: &str, lines: &[Line], paragraphs: &[usize], compiled: &Compiled) -> Vec<Heading> {
    let clause_ends =
        |i: &usize| crate::reading::ends_with_clause(&text[lines[*i].content.clone()], compiled);
    // Clauses close the items when the last line closes one.
    let by_clause = paragraphs.last().is_some_and(clause_ends);
    let mut starts: Vec<usize> = Vec::new();
    let mut open = true;
    for i in paragraphs {
        if open || !by_clause {
            starts.push(*i);
        }
        open = clause_ends(i);
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    starts
        .iter()
        .filter_map(|&i| heading(text, lines, i, 3))
        .collect()
}

fn heading(text: &str, lines: &[Line], index: usize, level: u8) -> Option<Heading> {
    let line = lines.get(index)?;
    let s = text.get(line.content.clone())?;
    let start = line.content.start;
    Some(Heading {
        level,
        number: String::new(),
        marker: start..start,
        title: start..start + crate::numbering::title_end(s),
        line: index,
    })
}
