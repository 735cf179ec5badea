//! Tables, as the reading stage leaves them: a row a line, cells separated by one tab, an
//! empty cell empty, under a header such as
//! 序号 / 类别 / 指标名称 / 单位 / 2024年基期值 / 2027年目标值 / 责任单位 or
//! 序号 / 重点任务 / 具体措施 / 牵头单位 / 配合单位 / 完成时限. Whatever form the copy
//! gave (a cell a line, lined-up columns, merged or broken cells) was read into this one.

use crate::chars::is_blank;
use crate::compiled::Compiled;
use crate::document::{Line, Mention, Span, Table, TableRow, Target};
use crate::parse::clauses;
use crate::reading::{header_cell, kind_of, Kind};
use crate::template::{PartKind, Template};

fn year_of(s: &str) -> Option<u16> {
    crate::facts::years::years_in(s).next().map(|(_, y)| y)
}

#[derive(Default)]
struct Columns {
    indicator: Option<usize>,
    /// 重点任务 / 工作任务 / 主要举措: a task-decomposition table.
    task: Option<usize>,
    /// Further responsibility columns (配合单位 beside 牵头单位).
    others: Vec<usize>,
    /// Responsibility columns whose header says 牵头.
    lead: Vec<usize>,
    unit: Option<usize>,
    target: Option<usize>,
    responsible: Option<usize>,
    /// 目标年 / 完成时限: each row's own deadline.
    year: Option<usize>,
    /// 基期 / 基期值 / 现状值: not a target.
    base: Option<usize>,
    /// The unit in the target column's header: 目标值（%）.
    target_unit: Option<String>,
}

fn columns(header: &[&str], c: &Compiled) -> (Columns, Option<u16>) {
    let mut cols = Columns::default();
    let mut year = None;
    for (i, h) in header.iter().enumerate() {
        let kind = kind_of(h, c);
        if kind == Kind::Units {
            if h.contains("牵头") {
                cols.lead.push(i);
            }
            match cols.responsible {
                None => cols.responsible = Some(i),
                Some(_) => cols.others.push(i),
            }
        } else if cols.task.is_none()
            && !h.contains("指标")
            && c.table_columns.task.iter().any(|w| h.contains(w.as_str()))
        {
            cols.task = Some(i);
        } else if cols.year.is_none() && (kind == Kind::Deadline || *h == "年份") {
            cols.year = Some(i);
        } else if cols.indicator.is_none()
            && (h.contains("指标") || h.contains("名称") || h.contains("内容"))
        {
            cols.indicator = Some(i);
        } else if *h == "单位" || *h == "计量单位" {
            cols.unit = Some(i);
        } else if kind == Kind::Base {
            cols.base = Some(i);
        } else if h.contains("目标") || year_of(h).is_some() {
            // The latest year's value column is the target; its year dates the rows. An
            // earlier year's column is the base.
            let y = year_of(h);
            let later = match (y, year) {
                (Some(y), Some(t)) => y >= t,
                _ => true,
            };
            if later {
                if let (Some(t), None) = (cols.target, cols.base) {
                    cols.base = Some(t);
                }
                cols.target = Some(i);
                cols.target_unit = bracket_unit(h, c);
                year = y.or(year);
            } else if cols.base.is_none() {
                cols.base = Some(i);
            }
        }
    }
    (cols, year)
}

pub struct Found {
    pub tables: Vec<Table>,
    pub targets: Vec<Target>,
}

pub fn find(
    text: &str,
    lines: &[Line],
    mentions: &[Mention],
    template: &Template,
    c: &Compiled,
    part_at: &dyn Fn(usize) -> PartKind,
) -> Found {
    let mut found = Found {
        tables: Vec::new(),
        targets: Vec::new(),
    };
    let reader = RowReader {
        text,
        mentions,
        template,
        c,
        part_at,
    };
    let mut i = 0;
    while i < lines.len() {
        let Some(header) = header_at(text, &lines[i], c) else {
            i += 1;
            continue;
        };
        let (rows, k) = tab_rows(text, lines, i + 1, header.fields.len());
        if rows.is_empty() {
            i += 1;
            continue;
        }
        let start = lines[i].content.start;
        let mut table = Table {
            span: start..lines[k - 1].content.end,
            header: header.fields.clone(),
            rows: Vec::new(),
            year: header.year,
            responsible: header.cols.responsible.is_some(),
        };
        for cells in rows {
            let (row, target) = reader.read(&header, cells, start);
            found.targets.extend(target);
            table.rows.push(row);
        }
        found.tables.push(table);
        i = k;
    }
    found
}

