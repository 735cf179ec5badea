//! Tables as a copy gives them, read back into one form: a row a line, its cells
//! separated by one tab, an empty cell empty, a cell broken across lines whole again.
//!
//! The forms a drafter's paste arrives in:
//! - a Word table copied as text: a row a line, cells separated by tabs (some copies
//!   begin every line with a tab); a merged cell is an empty cell;
//! - a cell a line, each led by a tab, a blank line between rows, an empty cell a line
//!   holding only a tab; a cell broken across lines goes on without the tab;
//! - a cell a line without tabs (a PDF copy): rows known by their 序号, empty cells
//!   missing, a long cell hard-wrapped;
//! - columns lined up with runs of spaces (a PDF copy with layout): empty cells missing.
//!
//! Where cells are missing, each is put in the column whose header it fits (a unit in
//! 单位, a number in a value column, a unit's name in 责任单位), in order.

use crate::chars::is_blank;
use crate::compiled::Compiled;
use crate::document::Span;
use crate::numbering::starts_with_marker;

use super::{Keep, RawLine};

/// A table found in the raw lines: the lines it covers and its rows in the one form.
pub(super) struct Region {
    pub lines: std::ops::Range<usize>,
    /// The header, then each row: each cell its pieces of the original (none: empty).
    pub rows: Vec<Vec<Vec<Span>>>,
    /// Whether the text already had the one form (nothing to rewrite).
    pub canonical: bool,
    /// Lines taken for page numbers that are the rows' 序号.
    pub reclaimed: Vec<usize>,
}

/// What a column holds, by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Serial,
    /// 类别 / 领域: a merged cell, often empty.
    Group,
    /// 指标名称 / 重点任务: the row's subject.
    Subject,
    /// 具体措施 / 备注: other text.
    Text,
    /// 单位 / 计量单位.
    Measure,
    /// 2027年目标值 / 目标值 / 2027年.
    Value,
    /// 基期值 / 现状值: a value, less likely the one a row gives alone.
    Base,
    /// 责任单位 / 牵头单位 / 配合单位.
    Units,
    /// 完成时限.
    Deadline,
    /// 属性: 预期性 / 约束性.
    Attribute,
}

/// What a column holds, by its header cell's words (the vocabulary's `table_columns`).
pub(crate) fn kind_of(h: &str, c: &Compiled) -> Kind {
    let words = &c.table_columns;
    let has = |ws: &[String]| ws.iter().any(|w| h.contains(w.as_str()));
    if h.contains("序号") {
        Kind::Serial
    } else if has(&words.units) && !h.contains("任务") {
        Kind::Units
    } else if h == "单位" || h == "计量单位" {
        Kind::Measure
    } else if has(&words.deadline) || h.contains("目标年") && !h.contains('值') {
        Kind::Deadline
    } else if h.contains("属性") {
        Kind::Attribute
    } else if has(&words.base) {
        Kind::Base
    } else if has(&words.value) || crate::facts::years::years_in(h).next().is_some() {
        Kind::Value
    } else if has(&words.group) {
        Kind::Group
    } else if has(&words.subject) {
        Kind::Subject
    } else {
        Kind::Text
    }
}

/// Whether a cell can be a header's: short, naming a column or a year. The parse stage's
/// table reader asks the same of the one form this stage leaves.
pub(crate) fn header_cell(s: &str, c: &Compiled) -> bool {
    let n = s.chars().count();
    // A line ending in 表 is the table's title (重点任务分解表), not a column's.
    if n == 0 || n > 16 || s.contains(['。', '，', '；']) || s.ends_with('表') {
        return false;
    }
    c.table_headers.iter().any(|w| s.contains(w.as_str()))
        || crate::facts::years::years_in(s).next().is_some() && n <= 12
}

/// Whether header cells make a table's header: three or more, one naming what the rows
/// are about (an indicator, a task) or who is responsible.
fn is_header(cells: &[&str], c: &Compiled) -> bool {
    cells.len() >= 3
        && cells.len() <= 16
        && cells.iter().all(|s| header_cell(s, c))
        && cells
            .iter()
            .any(|s| matches!(kind_of(s, c), Kind::Subject | Kind::Units))
}

/// How a table's cells arrive.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A row a line, cells separated by tabs.
    TabRows,
    /// A row a line, columns lined up with blanks.
    Spaced,
    /// A cell a line; `tabbed` when each cell is led by a tab.
    CellLines { tabbed: bool },
}

