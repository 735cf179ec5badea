//! The .docx reader on any bytes that start like a zip: refused or read, never a panic,
//! and what it reads is within the text limit it promises to the checker.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plancheck::docx;

fuzz_target!(|tail: &[u8]| {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(tail);
    if let Ok(doc) = docx::read(&bytes) {
        assert!(doc.numbered <= doc.paragraphs);
    }
});
