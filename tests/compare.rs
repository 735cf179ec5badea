//! Two versions of a draft compared, item by item: versions built from the fixtures with
//! one change each, as drafters make them between 征求意见稿 and 送审稿.

// Tests fail loudly: unwrap, expect and panic are their assertions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, fixtures, read};
use plancheck::compare::{compare, Comparison};
use plancheck::Template;

fn plan() -> String {
    read(&fixtures().join("complete.txt"))
}

/// The comparison of `old` with `new`.
fn diff(old: &str, new: &str) -> Comparison {
    compare(&check(old), &check(new), &Template::national())
}

/// `text` with `from` replaced by `to`, which must be there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the fixture has {from:?}");
    text.replacen(from, to, 1)
}

/// Nothing in the comparison but what the test names.
fn only_targets(c: &Comparison) {
    assert!(c.fixed.is_empty() && c.added.is_empty(), "{c:?}");
    assert!(
        c.tasks.added.is_empty() && c.tasks.removed.is_empty(),
        "{:?}",
        c.tasks
    );
    assert!(c.tasks.renamed.is_empty() && c.tasks.reassigned.is_empty());
}

#[test]
fn the_same_text_changes_nothing() {
    let c = diff(&plan(), &plan());
    only_targets(&c);
    assert!(c.targets.is_empty() && c.categories.is_empty());
    assert!(c.parts.added.is_empty() && c.parts.removed.is_empty());
}

#[test]
fn a_target_lowered_is_flagged_weaker() {
    let new = edit(
        &plan(),
        "研发经费投入强度达到2.5%",
        "研发经费投入强度达到2.2%",
    );
    let c = diff(&plan(), &new);
    only_targets(&c);
    assert_eq!(c.targets.len(), 1, "{:?}", c.targets);
    let t = &c.targets[0];
    assert_eq!(t.indicator, "rd");
    assert_eq!(t.before.value.as_deref(), Some("2.5"));
    assert_eq!(t.after.value.as_deref(), Some("2.2"));
    assert!(t.weaker);
    assert_eq!(
        common::utf16_slice(&new, t.new_span.start, t.new_span.end),
        "研发经费投入强度达到2.2%"
    );
    assert_eq!(
        common::utf16_slice(&plan(), t.old_span.start, t.old_span.end),
        "研发经费投入强度达到2.5%"
    );
    // Raised, it is a change but not a weaker one; for a rate that should fall, lower is
    // better.
    let raised = edit(
        &plan(),
        "研发经费投入强度达到2.5%",
        "研发经费投入强度达到2.8%",
    );
    assert!(!diff(&plan(), &raised).targets[0].weaker);
    // A reduction (死亡率下降10%): a larger one asks more, a smaller one less.
    let more = edit(
        &plan(),
        "生产安全事故死亡率下降10%",
        "生产安全事故死亡率下降12%",
    );
    let less = edit(
        &plan(),
        "生产安全事故死亡率下降10%",
        "生产安全事故死亡率下降8%",
    );
    let weaker = |new: &str| {
        let c = diff(&plan(), new);
        assert_eq!(c.targets.len(), 1, "{:?}", c.targets);
        c.targets[0].weaker
    };
    assert!(!weaker(&more));
    assert!(weaker(&less));
    // A level for a rate that should fall: a higher one asks less.
    let higher = edit(
        &plan(),
        "每十万台特种设备死亡率不高于0.2人",
        "每十万台特种设备死亡率不高于0.3人",
    );
    assert!(weaker(&higher));
}

#[test]
fn a_year_moved_later_is_flagged_weaker() {
    let new = edit(
        &plan(),
        "2.壮大经营主体。到2027年",
        "2.壮大经营主体。到2028年",
    );
    let c = diff(&plan(), &new);
    let t = c
        .targets
        .iter()
        .find(|t| t.indicator == "firms")
        .expect("the 千人企业数 target moved");
    assert_eq!((t.before.year, t.after.year), (Some(2027), Some(2028)));
    assert!(t.weaker);
}

