//! Targets: quantified commitments (`亩均税收达26万元/亩`, `不低于98%`, `1:12.5`) and
//! commitments without a number (`完成上级下达任务`), with the deadline that scopes them.

use crate::chars::is_blank;
use crate::compiled::Compiled;
use crate::document::{Deadline, Line, Mention, Span, Target};
use crate::facts::numbers::{ascii_digit, is_digit};
use crate::order::{merge_by_start, overlaps, range_in};
use crate::template::{PartKind, Template};

/// A stretch of text whose sentences may state targets.
pub struct Scope {
    pub span: Span,
    pub part: PartKind,
    pub task: Option<usize>,
}

pub struct Context<'a> {
    pub text: &'a str,
    pub lines: &'a [Line],
    pub mentions: &'a [Mention],
    /// Byte ranges not to read for targets: heading markers and tables.
    pub skip: &'a [Span],
    pub template: &'a Template,
    pub compiled: &'a Compiled,
}

impl Context<'_> {
    /// Whether an offset falls in a skipped range; `skip` is sorted and disjoint.
    fn skipped(&self, offset: usize) -> bool {
        let i = self.skip.partition_point(|s| s.end <= offset);
        self.skip.get(i).is_some_and(|s| s.start <= offset)
    }

    fn mentions_in(&self, span: &Span) -> &[Mention] {
        let r = range_in(self.mentions, |m| m.span.start, span);
        &self.mentions[r]
    }
}

const CLAUSE_DELIMITERS: [char; 8] = ['，', ',', '；', ';', '：', ':', '、', '\t'];

/// Deadlines stated in a piece of text.
pub fn deadlines(s: &str, base: usize, c: &Compiled) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = Vec::new();
    if !s.contains('年') {
        return out;
    }
    for matches in c.deadlines.matches(s) {
        // An earlier pattern's deadline wins over an overlapping one; `out` stays sorted
        // and each pattern's matches are merged in after it.
        let mut fresh: Vec<Deadline> = Vec::new();
        for m in matches {
            let span = base + m.whole.start..base + m.whole.end;
            if overlaps(&out, &span, |d| (d.span.start, d.span.end)) {
                continue;
            }
            let year = m.group.and_then(|y| crate::facts::years::year(&s[y]));
            fresh.push(Deadline { year, span });
        }
        out = merge_by_start(out, fresh, |d| d.span.start);
    }
    out
}

pub fn find(cx: &Context<'_>, scope: &Scope, out: &mut Vec<Target>) {
    let mut scope_year: Option<Deadline> = None;
    let mut chars = Vec::new();
    let in_scope = crate::order::range_in(cx.lines, |l| l.content.start, &scope.span);
    for line in cx.lines[in_scope]
        .iter()
        .filter(|l| !l.content.is_empty() && l.content.end <= scope.span.end)
    {
        // The skipped spans are sorted and disjoint: only the last one starting at or
        // before the line can hold it.
        let before = cx.skip.partition_point(|s| s.start <= line.content.start);
        if before > 0 && line.content.end <= cx.skip[before - 1].end {
            continue;
        }
        let mut paragraph_year: Option<Deadline> = None;
        for sentence in sentences(cx.text, line.content.clone()) {
            let s = &cx.text[sentence.clone()];
            let found = deadlines(s, sentence.start, cx.compiled);
            if scope.part == PartKind::Goals {
                if let Some(d) = found.iter().find(|d| d.year.is_some()) {
                    if scope_year.is_none() {
                        scope_year = Some(d.clone());
                    }
                }
            }
            let inherited = if scope.part == PartKind::Goals {
                paragraph_year.clone().or_else(|| scope_year.clone())
            } else {
                None
            };
            let before = out.len();
            quantified(
                cx,
                scope,
                &sentence,
                &found,
                inherited.as_ref(),
                out,
                &mut chars,
            );
            unquantified(cx, scope, &sentence, &found, before, out);
            if let Some(d) = found.iter().rev().find(|d| d.year.is_some()) {
                paragraph_year = Some(d.clone());
            }
        }
    }
}

