//! # basis-citation
//!
//! ## 检查什么
//!
//! 方案引用国家文件时文号写错：《质量强县（区、镇）培育建设工作方案》的文号是
//! 国市监质发〔2024〕97号，却写成了别的文号（如国市监质发〔2024〕6号，那是质量强链的
//! 指导意见），或把97号的年份、发文字号写错。文件名和文号作为数据写在模板中。
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
//! 不触发：
//!
//! ```text,clean
//! 为推进质量强县建设，根据市场监管总局《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕97号）要求，制定本方案。
//! 二、重点任务
//! （一）推动经济质量效益型发展
//! 1.培育高新技术企业。（县科技局负责）
//! ```

use super::Context;
use crate::report::Finding;

/// Brackets and blanks written one way, for comparing titles and numbers.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !crate::parse::lines::is_blank(*c))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '、',
            _ => c,
        })
        .collect()
}

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
    about: "《质量强县（区、镇）培育建设工作方案》 cited with another 文号, or 97号 with a wrong year or issuer code",
}

pub fn check(cx: &Context<'_, '_>, out: &mut Vec<Finding>) {
    let Some(basis) = &cx.template.basis else {
        return;
    };
    let Some(want) = parts(&basis.number) else {
        return;
    };
    let title = plain(&basis.title);
    for citation in &cx.doc.citations {
        if citation.number == basis.number {
            continue;
        }
        let Some(got) = parts(&citation.number) else {
            continue;
        };
        let names_basis = citation.title.as_deref().is_some_and(|t| plain(t) == title);
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