#[test]
fn a_task_removed_is_named() {
    let new = edit(
        &plan(),
        "12.营造质量共治氛围。依托“质量月”活动开展质量宣传，培育先进质量文化。（县市场监管局负责）\n",
        "",
    );
    let c = diff(&plan(), &new);
    let removed: Vec<&str> = c.tasks.removed.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(removed, vec!["营造质量共治氛围"]);
    // Its span is in the old text.
    let span = &c.tasks.removed[0].span;
    assert!(common::utf16_slice(&plan(), span.start, span.end).contains("营造质量共治氛围"));
    assert!(c.tasks.added.is_empty() && c.tasks.renamed.is_empty());
}

#[test]
fn a_task_handed_to_another_unit_is_reassigned() {
    let new = edit(
        &plan(),
        "（牵头单位：县市场监管局，责任单位：县发改委）",
        "（牵头单位：县商务局，责任单位：县发改委）",
    );
    let c = diff(&plan(), &new);
    assert_eq!(c.tasks.reassigned.len(), 1, "{:?}", c.tasks);
    let r = &c.tasks.reassigned[0];
    assert_eq!(r.task, "壮大经营主体");
    assert!(r.before.contains(&"县市场监管局".to_string()));
    assert!(r.after.contains(&"县商务局".to_string()));
    assert!(c.tasks.removed.is_empty() && c.tasks.added.is_empty());
}

#[test]
fn units_removed_or_added_read_as_such() {
    let without = edit(
        &plan(),
        "（牵头单位：县市场监管局，责任单位：县发改委）",
        "",
    );
    let removed = plancheck::render::comparison(&diff(&plan(), &without), false);
    assert!(removed.contains("县发改委 → 删除"), "{removed}");
    assert!(!removed.contains("（ →"), "{removed}");
    let added = plancheck::render::comparison(&diff(&without, &plan()), false);
    assert!(added.contains("（新增 → 县市场监管局"), "{added}");
}

#[test]
fn a_task_reworded_is_renamed_not_removed_and_added() {
    let new = edit(&plan(), "1.提升企业创新能力。", "1.提升企业自主创新能力。");
    let c = diff(&plan(), &new);
    assert_eq!(c.tasks.renamed.len(), 1, "{:?}", c.tasks);
    assert_eq!(c.tasks.renamed[0].from, "提升企业创新能力");
    assert_eq!(c.tasks.renamed[0].to, "提升企业自主创新能力");
    assert!(c.tasks.removed.is_empty() && c.tasks.added.is_empty());
}

#[test]
fn a_finding_fixed_and_one_new() {
    let old = read(&fixtures().join("unassigned-task/flagged.txt"));
    let fixed = edit(
        &old,
        "2.壮大经营主体",
        "2.壮大经营主体。（县市场监管局负责）",
    );
    let c = diff(&old, &fixed);
    assert_eq!(
        c.fixed.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        vec!["unassigned-task"]
    );
    assert!(c.added.is_empty(), "{:?}", c.added);
    // And back: the same finding is new.
    let c = diff(&fixed, &old);
    assert_eq!(
        c.added.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        vec!["unassigned-task"]
    );
    assert!(c.fixed.is_empty());
}

#[test]
fn paragraphs_reordered_are_not_removed_and_added() {
    let text = plan();
    let first = text
        .lines()
        .find(|l| l.starts_with("8.推进节能降碳"))
        .unwrap()
        .to_string();
    let second = text
        .lines()
        .find(|l| l.starts_with("9.改善生态环境"))
        .unwrap()
        .to_string();
    let swapped = text
        .replace(&first, "\u{0}")
        .replace(&second, &first.replacen("8.", "9.", 1))
        .replace('\u{0}', &second.replacen("9.", "8.", 1));
    let c = diff(&text, &swapped);
    only_targets(&c);
    assert!(c.targets.is_empty(), "{:?}", c.targets);
    assert_eq!(c.still_open, check(&text).findings.len());
}

#[test]
fn a_part_removed() {
    let text = plan();
    let start = text.find("四、保障措施").unwrap();
    let new = text[..start].to_string();
    let c = diff(&text, &new);
    assert_eq!(
        c.parts
            .removed
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
        vec!["safeguards"]
    );
    assert!(c.added.iter().any(|f| f.rule == "missing-part"));
}
