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
    let report = check(text, template_json)?;
    feedback_docx(
        &[(name.to_string(), text, report, decisions)],
        by.name,
        by.date,
    )
}

/// The reviewer's decisions from their JSON (`{"dismissed": [...], "comments": [...]}`).
pub fn decisions(json: &str) -> Result<Decisions, String> {
    if json.trim().is_empty() {
        return Ok(Decisions::default());
    }
    serde_json::from_str(json).map_err(|e| format!("plancheck: bad decisions: {e}"))
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
    /// the reviewer (审核意见 when unnamed); its error as a JavaScript `Error`.
    fn write(
        decisions: &JsValue,
        reviewer: &str,
        date: &str,
        writer: impl FnOnce(plancheck::handback::Decisions, &Reviewer<'_>) -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, JsValue> {
        let by = Reviewer {
            name: if reviewer.trim().is_empty() {
                "审核意见"
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
}
