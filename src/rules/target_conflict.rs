//! # target-conflict
//!
//! ## 检查什么
//!
//! 同一指标、同一目标年，方案给出两个不同的目标：数值不同（目标部分写“达到85分”，
//! 任务部分写“达到82分”），或单位不同（正文“82分”，指标表“82（%）”）。正文与指标表
//! 之间、正文前后之间都比较；不同年份的目标（如2025年、2027年分步目标）不比较。
//!
//! ## 为什么重要
//!
//! 同一个指标两个口径，考核时以哪个为准说不清；这是审核人员逐条对表时最常发现的问题。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 一、工作目标
//! 到2027年，食品抽检合格率达到98%，生活性服务质量满意度达到85分。
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.守牢产品质量底线。到2027年，食品抽检合格率不低于97%。（县市场监管局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 一、工作目标
//! 到2025年，食品抽检合格率达到97%；到2027年，食品抽检合格率达到98%。
//! 二、重点任务
//! （一）提高产品、工程、服务质量水平
//! 1.守牢产品质量底线。到2027年，食品抽检合格率不低于98%。（县市场监管局负责）
//! ```

use super::{target_label, Context};
use crate::document::Target;
use crate::diagnostics::Finding;

declare_rule! {
    id: "target-conflict",
    severity: Warning,
    summary: "同一指标同一年份的目标数值或单位前后不一致",
    about: "one indicator, one year, two targets: values or units differ between the text and the table, or within the text",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    // The first target seen for each indicator, as worded, and year; later ones are
    // compared with it. Two wordings matched to one template indicator (农产品抽检合格率
    // and 农产品质量安全例行监测合格率) are not one indicator.
    let mut first: Vec<(usize, &str, u16, &Target)> = Vec::new();
    let mut targets: Vec<&Target> = doc
        .targets
        .iter()
        .filter(|t| t.value.is_some() && !t.ratio)
        .collect();
    crate::order::sort_by_position(&mut targets, |t| t.span.start);
    for target in targets {
        let (Some(indicator), Some(year)) = (target.indicator, target.year) else {
            continue;
        };
        let Some(wording) = target.wording.as_ref().map(|w| doc.slice(w)) else {
            continue;
        };
        let Some(&(_, _, _, earlier)) = first
            .iter()
            .find(|(i, w, y, _)| *i == indicator && *w == wording && *y == year)
        else {
            first.push((indicator, wording, year, target));
            continue;
        };
        // Units are written one way when targets are read (crate::facts::numbers::one_spelling).
        let difference = match (earlier.unit.as_deref(), target.unit.as_deref()) {
            (Some(a), Some(b)) if !same_unit(a, b) => Some("单位"),
            _ if !earlier.same_value(target) => Some("数值"),
            _ => None,
        };
        let Some(what) = difference else { continue };
        let ind = cx.template.indicators.get(indicator);
        let name = ind.map(|i| i.name.as_str()).unwrap_or("");
        let line = cx.line(&earlier.span);
        out.push(
            RULE.finding(
                target.span.clone(),
                format!(
                    "“{name}”{year}年的目标{what}前后不一致：第{line}行为“{}”，此处为“{}”",
                    target_label(cx, earlier),
                    target_label(cx, target)
                ),
            )
            .suggest("统一该指标的目标值和单位，正文与指标表保持一致")
            .about(ind),
        );
    }
}

/// Whether two units say the same: equal, or one the other per head or per area
/// (`件/万人` in a table's unit column, `件` in the text).
fn same_unit(a: &str, b: &str) -> bool {
    let per = |long: &str, short: &str| {
        long.split_once('/')
            .is_some_and(|(count, _)| count == short)
    };
    a == b || per(a, b) || per(b, a)
}
