//! The language of the checker's own words in a report.

/// The language of a report's own words; the findings' messages stay as the rules write
/// them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Chinese,
    English,
}

impl Lang {
    /// `en…` is English; anything else Chinese.
    pub fn of(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::English
        } else {
            Lang::Chinese
        }
    }
}