/// A cell as found, before it is put in its column.
#[derive(Clone, Debug, Default)]
struct Piece {
    spans: Vec<Span>,
    /// A continuation's hint: the piece goes on the cell before it.
    goes_on: bool,
    /// The piece surely starts a cell (a Word copy's tab leads it).
    starts: bool,
}

impl Piece {
    fn of(span: Span) -> Piece {
        Piece {
            spans: if span.is_empty() {
                Vec::new()
            } else {
                vec![span]
            },
            goes_on: false,
            starts: false,
        }
    }
    fn empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Context for reading tables out of the raw lines.
pub(super) struct Lines<'a> {
    pub text: &'a str,
    pub lines: &'a [RawLine],
    pub keep: &'a [Keep],
    pub c: &'a Compiled,
    /// Whether a line is as wide as the text is hard-wrapped at (it goes on).
    pub full: &'a dyn Fn(usize) -> bool,
}

impl Lines<'_> {
    fn content(&self, i: usize) -> &str {
        self.lines
            .get(i)
            .map(|l| &self.text[l.content.clone()])
            .unwrap_or("")
    }
    fn full_text(&self, i: usize) -> &str {
        self.lines
            .get(i)
            .map(|l| &self.text[l.full.clone()])
            .unwrap_or("")
    }
    fn kept(&self, i: usize) -> bool {
        self.keep.get(i) == Some(&Keep::Yes)
    }
    /// Whether the line begins with a tab (a Word cell's copy).
    fn tab_led(&self, i: usize) -> bool {
        self.full_text(i)
            .trim_start_matches([' ', '\u{3000}'])
            .starts_with('\t')
    }
    /// The line's fields between tabs, each without its blanks; spans of the original.
    fn tab_fields(&self, i: usize) -> Vec<Span> {
        let Some(l) = self.lines.get(i) else {
            return Vec::new();
        };
        let s = &self.text[l.full.clone()];
        let mut out = Vec::new();
        let mut at = l.full.start;
        for field in s.split('\t') {
            out.push(trimmed(self.text, at..at + field.len()));
            at += field.len() + 1;
        }
        out
    }
    /// The line's fields between runs of blanks (two or more, a U+3000 or a tab).
    fn spaced_fields(&self, i: usize) -> Vec<Span> {
        let Some(l) = self.lines.get(i) else {
            return Vec::new();
        };
        let s = &self.text[l.content.clone()];
        let mut out = Vec::new();
        let mut start = 0;
        let mut run_start: Option<usize> = None;
        let mut run = 0;
        let mut wide = false;
        for (k, ch) in s.char_indices() {
            if is_blank(ch) {
                if run_start.is_none() {
                    run_start = Some(k);
                }
                run += 1;
                wide |= ch == '\u{3000}' || ch == '\t';
            } else {
                if let Some(rs) = run_start.take() {
                    if run >= 2 || wide {
                        out.push(l.content.start + start..l.content.start + rs);
                        start = k;
                    }
                }
                run = 0;
                wide = false;
            }
        }
        out.push(l.content.start + start..l.content.end);
        out
    }
}

/// Whether a line has two spaces in a row (columns lined up), by its bytes.
fn double_space(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| w == b"  ")
}

fn trimmed(text: &str, span: Span) -> Span {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let body = s.trim_matches(is_blank).len();
    span.start + lead..span.start + lead + body
}

/// The tables in the text, in order.
pub(super) fn find(cx: &Lines<'_>) -> Vec<Region> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.lines.len() {
        match region_at(cx, i) {
            Some(r) if r.rows.len() >= 2 => {
                i = r.lines.end.max(i + 1);
                out.push(r);
            }
            _ => i += 1,
        }
    }
    out
}

