//! The reviewer's second reading: the safeguards a plan commits to, and the programme its
//! basis cites.

// Tests fail loudly (unwrap, expect and panic are their assertions) and are not in the
// WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, count, fixtures, messages, read};

const TASKS: &str =
    "二、重点任务\n（一）推动经济质量效益型发展\n1.培育高新技术企业。（县科技局负责）\n";

#[test]
fn safeguards_are_read_in_sentences_not_headings() {
    let headings_only = format!(
        "{TASKS}四、保障措施\n（一）加强组织领导\n（二）强化经费保障\n（三）严格考核督查\n（四）加强宣传引导\n（五）做好质量监测\n"
    );
    let r = check(&headings_only);
    let f = messages(&r, "safeguards-incomplete");
    assert_eq!(f.len(), 1, "{f:?}");
    for name in [
        "组织领导",
        "经费保障",
        "考核督查",
        "宣传引导",
        "质量状况监测",
    ] {
        assert!(f[0].contains(name), "{}", f[0]);
    }
    // Each commitment in a sentence: nothing missing.
    let committed = format!(
        "{TASKS}四、组织实施\n成立工作专班，办公室设在县市场监管局；县财政保障工作经费；纳入年度考核；开展质量宣传；建立统计监测和数据报送制度。\n"
    );
    assert_eq!(count(&check(&committed), "safeguards-incomplete"), 0);
    // A district's plan is given a district's example.
    let district = "二、重点任务\n（一）推动经济质量效益型发展\n1.培育企业。（区科技局负责）\n2.壮大主体。（区市场监管局负责）\n3.提升效益。（区发改局负责）\n四、保障措施\n（一）加强组织领导。成立区工作专班。\n";
    let r = check(district);
    let s = r
        .findings
        .iter()
        .find(|f| f.rule == "safeguards-incomplete")
        .and_then(|f| f.suggestion.clone())
        .unwrap();
    assert!(s.contains("区财政") && !s.contains("县财政"), "{s}");
}

#[test]
fn a_cultivation_plan_that_never_cites_its_programme_is_asked_to() {
    let plan = read(&fixtures().join("complete.txt"));
    // Cited by number and title: quiet.
    assert_eq!(count(&check(&plan), "basis-citation"), 0);
    // Only the 纲要: asked, with the wording to add.
    let without = plan.replace(
        "根据市场监管总局《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕97号）要求",
        "根据《质量强国建设纲要》",
    );
    assert_ne!(without, plan, "the fixture's basis sentence changed");
    let r = check(&without);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "basis-citation")
        .expect("asked");
    assert!(f
        .suggestion
        .as_deref()
        .unwrap_or("")
        .contains("国市监质发〔2024〕97号"));
    // Cited as the 总局's 决策部署: quiet.
    let described = plan.replace(
        "根据市场监管总局《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕97号）要求",
        "加快落实国家市场监管总局关于质量强县（区、镇）培育建设工作的决策部署",
    );
    assert_eq!(count(&check(&described), "basis-citation"), 0);
    // A plan of another family (质量强区建设) is not asked.
    let other = without.replace("质量强县培育建设实施方案", "质量强县建设实施方案");
    assert_eq!(count(&check(&other), "basis-citation"), 0);
}

/// The new findings reach the hand-back as 批注 on the right paragraph, like any other.
#[test]
fn the_second_readings_findings_are_handed_back_as_comments() {
    let plan = read(&fixtures().join("safeguards-incomplete/flagged.txt"));
    let report = check(&plan);
    let by = plancheck::docx::annotate::Reviewer {
        name: "市局",
        date: "2026-11-26",
    };
    let bytes = plancheck::handback::annotated_text(
        &plan,
        &report,
        &plancheck::handback::Decisions::default(),
        &by,
    )
    .unwrap();
    let doc = plancheck::docx::read(&bytes).unwrap();
    let comment = doc
        .comments
        .iter()
        .find(|c| c.text.contains("保障措施中没有"))
        .expect("a 批注 for the safeguards");
    assert!(comment.text.contains("经费保障"), "{}", comment.text);
    let feedback = plancheck::handback::feedback_docx(
        &[(
            "方案".to_string(),
            plan.as_str(),
            report,
            plancheck::handback::Decisions::default(),
        )],
        "市局",
        "2026-11-26",
    )
    .unwrap();
    let table = plancheck::docx::read(&feedback).unwrap().text;
    assert!(table.contains("保障措施中没有"), "{table}");
}
