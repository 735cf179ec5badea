//! Bad and odd input: never a panic, spans always inside the text and on character
//! boundaries, offsets in UTF-16 as JavaScript counts them.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, count, fixtures, read, utf16_slice};
use plancheck::{decode, InputError, Report, Template};

fn assert_sane(text: &str, r: &Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    let spans = r
        .findings
        .iter()
        .map(|f| &f.span)
        .chain(r.tasks.iter().map(|t| &t.span))
        .chain(r.targets.iter().map(|t| &t.span))
        .chain(r.document.parts.iter().map(|p| &p.span));
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= len,
            "span {s:?} outside a text of {len} units"
        );
        assert!(s.line >= 1 && s.column >= 1);
        // Must not split a surrogate pair.
        let lone = |i: usize| units.get(i).is_some_and(|u| (0xDC00..0xE000).contains(u));
        assert!(
            !lone(s.start) && !lone(s.end),
            "span {s:?} splits a surrogate pair"
        );
    }
}

#[test]
fn empty_and_blank_texts() {
    for text in ["", " ", "\n\n\n", "\u{feff}", "\t\r\n\u{3000}"] {
        let r = check(text);
        assert_eq!(r.document.kind.as_str(), "not-a-plan");
        assert_eq!(count(&r, "not-a-plan"), 1);
        assert_eq!(r.findings.len(), 1, "{text:?}: {:#?}", r.findings);
        assert_sane(text, &r);
    }
}

#[test]
fn offsets_count_utf16_units_outside_the_bmp() {
    let text = "𠮷𠮷😀 说明\n二、重点任务\n（一）推动经济质量效益型发展\n1.𠮷培育企业。到2027年，每千人口执业（助理）医师数达3.29。\n";
    let r = check(text);
    let f = r.of_rule("target-missing-unit").next().expect("flagged");
    assert_eq!(
        utf16_slice(text, f.span.start, f.span.end),
        "每千人口执业（助理）医师数达3.29"
    );
    assert_eq!(f.span.line, 4);
    let line4 = text.lines().nth(3).unwrap();
    let col = line4
        .find("每千")
        .map(|b| line4[..b].chars().count() + 1)
        .unwrap();
    assert_eq!(f.span.column, col);
    let task = r.of_rule("unassigned-task").next().expect("flagged");
    assert_eq!(
        utf16_slice(text, task.span.start, task.span.end),
        "1.𠮷培育企业"
    );
}

#[test]
fn crlf_and_bom_give_the_same_findings() {
    let text = read(&fixtures().join("unassigned-task/flagged.txt"));
    let base = check(&text);
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let r = check(&crlf);
    assert_eq!(base.findings.len(), r.findings.len());
    for (a, b) in base.findings.iter().zip(&r.findings) {
        assert_eq!(
            (&a.rule, &a.excerpt, a.span.line),
            (&b.rule, &b.excerpt, b.span.line)
        );
    }
    assert_sane(&crlf, &r);
}

#[test]
fn a_large_paste_is_checked_in_full() {
    let plan = read(&fixtures().join("complete.txt"));
    let mut text = String::new();
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(&plan);
    }
    let r = check(&text);
    assert!(r.summary.tasks > 1000);
    assert_sane(&text, &r);
}

#[test]
fn pathological_lines() {
    let cases = [
        "1".repeat(200_000),
        "（".repeat(100_000),
        "（".repeat(50_000) + &"）".repeat(50_000),
        "二、重点任务\n".to_string() + &"1.\n".repeat(100_000),
        "二、重点任务\n（一）提升\n".to_string() + &"达".repeat(300_000) + "98",
        "一、\n（一）\n1.\n（1）\n①\n".repeat(10_000),
        "a\n".repeat(100_000),
    ];
    for text in cases {
        let r = check(&text);
        assert_sane(&text, &r);
    }
}

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn random_bytes_and_random_plan_fragments() {
    let mut rng = Lcg(7);
    for _ in 0..200 {
        let len = (rng.next() % 2000) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        match decode(&bytes) {
            Ok(text) => assert_sane(text, &check(text)),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
        let lossy = String::from_utf8_lossy(&bytes);
        assert_sane(&lossy, &check(&lossy));
    }
    // Shuffled pieces of a real-looking plan.
    let plan = read(&fixtures().join("complete.txt"));
    let chars: Vec<char> = plan.chars().collect();
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(rng.next() % 30) {
            let a = (rng.next() as usize) % chars.len();
            let b = (a + (rng.next() as usize) % 60).min(chars.len());
            s.extend(&chars[a..b]);
        }
        assert_sane(&s, &check(&s));
    }
}

#[test]
fn input_errors_are_clear() {
    assert!(matches!(
        decode(b"\xff\xfe\x00a"),
        Err(InputError::NotUtf8 { offset: 0 })
    ));
    assert!(matches!(decode(b"text\0more"), Err(InputError::Binary)));
    let big = vec![b'a'; plancheck::MAX_INPUT_BYTES + 1];
    let e = decode(&big).unwrap_err();
    assert!(e.to_string().contains("largest text"));
    assert_eq!(decode("\u{feff}一、".as_bytes()), Ok("\u{feff}一、"));
}

