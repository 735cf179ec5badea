//! Every rule has a fixture that must be flagged and one that must not; snapshots of
//! their findings, a line each, show any change in behaviour as a readable diff.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, count, fixtures, read};
use plancheck::render;
use plancheck::rules::RULES;

#[test]
fn every_rule_has_a_flagged_and_a_clean_fixture() {
    for rule in RULES {
        let dir = fixtures().join(rule.id);
        let flagged = check(&read(&dir.join("flagged.txt")));
        let clean = check(&read(&dir.join("clean.txt")));
        assert!(
            count(&flagged, rule.id) > 0,
            "{}: flagged.txt is not flagged; findings: {:?}",
            rule.id,
            flagged.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
        );
        assert_eq!(
            count(&clean, rule.id),
            0,
            "{}: clean.txt is flagged: {:?}",
            rule.id,
            clean
                .findings
                .iter()
                .filter(|f| f.rule == rule.id)
                .map(|f| &f.message)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_complete_plan_has_no_findings() {
    let report = check(&read(&fixtures().join("complete.txt")));
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert_eq!(report.summary.tasks, 12);
    assert_eq!(report.summary.assigned, 12);
    assert!(report
        .categories
        .iter()
        .all(|c| c.status.as_str() == "covered"));
    assert!(report
        .indicators
        .iter()
        .filter(|i| i.expected)
        .all(|i| i.status.as_str() == "present"));
}

#[test]
fn snapshots() {
    let mut cases = vec![("complete".to_string(), fixtures().join("complete.txt"))];
    for rule in RULES {
        for kind in ["flagged", "clean"] {
            cases.push((
                format!("{}-{kind}", rule.id),
                fixtures().join(rule.id).join(format!("{kind}.txt")),
            ));
        }
    }
    // Each fixture's findings, a line each (line:column severity [rule] message): a change
    // in what is found, or in a message, is a one-line diff. The report's whole shape is
    // held once, by the complete plan's JSON.
    for (name, path) in cases {
        let report = check(&read(&path));
        let findings: Vec<String> = report
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{} {} [{}] {}",
                    f.span.line,
                    f.span.column,
                    f.severity.as_str(),
                    f.rule,
                    f.message
                )
            })
            .collect();
        insta::assert_snapshot!(format!("{name}-findings"), findings.join("\n"));
        if name == "complete" {
            insta::assert_json_snapshot!("complete-json", report);
        }
    }
}

#[test]
fn a_flattened_indicator_table_gives_dated_targets_and_assignments() {
    let report = check(&read(&fixtures().join("table.txt")));
    let rows: Vec<(Option<&str>, Option<&str>, Option<u16>)> = report
        .targets
        .iter()
        .map(|t| (t.indicator.as_deref(), t.unit.as_deref(), t.year))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("food_pass"), Some("%"), Some(2027)),
            (Some("hitech"), Some("家"), Some(2027)),
            (Some("svc_satisfaction"), None, Some(2027)),
        ]
    );
    assert_eq!(report.targets[0].value.as_deref(), Some("98.2"));
    // An indicator table assigns its indicators, not the tasks that mention them: task 1
    // is unassigned, and the message says which unit the table gives its indicator.
    let unassigned: Vec<_> = report.of_rule("unassigned-task").collect();
    assert_eq!(unassigned.len(), 2);
    assert!(unassigned[0].message.contains("培育高新技术企业"));
    assert!(
        unassigned[0].message.contains("指标表") && unassigned[0].message.contains("县科技局"),
        "{}",
        unassigned[0].message
    );
    assert!(unassigned[1].message.contains("加强食品安全监管"));
    assert!(report.tasks.iter().all(|t| t.assigned_by.is_none()));
    // The row without a unit is flagged, named by its indicator.
    let unit: Vec<_> = report.of_rule("target-missing-unit").collect();
    assert_eq!(unit.len(), 1);
    assert!(
        unit[0].message.contains("服务质量满意度"),
        "{}",
        unit[0].message
    );
    assert_eq!(count(&report, "target-missing-date"), 0);
    // Units in the table's column count for name variants.
    assert!(report
        .of_rule("unit-name-variant")
        .any(|f| f.excerpt == "县市场监督管理局"));
}

