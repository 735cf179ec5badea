//! The report's and the template's JSON Schemas and TypeScript declarations are generated
//! from the Rust types. This test fails when the committed files differ from what the
//! types give; `make generate` (PLANCHECK_BLESS=1) writes them.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Compares a generated file with the committed one, or writes it when blessing.
fn check(path: &str, generated: &str) {
    let path = root().join(path);
    if std::env::var_os("PLANCHECK_BLESS").is_some() {
        std::fs::write(&path, generated).expect("write the generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is not what the Rust types give; run `make generate` and commit it",
        path.display()
    );
}

/// Integer formats (`uint16`, `uint`) are schemars' own; validators in strict mode reject
/// unknown formats, and the minimum that comes with them says what matters.
fn tidy(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| f.starts_with("uint") || f.starts_with("int"))
            {
                o.remove("format");
            }
            o.values_mut().for_each(tidy);
        }
        Value::Array(a) => a.iter_mut().for_each(tidy),
        _ => {}
    }
}

fn schema<T: schemars::JsonSchema>(serialize: bool, id: &str, title: &str) -> Value {
    let settings = SchemaSettings::draft2020_12();
    let settings = if serialize {
        settings.for_serialize()
    } else {
        settings.for_deserialize()
    };
    let mut v = settings
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    tidy(&mut v);
    let Value::Object(o) = v else {
        panic!("a schema is an object")
    };
    let mut out = Map::new();
    out.insert("$schema".into(), o["$schema"].clone());
    out.insert("$id".into(), Value::from(id));
    out.insert("title".into(), Value::from(title));
    for (k, v) in o {
        if !matches!(k.as_str(), "$schema" | "title") {
            out.insert(k, v);
        }
    }
    Value::Object(out)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("serialise") + "\n"
}

/// TypeScript for a schema: a type for each definition, and one for the root.
struct Ts {
    out: String,
    declared: Vec<String>,
}

impl Ts {
    fn ty(&self, v: &Value) -> String {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            return r.rsplit('/').next().unwrap_or(r).to_string();
        }
        if let Some(c) = v.get("const") {
            return c.to_string();
        }
        if let Some(e) = v.get("enum").and_then(Value::as_array) {
            return e
                .iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(" | ");
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(list) = v.get(key).and_then(Value::as_array) {
                return list
                    .iter()
                    .map(|x| self.ty(x))
                    .collect::<Vec<_>>()
                    .join(" | ");
            }
        }
        match v.get("type") {
            Some(Value::Array(types)) => types
                .iter()
                .map(|t| {
                    let mut one = v.clone();
                    one["type"] = t.clone();
                    self.ty(&one)
                })
                .collect::<Vec<_>>()
                .join(" | "),
            Some(Value::String(t)) => match t.as_str() {
                "string" => "string".into(),
                "integer" | "number" => "number".into(),
                "boolean" => "boolean".into(),
                "null" => "null".into(),
                "array" => match (v.get("prefixItems"), v.get("items")) {
                    (Some(Value::Array(items)), _) => format!(
                        "[{}]",
                        items
                            .iter()
                            .map(|x| self.ty(x))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    (_, Some(items)) => {
                        let t = self.ty(items);
                        if t.contains(' ') {
                            format!("({t})[]")
                        } else {
                            format!("{t}[]")
                        }
                    }
                    _ => "unknown[]".into(),
                },
                "object" => self.object(v, "  "),
                other => panic!("no TypeScript for {other}"),
            },
            _ => "unknown".into(),
        }
    }

    fn object(&self, v: &Value, indent: &str) -> String {
        let required: Vec<&str> = v
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let Some(props) = v.get("properties").and_then(Value::as_object) else {
            return "Record<string, unknown>".into();
        };
        let mut s = String::from("{\n");
        for (name, p) in props {
            if let Some(d) = p.get("description").and_then(Value::as_str) {
                s += &format!("{indent}  /** {} */\n", d.replace('\n', " "));
            }
            let optional = if required.contains(&name.as_str()) {
                ""
            } else {
                "?"
            };
            s += &format!("{indent}  {name}{optional}: {};\n", self.ty(p));
        }
        s += indent;
        s += "}";
        s
    }

    fn declare(&mut self, name: &str, v: &Value) {
        if let Some(d) = v.get("description").and_then(Value::as_str) {
            self.out += &format!("/** {} */\n", d.replace('\n', " "));
        }
        if v.get("type").and_then(Value::as_str) == Some("object") {
            self.out += &format!("export interface {name} {}\n", self.object(v, ""));
        } else {
            self.out += &format!("export type {name} = {};\n", self.ty(v));
        }
    }

    fn schema(&mut self, root: &str, v: &Value) {
        if let Some(defs) = v.get("$defs").and_then(Value::as_object) {
            for (name, d) in defs {
                if !self.declared.contains(name) {
                    self.declared.push(name.clone());
                    self.declare(name, d);
                }
            }
        }
        self.declare(root, v);
    }
}

#[test]
fn contracts_are_generated_from_the_types() {
    let report = schema::<plancheck::Report>(
        true,
        "plancheck/report.schema.json",
        "plancheck report (plancheck/report@1)",
    );
    let template = schema::<plancheck::Template>(
        false,
        "plancheck/template.schema.json",
        "plancheck template",
    );
    let comparison = schema::<plancheck::compare::Comparison>(
        true,
        "plancheck/compare.schema.json",
        "plancheck comparison of two versions (plancheck/compare@1)",
    );
    check("npm/schema/report.schema.json", &pretty(&report));
    check("npm/schema/compare.schema.json", &pretty(&comparison));
    check("npm/schema/template.schema.json", &pretty(&template));
    let mut ts = Ts {
        out: "// Generated from the Rust types by `make generate`; do not edit.\n".into(),
        declared: Vec::new(),
    };
    ts.schema("Report", &report);
    ts.schema("Template", &template);
    ts.schema("Comparison", &comparison);
    check("npm/schema/types.d.ts", &ts.out);
}

/// The element refuses a file before reading it, by the limits the core enforces: its
/// constants must be the Rust ones.
#[test]
fn the_element_has_the_cores_limits() {
    let js = std::fs::read_to_string(root().join("npm/src/limits.js")).expect("element limits");
    let strings = std::fs::read_to_string(root().join("npm/src/strings.js")).expect("strings");
    let value = |name: &str| -> usize {
        let line = js
            .lines()
            .find(|l| l.starts_with(&format!("export const {name} = ")))
            .unwrap_or_else(|| panic!("the element declares {name}"));
        let expr = line
            .split_once('=')
            .map(|(_, e)| e.trim().trim_end_matches(';'))
            .unwrap_or_default();
        expr.split('*')
            .map(|n| n.trim().parse::<usize>().expect("a product of numbers"))
            .product()
    };
    assert_eq!(value("MAX_INPUT_BYTES"), plancheck::MAX_INPUT_BYTES);
    assert_eq!(value("MAX_DOCX_BYTES"), plancheck::docx::MAX_DOCX_BYTES);
    assert!(
        !strings.contains("8 MB") && !strings.contains("32 MB"),
        "messages name the limits through the constants"
    );
}
