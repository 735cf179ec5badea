//! # target-not-quantified
//!
//! ## 检查什么
//!
//! 针对某项指标的目标没有数值：“完成上级下达任务”“位居全市前列”“第一方阵”
//! “零的突破”“持续降低”“低于全省平均数”。
//!
//! ## 为什么重要
//!
//! 这类目标合乎惯例，但评估时需要数值；提示起草人在可能时写明数值，
//! 或注明下达任务的文件和数值。这是提示，不是错误。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）提升绿色发展质量
//! 1.推进节能降碳。到2027年，单位GDP能耗完成市级下达任务目标。（县发展改革委负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）提升绿色发展质量
//! 1.推进节能降碳。到2027年，单位GDP能耗下降13.5%。（县发展改革委负责）
//! ```

use super::{quote, Context};
use crate::diagnostics::Finding;

declare_rule! {
    id: "target-not-quantified",
    severity: Info,
    summary: "目标没有量化数值",
    about: "a target with no number (完成上级下达任务, 位居前列, 持续降低 …)",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    for target in cx.doc.targets.iter().filter(|t| !t.quantified()) {
        let finding = RULE
            .finding(
                target.span.clone(),
                format!("目标“{}”没有量化数值", quote(cx.doc, &target.span, 40)),
            )
            .suggest("如有可能写明具体数值；上级下达的任务可注明下达的数值或文件");
        let indicator = target.indicator.and_then(|i| cx.template.indicators.get(i));
        out.push(finding.about(indicator));
    }
}
