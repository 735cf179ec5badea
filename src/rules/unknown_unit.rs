//! # unknown-unit
//!
//! ## 检查什么
//!
//! 方案列有工作专班、领导小组的成员单位（“成员单位：…”或附件的专班名单），而某项
//! 任务的责任单位不在名单里。同一单位的不同写法（县市场监督管理局 / 县市场监管局）
//! 算作同一单位；“各乡镇”“有关单位”“县政府”这类统称不检查。每个单位只报告一次。
//!
//! ## 为什么重要
//!
//! 责任单位不在专班里，推进会上没人代表它汇报，任务就落了空；或者名单漏了单位、
//! 写错了单位名称。审核人员会拿责任单位逐个对照名单。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（牵头单位：县科技局，责任单位：县财政局）
//! 2.发展现代物流。（县邮政管理局负责）
//! 三、保障措施
//! （一）加强组织领导。成立工作专班，成员单位：县科技局、县财政局、县市场监督管理局。
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（牵头单位：县科技局，责任单位：县财政局）
//! 2.守牢质量安全底线。（县市场监管局、各乡镇负责）
//! 三、保障措施
//! （一）加强组织领导。成立工作专班，成员单位：县科技局、县财政局、县市场监督管理局。
//! ```

use super::Context;
use crate::document::UnitName;
use crate::order::Names;
use crate::diagnostics::Finding;

declare_rule! {
    id: "unknown-unit",
    severity: Info,
    summary: "责任单位不在工作专班成员单位名单中",
    about: "a responsible unit missing from the plan's 工作专班 / 成员单位 list, when it has one",
}

pub fn check<'a>(cx: &Context<'a, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let Some(members) = &doc.members else { return };
    let key = |u: &UnitName| cx.compiled.without_admin_prefix(&u.key).to_string();
    let known: Vec<String> = members.units.iter().map(key).collect();
    let mut exact = Names::new();
    for (i, k) in known.iter().enumerate() {
        exact.insert(k.as_str(), i);
    }
    // Each distinct name once, with its key: a plan names a few dozen units hundreds of
    // times.
    let mut checked = Names::new();
    let candidates: Vec<(&UnitName, String)> = doc
        .responsible_units()
        .into_iter()
        .filter(|u| !(members.span.start <= u.span.start && u.span.end <= members.span.end))
        .filter(|u| !cx.compiled.collective(&u.name) && checked.insert(u.name.as_str(), 0).is_none())
        .map(|u| (u, key(u)))
        .collect();
    let mut reported = Names::new();
    for (unit, k) in &candidates {
        // A member written longer or shorter (县科技局 / 县科技商务局) is the same unit;
        // compared for a roster of the usual size.
        // (Only names not known exactly are compared, and a name is looked for only in a
        // longer one.)
        let partly_known = || {
            known.len() <= 500
                && known.iter().any(|m| {
                    (m.len() > k.len() && m.contains(k.as_str()))
                        || (k.len() > m.len() && k.contains(m.as_str()))
                })
        };
        if k.is_empty()
            || exact.contains_key(k.as_str())
            || partly_known()
            || reported.insert(k.as_str(), 0).is_some()
        {
            continue;
        }
        out.push(
            RULE.finding(
                unit.span.clone(),
                format!("责任单位“{}”不在工作专班成员单位名单中", unit.name),
            )
            .suggest("把该单位列入专班成员，或核对单位名称"),
        );
    }
}
