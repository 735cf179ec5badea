//! Responsibility clauses: `（牵头单位：A，责任单位：B、C）`, `（A、B负责）`,
//! `（A牵头负责）`, a `责任单位：…` line, with mixed or nested brackets.

use crate::chars::{is_blank, is_close, is_open};
use crate::compiled::Compiled;
use crate::document::{Line, ResponsibilityClause, Span, UnitName};

/// Every responsibility clause within `span`.
pub fn find(text: &str, lines: &[Line], span: &Span, c: &Compiled) -> Vec<ResponsibilityClause> {
    let mut out = Vec::new();
    let range = crate::order::range_in(lines, |l| l.full.start, span);
    for line in lines[range]
        .iter()
        .filter(|l| l.content.start >= span.start && l.content.end <= span.end)
    {
        let content = &text[line.content.clone()];
        if let Some(clause) = label_line(content, line.content.start, c) {
            out.push(clause);
            continue;
        }
        for group in bracket_groups(content) {
            let inner = &content[group.start + open_len(content, group.start)
                ..group.end - close_len(content, group.end)];
            let inner_start = line.content.start + group.start + open_len(content, group.start);
            let at_end = content[group.end..]
                .trim_matches(|ch: char| is_blank(ch) || matches!(ch, '。' | '.' | '；' | ';'))
                .is_empty();
            if let Some(units) = parse(inner, inner_start, c, at_end) {
                let marks_lead = units.iter().any(|u| u.lead);
                out.push(ResponsibilityClause {
                    span: line.content.start + group.start..line.content.start + group.end,
                    units,
                    marks_lead,
                });
            }
        }
    }
    out
}

fn open_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map(char::len_utf8).unwrap_or(0)
}

fn close_len(s: &str, end: usize) -> usize {
    s[..end]
        .chars()
        .next_back()
        .map(char::len_utf8)
        .unwrap_or(0)
}

/// The units of a table cell such as `县市场监管局、县发改委`.
pub fn units_in_list(s: &str, base: usize, c: &Compiled) -> Vec<UnitName> {
    parse(s, base, c, true).unwrap_or_default()
}

/// Top-level bracket groups of a line, full- and half-width brackets alike.
pub fn bracket_groups(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, ch) in crate::chars::indices(s) {
        if is_open(ch) {
            if depth == 0 {
                start = i;
            }
            depth += 1;
        } else if is_close(ch) && depth > 0 {
            depth -= 1;
            if depth == 0 {
                out.push(start..i + ch.len_utf8());
            }
        }
    }
    out
}

/// A line that starts with a label: `责任单位：县市场监管局、县发改委`.
fn label_line(content: &str, base: usize, c: &Compiled) -> Option<ResponsibilityClause> {
    let starts = c
        .lead_labels
        .iter()
        .chain(c.other_labels.iter())
        .any(|l| content.starts_with(l.as_str()) && label_colon(&content[l.len()..]).is_some());
    if !starts {
        return None;
    }
    let units = parse(content, base, c, true)?;
    let marks_lead = units.iter().any(|u| u.lead);
    Some(ResponsibilityClause {
        span: base..base + content.len(),
        units,
        marks_lead,
    })
}

fn label_colon(s: &str) -> Option<usize> {
    let t = s.trim_start_matches(is_blank);
    let skipped = s.len() - t.len();
    let ch = t.chars().next()?;
    matches!(ch, '：' | ':').then(|| skipped + ch.len_utf8())
}

/// Parses the inside of a clause into units; `None` when it is not a clause.
fn parse(inner: &str, base: usize, c: &Compiled, at_end: bool) -> Option<Vec<UnitName>> {
    // Labelled segments: (start of the segment's text, is lead).
    // Kept sorted, a label overlapping an earlier one found by binary search: a bracket
    // of many labels is read in linear time.
    let mut labels: Vec<(usize, usize, Option<bool>)> = Vec::new();
    let hits = c.label_hits(inner);
    let mut hits = hits.iter();
    for (list, lead) in [(&c.lead_labels, true), (&c.other_labels, false)] {
        for label in list {
            let mut fresh = Vec::new();
            for &at in hits.next().map_or(&[][..], Vec::as_slice) {
                let after = at + label.len();
                let colon = label_colon(&inner[after..]).unwrap_or(0);
                if crate::order::overlaps(&labels, &(at..after), |l| (l.0, l.1)) {
                    continue;
                }
                fresh.push((at, after + colon, Some(lead)));
            }
            labels = crate::order::merge_by_start(labels, fresh, |l| l.0);
        }
    }
    let labelled = !labels.is_empty();

    let trimmed = inner.trim_end_matches(|ch: char| is_blank(ch) || matches!(ch, '。' | '.'));
    let ends_with_ending = c
        .endings
        .iter()
        .filter(|e| e.as_str() != "等")
        .any(|e| trimmed.ends_with(e.as_str()));
    if !labelled && !ends_with_ending && !at_end {
        return None;
    }

    let mut segments: Vec<(usize, usize, Option<bool>)> = Vec::new();
    let first = labels.first().map(|l| l.0).unwrap_or(inner.len());
    if first > 0 {
        segments.push((0, first, None));
    }
    for (k, &(_, text_start, lead)) in labels.iter().enumerate() {
        let end = labels.get(k + 1).map(|l| l.0).unwrap_or(inner.len());
        segments.push((text_start.min(end), end, lead));
    }

    let mut units = Vec::new();
    for (start, end, lead) in segments {
        for piece in split_units(&inner[start..end]) {
            let piece = (piece.start + start)..(piece.end + start);
            if let Some(unit) = unit_name(inner, piece, base, lead, c) {
                units.push(unit);
            }
        }
    }
    if units.is_empty() {
        return None;
    }
    if !labelled {
        // Without a label the words must read as units, or it is an ordinary aside.
        let all_units = units
            .iter()
            .all(|u| c.ends_with_unit_suffix(strip_trailing_group(&u.name)));
        if !all_units || (!ends_with_ending && units.len() < 2 && !c.admin_prefixed(&units[0].name))
        {
            return None;
        }
    }
    Some(units)
}

