//! Renderings of a report: text for a terminal, Markdown for a review, SARIF for tools.

use std::fmt::Write;

use serde::Serialize;
use serde_json::json;

use crate::diagnostics::Severity;
use crate::document::DocumentKind;
pub use crate::lang::Lang;
use crate::report::{Report, SpanOut};
use crate::review::{Decisions, Kept};
use crate::rules::RULES;

fn counts(r: &Report) -> String {
    format!(
        "{} 个错误，{} 个警告，{} 个提示",
        r.summary.errors, r.summary.warnings, r.summary.infos
    )
}

/// A plain-text report, one finding per block, `file:line:column` first.
pub fn text(name: &str, r: &Report) -> String {
    let mut out = String::new();
    let title = r.document.title.as_deref().unwrap_or("（未识别标题）");
    let _ = writeln!(out, "{name}: {title}");
    let horizon = r
        .document
        .horizon
        .map(|y| format!("{y}年"))
        .unwrap_or_else(|| "未识别".into());
    let level = r
        .document
        .level
        .map(|l| format!("{}方案；", l.label()))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {level}任务 {} 项，已明确责任 {} 项；目标 {} 个；目标年 {}（模板 {}年）",
        r.summary.tasks, r.summary.assigned, r.summary.targets, horizon, r.template.horizon
    );
    if r.document.kind == DocumentKind::Plan {
        let cats: Vec<String> = r
            .categories
            .iter()
            .map(|c| format!("{}〔{}〕", c.name, c.status.label()))
            .collect();
        let _ = writeln!(out, "  类别：{}", cats.join("；"));
        let _ = writeln!(
            out,
            "  指标：提及 {} / {} 项",
            r.summary.indicators_mentioned, r.summary.indicators_expected
        );
    }
    if let Some(note) = r.document.reading.describe() {
        let _ = writeln!(out, "  {note}");
    }
    let _ = writeln!(out);
    for f in &r.findings {
        let _ = writeln!(
            out,
            "{name}:{}:{}: {} [{}] {}",
            f.span.line,
            f.span.column,
            f.severity.as_str(),
            f.rule,
            f.message
        );
        if !f.excerpt.is_empty() {
            let _ = writeln!(out, "    | {}", f.excerpt);
        }
        if let Some(s) = &f.suggestion {
            let _ = writeln!(out, "    建议：{s}");
        }
    }
    if !r.findings.is_empty() {
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "{name}: {}", counts(r));
    // The report's own line breaks stay; anything else that steers a terminal is shown.
    out.split('\n')
        .map(terminal_safe)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A Markdown report for a review memo, in Chinese.
pub fn markdown(name: &str, r: &Report) -> String {
    markdown_in(name, r, Lang::Chinese)
}

/// A Markdown report for a review memo, its own words in `lang`.
pub fn markdown_in(name: &str, r: &Report, lang: Lang) -> String {
    markdown_reviewed(name, r, lang, &Decisions::default())
}

