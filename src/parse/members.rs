//! The plan's 工作专班 / 领导小组 member list: `成员单位：县发改委、县财政局…`, or an
//! attached roster whose lines read `成  员：闫岚峰  县政府办公室副主任`.

use crate::chars::is_blank;
use crate::compiled::Compiled;
use crate::document::{part_at, Line, Members, Part, UnitName};
use crate::template::PartKind;

pub fn find(text: &str, lines: &[Line], parts: &[Part], c: &Compiled) -> Option<Members> {
    // Lists come after the tasks: in the safeguards or the attachments.
    let late = |offset: usize| {
        part_at(parts, offset).is_some_and(|p| {
            matches!(
                p.kind,
                PartKind::Safeguards | PartKind::Attachments | PartKind::Other
            )
        })
    };
    let content = |l: &Line| &text[l.content.clone()];
    let start = lines.iter().position(|l| {
        // 成员 may be spaced out (成  员：); any line naming it has a 员.
        if !content(l).contains('员') || !late(l.content.start) {
            return false;
        }
        let s: String = content(l).chars().filter(|c| !is_blank(*c)).collect();
        s.starts_with("成员：")
            || s.starts_with("成员:")
            || s.contains("成员单位：")
            || s.contains("成员单位:")
            || s.contains("成员单位为")
            || s.contains("成员单位包括")
    })?;
    let mut units = Vec::new();
    let first = &lines[start];
    let s = content(first);
    let after = s
        .find(['：', ':'])
        .map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    units.extend(units_in(&s[after..], first.content.start + after, c));
    let mut end = first.content.end;
    for line in &lines[start + 1..] {
        let s = content(line);
        if s.is_empty() {
            continue;
        }
        // A sentence after the roster (专班下设办公室，…。) ends it.
        if line.heading.is_some() || s.chars().count() > 80 || s.contains('。') {
            break;
        }
        let found = units_in(s, line.content.start, c);
        if found.is_empty() {
            break;
        }
        units.extend(found);
        end = line.content.end;
    }
    (units.len() >= 2).then_some(Members {
        span: first.content.start..end,
        units,
    })
}

/// The unit names in one line of a list or roster.
fn units_in(s: &str, base: usize, c: &Compiled) -> Vec<UnitName> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in s.split(['、', '，', ',', '；', ';', '。']) {
        let start = offset;
        offset += piece.len()
            + s[offset + piece.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        // The name starts at the first 县 / 区 / 镇 … (after a person's name in a roster).
        let Some(lead) = c.first_admin_prefix(piece) else {
            continue;
        };
        let mut name = &piece[lead..];
        if let Some(cut) = c.first_roster_title(name) {
            name = &name[..cut];
        }
        // The longest part of it that ends like a unit.
        let ends: Vec<usize> = name
            .char_indices()
            .map(|(i, ch)| i + ch.len_utf8())
            .collect();
        let Some(&len) = ends
            .iter()
            .rev()
            .find(|&&e| c.ends_with_unit_suffix(&name[..e]))
        else {
            continue;
        };
        let name = &name[..len];
        if name.chars().count() >= 3 {
            let at = base + start + lead;
            out.push(UnitName {
                name: name.to_string(),
                key: String::new(),
                span: at..at + name.len(),
                lead: false,
            });
        }
    }
    out
}