#[test]
fn an_indicator_table_with_base_target_and_year_columns() {
    let report = check(&read(&fixtures().join("table-columns.txt")));
    type Row<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<u16>,
    );
    let rows: Vec<Row> = report
        .targets
        .iter()
        .map(|t| {
            (
                t.indicator.as_deref(),
                t.value.as_deref(),
                t.unit.as_deref(),
                t.year,
            )
        })
        .collect();
    // The target column, not the base value; each row dated by its own year.
    assert_eq!(
        rows,
        [
            (Some("hitech"), Some("45"), Some("家"), Some(2026)),
            (Some("food_pass"), Some("98.5"), Some("%"), Some(2027)),
            (Some("rd"), Some("2.5"), Some("%"), Some(2027)),
        ]
    );
    // Neither task names a unit (the rows for their indicators do not assign them); the
    // R&D row has no responsible unit.
    let unassigned: Vec<_> = report.of_rule("unassigned-task").collect();
    assert_eq!(unassigned.len(), 3, "{unassigned:#?}");
    assert!(
        unassigned[1].message.contains("食品抽检合格率")
            && unassigned[1].message.contains("县市场监管局")
    );
    assert!(unassigned[2].message.contains("研发经费投入强度"));
    assert_eq!(count(&report, "target-missing-date"), 0);
}

#[test]
fn a_goal_and_its_table_row_disagreeing_is_a_target_conflict() {
    let table = read(&fixtures().join("table.txt"));
    // The table says ≥98.2 (%) for 2027; the goals say 98%; and 45家 vs 45 个.
    let text =
        format!("一、工作目标\n到2027年，食品抽检合格率达到98%，高新技术企业达到45个。\n{table}");
    let report = check(&text);
    let conflicts: Vec<&str> = report
        .of_rule("target-conflict")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
    assert!(conflicts[0].contains("食品抽检合格率") && conflicts[0].contains("数值"));
    assert!(conflicts[1].contains("高新技术企业") && conflicts[1].contains("单位"));
    // The same values in the goals: no conflict.
    let agreeing = format!("一、工作目标\n到2027年，食品抽检合格率达到98.2%。\n{table}");
    assert_eq!(count(&check(&agreeing), "target-conflict"), 0);
}

