//! The WebAssembly edge: converts JavaScript values to and from the core's, nothing more.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::report::TemplateInfo;
use crate::{render, rules, Checker, Options, Severity, Template, MAX_INPUT_BYTES};

// The report's and the template's types, generated from the Rust types (`make generate`).
#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("../npm/schema/types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = r#"
export interface CheckOptions { disable?: string[]; minSeverity?: Severity; }
export interface RuleInfo { id: string; severity: Severity; summary: string; about: string; }
export interface Decisions {
  dismissed?: { rule: string; message?: string; start: number; end: number; status: string; reason: string }[];
  comments?: { start: number; end: number; text: string }[];
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);

    /// `CheckOptions` from JavaScript, optional in every signature.
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type JsCheckOptions;
}

/// Installs a panic hook that reports the panic on the console, so a fault is visible
/// rather than a silently dead checker.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("plancheck: internal error: {info}"));
    }));
}

thread_local! {
    static NATIONAL: RefCell<Option<Checker>> = const { RefCell::new(None) };
}

/// A value to JavaScript: serde's derived serializer, maps as plain objects, a missing
/// value as `null` — the JSON the CLI writes, as objects.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("plancheck: cannot convert the report: {e}")).into())
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(&format!("plancheck: {message}")).into()
}

/// The options, typed: an unknown key or rule id is a `TypeError` naming it.
fn options(value: Option<JsCheckOptions>) -> Result<Options, JsValue> {
    let Some(value) = value
        .map(JsValue::from)
        .filter(|v| !v.is_undefined() && !v.is_null())
    else {
        return Ok(Options::default());
    };
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(type_error("bad options: expected an object"));
    }
    // The typed reading reads the fields it knows; a misspelled one is named here.
    const KNOWN: [&str; 2] = ["disable", "minSeverity"];
    if let Some(key) = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .find(|k| !KNOWN.contains(&k.as_str()))
    {
        return Err(type_error(&format!(
            "bad options: unknown key \"{key}\"; known: {}",
            KNOWN.join(", ")
        )));
    }
    let options: Options =
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value))
            .map_err(|e| type_error(&format!("bad options: {}: {}", e.path(), e.inner())))?;
    options.validated().map_err(|e| type_error(&e))
}

fn too_large(text: &str) -> Result<(), JsValue> {
    crate::within_limit(text.len()).map_err(|_| {
        JsError::new(&format!(
            "文本过大（{} 字节），最多检查 {MAX_INPUT_BYTES} 字节",
            text.len()
        ))
        .into()
    })
}

/// The report as JSON text, by serde's derive: what `check` parses, and what a worker
/// posts to the page as it is (a string crosses at once and is read only when wanted).
fn report_json(
    checker: &Checker,
    text: &str,
    opts: Option<JsCheckOptions>,
) -> Result<String, JsValue> {
    too_large(text)?;
    serde_json::to_string(&checker.check(text, &options(opts)?))
        .map_err(|e| JsError::new(&format!("plancheck: cannot convert the report: {e}")).into())
}

// Measured in Chromium against serde-wasm-bindgen's serializer: the same time on a 29 KB
// plan and on a 1 MB one; the text also serves the worker, which posts it unread.
fn run(checker: &Checker, text: &str, opts: Option<JsCheckOptions>) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&report_json(checker, text, opts)?)
}

fn markdown(
    checker: &Checker,
    text: &str,
    name: &str,
    opts: Option<JsCheckOptions>,
    lang: Option<String>,
    decisions: JsValue,
) -> Result<String, JsValue> {
    too_large(text)?;
    let lang = render::Lang::of(lang.as_deref().unwrap_or("zh-CN"));
    let decisions: crate::review::Decisions = if decisions.is_undefined() || decisions.is_null() {
        Default::default()
    } else {
        serde_wasm_bindgen::from_value(decisions)
            .map_err(|e| js_sys::TypeError::new(&format!("plancheck: the decisions: {e}")))?
    };
    let report = checker.check(text, &options(opts)?);
    Ok(render::markdown_reviewed(name, &report, lang, &decisions))
}

fn with_national<T>(f: impl FnOnce(&Checker) -> Result<T, JsValue>) -> Result<T, JsValue> {
    NATIONAL.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            let checker = Checker::new(Template::national())
                .map_err(|e| JsValue::from(JsError::new(&e.to_string())))?;
            *slot = Some(checker);
        }
        match slot.as_ref() {
            Some(checker) => f(checker),
            None => Err(JsError::new("plancheck: no template").into()),
        }
    })
}

/// A string argument, or a `TypeError` naming it (not a report on "undefined", nor a
/// fault in the module).
fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| type_error(&format!("{what} must be a string")))
}

/// Checks a plan against the national template.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsCheckOptions>,
) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "the text to check")?;
    with_national(|checker| run(checker, &text, options))
}

