//! The document model: a plan read once into parts, sections, tasks, responsibility
//! clauses, targets, schedule stages and tables, each with a byte range into the text.
//!
//! Rules read this model; they never re-scan the raw text for structure.

use crate::template::PartKind;

/// A byte range into the checked text.
pub use crate::position::Span;

/// One line of the text, with its content trimmed of blanks and Word artefacts.
#[derive(Clone, Debug)]
pub struct Line {
    /// The whole line without its line break.
    pub full: Span,
    /// The line's content; empty (start == end) for a blank line.
    pub content: Span,
    /// The heading this line starts with, if any (index into `Document::headings`).
    pub heading: Option<usize>,
}

/// A numbered heading: `一、` (level 1), `（一）` (2), `1.` (3), `（1）` (4), `①` (5).
#[derive(Clone, Debug)]
pub struct Heading {
    pub level: u8,
    /// The numbering as written, without trailing punctuation: `一`, `（一）`, `1`, `（1）`.
    pub number: String,
    pub marker: Span,
    /// The heading's text up to its first full stop.
    pub title: Span,
    pub line: usize,
}

#[derive(Clone, Debug)]
pub struct Part {
    pub kind: PartKind,
    pub heading: Option<usize>,
    pub span: Span,
    /// The category this part stands for, when a top-level heading is a category.
    pub category: Option<usize>,
}

/// A category-level section inside a tasks part.
#[derive(Clone, Debug)]
pub struct Section {
    pub heading: Option<usize>,
    pub span: Span,
    pub category: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Task {
    pub number: String,
    pub heading: Option<usize>,
    pub section: Option<usize>,
    pub span: Span,
    /// The first sentence of the task: its title or lead-in.
    pub title: Span,
    /// Responsibility clauses that apply (indexes into `Document::clauses`).
    pub clauses: Vec<usize>,
    /// The row of a task-decomposition table that names this task with its units:
    /// (table, row) indexes into `Document::tables`.
    pub table_row: Option<(usize, usize)>,
}

impl Task {
    pub fn assigned(&self) -> bool {
        !self.clauses.is_empty() || self.table_row.is_some()
    }
}

crate::names::named_enum! {
    /// What assigns a task.
    pub enum AssignedBy {
        /// Its own responsibility clause.
        Clause = "clause",
        /// A row of a task-decomposition table.
        Table = "table",
    }
}

/// A task's units, distinct and in order of mention ([`Document::task_units`]).
#[derive(Clone, Debug)]
pub struct TaskUnits<'d> {
    pub assigned_by: Option<AssignedBy>,
    pub units: Vec<&'d str>,
    /// The units marked 牵头, or the only unit.
    pub lead: Vec<&'d str>,
    /// Whether anything marks a lead unit (a 牵头 label or column).
    pub marks_lead: bool,
    /// The last responsibility clause, where a finding about the units points.
    pub last_clause: Option<Span>,
}

/// A named responsible unit, as written.
#[derive(Clone, Debug)]
pub struct UnitName {
    pub name: String,
    /// The name in one spelling, so that 县市场监督管理局 and 县市场监管局 compare equal
    /// (`Compiled::canonical_unit`).
    pub key: String,
    pub span: Span,
    pub lead: bool,
}

/// `（牵头单位：A，责任单位：B、C）`, `（A、B负责）` and their variants.
#[derive(Clone, Debug)]
pub struct ResponsibilityClause {
    pub span: Span,
    pub units: Vec<UnitName>,
    /// Whether the clause marks any unit as lead (牵头).
    pub marks_lead: bool,
}

/// A deadline phrase: `到2027年`, `2027年底前`, `年内`.
#[derive(Clone, Debug)]
pub struct Deadline {
    pub year: Option<u16>,
    pub span: Span,
}

/// A commitment: a quantified value, or a phrase such as 完成上级下达任务.
#[derive(Clone, Debug)]
pub struct Target {
    /// From the indicator phrase to the end of the value and unit.
    pub span: Span,
    /// The number as written (`26`, `1:12.5`); `None` for a target without a number.
    pub value: Option<String>,
    pub unit: Option<String>,
    /// A ratio or index, complete without a unit.
    pub ratio: bool,
    pub indicator: Option<usize>,
    /// Whether a deadline scopes this target; `year` is its year when it names one.
    pub dated: bool,
    pub year: Option<u16>,
    pub part: PartKind,
    pub task: Option<usize>,
    pub from_table: bool,
    /// What the drafter named the indicator, when it is apart from `span`: a table row's
    /// indicator cell.
    pub named: Option<Span>,
    /// Where the text names the indicator the target was read by, in the drafter's
    /// words: 农产品抽检合格率 and 农产品质量安全例行监测合格率 are two wordings.
    pub wording: Option<Span>,
    /// The base value the target starts from (`由2.1%提高到2.5%`, a table's 基期 column).
    pub base: Option<String>,
    /// The way the wording says the value moves (提高到 / 下降到), when it says.
    pub towards: Option<crate::template::Direction>,
}

