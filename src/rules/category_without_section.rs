//! # category-without-section
//!
//! ## 检查什么
//!
//! 模板的某类重点任务没有自己的章节，只是在其他章节的任务或指标中出现
//! （例如质量安全并入民生章节）。
//!
//! ## 为什么重要
//!
//! 内容在，不算缺失；但没有单独章节，审核人对照模板时不容易找到，
//! 也容易遗漏该类的其他指标。这是提示，不是错误。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）优化社会民生质量治理
//! 1.严格落实特种设备安全监管，强化安全生产风险管理。到2027年，不发生特种设备致死事故。（县市场监管局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）强化高水平质量安全保障
//! 1.严格落实特种设备安全监管，强化安全生产风险管理。到2027年，不发生特种设备致死事故。（县市场监管局负责）
//! ```

use super::Context;
use crate::coverage::CategoryStatus;
use crate::document::DocumentKind;
use crate::diagnostics::Finding;

declare_rule! {
    id: "category-without-section",
    severity: Info,
    summary: "模板任务类别只见于内容，没有单独章节",
    about: "a category evidenced only by content, with no section of its own",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    if cx.doc.kind == DocumentKind::NotAPlan {
        return;
    }
    for (category, cov) in cx.template.categories.iter().zip(&cx.coverage.categories) {
        if cov.status != CategoryStatus::Partial {
            continue;
        }
        let Some(span) = cov.span.clone() else {
            continue;
        };
        out.push(
            RULE.finding(
                span,
                format!(
                    "模板任务类别“{}”没有单独章节，相关内容散见于其他章节",
                    category.name
                ),
            )
            .suggest(format!(
                "可单列“{}”一节，便于对照模板逐项落实",
                category.name
            ))
            .category(&category.id),
        );
    }
}