/// `check`'s report as JSON text, for a worker to post to its page unread.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsCheckOptions>,
) -> Result<String, JsValue> {
    let text = string_arg(&text, "the text to check")?;
    with_national(|checker| report_json(checker, &text, options))
}

/// The national template's report on a plan, as Markdown for a review memo; `name` heads
/// it; its own words in English when `lang` is `en` (the findings' messages as written);
/// with a reviewer's `decisions`, what they kept is counted and what they set aside listed
/// apart.
#[wasm_bindgen(js_name = reportMarkdown)]
pub fn report_markdown(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    options: Option<JsCheckOptions>,
    lang: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "Decisions | undefined")] decisions: JsValue,
) -> Result<String, JsValue> {
    let text = string_arg(&text, "the text to check")?;
    let name = string_arg(&name, "the report's name")?;
    with_national(|checker| markdown(checker, &text, &name, options, lang, decisions))
}

/// A checker for a template given as an object or as JSON text (a province's variant).
#[wasm_bindgen]
pub struct PlanChecker {
    inner: Checker,
}

#[wasm_bindgen]
impl PlanChecker {
    /// Loads a template; one that is not valid throws an Error naming the field, a value
    /// that is neither an object nor text a `TypeError`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Template | string")] template: JsValue,
    ) -> Result<PlanChecker, JsValue> {
        // An object is read as its JSON text is: serde_json names an unknown field and
        // refuses nesting past 128 levels, where a value-by-value reading would not.
        let template = if let Some(json) = template.as_string() {
            Template::from_json(&json)
        } else if template.is_object() && !js_sys::Array::is_array(&template) {
            let json = js_sys::JSON::stringify(&template)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| type_error("the template cannot be written as JSON"))?;
            Template::from_json(&json)
        } else {
            return Err(type_error(
                "the template must be an object or its JSON text",
            ));
        }
        .map_err(|e| JsValue::from(JsError::new(&e.to_string())))?;
        let inner =
            Checker::new(template).map_err(|e| JsValue::from(JsError::new(&e.to_string())))?;
        Ok(PlanChecker { inner })
    }

    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<JsCheckOptions>,
    ) -> Result<JsValue, JsValue> {
        let text = string_arg(&text, "the text to check")?;
        run(&self.inner, &text, options)
    }

    /// `check`'s report as JSON text, for a worker to post to its page unread.
    #[wasm_bindgen(js_name = checkJson)]
    pub fn check_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<JsCheckOptions>,
    ) -> Result<String, JsValue> {
        let text = string_arg(&text, "the text to check")?;
        report_json(&self.inner, &text, options)
    }

    /// The report as Markdown, as `reportMarkdown` gives it for the national template.
    #[wasm_bindgen(js_name = reportMarkdown)]
    pub fn report_markdown(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        options: Option<JsCheckOptions>,
        lang: Option<String>,
        #[wasm_bindgen(unchecked_param_type = "Decisions | undefined")] decisions: JsValue,
    ) -> Result<String, JsValue> {
        let text = string_arg(&text, "the text to check")?;
        let name = string_arg(&name, "the report's name")?;
        markdown(&self.inner, &text, &name, options, lang, decisions)
    }

    #[wasm_bindgen(getter, unchecked_return_type = "TemplateInfo")]
    pub fn template(&self) -> Result<JsValue, JsValue> {
        to_js(&TemplateInfo::from(self.inner.template()))
    }
}

/// The built-in templates.
#[wasm_bindgen(unchecked_return_type = "TemplateInfo[]")]
pub fn templates() -> Result<JsValue, JsValue> {
    let list: Vec<TemplateInfo> = Template::builtin_ids()
        .iter()
        .filter_map(|id| Template::builtin(id))
        .map(|t| TemplateInfo::from(&t))
        .collect();
    to_js(&list)
}

/// The sentence saying how a report's text was read (`report.document.reading`), in
/// `lang` (`en…` or Chinese); empty when it was read as given. The page shows the
/// checker's own words, as the CLI and the Markdown report do.
#[wasm_bindgen(js_name = readingNote)]
pub fn reading_note(
    #[wasm_bindgen(unchecked_param_type = "Reading")] reading: JsValue,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let reading: crate::report::ReadingOut = serde_wasm_bindgen::from_value(reading)
        .map_err(|e| js_sys::TypeError::new(&format!("plancheck: readingNote: {e}")))?;
    let lang = render::Lang::of(lang.as_deref().unwrap_or("zh-CN"));
    Ok(reading.describe_in(lang).unwrap_or_default())
}

/// The rules: id, default severity and a one-line summary.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct RuleInfo {
        id: &'static str,
        severity: Severity,
        summary: &'static str,
        /// What it flags, in English.
        about: &'static str,
    }
    let list: Vec<RuleInfo> = rules::RULES
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            severity: r.severity,
            summary: r.summary,
            about: r.about,
        })
        .collect();
    to_js(&list)
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
