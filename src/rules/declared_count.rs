//! # declared-count
//!
//! ## 检查什么
//!
//! 方案对自身的计数与正文不符：“共4部分22条”“从7个方面”“提出17项重点任务”，
//! 而正文实际是另一个数目的部分（一、二、…，不含附件）、任务类别章节或任务。
//! 只看说明方案整体的句子：印发通知、前言、目标部分、重点任务部分的导语，或提到
//! “方案”的句子；任务内部的“从质量、标准、计量3个方面”之类不检查。
//!
//! ## 为什么重要
//!
//! 增删任务后忘了改总数，是征求意见稿最常见的笔误之一；审核人员会逐条数一遍。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 一、工作目标
//! 围绕2个方面，提出3项重点任务。
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! （二）增强产业质量竞争力
//! 2.实施质量提升行动。（县工信局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 一、工作目标
//! 围绕两个方面，提出2项重点任务。
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业，从质量、标准、计量3个方面给予支持。（县科技局负责）
//! （二）增强产业质量竞争力
//! 2.实施质量提升行动。（县工信局负责）
//! ```

use super::{quote, Context};
use crate::document::{CountOf, DocumentKind};
use crate::diagnostics::Finding;
use crate::template::PartKind;

declare_rule! {
    id: "declared-count",
    severity: Warning,
    summary: "方案自述的部分、方面或任务总数与正文不符",
    about: "a count the plan states about itself (共4部分22条, 7个方面, 17项重点任务) that its text contradicts",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.kind != DocumentKind::Plan {
        return;
    }
    let parts = doc
        .parts
        .iter()
        .filter(|p| {
            p.heading.is_some() && !matches!(p.kind, PartKind::Preamble | PartKind::Attachments)
        })
        .count();
    let sections = doc.sections.iter().filter(|s| s.heading.is_some()).count();
    let tasks = doc.tasks.len();
    for d in &doc.declared {
        let (actual, what) = match d.what {
            CountOf::Parts => (parts, "部分"),
            CountOf::Sections => (sections, "个任务类别章节"),
            CountOf::Tasks => (tasks, "项任务"),
        };
        if actual == 0 || actual == d.value as usize {
            continue;
        }
        out.push(
            RULE.finding(
                d.span.clone(),
                format!(
                    "文中称“{}”，正文实际有{actual}{what}",
                    quote(doc, &d.span, 20)
                ),
            )
            .suggest("核对总数，或补齐、删减相应内容"),
        );
    }
}
