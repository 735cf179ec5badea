//! # target-below-baseline
//!
//! ## 检查什么
//!
//! 目标值不优于它自己的基期值：指标表中“基期值 / 现状值”一栏与目标值相比，或正文
//! “由……提高到……”“由……下降到……”前后两个数。方向按指标看：合格率、覆盖率越高越好，
//! 死亡率、城乡收入比越低越好；正文按“提高”“下降”的说法看。
//!
//! ## 为什么重要
//!
//! 目标比现状还差，多半是数字填反、基期填错或照搬了别处的数据；这样的目标经不起
//! 评估时的对照。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.提升企业创新能力。到2027年，研发经费投入强度由2.5%提高到2.2%。（县科技局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.提升企业创新能力。到2027年，研发经费投入强度由2.1%提高到2.5%。（县科技局负责）
//! ```

use super::{target_label, Context};
use crate::diagnostics::Finding;
use crate::template::Direction;

declare_rule! {
    id: "target-below-baseline",
    severity: Warning,
    summary: "目标不优于其基期值",
    about: "a target not better than its base value (a table's 基期 column, 由…提高到…), by the indicator's direction or the wording",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    for target in &cx.doc.targets {
        let (Some(base_text), Some(value_text)) = (target.base.as_deref(), target.value.as_deref())
        else {
            continue;
        };
        let (Some(base), Some(value)) = (target.base_amount(), target.amount()) else {
            continue;
        };
        let ind = target.indicator.and_then(|i| cx.template.indicators.get(i));
        // The wording decides in a sentence; a table row goes by its indicator, and a row
        // whose indicator is unknown is not judged.
        let Some(direction) = target.towards.or(ind.map(|i| i.direction)) else {
            continue;
        };
        // Staying at 100 % is not a step back.
        let at_top = value == base && value_text.starts_with("100");
        let worse = match direction {
            Direction::Higher => value < base || (value == base && target.towards.is_some()),
            Direction::Lower => value > base || (value == base && target.towards.is_some()),
        };
        if !worse || at_top {
            continue;
        }
        let way = match direction {
            Direction::Higher => "提高",
            Direction::Lower => "降低",
        };
        out.push(
            RULE.finding(
                target.span.clone(),
                format!(
                    "目标“{}”没有比基期值{base_text}有所{way}",
                    target_label(cx, target)
                ),
            )
            .suggest("核对基期值和目标值是否填反、填错")
            .about(ind),
        );
    }
}
