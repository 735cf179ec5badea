//! The real plans in `../shared/corpus/`, when that folder exists: what a careful reviewer
//! finds in each, and what edited copies (a section removed, a clause dropped, a unit or a
//! deadline deleted; harmless rewordings) must and must not change.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{check, count, messages};
use plancheck::Report;

fn corpus(name: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        // Under `make test` the corpus is required; a bare `cargo test` elsewhere skips.
        Err(e) if common::required() => panic!("{}: {e}", path.display()),
        Err(_) => {
            eprintln!("skipped: {} not found", path.display());
            None
        }
    }
}

/// How many findings of each rule: what a harmless rewording must leave alone.
fn tally(r: &Report) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for f in &r.findings {
        *m.entry(f.rule.clone()).or_insert(0) += 1;
    }
    m
}

fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "corpus text changed: `{from}` not found"
    );
    text.replacen(from, to, 1)
}

#[test]
fn xiuning_published_plan() {
    let Some(text) = corpus("xiuning-2025.txt") else {
        return;
    };
    let r = check(&text);
    assert_eq!(r.document.kind.as_str(), "plan");
    assert_eq!(
        r.document.title.as_deref(),
        Some("休宁县推进质量强县培育建设工作实施方案")
    );
    assert_eq!(r.document.horizon, Some(2027));
    let kinds: Vec<&str> = r.document.parts.iter().map(|p| p.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "preamble",
            "goals",
            "tasks",
            "schedule",
            "safeguards",
            "attachments"
        ]
    );

    // Every one of the 26 tasks is assigned.
    assert_eq!(r.summary.tasks, 26);
    assert_eq!(r.summary.assigned, 26);
    assert_eq!(count(&r, "unassigned-task"), 0);
    let numbers: Vec<&str> = r.tasks.iter().map(|t| t.number.as_str()).collect();
    assert_eq!(numbers.first(), Some(&"1"));
    assert_eq!(numbers.last(), Some(&"26"));
    assert_eq!(r.tasks[19].lead, ["县生态文明建设生态环境保护委员会办公室"]);
    assert_eq!(r.tasks[22].lead, ["县安全生产（防灾减灾救灾）委员会办公室"]);

    // The doctors target has no unit; the ratios do not need one.
    let missing_unit: Vec<_> = r.of_rule("target-missing-unit").collect();
    assert_eq!(missing_unit.len(), 1, "{missing_unit:#?}");
    assert_eq!(missing_unit[0].indicator.as_deref(), Some("doctors"));
    assert!(missing_unit[0].excerpt.contains("3.29"));

    // The delegated energy target is recognised as not quantified.
    assert!(r
        .of_rule("target-not-quantified")
        .any(|f| f.indicator.as_deref() == Some("energy")));

    // Every quantified target is dated 2027.
    assert_eq!(count(&r, "target-missing-date"), 0);
    let quantified: Vec<_> = r.targets.iter().filter(|t| t.value.is_some()).collect();
    assert!(
        quantified.len() >= 24,
        "{} quantified targets",
        quantified.len()
    );
    assert!(quantified.iter().all(|t| t.year == Some(2027)));
    let mu_tax = r
        .targets
        .iter()
        .find(|t| t.indicator.as_deref() == Some("mu_tax"))
        .unwrap();
    assert_eq!(
        (mu_tax.value.as_deref(), mu_tax.unit.as_deref()),
        (Some("26"), Some("万元/亩"))
    );
    // Programme names and document numbers are not targets.
    assert!(r
        .targets
        .iter()
        .all(|t| !t.text.contains("两茶") && !t.text.contains("97号")));

    // Safety sits in the 民生 section: partial, not missing.
    assert_eq!(
        r.categories
            .iter()
            .find(|c| c.id == "safety")
            .unwrap()
            .status
            .as_str(),
        "partial"
    );
    assert_eq!(count(&r, "missing-category"), 0);
    assert_eq!(count(&r, "missing-part"), 0);
    // The stages meet month to month; but the first (2025年1月至6月) was over when the
    // plan was issued on 2025年7月11日.
    let schedule: Vec<_> = r.of_rule("schedule-gap").collect();
    assert_eq!(schedule.len(), 1, "{schedule:#?}");
    assert!(schedule[0].message.contains("早于文件日期2025年7月11日"));
    assert_eq!(count(&r, "horizon-mismatch"), 0);
    assert_eq!(count(&r, "unit-name-variant"), 0);
    assert!(count(&r, "missing-indicator") <= 4);
    assert_eq!(r.summary.errors, 1);
}

