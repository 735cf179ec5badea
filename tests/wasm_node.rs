//! The wasm API, run in node by wasm-bindgen-test-runner.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use plancheck::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

const PLAN: &str = "二、重点任务\n（一）推动经济质量效益型发展\n1.𠮷培育企业。到2027年，每千人口执业（助理）医师数达3.29。\n";

#[wasm_bindgen_test]
fn check_returns_a_plain_report_object() {
    let report = wasm::check(JsValue::from_str(PLAN), None).unwrap();
    assert_eq!(
        get(&report, "schema").as_string().as_deref(),
        Some("plancheck/report@1")
    );
    let findings = js_sys::Array::from(&get(&report, "findings"));
    let rules: Vec<String> = findings
        .iter()
        .map(|f| get(&f, "rule").as_string().unwrap())
        .collect();
    assert!(rules.contains(&"unassigned-task".to_string()));
    assert!(rules.contains(&"target-missing-unit".to_string()));
    // Missing values are null, not undefined.
    assert!(get(&get(&report, "document"), "title").is_null());
    // UTF-16 offsets, as JavaScript slices them.
    let f = findings
        .iter()
        .find(|f| get(f, "rule").as_string().as_deref() == Some("target-missing-unit"))
        .unwrap();
    let span = get(&f, "span");
    let (s, e) = (
        get(&span, "start").as_f64().unwrap() as u32,
        get(&span, "end").as_f64().unwrap() as u32,
    );
    let sliced = js_sys::JsString::from(PLAN).slice(s, e);
    assert_eq!(String::from(sliced), "每千人口执业（助理）医师数达3.29");
}

