//! Tables flattened by a Word-to-text copy: one cell per line, rows separated by blank
//! lines or led by a serial number, under a header such as
//! 序号 / 类别 / 指标要求 / 2022年 / 2027年 / 责任单位 or
//! 指标 / 单位 / 基期值 / 目标值 / 目标年 / 责任单位. The .docx reader writes tables in
//! the same form.

use crate::compiled::Compiled;
use crate::document::{Line, Mention, Span, Table, TableRow, Target};
use crate::parse::clauses;
use crate::parse::lines::is_blank;
use crate::template::{PartKind, Template};

fn header_cell(s: &str, c: &Compiled) -> bool {
    let n = s.chars().count();
    if n == 0 || n > 16 || s.contains('。') {
        return false;
    }
    c.table_headers.iter().any(|w| s.contains(w.as_str())) || year_of(s).is_some() && n <= 12
}

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

fn year_column(h: &str) -> bool {
    (h.contains("目标年") && !h.contains('值'))
        || h.contains("时限")
        || h.contains("完成时间")
        || h.contains("完成年")
        || h == "年份"
}

fn base_column(h: &str) -> bool {
    ["基期", "基准", "现状", "现值"]
        .iter()
        .any(|w| h.contains(w))
}

fn columns(header: &[&str], c: &Compiled) -> (Columns, Option<u16>) {
    let mut cols = Columns::default();
    let mut year = None;
    for (i, h) in header.iter().enumerate() {
        let responsibility = ["责任", "牵头", "配合", "协同", "参与"]
            .iter()
            .any(|w| h.contains(w))
            && !h.contains("任务");
        if responsibility {
            if h.contains("牵头") {
                cols.lead.push(i);
            }
            match cols.responsible {
                None => cols.responsible = Some(i),
                Some(_) => cols.others.push(i),
            }
        } else if cols.task.is_none()
            && !h.contains("指标")
            && ["任务", "举措", "工作内容", "事项"]
                .iter()
                .any(|w| h.contains(w))
        {
            cols.task = Some(i);
        } else if cols.year.is_none() && year_column(h) {
            cols.year = Some(i);
        } else if cols.indicator.is_none()
            && (h.contains("指标") || h.contains("名称") || h.contains("内容"))
        {
            cols.indicator = Some(i);
        } else if *h == "单位" || *h == "计量单位" {
            cols.unit = Some(i);
        } else if base_column(h) {
            cols.base = Some(i);
        } else if h.contains("目标") || year_of(h).is_some() {
            // The last value column is the target; its year dates the rows.
            cols.target = Some(i);
            cols.target_unit = bracket_unit(h, c);
            year = year_of(h).or(year);
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
    let content =
        |i: usize| -> &str { lines.get(i).map(|l| &text[l.content.clone()]).unwrap_or("") };
    let mut i = 0;
    while i < lines.len() {
        let Some(header) = header_at(i, lines.len(), &content, c) else {
            i += 1;
            continue;
        };
        let (rows, k) = row_lines(text, lines, &header, &content);
        if rows.is_empty() {
            i = header.end;
            continue;
        }
        let start = lines[i].full.start;
        let end = rows
            .last()
            .and_then(|r| r.1.last())
            .map(|&l| lines[l].full.end)
            .unwrap_or(lines[header.end.saturating_sub(1)].full.end);
        let mut table = Table {
            span: start..end,
            header: header
                .lines
                .iter()
                .map(|&h| lines[h].content.clone())
                .collect(),
            rows: Vec::new(),
            year: header.year,
            responsible: header.cols.responsible.is_some(),
        };
        for (number, row) in rows {
            let cells: Vec<Span> = row.iter().map(|&l| lines[l].content.clone()).collect();
            let parsed = read_row(
                text,
                &cells,
                &header.cols,
                header.width,
                mentions,
                template,
                c,
            );
            let row_span = cells.first().map(|s| s.start).unwrap_or(start)
                ..cells.last().map(|s| s.end).unwrap_or(start);
            let row_year = parsed.year.or(header.year);
            let has_target = parsed.target.is_some();
            if let Some(t) = parsed.target {
                found.targets.push(
                    Target {
                        ratio: t.ratio,
                        indicator: parsed.indicator,
                        dated: row_year.is_some(),
                        year: row_year,
                        from_table: true,
                        named: parsed.named.clone(),
                        base: parsed.base,
                        ..Target::at(t.cell, part_at(row_span.start))
                    }
                    .valued(t.value, t.unit.as_deref()),
                );
            }
            table.rows.push(TableRow {
                span: row_span,
                serial: number,
                named: parsed.named,
                task: parsed.task,
                cells,
                indicator: parsed.indicator,
                units: parsed.units,
                has_target,
            });
        }
        found.tables.push(table);
        i = k.max(i + 1);
    }
    found
}

/// A table's header read from its lines: the header lines, the columns (without 序号),
/// the year the header names, and the line after it.
struct Header {
    lines: Vec<usize>,
    cols: Columns,
    year: Option<u16>,
    /// Whether the first column is 序号, numbering the rows.
    serial: bool,
    /// The number of cells in a row.
    width: usize,
    end: usize,
}

/// The header of a table starting at line `i`: consecutive short cells, blank lines
/// allowed between them, naming at least a responsibility, indicator or task column.
fn header_at<'t>(
    i: usize,
    count: usize,
    content: &dyn Fn(usize) -> &'t str,
    c: &Compiled,
) -> Option<Header> {
    let first = content(i);
    if !(first.contains("序号") || first.starts_with("指标") || first.starts_with("类别"))
        || !header_cell(first, c)
    {
        return None;
    }
    let mut lines = Vec::new();
    let mut j = i;
    while j < count {
        let s = content(j);
        if s.is_empty() {
            j += 1;
            continue;
        }
        if !header_cell(s, c) || lines.len() >= 12 {
            break;
        }
        lines.push(j);
        j += 1;
    }
    let header_text: Vec<&str> = lines.iter().map(|&h| content(h)).collect();
    let (cols, year) = columns(&header_text, c);
    if lines.len() < 3
        || (cols.responsible.is_none() && cols.indicator.is_none() && cols.task.is_none())
    {
        return None;
    }
    let serial = header_text.first().is_some_and(|h| h.contains("序号"));
    let (cols, _) = columns(&header_text[usize::from(serial)..], c);
    Some(Header {
        width: lines.len() - usize::from(serial),
        lines,
        cols,
        year,
        serial,
        end: j,
    })
}

/// Each row's serial number (in a table with 序号) and its lines.
type Rows = Vec<(Option<u32>, Vec<usize>)>;

/// The rows after a header, and the line where the table ends.
fn row_lines<'t>(
    text: &str,
    lines: &[Line],
    header: &Header,
    content: &dyn Fn(usize) -> &'t str,
) -> (Rows, usize) {
    let (serial, width, j) = (header.serial, header.width, header.end);
    let mut rows: Vec<Vec<usize>> = Vec::new();
    // In a table with 序号, each row's serial number.
    let mut serials: Vec<u32> = Vec::new();
    // Rows without blank lines between them (a PDF copy): a row is a header's width
    // of cells.
    let dense = !serial && (j..(j + width + 1).min(lines.len())).all(|k| !content(k).is_empty());
    let mut k = j;
    let mut expected = 1u32;
    let mut current: Vec<usize> = Vec::new();
    // A task cell may be long; other cells are short.
    let longest = if header.cols.task.is_some() { 400 } else { 80 };
    while k < lines.len() {
        let s = content(k);
        if s.chars().count() > longest || (lines[k].heading.is_some() && header.cols.task.is_none())
        {
            break;
        }
        // An empty cell: a line holding only a tab.
        let empty_cell = s.is_empty() && text[lines[k].full.clone()].contains('\t');
        if empty_cell && !current.is_empty() {
            current.push(k);
            k += 1;
            continue;
        }
        if serial {
            if s == expected.to_string() {
                if !current.is_empty() || expected > 1 {
                    rows.push(std::mem::take(&mut current));
                    serials.push(expected - 1);
                }
                expected += 1;
            } else if !s.is_empty() {
                if expected == 1 || current.len() > width + 2 {
                    break;
                }
                current.push(k);
            }
        } else if s.is_empty() {
            if !current.is_empty() {
                rows.push(std::mem::take(&mut current));
            }
        } else {
            if current.len() > width + 2 {
                break;
            }
            if dense && current.len() == width {
                rows.push(std::mem::take(&mut current));
            }
            current.push(k);
        }
        k += 1;
    }
    if !current.is_empty() {
        rows.push(current);
        serials.push(expected.saturating_sub(1));
    }
    let rows = rows
        .into_iter()
        .enumerate()
        .filter(|(_, r)| !r.is_empty())
        .map(|(n, r)| (serials.get(n).copied().filter(|_| serial), r))
        .collect();
    (rows, k)
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
    width: usize,
    mentions: &[Mention],
    template: &Template,
    c: &Compiled,
) -> RowReading {
    // A row one cell short whose last cell is not a unit name: the 责任单位 cell, last,
    // was left empty; the others are still in their columns.
    let responsible_blank = cells.len() + 1 == width
        && cols.responsible == Some(width - 1)
        && cells
            .last()
            .is_some_and(|s| !names_unit(&text[s.clone()], c));
    let positional = cells.len() == width || responsible_blank;
    let cell = |i: Option<usize>| i.filter(|_| positional).and_then(|i| cells.get(i));
    let mention_in = |span: &Span| {
        mentions[crate::parse::range_in(mentions, |m| m.span.start, span)]
            .iter()
            .find(|m| m.span.end <= span.end)
            .map(|m| m.indicator)
    };
    let indicator_cell = cell(cols.indicator)
        .cloned()
        .or_else(|| cells.iter().find(|s| mention_in(s).is_some()).cloned());
    let indicator = indicator_cell.as_ref().and_then(mention_in);

    let responsible_cell = cell(cols.responsible).cloned().or_else(|| {
        cells
            .iter()
            .rev()
            .find(|s| names_unit(&text[(*s).clone()], c))
            .cloned()
    });
    let mut units = responsible_cell
        .as_ref()
        .map(|s| clauses::units_in_list(&text[s.clone()], s.start, c))
        .unwrap_or_default();
    if positional {
        let lead = |col: Option<usize>| col.is_some_and(|i| cols.lead.contains(&i));
        for u in &mut units {
            u.lead = u.lead || lead(cols.responsible);
        }
        for &col in &cols.others {
            if let Some(s) = cells.get(col) {
                let mut more = clauses::units_in_list(&text[s.clone()], s.start, c);
                for u in &mut more {
                    u.lead = u.lead || lead(Some(col));
                }
                units.extend(more);
            }
        }
    }
    let task = cell(cols.task).filter(|s| !s.is_empty()).cloned();

    // Cells that hold numbers but not the target: the base value, the year, the unit.
    let not_target: Vec<&Span> = [cols.base, cols.year, cols.unit]
        .into_iter()
        .filter_map(&cell)
        .collect();
    let year = cell(cols.year).and_then(|y| year_of(&text[y.clone()]));
    let value_cell = cell(cols.target).cloned().or_else(|| {
        let limit = responsible_cell
            .as_ref()
            .map(|r| r.start)
            .unwrap_or(usize::MAX);
        cells
            .iter()
            .filter(|s| {
                s.start < limit && Some((*s).clone()) != indicator_cell && !not_target.contains(s)
            })
            .rfind(|s| text[(*s).clone()].chars().any(|ch| ch.is_ascii_digit()))
            .cloned()
    });
    let target = value_cell.and_then(|v| {
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
            .filter(|u| !u.is_empty() && !matches!(u.as_str(), "—" | "-" | "/"));
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

/// Whether a cell names responsible units: `县市场监管局`, `县科技局、县发改委等`.
fn names_unit(cell: &str, c: &Compiled) -> bool {
    c.ends_with_unit_suffix(cell.trim_end_matches(['等', '。']))
}

/// The unit in a cell such as `食品抽检合格率（%）`.
fn bracket_unit(s: &str, c: &Compiled) -> Option<String> {
    let group = clauses::bracket_groups(s).into_iter().last()?;
    let inner = s.get(group.clone())?;
    let inner = inner
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let unit = c.unit_at(inner)?;
    (unit.len() == inner.len()).then(|| Compiled::one_spelling(unit))
}
