//! # no-lead-unit
//!
//! ## 检查什么
//!
//! 一项任务列出了两个或更多责任单位，却没有哪个被标为牵头（“牵头单位：”
//! “××牵头负责”）。
//!
//! ## 为什么重要
//!
//! 多家共同负责而无人牵头，推进和考核时容易互相推诿。这是提示：
//! 一些地方的惯例是并列负责，由审核人判断。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局、县发改委负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（牵头单位：县科技局，责任单位：县发改委）
//! ```

use super::Context;
use crate::document::AssignedBy;
use crate::diagnostics::Finding;

declare_rule! {
    id: "no-lead-unit",
    severity: Info,
    summary: "多个责任单位，未明确牵头单位",
    about: "several units listed, none marked 牵头",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for task in &doc.tasks {
        let named = doc.task_units(task);
        // Clauses only: a task table has its own 牵头单位 column.
        if named.assigned_by != Some(AssignedBy::Clause) || named.marks_lead {
            continue;
        }
        let Some(last) = named.last_clause else {
            continue;
        };
        if named.units.len() < 2 {
            continue;
        }
        let number = if task.number.is_empty() {
            String::new()
        } else {
            format!(" {}{} ", task.number, super::task_section(cx, task))
        };
        out.push(
            RULE.finding(
                last,
                format!(
                    "任务{number}列出 {} 个责任单位，未明确牵头单位",
                    named.units.len()
                ),
            )
            .suggest(format!(
                "注明牵头单位，如“（牵头单位：{lead}，责任单位：…）”或“（{lead}牵头，…配合）”",
                lead = super::level(cx).sample_unit()
            )),
        );
    }
}
