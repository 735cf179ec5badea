//! The examples in each rule's documentation are run. Each is a tagged block:
//! ```` ```text,flagged=N ```` must give exactly N findings of that rule,
//! ```` ```text,clean ```` none; `,about=X` counts only the findings whose message names X.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use std::path::Path;

use common::check;
use plancheck::rules::RULES;

struct Example {
    text: String,
    /// `None` for a clean example.
    flagged: Option<usize>,
    about: Option<String>,
}

/// The tagged ```text blocks of a doc comment.
fn examples(doc: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut open: Option<(Example, Vec<&str>)> = None;
    for line in doc.lines() {
        let Some(text) = line.strip_prefix("//!") else {
            continue;
        };
        let text = text.strip_prefix(' ').unwrap_or(text);
        if let Some((example, lines)) = open.as_mut() {
            if text.starts_with("```") {
                example.text = lines.join("\n") + "\n";
                out.extend(open.take().map(|(e, _)| e));
            } else {
                lines.push(text);
            }
            continue;
        }
        let Some(tags) = text.strip_prefix("```text,") else {
            continue;
        };
        let mut example = Example {
            text: String::new(),
            flagged: None,
            about: None,
        };
        let mut tagged = false;
        for tag in tags.split(',') {
            match tag.split_once('=') {
                Some(("flagged", n)) => {
                    example.flagged = Some(n.parse().expect("flagged=N with a number"));
                    tagged = true;
                }
                Some(("about", x)) => example.about = Some(x.to_string()),
                None if tag == "clean" => tagged = true,
                _ => panic!("unknown example tag `{tag}`"),
            }
        }
        assert!(tagged, "an example says flagged=N or clean: {text}");
        open = Some((example, Vec::new()));
    }
    assert!(open.is_none(), "an example block is not closed");
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
        let examples = examples(&doc);
        assert!(
            examples.iter().any(|e| e.flagged.is_some()),
            "{}: no flagged example",
            rule.id
        );
        assert!(
            examples.iter().any(|e| e.flagged.is_none()),
            "{}: no clean example",
            rule.id
        );
        for example in examples {
            let found = check(&example.text)
                .findings
                .iter()
                .filter(|f| f.rule == rule.id)
                .filter(|f| {
                    example
                        .about
                        .as_ref()
                        .is_none_or(|x| f.message.contains(x.as_str()))
                })
                .count();
            assert_eq!(
                found,
                example.flagged.unwrap_or(0),
                "{}: doc example gives {found} findings:\n{}",
                rule.id,
                example.text
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

/// The README's table of rules, from the registry.
#[test]
fn readme_lists_the_rules_as_declared() {
    let mut table = String::from("| id | severity | flags |\n|---|---|---|\n");
    for rule in RULES {
        table += &format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            rule.severity.as_str(),
            rule.about
        );
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (start, end) = ("<!-- rules: generated -->\n", "<!-- /rules -->");
    let from = readme
        .find(start)
        .expect("the README marks its table of rules")
        + start.len();
    let to = from + readme[from..].find(end).expect("the table's end marker");
    if std::env::var_os("PLANCHECK_BLESS").is_some() {
        let written = format!("{}{table}{}", &readme[..from], &readme[to..]);
        std::fs::write(&path, written).expect("write README.md");
        return;
    }
    assert!(
        readme[from..to] == table,
        "the README's table of rules is not the registry's; run `make generate`"
    );
}
