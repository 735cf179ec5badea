//! Targets, indicator tables and assignments read as a reviewer reads them: units in an
//! indicator table's cells and headers, findings that quote what the drafter wrote, an
//! indicator compared with itself only, base values against targets.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, count};

const TASKS: &str =
    "二、重点任务\n（一）提高产品、工程、服务质量水平\n1.抓好质量安全监管。（县市场监管局负责）\n";

fn with_table(header: &[&str], rows: &[&[&str]]) -> String {
    let mut text = format!("{TASKS}\n附件\n主要指标表\n\n");
    for h in header {
        text.push_str(h);
        text.push('\n');
    }
    for row in rows {
        text.push('\n');
        for cell in *row {
            text.push_str(cell);
            text.push('\n');
        }
    }
    text
}

#[test]
fn a_unit_in_the_indicator_cell_the_unit_column_or_the_header_quantifies_a_row() {
    let header = ["序号", "指标", "基期值", "目标值（%）", "责任单位"];
    let text = with_table(
        &header,
        &[
            &["1", "工程一次验收合格率", "97", "≥98", "县住建局"],
            &["2", "乡镇质量服务站", "0", "5", "县市场监管局"],
        ],
    );
    let r = check(&text);
    // The header gives % to row 1 and row 2 alike: nothing lacks a unit.
    assert_eq!(count(&r, "target-missing-unit"), 0, "{:#?}", r.findings);
    let text = with_table(
        &["序号", "指标", "基期值", "目标值", "责任单位"],
        &[
            &["1", "规上工业企业（家）", "100", "120", "县工信局"],
            &["2", "乡镇质量服务站", "0", "5", "县市场监管局"],
        ],
    );
    let r = check(&text);
    let missing: Vec<_> = r.of_rule("target-missing-unit").collect();
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert!(
        missing[0].message.contains("乡镇质量服务站"),
        "{}",
        missing[0].message
    );
}

#[test]
fn a_table_row_is_named_as_the_drafter_wrote_it() {
    // 工业产品质量合格率 is read as the template's 制造业产品质量合格率; the finding quotes the row.
    let text = with_table(
        &["序号", "指标", "目标值", "责任单位"],
        &[
            &["1", "工业产品质量合格率（%）", "96"],
            &["2", "食品抽检合格率（%）", "98.5", "县市场监管局"],
        ],
    );
    let r = check(&text);
    let rows: Vec<_> = r
        .of_rule("unassigned-task")
        .filter(|f| f.message.contains("指标表"))
        .collect();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].message.contains("第1行"), "{}", rows[0].message);
    assert!(
        rows[0].message.contains("工业产品质量合格率"),
        "{}",
        rows[0].message
    );
    assert!(!rows[0].message.contains("制造业"), "{}", rows[0].message);
}

#[test]
fn target_conflict_compares_an_indicator_with_itself_only() {
    // Two wordings the template reads as one indicator are two indicators.
    let text = format!(
        "一、工作目标\n到2027年，农产品抽检合格率达到97%。\n{}",
        with_table(
            &["序号", "指标", "2027年目标", "责任单位"],
            &[&[
                "1",
                "农产品质量安全例行监测合格率（%）",
                "98",
                "县农业农村局"
            ]],
        )
    );
    assert_eq!(count(&check(&text), "target-conflict"), 0);
    // The same wording with two units is a real conflict.
    let text = format!(
        "一、工作目标\n到2027年，公共服务满意度达到85分。\n{}",
        with_table(
            &["序号", "指标", "2027年目标", "责任单位"],
            &[&["1", "公共服务满意度（%）", "85", "县发改委"]],
        )
    );
    let conflicts: Vec<_> = check(&text)
        .findings
        .into_iter()
        .filter(|f| f.rule == "target-conflict")
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert!(conflicts[0].message.contains("单位"));
}

