#![allow(dead_code)]

pub mod docx;

use std::path::{Path, PathBuf};

use plancheck::{Checker, Options, Report, Template};

pub fn checker() -> Checker {
    Checker::new(Template::national()).expect("national template compiles")
}

pub fn check(text: &str) -> Report {
    checker().check(text, &Options::default())
}

pub fn count(report: &Report, rule: &str) -> usize {
    report.findings.iter().filter(|f| f.rule == rule).count()
}

/// The messages of one rule's findings, in report order.
pub fn messages<'r>(report: &'r Report, rule: &str) -> Vec<&'r str> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.message.as_str())
        .collect()
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text a UTF-16 span of the report covers, as JavaScript's `slice` would give it.
pub fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("span on code point boundaries")
}

/// Whether what `make test` provides — the corpus beside the project, valgrind,
/// python-docx, LibreOffice — is required (`PLANCHECK_REQUIRE=1`, as `make test` sets):
/// then a test that needs it fails without it. A bare `cargo test` elsewhere skips, and says so.
#[allow(dead_code)]
pub fn required() -> bool {
    std::env::var_os("PLANCHECK_REQUIRE").is_some_and(|v| v == "1")
}
