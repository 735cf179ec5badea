//! One document, one genre, one level: a 起草说明 that walks through a plan's structure is
//! not a plan; a text in Traditional characters gets one note; a town's plan is read as a
//! town's.

// Tests fail loudly (unwrap, expect and panic are their assertions) and are not in the
// WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, fixtures, read};

#[test]
fn an_explanation_that_walks_through_the_plan_gets_one_quiet_note() {
    let text = read(&fixtures().join("genre/explanation-walks-the-structure.txt"));
    let r = check(&text);
    assert_eq!(r.document.kind.as_str(), "not-a-plan");
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["not-a-plan"], "{:#?}", r.findings);
    assert!(r.findings[0].message.contains("起草说明"));
    // The plan it explains, pasted after it, is checked as the plan.
    let plan = read(&fixtures().join("complete.txt"));
    let both = check(&format!("{plan}\n{text}"));
    assert_eq!(both.document.kind.as_str(), "plan");
}

#[test]
fn a_plan_in_traditional_characters_gets_one_note_not_a_wall() {
    let text = read(&fixtures().join("complete.txt"));
    // A converter slip: the plan's vocabulary in Traditional characters.
    let pairs = [
        ('质', '質'),
        ('县', '縣'),
        ('实', '實'),
        ('务', '務'),
        ('设', '設'),
        ('国', '國'),
        ('发', '發'),
        ('检', '檢'),
        ('测', '測'),
        ('标', '標'),
        ('准', '準'),
        ('体', '體'),
        ('业', '業'),
        ('产', '產'),
        ('经', '經'),
        ('济', '濟'),
        ('农', '農'),
        ('责', '責'),
        ('单', '單'),
        ('达', '達'),
        ('进', '進'),
        ('动', '動'),
        ('环', '環'),
        ('认', '認'),
    ];
    let traditional: String = text
        .chars()
        .map(|c| pairs.iter().find(|p| p.0 == c).map_or(c, |p| p.1))
        .collect();
    let r = check(&traditional);
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["not-a-plan"], "{:#?}", r.findings);
    assert!(r.findings[0].message.contains("繁体"));
    // The Simplified text is checked as it was.
    assert_eq!(check(&text).document.kind.as_str(), "plan");
}

#[test]
fn a_town_plan_is_read_as_a_towns() {
    let r = check(&read(&fixtures().join("genre/town-plan.txt")));
    assert_eq!(r.document.level.map(|l| l.as_str()), Some("town"));
    // Suggestions name a town's offices.
    let unassigned = r
        .findings
        .iter()
        .find(|f| f.rule == "unassigned-task")
        .expect("the task without a unit is reported");
    let suggestion = unassigned.suggestion.as_deref().unwrap_or("");
    assert!(suggestion.contains("镇经济发展办"), "{suggestion}");
    assert!(!suggestion.contains("县××局"), "{suggestion}");
    // A county's statistics are not asked of a town.
    let missing: String = r
        .findings
        .iter()
        .filter(|f| f.rule == "missing-indicator")
        .map(|f| f.message.as_str())
        .collect();
    assert!(!missing.contains("制造业质量竞争力指数"), "{missing}");
    assert!(!missing.contains("每千人口执业"), "{missing}");
    assert!(
        missing.contains("农产品质量安全例行监测合格率"),
        "{missing}"
    );
}

#[test]
fn the_level_is_read_from_the_title_or_the_units() {
    let county = check(&read(&fixtures().join("complete.txt")));
    assert_eq!(county.document.level.map(|l| l.as_str()), Some("county"));
    // No place in the title: the units' names tell.
    let untitled = "二、重点任务\n（一）推动经济质量效益型发展\n1.培育企业。（区科技局负责）\n2.壮大主体。（区市场监管局负责）\n3.提升效益。（区发改局、区工信局负责）\n";
    assert_eq!(
        check(untitled).document.level.map(|l| l.as_str()),
        Some("district")
    );
}

#[test]
fn lost_numbering_gets_one_answer() {
    // Every numbering marker gone and the tasks part's heading unusual: the parts can
    // not all be found by their words. One note saying why, not a list of errors.
    let text = read(&fixtures().join("complete.txt"));
    let lost: String = text
        .lines()
        .map(|l| {
            let l = l.trim_start_matches(|c: char| "一二三四五六七（）、.0123456789".contains(c));
            format!(
                "{}\n",
                l.replace("重点任务", "主攻方向")
                    .replace("主要任务", "主攻方向")
            )
        })
        .collect();
    let r = check(&lost);
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    if r.document.kind.as_str() == "not-a-plan" {
        assert_eq!(rules, ["not-a-plan"], "{:#?}", r.findings);
        assert!(
            r.findings[0].message.contains("编号"),
            "{}",
            r.findings[0].message
        );
    } else {
        assert!(!rules.contains(&"not-a-plan"));
    }
}