/// A table whose header starts at line `i`.
// Long: the forms a header arrives in (a row a line, lined up with blanks, a cell a
// line), tried in turn.
fn region_at(cx: &Lines<'_>, i: usize) -> Option<Region> {
    if !cx.kept(i) {
        return None;
    }
    let first = cx.content(i);
    if first.is_empty() || first.len() > 400 {
        return None;
    }
    let text = cx.text;
    // A header on one line has its cells between tabs or lined up with runs of blanks,
    // and names what its rows are about or who is responsible: most lines are ruled out
    // by a byte search or two.
    let form = if first.contains('\t') {
        Some(Form::TabRows)
    } else if first.contains(' ') && double_space(first)
        || first.contains('\u{3000}')
        || first.contains('\u{a0}')
    {
        Some(Form::Spaced)
    } else {
        None
    };
    let one_line = form.filter(|_| {
        ["指标", "任务", "名称", "事项", "责任", "牵头", "配合"]
            .iter()
            .any(|w| first.contains(w))
    });
    if let Some(form) = one_line {
        let mut fields = if form == Form::TabRows {
            cx.tab_fields(i)
        } else {
            cx.spaced_fields(i)
        };
        if form == Form::TabRows && fields.first().is_some_and(|f| f.is_empty()) {
            fields.remove(0);
        }
        if fields.len() >= 3 {
            let cells: Vec<&str> = fields.iter().map(|f| &text[f.clone()]).collect();
            return is_header(&cells, cx.c).then(|| read_rows(cx, i, i + 1, fields, form));
        }
    }
    // A header a cell a line: its first cell is short.
    if first.len() > 48 {
        return None;
    }
    let starts = first.contains("序号")
        || ["指标", "类别", "领域", "重点任务", "任务"]
            .iter()
            .any(|w| first.starts_with(w));
    if !starts || !header_cell(first, cx.c) {
        return None;
    }
    let tabbed = cx.tab_led(i);
    let mut header = Vec::new();
    let mut j = i;
    while j < cx.lines.len() && header.len() < 16 {
        // The first row's 序号, taken for a page number, ends the header too.
        if !cx.kept(j) && serial_of(cx.content(j)) == Some(1) {
            break;
        }
        if !cx.kept(j) {
            j += 1;
            continue;
        }
        let s = cx.content(j);
        if s.is_empty() {
            j += 1;
            continue;
        }
        if !header_cell(s, cx.c) || cx.tab_led(j) != tabbed {
            break;
        }
        header.push(cx.lines[j].content.clone());
        j += 1;
    }
    let cells: Vec<&str> = header.iter().map(|f| &text[f.clone()]).collect();
    if !is_header(&cells, cx.c) {
        return None;
    }
    Some(read_rows(cx, i, j, header, Form::CellLines { tabbed }))
}

/// The rows after a header, put in their columns.
fn read_rows(cx: &Lines<'_>, start: usize, after: usize, header: Vec<Span>, form: Form) -> Region {
    let kinds: Vec<Kind> = header
        .iter()
        .map(|h| kind_of(&cx.text[h.clone()], cx.c))
        .collect();
    let (raw, end, mut canonical, reclaimed) = match form {
        Form::TabRows => {
            let (rows, end, canonical) = tab_rows(cx, after, kinds.len());
            (rows, end, canonical, Vec::new())
        }
        Form::Spaced => {
            let end = spaced_end(cx, after);
            (spaced_rows(cx, after, end), end, false, Vec::new())
        }
        Form::CellLines { tabbed } => {
            let (rows, end, reclaimed) = cell_rows(cx, after, &kinds, tabbed);
            (rows, end, false, reclaimed)
        }
    };
    let mut rows: Vec<Vec<Vec<Span>>> = Vec::with_capacity(raw.len() + 1);
    rows.push(header.into_iter().map(|h| vec![h]).collect());
    for pieces in raw {
        let cells = align(cx, &pieces, &kinds);
        canonical &= pieces.len() == kinds.len() && pieces.iter().all(|p| p.spans.len() <= 1);
        rows.push(cells);
    }
    Region {
        lines: start..end,
        rows,
        canonical,
        reclaimed,
    }
}

/// Whether a line ends a table: an attachment, a numbered heading, a note under it.
fn ends_table(s: &str, cx: &Lines<'_>) -> bool {
    cx.c.starts_attachment(s)
        || starts_with_marker(s) && !s.contains('\t')
        || s.starts_with("注：")
        || s.starts_with("注:")
        || s.starts_with("备注：")
        || s.starts_with("说明：")
}

