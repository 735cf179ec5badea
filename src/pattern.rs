//! The template's phrase patterns, searched only where a match can begin.
//!
//! A pattern's possible first characters are read off its text when it starts with a
//! mandatory literal, a group of literal alternatives or a top-level alternation of such
//! (`(?:到|至|截至)[ \t]*(20[0-9]{2})年`, `年内|年底前`). The search then tries the pattern
//! only at those characters (at every character when they cannot be read), each attempt
//! within a window of [`WINDOW`] bytes: the leftmost-first, non-overlapping matches a
//! regular-expression search gives, at a fraction of the cost. The matcher is the
//! project's own ([`crate::matcher`]).

use std::ops::Range;

use crate::matcher::Matcher;

/// The longest text one match of a vocabulary pattern may cover, in bytes (about 170
/// Chinese characters; deadline and not-quantified phrases are a few dozen).
pub const WINDOW: usize = 512;

#[derive(Clone, Debug)]
pub struct Pattern {
    matcher: Matcher,
    firsts: Option<FirstChars>,
}

/// A pattern's possible first characters, with a bit mask that rules out most other
/// characters before the list is looked at.
#[derive(Clone, Debug)]
struct FirstChars {
    mask: u64,
    chars: Vec<char>,
}

impl FirstChars {
    fn new(chars: Vec<char>) -> FirstChars {
        let mask = chars.iter().fold(0, |m, &c| m | FirstChars::bit(c));
        FirstChars { mask, chars }
    }

    // 64 bits: a wider mask costs a library call per shift in wasm32.
    fn bit(c: char) -> u64 {
        1 << (u32::from(c) & 63)
    }

    fn contains(&self, c: char) -> bool {
        self.mask & FirstChars::bit(c) != 0 && self.chars.contains(&c)
    }
}

/// A match: the whole of it and, when the pattern has one, its first group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub whole: Range<usize>,
    pub group: Option<Range<usize>>,
}

impl Pattern {
    /// The one place a pattern is compiled; an error says what in it is not supported.
    pub fn new(pattern: &str) -> Result<Pattern, String> {
        Ok(Pattern {
            matcher: Matcher::new(pattern)?,
            firsts: first_chars(pattern).map(FirstChars::new),
        })
    }

    /// Every non-empty match in `s`, in order, leftmost-first and non-overlapping (a match
    /// is at most [`WINDOW`] bytes long).
    pub fn matches(&self, s: &str) -> Vec<Match> {
        self.matches_with(s, &mut Scratch::default())
    }

    /// [`Pattern::matches`], with scratch space kept between searches.
    pub fn matches_with(&self, s: &str, scratch: &mut Scratch) -> Vec<Match> {
        match &self.firsts {
            Some(firsts) => {
                let starts = s.char_indices().filter(|&(_, c)| firsts.contains(c));
                self.matches_from(s, starts.map(|(i, _)| i), scratch)
            }
            None => self.matches_from(s, s.char_indices().map(|(i, _)| i), scratch),
        }
    }

    /// [`Pattern::matches`], tried only at `starts` (increasing): the places where a match
    /// may begin.
    fn matches_from(
        &self,
        s: &str,
        starts: impl Iterator<Item = usize>,
        scratch: &mut Scratch,
    ) -> Vec<Match> {
        let mut out = Vec::new();
        let mut at = 0;
        for start in starts {
            if start < at {
                continue;
            }
            // A phrase is short: each attempt reads a window, not the rest of the line, so
            // that a pattern such as `年.*前` stays linear on a line of 年.
            let mut end = start.saturating_add(WINDOW).min(s.len());
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            let found =
                self.matcher
                    .match_at(s, start, end, &mut scratch.seen, &mut scratch.generation);
            if let Some((whole, group)) = found {
                if !whole.is_empty() {
                    at = whole.end;
                    out.push(Match { whole, group });
                }
            }
        }
        out
    }
}

/// Scratch space for searches, kept between them: the matcher's memory of where it has
/// been, which costs a clearing of its whole size each time it is made afresh.
#[derive(Debug, Default)]
pub struct Scratch {
    seen: Vec<u32>,
    generation: u32,
}