#[test]
fn a_task_decomposition_table_assigns_the_tasks_it_names() {
    let report = check(&read(&fixtures().join("task-table.txt")));
    let by: Vec<(&str, Option<&str>, Vec<&str>)> = report
        .tasks
        .iter()
        .map(|t| {
            (
                t.number.as_str(),
                t.assigned_by.map(|a| a.as_str()),
                t.lead.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        by,
        [
            // The title whole, in a cell longer than most.
            ("1", Some("table"), vec!["县科技局"]),
            // Its leading verb dropped.
            ("2", Some("table"), vec!["县商务局"]),
            // Its first words only.
            ("3", Some("table"), vec!["县市场监管局"]),
            // Its own clause.
            ("4", Some("clause"), vec!["县农业农村局"]),
            // Named by no row.
            ("5", None, vec![]),
        ]
    );
    // 配合单位 count as units of the task, and are checked like any other.
    assert!(report.tasks[0].units.contains(&"县发改委".to_string()));
    let unassigned: Vec<_> = report.of_rule("unassigned-task").collect();
    assert_eq!(unassigned.len(), 1);
    assert!(unassigned[0].message.contains("营造质量文化氛围"));
}

#[test]
fn a_row_naming_two_tasks_equally_assigns_neither() {
    let text = "二、重点任务\n（一）推动经济质量效益型发展\n1.提升企业质量管理水平。\n2.提升企业质量管理能力。\n附件\n重点任务分解表\n序号\n重点任务\n牵头单位\n1\n提升企业质量管理\n县市场监管局\n";
    let report = check(text);
    assert_eq!(report.summary.assigned, 0);
    assert_eq!(count(&report, "unassigned-task"), 2);
}

#[test]
fn targets_written_as_verb_number_classifier_are_read() {
    let plan = |body: &str| {
        format!("二、重点任务\n（一）推动经济质量效益型发展\n1.夯实基层基础。{body}（县市场监管局负责）\n")
    };
    for body in [
        "推动建立6个乡镇质量服务站。",
        "培育10家专精特新企业。",
        "建成3个标准化示范区。",
        "新增注册商标200件。",
        "设立产品伤害监测点12个。",
    ] {
        let undated = check(&plan(body));
        assert_eq!(undated.targets.len(), 1, "{body}: {:?}", undated.targets);
        assert_eq!(count(&undated, "target-missing-date"), 1, "{body}");
        let dated = check(&plan(&format!("到2027年，{body}")));
        assert_eq!(count(&dated, "target-missing-date"), 0, "{body}");
        assert_eq!(dated.targets[0].year, Some(2027), "{body}");
    }
    // Past results and numbers that are not commitments stay out.
    for body in [
        "目前已建成3个标准化示范区。",
        "累计已培育10家专精特新企业。",
        "落实国市监质发〔2024〕97号文件。",
        "实施“3+N”产业培育计划。",
    ] {
        assert!(check(&plan(body)).targets.is_empty(), "{body}");
    }
}

#[test]
fn the_markdown_report_in_english_lists_the_same_findings_in_its_own_english_words() {
    let r = check(&read(&fixtures().join("no-lead-unit").join("flagged.txt")));
    assert!(!r.findings.is_empty());
    let zh = render::markdown("草稿.txt", &r);
    let en = render::markdown_in("草稿.txt", &r, render::Lang::English);
    assert!(zh.starts_with("# 检查报告："), "{zh}");
    assert!(en.starts_with("# Check report: "), "{en}");
    assert!(!en.contains("第1行") && !en.contains("建议："), "{en}");
    for f in &r.findings {
        assert!(en.contains(&format!("- Line {}: ", f.span.line)), "{en}");
    }
    assert_eq!(
        zh.matches("\n- 第").count(),
        en.matches("\n- Line ").count()
    );
}

#[test]
fn findings_the_reviewer_set_aside_are_counted_apart_in_the_markdown() {
    let r = check(&read(&fixtures().join("complete.txt")).replace(
        "2.壮大经营主体。到2027年，千人企业数达到25个。（牵头单位：县市场监管局，责任单位：县发改委）",
        "2.壮大经营主体。千人企业数达到25个。",
    ));
    assert_eq!(
        (r.summary.errors, r.summary.warnings),
        (1, 1),
        "{:?}",
        r.findings
    );
    let error = r
        .findings
        .iter()
        .find(|f| f.severity.as_str() == "error")
        .unwrap();
    let decisions: plancheck::review::Decisions = serde_json::from_value(serde_json::json!({
        "dismissed": [{"rule": error.rule, "start": error.span.start, "end": error.span.end,
                       "status": "不适用", "reason": "由县政府统筹"}]
    }))
    .unwrap();
    let md = render::markdown_reviewed("草稿.txt", &r, render::Lang::Chinese, &decisions);
    assert!(
        md.contains("- 结果：0 个错误，1 个警告，0 个提示（另有 1 项审核人已搁置）"),
        "{md}"
    );
    assert!(!md.contains("## 错误"), "{md}");
    assert!(md.contains("## 审核人已搁置（1）"), "{md}");
    assert!(
        md.contains(&format!("`{}`（不适用：由县政府统筹）", error.rule)),
        "{md}"
    );
    let kept = decisions.kept(&r);
    assert_eq!((kept.errors, kept.warnings, kept.set_aside), (0, 1, 1));
    // Without decisions, the report as the checker made it.
    assert!(render::markdown("草稿.txt", &r).contains("## 错误（1）"));
}

#[test]
fn a_task_numbered_again_in_its_section_is_named_with_its_section() {
    let text = read(&fixtures().join("complete.txt"))
        .replace("3.优化产业结构", "1.优化产业结构")
        .replace("4.培育产业集群和质量品牌", "2.培育产业集群和质量品牌")
        .replace("（牵头单位：县工信局，责任单位：县市场监管局）", "");
    let r = check(&text);
    let messages = common::messages(&r, "unassigned-task");
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("任务 2（增强产业质量竞争力） “培育产业集群和质量品牌”"),
        "{messages:?}"
    );
    // Numbered once through the plan, a task needs no section to be told apart.
    let once = check(
        &read(&fixtures().join("complete.txt"))
            .replace("（牵头单位：县工信局，责任单位：县市场监管局）", ""),
    );
    assert!(common::messages(&once, "unassigned-task")[0].starts_with("任务 4 “"));
}
