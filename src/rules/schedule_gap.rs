//! # schedule-gap
//!
//! ## 检查什么
//!
//! 工作安排的阶段：没有标起止时间的阶段；后一阶段早于前一阶段开始（次序颠倒）；
//! 两个阶段在时间上重叠（如前一阶段止于2026年10月、后一阶段始于2026年8月；前一阶段止、
//! 后一阶段始于同一个月是交接，不算重叠）；
//! 两个阶段之间有空档；一个阶段的起止时间颠倒；阶段始于文件自身的日期（单独成行的
//! 印发或起草日期）之前；或阶段止于方案目标年之后。
//!
//! ## 为什么重要
//!
//! 阶段是考核进度的依据；重叠或空档让“某月属于哪个阶段”说不清。文件印发时已经开始
//! （甚至已经结束）的阶段无法按期落实；超出目标年的阶段与方案的期限自相矛盾。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 三、工作步骤
//! （一）动员部署阶段（2026年3月-2026年10月）。明确工作目标。
//! （二）培育建设阶段（2026年8月-2028年8月）。全面推进。
//! ```
//!
//! 触发（早于文件日期）：
//!
//! ```text,flagged=1,about=早于文件日期
//! 2025年7月11日
//! 三、工作安排
//! （一）动员部署阶段（2025年1月至2025年6月）。明确工作目标。
//! （二）培育建设阶段（2025年7月-2027年6月）。全面推进。
//! ```
//!
//! 触发（晚于方案目标年）：
//!
//! ```text,flagged=1,about=晚于方案目标年
//! 一、工作目标
//! 到2027年，质量强县培育建设取得明显成效。
//! 三、工作安排
//! （一）动员部署阶段（2025年7月至2025年12月）。明确工作目标。
//! （二）培育建设阶段（2026年1月-2028年6月）。全面推进。
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 2024年12月20日
//! 三、工作安排
//! （一）动员部署阶段（2025年1月至2025年6月）。明确工作目标。
//! （二）培育建设阶段（2025年7月-2027年6月）。全面推进。
//! （三）巩固提升阶段（2027年7月-2027年12月）。总结提升。
//! ```

use super::{quote, Context};
use crate::diagnostics::Finding;
use crate::document::Stage;

declare_rule! {
    id: "schedule-gap",
    severity: Warning,
    summary: "工作安排的阶段未标日期、重叠、脱节或次序颠倒",
    about: "stages undated, overlapping, with gaps, out of order, starting before the document's own date or ending after its target year",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    in_order(cx, out);
    within_dates(cx, out);
}

/// Each stage dated, its dates the right way round, and following the one before: no
/// overlap, no gap, not out of order.
fn in_order(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let name = |stage: &Stage| quote(doc, &stage.name, 20);
    let mut previous: Option<&Stage> = None;
    for stage in &doc.stages {
        let span = doc.heading_span(stage.heading);
        match (stage.start, stage.end) {
            (None, None) => {
                out.push(
                    RULE.finding(
                        span.clone(),
                        format!("阶段“{}”没有标明起止时间", quote(doc, &span, 30)),
                    )
                    .suggest("在阶段名称后注明起止年月，如“（2025年7月至2027年6月）”"),
                );
                continue;
            }
            (Some(a), Some(b)) if a > b => {
                out.push(
                    RULE.finding(
                        span.clone(),
                        format!("阶段“{}”的起止时间颠倒：{a}至{b}", name(stage)),
                    )
                    .suggest("核对起止年月"),
                );
            }
            _ => {}
        }
        if let (Some(prev), Some(start)) = (previous, stage.start) {
            let (this, that) = (name(prev), name(stage));
            let prev_start = prev.start.or(prev.end);
            if let Some(prev_end) = prev.end {
                if prev_start.is_some_and(|p| start < p) {
                    out.push(
                        RULE.finding(
                            span.clone(),
                            format!("阶段次序颠倒：“{that}”始于{start}，早于前一阶段“{this}”"),
                        )
                        .suggest("按时间先后排列阶段"),
                    );
                } else if start.index() < prev_end.index() {
                    // Ending and starting in one month is a handover, not an overlap.
                    out.push(
                        RULE.finding(
                            span.clone(),
                            format!(
                                "“{this}”止于{prev_end}，“{that}”始于{start}，两个阶段在时间上重叠"
                            ),
                        )
                        .suggest("让后一阶段从前一阶段结束的下一个月开始"),
                    );
                } else if start.index() > prev_end.index() + 1 {
                    let months = start.index() - prev_end.index() - 1;
                    out.push(
                        RULE.finding(
                            span.clone(),
                            format!("“{this}”止于{prev_end}，“{that}”始于{start}，中间有{months}个月没有安排"),
                        )
                        .suggest("让各阶段首尾相接"),
                    );
                }
            }
        }
        if stage.start.is_some() || stage.end.is_some() {
            previous = Some(stage);
        }
    }
}

/// Against the document's own dates: when it was issued, and its target year.
fn within_dates(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let name = |stage: &Stage| quote(doc, &stage.name, 20);
    if let Some(date) = &doc.date {
        for stage in &doc.stages {
            if let Some(start) = stage.start.filter(|s| *s < date.month) {
                out.push(
                    RULE.finding(
                        doc.heading_span(stage.heading),
                        format!(
                            "阶段“{}”始于{start}，早于文件日期{date}",
                            name(stage)
                        ),
                    )
                    .suggest("按印发时间调整阶段起止，或说明已开展的工作"),
                );
            }
        }
    }
    if let Some(horizon) = doc.horizon.as_ref().and_then(|h| h.year) {
        for stage in &doc.stages {
            if let Some(end) = stage.end.filter(|e| e.year > horizon) {
                out.push(
                    RULE.finding(
                        doc.heading_span(stage.heading),
                        format!(
                            "阶段“{}”止于{end}，晚于方案目标年{horizon}年",
                            name(stage)
                        ),
                    )
                    .suggest(format!("让各阶段在{horizon}年底前完成，或核对方案目标年")),
                );
            }
        }
    }
}