/// A Markdown report with the reviewer's decisions: what they kept is counted and listed,
/// what they set aside is listed apart, with its reason.
pub fn markdown_reviewed(name: &str, r: &Report, lang: Lang, decisions: &Decisions) -> String {
    let en = lang == Lang::English;
    let pick = |zh: &'static str, english: &'static str| if en { english } else { zh };
    let mut out = String::new();
    markdown_head(&mut out, name, r, lang, &decisions.kept(r));
    if let Some(note) = r.document.reading.describe_in(lang) {
        let _ = writeln!(out, "{}\n", md_escape(&note));
    }
    if r.document.kind == DocumentKind::Plan {
        let _ = writeln!(
            out,
            "{}",
            pick(
                "## 任务类别\n\n| 类别 | 状态 |\n|---|---|",
                "## Task categories\n\n| Category | Status |\n|---|---|"
            )
        );
        for c in &r.categories {
            let _ = writeln!(
                out,
                "| {} | {} |",
                md_escape(&c.name),
                c.status.label_in(lang)
            );
        }
        let _ = writeln!(out);
    }
    let line = |f: &crate::report::FindingOut| {
        if en {
            format!(
                "Line {}: {} `{}`",
                f.span.line,
                md_escape(&f.message),
                f.rule
            )
        } else {
            format!(
                "第{}行：{} `{}`",
                f.span.line,
                md_escape(&f.message),
                f.rule
            )
        }
    };
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let list: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == severity && decisions.dismissal(f).is_none())
            .collect();
        if list.is_empty() {
            continue;
        }
        if en {
            let _ = writeln!(out, "## {} ({})\n", severity.label_in(lang), list.len());
        } else {
            let _ = writeln!(out, "## {}（{}）\n", severity.label(), list.len());
        }
        for f in list {
            let _ = write!(out, "- {}", line(f));
            if let Some(s) = &f.suggestion {
                let _ = write!(
                    out,
                    "  \n  {}{}",
                    pick("建议：", "Suggestion: "),
                    md_escape(s)
                );
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out);
    }
    let set_aside: Vec<_> = r
        .findings
        .iter()
        .filter_map(|f| Some((f, decisions.dismissal(f)?)))
        .collect();
    if !set_aside.is_empty() {
        let n = set_aside.len();
        if en {
            let _ = writeln!(out, "## Set aside by the reviewer ({n})\n");
        } else {
            let _ = writeln!(out, "## 审核人已搁置（{n}）\n");
        }
        for (f, d) in set_aside {
            let why = if d.reason.is_empty() {
                String::new()
            } else {
                format!("：{}", md_escape(&d.reason))
            };
            let _ = writeln!(out, "- {}（{}{why}）", line(f), md_escape(&d.status));
        }
        let _ = writeln!(out);
    }
    out
}

/// The report's title, file, template and counts (of what the reviewer kept).
fn markdown_head(out: &mut String, name: &str, r: &Report, lang: Lang, kept: &Kept) {
    let title = md_escape(r.document.title.as_deref().unwrap_or(name));
    let (name, template, s) = (md_escape(name), md_escape(&r.template.name), &r.summary);
    if lang == Lang::English {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let _ = writeln!(out, "# Check report: {title}\n");
        let _ = writeln!(out, "- File: {name}\n- Template: {template}");
        let _ = writeln!(
            out,
            "- Result: {}, {}, {} info{}; {} tasks, {} with a responsible unit; {} targets\n",
            plural(kept.errors, "error"),
            plural(kept.warnings, "warning"),
            kept.infos,
            if kept.set_aside > 0 {
                format!(" ({} set aside)", kept.set_aside)
            } else {
                String::new()
            },
            s.tasks,
            s.assigned,
            s.targets
        );
    } else {
        let _ = writeln!(out, "# 检查报告：{title}\n");
        let _ = writeln!(out, "- 文件：{name}\n- 对照模板：{template}");
        let _ = writeln!(
            out,
            "- 结果：{} 个错误，{} 个警告，{} 个提示{}；任务 {} 项，已明确责任 {} 项；目标 {} 个\n",
            kept.errors,
            kept.warnings,
            kept.infos,
            if kept.set_aside > 0 {
                format!("（另有 {} 项审核人已搁置）", kept.set_aside)
            } else {
                String::new()
            },
            s.tasks,
            s.assigned,
            s.targets
        );
    }
}

/// Text from the plan made inert in Markdown: markup escaped, line breaks and control
/// characters as spaces (a quotation cannot start a heading, a list or a code block), and
/// `://` broken so that a bare address is not turned into a link.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_control() || is_bidi_control(ch) {
            out.push(' ');
            continue;
        }
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '(' | ')'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out.replace("://", ":\\/\\/").replace("www.", "www\\.")
}

/// Characters that reorder text on screen (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from the plan made safe for a terminal: control characters (an escape sequence
/// could clear the screen or hide the rest of the report) and reordering characters
/// written as visible escapes.
/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a CR first)
/// led by an apostrophe, as spreadsheet-export guidance advises: Excel and WPS show it as
/// written and never run it (`=HYPERLINK(…)` in a file name stays text).
fn spreadsheet_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn terminal_safe(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        if ch.is_control() || is_bidi_control(ch) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out
}