#[test]
fn lixian_draft() {
    let Some(text) = corpus("lixian-draft.txt") else {
        return;
    };
    let r = check(&text);
    assert_eq!(r.document.kind.as_str(), "plan");
    assert!(r
        .document
        .title
        .as_deref()
        .unwrap_or("")
        .starts_with("澧县质量强县培育建设实施方案"));

    // The horizon is 2028, not the template's 2027.
    assert_eq!(r.document.horizon, Some(2028));
    let horizon: Vec<_> = r.of_rule("horizon-mismatch").collect();
    assert_eq!(horizon.len(), 1);
    assert!(horizon[0].message.contains("2028"));

    // The market-regulation bureau is written two ways, and so is the health bureau.
    let variants: Vec<_> = r.of_rule("unit-name-variant").collect();
    assert!(
        variants.iter().any(|f| f.excerpt == "县市场监督管理局"),
        "{variants:#?}"
    );
    assert!(
        variants.iter().any(|f| f.excerpt == "县卫生健康局"),
        "{variants:#?}"
    );

    // Most indicators are missing, reported once per category.
    let expected = r.indicators.iter().filter(|i| i.expected).count();
    let missing = r
        .indicators
        .iter()
        .filter(|i| i.expected && i.status.as_str() == "missing")
        .count();
    assert!(missing * 2 > expected, "{missing} of {expected} missing");
    assert!(count(&r, "missing-indicator") <= r.categories.len());

    // Sections (四)–(六) have no numbered items: each is one task; all are assigned.
    assert_eq!(r.summary.tasks, 11);
    assert_eq!(r.summary.assigned, 11);
    assert!(r.tasks.iter().any(|t| t.number == "（四）"));

    // The stages hand over at their boundary months (…2026年10月 / 2026年10月…): no
    // overlap and no gap.
    assert_eq!(count(&r, "schedule-gap"), 0);
    assert_eq!(count(&r, "missing-part"), 0);
    assert_eq!(count(&r, "missing-category"), 0);
    assert_eq!(
        r.categories
            .iter()
            .find(|c| c.id == "safety")
            .unwrap()
            .status
            .as_str(),
        "partial"
    );
    assert!(r
        .of_rule("target-not-quantified")
        .any(|f| f.indicator.as_deref() == Some("work_death")));
}

#[test]
fn edits_that_add_defects_are_found() {
    let Some(text) = corpus("xiuning-2025.txt") else {
        return;
    };
    let base = check(&text);

    // A clause dropped: exactly that task is reported, at the task.
    let t = edit(&text, "（县营商环境办、县市场监管局负责）", "");
    let r = check(&t);
    let found: Vec<_> = r.of_rule("unassigned-task").collect();
    assert_eq!(found.len(), 1);
    assert!(found[0].excerpt.starts_with("4"), "{:?}", found[0].excerpt);

    // A unit deleted.
    let r = check(&edit(&text, "达95家", "达95"));
    assert_eq!(
        count(&r, "target-missing-unit"),
        count(&base, "target-missing-unit") + 1
    );
    assert!(r
        .of_rule("target-missing-unit")
        .any(|f| f.indicator.as_deref() == Some("qms")));

    // A deadline deleted.
    let r = check(&edit(
        &text,
        "到2027年，制造业产品质量合格率",
        "制造业产品质量合格率",
    ));
    let dates: Vec<_> = r.of_rule("target-missing-date").collect();
    assert_eq!(dates.len(), 1);
    assert_eq!(dates[0].indicator.as_deref(), Some("mfg_pass"));

    // A section removed.
    let start = text.find("（五）推动县域绿色发展").unwrap();
    let end = text.find("（六）优化社会民生质量治理").unwrap();
    let t = format!("{}{}", &text[..start], &text[end..]);
    let r = check(&t);
    assert!(r
        .of_rule("missing-category")
        .any(|f| f.category.as_deref() == Some("green")));
    assert!(r.of_rule("missing-indicator").any(|f| {
        f.category.as_deref() == Some("green") && f.message.contains("空气质量优良天数比例")
    }));

    // A part removed.
    let start = text.find("三、工作安排").unwrap();
    let end = text.find("四、相关要求").unwrap();
    let r = check(&format!("{}{}", &text[..start], &text[end..]));
    assert_eq!(count(&r, "missing-part"), 1);
}

#[test]
fn harmless_rewordings_change_nothing() {
    for name in ["xiuning-2025.txt", "lixian-draft.txt"] {
        let Some(text) = corpus(name) else { return };
        let base = tally(&check(&text));
        let variants: Vec<(&str, String)> = vec![
            ("CRLF line ends", text.replace('\n', "\r\n")),
            ("a BOM", format!("\u{feff}{text}")),
            ("blank lines doubled", text.replace('\n', "\n\n")),
            (
                "half-width clause brackets and colons",
                text.replace("负责）", "负责)")
                    .replace("（县", "(县")
                    .replace("单位：", "单位:"),
            ),
            (
                "a space after item numbers",
                text.replace("\n1.", "\n1. ").replace("\n2.", "\n2． "),
            ),
            ("tabs before lines", text.replace('\n', "\n\t")),
            (
                "an unrelated paragraph appended",
                format!("{text}\n\n（本页无正文）\n"),
            ),
        ];
        for (what, variant) in variants {
            assert_eq!(
                tally(&check(&variant)),
                base,
                "{name}: {what} changed the findings"
            );
        }
    }
}

