//! Tables in every form a copy gives them — a Word table as text (a row a line, tabs),
//! with every line led by a tab, a cell a line led by a tab, a cell a line without tabs
//! (a PDF copy), columns lined up with spaces, cells broken across lines, merged cells
//! empty or repeated — read as the same rows, with the same findings.

// Tests fail loudly (unwrap, expect and panic are their assertions) and are not in the
// WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, count, messages};
use plancheck::Report;

/// A short synthetic district plan: four tasks, two assigned only by the 分解表, one by
/// nothing; the indicator table after it.
const PLAN: &str = "\
松溪区质量强区培育建设实施方案
一、主要目标
到2027年，高新技术企业达到60家，食品抽检合格率达到98.5%。
二、重点任务
（一）推动经济质量效益型发展
1.培育科技型企业梯队。实施科技型中小企业成长计划，支持企业建设研发机构。到2027年，高新技术企业达到60家。（区科技局负责）
2.提升园区亩产效益。开展工业企业亩均效益评价，推动低效用地再开发。
（二）提高产品、工程、服务质量水平
1.筑牢食品安全防线。加强食品生产经营风险分级管理，推进智慧监管。到2027年，食品抽检合格率达到98.5%。
2.打造放心消费环境。畅通投诉举报渠道，培育放心消费示范单位。
三、工作安排
（一）部署阶段（2025年7月至2025年12月）。印发方案，分解任务。
（二）建设阶段（2026年1月至2027年6月）。推进落实。
（三）提升阶段（2027年7月至2027年12月）。总结评估。
四、保障措施
加强组织领导，强化经费保障，严格考核评价，加强宣传引导。
附件
";

/// The indicator table: 类别 merged (empty after its first row), units in a column, in
/// brackets, with the value; a row whose unit is nowhere; a target worse than its base.
const INDICATORS: &[&[&str]] = &[
    &[
        "序号",
        "类别",
        "指标名称",
        "单位",
        "2024年基期值",
        "2027年目标值",
        "责任单位",
    ],
    &[
        "1",
        "经济质量效益",
        "高新技术企业数（家）",
        "",
        "41",
        "60",
        "区科技局",
    ],
    &[
        "2",
        "",
        "万人有效发明专利拥有量",
        "件/万人",
        "9.2",
        "12",
        "区市场监管局",
    ],
    &[
        "3",
        "",
        "规上工业全员劳动生产率",
        "万元/人",
        "21.5",
        "26",
        "区工信局",
    ],
    &[
        "4",
        "产品质量",
        "食品抽检合格率",
        "%",
        "98.1",
        "≥98.5",
        "区市场监管局",
    ],
    &["5", "", "药品抽检合格率", "%", "99.4", "99", "区市场监管局"],
    &[
        "6",
        "",
        "制造业质量竞争力指数",
        "—",
        "83.2",
        "85",
        "区工信局",
    ],
    &[
        "7",
        "",
        "主导或参与制修订标准数量",
        "",
        "6",
        "15",
        "区市场监管局",
    ],
    &[
        "8",
        "绿色发展",
        "地表水达到或好于Ⅲ类水体比例",
        "%",
        "100",
        "保持",
        "区生态环境分局",
    ],
];

