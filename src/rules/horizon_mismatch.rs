//! # horizon-mismatch
//!
//! ## 检查什么
//!
//! 方案的目标年（标题中的“（2025—2027年）”、目标部分的“到2027年”，
//! 或多数任务目标所定的年份）与国家模板的目标年（2027年）不同。
//!
//! ## 为什么重要
//!
//! 国家方案要求到2027年培育建设一批质量强县；目标年错位，
//! 评估时的指标口径和验收时间都会对不上。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 一、总体要求
//! 到2028年，全县质量效益水平实现整体跃升。
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 一、总体要求
//! 到2027年，全县质量效益水平实现整体跃升。
//! ```

use super::Context;
use crate::diagnostics::Finding;

declare_rule! {
    id: "horizon-mismatch",
    severity: Warning,
    summary: "方案目标年与国家模板不一致",
    about: "the plan's target year differs from the template's (2027)",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let Some(horizon) = &cx.doc.horizon else {
        return;
    };
    let Some(year) = horizon.year else {
        return;
    };
    let expected = cx.template.horizon;
    if year == expected {
        return;
    }
    out.push(
        RULE.finding(
            horizon.span.clone(),
            format!("方案目标年为{year}年，国家模板的目标年为{expected}年"),
        )
        .suggest(format!(
            "核对目标年：模板要求到{expected}年完成培育建设；如确需调整，请在起草说明中说明理由"
        )),
    );
}
