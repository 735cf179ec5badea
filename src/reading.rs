//! The reading stage: text as it arrives — copied out of a PDF viewer (hard-wrapped lines,
//! page numbers and running headers between pages), with old or mixed line ends, or a
//! paste that holds a 征求意见 notice and a 起草说明 beside the plan — turned into the plan's
//! text, one paragraph per line, with a map back to what the user pasted.
//!
//! Clean text passes through untouched (borrowed, identity map). Everything downstream
//! reads [`Reading::text`]; the report maps its spans back with [`Reading::to_original`].

use std::borrow::Cow;

use crate::chars::any_of;
use crate::chars::is_blank;
use crate::compiled::Compiled;
use crate::numbering::starts_with_marker;
use crate::position::{Positions, Span};

mod tables;

pub(crate) use tables::{header_cell, kind_of, Kind};

/// What the reading stage changed, and what else the paste held.
#[derive(Clone, Debug, Default)]
pub struct Notes {
    /// Line breaks inside paragraphs that were joined (hard wrapping).
    pub joined: usize,
    /// The width the text was wrapped at, in CJK characters, when it was.
    pub wrap_width: Option<usize>,
    /// Page numbers and running headers left out.
    pub furniture: Vec<GivenSpan>,
    /// Documents in the paste other than the plan, left out of the check.
    pub others: Vec<OtherDocument>,
    /// Line ends other than `\n` and `\r\n` (old Mac `\r`, U+2028 …) were read as line ends.
    pub line_ends: bool,
    /// The text is itself a 起草说明 or a 解读 of a plan, not the plan: its title says so
    /// and no plan's title follows.
    pub explanation: bool,
    /// Table rows read back into a row a line from another form (a cell a line, columns
    /// lined up with blanks, cells broken across lines).
    pub table_rows: usize,
}

crate::names::named_enum! {
    /// A document pasted with the plan.
    pub enum OtherKind {
        /// A notice asking for comments (征求意见的通知 / 公告).
        Notice = "notice",
        /// A 起草说明 / 编制说明.
        Explanation = "explanation",
    }
}

/// A document in the paste that is not the plan.
#[derive(Clone, Debug)]
pub struct OtherDocument {
    pub kind: OtherKind,
    /// Its title line.
    pub title: GivenSpan,
    /// All of it.
    pub span: GivenSpan,
}

/// A byte range in the text as the user gave it: what every position shown to a user
/// (a finding's place, a line named in a message, an export) is made from. Only the
/// reading stage makes one, from a [`Span`] of the text as read ([`Reading::to_given`]) or
/// from what it found in the text as given, so a place in the joined text of a PDF copy
/// cannot reach a user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GivenSpan(Span);

impl GivenSpan {
    pub fn start(&self) -> usize {
        self.0.start
    }

    pub fn end(&self) -> usize {
        self.0.end
    }
}

/// A 1-based line of the text as the user gave it, as a message names it (第N行).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GivenLine(usize);

impl std::fmt::Display for GivenLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A stretch of the read text copied from the original.
#[derive(Clone, Copy, Debug)]
struct Segment {
    read: usize,
    original: usize,
    len: usize,
}

/// The text to check and how it maps back to the text the user gave.
#[derive(Clone, Debug)]
pub struct Reading<'a> {
    pub original: &'a str,
    pub text: Cow<'a, str>,
    segments: Vec<Segment>,
    pub notes: Notes,
}

impl<'a> Reading<'a> {
    /// The text as given, untouched.
    pub fn identity(original: &'a str) -> Reading<'a> {
        Reading {
            original,
            text: Cow::Borrowed(original),
            segments: vec![Segment {
                read: 0,
                original: 0,
                len: original.len(),
            }],
            notes: Notes::default(),
        }
    }

    /// A span of the read text as a span of the text as given: the one conversion.
    /// Text the reading stage inserted (a space between joined ASCII words, a line break)
    /// maps to the place of the line break it replaced.
    pub fn to_given(&self, span: &Span) -> GivenSpan {
        if matches!(self.text, Cow::Borrowed(_)) {
            return GivenSpan(span.clone());
        }
        let start = self.map(span.start, false);
        let end = if span.end > span.start {
            self.map(span.end, true)
        } else {
            start
        };
        GivenSpan(start..end.max(start))
    }

    /// The line of the text as given that a place of the text as read is on.
    pub fn given_line(&self, span: &Span) -> GivenLine {
        let at = self.to_given(span).start();
        GivenLine(Positions::new(self.original, vec![at]).get(at).line)
    }

    /// The text as given under a given span.
    pub fn given_text(&self, span: &GivenSpan) -> &'a str {
        self.original.get(span.0.clone()).unwrap_or("")
    }

    fn map(&self, offset: usize, end: bool) -> usize {
        // The last segment starting at (or, for an end, before) the offset.
        let i = self.segments.partition_point(|s| {
            if end {
                s.read < offset
            } else {
                s.read <= offset
            }
        });
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some(s) => s.original + (offset - s.read).min(s.len),
            None => 0,
        }
    }

    /// Whether the text was changed before checking.
    pub fn changed(&self) -> bool {
        matches!(self.text, Cow::Owned(_))
    }
}

