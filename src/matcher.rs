//! The template's phrase patterns, matched by a small backtracking matcher of our own: the
//! regular-expression syntax vocabulary phrases use, compiled to a few instructions and
//! tried at one position of the text, within a window. A general regular-expression
//! library is most of a WebAssembly module's size; this is a few kilobytes.
//!
//! Syntax: literals; `.`; classes `[…]` with ranges, negation and `\d \s \w`; escapes
//! `\t \n \r \d \s \w` and of any punctuation; groups `(…)` (the first one captured) and
//! `(?:…)`; alternation `|`; quantifiers `? * + {n} {n,} {n,m}`, each lazy with a further
//! `?`. Anchors, word boundaries, flags and other group kinds are refused with a message,
//! as a template error naming the field. `\d`, `\s` and `\w` are ASCII, as in regex-lite.

use std::ops::Range;

/// One step of a compiled pattern.
#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    Any,
    Class(usize),
    /// Try the first, then the second.
    Split(usize, usize),
    Jmp(usize),
    /// Record the position in a capture slot (0, 1: the first group's start and end).
    Save(usize),
    Match,
}

#[derive(Clone, Debug)]
struct Class {
    ranges: Vec<(char, char)>,
    negated: bool,
}

impl Class {
    fn contains(&self, c: char) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= c && c <= b) != self.negated
    }
}

#[derive(Clone, Debug)]
enum Node {
    Char(char),
    Any,
    Class(Class),
    /// Alternatives of sequences; `capture` for the first group.
    Group {
        capture: bool,
        alternatives: Vec<Vec<Node>>,
    },
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

/// The most instructions a pattern compiles to (bounded repeats are written out).
const MAX_PROGRAM: usize = 20_000;

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Matcher {
    program: Vec<Inst>,
    classes: Vec<Class>,
}

struct Parser<'p> {
    chars: Vec<char>,
    at: usize,
    groups: usize,
    pattern: &'p str,
}

