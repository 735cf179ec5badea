//! The crate's layers import only downward (docs/ARCHITECTURE.md): each file's `crate::…`
//! and `super::…` paths are read, and a path into a layer above the file's own fails,
//! as does any circle of modules.

// Tests fail loudly (unwrap, expect and panic are their assertions) and are not in the
// WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers, lowest first, and the top-level modules in each. A module not listed here
/// fails the test: a new module is given its layer when it is added.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "text",
        &[
            "chars",
            "lang",
            "names",
            "numbering",
            "order",
            "phrases",
            "position",
            "facts",
        ],
    ),
    ("template", &["template", "compiled"]),
    ("model", &["document", "diagnostics"]),
    ("reading", &["reading"]),
    ("parse", &["parse"]),
    ("coverage", &["coverage"]),
    ("rules", &["rules"]),
    ("report", &["report", "review"]),
    ("renderings", &["render", "compare", "handback"]),
    ("edges", &["lib", "wasm", "bin"]),
];

/// Re-exported crates, not modules of this one.
const EXTERNAL: &[&str] = &["docx"];

fn layer_of(module: &[String]) -> Option<usize> {
    let top = module.first().map(String::as_str).unwrap_or("lib");
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

/// A file's module path: `src/parse/lines.rs` → [parse, lines]; `src/lib.rs` → [].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts
}