/// Characters of plan vocabulary in Traditional script (a match, which the compiler turns
/// into a search of its own: this runs on every character of every text).
fn traditional_char(c: char) -> bool {
    matches!(
        c,
        '質' | '縣'
            | '實'
            | '務'
            | '設'
            | '國'
            | '發'
            | '檢'
            | '測'
            | '標'
            | '準'
            | '體'
            | '業'
            | '產'
            | '經'
            | '濟'
            | '術'
            | '農'
            | '機'
            | '構'
            | '區'
            | '鎮'
            | '點'
            | '級'
            | '與'
            | '為'
            | '這'
            | '會'
            | '對'
            | '進'
            | '動'
            | '範'
            | '護'
            | '證'
            | '環'
            | '認'
            | '規'
            | '劃'
            | '責'
            | '權'
            | '單'
            | '達'
            | '資'
    )
}

/// The same characters in Simplified script.
fn simplified_char(c: char) -> bool {
    matches!(
        c,
        '质' | '县'
            | '实'
            | '务'
            | '设'
            | '国'
            | '发'
            | '检'
            | '测'
            | '标'
            | '准'
            | '体'
            | '业'
            | '产'
            | '经'
            | '济'
            | '术'
            | '农'
            | '机'
            | '构'
            | '区'
            | '镇'
            | '点'
            | '级'
            | '与'
            | '为'
            | '这'
            | '会'
            | '对'
            | '进'
            | '动'
            | '范'
            | '护'
            | '证'
            | '环'
            | '认'
            | '规'
            | '划'
            | '责'
            | '权'
            | '单'
            | '达'
            | '资'
    )
}

/// Whether the text is written in Traditional characters (a converter slip): the
/// template's words are Simplified, so nothing would be found.
pub fn looks_traditional(text: &str) -> bool {
    // Every such plan writes 質量 or 縣 or 實施: a text with none of them is not one, found
    // by three byte searches rather than a look at every character.
    if !(text.contains('質') || text.contains('縣') || text.contains('實')) {
        return false;
    }
    let (mut t, mut s) = (0usize, 0usize);
    for c in text.chars().filter(|c| (*c as u32) >= 0x4e00) {
        if traditional_char(c) {
            t += 1;
        } else if simplified_char(c) {
            s += 1;
        }
    }
    t >= 20 && t > 3 * s
}

/// One line of the original text.
#[derive(Clone, Debug)]
struct RawLine {
    /// From the line's start to its end, without the line end.
    full: Span,
    /// Without leading and trailing blanks; empty for a blank line.
    content: Span,
}

/// What the reading stage does with a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keep {
    Yes,
    Furniture,
    Other,
}

/// Reads a text as it arrives into the plan's text.
// Long: the reading stage's steps in order, each a function; what is left is handing
// one step's result to the next.
pub fn read<'a>(original: &'a str, c: &Compiled) -> Reading<'a> {
    let (lines, odd_ends) = split(original);
    let mut keep = vec![Keep::Yes; lines.len()];
    let content = |i: usize| &original[lines[i].content.clone()];
    leave_out_furniture(original, &lines, &mut keep);
    // Each line's kind of title, if it is one: looked at once, for the documents and
    // for the joining of wrapped lines.
    let titles: Vec<Option<TitleKind>> = (0..lines.len())
        .map(|i| title_kind(content(i), c))
        .collect();
    let others = other_documents(original, &lines, &titles, c);
    // The text's own title, among its first lines, names a 起草说明 and no plan's title
    // comes after it: the whole text explains a plan.
    let explanation = (0..lines.len())
        .filter(|&i| !lines[i].content.is_empty())
        .take(3)
        .any(|i| titles[i] == Some(TitleKind::Other(OtherKind::Explanation)))
        && !titles.contains(&Some(TitleKind::Plan));
    for doc in &others {
        for k in doc.lines.clone() {
            if let Some(slot) = keep.get_mut(k) {
                *slot = Keep::Other;
            }
        }
    }
    let wrap = Wrap::of(original, &lines, &keep);
    let full = |i: usize| wrap.full(i);
    // Tables, in whatever form the copy gave them, read into one.
    let regions = tables::find(&tables::Lines {
        text: original,
        lines: &lines,
        keep: &keep,
        c,
        full: &full,
    });
    let mut in_table = vec![false; lines.len()];
    for r in &regions {
        for &k in &r.reclaimed {
            keep[k] = Keep::Yes;
        }
        for k in r.lines.clone() {
            in_table[k] = true;
        }
    }
    let joins = Joins {
        text: original,
        lines: &lines,
        keep: &keep,
        in_table: &in_table,
        titles: &titles,
        c,
    };
    let (join, joined) = joins.find(&full, wrap.width.is_some());
    let rewritten: Vec<&tables::Region> = regions.iter().filter(|r| !r.canonical).collect();
    let rows: usize = rewritten
        .iter()
        .map(|r| r.rows.len().saturating_sub(1))
        .sum();
    let furniture: Vec<GivenSpan> = (0..lines.len())
        .filter(|&i| keep[i] == Keep::Furniture)
        .map(|i| GivenSpan(lines[i].content.clone()))
        .collect();
    if furniture.is_empty() && joined == 0 && others.is_empty() && !odd_ends && rows == 0 {
        let mut same = Reading::identity(original);
        same.notes.explanation = explanation;
        return same;
    }
    let out = write(original, &lines, &keep, &join, &rewritten);
    let notes = Notes {
        joined,
        wrap_width: wrap.width.filter(|_| joined > 0),
        furniture,
        // The lines read here are the text's as given.
        others: others
            .into_iter()
            .filter_map(|d| {
                let first = lines.get(d.lines.start)?;
                let last = lines.get(d.lines.end.checked_sub(1)?)?;
                Some(OtherDocument {
                    kind: d.kind,
                    title: GivenSpan(lines.get(d.title)?.content.clone()),
                    span: GivenSpan(first.full.start..last.full.end),
                })
            })
            .collect(),
        line_ends: odd_ends,
        explanation,
        table_rows: rows,
    };
    Reading {
        original,
        text: Cow::Owned(out.text),
        segments: out.segments,
        notes,
    }
}

