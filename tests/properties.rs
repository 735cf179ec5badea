//! Properties that hold for every input: no panic, spans inside the text and on character
//! boundaries as JavaScript counts them, the same report for the same text, and a finding
//! about a task survives an unrelated paragraph appended after it.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use proptest::prelude::*;

use plancheck::{Checker, Options, Report, Template};

/// Pieces plans are made of, and the irregularities pasted drafts have; shuffled and
/// joined with arbitrary text between them.
const PIECES: &[&str] = &[
    "一、工作目标\n",
    "二、重点任务\n",
    "三、工作安排\n",
    "四、保障措施\n",
    "附件\n",
    "（一）推动经济质量效益型发展\n",
    "（二）增强产业质量竞争力\n",
    "(三)提升绿色发展质量\n",
    "1.",
    "2．",
    "3、",
    "（1）",
    "①",
    "\n",
    "\r\n",
    "\u{feff}",
    "\t",
    "  ",
    "到2027年，",
    "2025年7月至2025年9月",
    "年底前",
    "力争到2026年",
    "规上工业企业亩均税收达到26万元/亩",
    "空气质量优良天数比例不低于92%",
    "达3.29",
    "完成上级下达任务",
    "持续提高",
    "（县市场监管局负责）",
    "（牵头单位：县发改委，责任单位：县市场监督管理局、县财政局）",
    "（责任单位：",
    "牵头",
    "负责）",
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "〔2024〕97号",
    "国市监质发【2024】97号",
    "《质量强县（区、镇）培育建设工作方案》（国市监质发〔2024〕6号）",
    "××家",
    "____",
    "达到 %",
    "X%",
    "由2.1%提高到",
    "— 3 —\n",
    "第 2 页 共 9 页\n",
    "。",
    "，",
    "；",
    "：",
    ":",
    "、",
    "%",
    "％",
    "𠮷",
    "😀",
    "é",
    "\u{0}",
    "\u{200b}",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[0-9]{1,6}(\\.[0-9]{1,3})?",
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// Every fixture, and the corpus plans when present: the report written directly is the
/// text serde's derived serialisation gives (the property above tries arbitrary texts).
fn checker() -> Checker {
    Checker::new(Template::national()).expect("national template") // ok: test
}

fn utf16_boundaries(text: &str) -> Vec<bool> {
    // boundary[i]: whether UTF-16 offset i falls between code points.
    let mut b = vec![false; text.encode_utf16().count() + 1];
    let mut at = 0;
    b[0] = true;
    for ch in text.chars() {
        at += ch.len_utf16();
        b[at] = true;
    }
    b
}

fn assert_spans_sound(text: &str, report: &Report) {
    let boundaries = utf16_boundaries(text);
    let len = boundaries.len() - 1;
    let lines = text.split('\n').count();
    for f in &report.findings {
        let s = &f.span;
        assert!(
            s.start <= s.end && s.end <= len,
            "{} span {s:?} outside 0..{len}",
            f.rule
        );
        assert!(
            boundaries[s.start] && boundaries[s.end],
            "{} span {s:?} splits a character",
            f.rule
        );
        assert!(
            s.line >= 1 && s.line <= lines && s.column >= 1,
            "{} at {}:{}",
            f.rule,
            s.line,
            s.column
        );
        // The span's text, as JavaScript's slice gives it, starts with the excerpt.
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = words(&common::utf16_slice(text, s.start, s.end));
        let excerpt = words(f.excerpt.trim_end_matches('…'));
        assert!(
            shown.starts_with(&excerpt),
            "{}: {shown:?} vs {excerpt:?}",
            f.rule
        );
    }
    for t in &report.tasks {
        assert!(t.span.end <= len && boundaries[t.span.start] && boundaries[t.span.end]);
    }
    for t in &report.targets {
        assert!(t.span.end <= len && boundaries[t.span.start] && boundaries[t.span.end]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_sound(text in text()) {
        let report = checker().check(&text, &Options::default());
        assert_spans_sound(&text, &report);
    }

    #[test]
    fn the_same_text_gives_the_same_report(text in text()) {
        let c = checker();
        let a = serde_json::to_string(&c.check(&text, &Options::default())).unwrap();
        let b = serde_json::to_string(&checker().check(&text, &Options::default())).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn an_appended_paragraph_keeps_every_finding_about_earlier_tasks(
        plan in proptest::sample::select(vec!["complete.txt", "unassigned-task/flagged.txt", "target-missing-unit/flagged.txt", "target-missing-date/flagged.txt", "no-lead-unit/flagged.txt", "target-not-quantified/flagged.txt"]),
        drop_clause in any::<bool>(),
        words in proptest::collection::vec(proptest::sample::select(vec!["加强", "宣传", "引导", "营造", "良好", "氛围", "，", "。", "各单位", "要", "高度重视", "认真", "落实"]), 1..40),
    ) {
        let mut text = common::read(&common::fixtures().join(plan));
        if drop_clause {
            text = text.replacen("（县市场监管局负责）", "", 1);
        }
        let c = checker();
        let before = c.check(&text, &Options::default());
        let appended = format!("{text}\n{}\n", words.concat());
        let after = c.check(&appended, &Options::default());
        assert_spans_sound(&appended, &after);
        for f in before.findings.iter().filter(|f| {
            matches!(f.rule.as_str(), "unassigned-task" | "no-lead-unit" | "target-missing-unit" | "target-missing-date" | "target-not-quantified")
        }) {
            prop_assert!(
                after.findings.iter().any(|g| g.rule == f.rule && g.span == f.span),
                "{} at {:?} disappeared", f.rule, f.span
            );
        }
    }
}

/// The template's phrase patterns are the regex crate's: any pattern text is compiled or
/// refused with the crate's message, never a panic, and a compiled one searches any text
/// to the end.
mod phrase_patterns {
    use super::*;
    use plancheck::phrases::{compile, Phrases};

    const SYNTAX: &[&str] = &[
        "(", ")", "(?:", "|", "[", "]", "^", "-", "?", "*", "+", "{", "}", "{2}", "{0,3}", ",",
        ".", "\\", "\\d", "\\s", "\\t", "年", "前", "2", "0", "a", "$", "{99999}",
    ];
    const PIECES: &[&str] = &[
        "到",
        "2027",
        "年",
        "月",
        "底",
        "前",
        "\u{3000}",
        "２０２７",
        " ",
        "\t",
        "完成",
        "下达",
        "任务",
        "，",
        "。",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn any_pattern_compiles_or_is_refused_and_any_search_ends(
            pattern in proptest::collection::vec(0..SYNTAX.len(), 0..14),
            picks in proptest::collection::vec(0..PIECES.len(), 0..30),
        ) {
            let pattern: String = pattern.iter().map(|&k| SYNTAX[k]).collect();
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            if let Ok(r) = compile(&pattern) {
                for m in &Phrases::new(vec![r]).matches(&text)[0] {
                    prop_assert!(m.whole.start < m.whole.end && m.whole.end <= text.len());
                }
            }
        }
    }
}

/// The vocabulary's word lists searched in one pass give what a search for each word
/// gives: every label's and count word's occurrences (as `match_indices`), the first
/// roster title and the first administrative prefix (the least of each word's first place).
mod word_lists {
    use super::*;
    use plancheck::compiled::Compiled;

    const PIECES: &[&str] = &[
        "牵头单位",
        "责任单位",
        "配合单位",
        "牵头",
        "单位",
        "负责",
        "：",
        "、",
        "（",
        "）",
        "县市场监管局",
        "县",
        "区",
        "镇",
        "主任",
        "副县长",
        "局长",
        "张三",
        "科技局",
        "，",
        "项重点任务",
        "重点任务",
        "项",
        "条任务",
        "任务",
        "方面",
        "部分",
        "共",
        "12",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn one_pass_finds_what_each_word_alone_does(picks in proptest::collection::vec(0..PIECES.len(), 0..30)) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let template = Template::national();
            let c = Compiled::new(&template).unwrap();
            let hits = c.label_hits(&text);
            let labels: Vec<&String> = c.lead_labels.iter().chain(&c.other_labels).collect();
            prop_assert_eq!(hits.len(), labels.len());
            for (label, found) in labels.iter().zip(&hits) {
                let alone: Vec<usize> = text.match_indices(label.as_str()).map(|(i, _)| i).collect();
                prop_assert_eq!(found, &alone, "{} in {}", label, text);
            }
            let v = &template.vocabulary;
            let words = &v.count_words;
            let counted: Vec<&String> = words.tasks.iter().chain(&words.sections).chain(&words.parts).collect();
            let hits = c.vocabulary_hits(&text).counts;
            prop_assert_eq!(hits.len(), counted.len());
            for (word, found) in counted.iter().zip(&hits) {
                let alone: Vec<usize> = text.match_indices(word.as_str()).map(|(i, _)| i).collect();
                prop_assert_eq!(found, &alone, "{} in {}", word, text);
            }
            let least = |words: &[String]| words.iter().filter_map(|w| text.find(w.as_str())).min();
            prop_assert_eq!(c.first_roster_title(&text), least(&v.roster_titles), "{}", text);
            prop_assert_eq!(c.first_admin_prefix(&text), least(&v.admin_prefixes), "{}", text);
        }
    }
}

/// A heading's category and a collective name, found by one pass of a dictionary, are
/// what a search for each word gives.
mod heading_words {
    use super::*;
    use plancheck::compiled::Compiled;

    const PIECES: &[&str] = &[
        "经济",
        "质量",
        "效益",
        "高质量",
        "产业",
        "竞争",
        "产品",
        "工程",
        "服务",
        "基础设施",
        "质量基础设施",
        "绿色",
        "生态",
        "低碳",
        "安全",
        "保障",
        "治理",
        "体系",
        "共治",
        "民生",
        "提升",
        "（一）",
        "各",
        "乡镇",
        "街道",
        "有关",
        "相关单位",
        "成员单位",
        "县政府",
        "政府",
        "县市场监管局",
        "专班",
        "领导小组",
        "、",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn one_pass_finds_the_category_and_the_collective_each_word_gives(picks in proptest::collection::vec(0..PIECES.len(), 0..8)) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let template = Template::national();
            let c = Compiled::new(&template).unwrap();
            // The category whose word set the heading holds whole with the most characters;
            // the first such category on a tie.
            let mut best: Option<(usize, usize)> = None;
            for (i, category) in template.categories.iter().enumerate() {
                for words in &category.headings {
                    if words.iter().all(|w| text.contains(w.as_str())) {
                        let score: usize = words.iter().map(|w| w.chars().count()).sum();
                        if best.is_none_or(|(_, s)| score > s) {
                            best = Some((i, score));
                        }
                    }
                }
            }
            prop_assert_eq!(c.category_of_heading(&text), best.map(|(i, _)| i), "{}", text);
            let v = &template.vocabulary;
            let collective = v.collective_prefixes.iter().any(|p| text.starts_with(p.as_str()))
                || v.collective_words.iter().any(|w| text.contains(w.as_str()))
                || v.collective_endings.iter().any(|w| text.ends_with(w.as_str()));
            prop_assert_eq!(c.collective(&text), collective, "{}", text);
        }
    }
}