#[test]
fn a_table_target_not_better_than_its_base_is_flagged_by_direction() {
    let header = ["序号", "指标", "基期值", "目标值", "责任单位"];
    let worse = with_table(
        &header,
        &[
            // A pass rate that falls; a death rate that rises.
            &["1", "食品抽检合格率（%）", "98.6", "98.2", "县市场监管局"],
            &[
                "2",
                "亿元GDP生产安全事故死亡率（人）",
                "0.02",
                "0.03",
                "县应急管理局",
            ],
        ],
    );
    let r = check(&worse);
    let flagged: Vec<_> = r.of_rule("target-below-baseline").collect();
    assert_eq!(flagged.len(), 2, "{flagged:#?}");
    let better = with_table(
        &header,
        &[
            &["1", "食品抽检合格率（%）", "98.2", "98.6", "县市场监管局"],
            &[
                "2",
                "亿元GDP生产安全事故死亡率（人）",
                "0.03",
                "0.02",
                "县应急管理局",
            ],
            // Staying at 100 % is not a step back.
            &[
                "3",
                "建筑工程项目一次性竣工验收合格率（%）",
                "100",
                "100",
                "县住建局",
            ],
        ],
    );
    assert_eq!(count(&check(&better), "target-below-baseline"), 0);
}

#[test]
fn a_sentence_from_a_base_to_a_target_is_one_target_with_its_base() {
    let text = format!("{TASKS}到2027年，研发经费投入强度由2.1%提高到2.5%。\n");
    let r = check(&text);
    let rd: Vec<_> = r
        .targets
        .iter()
        .filter(|t| t.indicator.as_deref() == Some("rd"))
        .collect();
    assert_eq!(rd.len(), 1, "{rd:#?}");
    assert_eq!(rd[0].value.as_deref(), Some("2.5"));
    assert_eq!(count(&r, "target-below-baseline"), 0);
    let lowered = format!("{TASKS}到2027年，单位GDP能耗由0.5吨标准煤下降到0.6吨标准煤。\n");
    assert_eq!(count(&check(&lowered), "target-below-baseline"), 1);
}

#[test]
fn placeholders_are_blanks_and_ordinary_words_are_not() {
    for blank in [
        "达到 %",
        "达到____",
        "××家",
        "不低于X%",
        "达到XX个",
        "县××局",
    ] {
        let text = format!("{TASKS}到2027年，高新技术企业{blank}。\n");
        assert_eq!(count(&check(&text), "target-blank"), 1, "{blank}");
    }
    for words in [
        "提高人民群众满意度",
        "达到国家标准",
        "开展X光机检测",
        "PM2.5浓度下降",
        "达到60家",
    ] {
        let text = format!("{TASKS}到2027年，{words}。\n");
        assert_eq!(count(&check(&text), "target-blank"), 0, "{words}");
    }
}

#[test]
fn basis_citations_right_and_wrong() {
    let plan = |basis: &str| format!("为推进质量强县建设，根据{basis}要求，制定本方案。\n{TASKS}");
    for wrong in [
        "《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕6号）",
        "《质量强县(区、镇)培育建设工作方案》(国市监质发[2023]97号)",
        "国市监质〔2024〕97号文件",
    ] {
        assert_eq!(count(&check(&plan(wrong)), "basis-citation"), 1, "{wrong}");
    }
    for right in [
        "《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕97号）",
        // Another document, cited with its own number: not a mistake.
        "《关于质量基础设施助力产业链供应链质量联动提升的指导意见》（国市监质发〔2024〕6号）",
        "省市场监管局《关于开展质量强县培育工作的通知》（皖市监函〔2024〕97号）",
    ] {
        assert_eq!(count(&check(&plan(right)), "basis-citation"), 0, "{right}");
    }
}

#[test]
fn a_percent_sign_is_one_unit_wherever_it_is_written() {
    let text = format!(
        "一、工作目标\n到2027年，食品抽检合格率达到98.5％。\n{}",
        with_table(
            &["指标", "单位", "目标值", "目标年", "责任单位"],
            &[&["药品抽检合格率", "％", "99", "2027", "县市场监管局"]],
        )
    );
    let r = check(&text);
    let units: Vec<Option<&str>> = r.targets.iter().map(|t| t.unit.as_deref()).collect();
    assert_eq!(units, [Some("%"), Some("%")], "{:#?}", r.targets);
}

#[test]
fn a_present_figure_is_not_held_to_the_national_floor() {
    // The state today, undated, then the target: only the target is compared.
    let text = format!(
        "一、工作目标\n2024年，全县食品抽检合格率达97.2%。到2027年，食品抽检合格率达到98.5%。\n{TASKS}"
    );
    assert_eq!(count(&check(&text), "target-below-floor"), 0);
    let weaker = format!("一、工作目标\n到2027年，食品抽检合格率达到97.5%。\n{TASKS}");
    assert_eq!(count(&check(&weaker), "target-below-floor"), 1);
}