/// Page numbers and the running headers between pages, marked to be left out.
fn leave_out_furniture(original: &str, lines: &[RawLine], keep: &mut [Keep]) {
    let pages = page_numbers(original, lines);
    for &i in &pages {
        keep[i] = Keep::Furniture;
    }
    for i in running_headers(original, lines, &pages) {
        keep[i] = Keep::Furniture;
    }
}

/// Hard wrapping: the width most lines end at, when they do.
struct Wrap {
    width: Option<usize>,
    /// Each line's width, in half characters, as the width was found.
    widths: Vec<usize>,
}

impl Wrap {
    /// Viewers wrap by the width on the page (a digit half a character) or, in some
    /// exports, by the count of characters: whichever the lines agree on. Each line is
    /// measured once, both ways, in half characters.
    fn of(original: &str, lines: &[RawLine], keep: &[Keep]) -> Wrap {
        let (by_page_widths, by_count_widths): (Vec<usize>, Vec<usize>) = lines
            .iter()
            .map(|l| {
                let s = &original[l.content.clone()];
                let chars = s.chars().count();
                (half_width(s, chars), 2 * chars)
            })
            .unzip();
        let by_page = wrap_width(lines, keep, &by_page_widths);
        let by_count = wrap_width(lines, keep, &by_count_widths);
        let (width, widths) = match (by_page, by_count) {
            (Some(a), Some(b)) if b.1 > a.1 => (Some(b.0), by_count_widths),
            (Some(a), _) => (Some(a.0), by_page_widths),
            (None, Some(b)) => (Some(b.0), by_count_widths),
            (None, None) => (None, by_page_widths),
        };
        Wrap { width, widths }
    }

    /// Whether line `i` runs to the wrap width: the text may go on on the next line.
    fn full(&self, i: usize) -> bool {
        self.width
            .is_some_and(|w| self.widths.get(i).copied().unwrap_or(0) + 8 >= 2 * w)
    }
}

/// What decides whether a line goes on from the one before it.
struct Joins<'l> {
    text: &'l str,
    lines: &'l [RawLine],
    keep: &'l [Keep],
    in_table: &'l [bool],
    titles: &'l [Option<TitleKind>],
    c: &'l Compiled,
}

impl Joins<'_> {
    /// The lines that go on from the one before (a paragraph hard-wrapped), and how many.
    fn find(&self, full: &dyn Fn(usize) -> bool, wrapped: bool) -> (Vec<bool>, usize) {
        let lines = self.lines;
        let mut join = vec![false; lines.len()];
        let mut joined = 0;
        if !wrapped {
            return (join, joined);
        }
        let content = |i: usize| &self.text[lines[i].content.clone()];
        let mut prev: Option<usize> = None;
        let mut furniture_between = false;
        for i in 0..lines.len() {
            match self.keep[i] {
                Keep::Furniture => {
                    furniture_between = true;
                    continue;
                }
                Keep::Other => {
                    prev = None;
                    continue;
                }
                Keep::Yes if self.in_table[i] => {
                    prev = None;
                    continue;
                }
                Keep::Yes => {}
            }
            if lines[i].content.is_empty() {
                if !furniture_between {
                    prev = None;
                }
                continue;
            }
            if let Some(p) = prev {
                if full(p)
                    && !ends_paragraph(content(p), self.c)
                    && self.titles[p].is_none()
                    && !aligned(content(p))
                    && !starts_block(content(i), self.c)
                {
                    join[i] = true;
                    joined += 1;
                }
            }
            prev = Some(i);
            furniture_between = false;
        }
        (join, joined)
    }
}

