//! # target-below-floor
//!
//! ## 检查什么
//!
//! 目标值弱于国家对同一指标提出的底线要求，例如《质量强国建设纲要》2025年目标：
//! 农产品质量安全例行监测合格率、食品抽检合格率不低于98%，制造业产品质量合格率94%，
//! 制造业质量竞争力指数86。底线作为数据写在模板中并注明出处，省级模板可以增补。
//!
//! ## 为什么重要
//!
//! 县级方案的目标年一般晚于国家目标年，目标却低于国家底线，审核时一定会被退回；
//! 起草时往往是照搬了旧方案的数字。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.抓好食品安全监管。到2027年，食品抽检合格率不低于97%。（县市场监管局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.抓好食品安全监管。到2027年，食品抽检合格率不低于98.5%。（县市场监管局负责）
//! ```

use super::{target_label, Context};
use crate::diagnostics::Finding;
use crate::template::Direction;

declare_rule! {
    id: "target-below-floor",
    severity: Warning,
    summary: "目标弱于国家对同一指标的底线要求",
    about: "a target weaker than the national minimum for its indicator (the template's `floor`, with its source)",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    // Dated targets only: an undated figure may be the present state (2024年…达97%), and
    // target-missing-date already asks for its deadline.
    for target in cx.doc.targets.iter().filter(|t| t.dated) {
        let Some(ind) = target.indicator.and_then(|i| cx.template.indicators.get(i)) else {
            continue;
        };
        let Some(floor) = &ind.floor else { continue };
        let (Some(value), Some(minimum)) = (
            target.amount(),
            floor.amount(),
        ) else {
            continue;
        };
        // Compared only in the floor's own unit (an index has none).
        let unit = target.unit.as_deref();
        if unit != floor.unit.as_deref() && !(ind.ratio && unit.is_none()) {
            continue;
        }
        let weaker = match ind.direction {
            Direction::Higher => value < minimum,
            Direction::Lower => value > minimum,
        };
        if !weaker {
            continue;
        }
        let unit = floor.unit.as_deref().unwrap_or("");
        let by = floor.year.map(|y| format!("到{y}年")).unwrap_or_default();
        out.push(
            RULE.finding(
                target.span.clone(),
                format!(
                    "目标“{}”低于国家要求：{}要求{by}{}达到{}{unit}",
                    target_label(cx, target),
                    floor.source,
                    ind.name,
                    floor.value
                ),
            )
            .suggest(format!(
                "将目标提高到不低于{}{unit}，或在方案中说明本县的理由",
                floor.value
            ))
            .about(Some(ind)),
        );
    }
}