/// The rows after a header, a row a line, its cells split at tabs and as many as the
/// header's; and the line after them.
fn tab_rows(text: &str, lines: &[Line], from: usize, width: usize) -> (Vec<Vec<Span>>, usize) {
    let mut k = from;
    let mut rows: Vec<Vec<Span>> = Vec::new();
    while let Some(line) = lines.get(k) {
        if !text[line.full.clone()].contains('\t') {
            break;
        }
        let mut cells = fields(text, &line.full);
        if cells.iter().all(|c| c.is_empty()) {
            break;
        }
        cells.resize(width, line.full.end..line.full.end);
        rows.push(cells);
        k += 1;
    }
    (rows, k)
}

/// What reading a table's rows needs.
struct RowReader<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    template: &'a Template,
    c: &'a Compiled,
    part_at: &'a dyn Fn(usize) -> PartKind,
}

impl RowReader<'_> {
    /// A row of the table, and the target it gives, if any.
    fn read(
        &self,
        header: &Header,
        cells: Vec<Span>,
        table_start: usize,
    ) -> (TableRow, Option<Target>) {
        let text = self.text;
        let parsed = read_row(
            text,
            &cells,
            &header.cols,
            self.mentions,
            self.template,
            self.c,
        );
        let first = cells
            .iter()
            .find(|s| !s.is_empty())
            .map_or(table_start, |s| s.start);
        let last = cells
            .iter()
            .rev()
            .find(|s| !s.is_empty())
            .map_or(table_start, |s| s.end);
        let row_span = first..last;
        let row_year = parsed.year.or(header.year);
        let has_target = parsed.target.is_some();
        let target = parsed.target.map(|t| {
            Target {
                ratio: t.ratio,
                indicator: parsed.indicator,
                dated: row_year.is_some(),
                year: row_year,
                from_table: true,
                named: parsed.named.clone(),
                base: parsed.base.clone(),
                ..Target::at(t.cell, (self.part_at)(row_span.start))
            }
            .valued(t.value, t.unit.as_deref())
        });
        let serial = header
            .serial
            .then(|| cells.first())
            .flatten()
            .and_then(|s| text[s.clone()].parse().ok());
        let row = TableRow {
            span: row_span,
            serial,
            named: parsed.named,
            task: parsed.task,
            cells,
            indicator: parsed.indicator,
            units: parsed.units,
            has_target,
        };
        (row, target)
    }
}

/// A line's cells between tabs, each without its blanks.
fn fields(text: &str, full: &Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = full.start;
    for field in text[full.clone()].split('\t') {
        let lead = field.len() - field.trim_start_matches(is_blank).len();
        let body = field.trim_matches(is_blank).len();
        out.push(at + lead..at + lead + body);
        at += field.len() + 1;
    }
    out
}

/// A table's header: its cells, the columns, the year the header names.
struct Header {
    fields: Vec<Span>,
    cols: Columns,
    year: Option<u16>,
    /// Whether the first column is 序号, numbering the rows.
    serial: bool,
}

/// A header line: three or more short cells between tabs naming at least a
/// responsibility, indicator or task column.
fn header_at(text: &str, line: &Line, c: &Compiled) -> Option<Header> {
    let s = &text[line.content.clone()];
    if !s.contains('\t') || s.len() > 400 {
        return None;
    }
    let fields = fields(text, &line.full);
    let cells: Vec<&str> = fields.iter().map(|f| &text[f.clone()]).collect();
    if cells.len() < 3 || !cells.iter().all(|h| header_cell(h, c)) {
        return None;
    }
    let (cols, year) = columns(&cells, c);
    if cols.responsible.is_none() && cols.indicator.is_none() && cols.task.is_none() {
        return None;
    }
    let serial = cells.first().is_some_and(|h| h.contains("序号"));
    Some(Header {
        fields,
        cols,
        year,
        serial,
    })
}