/// Comments, string literals and the test module left out.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            // A char literal holding a quote ('"') is not a string's start.
            '\'' => {
                out.push(c);
                let mut ahead = chars.clone();
                if let (Some(x), Some('\'')) = (ahead.next(), ahead.next()) {
                    if x == '"' {
                        chars.next();
                        chars.next();
                        out.push_str("x'");
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// `a::{b, c::{d, e}}` → [a::b, a::c::d, a::c::e].
fn expand(path: &str) -> Vec<String> {
    let path = path.trim();
    let Some(open) = path.find('{') else {
        return vec![path.to_string()];
    };
    let prefix = path[..open].trim_end_matches("::");
    let inner = &path[open + 1..path.rfind('}').unwrap_or(path.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| {
            if p == "self" {
                prefix.to_string()
            } else {
                format!("{prefix}::{p}")
            }
        })
        .collect()
}

/// The paths a file's code names: its `use` items expanded, and every inline
/// `crate::…` / `super::…` path.
fn paths_of(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let word_start = i == 0 || !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        rest = &rest[i + 4..];
        if !word_start {
            continue;
        }
        let end = rest.find(';').unwrap_or(rest.len());
        let item: String = rest[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        if item.starts_with("crate") || item.starts_with("super") || item.starts_with("self") {
            paths.extend(expand(&item));
        }
    }
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let len = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - at);
            paths.push(code[at..at + len].trim_end_matches(':').to_string());
        }
    }
    paths
}

/// The module a path leads to: the longest prefix that is a module of the crate.
fn resolve(
    from: &[String],
    is_mod_file: bool,
    path: &str,
    modules: &[Vec<String>],
) -> Option<Vec<String>> {
    let path = path.split(" as ").next().unwrap_or(path);
    let mut segs: Vec<&str> = path
        .split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut base: Vec<String> = match segs.first().copied() {
        Some("crate") => {
            segs.remove(0);
            Vec::new()
        }
        Some("super") | Some("self") => {
            let mut b = from.to_vec();
            if !is_mod_file {
                b.pop();
            }
            while let Some(&s) = segs.first() {
                match s {
                    "super" => {
                        b.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segs.remove(0);
            }
            b
        }
        _ => return None,
    };
    if segs.is_empty() || (base.is_empty() && EXTERNAL.contains(&segs[0])) {
        return None;
    }
    let mut best = None;
    for s in segs {
        base.push(s.to_string());
        if modules.contains(&base) {
            best = Some(base.clone());
        }
    }
    // A name at the crate root (Options, check …) is the root's.
    best.or_else(|| (path.starts_with("crate") && !from.is_empty()).then(Vec::new))
}

struct Import {
    from: Vec<String>,
    file: PathBuf,
    to: Vec<String>,
}

fn imports(src: &Path, files: &[(PathBuf, String)]) -> Vec<Import> {
    let modules: Vec<Vec<String>> = files.iter().map(|(f, _)| module_of(src, f)).collect();
    let mut out = Vec::new();
    for (file, text) in files {
        let from = module_of(src, file);
        let is_mod = file
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        let code = code_of(text).replace("$crate", "crate");
        let mut paths = paths_of(&code);
        if is_mod {
            // A module file names its submodules without a prefix: `lines::split(…)`.
            for child in modules
                .iter()
                .filter(|m| m.len() == from.len() + 1 && m.starts_with(&from))
            {
                let word = format!("{}::", child[from.len()]);
                let found = code.match_indices(&word).any(|(i, _)| {
                    !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
                });
                if found {
                    paths.push(format!("crate::{}", child.join("::")));
                }
            }
        }
        for path in paths {
            if let Some(to) = resolve(&from, is_mod, &path, &modules) {
                if to != from {
                    out.push(Import {
                        from: from.clone(),
                        file: file.clone(),
                        to,
                    });
                }
            }
        }
    }
    out
}

/// Upward imports and unlisted modules, as lines to print.
fn violations(src: &Path, files: &[(PathBuf, String)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (file, _) in files {
        let m = module_of(src, file);
        if layer_of(&m).is_none() {
            bad.push(format!(
                "{}: module `{}` has no layer in tests/layers.rs",
                file.display(),
                m.join("::")
            ));
        }
    }
    for i in imports(src, files) {
        let (Some(a), Some(b)) = (layer_of(&i.from), layer_of(&i.to)) else {
            continue;
        };
        if b > a {
            bad.push(format!(
                "{}: `{}` ({}) imports `{}` ({}), a layer above",
                i.file
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&i.file)
                    .display(),
                i.from.join("::"),
                LAYERS[a].0,
                name(&i.to),
                LAYERS[b].0
            ));
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "lib".into()
    } else {
        m.join("::")
    }
}

/// Circles among modules (a module and its submodules count as separate modules): each
/// strongly connected component of more than one module.
fn circles(src: &Path, files: &[(PathBuf, String)]) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (f, _) in files {
        graph.entry(name(&module_of(src, f))).or_default();
    }
    for i in imports(src, files) {
        graph.entry(name(&i.from)).or_default().push(name(&i.to));
    }
    // Two modules are in a circle when each reaches the other.
    let reach = |from: &str| {
        let mut seen = vec![from.to_string()];
        let mut stack = vec![from.to_string()];
        while let Some(m) = stack.pop() {
            for n in graph.get(&m).into_iter().flatten() {
                if !seen.contains(n) {
                    seen.push(n.clone());
                    stack.push(n.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, Vec<String>> = graph.keys().map(|k| (k, reach(k))).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    for (k, r) in &reaches {
        let mut comp: Vec<String> = r
            .iter()
            .filter(|o| reaches.get(o).is_some_and(|back| back.contains(k)))
            .cloned()
            .collect();
        comp.sort();
        if comp.len() > 1 && !out.contains(&comp) {
            out.push(comp);
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.push((p, text));
        }
    }
}

#[test]
fn every_file_imports_only_its_own_layer_or_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 40, "read {} files of src/", files.len());
    let bad = violations(&src, &files);
    assert!(
        bad.is_empty(),
        "imports against the layers:\n{}",
        bad.join("\n")
    );
    let circles = circles(&src, &files);
    assert!(circles.is_empty(), "import circles: {circles:?}");
}

/// The test can fail: a rule importing the report, or the model importing the parser,
/// is caught; a circle between two modules of one layer too.
#[test]
fn a_planted_upward_import_is_caught() {
    let src = Path::new("src");
    let file = |p: &str, t: &str| (src.join(p), t.to_string());
    let clean = vec![
        file(
            "lib.rs",
            "pub mod document; pub mod parse; pub mod rules; pub mod report;",
        ),
        file("document.rs", "use crate::position::Span;"),
        file("position.rs", ""),
        file(
            "parse/mod.rs",
            "use crate::document::{Document, Span};\nmod lines;\nfn f() { lines::split(); }",
        ),
        file("parse/lines.rs", "use crate::document::Line;"),
        file("rules/mod.rs", "use crate::diagnostics::Finding;"),
        file("diagnostics.rs", ""),
        file("report.rs", "use crate::rules::Rule;"),
    ];
    assert!(
        violations(src, &clean).is_empty(),
        "{:?}",
        violations(src, &clean)
    );
    assert!(circles(src, &clean).is_empty());

    let mut planted = clean.clone();
    planted[1] = file(
        "document.rs",
        "fn f() { let _ = crate::parse::lines::split(\"\"); }",
    );
    planted[5] = file(
        "rules/mod.rs",
        "use crate::{diagnostics::Finding, report::{clip, Severity}};",
    );
    let bad = violations(src, &planted);
    assert_eq!(bad.len(), 2, "{bad:#?}");
    assert!(
        bad[0].contains("`document` (model) imports `parse::lines` (parse)"),
        "{bad:#?}"
    );
    assert!(
        bad[1].contains("`rules` (rules) imports `report` (report)"),
        "{bad:#?}"
    );

    let mut circle = clean;
    circle[4] = file("parse/lines.rs", "use super::super::parse::read;");
    assert_eq!(
        circles(src, &circle),
        vec![vec!["parse".to_string(), "parse::lines".to_string()]]
    );
}
