//! # unassigned-task
//!
//! ## 检查什么
//!
//! 重点任务中的一项任务既没有责任分工括注（如“（县市场监管局负责）”
//! “（牵头单位：…，责任单位：…）”），也没有被任务分解表或指标表分配给任何单位。
//! 每项任务报告一次，位置在任务标题处。指标表（有“责任单位”或“牵头单位”列）中
//! 列有指标或目标值、责任单位一格却空着的行，同样报告，位置在该行。
//!
//! ## 为什么重要
//!
//! 没有责任单位的任务没人落实，也没人被考核；这是审核中最常退回修改的问题。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.支持企业创建技术中心，培育高新技术企业。
//! ```
//!
//! 触发（指标表）：
//!
//! ```text,flagged=1,about=指标表
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.支持企业创建技术中心，培育高新技术企业。（县科技局负责）
//! 附件
//! 指标
//! 单位
//! 目标值
//! 目标年
//! 责任单位
//!
//! 高新技术企业数量
//! 家
//! 45
//! 2027
//! 县科技局
//!
//! 研发经费投入强度
//! %
//! 2.5
//! 2027
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.支持企业创建技术中心，培育高新技术企业。（县科技局、县发改委负责）
//! ```

use super::{quote, Context};
use crate::diagnostics::Finding;

declare_rule! {
    id: "unassigned-task",
    severity: Error,
    summary: "任务没有明确责任单位",
    about: "a task with no responsibility clause and no row of a task-decomposition table (an indicator table assigns its indicators, not the tasks that mention them; the message says which unit it gives); an indicator-table row whose 责任单位 is empty",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    tasks(cx, out);
    rows(cx, out);
}

/// Tasks no clause and no 分解表 row assigns.
fn tasks(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let (lead, others) = super::level(cx).sample_units();
    let clause = format!("在任务末尾注明责任分工，如“（牵头单位：{lead}，责任单位：{others}）”");
    // Where the plan assigns tasks by a 分解表, a row there does as well.
    let suggestion = if doc.tables.iter().any(|t| t.rows.iter().any(|r| r.task.is_some())) {
        format!("{clause}；或在重点任务分解表中为该任务补一行，写明牵头单位和配合单位")
    } else {
        clause
    };
    for task in doc.tasks.iter().filter(|t| !t.assigned()) {
        let span = match task.heading {
            Some(h) => doc.heading_span(h),
            None => task.title.clone(),
        };
        let title = quote(doc, &task.title, 30);
        let number = if task.number.is_empty() {
            String::new()
        } else {
            format!("{}{} ", task.number, super::task_section(cx, task))
        };
        let hint = indicator_hint(doc, task);
        let mut finding = RULE
            .finding(
                span,
                format!(
                    "任务 {number}“{title}”没有明确责任单位{}",
                    hint.unwrap_or_default()
                ),
            )
            .suggest(suggestion.clone());
        if let Some(id) = task
            .section
            .and_then(|s| doc.sections.get(s))
            .and_then(|s| s.category)
            .and_then(|c| cx.template.categories.get(c))
        {
            finding = finding.category(&id.id);
        }
        out.push(finding);
    }
}

/// An indicator table may give one of the task's indicators to a unit: say so, the
/// drafter may copy it.
fn indicator_hint(doc: &crate::document::Document<'_>, task: &crate::document::Task) -> Option<String> {
    let row = doc.indicator_rows_for(task).next()?;
    let named = row
        .indicator
        .and_then(|i| {
            doc.mentions
                .iter()
                .find(|m| m.indicator == i && row.span.contains(&m.span.start))
        })
        .map(|m| doc.slice(&m.span).to_string())
        .unwrap_or_default();
    let units: Vec<&str> = row.units.iter().map(|u| u.name.as_str()).collect();
    Some(format!(
        "（指标表把指标“{named}”交给{}，但任务本身没有写明）",
        units.join("、")
    ))
}

/// Indicator-table rows whose 责任单位 is empty.
fn rows(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for table in doc.tables.iter().filter(|t| t.responsible) {
        for row in &table.rows {
            if !row.units.is_empty() || (row.indicator.is_none() && !row.has_target) {
                continue;
            }
            let indicator = row.indicator.and_then(|i| cx.template.indicators.get(i));
            // The row as the drafter wrote it: its 序号 and indicator cell.
            let name = row
                .named
                .iter()
                .chain(&row.cells)
                .map(|c| doc.slice(c))
                .find(|c| c.chars().any(|ch| !ch.is_ascii_digit()))
                .map(|c| crate::diagnostics::clip(c, 20))
                .unwrap_or_default();
            let serial = row.serial.map(|n| format!("第{n}行")).unwrap_or_default();
            out.push(
                RULE.finding(
                    row.span.clone(),
                    format!("指标表{serial}“{name}”没有责任单位"),
                )
                .suggest("在该行的责任单位一栏填写牵头和配合单位")
                .about(indicator),
            );
        }
    }
}