#[wasm_bindgen_test]
fn options_filter_findings() {
    let opts =
        js_sys::JSON::parse(r#"{"disable":["unassigned-task"],"minSeverity":"error"}"#).unwrap();
    let report = wasm::check(JsValue::from_str(PLAN), Some(opts.unchecked_into())).unwrap();
    let findings = js_sys::Array::from(&get(&report, "findings"));
    assert!(findings.length() > 0);
    for f in findings.iter() {
        assert_eq!(get(&f, "severity").as_string().as_deref(), Some("error"));
        assert_ne!(
            get(&f, "rule").as_string().as_deref(),
            Some("unassigned-task")
        );
    }
    assert!(wasm::check(
        JsValue::from_str(PLAN),
        Some(JsValue::from_str("nonsense").unchecked_into())
    )
    .is_err());
}

#[wasm_bindgen_test]
fn templates_load_and_bad_ones_name_the_field() {
    let list = js_sys::Array::from(&wasm::templates().unwrap());
    assert_eq!(get(&list.get(0), "horizon").as_f64(), Some(2027.0));
    let json = include_str!("../src/data/national-2024.json")
        .replace("\"horizon\": 2027", "\"horizon\": 2028");
    let checker = wasm::PlanChecker::new(JsValue::from_str(&json)).unwrap();
    let report = checker
        .check(
            JsValue::from_str(PLAN),
            Some(JsValue::NULL.unchecked_into()),
        )
        .unwrap();
    assert_eq!(
        get(&get(&report, "template"), "horizon").as_f64(),
        Some(2028.0)
    );
    let bad = include_str!("../src/data/national-2024.json")
        .replace("\"horizon\": 2027", "\"horizon\": \"soon\"");
    assert!(wasm::PlanChecker::new(JsValue::from_str(&bad)).is_err());
    // The same template as an object.
    let object = js_sys::JSON::parse(&json).unwrap();
    assert!(wasm::PlanChecker::new(object).is_ok());
    assert!(!wasm::version().is_empty());
    assert!(js_sys::Array::from(&wasm::rules().unwrap()).length() >= 13);
}

#[wasm_bindgen_test]
fn markdown_renders_a_report() {
    let md = wasm::report_markdown(
        PLAN.into(),
        "plan.txt".into(),
        None,
        None,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(md.starts_with("# 检查报告"));
    let en = wasm::report_markdown(
        PLAN.into(),
        "plan.txt".into(),
        None,
        Some("en".into()),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(en.starts_with("# Check report: "), "{en}");
    assert!(en.contains("target-missing-unit"));
    assert!(md.contains("target-missing-unit"));
    let opts = js_sys::JSON::parse(r#"{"disable":["target-missing-unit"]}"#).unwrap();
    let md = wasm::report_markdown(
        PLAN.into(),
        "plan.txt".into(),
        Some(opts.unchecked_into()),
        None,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(!md.contains("target-missing-unit"));
}

#[wasm_bindgen_test]
fn markdown_lists_what_the_reviewer_set_aside_apart() {
    let report = wasm::check(PLAN.into(), None).unwrap();
    let finding = get(&get(&report, "findings"), "0");
    let span = get(&finding, "span");
    let decisions = js_sys::JSON::parse(&format!(
        r#"{{"dismissed":[{{"rule":{},"message":{},"start":{},"end":{},"status":"已说明","reason":"见附件"}}]}}"#,
        js_sys::JSON::stringify(&get(&finding, "rule")).unwrap(),
        js_sys::JSON::stringify(&get(&finding, "message")).unwrap(),
        get(&span, "start").as_f64().unwrap(),
        get(&span, "end").as_f64().unwrap(),
    ))
    .unwrap();
    let md = wasm::report_markdown(PLAN.into(), "plan.txt".into(), None, None, decisions).unwrap();
    assert!(md.contains("## 审核人已搁置（1）"), "{md}");
    assert!(md.contains("（已说明：见附件）"), "{md}");
    let bad = wasm::report_markdown(PLAN.into(), "plan.txt".into(), None, None, JsValue::from(3))
        .unwrap_err();
    assert!(bad.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn malformed_options_are_refused_with_a_reason() {
    for (json, why) in [
        (r#"{"disable":"no-lead-unit"}"#, "disable"),
        (r#"{"disable":[1]}"#, "disable"),
        (r#"{"minSeverity":"fatal"}"#, "minSeverity"),
        (r#"3"#, "object"),
        (r#"{"disabled":["no-lead-unit"]}"#, "disabled"),
        (
            r#"{"disable":["target-misisng-unit"]}"#,
            "unknown rule id \"target-misisng-unit\"",
        ),
    ] {
        let opts = js_sys::JSON::parse(json).unwrap();
        let err = wasm::check(JsValue::from_str(PLAN), Some(opts.unchecked_into())).unwrap_err();
        let message = String::from(js_sys::Error::from(err).message());
        assert!(message.contains(why), "{json}: {message}");
    }
}

#[wasm_bindgen_test]
fn a_text_that_is_not_a_string_is_a_type_error() {
    for value in [
        JsValue::UNDEFINED,
        JsValue::from_f64(3.0),
        js_sys::Object::new().into(),
    ] {
        let err = wasm::check(value, None).unwrap_err();
        assert!(err.is_instance_of::<js_sys::TypeError>());
    }
}

#[wasm_bindgen_test]
fn every_export_refuses_a_wrong_argument_with_a_type_error() {
    let wrong = [
        JsValue::from_f64(3.0),
        js_sys::Object::new().into(),
        JsValue::from(js_sys::Symbol::for_("x")),
        JsValue::bigint_from_str("7"),
    ];
    for value in wrong.iter().cloned() {
        let err = wasm::report_markdown(value.clone(), "a".into(), None, None, JsValue::UNDEFINED)
            .unwrap_err();
        assert!(err.is_instance_of::<js_sys::TypeError>());
        let err = wasm::report_markdown(PLAN.into(), value.clone(), None, None, JsValue::UNDEFINED)
            .unwrap_err();
        assert!(err.is_instance_of::<js_sys::TypeError>());
    }
    for value in [
        JsValue::from_f64(3.0),
        JsValue::UNDEFINED,
        js_sys::Array::new().into(),
    ] {
        let err = wasm::PlanChecker::new(value).err().unwrap();
        assert!(err.is_instance_of::<js_sys::TypeError>());
    }
    // The national checker still works.
    assert!(wasm::check(JsValue::from_str(PLAN), None).is_ok());
}

#[wasm_bindgen_test]
fn a_hostile_template_is_refused_and_every_checker_still_works() {
    // Nested five thousand deep, as text and as an object.
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let nested = format!(
        r#"{{"id":"x","name":"x","horizon":2027,"parts":{deep},"categories":[],"indicators":[]}}"#
    );
    assert!(wasm::PlanChecker::new(JsValue::from_str(&nested)).is_err());
    let object = js_sys::JSON::parse(&nested).unwrap();
    assert!(wasm::PlanChecker::new(object).is_err());
    // A bad pattern is refused with the crate's message, naming the field.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    v["vocabulary"] = serde_json::from_str(include_str!("../src/data/vocabulary.json")).unwrap();
    v["vocabulary"]["deadlines"][0] = "(到".into();
    let err = wasm::PlanChecker::new(JsValue::from_str(&v.to_string()))
        .err()
        .unwrap();
    let message = String::from(js_sys::Error::from(err).message());
    assert!(message.contains("vocabulary.deadlines[0]"), "{message}");
    // An unknown key, named.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    v["colour"] = "red".into();
    let err = wasm::PlanChecker::new(js_sys::JSON::parse(&v.to_string()).unwrap())
        .err()
        .unwrap();
    let message = String::from(js_sys::Error::from(err).message());
    assert!(message.contains("colour"), "{message}");
    // Every checker still works.
    assert!(wasm::check(JsValue::from_str(PLAN), None).is_ok());
    let json = include_str!("../src/data/national-2024.json");
    let fresh = wasm::PlanChecker::new(JsValue::from_str(json)).unwrap();
    assert!(fresh.check(JsValue::from_str(PLAN), None).is_ok());
}
