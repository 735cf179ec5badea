//! # unlikely-lead
//!
//! ## 检查什么
//!
//! 指标交给了通常不负责它的部门：食品、药品和工业产品抽检合格率通常由市场监管部门牵头，
//! 农产品质量安全例行监测由农业农村部门，空气和水质由生态环境部门，执业（助理）医师数
//! 由卫生健康部门，研发投入由科技或统计部门。指标表中该行的牵头（责任）单位，或写有该
//! 指标目标的任务的分工括注中，一个这样的部门都没有时，以提问的方式提示核实。哪些指标
//! 通常由哪些部门负责、依据是什么，写在模板数据中（指标的 `owners`），可以按本地分工修改。
//!
//! ## 为什么重要
//!
//! 牵头单位错配，指标就没有真正的责任人；审核时常见“该指标建议由某某局牵头”的意见。
//! 各地分工确有不同，所以只是提示，请起草单位确认。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.守牢食品安全底线。到2027年，食品抽检合格率达到98%。（县卫健局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.守牢食品安全底线。到2027年，食品抽检合格率达到98%。（县市场监管局牵头，县卫健局配合）
//! ```

use super::Context;
use crate::document::{DocumentKind, UnitName};
use crate::diagnostics::Finding;
use crate::template::Indicator;

declare_rule! {
    id: "unlikely-lead",
    severity: Info,
    summary: "指标的责任单位不是通常负责的部门，请确认",
    about: "an indicator given to a department that does not usually own it (the template's `owners`, with its source), asked as a question",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.kind == DocumentKind::NotAPlan {
        return;
    }
    let mut asked: Vec<(usize, String)> = Vec::new();
    let mut ask = |indicator: &Indicator, i: usize, units: &[&UnitName], span, out: &mut Vec<Finding>| {
        let Some(owners) = &indicator.owners else {
            return;
        };
        // The lead units when marked, else all of them.
        let leads: Vec<&UnitName> = if units.iter().any(|u| u.lead) {
            units.iter().copied().filter(|u| u.lead).collect()
        } else {
            units.to_vec()
        };
        if leads.is_empty()
            || units
                .iter()
                .any(|u| owners.words.iter().any(|w| u.name.contains(w.as_str())))
        {
            return;
        }
        let given: Vec<&str> = leads.iter().map(|u| u.name.as_str()).collect();
        let key = (i, given.join("、"));
        if asked.contains(&key) {
            return;
        }
        let usual = owners.words.join("或");
        out.push(
            RULE.finding(
                span,
                format!(
                    "“{}”通常由{usual}部门牵头，此处为“{}”，请确认",
                    indicator.name, key.1
                ),
            )
            .suggest(format!(
                "如确由其他部门负责，可保留；否则请改由{usual}部门牵头（依据：{}）",
                owners.source
            ))
            .about(Some(indicator)),
        );
        asked.push(key);
    };
    // Indicator-table rows.
    for table in doc.tables.iter().filter(|t| t.responsible) {
        for row in &table.rows {
            let Some(i) = row.indicator else { continue };
            let Some(ind) = cx.template.indicators.get(i) else {
                continue;
            };
            let units: Vec<&UnitName> = row.units.iter().collect();
            ask(ind, i, &units, row.span.clone(), out);
        }
    }
    // Targets in tasks, and the units the task's clauses name.
    for target in doc.targets.iter().filter(|t| !t.from_table) {
        let (Some(i), Some(task)) = (target.indicator, target.task.and_then(|t| doc.tasks.get(t)))
        else {
            continue;
        };
        let Some(ind) = cx.template.indicators.get(i) else {
            continue;
        };
        let units: Vec<&UnitName> = task
            .clauses
            .iter()
            .filter_map(|&c| doc.clauses.get(c))
            .flat_map(|c| c.units.iter())
            .collect();
        ask(ind, i, &units, target.span.clone(), out);
    }
}
