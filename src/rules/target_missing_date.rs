//! # target-missing-date
//!
//! ## 检查什么
//!
//! 量化目标所在的句子里没有完成时限（“到2027年”“2026年底前”“年内”）；
//! 目标部分里的目标以该段的年份为时限，指标表的目标以目标年一栏为时限。
//! 方案的总目标年本身不算某个目标的时限。
//!
//! ## 为什么重要
//!
//! 没有时限的目标无法考核进度，也无法与工作安排的阶段对应。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.加强食品安全监管。食品抽检合格率不低于98%。（县市场监管局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.加强食品安全监管。到2027年，食品抽检合格率不低于98%。（县市场监管局负责）
//! ```

use super::{target_label, Context};
use crate::diagnostics::Finding;

declare_rule! {
    id: "target-missing-date",
    severity: Warning,
    summary: "量化目标没有完成时限",
    about: "a quantified target with no deadline in its scope",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let horizon = cx.template.horizon;
    for target in cx.doc.targets.iter().filter(|t| t.quantified() && !t.dated) {
        let finding = RULE
            .finding(
                target.span.clone(),
                format!("目标“{}”没有完成时限", target_label(cx, target)),
            )
            .suggest(format!("在同一句中写明完成时间，如“到{horizon}年，……”"));
        let indicator = target.indicator.and_then(|i| cx.template.indicators.get(i));
        out.push(finding.about(indicator));
    }
}