/// SARIF 2.1.0, one run for all reports, with offsets and columns in UTF-16 code units
/// as the run declares (`columnKind`); `texts` are the checked texts, in the reports'
/// order, which the columns are counted in.
pub fn sarif(reports: &[(String, Report)], texts: &[&str]) -> serde_json::Value {
    let rules: Vec<_> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "defaultConfiguration": {"level": level(r.severity)},
            })
        })
        .collect();
    let results: Vec<_> = reports
        .iter()
        .enumerate()
        .flat_map(|(k, (name, r))| {
            let text = texts.get(k).copied().unwrap_or("");
            r.findings.iter().map(move |f| {
                let mut message = f.message.clone();
                if let Some(s) = &f.suggestion {
                    message.push_str("。建议：");
                    message.push_str(s);
                }
                json!({
                    "ruleId": f.rule,
                    "level": level(f.severity),
                    "message": {"text": message},
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri_of(name)},
                            "region": {
                                "startLine": f.span.line,
                                "startColumn": utf16_column(text, f.span.start),
                                "charOffset": f.span.start,
                                "charLength": f.span.end - f.span.start,
                                "snippet": {"text": f.excerpt},
                            }
                        }
                    }]
                })
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "plancheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    })
}

/// A file name as a relative URI reference: percent-encoded (spaces, `#`, `%`, non-ASCII),
/// path separators kept.
fn uri_of(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The 1-based column, in UTF-16 code units, of a UTF-16 offset into the text.
fn utf16_column(text: &str, offset: usize) -> usize {
    let mut at = 0;
    let mut column = 1;
    for ch in text.chars() {
        if at >= offset {
            break;
        }
        at += ch.len_utf16();
        column = if ch == '\n' {
            1
        } else {
            column + ch.len_utf16()
        };
    }
    column
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// One file of a batch: its report, or why it could not be checked.
pub struct BatchRow<'r> {
    pub name: &'r str,
    pub report: Result<&'r Report, String>,
}

/// The batch table's columns.
const BATCH_HEADER: [&str; 11] = [
    "文件",
    "标题",
    "县（区）",
    "错误",
    "警告",
    "提示",
    "任务已明确责任",
    "类别有章节",
    "指标提及",
    "目标年",
    "说明",
];

/// A row of the batch table for each file, as cells.
fn batch_cells(rows: &[BatchRow<'_>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| match &row.report {
            Ok(r) => {
                let s = &r.summary;
                let note = match r.document.kind {
                    DocumentKind::NotAPlan => "不是实施方案正文".to_string(),
                    DocumentKind::Plan => String::new(),
                };
                vec![
                    row.name.to_string(),
                    r.document.title.clone().unwrap_or_default(),
                    r.document.county.clone().unwrap_or_default(),
                    s.errors.to_string(),
                    s.warnings.to_string(),
                    s.infos.to_string(),
                    format!("{} / {}", s.assigned, s.tasks),
                    format!("{} / {}", s.sections, s.categories),
                    format!("{} / {}", s.indicators_mentioned, s.indicators_expected),
                    r.document
                        .horizon
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                    note,
                ]
            }
            Err(why) => {
                let mut cells = vec![String::new(); BATCH_HEADER.len()];
                cells[0] = row.name.to_string();
                cells[BATCH_HEADER.len() - 1] = format!("无法检查：{why}");
                cells
            }
        })
        .collect()
}