impl Target {
    /// A target at `span` in a part of the plan, with nothing else known yet: the reader
    /// that found it sets what it found. The one place a target is made.
    pub fn at(span: Span, part: PartKind) -> Target {
        Target {
            span,
            value: None,
            unit: None,
            ratio: false,
            indicator: None,
            dated: false,
            year: None,
            part,
            task: None,
            from_table: false,
            named: None,
            wording: None,
            base: None,
            towards: None,
        }
    }

    /// With its number and unit; the unit written one way ([`crate::facts::numbers::one_spelling`]).
    ///
    /// [`crate::facts::numbers::one_spelling`]: crate::facts::numbers::one_spelling
    pub fn valued(mut self, value: String, unit: Option<&str>) -> Target {
        self.value = Some(value);
        self.unit = unit.map(crate::facts::numbers::one_spelling);
        self
    }

    /// Scoped by a deadline, or by none.
    pub fn dated_by(mut self, deadline: Option<&Deadline>) -> Target {
        self.dated = deadline.is_some();
        self.year = deadline.and_then(|d| d.year);
        self
    }

    /// Its value as a decimal in millionths (`98.5` → 98_500_000), when it is one: the
    /// one reading of a target's number that rules compare.
    pub fn amount(&self) -> Option<i64> {
        self.value
            .as_deref()
            .and_then(crate::facts::numbers::decimal)
    }

    /// Its base value, read the same way.
    pub fn base_amount(&self) -> Option<i64> {
        self.base
            .as_deref()
            .and_then(crate::facts::numbers::decimal)
    }

    /// Whether two targets state the same value: `98.0` and `98` are the same, and a
    /// value that is not a decimal (`1:12.5`) is compared as written.
    pub fn same_value(&self, other: &Target) -> bool {
        match (self.amount(), other.amount()) {
            (Some(a), Some(b)) => a == b,
            _ => self.value == other.value,
        }
    }
}

/// A document number cited in the text (`国市监质发〔2024〕97号`), with the title quoted
/// just before it.
#[derive(Clone, Debug)]
pub struct Citation {
    pub span: Span,
    /// The number with brackets made 〔〕 and blanks removed.
    pub number: String,
    /// The 《title》 right before the number, without its marks, its brackets and blanks
    /// written one way (`chars::plain`).
    pub title: Option<String>,
}

impl Target {
    pub fn quantified(&self) -> bool {
        self.value.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    pub fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}年{}月", self.year, self.month)
    }
}

/// A stage of the schedule: `（一）动员部署阶段（2025年1月至2025年6月）`.
#[derive(Clone, Debug)]
pub struct Stage {
    pub heading: usize,
    /// Its name, without the dates in brackets: 动员部署阶段.
    pub name: Span,
    pub span: Span,
    pub start: Option<YearMonth>,
    pub end: Option<YearMonth>,
}

/// A table flattened to one cell per line, e.g. an indicator table or 任务分解表.
#[derive(Clone, Debug)]
pub struct Table {
    pub span: Span,
    pub header: Vec<Span>,
    pub rows: Vec<TableRow>,
    /// Whether the table has a 责任单位 / 牵头单位 column.
    pub responsible: bool,
    /// The year of the target-value column, when the header names one.
    pub year: Option<u16>,
}

#[derive(Clone, Debug)]
pub struct TableRow {
    pub span: Span,
    /// The row's serial number (序号), when the table has them.
    pub serial: Option<u32>,
    /// The indicator cell, as the drafter wrote it.
    pub named: Option<Span>,
    /// The task a task-decomposition table's row names (its 重点任务 cell).
    pub task: Option<Span>,
    pub cells: Vec<Span>,
    pub indicator: Option<usize>,
    pub units: Vec<UnitName>,
    /// Whether a target value was read from the row.
    pub has_target: bool,
}

/// An occurrence of an indicator's alias.
#[derive(Clone, Debug)]
pub struct Mention {
    pub indicator: usize,
    pub span: Span,
}

/// An occurrence of a category keyword.
#[derive(Clone, Debug)]
pub struct KeywordHit {
    pub category: usize,
    pub keyword: usize,
    pub span: Span,
}

crate::names::named_enum! {
    /// Whether the text is a plan at all.
    pub enum DocumentKind {
        Plan = "plan",
        NotAPlan = "not-a-plan",
    }
}

