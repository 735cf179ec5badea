//! The reader's WebAssembly edge: `readDocx(bytes)`, loaded by the page only when a Word
//! file is opened.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A Word document read as the text Word displays (see `readDocx`). */
export interface DocxText {
  text: string; paragraphs: number; numbered: number; tables: number;
  insertions: number; deletions: number; comments: { author: string; text: string }[];
}
/** Thrown by `readDocx`: `kind` is "too-large", "legacy-doc", "encrypted", "not-docx",
 *  "not-word", "too-large-inflated" or "corrupt". */
export interface DocxError extends Error { name: "DocxError"; kind: string; }
"#;

/// Reads a .docx into the text Word displays (numbering and tables included), with its
/// comments and tracked-change counts beside it. Throws a `DocxError` with a `kind`.
#[wasm_bindgen(js_name = readDocx, unchecked_return_type = "DocxText")]
pub fn read_docx(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let docx = crate::read(bytes).map_err(|e| {
        let error = js_sys::Error::new(&e.to_string());
        error.set_name("DocxError");
        // Reflect::set on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &"kind".into(), &e.kind().into());
        JsValue::from(error)
    })?;
    let json = serde_json::to_string(&docx).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}
