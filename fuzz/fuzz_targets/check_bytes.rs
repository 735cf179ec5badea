//! Any file: what is not text or a Word document is refused, what is either is checked;
//! nothing may panic. Word documents go through the .docx reader (zip, inflate, XML).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plancheck::{text_of, Checker, Options, Template};

fuzz_target!(|bytes: &[u8]| {
    if let Ok((text, _)) = text_of(bytes) {
        let checker = Checker::new(Template::national()).expect("national template");
        checker.check(&text, &Options::default());
    }
});
