//! The examples in each rule's documentation are run: the one under 触发 must be flagged
//! by that rule, the one under 不触发 must not.

mod common;

use std::path::Path;

use common::check;
use plancheck::rules::RULES;

/// The ```text blocks that follow a line starting with `label` in a doc comment, with the
/// subject named in brackets after the label (`不触发（空气质量优良天数比例）：`), if any.
fn examples(doc: &str, label: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut armed = false;
    let mut subject: Option<String> = None;
    let mut block: Option<Vec<&str>> = None;
    for line in doc.lines() {
        let Some(text) = line.strip_prefix("//!") else {
            continue;
        };
        let text = text.strip_prefix(' ').unwrap_or(text);
        if let Some(lines) = block.as_mut() {
            if text.starts_with("```") {
                out.push((lines.join("\n") + "\n", subject.clone()));
                block = None;
                armed = false;
            } else {
                lines.push(text);
            }
            continue;
        }
        if text.starts_with("```") && armed {
            block = Some(Vec::new());
        } else if text.ends_with('：') {
            let head = text.trim_end_matches('：');
            let (name, rest) = head.split_once('（').unwrap_or((head, ""));
            armed = name == label;
            subject = rest.strip_suffix('）').map(str::to_string);
        }
    }
    out
}

#[test]
fn rule_docs_have_the_three_headings_and_tested_examples() {
    for rule in RULES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rule.source);
        let doc = std::fs::read_to_string(&path).expect("rule source");
        for heading in [
            &format!("# {}", rule.id),
            "## 检查什么",
            "## 为什么重要",
            "## 示例",
        ] {
            assert!(
                doc.contains(&format!("//! {heading}")),
                "{}: no `{heading}`",
                rule.id
            );
        }
        let flagged = examples(&doc, "触发");
        let clean = examples(&doc, "不触发");
        assert!(!flagged.is_empty(), "{}: no flagged example", rule.id);
        assert!(!clean.is_empty(), "{}: no unflagged example", rule.id);
        let about = |text: &str, subject: &Option<String>| {
            check(text)
                .findings
                .iter()
                .filter(|f| f.rule == rule.id)
                .filter(|f| {
                    subject
                        .as_ref()
                        .is_none_or(|s| f.message.contains(s.as_str()))
                })
                .count()
        };
        for (text, subject) in flagged {
            assert!(
                about(&text, &subject) > 0,
                "{}: doc example not flagged:\n{text}",
                rule.id
            );
        }
        for (text, subject) in clean {
            assert_eq!(
                about(&text, &subject),
                0,
                "{}: doc example flagged:\n{text}",
                rule.id
            );
        }
    }
}

#[test]
fn registry_ids_are_unique_and_match_their_files() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
    for rule in RULES {
        assert_eq!(
            rule.source,
            format!("src/rules/{}.rs", rule.id.replace('-', "_"))
        );
    }
}
