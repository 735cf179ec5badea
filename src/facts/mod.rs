//! Facts read from the text the same way everywhere: numbers and years. The parser
//! normalises with these once; rules read the normalised values.

pub mod numbers;
pub mod places;
pub mod years;