fn ascii_class(c: char) -> Option<Vec<(char, char)>> {
    Some(match c {
        'd' => vec![('0', '9')],
        's' => vec![(' ', ' '), ('\t', '\r')],
        'w' => vec![('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        _ => return None,
    })
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at character {} of {:?}", self.at + 1, self.pattern)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn alternatives(&mut self) -> Result<Vec<Vec<Node>>, String> {
        let mut out = vec![self.sequence()?];
        while self.peek() == Some('|') {
            self.at += 1;
            out.push(self.sequence()?);
        }
        Ok(out)
    }

    fn sequence(&mut self) -> Result<Vec<Node>, String> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            out.push(self.quantified(atom)?);
        }
        Ok(out)
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let digits: String = self.chars[start..self.at].iter().collect();
        digits.parse().ok()
    }

    fn quantified(&mut self, node: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let open = self.at;
                self.at += 1;
                let Some(min) = self.number() else {
                    self.at = open;
                    return Err(self.error("a repetition `{` without a number"));
                };
                let max = if self.peek() == Some(',') {
                    self.at += 1;
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(
                            self.number()
                                .ok_or_else(|| self.error("a repetition's bound"))?,
                        )
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') {
                    return Err(self.error("a repetition without its `}`"));
                }
                if max.is_some_and(|m| m < min) {
                    return Err(self.error("a repetition whose bounds are reversed"));
                }
                (min, max)
            }
            _ => return Ok(node),
        };
        self.at += 1;
        let greedy = if self.peek() == Some('?') {
            self.at += 1;
            false
        } else {
            true
        };
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return Err(self.error("a repetition of a repetition"));
        }
        Ok(Node::Repeat {
            node: Box::new(node),
            min,
            max,
            greedy,
        })
    }

    fn escaped(&mut self) -> Result<Node, String> {
        let c = self.peek().ok_or_else(|| self.error("a `\\` at the end"))?;
        self.at += 1;
        Ok(match c {
            't' => Node::Char('\t'),
            'n' => Node::Char('\n'),
            'r' => Node::Char('\r'),
            c if ascii_class(c).is_some() => Node::Class(Class {
                ranges: ascii_class(c).unwrap_or_default(),
                negated: false,
            }),
            c if ascii_class(c.to_ascii_lowercase()).is_some() => Node::Class(Class {
                ranges: ascii_class(c.to_ascii_lowercase()).unwrap_or_default(),
                negated: true,
            }),
            c if c.is_ascii_alphanumeric() => {
                self.at -= 1;
                return Err(self.error(&format!("`\\{c}`, which phrase patterns do not use")));
            }
            c => Node::Char(c),
        })
    }

    fn class(&mut self) -> Result<Node, String> {
        // After `[`.
        let mut class = Class {
            ranges: Vec::new(),
            negated: false,
        };
        if self.peek() == Some('^') {
            class.negated = true;
            self.at += 1;
        }
        let mut first = true;
        loop {
            let c = self
                .peek()
                .ok_or_else(|| self.error("a class without its `]`"))?;
            self.at += 1;
            let low = match c {
                ']' if !first => return Ok(Node::Class(class)),
                '[' => {
                    self.at -= 1;
                    return Err(self.error("a class inside a class"));
                }
                '\\' => {
                    let e = self.peek().ok_or_else(|| self.error("a `\\` at the end"))?;
                    self.at += 1;
                    if let Some(ranges) = ascii_class(e) {
                        class.ranges.extend(ranges);
                        first = false;
                        continue;
                    }
                    match e {
                        't' => '\t',
                        'n' => '\n',
                        'r' => '\r',
                        e if e.is_ascii_alphanumeric() => {
                            return Err(self.error(&format!("`\\{e}` in a class")))
                        }
                        e => e,
                    }
                }
                c => c,
            };
            first = false;
            let ranged =
                self.peek() == Some('-') && self.chars.get(self.at + 1).is_some_and(|&n| n != ']');
            if ranged {
                self.at += 1;
                let mut high = self
                    .peek()
                    .ok_or_else(|| self.error("a class without its `]`"))?;
                self.at += 1;
                if high == '\\' {
                    high = self.peek().ok_or_else(|| self.error("a `\\` at the end"))?;
                    self.at += 1;
                }
                if high < low {
                    return Err(self.error("a class range whose ends are reversed"));
                }
                class.ranges.push((low, high));
            } else {
                class.ranges.push((low, low));
            }
        }
    }

    fn atom(&mut self) -> Result<Node, String> {
        let c = self
            .peek()
            .ok_or_else(|| self.error("a pattern that ends early"))?;
        self.at += 1;
        match c {
            '.' => Ok(Node::Any),
            '[' => self.class(),
            '\\' => self.escaped(),
            '(' => {
                let capture = if self.peek() == Some('?') {
                    if self.chars.get(self.at + 1) != Some(&':') {
                        return Err(self.error("a group kind other than `(?:`, or a flag"));
                    }
                    self.at += 2;
                    false
                } else {
                    self.groups += 1;
                    self.groups == 1
                };
                let alternatives = self.alternatives()?;
                if self.peek() != Some(')') {
                    return Err(self.error("a group without its `)`"));
                }
                self.at += 1;
                Ok(Node::Group {
                    capture,
                    alternatives,
                })
            }
            '^' | '$' => {
                self.at -= 1;
                Err(self.error("an anchor, which phrase patterns do not use"))
            }
            ')' => {
                self.at -= 1;
                Err(self.error("a `)` without its `(`"))
            }
            '?' | '*' | '+' | '{' => {
                self.at -= 1;
                Err(self.error("a repetition of nothing"))
            }
            c => Ok(Node::Char(c)),
        }
    }
}