/// The 分解表: its own 序号, titles shortened or paraphrased, a long 具体措施.
const TASKS: &[&[&str]] = &[
    &["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
    &[
        "1",
        "园区亩产效益提升",
        "开展规模以上工业企业亩均效益综合评价，按评价结果实行用地、用能、排污等要素差别化配置，逐年梳理低效工业用地清单并分类盘活，支持企业实施技术改造。",
        "区发改局",
        "区工信局、区自然资源和规划分局、区统计局",
        "2027年12月",
    ],
    &[
        "2",
        "食品安全防线筑牢",
        "推行食品生产经营风险分级管理，建设智慧监管平台，开展校园食品和网络订餐专项整治。",
        "区市场监管局",
        "",
        "持续推进",
    ],
];

fn tab_rows(t: &[&[&str]]) -> String {
    t.iter().map(|r| r.join("\t") + "\n").collect()
}

fn tab_led_rows(t: &[&[&str]]) -> String {
    t.iter().map(|r| format!("\t{}\n", r.join("\t"))).collect()
}

fn cell_lines_tabbed(t: &[&[&str]]) -> String {
    let mut out = String::from("\n");
    for r in t {
        for c in *r {
            out.push_str(&format!("\t{c}\n"));
        }
        out.push('\n');
    }
    out
}

/// A PDF copy: a cell a line, no tabs, empty cells missing, long cells wrapped.
fn cell_lines_pdf(t: &[&[&str]], wrap: usize) -> String {
    let mut out = String::new();
    for r in t {
        for c in r.iter().filter(|c| !c.is_empty()) {
            let chars: Vec<char> = c.chars().collect();
            for piece in chars.chunks(wrap) {
                out.extend(piece);
                out.push('\n');
            }
        }
    }
    out
}

fn spaced(t: &[&[&str]]) -> String {
    t.iter()
        .map(|r| {
            let cells: Vec<&str> = r.iter().copied().filter(|c| !c.is_empty()).collect();
            cells.join("   ") + "\n"
        })
        .collect()
}

/// Cells over eight characters broken in two, the second half on a line of its own.
fn broken_cells(t: &[&[&str]]) -> String {
    let mut out = String::from("\n");
    for r in t {
        for c in *r {
            let chars: Vec<char> = c.chars().collect();
            if chars.len() > 8 && !c.contains("2027") {
                let (a, b) = chars.split_at(chars.len() / 2);
                out.push_str(&format!(
                    "\t{}\n{}\n",
                    a.iter().collect::<String>(),
                    b.iter().collect::<String>()
                ));
            } else {
                out.push_str(&format!("\t{c}\n"));
            }
        }
        out.push('\n');
    }
    out
}

/// Merged cells repeated in every row instead of left empty.
fn merged_filled(t: &[&[&str]]) -> Vec<Vec<String>> {
    let mut above = String::new();
    t.iter()
        .map(|r| {
            let mut row: Vec<String> = r.iter().map(|c| c.to_string()).collect();
            if row.len() > 1 {
                if row[1].is_empty() {
                    row[1] = above.clone();
                } else {
                    above = row[1].clone();
                }
            }
            row
        })
        .collect()
}

fn plan_with(indicators: &str, tasks: &str) -> String {
    format!("{PLAN}附件1 主要指标表\n{indicators}\n附件2 重点任务分解表\n{tasks}")
}

/// What a reviewer compares: each finding's rule and excerpt, and the targets read.
type Keys = (Vec<(String, String)>, Vec<(String, String, Option<u16>)>);

fn keys(r: &Report) -> Keys {
    let mut f: Vec<(String, String)> = r
        .findings
        .iter()
        .map(|f| (f.rule.to_string(), f.excerpt.replace(['\t', '\n', ' '], "")))
        .collect();
    f.sort();
    let mut t: Vec<(String, String, Option<u16>)> = r
        .targets
        .iter()
        .map(|t| {
            (
                t.value.clone().unwrap_or_default(),
                t.unit.clone().unwrap_or_default(),
                t.year,
            )
        })
        .collect();
    t.sort();
    (f, t)
}

fn word_paste() -> String {
    plan_with(&tab_rows(INDICATORS), &tab_rows(TASKS))
}

#[test]
fn a_word_paste_reads_its_tables_as_a_reviewer_does() {
    let r = check(&word_paste());
    // The 分解表 assigns the tasks its rows name, though its 序号 runs on its own and its
    // titles are shortened; the task with neither clause nor row is reported.
    let unassigned = messages(&r, "unassigned-task");
    assert_eq!(unassigned.len(), 1, "{unassigned:#?}");
    assert!(unassigned[0].contains("打造放心消费环境"));
    let suggestion = r
        .findings
        .iter()
        .find(|f| f.rule == "unassigned-task")
        .and_then(|f| f.suggestion.clone())
        .unwrap_or_default();
    assert!(
        suggestion.contains("分解表") && suggestion.contains("区××局"),
        "{suggestion}"
    );
    assert_eq!(r.document.level.map(|l| l.as_str()), Some("district"));

    // A unit in brackets, in its column, compound, or none for an index: no finding.
    // The row whose unit is nowhere is the one.
    let missing_unit = messages(&r, "target-missing-unit");
    assert_eq!(missing_unit.len(), 1, "{missing_unit:#?}");
    assert!(missing_unit[0].contains("制修订标准数量"));
    // The target worse than its base.
    let below = messages(&r, "target-below-baseline");
    assert_eq!(below.len(), 1, "{below:#?}");
    assert!(below[0].contains("药品抽检合格率") && below[0].contains("99.4"));
    // The text and the table agree: 件 and 件/万人 are one unit.
    assert_eq!(count(&r, "target-conflict"), 0);
    // Every row's value read, the base never taken for the target.
    let table_values: Vec<(&str, &str)> = r
        .targets
        .iter()
        .filter(|t| t.year == Some(2027))
        .filter_map(|t| Some((t.value.as_deref()?, t.unit.as_deref().unwrap_or(""))))
        .collect();
    for expected in [
        ("60", "家"),
        ("12", "件/万人"),
        ("26", "万元/人"),
        ("98.5", "%"),
        ("99", "%"),
        ("85", ""),
        ("15", ""),
    ] {
        assert!(
            table_values.contains(&expected),
            "{expected:?} in {table_values:?}"
        );
    }
    for base in ["41", "9.2", "21.5", "99.4", "83.2"] {
        assert!(!table_values.iter().any(|(v, _)| *v == base), "{base}");
    }
    // Nothing else is an error (the short plan leaves two categories out on purpose).
    let errors: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.severity.as_str() == "error" && f.rule != "missing-category")
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(
        errors,
        ["unassigned-task", "target-missing-unit"],
        "{:#?}",
        r.findings
    );
}

