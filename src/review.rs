//! What a reviewer decided about a report: findings set aside (不适用 / 已说明, with a
//! reason) and comments of their own. Every rendering for people counts what the reviewer
//! kept and lists the set-aside findings apart.

use crate::diagnostics::Severity;
use crate::report::{FindingOut, Report};

/// What the reviewer decided, beside the findings. Spans are UTF-16 offsets into the text
/// checked, as the report's are.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Decisions {
    pub dismissed: Vec<Dismissal>,
    pub comments: Vec<OwnComment>,
}

/// A finding the reviewer set aside: which one (its rule and span), 不适用 or 已说明, and why.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Dismissal {
    pub rule: String,
    /// The finding's message, where findings of one rule share a span (a missing part
    /// each, on the title).
    #[serde(default)]
    pub message: Option<String>,
    pub start: usize,
    pub end: usize,
    pub status: String,
    pub reason: String,
}

/// A comment of the reviewer's own on a stretch of the text.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct OwnComment {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Decisions {
    /// The reviewer's decision on a finding, if they made one.
    pub fn dismissal(&self, f: &FindingOut) -> Option<&Dismissal> {
        self.dismissed.iter().find(|d| {
            d.rule == f.rule
                && d.start == f.span.start
                && d.end == f.span.end
                && d.message.as_ref().is_none_or(|m| *m == f.message)
        })
    }
}

/// A report's findings counted as the reviewer left them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Set aside by the reviewer.
    pub set_aside: usize,
}

impl Decisions {
    /// The findings of `r` counted by severity, those set aside apart.
    pub fn kept(&self, r: &Report) -> Kept {
        let mut k = Kept::default();
        for f in &r.findings {
            if self.dismissal(f).is_some() {
                k.set_aside += 1;
                continue;
            }
            match f.severity {
                Severity::Error => k.errors += 1,
                Severity::Warning => k.warnings += 1,
                Severity::Info => k.infos += 1,
            }
        }
        k
    }
}
