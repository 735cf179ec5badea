// The limits the element enforces before it reads a file.
// The checker's own limit (MAX_INPUT_BYTES): a larger file is refused before it is read.
// Both limits are the Rust constants' values; tests/contracts.rs fails when they differ.
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;
// The .docx reader's limit (MAX_DOCX_BYTES): a Word file may be larger than its text.
export const MAX_DOCX_BYTES = 32 * 1024 * 1024;
export const TEXT_MB = MAX_INPUT_BYTES / 1024 / 1024;
export const DOCX_MB = MAX_DOCX_BYTES / 1024 / 1024;
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
