//! The draft handed back, as a WebAssembly module of its own: the page loads it only when
//! a reviewer exports, so that neither the checker's module nor the page's first load
//! grows. Each function checks the text against the template the page's checker uses
//! (the national one, or a province's given as JSON) and writes a Word document.

use plancheck::docx::annotate::Reviewer;
use plancheck::handback::{annotated_docx, annotated_text, feedback_docx, Decisions};
use plancheck::{text_of, Checker, Options, Report, Template};

/// The template to check against: a province's JSON when given, else the national one.
fn template(json: Option<&str>) -> Result<Template, String> {
    match json.filter(|j| !j.trim().is_empty()) {
        Some(j) => Template::from_json(j).map_err(|e| format!("template: {e}")),
        None => Ok(Template::national()),
    }
}

fn check(text: &str, template_json: Option<&str>) -> Result<Report, String> {
    plancheck::within_limit(text.len()).map_err(|e| e.to_string())?;
    let checker = Checker::new(template(template_json)?).map_err(|e| e.to_string())?;
    Ok(checker.check(text, &Options::default()))
}

/// A Word draft (`.docx` bytes) with the findings and the reviewer's comments as 批注.
pub fn returned_docx(
    bytes: &[u8],
    decisions: &Decisions,
    by: &Reviewer<'_>,
    template_json: Option<&str>,
) -> Result<Vec<u8>, String> {
    let (text, _) = text_of(bytes).map_err(|e| e.to_string())?;
    let report = check(&text, template_json)?;
    annotated_docx(bytes, &report, decisions, by)
}

/// A pasted draft as a new Word document with the findings and the reviewer's comments
/// as 批注.
pub fn returned_text(
    text: &str,
    decisions: &Decisions,
    by: &Reviewer<'_>,
    template_json: Option<&str>,
) -> Result<Vec<u8>, String> {
    let report = check(text, template_json)?;
    annotated_text(text, &report, decisions, by)
}

/// A 意见反馈表 for one draft, named `name` where it has no title.
pub fn feedback_form(
    text: &str,
    name: &str,
    decisions: Decisions,
    by: &Reviewer<'_>,
    template_json: Option<&str>,
) -> Result<Vec<u8>, String> {
    plancheck::handback::check_date(by.date)?;
    plancheck::handback::check_decisions(text, &decisions)?;
    let report = check(text, template_json)?;
    feedback_docx(
        &[(name.to_string(), text, report, decisions)],
        by.name,
        by.date,
    )
}

/// The reviewer's decisions from their JSON (`{"dismissed": [...], "comments": [...]}`).
/// A lone surrogate (`\ud800` with no partner, which JavaScript's strings may hold and
/// its `JSON.stringify` writes) is read as U+FFFD: the comment is kept, the character
/// replaced.
pub fn decisions(json: &str) -> Result<Decisions, String> {
    if json.trim().is_empty() {
        return Ok(Decisions::default());
    }
    serde_json::from_str(&without_lone_surrogates(json))
        .map_err(|e| format!("plancheck: bad decisions: {e}"))
}

