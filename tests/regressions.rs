//! Inputs that once broke the checker or that stress its parsers, replayed on every run:
//! each file in `tests/fixtures/fuzz/` is read as the CLI would (text or .docx), and what
//! reads is checked. A file that decodes must give a report whose spans lie in the text on
//! character boundaries; a file that does not must be refused with a message.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use plancheck::text_of;

#[test]
fn every_saved_input_is_checked_or_refused() {
    let dir = common::fixtures().join("fuzz");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no saved inputs in {}", dir.display());
    let checker = common::checker();
    let (mut checked, mut refused) = (0, 0);
    for path in entries {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match text_of(&bytes) {
            Ok((text, _)) => {
                let text = text.as_ref();
                let report = checker.check(text, &Default::default());
                let len = text.encode_utf16().count();
                for f in &report.findings {
                    assert!(
                        f.span.start <= f.span.end && f.span.end <= len,
                        "{}: span {:?} outside the text",
                        path.display(),
                        f.span
                    );
                    // Panics if a span splits a surrogate pair.
                    common::utf16_slice(text, f.span.start, f.span.end);
                }
                checked += 1;
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
        }
    }
    // The directory holds both kinds; if either vanished the test would prove less.
    assert!(
        checked > 0 && refused > 0,
        "checked {checked}, refused {refused}"
    );
}