/// The batch as CSV: UTF-8 with a byte order mark (so that Excel reads Chinese), a header
/// row, fields quoted where they need it, CRLF line ends (RFC 4180).
pub fn csv(rows: &[BatchRow<'_>]) -> String {
    let field = |s: &str| {
        let s = terminal_safe(&spreadsheet_safe(s));
        if s.contains([',', '"', '\n', '\r', '\'']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = BATCH_HEADER.iter().map(|h| field(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for cells in batch_cells(rows) {
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The batch as a table for a terminal: a row per file, columns aligned by display width
/// (a Chinese character is two columns wide).
pub fn summary(rows: &[BatchRow<'_>]) -> String {
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| match c as u32 {
                0..=0x10ff | 0x2000..=0x206f => 1,
                _ => 2,
            })
            .sum()
    };
    let mut table: Vec<Vec<String>> = vec![BATCH_HEADER.iter().map(|h| h.to_string()).collect()];
    table.extend(batch_cells(rows).into_iter().map(|cells| {
        cells
            .iter()
            .map(|c| terminal_safe(&spreadsheet_safe(c)))
            .collect()
    }));
    let columns = BATCH_HEADER.len();
    let widths: Vec<usize> = (0..columns)
        .map(|k| table.iter().map(|row| width(&row[k])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &table {
        let mut line = String::new();
        for (k, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if k + 1 < columns {
                line.push_str(&" ".repeat(widths[k] - width(cell) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// What changed between two versions as a reviewer reads it: a heading, a line of counts,
/// and sections of changes, each linked to where it is in the earlier version (`old`)
/// and in the new one. The terminal, Markdown and the page all show this one list.
#[derive(Clone, Debug, Serialize)]
pub struct Changes {
    pub old_title: String,
    pub new_title: String,
    /// 错误 2 → 1，警告 …；已解决 …
    pub counts: String,
    pub sections: Vec<ChangeSection>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChangeSection {
    pub title: &'static str,
    pub items: Vec<Change>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// The change in words, with the plan's words as written (escaped by each rendering).
    pub text: String,
    /// What kind of change: fixed, added, task-added, task-removed, task-renamed,
    /// task-reassigned, target, weaker, category, part-added, part-removed.
    pub kind: &'static str,
    pub old: Option<SpanOut>,
    pub new: Option<SpanOut>,
}

fn change(
    text: String,
    kind: &'static str,
    old: Option<&SpanOut>,
    new: Option<&SpanOut>,
) -> Change {
    Change {
        text,
        kind,
        old: old.cloned(),
        new: new.cloned(),
    }
}

/// The comparison as the list of changes a reviewer reads.
pub fn changes(c: &crate::compare::Comparison) -> Changes {
    let title =
        |v: &crate::compare::Version| v.title.clone().unwrap_or_else(|| "（未识别标题）".into());
    let counts = format!(
        "错误 {} → {}，警告 {} → {}，提示 {} → {}；已解决 {} 项，新增 {} 项，仍存在 {} 项",
        c.old.errors,
        c.new.errors,
        c.old.warnings,
        c.new.warnings,
        c.old.infos,
        c.new.infos,
        c.fixed.len(),
        c.added.len(),
        c.still_open
    );
    let finding =
        |f: &crate::report::FindingOut| format!("〔{}〕{}", f.severity.label(), f.message);
    let sections = [
        ChangeSection {
            title: "已解决的问题",
            items: c
                .fixed
                .iter()
                .map(|f| change(finding(f), "fixed", Some(&f.span), None))
                .collect(),
        },
        ChangeSection {
            title: "新增的问题",
            items: c
                .added
                .iter()
                .map(|f| change(finding(f), "added", None, Some(&f.span)))
                .collect(),
        },
        ChangeSection {
            title: "任务",
            items: task_changes(&c.tasks),
        },
        ChangeSection {
            title: "目标",
            items: target_changes(&c.targets),
        },
        ChangeSection {
            title: "结构",
            items: structure_changes(c),
        },
    ];
    Changes {
        old_title: title(&c.old),
        new_title: title(&c.new),
        counts,
        sections: sections
            .into_iter()
            .filter(|s| !s.items.is_empty())
            .collect(),
    }
}

fn task_changes(t: &crate::compare::TaskChanges) -> Vec<Change> {
    // Units removed or added read as such, not as an arrow from or to nothing.
    let units = |before: &[String], after: &[String]| match (before.is_empty(), after.is_empty()) {
        (false, true) => format!("{} → 删除", before.join("、")),
        (true, false) => format!("新增 → {}", after.join("、")),
        _ => {
            let side = |u: &[String]| {
                if u.is_empty() {
                    "无".to_string()
                } else {
                    u.join("、")
                }
            };
            format!("{} → {}", side(before), side(after))
        }
    };
    let added = t.added.iter().map(|x| {
        change(
            format!("新增：{}", x.title),
            "task-added",
            None,
            Some(&x.span),
        )
    });
    let removed = t.removed.iter().map(|x| {
        change(
            format!("删除：{}", x.title),
            "task-removed",
            Some(&x.span),
            None,
        )
    });
    let renamed = t.renamed.iter().map(|x| {
        change(
            format!("改名：{} → {}", x.from, x.to),
            "task-renamed",
            Some(&x.old_span),
            Some(&x.new_span),
        )
    });
    let reassigned = t.reassigned.iter().map(|x| {
        let text = format!("责任单位变化：{}（{}）", x.task, units(&x.before, &x.after));
        change(
            text,
            "task-reassigned",
            Some(&x.old_span),
            Some(&x.new_span),
        )
    });
    added
        .chain(removed)
        .chain(renamed)
        .chain(reassigned)
        .collect()
}

fn target_changes(targets: &[crate::compare::TargetChange]) -> Vec<Change> {
    let value = |v: &crate::compare::TargetValue| {
        let mut s = v.value.clone().unwrap_or_else(|| "—".into());
        s.push_str(v.unit.as_deref().unwrap_or(""));
        if let Some(y) = v.year {
            s.push_str(&format!("（{y}年）"));
        }
        s
    };
    targets
        .iter()
        .map(|x| {
            let text = format!(
                "{} {} → {}{}",
                x.name,
                value(&x.before),
                value(&x.after),
                if x.weaker { "（降低）" } else { "" }
            );
            let kind = if x.weaker { "weaker" } else { "target" };
            change(text, kind, Some(&x.old_span), Some(&x.new_span))
        })
        .collect()
}

fn structure_changes(c: &crate::compare::Comparison) -> Vec<Change> {
    let categories = c.categories.iter().map(|x| {
        let text = format!("{}：{} → {}", x.name, x.before.label(), x.after.label());
        change(text, "category", None, None)
    });
    let added = c
        .parts
        .added
        .iter()
        .map(|k| change(format!("新增部分：{}", k.label()), "part-added", None, None));
    let removed = c.parts.removed.iter().map(|k| {
        change(
            format!("缺少部分：{}", k.label()),
            "part-removed",
            None,
            None,
        )
    });
    categories.chain(added).chain(removed).collect()
}

/// What changed between two versions, as text for a terminal (`markdown`: as Markdown).
pub fn comparison(c: &crate::compare::Comparison, markdown: bool) -> String {
    let esc = |s: &str| {
        if markdown {
            md_escape(s)
        } else {
            terminal_safe(s)
        }
    };
    let list = changes(c);
    let mut out = String::new();
    if markdown {
        let _ = writeln!(out, "# 修改对比：{}\n", esc(&list.new_title));
    } else {
        let _ = writeln!(
            out,
            "修改对比：{} → {}",
            esc(&list.old_title),
            esc(&list.new_title)
        );
    }
    let _ = writeln!(out, "{}", list.counts);
    for section in &list.sections {
        if markdown {
            let _ = writeln!(out, "\n## {}\n", section.title);
        } else {
            let _ = writeln!(out, "\n{}", section.title);
        }
        for item in &section.items {
            let _ = writeln!(
                out,
                "{}{}",
                if markdown { "- " } else { "  " },
                esc(&item.text)
            );
        }
    }
    out
}

/// Where a finding is, as a reader of the plan says it: its part and its task.
pub(crate) fn place_in_plan(r: &Report, at: usize) -> String {
    let inside = |s: &crate::report::SpanOut| s.start <= at && at < s.end.max(s.start + 1);
    let part = r
        .document
        .parts
        .iter()
        .filter(|p| inside(&p.span))
        .filter_map(|p| p.title.clone())
        .next_back();
    let task = r.tasks.iter().find(|t| inside(&t.span)).map(|t| {
        if t.number.is_empty() {
            format!("任务“{}”", t.title)
        } else {
            format!("任务 {}“{}”", t.number, t.title)
        }
    });
    [part, task]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" › ")
}
