//! # missing-indicator
//!
//! ## 检查什么
//!
//! 模板参考指标体系中的某项指标（如“空气质量优良天数比例”“食品抽检合格率”），
//! 在方案的目标、任务和指标表中都没有提到。只在个别地方方案中出现、
//! 可能属于地方自设的指标，列出但不提示。
//!
//! ## 为什么重要
//!
//! 质量强县的评估按指标体系打分；方案不写某项指标，就没有目标值和责任单位，
//! 到评估时这一项无从说明。
//!
//! ## 示例
//!
//! 括号中是所检查的指标：示例只就这一项指标说话。
//!
//! 触发（空气质量优良天数比例）：
//!
//! ```text
//! 二、重点任务
//! （五）提升绿色发展质量
//! 1.加强大气污染防治。（县生态环境分局负责）
//! ```
//!
//! 不触发（空气质量优良天数比例）：
//!
//! ```text
//! 二、重点任务
//! （五）提升绿色发展质量
//! 1.加强大气污染防治。到2027年，空气质量优良天数比例不低于95%。（县生态环境分局负责）
//! ```

use super::Context;
use crate::coverage::CategoryStatus;
use crate::document::DocumentKind;
use crate::report::Finding;
use crate::template::PartKind;

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    if cx.doc.kind == DocumentKind::NotAPlan {
        return;
    }
    let fallback = cx
        .doc
        .part_anchor(PartKind::Tasks)
        .unwrap_or_else(|| cx.doc.start_anchor());
    for (indicator, cov) in cx.template.indicators.iter().zip(&cx.coverage.indicators) {
        if cov.present || !indicator.expected {
            continue;
        }
        let category = cx
            .template
            .categories
            .iter()
            .position(|c| c.id == indicator.category);
        let anchor = category
            .and_then(|ci| cx.coverage.categories.get(ci))
            .filter(|c| c.status == CategoryStatus::Covered)
            .and_then(|c| c.span.clone())
            .unwrap_or_else(|| fallback.clone());
        let category_name = category
            .and_then(|ci| cx.template.categories.get(ci))
            .map(|c| c.name.as_str())
            .unwrap_or("相关");
        out.push(
            Finding::new(anchor, format!("未提及模板指标“{}”", indicator.name))
                .suggest(format!(
                    "在“{category_name}”的任务中写明该指标的目标值、完成时限和责任单位"
                ))
                .category(&indicator.category)
                .indicator(&indicator.id),
        );
    }
}