struct RowReading {
    indicator: Option<usize>,
    /// The indicator cell as written.
    named: Option<Span>,
    /// The base value (基期), when the table has a column for it.
    base: Option<String>,
    task: Option<Span>,
    units: Vec<crate::document::UnitName>,
    target: Option<RowTarget>,
    /// The row's own deadline, from a 目标年 column.
    year: Option<u16>,
}

/// A row's target: its value cell, the number, its unit wherever the table wrote it, and
/// whether it is a ratio.
struct RowTarget {
    cell: Span,
    value: String,
    unit: Option<String>,
    ratio: bool,
}

fn read_row(
    text: &str,
    cells: &[Span],
    cols: &Columns,
    mentions: &[Mention],
    template: &Template,
    c: &Compiled,
) -> RowReading {
    let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).filter(|s| !s.is_empty());
    let mention_in = |span: &Span| {
        mentions[crate::order::range_in(mentions, |m| m.span.start, span)]
            .iter()
            .find(|m| m.span.end <= span.end)
            .map(|m| m.indicator)
    };
    let indicator_cell = cell(cols.indicator).cloned();
    let indicator = indicator_cell.as_ref().and_then(mention_in);

    let lead = |col: Option<usize>| col.is_some_and(|i| cols.lead.contains(&i));
    let mut units = Vec::new();
    for col in cols.responsible.iter().chain(&cols.others) {
        if let Some(s) = cell(Some(*col)) {
            let mut more = clauses::units_in_list(&text[s.clone()], s.start, c);
            for u in &mut more {
                u.lead = u.lead || lead(Some(*col));
            }
            units.extend(more);
        }
    }
    let task = cell(cols.task).cloned();
    let year = cell(cols.year).and_then(|y| year_of(&text[y.clone()]));
    let target = cell(cols.target).and_then(|v| {
        let s = &text[v.clone()];
        let digits = s.find(|ch: char| ch.is_ascii_digit())?;
        let num_end = s[digits..]
            .find(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == ':' || ch == '：'))
            .map(|e| digits + e)
            .unwrap_or(s.len());
        let value = s[digits..num_end].replace('：', ":");
        let ratio_value = value.contains(':');
        let unit_here = c
            .unit_at(s[num_end..].trim_start_matches(is_blank))
            .map(str::to_string);
        let unit_col = cell(cols.unit)
            .map(|u| text[u.clone()].trim().to_string())
            .filter(|u| !matches!(u.as_str(), "—" | "——" | "-" | "－" | "/" | "／"));
        let unit_bracket = indicator_cell
            .as_ref()
            .and_then(|ic| bracket_unit(&text[ic.clone()], c));
        let unit = unit_here
            .or(unit_col)
            .or(unit_bracket)
            .or_else(|| cols.target_unit.clone());
        let named = indicator_cell
            .as_ref()
            .map(|ic| &text[ic.clone()])
            .unwrap_or("");
        let ratio = ratio_value
            || indicator
                .and_then(|i| template.indicators.get(i))
                .is_some_and(|ind| ind.ratio)
            || c.ends_with_ratio_word(named);
        Some(RowTarget {
            cell: v.clone(),
            value,
            unit,
            ratio,
        })
    });
    let base = cell(cols.base).and_then(|b| first_number(&text[b.clone()]));
    RowReading {
        named: indicator_cell.clone(),
        base,
        indicator,
        task,
        units,
        target,
        year,
    }
}

/// The first number in a cell: `98.5` in `98.5%`, `20` in `20家`.
fn first_number(s: &str) -> Option<String> {
    let start = s.find(|ch: char| ch.is_ascii_digit())?;
    let len = s[start..]
        .find(|ch: char| !(ch.is_ascii_digit() || ch == '.'))
        .unwrap_or(s.len() - start);
    Some(s[start..start + len].trim_end_matches('.').to_string())
}

/// The unit in a cell such as `食品抽检合格率（%）`.
fn bracket_unit(s: &str, c: &Compiled) -> Option<String> {
    let group = clauses::bracket_groups(s).into_iter().last()?;
    let inner = s.get(group.clone())?;
    let inner = inner
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let unit = c.unit_at(inner)?;
    (unit.len() == inner.len()).then(|| crate::facts::numbers::one_spelling(unit))
}
