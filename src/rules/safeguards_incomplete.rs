//! # safeguards-incomplete
//!
//! ## 检查什么
//!
//! “保障措施”（组织实施、工作要求……）部分是否对模板和各省指南要求方案作出的几项保障
//! 都有具体安排：组织领导（领导小组或工作专班，设办公室、明确谁牵头）、经费保障、考核
//! 督查、宣传引导、质量状况监测（统计监测、数据报送、质量状况分析）。只有标题（如
//! “（二）强化经费保障”）而正文没有相应内容的不算。缺少的各项合并为一条，每项附一个
//! 可参照的写法。各项的用词和示例是模板数据（词表的 `safeguards`）。
//!
//! ## 为什么重要
//!
//! 任务再全，没有牵头机构、经费、考核和监测，方案就难以落地；审核意见中常见“保障措施
//! 过于原则，建议补充经费保障和考核评价”一类的要求。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! 四、保障措施
//! （一）加强组织领导。成立县质量强县培育建设工作专班，办公室设在县市场监管局。
//! （二）强化经费保障。
//! （三）加强宣传引导。借助“质量月”开展质量宣传。
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! 四、保障措施
//! （一）加强组织领导。成立县质量强县培育建设工作专班，办公室设在县市场监管局。
//! （二）强化经费保障。县财政将工作经费列入年度预算。
//! （三）严格考核督查。将培育建设工作纳入年度综合考核。
//! （四）加强宣传引导。借助“质量月”开展质量宣传。
//! （五）做好质量监测。建立指标统计监测和数据报送制度。
//! ```

use super::Context;
use crate::document::DocumentKind;
use crate::diagnostics::Finding;
use crate::template::PartKind;

declare_rule! {
    id: "safeguards-incomplete",
    severity: Warning,
    summary: "保障措施缺少组织、经费、考核、宣传或质量监测方面的安排",
    about: "the safeguards part commits to no organisation, money, assessment, publicity or quality monitoring (a heading alone does not count): one finding naming those missing, each with an example",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.kind == DocumentKind::NotAPlan {
        return;
    }
    let Some(part) = doc.parts.iter().find(|p| p.kind == PartKind::Safeguards) else {
        return;
    };
    // The part's text without its headings' titles: a heading alone commits to nothing.
    let mut body = String::new();
    let lines = &doc.lines[crate::order::range_in(&doc.lines, |l| l.content.start, &part.span)];
    for line in lines.iter().filter(|l| l.content.end <= part.span.end) {
        let from = line
            .heading
            .and_then(|h| doc.headings.get(h))
            .map_or(line.content.start, |h| h.title.end.max(line.content.start));
        body.push_str(doc.slice(&(from..line.content.end.max(from))));
        body.push('\n');
    }
    let missing: Vec<&crate::template::Safeguard> = cx
        .template
        .vocabulary
        .safeguards
        .iter()
        .filter(|s| !s.words.iter().any(|w| body.contains(w.as_str())))
        .collect();
    if missing.is_empty() {
        return;
    }
    let names: Vec<&str> = missing.iter().map(|s| s.name.as_str()).collect();
    let examples: Vec<String> = missing
        .iter()
        .map(|s| format!("{}：“{}”", s.name, s.example))
        .collect();
    let level = super::level(cx);
    let anchor = doc
        .part_anchor(PartKind::Safeguards)
        .unwrap_or(part.span.start..part.span.start);
    out.push(
        RULE.finding(
            anchor,
            format!("保障措施中没有{}方面的具体安排", names.join("、")),
        )
        .suggest(format!(
            "补充相应措施，如{}",
            examples
                .join("；")
                .replace('县', &level.character().to_string())
        )),
    );
}
