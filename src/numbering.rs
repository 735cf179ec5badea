//! Numbering markers: 一、 （一） 1. （1） ① 第一部分 — what a heading starts with.

use crate::chars::{is_blank, is_close, is_cn_numeral, is_open};
use crate::facts::numbers::{ascii_digit, is_digit};

/// The heading's text: up to the first full stop outside brackets.
pub fn title_end(s: &str) -> usize {
    let mut depth = 0i32;
    for (i, c) in crate::chars::indices(s) {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = (depth - 1).max(0);
        } else if depth == 0 && matches!(c, '。' | '；' | ';' | '！' | '？') {
            return i;
        }
    }
    s.trim_end_matches(is_blank).len()
}

/// Whether `s` starts with a numbering marker of any level.
pub fn starts_with_marker(s: &str) -> bool {
    marker(s).is_some()
}

/// Recognises a numbering marker at the start of `s`: (level, number, byte length).
pub fn marker(s: &str) -> Option<(u8, String, usize)> {
    // A marker begins with 第, a numeral, a bracket or a circled number: most lines are
    // ruled out by their first character.
    let first = s.chars().next()?;
    if !(first == '第'
        || is_cn_numeral(first)
        || is_open(first)
        || is_digit(first)
        || ('①'..='⑳').contains(&first))
    {
        return None;
    }
    let chars: Vec<(usize, char)> = crate::chars::indices(s).take(12).collect();
    let skip_blanks = |mut i: usize| {
        while i < chars.len() && is_blank(chars[i].1) {
            i += 1;
        }
        i
    };
    let end_at = |i: usize| chars.get(i).map(|&(b, _)| b).unwrap_or(s.len());

    if first == '第' {
        // 第一部分 / 第二章: a part.
        let mut i = 1;
        while i < chars.len() && is_cn_numeral(chars[i].1) {
            i += 1;
        }
        if i == 1 || i > 4 {
            return None;
        }
        let number: String = chars[1..i].iter().map(|&(_, c)| c).collect();
        let rest = &s[end_at(i)..];
        let word = ["部分", "章"].iter().find(|w| rest.starts_with(*w))?;
        let mut j = i + word.chars().count();
        j = skip_blanks(j);
        if matches!(
            chars.get(j).map(|p| p.1),
            Some('、' | '：' | ':' | '．' | '.')
        ) {
            j = skip_blanks(j + 1);
        }
        return Some((1, number, end_at(j)));
    }

    let skip_blanks = |mut i: usize| {
        while i < chars.len() && is_blank(chars[i].1) {
            i += 1;
        }
        i
    };
    let end_at = |i: usize| chars.get(i).map(|&(b, _)| b).unwrap_or(s.len());

    if is_cn_numeral(first) {
        let mut i = 0;
        while i < chars.len() && is_cn_numeral(chars[i].1) {
            i += 1;
        }
        if i > 3 {
            return None;
        }
        let number: String = chars[..i].iter().map(|&(_, c)| c).collect();
        let j = skip_blanks(i);
        if matches!(chars.get(j).map(|p| p.1), Some('、' | '．' | '.' | '，')) {
            return Some((1, number, end_at(j + 1)));
        }
        return None;
    }
    if is_open(first) {
        let i = skip_blanks(1);
        let mut j = i;
        let cn = chars.get(i).map(|p| is_cn_numeral(p.1)).unwrap_or(false);
        while j < chars.len()
            && (if cn {
                is_cn_numeral(chars[j].1)
            } else {
                is_digit(chars[j].1)
            })
        {
            j += 1;
        }
        if j == i || j - i > 3 {
            return None;
        }
        let digits: String = chars[i..j].iter().map(|&(_, c)| c).collect();
        let k = skip_blanks(j);
        if !chars.get(k).map(|p| is_close(p.1)).unwrap_or(false) {
            return None;
        }
        let mut end = k + 1;
        // "（一）、" and "（1）." carry a stray separator.
        if matches!(chars.get(end).map(|p| p.1), Some('、' | '.' | '．')) {
            end += 1;
        }
        let level = if cn { 2 } else { 4 };
        return Some((level, format!("（{}）", digits), end_at(end)));
    }
    if is_digit(first) {
        let mut i = 0;
        while i < chars.len() && is_digit(chars[i].1) {
            i += 1;
        }
        if i > 2 {
            return None;
        }
        let number: String = chars[..i].iter().map(|&(_, c)| ascii_digit(c)).collect();
        let j = skip_blanks(i);
        let sep = chars.get(j).map(|p| p.1);
        if matches!(sep, Some('.' | '．' | '、')) {
            // "1.35亿" or "5.10" is a number, not a heading.
            if chars.get(j + 1).map(|p| is_digit(p.1)).unwrap_or(false) {
                return None;
            }
            return Some((3, number, end_at(j + 1)));
        }
        return None;
    }
    if ('①'..='⑳').contains(&first) {
        let n = (first as u32 - '①' as u32 + 1).to_string();
        return Some((5, n, end_at(1)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(s: &str) -> Option<(u8, String)> {
        marker(s).map(|(l, n, _)| (l, n))
    }

    #[test]
    fn recognises_heading_styles() {
        assert_eq!(level("一、总体要求"), Some((1, "一".into())));
        assert_eq!(level("十二 、其他"), Some((1, "十二".into())));
        assert_eq!(level("（一）提高"), Some((2, "（一）".into())));
        assert_eq!(level("( 三 )提高"), Some((2, "（三）".into())));
        assert_eq!(level("1.支持"), Some((3, "1".into())));
        assert_eq!(level("12．支持"), Some((3, "12".into())));
        assert_eq!(level("3、支持"), Some((3, "3".into())));
        assert_eq!(level("（1）支持"), Some((4, "（1）".into())));
        assert_eq!(level("(2)支持"), Some((4, "（2）".into())));
        assert_eq!(level("②支持"), Some((5, "2".into())));
        assert_eq!(level("第一部分　总体要求"), Some((1, "一".into())));
        assert_eq!(level("第十二部分：附则"), Some((1, "十二".into())));
        assert_eq!(level("第三章 重点任务"), Some((1, "三".into())));
    }

    #[test]
    fn numbers_are_not_headings() {
        assert_eq!(level("1.35亿美元"), None);
        assert_eq!(level("2027年"), None);
        assert_eq!(level("5.10"), None);
        assert_eq!(level("一是加强"), None);
        assert_eq!(level("（2025年1月）"), None);
        assert_eq!(level("第一阶段"), None);
        assert_eq!(level("第三方机构"), None);
    }
}
