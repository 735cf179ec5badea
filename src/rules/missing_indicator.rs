//! # missing-indicator
//!
//! ## 检查什么
//!
//! 模板参考指标体系中的指标（如“空气质量优良天数比例”“食品抽检合格率”），
//! 在方案的目标、任务和指标表中都没有提到。每个任务类别报告一次，列出该类别
//! 未提及的全部指标，并给出一句写法示例。只在个别地方方案中出现、可能属于地方
//! 自设的指标，列出但不提示。
//!
//! ## 为什么重要
//!
//! 质量强县的评估按指标体系打分；方案不写某项指标，就没有目标值和责任单位，
//! 到评估时这一项无从说明。指标体系是从各地方案中归纳的参考，并非官方清单：
//! 按类别合并报告，免得几十条提示淹没真正的问题。
//!
//! ## 示例
//!
//! 括号中是所检查的指标：示例只看这一项指标是否列在提示中。
//!
//! 触发（空气质量优良天数比例）：
//!
//! ```text,flagged=1,about=空气质量优良天数比例
//! 二、重点任务
//! （五）提升绿色发展质量
//! 1.加强大气污染防治。（县生态环境分局负责）
//! ```
//!
//! 不触发（空气质量优良天数比例）：
//!
//! ```text,clean,about=空气质量优良天数比例
//! 二、重点任务
//! （五）提升绿色发展质量
//! 1.加强大气污染防治。到2027年，空气质量优良天数比例不低于95%。（县生态环境分局负责）
//! ```

use super::Context;
use crate::coverage::{CategoryStatus, IndicatorStatus};
use crate::document::DocumentKind;
use crate::diagnostics::Finding;
use crate::template::{Indicator, PartKind};

declare_rule! {
    id: "missing-indicator",
    severity: Warning,
    summary: "模板指标在方案中没有提及",
    about: "template indicators never mentioned: one finding per category naming them, with an example sentence",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    if cx.doc.kind == DocumentKind::NotAPlan {
        return;
    }
    let fallback = cx
        .doc
        .part_anchor(PartKind::Tasks)
        .unwrap_or_else(|| cx.doc.start_anchor());
    for (ci, category) in cx.template.categories.iter().enumerate() {
        let missing: Vec<&Indicator> = cx
            .template
            .indicators
            .iter()
            .zip(&cx.coverage.indicators)
            .filter(|(ind, cov)| {
                cov.status == IndicatorStatus::Missing
                    && ind.expected
                    && ind.reported_at(cx.doc.level)
                    && ind.category == category.id
            })
            .map(|(ind, _)| ind)
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let anchor = cx
            .coverage
            .categories
            .get(ci)
            .filter(|c| c.status == CategoryStatus::Covered)
            .and_then(|c| c.span.clone())
            .unwrap_or_else(|| fallback.clone());
        let names: Vec<&str> = missing.iter().map(|i| i.name.as_str()).collect();
        let unit = if first.ratio {
            ""
        } else {
            first.units.first().map(String::as_str).unwrap_or("")
        };
        out.push(
            RULE.finding(
                anchor,
                format!(
                    "“{}”类别未提及 {} 项模板指标：{}",
                    category.name,
                    names.len(),
                    names.join("、")
                ),
            )
            .suggest(format!(
                "在该类别的任务中写明这些指标的目标值、完成时限和责任单位，如“到{}年，{}达到××{unit}（{}负责）”",
                cx.template.horizon,
                first.name,
                super::level(cx).sample_unit()
            ))
            .category(&category.id),
        );
    }
}