fn strip_trailing_group(name: &str) -> &str {
    if name.ends_with('）') || name.ends_with(')') {
        if let Some(last) = bracket_groups(name).last() {
            if last.end == name.len() {
                return &name[..last.start];
            }
        }
    }
    name
}

/// Splits a list of units on 、，；/ outside brackets.
fn split_units(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, ch) in crate::chars::indices(s) {
        if is_open(ch) {
            depth += 1;
        } else if is_close(ch) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && matches!(ch, '、' | '，' | ',' | '；' | ';' | '/' | '／') {
            out.push(start..i);
            start = i + ch.len_utf8();
        }
    }
    out.push(start..s.len());
    out
}

fn unit_name(
    inner: &str,
    piece: Span,
    base: usize,
    lead: Option<bool>,
    c: &Compiled,
) -> Option<UnitName> {
    let mut s = piece.start;
    let mut e = piece.end;
    let trim_chars = |ch: char| is_blank(ch) || matches!(ch, '。' | '：' | ':' | '.' | '等');
    let t = &inner[s..e];
    let t2 = t.trim_start_matches(trim_chars);
    s += t.len() - t2.len();
    e = s + t2.trim_end_matches(trim_chars).len();
    if let Some(rest) = inner[s..e].strip_prefix('由') {
        s = e - rest.len();
    }
    let mut marked_lead = false;
    loop {
        let t = &inner[s..e];
        let Some(ending) = c.endings.iter().find(|x| t.ends_with(x.as_str())) else {
            break;
        };
        if ending.contains("牵头") {
            marked_lead = true;
        }
        e -= ending.len();
        let t = &inner[s..e];
        e = s + t
            .trim_end_matches(|ch: char| is_blank(ch) || ch == '，')
            .len();
    }
    let name = &inner[s..e];
    let chars = name.chars().count();
    if !(2..=40).contains(&chars)
        || !name
            .chars()
            .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))
    {
        return None;
    }
    if name
        .chars()
        .any(|ch| matches!(ch, '。' | '，' | '：' | ':'))
    {
        return None;
    }
    Some(UnitName {
        name: name.to_string(),
        key: String::new(),
        span: base + s..base + e,
        lead: lead.unwrap_or(false) || marked_lead,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    fn units(s: &str) -> Option<Vec<(String, bool)>> {
        let c = Compiled::new(&Template::national()).unwrap(); // ok: test
        parse(s, 0, &c, true).map(|v| v.into_iter().map(|u| (u.name, u.lead)).collect())
    }

    #[test]
    fn labelled_clause() {
        let u = units("牵头单位：县科技局，责任单位：县发改局、县工信局").unwrap(); // ok: test
        assert_eq!(
            u,
            vec![
                ("县科技局".into(), true),
                ("县发改局".into(), false),
                ("县工信局".into(), false)
            ]
        );
    }

    #[test]
    fn nested_brackets_and_lead() {
        let u = units("县安全生产（防灾减灾救灾）委员会办公室牵头负责").unwrap(); // ok: test
        assert_eq!(
            u,
            vec![("县安全生产（防灾减灾救灾）委员会办公室".into(), true)]
        );
    }

    #[test]
    fn plain_list_with_mixed_separators() {
        let u = units("责任单位：县发改局、县工信局，县农业农村局按职责分工负责").unwrap(); // ok: test
        assert_eq!(u.len(), 3);
        assert_eq!(u[2].0, "县农业农村局");
    }

    #[test]
    fn asides_are_not_clauses() {
        assert!(units("住建、水利、交通").is_none());
        assert!(units("微克/立方米").is_none());
        assert!(units("2025年1月至2025年6月").is_none());
    }
}
