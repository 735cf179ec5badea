//! Two versions of a draft compared, as a WebAssembly module of its own: the page loads it
//! only when the reviewer asks what changed, so that the checker's module stays small.

use plancheck::compare::{compare, Comparison};
use plancheck::{Checker, Options, Template};

/// The comparison of two versions, checked against the national template.
pub fn compare_texts(old: &str, new: &str) -> Result<Comparison, String> {
    for text in [old, new] {
        plancheck::within_limit(text.len()).map_err(|e| e.to_string())?;
    }
    let template = Template::national();
    let checker = Checker::new(template.clone()).map_err(|e| e.to_string())?;
    let options = Options::default();
    Ok(compare(
        &checker.check(old, &options),
        &checker.check(new, &options),
        &template,
    ))
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    fn texts(old: &JsValue, new: &JsValue) -> Result<(String, String), JsValue> {
        match (old.as_string(), new.as_string()) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => Err(
                js_sys::TypeError::new("plancheck: the texts to compare must be strings").into(),
            ),
        }
    }

    /// What changed between two versions (`plancheck/compare@1`).
    #[wasm_bindgen(js_name = compareTexts, unchecked_return_type = "Comparison")]
    pub fn compare_texts(old: JsValue, new: JsValue) -> Result<JsValue, JsValue> {
        let (old, new) = texts(&old, &new)?;
        let c = super::compare_texts(&old, &new).map_err(|e| JsError::new(&e))?;
        let json = serde_json::to_string(&c).map_err(|e| JsError::new(&e.to_string()))?;
        js_sys::JSON::parse(&json)
    }

    /// What changed, as the list a reviewer reads (the CLI's and the Markdown's words):
    /// `{old_title, new_title, counts, sections: [{title, items: [{text, kind, old, new}]}]}`.
    #[wasm_bindgen(js_name = comparisonChanges)]
    pub fn comparison_changes(old: JsValue, new: JsValue) -> Result<JsValue, JsValue> {
        let (old, new) = texts(&old, &new)?;
        let c = super::compare_texts(&old, &new).map_err(|e| JsError::new(&e))?;
        let json = serde_json::to_string(&plancheck::render::changes(&c))
            .map_err(|e| JsError::new(&e.to_string()))?;
        js_sys::JSON::parse(&json)
    }

    /// The same as Markdown, for a review memo.
    #[wasm_bindgen(js_name = comparisonMarkdown)]
    pub fn comparison_markdown(old: JsValue, new: JsValue) -> Result<String, JsValue> {
        let (old, new) = texts(&old, &new)?;
        let c = super::compare_texts(&old, &new).map_err(|e| JsError::new(&e))?;
        Ok(plancheck::render::comparison(&c, true))
    }

    #[wasm_bindgen(typescript_custom_section)]
    const TYPES: &str = include_str!("../../npm/schema/types.d.ts");
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_compare() {
        let old = "二、重点任务\n（一）推动经济质量效益型发展\n1.培育高新技术企业。到2027年，研发经费投入强度达到2.5%。（县科技局负责）\n";
        let new = old.replace("2.5%", "2.2%");
        let c = super::compare_texts(old, &new).unwrap(); // ok: test
        assert_eq!(c.targets.len(), 1);
        assert!(c.targets[0].weaker);
    }
}
