//! The vocabulary's phrase patterns — deadlines (`到2027年`), targets without a number
//! (`完成上级下达任务`) — as regular expressions in the `regex` crate's syntax
//! (<https://docs.rs/regex/latest/regex/#syntax>), compiled once, each within bounds on
//! its size, so that a template's pattern costs linear time on any text. The module
//! carries no Unicode class tables: a pattern writes `[ \t\u{3000}]` for blanks and
//! `[0-9０-９]` for digits rather than `\s` and `\d`.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

/// The most patterns one list may hold.
pub const MAX_PATTERNS: usize = 64;
/// The longest pattern, in characters.
pub const MAX_PATTERN_CHARS: usize = 500;
/// The compiled size of one pattern, in bytes (the crate's `size_limit`): `(?:.?){9999}`
/// and `.{19999}` exceed it and are refused at once.
const SIZE_LIMIT: usize = 1 << 19;
/// The cache each pattern's lazy DFA may grow to, in bytes.
const DFA_SIZE_LIMIT: usize = 1 << 17;
/// How deep groups may nest.
const NEST_LIMIT: u32 = 32;

/// A match: the whole of it and, when the pattern has one, its first group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub whole: Range<usize>,
    pub group: Option<Range<usize>>,
}

/// Compiles one pattern within the bounds; the error is the crate's own.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    let chars = pattern.chars().count();
    if chars > MAX_PATTERN_CHARS {
        return Err(format!(
            "the pattern is {chars} characters long; at most {MAX_PATTERN_CHARS}"
        ));
    }
    RegexBuilder::new(pattern)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

/// A list of patterns, each searched in turn.
#[derive(Clone, Debug)]
pub struct Phrases {
    regexes: Vec<Regex>,
}

impl Phrases {
    pub fn new(regexes: Vec<Regex>) -> Phrases {
        Phrases { regexes }
    }

    /// Each pattern's non-empty matches in `s`, leftmost-first and non-overlapping, in the
    /// list's order (a match is at most [`MAX_MATCH`] bytes long).
    pub fn matches(&self, s: &str) -> Vec<Vec<Match>> {
        self.regexes.iter().map(|r| matches_of(r, s)).collect()
    }
}

/// The text one search reads, in bytes: each search is given at most this much, so that
/// the work of a line with many matches stays linear in its length.
const WINDOW: usize = 1024;
/// The longest match, in bytes (about 170 Chinese characters; a deadline or a target
/// without a number is a few dozen). Windows overlap by as much, so none is missed.
pub const MAX_MATCH: usize = WINDOW / 2;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A pattern's non-empty matches, leftmost-first, with its first group; each search reads
/// a window of the text from where the last ended.
fn matches_of(r: &Regex, s: &str) -> Vec<Match> {
    let groups = r.captures_len() > 1;
    let mut locations = r.capture_locations();
    let mut out = Vec::new();
    let mut at = 0;
    while at < s.len() {
        let end = floor_boundary(s, at + WINDOW);
        let window = &s[..end];
        let found = if groups {
            r.captures_read_at(&mut locations, window, at)
                .map(|m| (m.range(), locations.get(1).map(|(a, b)| a..b)))
        } else {
            r.find_at(window, at).map(|m| (m.range(), None))
        };
        match found {
            Some((whole, group)) if !whole.is_empty() => {
                at = whole.end;
                out.push(Match { whole, group });
            }
            // An empty match: go on from the next character.
            Some((whole, _)) => {
                at = s[whole.start..]
                    .chars()
                    .next()
                    .map_or(s.len(), |c| whole.start + c.len_utf8());
            }
            None if end == s.len() => break,
            // Nothing in this window: a match could start only in its last MAX_MATCH bytes.
            None => at = floor_boundary(s, end - MAX_MATCH).max(at + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(patterns: &[&str]) -> Phrases {
        Phrases::new(patterns.iter().map(|p| compile(p).unwrap()).collect()) // ok: test
    }

    #[test]
    fn deadlines_and_their_years_are_found_in_cjk_text() {
        let p = phrases(&["(?:到|至)[ \\t]*(20[0-9]{2})[ \\t]*年", "年内|年底前"]);
        let s = "到 2027年，全县达到98%；年底前完成。";
        let found = p.matches(s);
        assert_eq!(found[0].len(), 1);
        let m = &found[0][0];
        assert_eq!(&s[m.whole.clone()], "到 2027年");
        assert_eq!(m.group.clone().map(|g| &s[g]), Some("2027"));
        assert_eq!(
            found[1]
                .iter()
                .map(|m| &s[m.whole.clone()])
                .collect::<Vec<_>>(),
            ["年底前"]
        );
    }

    #[test]
    fn classes_written_out_find_cjk_blanks_and_full_width_digits() {
        let p = phrases(&["到[ \\t\u{3000}]*([0-9０-９]{4})年"]);
        for s in ["到\u{3000}2027年", "到２０２７年", "到 ２０２７年"] {
            let found = p.matches(s);
            assert_eq!(found[0].len(), 1, "{s}");
        }
        // Brackets full or half width, as a class says.
        let p = phrases(&["[（(]负责[）)]"]);
        assert_eq!(p.matches("（负责）(负责)")[0].len(), 2);
    }

    #[test]
    fn patterns_that_would_cost_too_much_are_refused_at_once() {
        for p in [
            "(?:.?){9999}X",
            ".{19999}",
            &"(".repeat(40),
            &"a".repeat(600),
        ] {
            let started = std::time::Instant::now();
            assert!(compile(p).is_err(), "{p}");
            assert!(started.elapsed().as_secs() < 2);
        }
        // An empty group repeated a great many times compiles to nothing.
        assert!(compile("年(?:){4294967295}").is_ok());
    }

    #[test]
    fn a_long_text_is_searched_in_windows_that_miss_nothing() {
        let p = phrases(&["(?:到|至)(20[0-9]{2})年", "年内"]);
        // Matches every few characters, and one right across each window's edge.
        let unit = "到2027年，年内完成。";
        let s = format!("{}{}", "质".repeat(340), unit.repeat(400));
        let want: Vec<Vec<Match>> = p
            .regexes
            .iter()
            .map(|r| {
                r.captures_iter(&s)
                    .map(|c| Match {
                        whole: c.get(0).unwrap().range(), // ok: test
                        group: c.get(1).map(|g| g.range()),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(p.matches(&s), want);
        assert_eq!(want[0].len(), 400);
    }

    #[test]
    fn an_empty_match_is_not_a_match() {
        let p = phrases(&["x*"]);
        assert!(p.matches("abc")[0].is_empty());
    }
}