#[test]
fn spans_point_at_their_excerpts() {
    for name in ["xiuning-2025.txt", "lixian-draft.txt"] {
        let Some(text) = corpus(name) else { return };
        let r = check(&text);
        for f in &r.findings {
            let shown = common::utf16_slice(&text, f.span.start, f.span.end);
            let shown: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
            let excerpt = f.excerpt.trim_end_matches('…');
            assert!(
                shown.starts_with(excerpt),
                "{}: span {:?} shows {shown:?}, excerpt {excerpt:?}",
                f.rule,
                f.span
            );
        }
    }
}

#[test]
fn xiuning_roster_is_read_as_the_member_units() {
    let Some(text) = corpus("xiuning-2025.txt") else {
        return;
    };
    let checker = common::checker();
    let doc = checker.parse(&text);
    let members = doc.members.expect("the attached 工作专班 roster");
    let names: Vec<&str> = members.units.iter().map(|u| u.name.as_str()).collect();
    assert!(names.contains(&"县政府办公室"), "{names:?}");
    assert!(names.contains(&"县发展改革委"), "{names:?}");
    assert!(names.contains(&"县教育局"), "{names:?}");
    assert!(names.contains(&"县市场监管局"), "{names:?}");
    assert!(names.contains(&"县生态环境分局"), "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| !n.contains("局长") && !n.contains("书记")),
        "{names:?}"
    );
    // The sentence after the roster is not part of it.
    assert!(!names.contains(&"县质量强县办"), "{names:?}");
    // Responsible units outside the roster: said once each, and none of the roster's own.
    let r = checker.check(&text, &Default::default());
    let unknown: Vec<&str> = r
        .of_rule("unknown-unit")
        .map(|f| f.excerpt.as_str())
        .collect();
    assert!(unknown.contains(&"县营商环境办"), "{unknown:?}");
    assert!(unknown.iter().all(|u| !names.contains(u)), "{unknown:?}");
}

/// What a reviewer compares: each finding's rule and excerpt, blanks aside.
fn finding_keys(r: &Report) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = r
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.excerpt.chars().filter(|c| !c.is_whitespace()).collect(),
            )
        })
        .collect();
    keys.sort();
    keys
}

#[test]
fn qinghe_constructed_district_draft() {
    let Some(text) = corpus("qinghe-draft.txt") else {
        return;
    };
    let r = check(&text);
    assert_eq!(r.document.kind.as_str(), "plan");
    assert_eq!(r.document.level.map(|l| l.as_str()), Some("district"));
    // The 分解表 assigns the tasks its rows name; two tasks have neither clause nor row.
    let unassigned = messages(&r, "unassigned-task");
    assert_eq!(unassigned.len(), 2, "{unassigned:#?}");
    assert_eq!(r.summary.tasks - r.summary.assigned, 2);
    // The planted defects, each found once.
    let errors: Vec<(&str, &str)> = r
        .findings
        .iter()
        .filter(|f| f.severity.as_str() == "error")
        .map(|f| (f.rule.as_str(), f.excerpt.as_str()))
        .collect();
    let rules: Vec<&str> = errors.iter().map(|e| e.0).collect();
    assert_eq!(
        rules
            .iter()
            .filter(|&&r| r == "target-missing-unit")
            .count(),
        2,
        "a target without a unit and a table row without one: {errors:#?}"
    );
    assert_eq!(rules.iter().filter(|&&r| r == "target-blank").count(), 1);
    // Nothing else is an error.
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert_eq!(count(&r, "target-below-baseline"), 1, "{:#?}", r.findings);
    assert!(count(&r, "target-missing-date") >= 1);
    assert_eq!(count(&r, "target-conflict"), 0, "{:#?}", r.findings);

    // The same draft as a Word file, both tables real tables with the 类别 cells merged:
    // the same findings.
    use common::docx::{cell, p, row, table, Package};
    let mut body = String::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].contains('\t') {
            body.push_str(&p(lines[i]));
            i += 1;
            continue;
        }
        let mut grid: Vec<Vec<&str>> = Vec::new();
        while i < lines.len() && lines[i].contains('\t') {
            grid.push(lines[i].split('\t').collect());
            i += 1;
        }
        let merged_column = grid
            .first()
            .and_then(|h| h.iter().position(|c| *c == "类别"));
        let rows: Vec<String> = grid
            .iter()
            .enumerate()
            .map(|(r, cells)| {
                let cells: Vec<String> = cells
                    .iter()
                    .enumerate()
                    .map(|(k, c)| match merged_column {
                        Some(m) if k == m && r > 0 && c.is_empty() => cell("", 1, Some("")),
                        Some(m) if k == m && r > 0 => cell(c, 1, Some("restart")),
                        _ => cell(c, 1, None),
                    })
                    .collect();
                row(&cells)
            })
            .collect();
        body.push_str(&table(&rows));
    }
    let doc = plancheck::docx::read(&Package::new(body).bytes()).expect("the .docx reads");
    assert_eq!(doc.tables, 2);
    let from_word = check(&doc.text);
    assert_eq!(finding_keys(&from_word), finding_keys(&r));
}
