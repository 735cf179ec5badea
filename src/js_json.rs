//! JSON read by the platform's `JSON.parse` in WebAssembly: the template reader's parser,
//! so that the modules carry no JSON parser of their own.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

/// JSON text into a value through `JSON.parse`.
pub(crate) fn parse_json(json: &str) -> Result<serde_json::Value, String> {
    let value = js_sys::JSON::parse(json).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "not valid JSON".to_string())
    })?;
    Ok(json_value(&value))
}

fn json_value(v: &JsValue) -> serde_json::Value {
    use serde_json::Value;
    if let Some(b) = v.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        // Whole numbers as integers, so that a year reads as an integer.
        return if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
            if n >= 0.0 {
                Value::from(n as u64)
            } else {
                Value::from(n as i64)
            }
        } else {
            serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
        };
    }
    if let Some(s) = v.as_string() {
        return Value::String(s);
    }
    if Array::is_array(v) {
        return Value::Array(Array::from(v).iter().map(|x| json_value(&x)).collect());
    }
    if v.is_object() {
        let mut map = serde_json::Map::new();
        for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let pair = Array::from(&entry);
            if let Some(key) = pair.get(0).as_string() {
                map.insert(key, json_value(&pair.get(1)));
            }
        }
        return Value::Object(map);
    }
    Value::Null
}