/// The read text: lines kept, wrapped lines joined, tables a row a line.
fn write(
    original: &str,
    lines: &[RawLine],
    keep: &[Keep],
    join: &[bool],
    rewritten: &[&tables::Region],
) -> Builder {
    // The read text is about as long as the original: one allocation.
    let mut out = Builder {
        text: String::with_capacity(original.len() + original.len() / 16),
        segments: Vec::with_capacity(lines.len() / 4 + 4),
    };
    let mut first = true;
    let mut next_region = rewritten.iter().peekable();
    let mut skip_to = 0;
    for (i, line) in lines.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        if let Some(r) = next_region.next_if(|r| r.lines.start == i) {
            write_rows(&mut out, original, r, &mut first);
            skip_to = r.lines.end;
            continue;
        }
        if keep[i] != Keep::Yes {
            continue;
        }
        if join[i] {
            let c = &original[line.content.clone()];
            let before = out.text.chars().last();
            // Two English words keep a space; digits split by a wrap join up again.
            if before.is_some_and(|b| b.is_ascii_alphabetic())
                && c.chars().next().is_some_and(|a| a.is_ascii_alphabetic())
            {
                out.insert(" ");
            }
            out.copy(original, line.content.clone());
            continue;
        }
        if !first {
            out.insert("\n");
        }
        first = false;
        // Leading blanks are kept (an indent is harmless); trailing ones are not, so
        // that a joined line follows its predecessor directly.
        let end = if line.content.is_empty() {
            line.full.start
        } else {
            line.content.end
        };
        out.copy(original, line.full.start..end);
    }
    if original.ends_with(['\n', '\r']) {
        out.insert("\n");
    }
    out
}

/// A table a row a line, cells separated by one tab, a broken cell whole.
fn write_rows(out: &mut Builder, original: &str, r: &tables::Region, first: &mut bool) {
    for row in &r.rows {
        if !*first {
            out.insert("\n");
        }
        *first = false;
        for (k, cell) in row.iter().enumerate() {
            if k > 0 {
                out.insert("\t");
            }
            for piece in cell {
                out.copy(original, piece.clone());
            }
        }
    }
}

#[derive(Default)]
struct Builder {
    text: String,
    segments: Vec<Segment>,
}

impl Builder {
    fn copy(&mut self, original: &str, span: Span) {
        let Some(s) = original.get(span.clone()) else {
            return;
        };
        if s.is_empty() {
            return;
        }
        let read = self.text.len();
        self.text.push_str(s);
        match self.segments.last_mut() {
            Some(last)
                if last.read + last.len == read && last.original + last.len == span.start =>
            {
                last.len += s.len();
            }
            _ => self.segments.push(Segment {
                read,
                original: span.start,
                len: s.len(),
            }),
        }
    }

    fn insert(&mut self, s: &str) {
        self.text.push_str(s);
    }
}

/// Splits at every kind of line end: `\n`, `\r\n`, a lone `\r`, VT, FF, NEL, U+2028/9.
/// Returns the lines and whether any line end other than `\n` / `\r\n` was seen.
fn split(text: &str) -> (Vec<RawLine>, bool) {
    let mut lines = Vec::new();
    let mut odd = false;
    let mut start = 0;
    // Line ends are found by their bytes: the ASCII ones, and NEL (C2 85), LS and PS
    // (E2 80 A8/A9) by their lead bytes, which no other byte of a character can be.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(k) = bytes.get(at..).and_then(|b| {
        b.iter()
            .position(|&b| matches!(b, 0x0A..=0x0D | 0xC2 | 0xE2))
    }) {
        let i = at + k;
        let next = |n: usize| bytes.get(i + n).copied();
        let len = match bytes[i] {
            b'\n' => 1,
            b'\r' if next(1) == Some(b'\n') => 2,
            b'\r' | 0x0B | 0x0C => {
                odd = true;
                1
            }
            0xC2 if next(1) == Some(0x85) => {
                odd = true;
                2
            }
            0xE2 if next(1) == Some(0x80) && matches!(next(2), Some(0xA8 | 0xA9)) => {
                odd = true;
                3
            }
            _ => {
                at = i + 1;
                continue;
            }
        };
        lines.push(raw_line(text, start..i));
        start = i + len;
        at = start;
    }
    if start < text.len() {
        lines.push(raw_line(text, start..text.len()));
    }
    (lines, odd)
}

fn raw_line(text: &str, full: Span) -> RawLine {
    let s = &text[full.clone()];
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let trail = s.trim_end_matches(is_blank).len().max(lead);
    RawLine {
        content: full.start + lead..full.start + trail,
        full,
    }
}

/// Width as a page lays it out, in half characters, of a line of `chars` characters: a CJK
/// character 2, an ASCII one 1.
fn half_width(s: &str, chars: usize) -> usize {
    // Every character counts one, and one more from U+2000 on: those begin with a byte
    // from E2 (two counts the library and the compiler make fast).
    chars + s.bytes().filter(|&b| b >= 0xE2).count()
}

/// The width the text is hard-wrapped at, in characters, if it is: many lines end
/// within a few characters of one width, and almost none is longer. With the number of
/// lines in that band.
fn wrap_width(lines: &[RawLine], keep: &[Keep], widths: &[usize]) -> Option<(usize, usize)> {
    // Whole-character buckets up to 120 characters; a longer line is not wrapped text.
    let mut counts = [0usize; 122];
    let (mut lines_counted, mut longer) = (0, 0);
    for ((l, k), width) in lines.iter().zip(keep).zip(widths) {
        if *k != Keep::Yes || l.content.is_empty() {
            continue;
        }
        let w = width / 2;
        if w < 12 {
            continue;
        }
        lines_counted += 1;
        match counts.get_mut(w) {
            Some(c) => *c += 1,
            None => longer += 1,
        }
    }
    if lines_counted < 6 {
        return None;
    }
    let mut best = (0, 0);
    for w in 12..120 {
        let n: usize = counts[w - 2..=w + 1].iter().sum();
        if n >= best.1 {
            best = (w, n);
        }
    }
    let (best, in_band) = best;
    let beyond: usize = counts[best + 2..].iter().sum::<usize>() + longer;
    let wrapped = in_band >= 4 && in_band * 10 >= lines_counted * 4 && beyond * 20 <= lines_counted;
    wrapped.then_some((best + 1, in_band))
}

