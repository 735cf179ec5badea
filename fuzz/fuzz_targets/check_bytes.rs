//! Any file: decoding refuses what is not text, and what is text is checked; neither
//! may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plancheck::{decode, Checker, Options, Template};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = decode(bytes) {
        let checker = Checker::new(Template::national()).expect("national template");
        checker.check(&text, &Options::default());
    }
});
