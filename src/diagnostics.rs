//! Findings as rules make them: below the rules that make them and the report that
//! shows them, so that neither knows the other.

use crate::position::Span;

crate::names::named_enum! {
    /// How much a finding matters; ordered from least to most.
    #[derive(PartialOrd, Ord)]
    pub enum Severity {
        Info = "info",
        Warning = "warning",
        Error = "error",
    }
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    /// Its name in `lang`.
    pub fn label_in(self, lang: crate::lang::Lang) -> &'static str {
        match (lang, self) {
            (crate::lang::Lang::Chinese, _) => self.label(),
            (_, Severity::Info) => "Info",
            (_, Severity::Warning) => "Warning",
            (_, Severity::Error) => "Error",
        }
    }
}

/// A finding as a rule produces it, with a byte range into the text.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub suggestion: Option<String>,
    pub span: Span,
    pub category: Option<String>,
    pub indicator: Option<String>,
}

impl Finding {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            severity,
            message: message.into(),
            suggestion: None,
            span,
            category: None,
            indicator: None,
        }
    }

    pub fn suggest(mut self, suggestion: impl Into<String>) -> Finding {
        self.suggestion = Some(suggestion.into());
        self
    }

    pub fn category(mut self, id: &str) -> Finding {
        self.category = Some(id.to_string());
        self
    }

    pub fn indicator(mut self, id: &str) -> Finding {
        self.indicator = Some(id.to_string());
        self
    }

    /// Tags the finding with an indicator and its category, when there is one.
    pub fn about(self, indicator: Option<&crate::template::Indicator>) -> Finding {
        match indicator {
            Some(ind) => self.indicator(&ind.id).category(&ind.category),
            None => self,
        }
    }
}

/// Shortens a quotation to `max` characters, reading no more of it than that.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}…", &s[..cut]),
    }
}