/// Whether a line ends a paragraph: final punctuation, or a closing responsibility clause.
fn ends_paragraph(s: &str, c: &Compiled) -> bool {
    let Some(last) = s.chars().last() else {
        return true;
    };
    // A line that stops inside a bracket (`（责任单位：`) goes on: read from the end, an
    // opening bracket comes before any closing one.
    if s.rfind(['（', '(', '）', ')'])
        .is_some_and(|k| s[k..].starts_with(['（', '(']))
    {
        return false;
    }
    let before = s.chars().rev().nth(1);
    match last {
        '。' | '！' | '？' | '；' | '：' | '…' => true,
        // Half-width after CJK text; `1:13` or `10:30` split at the colon goes on.
        ';' | ':' | '!' | '?' => before.is_some_and(|c| !c.is_ascii()),
        '”' | '’' | '」' | '』' => before.is_some_and(|c| matches!(c, '。' | '！' | '？')),
        // A bracket that closes the paragraph: a responsibility clause.
        '）' | ')' => ends_with_clause(s, c),
        _ => false,
    }
}

/// Whether a line ends with a responsibility clause: `…（县科技局、县发改委负责）`.
pub(crate) fn ends_with_clause(s: &str, c: &Compiled) -> bool {
    let s = s.trim_end_matches(['。', '.', ' ', '\u{3000}']);
    if !s.ends_with(['）', ')']) {
        return false;
    }
    let open = s.rfind(['（', '(']);
    let inner = &s[open.unwrap_or(0)..];
    if ["负责", "牵头", "单位", "配合"]
        .iter()
        .any(|w| inner.contains(w))
    {
        return true;
    }
    // The bracket opened on an earlier line (`（责任单位：县` / `市场监管局、县财政局）`):
    // a clause when what it closes ends with a unit's name (the vocabulary's
    // `unit_suffixes`).
    open.is_none() && c.ends_with_unit_suffix(s.trim_end_matches(['）', ')']))
}

/// Whether a line lines up columns with runs of blanks (a roster, a table): not prose.
fn aligned(s: &str) -> bool {
    if s.contains('\t') {
        return true;
    }
    // A CJK character (`None`) is no blank.
    let mut run = 0;
    crate::chars::outside_cjk(s).any(|c| {
        run = if c.is_some_and(is_blank) { run + 1 } else { 0 };
        run >= 2
    })
}

/// Whether a line starts a new block: a numbered heading, an attachment, a table row.
fn starts_block(s: &str, c: &Compiled) -> bool {
    starts_with_marker(s) || c.starts_attachment(s) || s.contains('\t')
}

/// Page numbers: `— 3 —`, `- 3 -`, `第 3 页`, `第3页 共12页`, `3/12`, and bare `3` lines
/// that count pages (numbers one apart, a page's length apart).
fn page_numbers(text: &str, lines: &[RawLine]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut bare: Vec<(usize, u32)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let s = &text[line.content.clone()];
        if s.is_empty() || s.len() > 40 {
            continue;
        }
        let t: String = s.chars().filter(|c| !is_blank(*c)).collect();
        if decorated_page_number(&t) {
            found.push(i);
        } else if t.len() <= 3
            && t.bytes().all(|b| b.is_ascii_digit())
            // A Word table's cell copied a line each is led by a tab: a 序号, not a page.
            && !text[line.full.clone()].contains('\t')
        {
            if let Ok(n) = t.parse::<u32>() {
                bare.push((i, n));
            }
        }
    }
    // Bare numbers are page numbers when they count up a page's length apart: the
    // longest such chain. Serial numbers in a table are a few lines apart; where a
    // serial number and a page number could both be page k, the page number is the
    // later one (the last line of its page).
    let mut chain: Vec<(usize, Option<usize>)> = vec![(1, None); bare.len()];
    for k in 0..bare.len() {
        let (i, n) = bare[k];
        let mut best: Option<(usize, usize)> = None;
        for p in (k.saturating_sub(64)..k).rev() {
            let (j, m) = bare[p];
            if i - j > 400 {
                break;
            }
            if m + 1 == n && i - j >= 12 && best.is_none_or(|(len, _)| chain[p].0 > len) {
                best = Some((chain[p].0, p));
            }
        }
        if let Some((len, p)) = best {
            chain[k] = (len + 1, Some(p));
        }
    }
    let end = (0..chain.len()).max_by_key(|&k| (chain[k].0, std::cmp::Reverse(k)));
    // A document numbers its pages one way: with decorated numbers found, bare ones are
    // a table's cells, not pages.
    let decorated = found.len() >= 2;
    if let Some(mut k) = end.filter(|&k| chain[k].0 >= 2 && !decorated) {
        // The last page may be short: the next number on the text's last line is its
        // page number however few lines the page holds.
        let last_line = lines.iter().rposition(|l| !l.content.is_empty());
        if let Some(&(i, _)) = bare[k + 1..]
            .iter()
            .find(|&&(i, n)| n == bare[k].1 + 1 && Some(i) == last_line)
        {
            found.push(i);
        }
        loop {
            found.push(bare[k].0);
            match chain[k].1 {
                Some(p) => k = p,
                None => break,
            }
        }
    }
    crate::order::sort_by_position(&mut found, |&i| i);
    found
}

