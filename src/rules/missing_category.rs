//! # missing-category
//!
//! ## 检查什么
//!
//! 模板的七类重点任务（经济质量效益、产业质量竞争力、产品工程服务质量、
//! 质量基础设施、绿色发展、质量安全、质量共治）中，有一类在方案里既没有章节，
//! 也没有相关的任务内容或指标。
//!
//! ## 为什么重要
//!
//! 七类任务是国家方案的主体，缺一类就意味着一整块工作无人部署、无从考核。
//! 措辞不同的标题（如“强力推进城市质量绿色发展”）和只以内容出现的类别不算缺失。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=6
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! （二）增强产业质量竞争力
//! 2.培育产业集群。（县工信局负责）
//! （三）提高产品、工程、服务质量水平
//! 3.提升产品质量。（县市场监管局负责）
//! （四）构建高水平质量基础设施
//! 4.建设社会公用计量标准。（县市场监管局负责）
//! （五）提升绿色发展质量
//! 5.提高空气质量优良天数比例。（县生态环境分局负责）
//! （六）强化高水平质量安全保障
//! 6.加强特种设备安全监管。（县市场监管局负责）
//! （七）推进全民质量共治
//! 7.开展“质量月”活动。（县市场监管局负责）
//! ```

use super::Context;
use crate::coverage::CategoryStatus;
use crate::document::DocumentKind;
use crate::diagnostics::Finding;
use crate::template::PartKind;

declare_rule! {
    id: "missing-category",
    severity: Error,
    summary: "模板任务类别既无章节也无相关内容",
    about: "a template category with no section and no content evidence",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    if cx.doc.kind == DocumentKind::NotAPlan {
        return;
    }
    let anchor = cx
        .doc
        .part_anchor(PartKind::Tasks)
        .unwrap_or_else(|| cx.doc.start_anchor());
    for (category, cov) in cx.template.categories.iter().zip(&cx.coverage.categories) {
        if cov.status != CategoryStatus::Missing {
            continue;
        }
        out.push(
            RULE.finding(
                anchor.clone(),
                format!(
                    "缺少模板任务类别“{}”：方案中既没有对应章节，也没有相关任务或指标",
                    category.name
                ),
            )
            .suggest(format!(
                "在重点任务中增加“{}”一节，写明具体任务、目标值和责任单位",
                category.name
            ))
            .category(&category.id),
        );
    }
}