/// Splits a line into sentences at full stops outside brackets.
fn sentences(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    // Read by bytes: the brackets and stops are ASCII or three bytes led by E3 or EF, and a
    // lead byte never continues a character, so a match at one is the character itself.
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (mark, len) = match (b[i], b.get(i + 1), b.get(i + 2)) {
            (b'(', ..) => (Mark::Open, 1),
            (b')', ..) => (Mark::Close, 1),
            (b'!' | b'?', ..) => (Mark::End, 1),
            // 。
            (0xE3, Some(0x80), Some(0x82)) => (Mark::End, 3),
            // （ ） ！ ？
            (0xEF, Some(0xBC), Some(0x88)) => (Mark::Open, 3),
            (0xEF, Some(0xBC), Some(0x89)) => (Mark::Close, 3),
            (0xEF, Some(0xBC), Some(0x81 | 0x9F)) => (Mark::End, 3),
            _ => (Mark::None, 1),
        };
        match mark {
            Mark::Open => depth += 1,
            Mark::Close => depth = (depth - 1).max(0),
            Mark::End if depth == 0 => {
                out.push(span.start + start..span.start + i);
                start = i + len;
            }
            _ => {}
        }
        i += len;
    }
    if start < s.len() {
        out.push(span.start + start..span.end);
    }
    out
}

/// What a character means to [`sentences`].
enum Mark {
    Open,
    Close,
    End,
    None,
}

struct Number {
    start: usize,
    end: usize,
    value: String,
    ratio: bool,
}

/// Arabic numbers in a sentence that are not inside quotes, document numbers or titles.
/// `chars` is room for the sentence's characters, kept from one sentence to the next.
// Long: one scanner over a sentence's characters, with the quotes, titles and document
// numbers it is inside as its state.
fn numbers(s: &str, chars: &mut Vec<(usize, char)>) -> Vec<Number> {
    // Most sentences hold no digit: their bytes say so without decoding a character.
    if !has_digit(s) {
        return Vec::new();
    }
    chars.clear();
    chars.extend(crate::chars::indices(s));
    let mut out = Vec::new();
    let mut quoted = 0i32;
    let mut ascii_quote = false;
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i].1;
        match ch {
            '“' | '「' | '《' | '〔' | '【' | '[' | '‘' | '『' => quoted += 1,
            '”' | '」' | '》' | '〕' | '】' | ']' | '’' | '』' => {
                quoted = (quoted - 1).max(0)
            }
            '"' => ascii_quote = !ascii_quote,
            _ => {}
        }
        if !is_digit(ch) {
            i += 1;
            continue;
        }
        let start = i;
        let mut value = String::new();
        let mut j = i;
        while j < chars.len() && is_digit(chars[j].1) {
            value.push(ascii_digit(chars[j].1));
            j += 1;
        }
        if j + 1 < chars.len() && matches!(chars[j].1, '.' | '．') && is_digit(chars[j + 1].1) {
            value.push('.');
            j += 1;
            while j < chars.len() && is_digit(chars[j].1) {
                value.push(ascii_digit(chars[j].1));
                j += 1;
            }
        }
        let mut ratio = false;
        // "1:12.5" and "1：12.5" are one ratio.
        let mut k = j;
        while k < chars.len() && is_blank(chars[k].1) {
            k += 1;
        }
        if k + 1 < chars.len() && matches!(chars[k].1, ':' | '：') {
            let mut m = k + 1;
            while m < chars.len() && is_blank(chars[m].1) {
                m += 1;
            }
            if m < chars.len() && is_digit(chars[m].1) {
                value.push(':');
                while m < chars.len() && (is_digit(chars[m].1) || chars[m].1 == '.') {
                    value.push(ascii_digit(chars[m].1));
                    m += 1;
                }
                ratio = true;
                j = m;
            }
        }
        let prev = if start > 0 {
            Some(chars[start - 1].1)
        } else {
            None
        };
        let excluded = quoted > 0
            || ascii_quote
            || prev.is_some_and(|p| {
                p.is_ascii_alphanumeric()
                    || matches!(p, '.' | '+' | '-' | '/' | '#' | '第' | '_' | '~')
            });
        if !excluded {
            out.push(Number {
                start: chars[start].0,
                end: chars.get(j).map(|p| p.0).unwrap_or(s.len()),
                value,
                ratio,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether `s` holds an ASCII or a full-width digit (０–９ are EF BC 90–99 in UTF-8).
fn has_digit(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit()
            || (x == 0xEF
                && b.get(i + 1) == Some(&0xBC)
                && b.get(i + 2).is_some_and(|y| (0x90..=0x99).contains(y)))
    })
}

/// Words after a number that make it a date, an age or a name rather than a value.
fn not_a_value(after: &str, c: &Compiled) -> bool {
    c.time_words.iter().any(|w| after.starts_with(w.as_str()))
        || after.chars().next().is_some_and(|ch| {
            ch.is_ascii_alphabetic()
                || matches!(ch, '+' | '-' | '—' | '－' | '–' | '~' | '～' | '.')
        })
}

/// The value a target starts from (`由2.1%提高到2.5%`): the number, the indicator named
/// before it, and where its phrase starts.
struct Base {
    value: String,
    indicator: Option<usize>,
    start: usize,
}

/// Where the clause holding an offset starts: after the last clause delimiter before it.
/// Found by one scan forward as the numbers come in order, not by walking back from each.
#[derive(Default)]
struct ClauseStarts {
    scanned: usize,
    after_delimiter: usize,
}

impl ClauseStarts {
    fn before(&mut self, s: &str, at: usize) -> usize {
        if let Some(gap) = s.get(self.scanned..at) {
            for (i, ch) in gap.char_indices() {
                if CLAUSE_DELIMITERS.contains(&ch) {
                    self.after_delimiter = self.scanned + i + ch.len_utf8();
                }
            }
            self.scanned = at;
        }
        self.after_delimiter
    }
}

/// How far a value reaches: its unit, a comparator after it (以上, 以内), and where it ends.
struct Extent<'s> {
    unit: Option<&'s str>,
    end: usize,
    comparator_after: Option<usize>,
}