/// The units of the plan's 工作专班 / 领导小组, as its member list names them.
#[derive(Clone, Debug)]
pub struct Members {
    pub span: Span,
    pub units: Vec<UnitName>,
}

/// What a stated count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountOf {
    /// Top-level parts (一、二、…).
    Parts,
    /// Task sections (the 方面 of the tasks part).
    Sections,
    Tasks,
}

/// A count the plan states about itself: `共4部分22条`, `7个方面`, `17项重点任务`.
#[derive(Clone, Debug)]
pub struct DeclaredCount {
    pub span: Span,
    pub what: CountOf,
    pub value: u32,
}

/// The part of `parts` (in document order, not overlapping) that contains a byte offset;
/// for the parser, which has the parts before it has a [`Document`].
pub fn part_at(parts: &[Part], offset: usize) -> Option<&Part> {
    let i = parts.partition_point(|p| p.span.end <= offset);
    parts.get(i).filter(|p| p.span.start <= offset)
}

/// `2025年7月11日` or `二〇二五年七月十一日` on a line of its own.
#[derive(Clone, Debug)]
pub struct DocumentDate {
    pub month: YearMonth,
    pub day: u8,
    pub span: Span,
}

impl std::fmt::Display for DocumentDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}日", self.month, self.day)
    }
}

#[derive(Clone, Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub kind: DocumentKind,
    /// The numbering markers were missing: parts, categories and items were recognised
    /// by their words and shape.
    pub numbering_lost: bool,
    /// A text written in Traditional characters (a converter slip): not checked item by
    /// item, the template's words being Simplified.
    pub traditional: bool,
    /// The text is a 起草说明 or a 解读 of a plan, not the plan.
    pub explanation: bool,
    /// The level the plan is written for: a county's, a district's, a town's, a city's.
    pub level: Option<crate::facts::places::Level>,
    /// Placeholders left in the draft: `达到 %`, `达到____`, `××家`.
    pub placeholders: Vec<Span>,
    /// Document numbers cited (国市监质发〔2024〕97号), with their titles.
    pub citations: Vec<Citation>,
    pub title: Option<Span>,
    /// The title with brackets and blanks written one way (`chars::plain`).
    pub plain_title: Option<String>,
    /// The plan's own target year and where it is stated.
    pub horizon: Option<Deadline>,
    /// The document's date: a line that is only a date (the issuing or drafting date).
    pub date: Option<DocumentDate>,
    pub declared: Vec<DeclaredCount>,
    pub members: Option<Members>,
    pub lines: Vec<Line>,
    pub headings: Vec<Heading>,
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
    pub clauses: Vec<ResponsibilityClause>,
    pub targets: Vec<Target>,
    pub stages: Vec<Stage>,
    pub tables: Vec<Table>,
    pub mentions: Vec<Mention>,
    pub keyword_hits: Vec<KeywordHit>,
}

impl<'a> Document<'a> {
    /// Whether the text is not a plan for a reason of its form — a 起草说明, Traditional
    /// characters, its numbering lost — so that one note says so and nothing else is
    /// checked. A fragment (a goals paragraph alone) is still checked for what it holds.
    pub fn only_the_note(&self) -> bool {
        self.kind == DocumentKind::NotAPlan
            && (self.explanation || self.traditional || self.numbering_unreadable())
    }

    /// No part of the plan found by its numbering: the markers lost, or none at all in a
    /// text long enough to be a plan.
    pub fn numbering_unreadable(&self) -> bool {
        self.numbering_lost || self.headings.is_empty() && self.lines.len() >= 20
    }

