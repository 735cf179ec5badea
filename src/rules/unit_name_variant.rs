//! # unit-name-variant
//!
//! ## 检查什么
//!
//! 同一个责任单位在方案里有两种写法，如“县市场监管局”和“县市场监督管理局”，
//! “县卫健局”和“县卫生健康局”。报告较少使用的写法，建议统一为较常用的一种。
//!
//! ## 为什么重要
//!
//! 任务分解和考核按单位汇总；写法不一，统计时同一单位会被算成两个。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局、县市场监管局负责）
//! 2.加强专利保护。（县市场监督管理局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局、县市场监管局负责）
//! 2.加强专利保护。（县市场监管局负责）
//! ```

use super::Context;
use crate::document::UnitName;
use crate::order::Names;
use crate::diagnostics::Finding;

declare_rule! {
    id: "unit-name-variant",
    severity: Info,
    summary: "同一责任单位有两种写法",
    about: "one responsible unit written two ways",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let names = doc.responsible_units();

    // canonical form -> surface forms with counts, both in order of first appearance,
    // found by name rather than by walking lists (a hostile paste may name thousands).
    let mut forms: Vec<(&str, usize, &UnitName)> = Vec::new();
    let mut form_of = Names::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = Names::new();
    for unit in &names {
        let key = &unit.key;
        if let Some(&f) = form_of.get(unit.name.as_str()) {
            forms[f].1 += 1;
            continue;
        }
        let g = match group_of.get(key.as_str()) {
            Some(&g) => g,
            None => {
                groups.push(Vec::new());
                group_of.insert(key, groups.len() - 1);
                groups.len() - 1
            }
        };
        form_of.insert(&unit.name, forms.len());
        groups[g].push(forms.len());
        forms.push((unit.name.as_str(), 1, *unit));
    }
    for group in &groups {
        let forms: Vec<&(&str, usize, &UnitName)> = group.iter().map(|&f| &forms[f]).collect();
        if forms.len() < 2 {
            continue;
        }
        let main = forms
            .iter()
            .enumerate()
            .max_by_key(|(i, f)| (f.1, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
            .unwrap_or(0);
        let main_name = forms[main].0;
        for (i, form) in forms.iter().enumerate() {
            if i == main {
                continue;
            }
            out.push(
                RULE.finding(
                    form.2.span.clone(),
                    format!("“{}”与“{main_name}”应是同一单位，写法不一致", form.0),
                )
                .suggest(format!("统一写作“{main_name}”")),
            );
        }
    }
}
