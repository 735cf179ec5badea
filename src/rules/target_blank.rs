//! # target-blank
//!
//! ## 检查什么
//!
//! 草稿中留下的占位符：目标数值空着（“达到 %”“达到____”“不低于X%”），或用
//! “××”代替的数字和单位名称（“××家”“县××局”）。
//!
//! ## 为什么重要
//!
//! 征求意见稿常常带着待填的空位流转，空位一旦留到印发稿就成了笑话；
//! 这些地方也没有可以评估的目标。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育创新主体。到2027年，高新技术企业达到××家。（县科技局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育创新主体。到2027年，高新技术企业达到60家。（县科技局负责）
//! ```

use super::{quote, Context};
use crate::diagnostics::Finding;

declare_rule! {
    id: "target-blank",
    severity: Error,
    summary: "草稿中留有未填写的占位符",
    about: "a placeholder left in a draft: 达到 %, 达到____, ××家, X%, 县××局",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    for span in &cx.doc.placeholders {
        out.push(
            RULE.finding(
                span.clone(),
                format!("“{}”是未填写的占位符", quote(cx.doc, span, 30)),
            )
            .suggest("填写具体数值或单位名称后再提交"),
        );
    }
}