fn decorated_page_number(t: &str) -> bool {
    // Dashes and dots that set off a page number.
    let dash = |c: char| {
        matches!(
            c,
            '—' | '–' | '-' | '－' | '─' | '―' | '一' | '·' | '•' | '・' | '.' | '~' | '*'
        )
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    // — 3 —
    if t.starts_with(dash) && t.ends_with(dash) {
        let inner = t.trim_matches(dash);
        if digits(inner) && inner.len() < t.len() {
            return true;
        }
    }
    // 第3页, 第3页共12页, 第3页/共12页, 共12页第3页
    let page = |s: &str| {
        s.strip_prefix('第')
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(digits)
    };
    let total = |s: &str| {
        s.strip_prefix('共')
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(digits)
    };
    if page(t) {
        return true;
    }
    for sep in ["，", ",", "/", "、", ""] {
        for (i, _) in t.match_indices('页') {
            let (a, b) = t.split_at(i + '页'.len_utf8());
            let b = b
                .strip_prefix(sep)
                .unwrap_or(if sep.is_empty() { b } else { "" });
            if (page(a) && total(b)) || (total(a) && page(b)) {
                return true;
            }
        }
    }
    // 3/12
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    false
}

/// Running headers: the same short line right after two or more page breaks, or after
/// one when it is also the document's title near the top.
fn running_headers(text: &str, lines: &[RawLine], pages: &[usize]) -> Vec<usize> {
    let next_content = |from: usize| {
        (from + 1..lines.len())
            .take(3)
            .find(|&j| !lines[j].content.is_empty())
    };
    let after: Vec<usize> = pages.iter().filter_map(|&p| next_content(p)).collect();
    let title_like = |s: &str| {
        let n = s.chars().count();
        let cjk = s.chars().filter(|&c| c >= '\u{4e00}').count();
        (4..=60).contains(&n)
            && cjk >= 4
            && !any_of(s, &['。', '，', '；'])
            && !s.starts_with(['（', '('])
    };
    // The title's place: the first lines of the first page (after an 印发 notice's head).
    let first_page = pages.first().copied().unwrap_or(lines.len());
    let top: Vec<usize> = (0..first_page)
        .filter(|&j| !lines[j].content.is_empty())
        .take(16)
        .collect();
    // How often each line follows a page break: counted once, not per line.
    let mut repeats = crate::order::Names::new();
    for &j in &after {
        *repeats.entry(&text[lines[j].content.clone()]).or_default() += 1;
    }
    let mut out = Vec::new();
    for &i in &after {
        let s = &text[lines[i].content.clone()];
        if !title_like(s) || pages.binary_search(&i).is_ok() {
            continue;
        }
        let repeats = repeats.get(s).copied().unwrap_or(0);
        let on_first_page = top.iter().any(|&j| text[lines[j].content.clone()] == *s);
        if repeats >= 2 && repeats * 2 >= after.len() || on_first_page {
            out.push(i);
        }
    }
    out
}

struct FoundDocument {
    kind: OtherKind,
    title: usize,
    lines: std::ops::Range<usize>,
}

/// What a short title-like line names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TitleKind {
    Plan,
    Other(OtherKind),
}

fn title_kind(s: &str, c: &Compiled) -> Option<TitleKind> {
    // 4 to 70 characters are 4 to 280 bytes: most lines are ruled out without reading them.
    if !(4..=280).contains(&s.len()) {
        return None;
    }
    // A sentence's punctuation rules a line out, and each word below has one of the
    // characters after it: one pass over the line rules out most lines.
    let mut worded = false;
    for (_, ch) in crate::chars::indices(s) {
        match ch {
            '。' | '，' | '；' | ',' => return None,
            '说' | '通' | '公' | '方' | '读' => worded = true,
            _ => {}
        }
    }
    if !worded {
        return None;
    }
    // The words next, the characters only for a line that has them.
    let kind = if s.contains("起草说明")
        || s.contains("编制说明")
        || s.ends_with("的说明")
        || s.ends_with("解读")
    {
        TitleKind::Other(OtherKind::Explanation)
    } else if (s.contains("通知") || s.contains("公告")) && s.contains("征求") {
        TitleKind::Other(OtherKind::Notice)
    } else if names_a_plan(s)
        && !s.contains("通知")
        && !s.contains("印发")
        && !c.starts_attachment(s)
    {
        TitleKind::Plan
    } else {
        return None;
    };
    let n = s.chars().count();
    if !(4..=70).contains(&n) {
        return None;
    }
    Some(kind)
}