/// A list of patterns searched together: one pass over a text finds where any of them may
/// begin, and each is tried only there.
#[derive(Clone, Debug)]
pub struct Phrases {
    patterns: Vec<Pattern>,
    /// Each possible first character, with the patterns (by bit) that may begin with it.
    firsts: Vec<(char, u64)>,
    mask: u64,
}

impl Phrases {
    pub fn new(patterns: Vec<Pattern>) -> Phrases {
        let mut firsts: Vec<(char, u64)> = Vec::new();
        for (k, p) in patterns.iter().enumerate().take(64) {
            for &c in p.firsts.as_ref().map_or(&[][..], |f| f.chars.as_slice()) {
                match firsts.iter_mut().find(|(d, _)| *d == c) {
                    Some((_, bits)) => *bits |= 1 << k,
                    None => firsts.push((c, 1 << k)),
                }
            }
        }
        let mask = firsts.iter().fold(0, |m, &(c, _)| m | FirstChars::bit(c));
        Phrases {
            patterns,
            firsts,
            mask,
        }
    }

    /// Each pattern's matches in `s` (as [`Pattern::matches`] gives them), in the list's
    /// order; `scratch` is kept between searches.
    pub fn matches(&self, s: &str, scratch: &mut Scratch) -> Vec<Vec<Match>> {
        // Where any pattern may begin, and which.
        let mut starts: Vec<(usize, u64)> = Vec::new();
        for (i, c) in crate::chars::indices(s) {
            if self.mask & FirstChars::bit(c) == 0 {
                continue;
            }
            if let Some(&(_, bits)) = self.firsts.iter().find(|(d, _)| *d == c) {
                starts.push((i, bits));
            }
        }
        self.patterns
            .iter()
            .enumerate()
            .map(|(k, p)| {
                if k < 64 && p.firsts.is_some() {
                    p.matches_from(
                        s,
                        starts
                            .iter()
                            .filter(|(_, bits)| bits & (1 << k) != 0)
                            .map(|&(i, _)| i),
                        scratch,
                    )
                } else {
                    p.matches_with(s, scratch)
                }
            })
            .collect()
    }
}

/// The characters a match must begin with, when the pattern makes that plain.
fn first_chars(pattern: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    for branch in split_top(&chars)? {
        out.extend(first_of(branch)?);
    }
    let mut pairs: Vec<(usize, usize)> = out.iter().map(|&c| (c as usize, 0)).collect();
    crate::order::sort_pairs(&mut pairs);
    pairs.dedup();
    let out: Vec<char> = pairs
        .iter()
        .filter_map(|&(c, _)| char::from_u32(c as u32))
        .collect();
    (!out.is_empty()).then_some(out)
}