/// The extent of the number `n` in the sentence `s`; `None` when the words after it make
/// it a date, an age or a name rather than a value.
fn extent<'s>(s: &'s str, n: &Number, c: &Compiled) -> Option<Extent<'s>> {
    let rest = &s[n.end..];
    let after_blanks = rest.trim_start_matches(is_blank);
    if not_a_value(after_blanks, c) {
        return None;
    }
    let unit = if n.ratio {
        None
    } else {
        c.unit_at(after_blanks)
    };
    let mut end = n.end;
    if let Some(u) = unit {
        end = n.end + (rest.len() - after_blanks.len()) + u.len();
    }
    let tail = s[end..].trim_start_matches(is_blank);
    let comparator_after = c.starts_with_comparator_after(tail);
    if let Some(len) = comparator_after {
        end = s.len() - tail.len() + len;
    }
    Some(Extent {
        unit,
        end,
        comparator_after,
    })
}

/// The deadline before the offset `at`, else the first after it (`found` is sorted and its
/// spans do not overlap).
fn deadline_near(found: &[Deadline], at: usize) -> Option<&Deadline> {
    let k = found.partition_point(|d| d.span.end <= at);
    k.checked_sub(1)
        .and_then(|k| found.get(k))
        .or_else(|| found[k..].iter().take(2).find(|d| d.span.start >= at))
}

