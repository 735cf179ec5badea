//! Two things a reviewer looks for in the words themselves: placeholders left in a draft
//! (`达到 %`, `达到____`, `××家`) and the document numbers it cites
//! (`《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕97号）`).

use crate::chars::is_blank;
use crate::compiled::Compiled;
use crate::document::{Citation, Line, Span};
use crate::facts::numbers::is_digit;

const PERCENT: [char; 3] = ['%', '％', '‰'];

/// A character that stands for a number not yet filled in.
fn is_cross(c: char) -> bool {
    matches!(c, '×' | 'X' | 'x' | 'Ｘ' | 'ｘ')
}

/// Placeholders: runs of `_`, `××` (or `X`/`x` where a number belongs: `X%`, `达到XX个`),
/// and a comparator followed by a unit with nothing between (`达到 %`).
// Long: one scanner over each line; the kinds of placeholder are cases of one loop.
pub fn placeholders(text: &str, lines: &[Line], c: &Compiled) -> Vec<Span> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| !l.content.is_empty()) {
        let s = &text[line.content.clone()];
        // Most lines hold no character a placeholder starts with or follows.
        if !any_may_matter(s) {
            continue;
        }
        let base = line.content.start;
        let chars: Vec<(usize, char)> = crate::chars::indices(s).collect();
        let mut i = 0;
        while i < chars.len() {
            let (at, ch) = chars[i];
            let run_of = |pred: fn(char) -> bool| {
                let mut j = i;
                while j < chars.len() && pred(chars[j].1) {
                    j += 1;
                }
                j
            };
            let end_at = |j: usize| chars.get(j).map_or(s.len(), |p| p.0);
            // Looked at only where a placeholder may start, so that a line of blanks is
            // not walked back over from every character.
            let before = || s[..at].trim_end_matches(is_blank);
            let after_comparator = || c.ends_with_comparator(before()).is_some();
            if matches!(ch, '_' | '＿') {
                let j = run_of(|c| matches!(c, '_' | '＿'));
                if j - i >= 2 {
                    let end = end_at(j);
                    let unit = c.unit_at(&s[end..]).map_or(0, str::len);
                    out.push(base + start_of(before(), true, c, at)..base + end + unit);
                }
                i = j;
                continue;
            }
            if is_cross(ch) {
                let j = run_of(is_cross);
                let end = end_at(j);
                let rest = &s[end..];
                let unit = c.unit_at(rest).map(str::len);
                let word_before = at > 0
                    && s[..at]
                        .chars()
                        .last()
                        .is_some_and(|p| p.is_ascii_alphanumeric());
                let word_after = rest
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_alphanumeric());
                // ×× anywhere (县××局); X or x only where a number belongs.
                let doubled_cross = chars[i..j].iter().filter(|p| p.1 == '×').count() >= 2;
                if !word_before
                    && !word_after
                    && (doubled_cross
                        || (unit.is_some()
                            && (j - i >= 2 || rest.starts_with(PERCENT) || after_comparator())))
                {
                    out.push(
                        base + start_of(before(), true, c, at)..base + end + unit.unwrap_or(0),
                    );
                }
                i = j;
                continue;
            }
            // 达到 % / 不低于  个。: a comparator, blanks or nothing, then a unit (not a
            // number's: 98% is looked at no further).
            if i > 0
                && (PERCENT.contains(&ch) || is_blank(chars[i - 1].1))
                && !before().ends_with(is_digit)
            {
                if let Some(u) = c.unit_at(&s[at..]).filter(|_| after_comparator()) {
                    let next = s[at + u.len()..].chars().next();
                    let closes = next.is_none_or(|n| !n.is_alphanumeric() || PERCENT.contains(&n));
                    if PERCENT.contains(&ch) || closes {
                        out.push(base + start_of(before(), true, c, at)..base + at + u.len());
                        i += u.chars().count();
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
    out
}

/// A character a placeholder starts with or follows. CJK text (U+3001–U+FEFE) holds
/// none, and says so with one comparison.
fn may_matter(ch: char) -> bool {
    !('\u{3001}'..'\u{feff}').contains(&ch)
        && (matches!(ch, '_' | '＿') || is_cross(ch) || PERCENT.contains(&ch) || is_blank(ch))
}

/// Whether a line holds a character that [`may_matter`]. Characters led by the bytes
/// E4–EE (U+4000–U+EFFF, CJK) are stepped over undecoded.
fn any_may_matter(s: &str) -> bool {
    crate::chars::outside_cjk(s).any(|c| c.is_some_and(may_matter))
}

/// Where a placeholder's quotation starts: at the comparator before it, if any.
fn start_of(before: &str, after_comparator: bool, c: &Compiled, at: usize) -> usize {
    match c.ends_with_comparator(before).filter(|_| after_comparator) {
        Some(len) => before.len() - len,
        None => at,
    }
}

/// Document numbers: `国市监质发〔2024〕97号` (also with [], ［］ or 【】), each with the
/// 《title》 just before it, if any.
// Long: one scanner over the text; each number's parts (issuer, year, serial, title)
// are read from where the part before ended.
pub fn citations(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    let open = ['〔', '[', '［', '【'];
    let close = ['〕', ']', '］', '】'];
    // A number's year follows its bracket: each run of ASCII digits (a byte search, where
    // a Chinese text has few) is looked at, and the bracket before it.
    let bytes = text.as_bytes();
    let (mut from, mut done) = (0, 0);
    while let Some(k) = bytes
        .get(from..)
        .and_then(|b| b.iter().position(u8::is_ascii_digit))
    {
        let digits = from + k;
        from = digits
            + bytes[digits..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let Some(bracket) = text[..digits]
            .chars()
            .next_back()
            .filter(|c| open.contains(c))
        else {
            continue;
        };
        let at = digits - bracket.len_utf8();
        // Not inside the citation found last.
        if at < done {
            continue;
        }
        let after = &text[at + bracket.len_utf8()..];
        let year_len = after.chars().take_while(|c| c.is_ascii_digit()).count();
        if year_len != 4 {
            continue;
        }
        let rest = &after[4..];
        let Some(close_char) = rest.chars().next().filter(|c| close.contains(c)) else {
            continue;
        };
        let rest = &rest[close_char.len_utf8()..];
        let serial_len = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if serial_len == 0 || !rest[serial_len..].starts_with('号') {
            continue;
        }
        // The issuer's code: the CJK characters just before the bracket.
        let head = &text[..at];
        let code_len: usize = head
            .chars()
            .rev()
            .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .take(8)
            .map(char::len_utf8)
            .sum();
        // Words that join a citation to the sentence are not part of the code.
        let mut code = &head[at - code_len..];
        while code.chars().count() > 2 {
            match code.chars().next() {
                Some(first) if "和及与并或见按照根据依据".contains(first) => {
                    code = &code[first.len_utf8()..];
                }
                _ => break,
            }
        }
        if code.is_empty() {
            continue;
        }
        let start = at - code.len();
        let end =
            at + bracket.len_utf8() + 4 + close_char.len_utf8() + serial_len + '号'.len_utf8();
        let number = format!(
            "{}〔{}〕{}号",
            &text[start..at],
            &after[..4],
            &rest[..serial_len]
        );
        // 《title》（number） or 《title》number.
        let lead = text[..start].trim_end_matches(['（', '(', ' ', '\u{3000}']);
        let title = lead.strip_suffix('》').and_then(|t| {
            t.rfind('《')
                .map(|o| crate::chars::plain(&t[o + '《'.len_utf8()..]))
        });
        out.push(Citation {
            span: start..end,
            number,
            title,
        });
        done = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_ruled_out_by_its_bytes_as_by_its_characters() {
        let pieces = [
            "质量", "_", "＿", "×", "X", "ｘ", "Ｘ", "%", "％", "‰", " ", "\u{3000}", "\t", "。",
            "ａ", "〇", "\u{feff}", "𠮷", "é", "12",
        ];
        for a in pieces {
            for b in pieces {
                let s = format!("达到{a}{b}个");
                assert_eq!(any_may_matter(&s), s.chars().any(may_matter), "{s:?}");
            }
        }
    }

    #[test]
    fn citations_with_their_titles() {
        let text = "根据《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕97号）和国市监质发[2024]6号，结合实际。";
        let found = citations(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].number, "国市监质发〔2024〕97号");
        assert_eq!(
            found[0].title.as_deref(),
            Some("质量强县（区、镇）培育建设工作方案")
        );
        assert_eq!(found[1].number, "国市监质发〔2024〕6号");
        assert_eq!(found[1].title, None);
        assert_eq!(&text[found[0].span.clone()], "国市监质发〔2024〕97号");
    }
}