/// JSON text with each `\uXXXX` escape of a surrogate that has no partner written as
/// `\ufffd`.
fn without_lone_surrogates(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.contains("\\ud") && !json.contains("\\uD") {
        return std::borrow::Cow::Borrowed(json);
    }
    // The escapes in order, each as (byte offset, code unit); an escaped backslash is no
    // escape's start.
    let b = json.as_bytes();
    let mut escapes: Vec<(usize, u32)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            if b.get(i + 1) == Some(&b'u') {
                let unit = json
                    .get(i + 2..i + 6)
                    .and_then(|h| u32::from_str_radix(h, 16).ok());
                if let Some(unit) = unit {
                    escapes.push((i, unit));
                }
                i += 6;
            } else {
                i += 2;
            }
            continue;
        }
        i += 1;
    }
    let high = |u: u32| (0xd800..0xdc00).contains(&u);
    let low = |u: u32| (0xdc00..0xe000).contains(&u);
    let mut lone: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < escapes.len() {
        let (at, unit) = escapes[k];
        let next = escapes.get(k + 1).filter(|(n, _)| *n == at + 6);
        if high(unit) && next.is_some_and(|&(_, u)| low(u)) {
            k += 2;
            continue;
        }
        if high(unit) || low(unit) {
            lone.push(at);
        }
        k += 1;
    }
    if lone.is_empty() {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    let mut from = 0;
    for at in lone {
        out.push_str(&json[from..at]);
        out.push_str("\\ufffd");
        from = at + 6;
    }
    out.push_str(&json[from..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    use plancheck::docx::annotate::Reviewer;

    #[wasm_bindgen(typescript_custom_section)]
    const TYPES: &str = r#"
/** What a reviewer decided beside the findings: UTF-16 spans into the text checked. */
export interface Decisions {
  dismissed?: { rule: string; message?: string; start: number; end: number; status: "不适用" | "已说明"; reason: string }[];
  comments?: { start: number; end: number; text: string }[];
}
"#;

    fn decisions(value: &JsValue) -> Result<plancheck::handback::Decisions, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Default::default());
        }
        let json = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        super::decisions(&json).map_err(|e| JsError::new(&e).into())
    }

    /// One of the writers below, given the reviewer's decisions read from JavaScript and
    /// the reviewer (审核人 when unnamed); its error as a JavaScript `Error`.
    fn write(
        decisions: &JsValue,
        reviewer: &str,
        date: &str,
        writer: impl FnOnce(plancheck::handback::Decisions, &Reviewer<'_>) -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, JsValue> {
        let by = Reviewer {
            name: if reviewer.trim().is_empty() {
                "审核人"
            } else {
                reviewer
            },
            date,
        };
        writer(self::decisions(decisions)?, &by).map_err(|e| JsError::new(&e).into())
    }

    /// The Word draft (`.docx` bytes) with the findings and the reviewer's comments as 批注
    /// (author `reviewer`, dated `date`, as 2026-11-26); findings set aside are left out.
    /// `template`: a province's template as JSON (default: the national one).
    #[wasm_bindgen(js_name = returnedDocx)]
    pub fn returned_docx(
        bytes: &[u8],
        #[wasm_bindgen(unchecked_param_type = "Decisions | undefined")] decisions: JsValue,
        reviewer: &str,
        date: &str,
        template: Option<String>,
    ) -> Result<Vec<u8>, JsValue> {
        write(&decisions, reviewer, date, |d, by| {
            super::returned_docx(bytes, &d, by, template.as_deref())
        })
    }

    /// A pasted draft as a new Word document, a paragraph a line, with the 批注.
    #[wasm_bindgen(js_name = returnedText)]
    pub fn returned_text(
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "Decisions | undefined")] decisions: JsValue,
        reviewer: &str,
        date: &str,
        template: Option<String>,
    ) -> Result<Vec<u8>, JsValue> {
        write(&decisions, reviewer, date, |d, by| {
            super::returned_text(text, &d, by, template.as_deref())
        })
    }

    /// A 意见反馈表 (.docx) for the draft: a row per finding and per reviewer's comment.
    #[wasm_bindgen(js_name = feedbackForm)]
    pub fn feedback_form(
        text: &str,
        name: &str,
        #[wasm_bindgen(unchecked_param_type = "Decisions | undefined")] decisions: JsValue,
        reviewer: &str,
        date: &str,
        template: Option<String>,
    ) -> Result<Vec<u8>, JsValue> {
        write(&decisions, reviewer, date, |d, by| {
            super::feedback_form(text, name, d, by, template.as_deref())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_province_template_is_the_one_the_comments_come_from() {
        let text = include_str!("../../tests/fixtures/complete.txt");
        let by = Reviewer {
            name: "市局审核",
            date: "2026-11-26",
        };
        let comments = |template: Option<&str>| {
            let bytes =
                returned_text(text, &Decisions::default(), &by, template).unwrap_or_default();
            plancheck::docx::read(&bytes).map_or(usize::MAX, |d| d.comments.len())
        };
        assert_eq!(comments(None), 0, "the fixture plan is complete");
        // A province whose plans run to 2030: the plan's 2027 is now a finding.
        let province = include_str!("../../src/data/national-2024.json").replacen(
            "\"horizon\": 2027",
            "\"horizon\": 2030",
            1,
        );
        assert!(comments(Some(&province)) > 0);
        assert!(returned_text(text, &Decisions::default(), &by, Some("{")).is_err());
    }

    #[test]
    fn decisions_read_from_json() {
        let d = decisions(
            r#"{"dismissed":[{"rule":"unassigned-task","start":3,"end":9,"status":"不适用","reason":"由县政府统筹"}],"comments":[{"start":0,"end":2,"text":"请补充"}]}"#,
        )
        .unwrap_or_default();
        assert_eq!(d.dismissed.len(), 1);
        assert_eq!(d.dismissed[0].reason, "由县政府统筹");
        assert_eq!(d.comments[0].text, "请补充");
        assert!(decisions("{\"dismissed\": 3}").is_err());
        assert!(decisions("").is_ok_and(|d| d.dismissed.is_empty()));
    }

    /// Odd text, spans and dates from a page: a lone surrogate replaced and exported, a
    /// span that points nowhere or a date that is no day refused with a message.
    #[test]
    fn the_hand_back_survives_odd_text_and_refuses_what_points_nowhere() {
        let by = Reviewer {
            name: "市局",
            date: "2026-11-26",
        };
        let text = "二、重点任务\n（一）推动经济质量效益型发展\n1.培育企业。\n";
        // As JavaScript's JSON.stringify writes a lone surrogate; a pair stays a pair.
        let d =
            decisions(r#"{"comments":[{"start":0,"end":2,"text":"请\ud800补充\ud83d\ude00"}]}"#)
                .expect("read");
        assert_eq!(d.comments[0].text, "请\u{fffd}补充😀");
        assert!(returned_text(text, &d, &by, None).is_ok());
        for json in [
            r#"{"comments":[{"start":5,"end":2,"text":"反"}]}"#,
            r#"{"comments":[{"start":0,"end":9999,"text":"远"}]}"#,
        ] {
            let d = decisions(json).expect("read");
            let e = returned_text(text, &d, &by, None).unwrap_err();
            assert!(e.contains("span"), "{e}");
        }
        for date in ["2026-13-01", "2026-02-30", "明天", "2026-1-1"] {
            let odd = Reviewer {
                name: "市局", date
            };
            let e = returned_text(text, &Decisions::default(), &odd, None).unwrap_err();
            assert!(e.contains(date), "{e}");
        }
    }

    /// A draft with thousands of findings: at most 500 批注, the last saying how many more
    /// the 意见反馈表 lists.
    #[test]
    fn comments_are_capped_with_one_that_says_how_many_more() {
        let mut text = String::from("二、重点任务\n");
        for section in ["一", "二", "三", "四", "五", "六"] {
            text.push_str(&format!("（{section}）推动经济质量效益型发展\n"));
            for k in 1..=99 {
                text.push_str(&format!("{k}.培育企业{k}。\n"));
            }
        }
        let by = Reviewer {
            name: "市局",
            date: "2026-11-26",
        };
        let bytes = returned_text(&text, &Decisions::default(), &by, None).expect("written");
        let doc = plancheck::docx::read(&bytes).expect("read back");
        assert_eq!(doc.comments.len(), plancheck::handback::MAX_COMMENTS);
        let last = &doc.comments[doc.comments.len() - 1].text;
        assert!(
            last.contains("另有") && last.contains("意见反馈表"),
            "{last}"
        );
    }
}