// Long: one pass over a sentence's numbers; each is read with what the ones before set
// (the end of the last target, a 由…提高到 base).
fn quantified(
    cx: &Context<'_>,
    scope: &Scope,
    sentence: &Span,
    found: &[Deadline],
    inherited: Option<&Deadline>,
    out: &mut Vec<Target>,
    chars: &mut Vec<(usize, char)>,
) {
    let text = cx.text;
    let s = &text[sentence.clone()];
    let c = cx.compiled;
    let mut last_target_end: Option<usize> = None;
    // `由2.1%提高到2.5%`: the first number is where the target starts from.
    let mut base: Option<Base> = None;
    let mut clauses = ClauseStarts::default();
    for n in numbers(s, chars) {
        let after_delimiter = clauses.before(s, n.start);
        let abs = sentence.start + n.start;
        if cx.skipped(abs) {
            continue;
        }
        let Some(Extent {
            unit,
            end,
            comparator_after,
        }) = extent(s, &n, c)
        else {
            continue;
        };

        // The phrase that names what is measured: back to the previous delimiter, or to
        // the end of the previous target in the sentence.
        let head = &s[..n.start];
        let from_offset = after_delimiter
            .max(last_target_end.unwrap_or(0))
            .min(n.start);
        let phrase = head[from_offset..].trim_start_matches(is_blank);
        let phrase_start = n.start - phrase.len();
        let soft = phrase
            .trim_end_matches(is_blank)
            .trim_end_matches(['约', '近', '超']);
        let indicator_here = cx
            .mentions_in(&(sentence.start + phrase_start..abs))
            .iter()
            .rfind(|m| m.span.end <= abs)
            .map(|m| m.indicator);
        if soft.trim_end_matches(is_blank).ends_with(['由', '从']) && unit.is_some() {
            base = Some(Base {
                value: n.value.clone(),
                indicator: indicator_here,
                start: phrase_start,
            });
            last_target_end = Some(end);
            continue;
        }
        let comparator_before = c.ends_with_comparator(soft);
        let continuation = phrase.trim().is_empty()
            && last_target_end.is_some()
            && head.trim_end_matches(is_blank).ends_with(['、', '，', ',']);
        let from = base.take().filter(|_| comparator_before.is_some());
        let indicator = indicator_here.or(from.as_ref().and_then(|b| b.indicator));
        // 建成3个标准化示范区, 新增注册商标200件: a commitment verb and a classifier.
        let committed = unit.is_some() && c.commits(phrase.trim_end_matches(is_blank));
        if comparator_before.is_none()
            && comparator_after.is_none()
            && indicator.is_none()
            && !continuation
            && !committed
        {
            continue;
        }
        let named = match comparator_before {
            Some(len) => &soft[..soft.len() - len],
            None => soft,
        };
        let ratio = n.ratio
            || indicator
                .and_then(|i| cx.template.indicators.get(i))
                .is_some_and(|ind| ind.ratio)
            || c.ends_with_ratio_word(named.trim_end_matches(is_blank));
        let deadline = deadline_near(found, abs).or(inherited);
        let towards = comparator_before.and_then(|len| c.direction_of(&soft[soft.len() - len..]));
        let start = from.as_ref().map_or(phrase_start, |b| b.start);
        out.push(
            Target {
                base: from.map(|b| b.value),
                towards,
                ratio,
                indicator,
                task: scope.task,
                ..Target::at(sentence.start + start..sentence.start + end, scope.part)
            }
            .valued(n.value, unit)
            .dated_by(deadline),
        );
        last_target_end = Some(end);
    }
}

