//! # missing-part
//!
//! ## 检查什么
//!
//! 方案缺少模板要求的组成部分：目标（总体要求/工作目标）、重点任务、
//! 工作安排（工作步骤/实施步骤）或保障措施（组织实施/工作要求）。
//!
//! ## 为什么重要
//!
//! 没有目标就无从考核，没有工作安排就没有时间表，没有保障措施就没有组织和经费；
//! 审核时这些部分缺一不可。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=2
//! 一、工作目标
//! 到2027年，质量效益水平全面提高。
//! 二、主要任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 一、工作目标
//! 到2027年，质量效益水平全面提高。
//! 二、主要任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! 三、工作安排
//! （一）部署阶段（2025年1月至2025年6月）。制定方案。
//! 四、保障措施
//! 加强组织领导。
//! ```

use super::Context;
use crate::document::DocumentKind;
use crate::diagnostics::Finding;

declare_rule! {
    id: "missing-part",
    severity: Error,
    summary: "缺少目标、重点任务、工作安排或保障措施部分",
    about: "no goals / tasks / schedule / safeguards part",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    if cx.doc.kind == DocumentKind::NotAPlan {
        return;
    }
    for spec in cx.template.parts.iter().filter(|p| p.required) {
        if cx.doc.has_part(spec.kind) {
            continue;
        }
        let examples: Vec<&str> = spec.headings.iter().take(3).map(String::as_str).collect();
        out.push(
            RULE.finding(cx.doc.start_anchor(), format!("缺少“{}”部分", spec.name))
                .suggest(format!(
                    "补充“{}”部分，一级标题可用“{}”等",
                    spec.name,
                    examples.join("”“")
                )),
        );
    }
}