#[test]
fn the_embedded_files_load_and_every_pattern_compiles() {
    let t = Template::national();
    assert_eq!(t.horizon, 2027);
    assert_eq!(t.categories.len(), 7);
    assert!(t.indicators.len() >= 40);
    plancheck::Checker::new(t).expect("compiles");
}

#[test]
fn a_bad_template_names_the_field() {
    let good: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    let cases: Vec<(serde_json::Value, &str)> = vec![
        (
            {
                let mut v = good.clone();
                v["horizon"] = "2027".into();
                v
            },
            "horizon",
        ),
        (
            {
                let mut v = good.clone();
                v["categories"][2]["id"] = "".into();
                v
            },
            "categories[2].id",
        ),
        (
            {
                let mut v = good.clone();
                v["indicators"][3]["category"] = "nope".into();
                v
            },
            "indicators[3].category",
        ),
        (
            {
                let mut v = good.clone();
                v["indicators"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("aliases");
                v
            },
            "indicators[0]",
        ),
        (
            {
                let mut v = good.clone();
                v["colour"] = "red".into();
                v
            },
            "colour",
        ),
    ];
    for (json, field) in cases {
        let e = Template::from_json(&json.to_string()).unwrap_err();
        assert!(e.to_string().contains(field), "{field}: {e}");
    }
    let mut v = good.clone();
    v["vocabulary"] = serde_json::from_str(include_str!("../src/data/vocabulary.json")).unwrap();
    v["vocabulary"]["deadlines"][0] = "(到".into();
    // A pattern is checked where it is compiled, once: by the checker.
    let template = Template::from_json(&v.to_string()).unwrap();
    let Err(e) = plancheck::Checker::new(template) else {
        panic!("a broken pattern is refused");
    };
    assert!(e.to_string().contains("vocabulary.deadlines[0]"), "{e}");
    assert!(Template::from_json("not json").is_err());
}

#[test]
fn hostile_templates_are_refused_or_read_in_bounded_work() {
    let good: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    let vocabulary: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/vocabulary.json")).unwrap();

    // Sixty thousand categories (within the size limit) are validated in linear time.
    let mut many = good.clone();
    let list: Vec<serde_json::Value> = (0..60_000)
        .map(|i| serde_json::json!({"id": format!("c{i}"), "name": "类", "headings": [["质量"]]}))
        .collect();
    many["categories"] = list.into();
    many["indicators"] = serde_json::Value::Array(Vec::new());
    let started = std::time::Instant::now();
    let read = Template::from_json(&many.to_string());
    assert!(read.is_ok(), "{:?}", read.err());
    assert!(started.elapsed() < std::time::Duration::from_secs(20));

    // Unit synonyms that would grow a name with each pass, or an empty long form.
    for pair in [["局", "局局"], ["", "局"]] {
        let mut v = good.clone();
        v["vocabulary"] = vocabulary.clone();
        let synonyms = v["vocabulary"]["unit_synonyms"].as_array_mut().unwrap();
        for _ in 0..40 {
            synonyms.push(serde_json::json!(pair));
        }
        let e = Template::from_json(&v.to_string()).unwrap_err();
        assert!(e.to_string().contains("vocabulary.unit_synonyms["), "{e}");
    }

    // A deadline pattern that could run to the end of the line from every start stays
    // linear: each attempt reads a bounded window.
    let mut v = good.clone();
    v["vocabulary"] = vocabulary.clone();
    v["vocabulary"]["deadlines"]
        .as_array_mut()
        .unwrap()
        .push("年.*前".into());
    let greedy = Template::from_json(&v.to_string()).unwrap();
    let text = format!(
        "二、重点任务\n（一）推动经济质量效益型发展\n1.推进。{}\n",
        "年".repeat(40_000)
    );
    let started = std::time::Instant::now();
    let _ = plancheck::check(&text, &greedy, &plancheck::Options::default());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );

    // A byte-order mark is read past; trailing garbage and an oversized file are not.
    let json = good.to_string();
    assert!(Template::from_json(&format!("\u{feff}{json}")).is_ok());
    assert!(Template::from_json(&format!("{json} trailing")).is_err());
    let huge = format!(
        "{json}{}",
        " ".repeat(plancheck::template::MAX_TEMPLATE_BYTES)
    );
    let e = Template::from_json(&huge).unwrap_err();
    assert!(e.to_string().contains("largest"), "{e}");
}

