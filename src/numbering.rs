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
    let scan = Scan {
        s,
        chars: crate::chars::indices(s).take(12).collect(),
    };
    if first == '第' {
        scan.part()
    } else if is_cn_numeral(first) {
        scan.numeral()
    } else if is_open(first) {
        scan.bracketed()
    } else if is_digit(first) {
        scan.arabic()
    } else {
        let n = (first as u32 - '①' as u32 + 1).to_string();
        Some((5, n, scan.end_at(1)))
    }
}

/// The first characters of a line, looked at for its marker.
struct Scan<'s> {
    s: &'s str,
    chars: Vec<(usize, char)>,
}

impl Scan<'_> {
    fn char(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|p| p.1)
    }

    /// The first index at or after `i` whose character is not `is`.
    fn run(&self, mut i: usize, is: impl Fn(char) -> bool) -> usize {
        while self.char(i).is_some_and(&is) {
            i += 1;
        }
        i
    }

    fn skip_blanks(&self, i: usize) -> usize {
        self.run(i, is_blank)
    }

    /// The byte offset of character `i` (the end of what was looked at past it).
    fn end_at(&self, i: usize) -> usize {
        self.chars.get(i).map(|&(b, _)| b).unwrap_or(self.s.len())
    }

    fn text(&self, from: usize, to: usize, each: impl Fn(char) -> char) -> String {
        self.chars[from..to].iter().map(|&(_, c)| each(c)).collect()
    }

    /// 第一部分 / 第二章: a part.
    fn part(&self) -> Option<(u8, String, usize)> {
        let i = self.run(1, is_cn_numeral);
        if i == 1 || i > 4 {
            return None;
        }
        let rest = &self.s[self.end_at(i)..];
        let word = ["部分", "章"].iter().find(|w| rest.starts_with(*w))?;
        let mut j = self.skip_blanks(i + word.chars().count());
        if matches!(self.char(j), Some('、' | '：' | ':' | '．' | '.')) {
            j = self.skip_blanks(j + 1);
        }
        Some((1, self.text(1, i, |c| c), self.end_at(j)))
    }

    /// 一、 / 十二 、: a top-level heading.
    fn numeral(&self) -> Option<(u8, String, usize)> {
        let i = self.run(0, is_cn_numeral);
        if i > 3 {
            return None;
        }
        let j = self.skip_blanks(i);
        matches!(self.char(j), Some('、' | '．' | '.' | '，'))
            .then(|| (1, self.text(0, i, |c| c), self.end_at(j + 1)))
    }

    /// （一） at level 2, （1） at level 4.
    fn bracketed(&self) -> Option<(u8, String, usize)> {
        let i = self.skip_blanks(1);
        let cn = self.char(i).is_some_and(is_cn_numeral);
        let j = if cn {
            self.run(i, is_cn_numeral)
        } else {
            self.run(i, is_digit)
        };
        if j == i || j - i > 3 {
            return None;
        }
        let k = self.skip_blanks(j);
        if !self.char(k).is_some_and(is_close) {
            return None;
        }
        let mut end = k + 1;
        // "（一）、" and "（1）." carry a stray separator.
        if matches!(self.char(end), Some('、' | '.' | '．')) {
            end += 1;
        }
        let level = if cn { 2 } else { 4 };
        Some((
            level,
            format!("（{}）", self.text(i, j, |c| c)),
            self.end_at(end),
        ))
    }

    /// 1. / 12． / 3、 at level 3; "1.35亿" or "5.10" is a number, not a heading.
    fn arabic(&self) -> Option<(u8, String, usize)> {
        let i = self.run(0, is_digit);
        if i > 2 {
            return None;
        }
        let j = self.skip_blanks(i);
        if !matches!(self.char(j), Some('.' | '．' | '、'))
            || self.char(j + 1).is_some_and(is_digit)
        {
            return None;
        }
        Some((3, self.text(0, i, ascii_digit), self.end_at(j + 1)))
    }
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
