//! # not-a-plan
//!
//! ## 检查什么
//!
//! 文本里找不到“重点任务（主要任务）”部分，也没有与模板任务类别对应的章节，
//! 因而没有可检查的任务——多半是起草说明、印发通知或一段摘录。
//!
//! ## 为什么重要
//!
//! 对这样的文本逐项报告“缺少类别”“缺少指标”只会淹没真正的信息。
//! 说清楚“这不是方案正文”，其余结构性检查随之略过。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 关于《某县质量强县培育建设实施方案》的起草说明
//! 一、起草背景
//! 为贯彻落实质量强国建设纲要，县市场监管局起草了本方案。
//! 二、主要内容
//! 方案共分四个部分。
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! ```

use super::Context;
use crate::document::DocumentKind;
use crate::diagnostics::Finding;

declare_rule! {
    id: "not-a-plan",
    severity: Info,
    summary: "文本没有重点任务部分，不是实施方案正文",
    about: "the text has no tasks part: said once instead of listing every category",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    if cx.doc.kind != DocumentKind::NotAPlan {
        return;
    }
    let doc = cx.doc;
    let finding = if doc.traditional {
        RULE.finding(
            doc.start_anchor(),
            "文本是繁体字：模板按简体字编写，无法逐项对照检查",
        )
        .suggest("先将文本转换为简体字（如 Word“审阅—简繁转换”），再检查")
    } else if doc.explanation {
        RULE.finding(
            doc.start_anchor(),
            "这是方案的起草说明或解读，不是实施方案正文：其中对方案结构的介绍不按方案逐项检查",
        )
        .suggest("粘贴实施方案全文检查；起草说明可随方案一并粘贴，会被识别并略过")
    } else if doc.numbering_unreadable() {
        RULE.finding(
            doc.start_anchor(),
            "文本中既没有编号标题（一、（一）1.），也认不出“重点任务”“工作安排”等部分标题：编号可能在另存为 .txt 或复制时丢失，未逐项对照模板检查",
        )
        .suggest("直接打开方案的 .docx 文件检查；或恢复“一、重点任务”“（一）……”之类的编号后再粘贴")
    } else {
        RULE.finding(
            doc.start_anchor(),
            "未找到“重点任务”部分或模板任务类别章节：这段文字看起来不是实施方案正文（可能是起草说明、通知或片段），未逐项对照模板检查",
        )
        .suggest("粘贴实施方案全文；如方案的任务部分标题特殊，请使用“二、重点任务”之类的标题")
    };
    out.push(finding);
}
