//! Lines and numbered headings.

use crate::chars::is_blank;
use crate::document::{Heading, Line, Span};
use crate::numbering::{marker, title_end};

/// Splits the text into lines, trimming blanks and Word bookmarks from each.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        let end = start + piece.len();
        let content = trim_content(text, start..end);
        lines.push(Line {
            full: start..end,
            content,
            heading: None,
        });
        start = end + 1;
    }
    lines
}

fn trim_content(text: &str, full: Span) -> Span {
    let s = &text[full.clone()];
    let mut from = 0;
    loop {
        let rest = &s[from..];
        let skipped = rest.len() - rest.trim_start_matches(is_blank).len();
        from += skipped;
        // Word's "[bookmark: _GoBack]" and similar markers survive a copy as text.
        let rest = &s[from..];
        if rest.starts_with("[bookmark:") {
            if let Some(close) = rest.find(']') {
                from += close + 1;
                continue;
            }
        }
        if skipped == 0 {
            break;
        }
    }
    let to = s.trim_end_matches(is_blank).len().max(from);
    full.start + from..full.start + to
}

/// Finds the numbered heading a line starts with.
pub fn heading_of(text: &str, line_index: usize, line: &Line) -> Option<Heading> {
    let s = text.get(line.content.clone())?;
    let base = line.content.start;
    let (level, number, marker_len) = marker(s)?;
    let after = base + marker_len;
    let rest = &text[after..line.content.end];
    let lead = rest.len() - rest.trim_start_matches(is_blank).len();
    let title_start = after + lead;
    let rest = &text[title_start..line.content.end];
    let title_len = title_end(rest);
    if title_len == 0 && level >= 3 {
        // A bare "1." line is a table's serial number, not a heading.
        return None;
    }
    Some(Heading {
        level,
        number,
        marker: base..after,
        title: title_start..title_start + title_len,
        line: line_index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_blanks_and_bookmarks() {
        let text = "\u{feff}  [bookmark: _GoBack]以习近平\r";
        let lines = split_lines(text);
        assert_eq!(&text[lines[0].content.clone()], "以习近平");
    }
}
