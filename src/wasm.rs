//! The WebAssembly edge: converts JavaScript values to and from the core's, nothing more.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::TemplateInfo;
use crate::{render, rules, Checker, Options, Severity, Template, MAX_INPUT_BYTES};

// The report's and the template's types, generated from the Rust types (`make generate`).
#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("../npm/schema/types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = r#"
export interface CheckOptions { disable?: string[]; minSeverity?: Severity; }
export interface RuleInfo { id: string; severity: Severity; summary: string; }
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

// Values cross as JSON text: `JSON.parse` builds the objects faster than property-by-
// property conversion. The report, written on every check, has its own writer
// (`Report::to_json`); the template and the rules, written once, go through serde.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("plancheck: cannot convert the report: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("plancheck: cannot convert the report"))
}

fn bad_options(why: &str) -> JsError {
    JsError::new(&format!("plancheck: bad options: {why}"))
}

// Read by hand rather than through serde: two fields do not warrant a deserializer in
// the wasm.
fn options(value: Option<JsCheckOptions>) -> Result<Options, JsError> {
    let Some(value) = value
        .map(JsValue::from)
        .filter(|v| !v.is_undefined() && !v.is_null())
    else {
        return Ok(Options::default());
    };
    if !value.is_object() {
        return Err(bad_options("expected an object"));
    }
    let field = |name: &str| Reflect::get(&value, &JsValue::from_str(name)).unwrap_or_default();
    let mut options = Options::default();
    let disable = field("disable");
    if !disable.is_undefined() && !disable.is_null() {
        if !Array::is_array(&disable) {
            return Err(bad_options("`disable` must be an array of rule ids"));
        }
        for id in Array::from(&disable).iter() {
            let id = id
                .as_string()
                .ok_or_else(|| bad_options("`disable` must be an array of rule ids"))?;
            options.disable.push(id);
        }
    }
    let min = field("minSeverity");
    if !min.is_undefined() && !min.is_null() {
        options.min_severity = Some(
            match min.as_string().as_deref().and_then(Severity::from_name) {
                Some(severity) => severity,
                None => {
                    return Err(bad_options(
                        "`minSeverity` must be \"error\", \"warning\" or \"info\"",
                    ))
                }
            },
        );
    }
    Ok(options)
}

fn too_large(text: &str) -> Result<(), JsError> {
    crate::within_limit(text.len()).map_err(|_| {
        JsError::new(&format!(
            "文本过大（{} 字节），最多检查 {MAX_INPUT_BYTES} 字节",
            text.len()
        ))
    })
}

fn run(checker: &Checker, text: &str, opts: Option<JsCheckOptions>) -> Result<JsValue, JsError> {
    too_large(text)?;
    let json = checker.check(text, &options(opts)?).to_json();
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("plancheck: cannot convert the report"))
}

fn markdown(
    checker: &Checker,
    text: &str,
    name: &str,
    opts: Option<JsCheckOptions>,
) -> Result<String, JsError> {
    too_large(text)?;
    Ok(render::markdown(
        name,
        &checker.check(text, &options(opts)?),
    ))
}

fn with_national<T>(f: impl FnOnce(&Checker) -> Result<T, JsError>) -> Result<T, JsError> {
    NATIONAL.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            let checker =
                Checker::new(Template::national()).map_err(|e| JsError::new(&e.to_string()))?;
            *slot = Some(checker);
        }
        match slot.as_ref() {
            Some(checker) => f(checker),
            None => Err(JsError::new("plancheck: no template")),
        }
    })
}

/// The text argument: a string, or a `TypeError` that says so (not a report on
/// "undefined" or "[object Object]").
fn text_arg(text: &JsValue) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| {
        js_sys::TypeError::new("plancheck: the text to check must be a string").into()
    })
}

/// Checks a plan against the national template.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsCheckOptions>,
) -> Result<JsValue, JsValue> {
    let text = text_arg(&text)?;
    with_national(|checker| run(checker, &text, options)).map_err(JsValue::from)
}

/// The national template's report on a plan, as Markdown for a review memo; `name` heads it.
#[wasm_bindgen(js_name = reportMarkdown)]
pub fn report_markdown(
    text: &str,
    name: &str,
    options: Option<JsCheckOptions>,
) -> Result<String, JsError> {
    with_national(|checker| markdown(checker, text, name, options))
}

/// A checker for a template given as JSON (a province's variant).
#[wasm_bindgen]
pub struct PlanChecker {
    inner: Checker,
}

#[wasm_bindgen]
impl PlanChecker {
    /// Loads a template; a malformed one throws an Error naming the field.
    #[wasm_bindgen(constructor)]
    pub fn new(template_json: &str) -> Result<PlanChecker, JsError> {
        let template =
            Template::from_json(template_json).map_err(|e| JsError::new(&e.to_string()))?;
        let inner = Checker::new(template).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(PlanChecker { inner })
    }

    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<JsCheckOptions>,
    ) -> Result<JsValue, JsValue> {
        let text = text_arg(&text)?;
        run(&self.inner, &text, options).map_err(JsValue::from)
    }

    /// The report as Markdown, as `reportMarkdown` gives it for the national template.
    #[wasm_bindgen(js_name = reportMarkdown)]
    pub fn report_markdown(
        &self,
        text: &str,
        name: &str,
        options: Option<JsCheckOptions>,
    ) -> Result<String, JsError> {
        markdown(&self.inner, text, name, options)
    }

    #[wasm_bindgen(getter, unchecked_return_type = "TemplateInfo")]
    pub fn template(&self) -> Result<JsValue, JsError> {
        to_js(&TemplateInfo::from(self.inner.template()))
    }
}

/// The built-in templates.
#[wasm_bindgen(unchecked_return_type = "TemplateInfo[]")]
pub fn templates() -> Result<JsValue, JsError> {
    let list: Vec<TemplateInfo> = Template::builtin_ids()
        .iter()
        .filter_map(|id| Template::builtin(id))
        .map(|t| TemplateInfo::from(&t))
        .collect();
    to_js(&list)
}

/// The rules: id, default severity and a one-line summary.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct RuleInfo {
        id: &'static str,
        severity: Severity,
        summary: &'static str,
    }
    let list: Vec<RuleInfo> = rules::RULES
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            severity: r.severity,
            summary: r.summary,
        })
        .collect();
    to_js(&list)
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
