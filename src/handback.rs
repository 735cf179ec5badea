//! The draft handed back to its drafter: the findings as Word comments (批注) on the draft
//! itself — the Word file as it came, or the pasted text as a new Word document — and the
//! reviewer's own decisions: findings marked 不适用 or 已说明 (left out of the 批注, listed
//! with their reason in the 意见反馈表) and comments of their own.

use crate::docx::annotate::{annotate, Note, Reviewer};
use crate::report::{FindingOut, Report};

pub use crate::review::{Decisions, Dismissal, OwnComment};

/// What a finding's comment says, in plain words: the problem, then the suggestion.
pub fn comment_text(f: &FindingOut) -> String {
    let mut text = format!("{}：{}", f.severity.label(), f.message);
    if let Some(s) = &f.suggestion {
        text.push_str("\n修改建议：");
        text.push_str(s);
    }
    text
}

/// Byte offsets of UTF-16 offsets into `text` (an offset inside a character counts as
/// the character's start).
fn bytes_of(text: &str, utf16: &[usize]) -> Vec<usize> {
    let mut order: Vec<(usize, usize)> = utf16.iter().copied().zip(0..).collect();
    crate::order::sort_pairs(&mut order);
    // Past the end of the text, the end.
    let mut out = vec![text.len(); utf16.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    for (offset, k) in order {
        while let Some(&(at, c)) = chars.peek() {
            if units + c.len_utf16() > offset {
                out[k] = at;
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
    }
    out
}

/// The most 批注 one document carries: past it Word and LibreOffice take minutes to show
/// it. The rest are said in one closing comment; the 意见反馈表 lists them all.
pub const MAX_COMMENTS: usize = 500;

/// The reviewer's decisions, or a message when one points nowhere in `text`: a span
/// reversed, or past the text's end (UTF-16 code units, as the page counts them).
pub fn check_decisions(text: &str, decisions: &Decisions) -> Result<(), String> {
    let len: usize = text.chars().map(char::len_utf16).sum();
    let spans = decisions
        .dismissed
        .iter()
        .map(|d| ("set-aside finding", d.start, d.end))
        .chain(
            decisions
                .comments
                .iter()
                .map(|c| ("comment", c.start, c.end)),
        );
    for (k, (what, start, end)) in spans.enumerate() {
        if start > end {
            return Err(format!(
                "plancheck: bad decisions: {what} {}: its span {start}..{end} is reversed",
                k + 1
            ));
        }
        if end > len {
            return Err(format!(
                "plancheck: bad decisions: {what} {}: its span {start}..{end} runs past the text's end ({len})",
                k + 1
            ));
        }
    }
    Ok(())
}

/// A date as Word's comments carry it: `2026-11-26`, a real day.
pub fn check_date(date: &str) -> Result<(), String> {
    let parts: Vec<&str> = date.split('-').collect();
    let valid = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            match (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
                (Ok(y), Ok(m), Ok(d)) if (1..=12).contains(&m) && d >= 1 => {
                    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
                    let days = match m {
                        2 if leap => 29,
                        2 => 28,
                        4 | 6 | 9 | 11 => 30,
                        _ => 31,
                    };
                    d <= days
                }
                _ => false,
            }
        }
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err(format!(
            "plancheck: the date \"{date}\" is not a day written as 2026-11-26"
        ))
    }
}

/// The comments to write: each finding not set aside, then the reviewer's own, with
/// byte ranges into `text`; past [`MAX_COMMENTS`], one closing comment says how many more
/// the 意见反馈表 lists.
pub fn notes(text: &str, report: &Report, decisions: &Decisions) -> Vec<Note> {
    let mut all = all_notes(text, report, decisions);
    if all.len() > MAX_COMMENTS {
        let rest = all.len() - (MAX_COMMENTS - 1);
        let at = all[MAX_COMMENTS - 1].start;
        all.truncate(MAX_COMMENTS - 1);
        all.push(Note {
            start: at,
            end: at,
            text: format!(
                "另有 {rest} 条意见未在文中标注（每份文档最多 {MAX_COMMENTS} 条批注），请见意见反馈表"
            ),
        });
    }
    all
}

fn all_notes(text: &str, report: &Report, decisions: &Decisions) -> Vec<Note> {
    let findings: Vec<&FindingOut> = report
        .findings
        .iter()
        .filter(|f| decisions.dismissal(f).is_none())
        .collect();
    let mut spans = Vec::new();
    for f in &findings {
        spans.extend([f.span.start, f.span.end]);
    }
    for c in &decisions.comments {
        spans.extend([c.start, c.end]);
    }
    let at = bytes_of(text, &spans);
    let texts = findings
        .iter()
        .map(|f| comment_text(f))
        .chain(decisions.comments.iter().map(|c| c.text.clone()));
    texts
        .enumerate()
        .map(|(k, text)| Note {
            start: at[2 * k],
            end: at[2 * k + 1],
            text,
        })
        .collect()
}

/// A Word draft with the report's findings (and the reviewer's comments) as its 批注.
/// `report` is the check of the text [`crate::text_of`] reads from `bytes`.
pub fn annotated_docx(
    bytes: &[u8],
    report: &Report,
    decisions: &Decisions,
    by: &Reviewer<'_>,
) -> Result<Vec<u8>, String> {
    check_date(by.date)?;
    let doc = crate::docx::read(bytes).map_err(|e| e.to_string())?;
    check_decisions(&doc.text, decisions)?;
    annotate(bytes, &notes(&doc.text, report, decisions), by).map_err(|e| e.to_string())
}

/// A pasted draft as a new Word document, a paragraph a line (the plan's part and task
/// headings bold), with the report's findings (and the reviewer's comments) as 批注.
pub fn annotated_text(
    text: &str,
    report: &Report,
    decisions: &Decisions,
    by: &Reviewer<'_>,
) -> Result<Vec<u8>, String> {
    check_date(by.date)?;
    check_decisions(text, decisions)?;
    // The lines parts (level 1), category sections and tasks (level 2) begin on, when
    // they are headings:
    // short, not a sentence (a task written as one paragraph with its heading stays plain).
    let levels: Vec<(usize, u8)> = report
        .document
        .parts
        .iter()
        .map(|p| (p.span.line, 1))
        .chain(
            report
                .categories
                .iter()
                .filter_map(|c| Some((c.span.as_ref()?.line, 2))),
        )
        .chain(report.tasks.iter().map(|t| (t.span.line, 2)))
        .collect();
    // A final line break ends the last line; it does not begin an empty one.
    let lines: Vec<(&str, Option<u8>)> = text
        .strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .enumerate()
        .map(|(k, l)| {
            let heading = levels
                .iter()
                .find(|(line, _)| *line == k + 1)
                .map(|&(_, level)| level)
                .filter(|_| l.trim().chars().count() <= 40 && !l.contains('。'));
            (l, heading)
        })
        .collect();
    let bytes = crate::docx::write::text_document(&lines)?;
    // The document read back holds the same lines (less characters Word cannot hold):
    // each note moved to its line and column there.
    let written = crate::docx::read(&bytes).map_err(|e| e.to_string())?.text;
    let starts = |s: &str| {
        std::iter::once(0)
            .chain(s.match_indices('\n').map(|(k, _)| k + 1))
            .collect::<Vec<usize>>()
    };
    let (old, new) = (starts(text), starts(&written));
    let moved = |offset: usize| {
        let line = old.partition_point(|&s| s <= offset).saturating_sub(1);
        let column = offset - old[line];
        let (start, end) = (
            new.get(line).copied().unwrap_or(written.len()),
            new.get(line + 1)
                .map_or(written.len(), |e| e.saturating_sub(1)),
        );
        let mut at = (start + column).min(end);
        while !written.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let notes: Vec<Note> = notes(text, report, decisions)
        .into_iter()
        .map(|n| Note {
            start: moved(n.start),
            end: moved(n.end),
            text: n.text,
        })
        .collect();
    annotate(&bytes, &notes, by).map_err(|e| e.to_string())
}

/// A 意见反馈表 as a Word document: for each plan a header naming it, the template, the
/// date and the reviewer, then a table in text order — 序号 / 章节 / 原文 / 问题 / 修改建议 /
/// 处理情况 (left empty for the drafter): a row for each finding (one the reviewer set aside
/// says so, with the reason) and for each of the reviewer's own comments. `texts` are the
/// texts checked, for the reviewer's comments' quotations.
// Long: the form's parts in the order Word shows them: a header for each plan, then its
// table's rows.
pub fn feedback_docx(
    plans: &[(String, &str, Report, Decisions)],
    reviewer: &str,
    date: &str,
) -> Result<Vec<u8>, String> {
    use crate::docx::write::{document, Block};
    let mut blocks = vec![Block::Title("意见反馈表".to_string())];
    for (name, text, r, decisions) in plans {
        let title = r.document.title.clone().unwrap_or_else(|| name.clone());
        blocks.push(Block::Line(format!("方案：{title}")));
        blocks.push(Block::Line(format!("对照模板：{}", r.template.name)));
        // What the reviewing office fills in: its name and telephone by hand.
        blocks.push(Block::Line(
            "反馈单位：＿＿＿＿＿＿＿＿＿＿　联系电话：＿＿＿＿＿＿＿＿".to_string(),
        ));
        blocks.push(Block::Line(format!(
            "联系人（审核人）：{reviewer}　日期：{date}"
        )));
        // What the reviewer kept is counted; what they set aside is said apart.
        let kept = decisions.kept(r);
        let mut counts = format!(
            "检查结果：{} 个错误，{} 个警告，{} 个提示",
            kept.errors, kept.warnings, kept.infos
        );
        if kept.set_aside > 0 {
            counts.push_str(&format!(
                "；另有 {} 项审核人标为不适用或已说明",
                kept.set_aside
            ));
        }
        if !decisions.comments.is_empty() {
            counts.push_str(&format!("；审核人意见 {} 条", decisions.comments.len()));
        }
        blocks.push(Block::Line(counts));
        // (position, 原文, 问题, 修改建议) of each row, put in text order.
        let mut rows: Vec<(usize, String, String, String)> = r
            .findings
            .iter()
            .map(|f| {
                let mut problem = format!("〔{}〕{}", f.severity.label(), f.message);
                if let Some(d) = decisions.dismissal(f) {
                    problem.push_str(&format!("（审核人标为{}：{}）", d.status, d.reason));
                }
                (
                    f.span.start,
                    f.excerpt.clone(),
                    problem,
                    f.suggestion.clone().unwrap_or_default(),
                )
            })
            .collect();
        let at = bytes_of(
            text,
            &decisions
                .comments
                .iter()
                .flat_map(|c| [c.start, c.end])
                .collect::<Vec<_>>(),
        );
        for (k, c) in decisions.comments.iter().enumerate() {
            let quote = text
                .get(at[2 * k]..at[2 * k + 1])
                .map(|q| crate::diagnostics::clip(&q.replace(['\n', '\r'], " "), 60))
                .unwrap_or_default();
            rows.push((
                c.start,
                quote,
                format!("〔审核意见〕{}", c.text),
                String::new(),
            ));
        }
        crate::order::sort_by_position(&mut rows, |row| row.0);
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(k, (at, quote, problem, suggestion))| {
                vec![
                    (k + 1).to_string(),
                    crate::render::place_in_plan(r, at),
                    quote,
                    problem,
                    suggestion,
                    String::new(),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: ["序号", "章节", "原文", "问题", "修改建议", "处理情况"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            rows,
            widths: vec![4, 10, 14, 20, 20, 10],
        });
    }
    document(&blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_become_byte_offsets() {
        let text = "到2027年🎯，合格率";
        // 到 2 0 2 7 年 🎯(2 units) ， 合 …
        assert_eq!(
            bytes_of(text, &[0, 1, 5, 6, 8, 9, 100]),
            [0, 3, 7, 10, 14, 17, text.len()]
        );
    }
}
