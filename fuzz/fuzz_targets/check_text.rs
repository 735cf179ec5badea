//! Any text: the checker must not panic, and every span must lie on the text's
//! character boundaries.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plancheck::{Checker, Options, Template};

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Template::national()).expect("national template"))
}

fuzz_target!(|text: &str| {
    let report = checker().check(text, &Options::default());
    let len = text.encode_utf16().count();
    for f in &report.findings {
        assert!(f.span.start <= f.span.end && f.span.end <= len);
    }
});