/// Whether a title-like line names a plan: it ends with 方案, a bracket after it aside
/// (（征求意见稿）, （2025—2027年）); not a sentence about one (方案共分为四个部分).
fn names_a_plan(s: &str) -> bool {
    let mut s = s.trim_end();
    while let Some(open) = s.rfind(['（', '(']).filter(|_| s.ends_with(['）', ')'])) {
        s = s[..open].trim_end();
    }
    s.ends_with("方案")
}

/// Documents beside the plan in one paste: a notice asking for comments before the
/// plan's title, a 起草说明 (or another notice) after it.
fn other_documents(
    text: &str,
    lines: &[RawLine],
    titles: &[Option<TitleKind>],
    c: &Compiled,
) -> Vec<FoundDocument> {
    let kinds: Vec<(usize, TitleKind)> = titles
        .iter()
        .enumerate()
        .filter_map(|(i, k)| Some((i, (*k)?)))
        .collect();
    let Some(&(plan, _)) = kinds.iter().find(|(_, k)| *k == TitleKind::Plan) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(&(t, TitleKind::Other(kind))) = kinds
        .iter()
        .take_while(|(i, _)| *i < plan)
        .find(|(_, k)| matches!(k, TitleKind::Other(_)))
    {
        // A lead-in such as 附件1 just above the plan's title belongs to the notice.
        out.push(FoundDocument {
            kind,
            title: t,
            lines: 0..plan,
        });
    }
    let after: Vec<(usize, OtherKind)> = kinds
        .iter()
        .filter(|(i, _)| *i > plan)
        .filter_map(|&(i, k)| match k {
            TitleKind::Other(o) => Some((i, o)),
            TitleKind::Plan => None,
        })
        .collect();
    // Each title after the plan opens a document that runs to the next title or the end;
    // a line such as 附件1 just above it goes with it.
    for (k, &(t, kind)) in after.iter().enumerate() {
        let mut start = t;
        if let Some(p) = (0..t).rev().find(|&j| !lines[j].content.is_empty()) {
            let s = &text[lines[p].content.clone()];
            if c.starts_attachment(s) && s.chars().count() <= 6 {
                start = p;
            }
        }
        let end = after.get(k + 1).map(|a| a.0).unwrap_or(lines.len());
        out.push(FoundDocument {
            kind,
            title: t,
            lines: start..end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_columns_are_found_by_their_bytes_as_by_their_characters() {
        let pieces = [
            "质量", " ", "\u{3000}", "\u{a0}", "\u{feff}", "\u{200b}", "\u{2003}", "a", "。", "〇",
            "ｘ", "𠮷", "\r",
        ];
        for a in pieces {
            for b in pieces {
                for d in pieces {
                    let s = format!("县{a}{b}局{d}");
                    let mut run = 0;
                    let by_characters = s.chars().any(|c| {
                        run = if is_blank(c) { run + 1 } else { 0 };
                        run >= 2
                    });
                    assert_eq!(aligned(&s), by_characters, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn every_kind_of_line_end_splits_and_no_other_character_does() {
        let text = "甲\n乙\r\n丙\r丁\u{b}戊\u{c}己\u{85}庚\u{2028}辛\u{2029}壬“—…”\u{2027}癸Â§";
        let (lines, odd) = split(text);
        let got: Vec<&str> = lines.iter().map(|l| &text[l.full.clone()]).collect();
        assert_eq!(
            got,
            [
                "甲",
                "乙",
                "丙",
                "丁",
                "戊",
                "己",
                "庚",
                "辛",
                "壬“—…”\u{2027}癸Â§"
            ]
        );
        assert!(odd);
        let (lines, odd) = split("甲\n乙\r\n丙“”");
        assert_eq!(lines.len(), 3);
        assert!(!odd);
    }

    fn compiled() -> Compiled {
        Compiled::new(&crate::Template::national()).unwrap() // ok: test
    }

    fn wrap(s: &str, cols: usize) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        chars.chunks(cols).map(|c| c.iter().collect()).collect()
    }

    #[test]
    fn traditional_script_is_recognised() {
        let simplified =
            "质量强县培育建设实施方案，推动经济质量效益型发展，县市场监管局负责。".repeat(3);
        let traditional =
            "質量強縣培育建設實施方案，推動經濟質量效益型發展，縣市場監管局負責。".repeat(3);
        assert!(!looks_traditional(&simplified));
        assert!(looks_traditional(&traditional));
    }

    #[test]
    fn tab_separated_rows_are_the_one_form_and_pass_untouched() {
        let text = "附件\n序号\t指标\t目标值\t责任单位\n1\t食品抽检合格率（%）\t≥98\t县市场监管局\n2\t高新技术企业（家）\t\t县科技局\n";
        let r = read(text, &compiled());
        assert!(!r.changed());
        assert_eq!(r.notes.table_rows, 0);
    }

    #[test]
    fn a_cell_a_line_becomes_a_row_a_line_and_maps_back() {
        let text = "附件\n\t序号\n\t指标\n\t目标值\n\t责任单位\n\n\t1\n\t食品抽检合格率（%）\n\t≥98\n\t县市场监管局\n\n\t2\n\t高新技术企业（家）\n\t\n\t县科技局\n";
        let r = read(text, &compiled());
        assert_eq!(r.notes.table_rows, 2);
        assert!(
            r.text.contains("序号\t指标\t目标值\t责任单位\n"),
            "{}",
            r.text
        );
        assert!(r
            .text
            .contains("\n1\t食品抽检合格率（%）\t≥98\t县市场监管局\n"));
        assert!(r.text.contains("\n2\t高新技术企业（家）\t\t县科技局"));
        let at = r.text.find("≥98").unwrap(); // ok: test
        let back = r.to_given(&(at..at + "≥98".len()));
        assert_eq!(r.given_text(&back), "≥98");
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "一、总体要求\n到2027年，建成。\n";
        let r = read(text, &compiled());
        assert!(!r.changed());
        assert_eq!(r.to_given(&(3..9)), GivenSpan(3..9));
    }

    #[test]
    fn joins_hard_wrapped_lines_and_maps_back() {
        let para = "支持企业创建和升级企业技术中心、工业设计中心等创新平台，加大研究和试验经费投入，大力培育发展高新技术企业。到2027年，培育高新技术企业数57家。（县科技局、县发展改革委负责）";
        let mut text = String::from("二、主要任务\n（一）提高经济发展质量效益\n");
        for n in 1..=4 {
            text.push_str(&format!("{n}."));
            for l in wrap(para, 30) {
                text.push_str(&l);
                text.push('\n');
            }
        }
        let r = read(&text, &compiled());
        assert!(r.changed());
        assert!(r.notes.joined >= 8, "{:?}", r.notes);
        let clause = "（县科技局、县发展改革委负责）";
        let at = r.text.find(clause).unwrap(); // ok: test
        let back = r.to_given(&(at..at + clause.len()));
        let quoted = r.given_text(&back);
        assert_eq!(quoted.replace('\n', ""), clause);
    }

    #[test]
    fn page_footers_and_running_headers_are_left_out() {
        let mut text = String::from("某县质量强县培育建设实施方案\n");
        for page in 1..=3 {
            for k in 0..20 {
                text.push_str(&format!("第{page}页第{k}段内容。\n"));
            }
            text.push_str(&format!("— {page} —\n某县质量强县培育建设实施方案\n"));
        }
        let r = read(&text, &compiled());
        assert!(!r.text.contains('—'));
        assert_eq!(r.text.matches("某县质量强县培育建设实施方案").count(), 1);
        assert_eq!(r.notes.furniture.len(), 6);
    }

    #[test]
    fn a_short_last_page_keeps_its_bare_page_number_out() {
        let mut text = String::new();
        for page in 1..=2 {
            for k in 0..14 {
                text.push_str(&format!("第{page}页第{k}行的正文。\n"));
            }
            text.push_str(&format!("{page}\n"));
        }
        text.push_str("最后一页只有一行。\n3\n");
        let r = read(&text, &compiled());
        assert!(
            !r.text.contains("\n3\n") && !r.text.ends_with("3\n"),
            "{}",
            r.text
        );
        assert_eq!(r.notes.furniture.len(), 3);
    }

    #[test]
    fn serial_numbers_in_a_table_are_not_page_numbers() {
        let mut text = String::from("序号\n指标\n目标值\n");
        for n in 1..=6 {
            text.push_str(&format!("{n}\n某指标\n9{n}%\n"));
        }
        let r = read(&text, &compiled());
        assert!(r.notes.furniture.is_empty());
        for n in 1..=6 {
            assert!(
                r.text.contains(&format!("{n}\t某指标\t9{n}%")),
                "{}",
                r.text
            );
        }
    }

    #[test]
    fn recognises_page_number_styles() {
        for s in [
            "—3—",
            "-3-",
            "·3·",
            "第3页",
            "第3页共12页",
            "第3页/共12页",
            "3/12",
            "－12－",
        ] {
            assert!(decorated_page_number(s), "{s}");
        }
        for s in ["3", "2027", "-", "第三部分", "1/2页"] {
            assert!(!decorated_page_number(s), "{s}");
        }
    }

    #[test]
    fn old_line_ends_are_line_ends() {
        let text = "一、总体要求\r到2027年。\r二、重点任务\r";
        let r = read(text, &compiled());
        assert_eq!(r.text, "一、总体要求\n到2027年。\n二、重点任务\n");
        assert!(r.notes.line_ends);
        let at = r.text.find("二").unwrap(); // ok: test
        assert_eq!(r.to_given(&(at..at + 3)), GivenSpan(at..at + 3));
    }

    #[test]
    fn a_notice_and_an_explanation_beside_the_plan_are_named() {
        let text = "关于公开征求《某县质量强县培育建设实施方案（征求意见稿）》意见的公告\n一、征求意见时间\n二、反馈方式\n附件1\n某县质量强县培育建设实施方案\n一、总体要求\n二、重点任务\n关于《某县质量强县培育建设实施方案》的起草说明\n一、起草背景\n";
        let r = read(text, &compiled());
        assert_eq!(r.notes.others.len(), 2);
        assert_eq!(r.notes.others[0].kind, OtherKind::Notice);
        assert_eq!(r.notes.others[1].kind, OtherKind::Explanation);
        assert!(r
            .text
            .starts_with("某县质量强县培育建设实施方案\n一、总体要求"));
        assert!(!r.text.contains("起草"));
    }
}