/// A row a line, cells separated by tabs. A line with fewer cells goes on with the next
/// (a cell broken across lines); a line without tabs goes on the row's last cell when the
/// table goes on after it.
fn tab_rows(cx: &Lines<'_>, from: usize, width: usize) -> (Vec<Vec<Piece>>, usize, bool) {
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    let mut canonical = true;
    // The row being read, and whether it may still take cells.
    let mut open = false;
    let mut end = from;
    let mut k = from;
    let next_tab_line = |k: usize| {
        (k + 1..cx.lines.len())
            .filter(|&j| cx.kept(j) && !cx.content(j).is_empty())
            .take(1)
            .any(|j| cx.content(j).contains('\t'))
    };
    while k < cx.lines.len() {
        if !cx.kept(k) {
            k += 1;
            continue;
        }
        let s = cx.content(k);
        if s.is_empty() {
            k += 1;
            continue;
        }
        if !s.contains('\t') {
            let Some(row) = rows.last_mut() else { break };
            if ends_table(s, cx) || s.chars().count() > 200 || !(open || next_tab_line(k)) {
                break;
            }
            // A cell broken across lines.
            if let Some(cell) = row.last_mut() {
                cell.spans.push(cx.lines[k].content.clone());
            }
            canonical = false;
            end = k + 1;
            k += 1;
            continue;
        }
        let mut fields = cx.tab_fields(k);
        if fields.len() > width && fields.first().is_some_and(|f| f.is_empty()) {
            fields.remove(0);
            canonical = false;
        }
        let new_row = fields
            .first()
            .is_some_and(|f| !f.is_empty() && serial_of(&cx.text[f.clone()]).is_some());
        match rows.last_mut() {
            Some(row) if open && row.len() + fields.len() - 1 <= width && !new_row => {
                // The rest of a row whose cell broke across lines.
                let mut fields = fields.into_iter();
                if let (Some(cell), Some(first)) = (row.last_mut(), fields.next()) {
                    if !first.is_empty() {
                        cell.spans.push(first);
                    }
                }
                row.extend(fields.map(Piece::of));
                canonical = false;
            }
            _ => rows.push(fields.into_iter().map(Piece::of).collect()),
        }
        open = rows.last().is_some_and(|r| r.len() < width);
        end = k + 1;
        k += 1;
    }
    (rows, end, canonical)
}

/// A row a line, columns lined up with blanks.
fn spaced_rows(cx: &Lines<'_>, from: usize, end: usize) -> Vec<Vec<Piece>> {
    let mut rows = Vec::new();
    for k in from..end {
        if !cx.kept(k) || cx.content(k).is_empty() {
            continue;
        }
        rows.push(cx.spaced_fields(k).into_iter().map(Piece::of).collect());
    }
    rows
}

/// The line after a lined-up table: the first with fewer than three columns.
fn spaced_end(cx: &Lines<'_>, from: usize) -> usize {
    let mut end = from;
    for k in from..cx.lines.len() {
        if !cx.kept(k) {
            continue;
        }
        let s = cx.content(k);
        if s.is_empty() {
            continue;
        }
        if cx.spaced_fields(k).len() < 3 || ends_table(s, cx) {
            break;
        }
        end = k + 1;
    }
    end
}