/// A template written before a vocabulary list existed reads that list from the built-in
/// vocabulary, and the checker finds the same as with the full vocabulary.
#[test]
fn a_vocabulary_without_the_newer_lists_falls_back_to_the_builtin_ones() {
    let mut template: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    let mut vocabulary: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/vocabulary.json")).unwrap();
    let newer = [
        "title_verbs",
        "admin_prefixes",
        "table_headers",
        "time_words",
    ];
    for key in newer {
        vocabulary.as_object_mut().unwrap().remove(key);
    }
    template["vocabulary"] = vocabulary;
    let read = Template::from_json(&template.to_string()).unwrap();
    let builtin = plancheck::template::Vocabulary::builtin();
    assert_eq!(read.vocabulary.title_verbs, builtin.title_verbs);
    assert_eq!(read.vocabulary.admin_prefixes, builtin.admin_prefixes);
    assert_eq!(read.vocabulary.table_headers, builtin.table_headers);
    assert_eq!(read.vocabulary.time_words, builtin.time_words);
    assert!(!read.vocabulary.time_words.is_empty());
    assert_eq!(read.vocabulary.count_words.tasks, builtin.count_words.tasks);
    assert!(!read.vocabulary.count_words.parts.is_empty());
}

/// The attachments part starts at a line beginning with the template's own heading words
/// for it: a province's template that calls them 附表 is read so.
#[test]
fn the_attachments_part_starts_at_the_templates_words() {
    let text = "一、工作目标\n到2027年，质量效益明显提升。\n二、重点任务\n1.培育高新技术企业。（县科技局负责）\n附表1\n责任分工表\n";
    let kinds = |template: Template| -> Vec<String> {
        plancheck::Checker::new(template)
            .unwrap()
            .check(text, &plancheck::Options::default())
            .document
            .parts
            .iter()
            .map(|p| p.kind.as_str().to_string())
            .collect()
    };
    assert!(!kinds(Template::national()).contains(&"attachments".to_string()));
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    for part in json["parts"].as_array_mut().unwrap() {
        if part["kind"] == "attachments" {
            part["headings"] = serde_json::json!(["附表"]);
        }
    }
    let province = Template::from_json(&json.to_string()).unwrap();
    assert!(kinds(province).contains(&"attachments".to_string()));
}

/// A template's lists at the size limit load in linear time, and any text is checked with
/// them in bounded time: measure units and unit suffixes by the hundred thousand, category
/// headings by the hundred thousand. What exceeds a limit is refused naming it.
#[test]
fn a_templates_work_is_bounded_by_its_size() {
    let good: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    let vocabulary: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/vocabulary.json")).unwrap();
    let text = include_str!("fixtures/complete.txt");
    let timed = |what: &str, v: &serde_json::Value| {
        let started = std::time::Instant::now();
        let result = Template::from_json(&v.to_string()).and_then(plancheck::Checker::new);
        if let Ok(checker) = &result {
            let _ = checker.check(text, &plancheck::Options::default());
        }
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "{what}: {took:?}");
        result.map(|_| ())
    };
    // 200,000 measure units and 200,000 unit suffixes, each distinct: refused, naming the
    // field and the limit; at the limit, read and checked with in bounded time.
    for field in ["measure_units", "unit_suffixes"] {
        for (n, refused) in [(200_000, true), (plancheck::template::MAX_WORDS, false)] {
            let mut v = good.clone();
            v["vocabulary"] = vocabulary.clone();
            let list: Vec<serde_json::Value> = (0..n).map(|i| format!("单{i}").into()).collect();
            v["vocabulary"][field] = list.into();
            match timed(field, &v) {
                Err(e) => {
                    assert!(refused, "{field} × {n}: {e}");
                    let e = e.to_string();
                    assert!(
                        e.contains(&format!("vocabulary.{field}")) && e.contains("at most"),
                        "{e}"
                    );
                }
                Ok(()) => assert!(!refused, "{field} × {n} was read"),
            }
        }
    }
    // 150,000 category headings, each distinct: refused; 60,000 categories of one shared
    // heading read (above).
    let mut v = good.clone();
    let headings: Vec<serde_json::Value> = (0..150_000)
        .map(|i| serde_json::json!([format!("标题{i}")]))
        .collect();
    v["categories"][0]["headings"] = headings.into();
    let e = timed("category headings", &v).unwrap_err().to_string();
    assert!(
        e.contains("categories[0].headings") && e.contains("at most"),
        "{e}"
    );
    // 2,500 patterns `.{19999}`: refused at once, naming the field and the limit.
    let mut v = good.clone();
    v["vocabulary"] = vocabulary.clone();
    let patterns: Vec<serde_json::Value> = (0..2_500).map(|_| ".{19999}".into()).collect();
    v["vocabulary"]["deadlines"] = patterns.into();
    let e = timed("patterns", &v).unwrap_err();
    assert!(e.to_string().contains("vocabulary.deadlines"), "{e}");
    // One pattern that would make every search of a line slow, and one that would take
    // long to compile: refused or bounded.
    for pattern in ["(?:.?){9999}X", "(?:.?){100}X", "年(?:){4294967295}"] {
        let mut v = good.clone();
        v["vocabulary"] = vocabulary.clone();
        v["vocabulary"]["deadlines"][0] = pattern.into();
        let _ = timed(pattern, &v);
    }
    // The national checker still works afterwards.
    assert!(plancheck::check(text, &Template::national(), &plancheck::Options::default()).is_ok());
}