/// Splits on `|` outside groups and classes; `None` when brackets do not balance.
fn split_top(chars: &[char]) -> Option<Vec<&[char]>> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => i = class_end(chars, i)?,
            '(' => depth += 1,
            ')' => depth = depth.checked_sub(1)?,
            '|' if depth == 0 => {
                parts.push(&chars[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then(|| {
        parts.push(&chars[start..]);
        parts
    })
}

/// The first characters of one branch: its first atom must be a literal or a group of
/// branches that all have first characters, and must not be optional.
fn first_of(branch: &[char]) -> Option<Vec<char>> {
    let (firsts, len) = match *branch.first()? {
        '(' => {
            let close = matching_paren(branch)?;
            let mut inner = &branch[1..close];
            if inner.first() == Some(&'?') {
                // Only non-capturing `(?:`; flags and names change too much to reason about.
                inner = inner.strip_prefix(&['?', ':'])?;
            }
            let mut out = Vec::new();
            for b in split_top(inner)? {
                out.extend(first_of(b)?);
            }
            (out, close + 1)
        }
        '\\' => {
            let c = *branch.get(1)?;
            if c.is_ascii_alphanumeric() {
                return None;
            }
            (vec![c], 2)
        }
        '[' | '.' | ')' | '|' | '*' | '+' | '?' | '{' => return None,
        c => (vec![c], 1),
    };
    match branch.get(len) {
        Some('?') | Some('*') => None,
        Some('{') if branch.get(len + 1) == Some(&'0') => None,
        _ => Some(firsts),
    }
}

/// Where the character class opening at `open` ends (its `]`): a `]` right after `[` or
/// `[^` is literal and escapes are skipped; `None` for a nested class or no end. The one
/// reading of a class that every scan of a pattern uses.
fn class_end(chars: &[char], open: usize) -> Option<usize> {
    let mut i = open + 1;
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1;
    }
    while i < chars.len() {
        match chars[i] {
            ']' => return Some(i),
            '\\' => i += 1,
            '[' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

fn matching_paren(chars: &[char]) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => i = class_end(chars, i)?,
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn firsts(p: &str) -> Option<String> {
        first_chars(p).map(|v| v.into_iter().collect())
    }

    #[test]
    fn classes_end_at_their_bracket() {
        let end = |p: &str| class_end(&p.chars().collect::<Vec<_>>(), 0);
        assert_eq!(end("[ab]c"), Some(3));
        assert_eq!(end("[]a]"), Some(3));
        assert_eq!(end("[^]]"), Some(3));
        assert_eq!(end("[a\\]b]c"), Some(5));
        assert_eq!(end("[[:alpha:]]"), None);
        assert_eq!(end("[abc"), None);
    }

    #[test]
    fn reads_first_characters_when_plain() {
        assert_eq!(firsts("年内|年底前|年末前|当年").as_deref(), Some("年当"));
        assert_eq!(
            firsts("(?:到|至|截至)[ \\t]*(20[0-9]{2})年").as_deref(),
            Some("到截至")
        );
        assert_eq!(
            firsts("(20[0-9]{2})[ \\t]*年(?:底|末)").as_deref(),
            Some("2")
        );
        assert_eq!(firsts("完成(?:上级)?下达").as_deref(), Some("完"));
        assert_eq!(firsts("\\(注\\)").as_deref(), Some("("));
        for opaque in [
            "[0-9]+年",
            ".*年",
            "(?:到)?2027",
            "a*b",
            "a{0,2}b",
            "(?i)abc",
            "\\d年",
            "(a|[b)",
        ] {
            assert_eq!(firsts(opaque), None, "{opaque}");
        }
    }

    #[test]
    fn finds_what_a_regular_expression_search_finds() {
        let patterns = [
            "(?:到|至|截至|截止到|截止|力争到|力争在|于|在)[ \\t]*(20[0-9]{2})[ \\t]*年(?:[0-9]{1,2}月)?(?:底|末)?(?:前|以前)?",
            "(20[0-9]{2})[ \\t]*年(?:[0-9]{1,2}月)?(?:底|末)?(?:前|以前)",
            "年内|年底前|年末前|当年",
            "位居[^，。；,;]{0,10}前列",
            "完成(?:上级|省级)?(?:下达|下发)的?(?:任务目标|目标任务|任务)",
            "[0-9]+(?:\\.[0-9]+)?%",
            "年.*?前",
            "(年)+",
        ];
        let texts = [
            "到2027年底前，力争在2026年建成；于 2025 年6月前完成，年内见效，当年当年。",
            "2027年前后、2027年底以前、截至2024年、截止到 2030年末",
            "位居全省前列，位居全国同类县（市、区）前列，位居前列。到到2027年",
            "完成上级下达任务，完成下发的目标任务；合格率98.5%，提高到100%。",
            "",
            "年",
            "2",
        ];
        for p in patterns {
            let ours = Pattern::new(p).unwrap(); // ok: test
            let reference = regex::Regex::new(p).unwrap(); // ok: test
            for t in texts {
                let expected: Vec<Match> = reference
                    .captures_iter(t)
                    .filter(|c| !c.get(0).unwrap().is_empty()) // ok: test
                    .map(|c| Match {
                        whole: c.get(0).unwrap().range(), // ok: test
                        group: c.get(1).map(|g| g.range()),
                    })
                    .collect();
                assert_eq!(ours.matches(t), expected, "{p} on {t}");
            }
        }
    }
}

#[cfg(test)]
mod builtin {
    use super::*;
    use crate::template::Vocabulary;

    #[test]
    fn every_builtin_pattern_is_searched_only_where_it_can_begin() {
        let v = Vocabulary::builtin();
        for p in v.deadlines.iter().chain(&v.not_quantified) {
            assert!(
                Pattern::new(p).unwrap().firsts.is_some(), // ok: test
                "no first characters for {p}"
            );
        }
    }
}