/// A serial number: one to three digits.
fn serial_of(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A cell a line. Rows are known by their 序号, else by the blank lines between them,
/// else by the header's width.
// Long: one pass over the lines, each step reading and setting the same state (the row
// being built, the 序号 expected, a blank line before); split, every part would need it all.
fn cell_rows(
    cx: &Lines<'_>,
    from: usize,
    kinds: &[Kind],
    tabbed: bool,
) -> (Vec<Vec<Piece>>, usize, Vec<usize>) {
    let width = kinds.len();
    let serial = kinds.first() == Some(&Kind::Serial);
    // A long measure cell may be long; other cells are short.
    let longest = if kinds.contains(&Kind::Text) || kinds.contains(&Kind::Subject) {
        400
    } else {
        80
    };
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut expected = 1u32;
    let mut blank_before = false;
    let mut any_blank = false;
    let mut end = from;
    let mut prev_line: Option<usize> = None;
    let mut reclaimed = Vec::new();
    let mut k = from;
    while k < cx.lines.len() {
        // A row's 序号 may have been taken for a page number.
        let serial_here = serial && serial_of(cx.content(k)) == Some(expected);
        if !(cx.kept(k) || serial_here && cx.keep.get(k) == Some(&Keep::Furniture)) {
            k += 1;
            continue;
        }
        if !cx.kept(k) {
            reclaimed.push(k);
        }
        let s = cx.content(k);
        let led = cx.tab_led(k);
        if s.is_empty() {
            if tabbed && led && !current.is_empty() {
                // An empty cell: a line holding only a tab.
                current.push(Piece::default());
                end = k + 1;
            } else if !cx.full_text(k).contains('\t') {
                blank_before = true;
                any_blank = true;
                if !serial && !current.is_empty() {
                    rows.push(std::mem::take(&mut current));
                }
            }
            k += 1;
            continue;
        }
        if s.chars().count() > longest || ends_table(s, cx) {
            break;
        }
        // In a tabbed copy a line without its tab goes on the cell before; in a PDF copy
        // a line after a full one does.
        let goes_on = !current.is_empty()
            && if tabbed {
                !led
            } else {
                prev_line.is_some_and(|p| (cx.full)(p)) && !blank_before
            };
        if tabbed && !led && !goes_on {
            break;
        }
        if tabbed && !led && blank_before && current.is_empty() {
            break;
        }
        let starts_row = if serial {
            serial_of(s) == Some(expected) && !goes_on
        } else {
            current.is_empty() || !any_blank && current.len() >= width
        };
        if serial && current.is_empty() && rows.is_empty() && !starts_row {
            break;
        }
        if starts_row {
            if !current.is_empty() {
                rows.push(std::mem::take(&mut current));
            }
            if serial {
                expected += 1;
            }
        } else if serial && blank_before && !goes_on && current.len() >= width {
            // A whole row, then a line that is not the next row's number: the table ended.
            break;
        }
        if current.len() > 3 * width {
            break;
        }
        let mut piece = Piece::of(cx.lines[k].content.clone());
        piece.goes_on = goes_on;
        piece.starts = tabbed && led;
        current.push(piece);
        blank_before = false;
        prev_line = Some(k);
        end = k + 1;
        k += 1;
    }
    if !current.is_empty() {
        rows.push(current);
    }
    (rows, end, reclaimed)
}

const NONE: i32 = i32::MIN / 4;

/// How well a piece fits a column, or NONE.
// Long: one table of scores, a case for each kind of column.
fn fit(cx: &Lines<'_>, piece: &Piece, kind: Kind) -> i32 {
    if piece.empty() {
        return 0;
    }
    let s: String = piece.spans.iter().map(|p| &cx.text[p.clone()]).collect();
    let s = s.as_str();
    let digits = s.bytes().any(|b| b.is_ascii_digit());
    let dash = matches!(s, "—" | "——" | "-" | "－" | "/" | "／" | "--");
    // A list of units, also one broken across lines (区交通运输局、 / 区工信局、区自然资源和规划):
    // its first name is a unit's.
    let unit_name =
        cx.c.ends_with_unit_suffix(s.trim_end_matches(['等', '。', '、', '，', ',', ';', '；']))
            || s.split(['、', '，', ','])
                .next()
                .is_some_and(|first| first.len() < s.len() && cx.c.ends_with_unit_suffix(first));
    let numeric = s
        .trim_start_matches(['≥', '≤', '＞', '＜', '>', '<', '约', '+', '＋'])
        .starts_with(|ch: char| ch.is_ascii_digit());
    let measure = dash || cx.c.unit_at(s).is_some_and(|u| u.len() == s.len());
    let n = s.chars().count();
    match kind {
        Kind::Serial => {
            if serial_of(s).is_some() {
                6
            } else {
                NONE
            }
        }
        Kind::Measure => {
            if measure && !dash {
                6
            } else if dash {
                2
            } else {
                NONE
            }
        }
        Kind::Value | Kind::Base => {
            if unit_name || measure && !dash {
                NONE
            } else if digits && n <= 24 {
                if kind == Kind::Value {
                    4
                } else {
                    3
                }
            } else if dash {
                2
            } else if n <= 12 {
                1
            } else {
                NONE
            }
        }
        Kind::Units => {
            if unit_name {
                6
            } else if dash {
                1
            } else {
                NONE
            }
        }
        Kind::Deadline => {
            let timed = crate::facts::years::years_in(s).next().is_some()
                || ["持续", "长期", "年底", "前", "每年", "常态"]
                    .iter()
                    .any(|w| s.contains(w));
            if timed && n <= 16 {
                5
            } else {
                NONE
            }
        }
        Kind::Attribute => {
            if s.contains("预期") || s.contains("约束") {
                6
            } else {
                NONE
            }
        }
        Kind::Group | Kind::Subject | Kind::Text => {
            if measure || numeric && n <= 12 {
                NONE
            } else if kind == Kind::Subject {
                3
            } else {
                1
            }
        }
    }
}

/// Whether a column's cell may be broken across lines.
fn may_break(kind: Kind) -> bool {
    matches!(kind, Kind::Group | Kind::Subject | Kind::Text | Kind::Units)
}

/// The row's pieces in their columns: in order, each in the column it fits best, the
/// columns left over empty; a piece may go on the cell before it.
// Long: one dynamic programme; its table, its filling and its walk back share indexes.
fn align(cx: &Lines<'_>, pieces: &[Piece], kinds: &[Kind]) -> Vec<Vec<Span>> {
    let width = kinds.len();
    let direct = pieces.len() == width
        && !pieces.iter().any(|p| p.goes_on)
        && pieces.iter().zip(kinds).all(|(p, &k)| fit(cx, p, k) > NONE);
    if direct || pieces.len() > 4 * width + 8 {
        let mut cells: Vec<Vec<Span>> =
            pieces.iter().take(width).map(|p| p.spans.clone()).collect();
        cells.resize(width, Vec::new());
        return cells;
    }
    // best[i][j]: the best score with pieces[..=i] placed, piece i in column j.
    let m = pieces.len();
    let mut best = vec![vec![NONE; width]; m];
    let mut from = vec![vec![usize::MAX; width]; m];
    let fits: Vec<Vec<i32>> = pieces
        .iter()
        .map(|p| kinds.iter().map(|&k| fit(cx, p, k)).collect())
        .collect();
    for j in 0..width {
        if fits[0][j] > NONE {
            best[0][j] = fits[0][j] - skipped(&kinds[..j]);
        }
    }
    for i in 1..m {
        for j in 0..width {
            // A new cell in column j after piece i-1 in column p < j.
            let mut top = NONE;
            let mut arg = usize::MAX;
            if fits[i][j] > NONE {
                // A line after a full one more likely goes on, but may start a cell.
                let hint = if pieces[i].goes_on { 3 } else { 0 };
                for p in 0..j {
                    if best[i - 1][p] > NONE {
                        let s = best[i - 1][p] + fits[i][j] - skipped(&kinds[p + 1..j]) - hint;
                        if s > top {
                            top = s;
                            arg = p;
                        }
                    }
                }
            }
            // The same cell going on.
            if may_break(kinds[j])
                && best[i - 1][j] > NONE
                && !pieces[i].empty()
                && !pieces[i].starts
            {
                let s = best[i - 1][j] + if pieces[i].goes_on { 2 } else { -6 };
                if s > top {
                    top = s;
                    arg = j;
                }
            }
            best[i][j] = top;
            from[i][j] = arg;
        }
    }
    let last = (0..width)
        .filter(|&j| best[m - 1][j] > NONE)
        .max_by_key(|&j| {
            (
                best[m - 1][j] - skipped(&kinds[j + 1..]),
                std::cmp::Reverse(j),
            )
        });
    let mut cells: Vec<Vec<Span>> = vec![Vec::new(); width];
    let Some(mut j) = last else {
        // Nothing fits: the pieces in order, the rest on the last cell.
        for (i, p) in pieces.iter().enumerate() {
            cells[i.min(width - 1)].extend(p.spans.iter().cloned());
        }
        return cells;
    };
    let mut placed = vec![0usize; m];
    for i in (0..m).rev() {
        placed[i] = j;
        if i > 0 {
            j = from[i][j];
            if j == usize::MAX {
                break;
            }
        }
    }
    for (i, p) in pieces.iter().enumerate() {
        if let Some(cell) = cells.get_mut(placed[i]) {
            cell.extend(p.spans.iter().cloned());
        }
    }
    cells
}

/// What leaving columns empty costs: a group cell is often merged, a value rarely
/// missing.
fn skipped(kinds: &[Kind]) -> i32 {
    kinds
        .iter()
        .map(|k| match k {
            Kind::Group | Kind::Measure | Kind::Text | Kind::Attribute => 0,
            Kind::Serial | Kind::Subject => 3,
            Kind::Value | Kind::Base | Kind::Units | Kind::Deadline => 1,
        })
        .sum()
}
