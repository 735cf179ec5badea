//! # basis-citation
//!
//! ## 检查什么
//!
//! 方案引用国家文件时文号写错：《质量强县（区、镇）培育建设工作方案》的文号是
//! 国市监质发〔2024〕97号，却写成了别的文号（如国市监质发〔2024〕6号，那是质量强链的
//! 指导意见），或把97号的年份、发文字号写错。文件名和文号作为数据写在模板中。
//!
//! 也检查依据是否漏引：标题表明是质量强县（区、镇）“培育建设”方案，全文却从未提到它所
//! 落实的这份工作方案——既没有文号（国市监质发〔2024〕97号），也没有文件名
//! （《质量强县（区、镇）培育建设工作方案》），也没有“总局关于质量强县（区、镇）培育
//! 建设工作的决策部署”之类的表述，只引了《质量强国建设纲要》或别的文件。其他体系的方案
//! （如“质量强区建设实施方案”）不检查这一项。
//!
//! ## 为什么重要
//!
//! 依据段落是审核者最先看的地方；文号写错，说明方案是从别的文件改来的，
//! 也会让人怀疑其余内容是否对照了正确的文件。
//!
//! ## 示例
//!
//! 触发：
//!
//! ```text,flagged=1
//! 为推进质量强县建设，根据市场监管总局《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕6号）要求，制定本方案。
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! ```
//!
//! 触发（漏引）：
//!
//! ```text,flagged=1
//! 某县质量强县培育建设实施方案
//! 为推进质量强县建设，根据《质量强国建设纲要》，结合我县实际，制定本方案。
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! ```
//!
//! 不触发：
//!
//! ```text,clean
//! 某县质量强县培育建设实施方案
//! 为推进质量强县建设，根据市场监管总局《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕97号）要求，制定本方案。
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! ```

use super::Context;
use crate::chars::plain;
use crate::diagnostics::Finding;

/// (issuer code, year, serial) of a number written 国市监质发〔2024〕97号.
fn parts(number: &str) -> Option<(&str, &str, &str)> {
    let (code, rest) = number.split_once('〔')?;
    let (year, rest) = rest.split_once('〕')?;
    Some((code, year, rest.strip_suffix('号')?))
}

declare_rule! {
    id: "basis-citation",
    severity: Warning,
    summary: "引用国家文件的文号有误",
    about: "《质量强县（区、镇）培育建设工作方案》 cited with another 文号, or 97号 with a wrong year or issuer code; a 培育建设 plan that never cites the programme it implements",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let Some(basis) = &cx.template.basis else {
        return;
    };
    omitted(cx, basis, out);
    let Some(want) = parts(&basis.number) else {
        return;
    };
    for citation in &cx.doc.citations {
        if citation.number == basis.number {
            continue;
        }
        let Some(got) = parts(&citation.number) else {
            continue;
        };
        let names_basis = citation.title.is_some() && citation.title == cx.compiled.basis_title;
        // The right serial with the wrong year, or with the issuer's code mistyped (its
        // first characters kept): a slip in the number. Another issuer's 97号 is not.
        let same_issuer = got.0 == want.0
            || (got.0.chars().take(3).eq(want.0.chars().take(3)) && got.1 == want.1);
        let slip = got.2 == want.2 && same_issuer;
        if !names_basis && !slip {
            continue;
        }
        let other = basis
            .others
            .iter()
            .find(|m| m.number == citation.number)
            .map(|m| format!("；{}是《{}》的文号", citation.number, m.title))
            .unwrap_or_default();
        out.push(
            RULE.finding(
                citation.span.clone(),
                format!(
                    "《{}》的文号是{}，此处写作{}{other}",
                    basis.title, basis.number, citation.number
                ),
            )
            .suggest(format!("改为{}", basis.number)),
        );
    }
}

/// A 培育建设 plan that never names the programme it implements: by its number, its title
/// or as the 总局's 决策部署 on 质量强县（区、镇）培育建设.
fn omitted(cx: &Context<'_, '_>, basis: &crate::template::Basis, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.kind == crate::document::DocumentKind::NotAPlan {
        return;
    }
    let Some(plan_title) = &doc.plain_title else {
        return;
    };
    // Only the programme's own family: a 质量强县（区、镇） 培育建设 plan.
    if !(plan_title.contains("培育建设") && plan_title.contains("质量强")) {
        return;
    }
    // The cheap tests first: the number among the citations, the title as written; the
    // text is read again only where a title or a 决策部署 may stand.
    let text = doc.text;
    let named = doc.citations.iter().any(|c| c.number == basis.number)
        || text.contains(basis.title.as_str())
        || (text.contains("培育建设工作方案")
            && cx.compiled.basis_title.as_ref().is_some_and(|t| plain(text).contains(t.as_str())))
        // 落实市场监管总局关于质量强县（区、镇）培育建设工作的决策部署
        || text.match_indices("决策部署").any(|(at, _)| {
            let start = text[..at].rfind(['。', '；', '\n']).map_or(0, |k| k + 1);
            let end = text[at..].find(['。', '；', '\n']).map_or(text.len(), |k| at + k);
            let sentence = &text[start..end];
            sentence.contains("培育建设")
                && (sentence.contains("总局") || sentence.contains("市场监管"))
        });
    if named {
        return;
    }
    let anchor = doc
        .citations
        .first()
        .map(|c| c.span.clone())
        .unwrap_or_else(|| doc.start_anchor());
    out.push(
        RULE.finding(
            anchor,
            format!(
                "方案的依据没有引用它所落实的《{}》（{}）",
                basis.title, basis.number
            ),
        )
        .suggest(format!(
            "在依据中写明，如“根据市场监管总局《{}》（{}）要求，结合实际，制定本方案”",
            basis.title, basis.number
        )),
    );
}
