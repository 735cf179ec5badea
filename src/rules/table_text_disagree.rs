//! # table-text-disagree
//!
//! ## 检查什么
//!
//! 方案既在正文中为任务写了责任分工括注，又附了重点任务分解表时，两处是否一致：
//!
//! - 同一项任务，正文括注中的牵头单位与分解表“牵头单位”一栏不同；
//! - 分解表几乎为每项任务列了一行，却漏了某一项（该任务只在正文有分工）。
//!
//! 同一指标的目标值在正文与指标表中不一致，由 `target-conflict` 报告，不在此重复。
//!
//! ## 为什么重要
//!
//! 分解表是各单位据以落实的清单。正文说甲局牵头、表里写乙局牵头，两家都会以为对方负责；
//! 起草说明中“根据意见调整了某任务的牵头单位”而只改了一处，是常见的疏漏。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局牵头，县发改委配合）
//! 附件
//! 序号  重点任务  牵头单位  配合单位  完成时限
//! 1  培育高新技术企业  县发改委  县科技局  2027年12月
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局牵头，县发改委配合）
//! 附件
//! 序号  重点任务  牵头单位  配合单位  完成时限
//! 1  培育高新技术企业  县科技局  县发改委  2027年12月
//! ```

use super::{quote, Context};
use crate::document::{DocumentKind, Task, UnitName};
use crate::diagnostics::Finding;

declare_rule! {
    id: "table-text-disagree",
    severity: Warning,
    summary: "重点任务分解表与正文的分工不一致",
    about: "a 分解表 and the text disagree: a task's lead unit differs between its clause and its row, or the table leaves out one task when it lists every other",
}

/// The share of tasks a 分解表 must list for a missing one to be worth a word.
const NEARLY_ALL: usize = 80;

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    // With the numbering lost, where one task ends is a guess: a clause may be the next
    // task's.
    if doc.kind == DocumentKind::NotAPlan || doc.numbering_lost {
        return;
    }
    lead_differs(cx, out);
    row_missing(cx, out);
}

/// A task's lead unit in its clause differs from the one in its 分解表 row.
fn lead_differs(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let leads = |units: &'_ [UnitName]| -> Vec<String> {
        units.iter().filter(|u| u.lead).map(|u| u.key.clone()).collect()
    };
    let row_of = |t: &Task| {
        let (table, row) = t.table_row?;
        doc.tables.get(table)?.rows.get(row)
    };
    for task in &doc.tasks {
        let Some(row) = row_of(task) else { continue };
        let in_row = leads(&row.units);
        // The clause's lead, where it marks one (（A、B负责） names none).
        let Some(clause) = task
            .clauses
            .iter()
            .filter_map(|&c| doc.clauses.get(c))
            .find(|c| c.marks_lead)
        else {
            continue;
        };
        let in_clause = leads(&clause.units);
        if in_row.is_empty() || in_clause.is_empty() || in_row.iter().any(|u| in_clause.contains(u)) {
            continue;
        }
        let names = |units: &[UnitName]| -> String {
            units
                .iter()
                .filter(|u| u.lead)
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        };
        let title = quote(doc, &task.title, 24);
        out.push(
            RULE.finding(
                clause.span.clone(),
                format!(
                    "任务 {}{}“{title}”的牵头单位前后不一致：正文（第{}行）为“{}”，重点任务分解表（第{}行）为“{}”",
                    task.number,
                    super::task_section(cx, task),
                    cx.line(&clause.span),
                    names(&clause.units),
                    cx.line(&row.span),
                    names(&row.units)
                ),
            )
            .suggest("核对牵头单位，正文与分解表写成一致"),
        );
    }
}

/// A table that lists nearly every task, without one that the text assigns.
fn row_missing(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let listed = doc.tasks.iter().filter(|t| t.table_row.is_some()).count();
    let total = doc.tasks.len();
    if total < 4 || listed == total || listed * 100 < total * NEARLY_ALL {
        return;
    }
    for task in doc.tasks.iter().filter(|t| t.table_row.is_none() && !t.clauses.is_empty()) {
        let span = match task.heading {
            Some(h) => doc.heading_span(h),
            None => task.title.clone(),
        };
        out.push(
            RULE.finding(
                span,
                format!(
                    "重点任务分解表列了其余 {listed} 项任务，没有任务 {}{}“{}”",
                    task.number,
                    super::task_section(cx, task),
                    quote(doc, &task.title, 24)
                ),
            )
            .suggest("在分解表中为该任务补一行，写明牵头单位、配合单位和完成时限"),
        );
    }
}