// Long: one pass over the not-quantified phrases of a sentence; each is placed with what
// the sentence's others set (the phrases already taken, the quantified targets, the
// clauses' ends).
fn unquantified(
    cx: &Context<'_>,
    scope: &Scope,
    sentence: &Span,
    found: &[Deadline],
    quantified_from: usize,
    out: &mut Vec<Target>,
) {
    let s = &cx.text[sentence.clone()];
    let in_sentence: Vec<&Mention> = cx
        .mentions_in(sentence)
        .iter()
        .filter(|m| m.span.end <= sentence.end)
        .collect();
    // Where 指标 is first said, and where clauses end: found once for the sentence, the
    // clauses only when a phrase is there to place.
    let first_zhibiao = s.find("指标");
    if in_sentence.is_empty() && first_zhibiao.is_none() {
        return;
    }
    let phrases = cx.compiled.not_quantified.matches(s);
    if phrases.iter().all(Vec::is_empty) {
        return;
    }
    let delimiters: Vec<usize> = crate::chars::indices(s)
        .filter(|(_, ch)| CLAUSE_DELIMITERS.contains(ch))
        .map(|(i, _)| i)
        .collect();
    // The sentence's quantified targets, in order.
    let quantified_to = out.len();
    let mut hits: Vec<Span> = Vec::new();
    for matches in phrases {
        let mut fresh: Vec<Span> = Vec::new();
        for m in matches.into_iter().map(|m| m.whole) {
            let span = sentence.start + m.start..sentence.start + m.end;
            if overlaps(&hits, &span, |h| (h.start, h.end)) {
                continue;
            }
            // "持续提高到98%" is quantified: a number in the same clause wins.
            let clause_end = delimiters
                .get(delimiters.partition_point(|&d| d < m.end))
                .copied()
                .unwrap_or(s.len());
            let numbered = overlaps(
                &out[quantified_from..quantified_to],
                &(span.start..sentence.start + clause_end),
                |t| (t.span.start, t.span.end),
            );
            if numbered {
                continue;
            }
            // The indicator named last before the phrase.
            let k = in_sentence.partition_point(|mn| mn.span.start < span.start);
            let named = in_sentence[..k]
                .iter()
                .rev()
                .take(8)
                .find(|mn| mn.span.end <= span.start);
            let indicator = named.map(|mn| mn.indicator);
            if indicator.is_none() && first_zhibiao.is_none_or(|i| i + "指标".len() > m.start) {
                continue;
            }
            // The target reads from its indicator when that is near; from a far one only
            // the phrase's own clause is quoted.
            let clause_start = delimiters[..delimiters.partition_point(|&d| d < m.start)]
                .last()
                .map_or(0, |&d| d + s[d..].chars().next().map_or(1, char::len_utf8));
            let start = match named {
                Some(mn) if span.start - mn.span.end <= 60 => mn.span.start,
                Some(_) => (sentence.start + clause_start).min(span.start),
                None => span.start,
            };
            let d = found.partition_point(|d| d.span.end <= span.start);
            let deadline = d.checked_sub(1).and_then(|d| found.get(d));
            fresh.push(span.clone());
            out.push(
                Target {
                    indicator,
                    task: scope.task,
                    ..Target::at(start..span.end, scope.part)
                }
                .dated_by(deadline),
            );
        }
        hits = merge_by_start(hits, fresh, |h| h.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<String> {
        numbers(s, &mut Vec::new())
            .into_iter()
            .map(|n| n.value)
            .collect()
    }

    #[test]
    fn numbers_skip_names_and_document_numbers() {
        assert_eq!(values("“33618”工程"), Vec::<String>::new());
        assert_eq!(values("国市监质发〔2024〕97号"), vec!["97".to_string()]);
        assert_eq!(values("PM2.5浓度"), Vec::<String>::new());
        assert_eq!(values("“3+N”产业"), Vec::<String>::new());
        assert_eq!(values("师生比达1:12.5"), vec!["1:12.5".to_string()]);
        assert_eq!(values("达１２％"), vec!["12".to_string()]);
    }

    #[test]
    fn sentences_are_split_by_their_bytes_as_by_their_characters() {
        // The split as it reads characters.
        const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '!', '?'];
        fn by_characters(s: &str) -> Vec<Span> {
            let (mut out, mut start, mut depth) = (Vec::new(), 0, 0i32);
            for (i, ch) in s.char_indices() {
                match ch {
                    '（' | '(' => depth += 1,
                    '）' | ')' => depth = (depth - 1).max(0),
                    _ if depth == 0 && SENTENCE_ENDS.contains(&ch) => {
                        out.push(start..i);
                        start = i + ch.len_utf8();
                    }
                    _ => {}
                }
            }
            if start < s.len() {
                out.push(start..s.len());
            }
            out
        }
        let pieces = [
            "。",
            "！",
            "？",
            "!",
            "?",
            "（",
            "）",
            "(",
            ")",
            "到2027年",
            "ａ",
            "〇",
            "。。",
            "＂",
            "￥",
            "𠮷",
        ];
        let mut texts = vec![String::new()];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("甲{a}{b}乙{c}"));
                }
            }
        }
        for t in &texts {
            assert_eq!(sentences(t, 0..t.len()), by_characters(t), "{t}");
        }
    }

    #[test]
    fn digits_are_found_by_their_bytes() {
        for s in [
            "",
            "到二〇二七年",
            "达１２％",
            "达12%",
            "０",
            "９",
            "＞",
            "／",
            "ｚ",
            "达到率。",
            "ab9",
        ] {
            assert_eq!(has_digit(s), s.chars().any(is_digit), "{s}");
        }
    }

    #[test]
    fn time_words_are_not_values() {
        let c = Compiled::new(&crate::Template::national()).unwrap(); // ok: test
        assert!(not_a_value("年，", &c));
        assert!(not_a_value("号）", &c));
        assert!(not_a_value("G网络", &c));
        assert!(!not_a_value("万元/亩", &c));
    }
}
