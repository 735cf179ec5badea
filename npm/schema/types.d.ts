// Generated from the Rust types by `make generate`; do not edit.
export interface TemplateInfo {
  id: string;
  name: string;
  horizon: number;
}
export interface DocumentInfo {
  title: string | null;
  /** The place the plan is for, from its title (休宁县), when it names one. */
  county: string | null;
  /** The level the plan is written for (county, district, town, city), read once from its title or, failing that, from its units' names. */
  level: Level | null;
  kind: DocumentKind;
  horizon: number | null;
  parts: ReportPart[];
  /** How the text was read: what was joined, left out or recognised without numbering. */
  reading: Reading;
}
export type Level = "county" | "district" | "town" | "city";
export type DocumentKind = "plan" | "not-a-plan";
export interface ReportPart {
  kind: PartKind;
  title: string | null;
  span: Span;
}
export type PartKind = "preamble" | "goals" | "tasks" | "schedule" | "safeguards" | "attachments" | "other";
export interface Span {
  /** UTF-16 code unit offsets, as JavaScript's `String.slice` takes them. */
  start: number;
  end: number;
  /** 1-based line and column (in characters) of the start. */
  line: number;
  column: number;
}
/** What the reading stage did to the text before checking it. */
export interface Reading {
  /** Hard-wrapped lines joined back into paragraphs (a PDF copy). */
  joined_lines: number;
  /** The wrap width found, in characters, when lines were joined. */
  wrap_width: number | null;
  /** Page numbers and running headers left out. */
  page_furniture: number;
  /** Headings recognised by their words because the numbering markers were missing. */
  numbering_lost: boolean;
  /** Old Mac or other unusual line ends read as line ends. */
  line_ends: boolean;
  /** Table rows read back into a row a line from the form a copy gave them (a cell a line, columns lined up with blanks, cells broken across lines). */
  table_rows: number;
  /** Other documents in the paste, not checked. */
  others: OtherDocument[];
}
export interface OtherDocument {
  kind: OtherKind;
  title: string;
  span: Span;
}
export type OtherKind = "notice" | "explanation";
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  tasks: number;
  assigned: number;
  targets: number;
  /** Template categories with a section of their own, of `categories`. */
  sections: number;
  categories: number;
  /** Template indicators expected in every plan, and how many of them the plan mentions. */
  indicators_expected: number;
  indicators_mentioned: number;
}
export interface ReportCategory {
  id: string;
  name: string;
  status: CategoryStatus;
  span: Span | null;
}
export type CategoryStatus = "covered" | "partial" | "missing";
export interface ReportIndicator {
  id: string;
  name: string;
  category: string;
  status: IndicatorStatus;
  /** Whether a plan is expected to mention it (otherwise listed for reference). */
  expected: boolean;
  span: Span | null;
}
export type IndicatorStatus = "present" | "missing";
export interface ReportTask {
  number: string;
  title: string;
  category: string | null;
  span: Span;
  lead: string[];
  units: string[];
  /** What assigns the task: its own responsibility `clause`, a task-decomposition `table` row, or nothing. */
  assigned_by: AssignedBy | null;
}
export type AssignedBy = "clause" | "table";
export interface ReportTarget {
  text: string;
  value: string | null;
  unit: string | null;
  year: number | null;
  indicator: string | null;
  span: Span;
}
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  suggestion?: string | null;
  span: Span;
  excerpt: string;
  category?: string | null;
  indicator?: string | null;
}
export type Severity = "info" | "warning" | "error";
export interface Report {
  /** Always `plancheck/report@1`. */
  schema: "plancheck/report@1";
  template: TemplateInfo;
  document: DocumentInfo;
  summary: Summary;
  categories: ReportCategory[];
  indicators: ReportIndicator[];
  tasks: ReportTask[];
  targets: ReportTarget[];
  findings: Finding[];
}
export interface PartSpec {
  kind: PartKind;
  name: string;
  required?: boolean;
  /** Words that mark a top-level heading as this part. */
  headings: string[];
}
export interface Category {
  id: string;
  name: string;
  /** Each entry is a set of words that must all occur in a section heading. */
  headings: string[][];
  /** Words whose presence in the tasks is evidence of the category. */
  keywords?: string[];
}
export interface Indicator {
  id: string;
  name: string;
  category: string;
  aliases: string[];
  /** Units a value of this indicator is written in; empty for pure ratios. */
  units?: string[];
  /** A ratio or index: a bare number is complete. */
  ratio?: boolean;
  /** Whether a plan is expected to mention it; `false` for indicators seen in only one plan (probably local), which are listed but not flagged. */
  expected?: boolean;
  /** Which way is better: a pass rate rises, a death rate falls. */
  direction?: Direction;
  /** The national minimum a county's target should not fall short of, with its source. */
  floor?: Floor | null;
  /** The levels whose plans report it (county, district, town, city); empty: every level. A town has no statistics of its own for a county's figures such as 制造业质量竞争力指数. */
  levels?: Level[];
  /** The departments that usually lead it (抽检合格率: 市场监管), with the source of that reading; a plan giving it to another is asked to confirm (`unlikely-lead`). */
  owners?: Owners | null;
}
export type Direction = "higher" | "lower";
/** A national minimum for an indicator: `98` `%` by 2025, from the 质量强国建设纲要. */
export interface Floor {
  /** The value as written in the source (`98`, `94.5`). */
  value: string;
  unit?: string | null;
  year?: number | null;
  source: string;
}
/** Words in the names of the departments that usually lead an indicator, and why. */
export interface Owners {
  /** 市场监管, 农业农村 …: a unit whose name holds one is a usual lead. */
  words: string[];
  source: string;
}
/** The national document a plan should cite as its basis, and documents it is mistaken for. */
export interface Basis {
  /** Its title without book-title marks: 质量强县（区、镇）培育建设工作方案. */
  title: string;
  /** Its document number: 国市监质发〔2024〕97号. */
  number: string;
  /** Documents it is mistaken for. */
  others?: Mistaken[];
}
/** A document a plan's basis is mistaken for: 国市监质发〔2024〕6号, 关于质量基础设施…. */
export interface Mistaken {
  number: string;
  title: string;
}
export interface Vocabulary {
  measure_units: string[];
  comparators_before: string[];
  comparators_after: string[];
  /** Phrase patterns (the regex crate's syntax, see `crate::phrases`) for targets stated without a number. */
  not_quantified: string[];
  /** Phrase patterns for deadlines; group 1, when present, is the year. */
  deadlines: string[];
  ratio_words: string[];
  responsibility_labels: ResponsibilityLabels;
  responsibility_endings: string[];
  unit_suffixes: string[];
  /** Pairs of (long form, short form) of words inside unit names. */
  unit_synonyms: ([string, string])[];
  /** Verbs a task title may start with and a table's 重点任务 cell may leave out (推动, 加强 …). */
  title_verbs?: string[];
  /** Verbs that make `verb + number + classifier` a commitment (建成3个, 培育10家, 新增…200件). */
  commitment_verbs?: string[];
  /** Words that make a count a past result, not a commitment (已建成3个). */
  past_markers?: string[];
  /** Comparators that say a value goes up (提高到) or down (下降到), for a target's direction against its base value. */
  rising_words?: string[];
  falling_words?: string[];
  /** Characters a county's unit name starts with (县, 区, 镇 …): a name starting so reads as a unit without a label, and a roster line's unit starts at the first of them. */
  admin_prefixes?: string[];
  /** What a plan's safeguards part is expected to commit to (组织领导, 经费保障, 考核督查, 宣传引导, 质量状况监测), each with the words that say it and an example sentence. */
  safeguards?: Safeguard[];
  /** Words a table's header cells are made of (序号, 指标, 目标值, 责任单位 …). */
  table_headers?: string[];
  /** What a table's column is, by the words of its header cell: both the reading stage (lining up cells) and the parse stage (reading rows) ask it. */
  table_columns?: TableColumns;
  /** Titles after a unit's name in a roster (局长, 主任 …): the name ends where one begins. */
  roster_titles?: string[];
  /** Words after a number that make it a date, an age or a name rather than a value (年, 月, 届 …). */
  time_words?: string[];
  /** Words a plan's title names it by (方案, 意见 …). */
  plan_title_words?: string[];
  /** Beginnings of names for groups of units, not one unit (各乡镇, 有关单位). */
  collective_prefixes?: string[];
  /** Words in names for groups of units (乡镇, 成员单位, 领导小组); a name ending in 政府 is one too. */
  collective_words?: string[];
  /** Endings of names for groups of units (县政府). */
  collective_endings?: string[];
  /** What a number is followed by when a plan counts its own tasks, task sections and parts (17项重点任务, 7个方面, 共4部分). */
  count_words?: CountWords;
}
export interface ResponsibilityLabels {
  lead: string[];
  other: string[];
}
/** A commitment a plan's safeguards part is expected to make ([`Vocabulary::safeguards`]). */
export interface Safeguard {
  id: string;
  /** How a reviewer names it: 经费保障. */
  name: string;
  /** Words a sentence committing to it holds (经费, 资金 …). */
  words: string[];
  /** A sentence a drafter may adapt. */
  example: string;
}
/** The words that say what a table's column holds ([`Vocabulary::table_columns`]), tried in this order: a 责任单位 column before a 目标 one, a 基期值 before a 目标值. */
export interface TableColumns {
  /** 责任单位 / 牵头单位 / 配合单位 (a header also naming 任务 is not one). */
  units: string[];
  /** 完成时限 / 完成时间. */
  deadline: string[];
  /** 基期值 / 现状值. */
  base: string[];
  /** 目标值 / 预期目标 (a year in the header makes one too). */
  value: string[];
  /** 类别 / 领域: a group merged over rows. */
  group: string[];
  /** 指标名称 / 重点任务: what the row is about. */
  subject: string[];
  /** 重点任务 / 工作内容: a task-decomposition table's task column. */
  task: string[];
}
/** The words a plan counts itself in ([`Vocabulary::count_words`]). */
export interface CountWords {
  tasks: string[];
  sections: string[];
  parts: string[];
}
export interface Template {
  id: string;
  name: string;
  /** The target year plans are expected to aim at. */
  horizon: number;
  parts: PartSpec[];
  categories: Category[];
  indicators: Indicator[];
  /** The national document plans cite (for basis-citation). */
  basis?: Basis | null;
  vocabulary?: Vocabulary | null;
}
/** One version: its title and its counts. */
export interface Version {
  title: string | null;
  errors: number;
  warnings: number;
  infos: number;
}
export interface TaskChanges {
  /** Tasks of the new version only (spans in the new text). */
  added: TaskAt[];
  /** Tasks of the old version only (spans in the old text). */
  removed: TaskAt[];
  renamed: Renamed[];
  /** Tasks whose units changed: the units before and after. */
  reassigned: Reassigned[];
}
/** A task of one version: its title and where it is in that version's text. */
export interface TaskAt {
  title: string;
  span: Span;
}
export interface Renamed {
  from: string;
  to: string;
  old_span: Span;
  new_span: Span;
}
export interface Reassigned {
  task: string;
  before: string[];
  after: string[];
  old_span: Span;
  new_span: Span;
}
/** A target of one indicator whose value, unit or year changed. */
export interface TargetChange {
  indicator: string;
  name: string;
  before: TargetValue;
  after: TargetValue;
  /** Where the target is in the old text and in the new. */
  old_span: Span;
  new_span: Span;
  /** The new target asks less: a lower value (a higher one for a rate that should fall) in the same unit, or a later year. */
  weaker: boolean;
}
export interface TargetValue {
  value: string | null;
  unit: string | null;
  year: number | null;
}
export interface CategoryChange {
  id: string;
  name: string;
  before: CategoryStatus;
  after: CategoryStatus;
}
export interface PartChanges {
  added: PartKind[];
  removed: PartKind[];
}
/** What changed between two versions of a draft. */
export interface Comparison {
  /** Always `plancheck/compare@1`. */
  schema: "plancheck/compare@1";
  old: Version;
  new: Version;
  /** Findings of the old version that the new one no longer has. */
  fixed: Finding[];
  /** Findings the new version has and the old one did not. */
  added: Finding[];
  /** How many findings both versions have. */
  still_open: number;
  tasks: TaskChanges;
  targets: TargetChange[];
  categories: CategoryChange[];
  parts: PartChanges;
}