    pub fn slice(&self, span: &Span) -> &'a str {
        self.text.get(span.clone()).unwrap_or("")
    }

    pub fn has_part(&self, kind: PartKind) -> bool {
        self.parts.iter().any(|p| p.kind == kind)
    }

    /// The part that contains a byte offset.
    pub fn part_at(&self, offset: usize) -> Option<&Part> {
        part_at(&self.parts, offset)
    }

    /// The first heading of a part of this kind, for anchoring findings about it.
    pub fn part_anchor(&self, kind: PartKind) -> Option<Span> {
        self.parts
            .iter()
            .find(|p| p.kind == kind)
            .and_then(|p| p.heading)
            .map(|h| self.heading_span(h))
    }

    /// The marker and title of a heading.
    pub fn heading_span(&self, heading: usize) -> Span {
        match self.headings.get(heading) {
            Some(h) => h.marker.start..h.title.end.max(h.marker.end),
            None => 0..0,
        }
    }

    /// Every responsible unit named, in responsibility clauses and indicator-table rows,
    /// in reading order, each occurrence once.
    /// What assigns a task and the units it names: its clauses, or else its row of a
    /// task-decomposition table. Worked out here once for the report and the rules.
    pub fn task_units<'d>(&'d self, task: &Task) -> TaskUnits<'d> {
        let clauses: Vec<&ResponsibilityClause> = task
            .clauses
            .iter()
            .filter_map(|&c| self.clauses.get(c))
            .collect();
        let row = task
            .table_row
            .and_then(|(t, r)| self.tables.get(t)?.rows.get(r))
            .filter(|_| clauses.is_empty());
        let assigned_by = if !clauses.is_empty() {
            Some(AssignedBy::Clause)
        } else {
            row.map(|_| AssignedBy::Table)
        };
        let named: Vec<&UnitName> = clauses
            .iter()
            .flat_map(|c| c.units.iter())
            .chain(row.into_iter().flat_map(|r| r.units.iter()))
            .collect();
        let mut seen = crate::order::Names::new();
        let units: Vec<&str> = named
            .iter()
            .map(|u| u.name.as_str())
            .filter(|n| seen.insert(n, 0).is_none())
            .collect();
        let mut seen = crate::order::Names::new();
        let mut lead: Vec<&str> = named
            .iter()
            .filter(|u| u.lead)
            .map(|u| u.name.as_str())
            .filter(|n| seen.insert(n, 0).is_none())
            .collect();
        let marks_lead = !lead.is_empty() || clauses.iter().any(|c| c.marks_lead);
        if lead.is_empty() && units.len() == 1 {
            lead = units.clone();
        }
        TaskUnits {
            assigned_by,
            units,
            lead,
            marks_lead,
            last_clause: clauses.last().map(|c| c.span.clone()),
        }
    }

    /// Rows of indicator tables, with units, for an indicator the task mentions.
    pub fn indicator_rows_for<'d>(
        &'d self,
        task: &'d Task,
    ) -> impl Iterator<Item = &'d TableRow> + 'd {
        let mentioned =
            &self.mentions[crate::order::range_in(&self.mentions, |m| m.span.start, &task.span)];
        self.tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .filter(move |row| {
                row.task.is_none()
                    && !row.units.is_empty()
                    && row
                        .indicator
                        .is_some_and(|i| mentioned.iter().any(|m| m.indicator == i))
            })
    }

    pub fn responsible_units(&self) -> Vec<&UnitName> {
        let mut names: Vec<&UnitName> = self
            .clauses
            .iter()
            .flat_map(|c| c.units.iter())
            .chain(
                self.tables
                    .iter()
                    .flat_map(|t| t.rows.iter().flat_map(|r| r.units.iter())),
            )
            .collect();
        crate::order::sort_by_position(&mut names, |u| u.span.start);
        names.dedup_by_key(|u| u.span.start);
        names
    }

    /// Where a finding about the whole document points: the title, or the first text.
    pub fn start_anchor(&self) -> Span {
        if let Some(t) = &self.title {
            return t.clone();
        }
        self.lines
            .iter()
            .find(|l| !l.content.is_empty())
            .map(|l| l.content.start..l.content.start)
            .unwrap_or(0..0)
    }
}

// What content says about categories: the one scoring of category evidence, shared by
// the parse (sections without a category heading) and coverage (a plan's categories).

/// How much a distinct indicator of a category counts towards its score; a distinct
/// keyword counts 1.
pub const INDICATOR_WEIGHT: usize = 2;
/// The score at which content alone shows that a plan covers a category: one indicator,
/// or two different keywords.
pub const COVERED_BY_CONTENT: usize = 2;
/// The score at which a section without a category heading is about a category: more
/// than an indicator alone, and more than any other category scores.
pub const SECTION_ABOUT: usize = 3;

/// What content says about each template category: the one scoring of category evidence,
/// used for a plan's coverage and for sections without a category heading.
pub fn content_scores<'m>(
    template: &crate::template::Template,
    mentions: impl Iterator<Item = &'m Mention>,
    hits: impl Iterator<Item = &'m KeywordHit>,
) -> Vec<usize> {
    let mut scores = vec![0usize; template.categories.len()];
    let mut seen_indicators: Vec<usize> = Vec::new();
    for m in mentions {
        if seen_indicators.contains(&m.indicator) {
            continue;
        }
        seen_indicators.push(m.indicator);
        if let Some(s) = template
            .category_of(m.indicator)
            .and_then(|c| scores.get_mut(c))
        {
            *s += INDICATOR_WEIGHT;
        }
    }
    let mut seen_keywords: Vec<(usize, usize)> = Vec::new();
    for h in hits {
        if !seen_keywords.contains(&(h.category, h.keyword)) {
            seen_keywords.push((h.category, h.keyword));
            if let Some(s) = scores.get_mut(h.category) {
                *s += 1;
            }
        }
    }
    scores
}
