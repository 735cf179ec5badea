//! # unassigned-task
//!
//! ## 检查什么
//!
//! 重点任务中的一项任务既没有责任分工括注（如“（县市场监管局负责）”
//! “（牵头单位：…，责任单位：…）”），也没有被任务分解表或指标表分配给任何单位。
//! 每项任务报告一次，位置在任务标题处。
//!
//! ## 为什么重要
//!
//! 没有责任单位的任务没人落实，也没人被考核；这是审核中最常退回修改的问题。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.支持企业创建技术中心，培育高新技术企业。
//! ```
//!
//! 不触发：
//!
//! ```text
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.支持企业创建技术中心，培育高新技术企业。（县科技局、县发改委负责）
//! ```

use super::{quote, Context};
use crate::report::Finding;

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for task in doc.tasks.iter().filter(|t| !t.assigned()) {
        let span = match task.heading {
            Some(h) => doc.heading_span(h),
            None => task.title.clone(),
        };
        let title = quote(doc, &task.title, 30);
        let number = if task.number.is_empty() {
            String::new()
        } else {
            format!("{} ", task.number)
        };
        let mut finding = Finding::new(span, format!("任务 {number}“{title}”没有明确责任单位"))
            .suggest("在任务末尾注明责任分工，如“（牵头单位：县××局，责任单位：县××局、县××局）”");
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
