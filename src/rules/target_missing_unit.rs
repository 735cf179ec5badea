//! # target-missing-unit
//!
//! ## 检查什么
//!
//! 量化目标的数值后面没有计量单位（如“每千人口执业（助理）医师数达3.29”，
//! 应为“3.29人”）。比值、指数（“比值达1.7”“师生比1:12.5”“质量竞争力指数达86”）
//! 本身没有单位，不提示。
//!
//! ## 为什么重要
//!
//! 没有单位的数值口径不明：3.29是人、是百分比还是名次？考核时会产生争议。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推进全民质量共治
//! 1.加强医师队伍建设。到2027年，每千人口执业（助理）医师数达3.29。（县卫生健康委负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推进全民质量共治
//! 1.加强医师队伍建设。到2027年，每千人口执业（助理）医师数达3.29人，城乡居民人均可支配收入比值达1.7。（县卫生健康委负责）
//! ```

use super::{target_label, Context};
use crate::diagnostics::Finding;

declare_rule! {
    id: "target-missing-unit",
    severity: Error,
    summary: "量化目标的数值缺少计量单位",
    about: "a target number without a unit (not ratios, indices)",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    for target in &cx.doc.targets {
        let Some(value) = &target.value else { continue };
        if target.unit.is_some() || target.ratio {
            continue;
        }
        let indicator = target.indicator.and_then(|i| cx.template.indicators.get(i));
        let example = indicator
            .and_then(|i| i.units.first())
            .map(|u| format!("，如“{value}{u}”"))
            .unwrap_or_default();
        let finding = RULE
            .finding(
                target.span.clone(),
                format!(
                    "目标“{}”的数值 {value} 缺少计量单位",
                    target_label(cx, target)
                ),
            )
            .suggest(format!("在数值后写明单位{example}"));
        out.push(finding.about(indicator));
    }
}