#[test]
fn every_copied_form_of_the_tables_reads_as_the_word_paste() {
    let reference = keys(&check(&word_paste()));
    let filled: Vec<Vec<String>> = merged_filled(INDICATORS);
    let filled_refs: Vec<Vec<&str>> = filled
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let filled_rows: Vec<&[&str]> = filled_refs.iter().map(|r| r.as_slice()).collect();
    let forms = [
        (
            "every line led by a tab",
            plan_with(&tab_led_rows(INDICATORS), &tab_led_rows(TASKS)),
        ),
        (
            "a cell a line, led by a tab",
            plan_with(&cell_lines_tabbed(INDICATORS), &cell_lines_tabbed(TASKS)),
        ),
        (
            "a cell a line without tabs",
            plan_with(&cell_lines_pdf(INDICATORS, 40), &cell_lines_pdf(TASKS, 40)),
        ),
        (
            "columns lined up with spaces",
            plan_with(&spaced(INDICATORS), &spaced(TASKS)),
        ),
        (
            "cells broken across lines",
            plan_with(&broken_cells(INDICATORS), &broken_cells(TASKS)),
        ),
        (
            "merged cells repeated",
            plan_with(&tab_rows(&filled_rows), &tab_rows(TASKS)),
        ),
    ];
    for (name, text) in forms {
        let got = keys(&check(&text));
        assert_eq!(got, reference, "{name}:\n{text}");
    }
}

#[test]
fn a_year_column_is_a_base_or_a_target_by_its_year() {
    let table: &[&[&str]] = &[
        &["序号", "指标", "2022年", "2027年", "责任单位"],
        &["1", "食品抽检合格率（%）", "98.6", "98", "区市场监管局"],
        &["2", "高新技术企业数（家）", "40", "60", "区科技局"],
    ];
    let r = check(&format!("{PLAN}附件1\n{}", tab_rows(table)));
    let below = messages(&r, "target-below-baseline");
    assert_eq!(below.len(), 1, "{below:#?}");
    assert!(below[0].contains("98.6"));
    assert!(r.targets.iter().any(|t| t.value.as_deref() == Some("60")
        && t.unit.as_deref() == Some("家")
        && t.year == Some(2027)));
}

#[test]
fn a_unit_in_the_header_or_with_the_value_is_the_rows_unit() {
    let table: &[&[&str]] = &[
        &["序号", "指标", "目标值（%）", "责任单位"],
        &["1", "食品抽检合格率", "98.5", "区市场监管局"],
        &["2", "药品抽检合格率", "≥99%", "区市场监管局"],
    ];
    let r = check(&format!("{PLAN}附件1\n{}", tab_rows(table)));
    assert_eq!(count(&r, "target-missing-unit"), 0, "{:#?}", r.findings);
    // Without the header's unit, the row without one is flagged.
    let bare: &[&[&str]] = &[
        &["序号", "指标", "目标值", "责任单位"],
        &["1", "食品抽检合格率", "98.5", "区市场监管局"],
        &["2", "药品抽检合格率", "≥99%", "区市场监管局"],
    ];
    let r = check(&format!("{PLAN}附件1\n{}", tab_rows(bare)));
    assert_eq!(count(&r, "target-missing-unit"), 1, "{:#?}", r.findings);
}