struct Compiler {
    program: Vec<Inst>,
    classes: Vec<Class>,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> Result<usize, String> {
        if self.program.len() >= MAX_PROGRAM {
            return Err("the pattern is too large once its repetitions are written out".into());
        }
        self.program.push(inst);
        Ok(self.program.len() - 1)
    }

    fn sequence(&mut self, nodes: &[Node]) -> Result<(), String> {
        for n in nodes {
            self.node(n)?;
        }
        Ok(())
    }

    fn alternatives(&mut self, alternatives: &[Vec<Node>]) -> Result<(), String> {
        let mut jumps = Vec::new();
        for (k, alt) in alternatives.iter().enumerate() {
            if k + 1 < alternatives.len() {
                let split = self.emit(Inst::Split(0, 0))?;
                self.sequence(alt)?;
                jumps.push(self.emit(Inst::Jmp(0))?);
                let next = self.program.len();
                self.program[split] = Inst::Split(split + 1, next);
            } else {
                self.sequence(alt)?;
            }
        }
        let end = self.program.len();
        for j in jumps {
            self.program[j] = Inst::Jmp(end);
        }
        Ok(())
    }

    fn node(&mut self, node: &Node) -> Result<(), String> {
        match node {
            Node::Char(c) => {
                self.emit(Inst::Char(*c))?;
            }
            Node::Any => {
                self.emit(Inst::Any)?;
            }
            Node::Class(class) => {
                self.classes.push(class.clone());
                self.emit(Inst::Class(self.classes.len() - 1))?;
            }
            Node::Group {
                capture,
                alternatives,
            } => {
                if *capture {
                    self.emit(Inst::Save(0))?;
                }
                self.alternatives(alternatives)?;
                if *capture {
                    self.emit(Inst::Save(1))?;
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                for _ in 0..*min {
                    self.node(node)?;
                }
                // The split at `at` tries the body (just after it) before leaving, or after.
                let split = |this: &mut Compiler, at: usize, out: usize| {
                    this.program[at] = if *greedy {
                        Inst::Split(at + 1, out)
                    } else {
                        Inst::Split(out, at + 1)
                    };
                };
                match max {
                    None => {
                        let at = self.emit(Inst::Split(0, 0))?;
                        self.node(node)?;
                        self.emit(Inst::Jmp(at))?;
                        let out = self.program.len();
                        split(self, at, out);
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(Inst::Split(0, 0))?);
                            self.node(node)?;
                        }
                        let out = self.program.len();
                        for at in splits {
                            split(self, at, out);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

impl Matcher {
    pub fn new(pattern: &str) -> Result<Matcher, String> {
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            at: 0,
            groups: 0,
            pattern,
        };
        let alternatives = parser.alternatives()?;
        if parser.at < parser.chars.len() {
            return Err(parser.error("a `)` without its `(`"));
        }
        let mut compiler = Compiler {
            program: Vec::new(),
            classes: Vec::new(),
        };
        compiler.alternatives(&alternatives)?;
        compiler.emit(Inst::Match)?;
        Ok(Matcher {
            program: compiler.program,
            classes: compiler.classes,
        })
    }

    /// The match that begins at byte `start` of `s` and ends by byte `end` (leftmost-first:
    /// alternatives in order, repetitions greedy unless lazy), with its first group: as byte
    /// ranges of `s`. `seen` is scratch space, kept between calls.
    pub fn match_at(
        &self,
        s: &str,
        start: usize,
        end: usize,
        seen: &mut Vec<u32>,
        generation: &mut u32,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let window = s.get(start..end)?;
        // The memory is laid out by position, then instruction: it grows only as far into
        // the window as an attempt reads (most fail in a character or two), so no attempt
        // clears more than it uses.
        let width = self.program.len();
        *generation = generation.wrapping_add(1);
        if *generation == 0 {
            seen.iter_mut().for_each(|v| *v = 0);
            *generation = 1;
        }
        let generation = *generation;
        // (instruction, position in the window) to explore, or a capture slot to restore.
        enum Frame {
            Explore(usize, usize),
            Restore(usize, Option<usize>),
        }
        let mut slots: [Option<usize>; 2] = [None, None];
        let mut stack = vec![Frame::Explore(0, 0)];
        while let Some(frame) = stack.pop() {
            let (mut pc, mut at) = match frame {
                Frame::Explore(pc, at) => (pc, at),
                Frame::Restore(slot, value) => {
                    slots[slot] = value;
                    continue;
                }
            };
            loop {
                // A state already explored from a preferred path cannot do better now.
                let cell = at * width + pc;
                if seen.len() <= cell {
                    seen.resize(cell + 1 + 16 * width, 0);
                }
                if seen[cell] == generation {
                    break;
                }
                seen[cell] = generation;
                let next = || window[at..].chars().next();
                match &self.program[pc] {
                    Inst::Match => {
                        let group = match slots {
                            [Some(a), Some(b)] => Some(start + a..start + b),
                            _ => None,
                        };
                        return Some((start..start + at, group));
                    }
                    Inst::Char(c) => match next() {
                        Some(n) if n == *c => {
                            at += n.len_utf8();
                            pc += 1;
                        }
                        _ => break,
                    },
                    Inst::Any => match next() {
                        Some(n) if n != '\n' => {
                            at += n.len_utf8();
                            pc += 1;
                        }
                        _ => break,
                    },
                    Inst::Class(k) => match next() {
                        Some(n) if self.classes[*k].contains(n) => {
                            at += n.len_utf8();
                            pc += 1;
                        }
                        _ => break,
                    },
                    Inst::Jmp(to) => pc = *to,
                    Inst::Split(first, second) => {
                        stack.push(Frame::Explore(*second, at));
                        pc = *first;
                    }
                    Inst::Save(slot) => {
                        stack.push(Frame::Restore(*slot, slots[*slot]));
                        slots[*slot] = Some(at);
                        pc += 1;
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(p: &str, s: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let m = Matcher::new(p).unwrap(); // ok: test
        let (mut seen, mut g) = (Vec::new(), 0);
        (0..=s.len())
            .filter(|&k| s.is_char_boundary(k))
            .find_map(|k| m.match_at(s, k, s.len(), &mut seen, &mut g))
    }

    #[test]
    fn matches_as_regular_expressions_do() {
        assert_eq!(find("a|ab", "xab").map(|m| m.0), Some(1..2));
        assert_eq!(find("ab|a", "xab").map(|m| m.0), Some(1..3));
        assert_eq!(find("a*?b", "aab").map(|m| m.0), Some(0..3));
        assert_eq!(find("(a+)b", "caab"), Some((1..4, Some(1..3))));
        assert_eq!(find("年[^，。]{0,3}前", "到年底前，"), Some((3..12, None)));
        assert_eq!(find("x{2,3}", "xxxx").map(|m| m.0), Some(0..3));
        assert_eq!(find("x{2,3}?", "xxxx").map(|m| m.0), Some(0..2));
        assert_eq!(find("[0-9]{2}年", "到27年"), Some((3..8, None)));
        assert_eq!(find("\\d\\.\\d", "2.5"), Some((0..3, None)));
        assert_eq!(find("(?:a|b)+c", "zabbac").map(|m| m.0), Some(1..6));
        assert_eq!(find("a.c", "a\nc"), None);
        assert_eq!(find("[]a]", "]").map(|m| m.0), Some(0..1));
    }

    #[test]
    fn refuses_what_phrase_patterns_do_not_use() {
        for bad in [
            "^到", "年$", "\\b年", "(?i)a", "(?P<x>a)", "a)", "(a", "[a", "*a", "a{2", "a{3,1}",
            "\\q", "a**",
        ] {
            assert!(Matcher::new(bad).is_err(), "{bad}");
        }
        assert!(Matcher::new(&format!("a{{0,{}}}", MAX_PROGRAM)).is_err());
    }
}
