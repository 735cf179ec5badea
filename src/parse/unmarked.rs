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
    let part_of = |s: &str| -> Option<PartKind> {
        if s.chars().count() > 16 || super::lines::has_any(s, &['。', '，', '；', '：', ':', ','])
        {
            return None;
        }
        template
            .parts
            .iter()
            .filter(|p| p.kind != PartKind::Attachments)
            .find(|p| p.headings.iter().any(|w| s.contains(w.as_str())))
            .map(|p| p.kind)
    };
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
        if paragraphs.len() >= 2 {
            for &i in paragraphs.iter() {
                if let Some(h) = heading(text, lines, i, 3) {
                    out.push(h);
                }
            }
        }
        paragraphs.clear();
    };
    let mut in_category = false;
    for (i, line) in lines.iter().enumerate() {
        let s = content(line);
        if s.is_empty() {
            continue;
        }
        if s.starts_with("附件") && kind != PartKind::Preamble {
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
        let short = s.chars().count() <= 30 && !super::lines::has_any(s, &['。', '；', '，']);
        match kind {
            PartKind::Tasks if short && compiled.category_of_heading(s).is_some() => {
                flush(&mut paragraphs, &mut out);
                in_category = true;
                out.extend(heading(text, lines, i, 2));
            }
            PartKind::Tasks if in_category && !short => paragraphs.push(i),
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

fn heading(text: &str, lines: &[Line], index: usize, level: u8) -> Option<Heading> {
    let line = lines.get(index)?;
    let s = text.get(line.content.clone())?;
    let start = line.content.start;
    Some(Heading {
        level,
        number: String::new(),
        marker: start..start,
        title: start..start + super::lines::title_end(s),
        line: index,
    })
}
