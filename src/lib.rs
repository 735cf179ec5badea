//! plancheck: checks a county's draft 质量强县（区、镇）培育建设实施方案 against the
//! national template (国市监质发〔2024〕97号).
//!
//! ```
//! use plancheck::{Checker, Options, Template};
//!
//! let checker = Checker::new(Template::national()).unwrap(); // ok: example
//! let report = checker.check("二、重点任务\n（一）推动经济质量效益型发展\n1.培育高新技术企业。\n", &Options::default());
//! assert!(report.findings.iter().any(|f| f.rule == "unassigned-task"));
//! ```
//!
//! The core has no I/O, clock or global state; the CLI (`src/bin/plancheck.rs`) and the
//! WebAssembly binding (`src/wasm.rs`) are thin edges around [`Checker::check`].

pub mod chars;
pub mod compare;
pub mod compiled;
pub mod coverage;
pub mod diagnostics;
pub mod document;
pub mod facts;
pub mod handback;
pub mod lang;
mod names;
pub mod numbering;
pub mod order;
pub mod parse;
pub mod phrases;
pub mod position;
pub mod reading;
pub mod render;
pub mod report;
pub mod review;
pub mod rules;
pub mod template;

/// The checker's WebAssembly edge; off for modules built on the core (compare).
#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
pub mod wasm;

pub use diagnostics::{Finding, Severity};
pub use plancheck_docx as docx;
pub use report::Report;
pub use template::{Template, TemplateError};

/// The largest text checked, in bytes of UTF-8; larger input is refused with a clear
/// message. The same limit holds the text a Word file is read into.
pub const MAX_INPUT_BYTES: usize = docx::MAX_TEXT_BYTES;

/// What to report.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// Rule ids to leave out.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Only report findings at or above this severity.
    #[serde(default)]
    pub min_severity: Option<Severity>,
}

impl Options {
    /// The options, or a message naming the first rule id that names no rule (a portal
    /// that misspells one learns it, rather than seeing the rule it meant still run).
    pub fn validated(self) -> Result<Options, String> {
        if let Some(unknown) = self.disable.iter().find(|id| rules::rule(id).is_none()) {
            let known: Vec<&str> = rules::RULES.iter().map(|r| r.id).collect();
            return Err(format!(
                "unknown rule id \"{unknown}\"; known: {}",
                known.join(", ")
            ));
        }
        Ok(self)
    }
}

/// A template prepared for checking many texts.
#[derive(Clone, Debug)]
pub struct Checker {
    template: Template,
    compiled: compiled::Compiled,
}

impl Checker {
    pub fn new(template: Template) -> Result<Checker, TemplateError> {
        let compiled = compiled::Compiled::new(&template)?;
        Ok(Checker { template, compiled })
    }

    pub fn template(&self) -> &Template {
        &self.template
    }

    /// Reads the text into the document model.
    pub fn parse<'a>(&self, text: &'a str) -> document::Document<'a> {
        parse::parse(text, &self.template, &self.compiled)
    }

    /// Checks a plan's text and reports what the template expects and the plan lacks.
    /// The text is read first as it arrived (a PDF copy, a paste holding several
    /// documents); the report's spans point into `text` as given.
    pub fn check(&self, text: &str, options: &Options) -> Report {
        let reading = reading::read(text, &self.compiled);
        let mut doc = self.parse(&reading.text);
        if reading.notes.explanation {
            doc.explanation = true;
            doc.kind = document::DocumentKind::NotAPlan;
        }
        let coverage = coverage::compute(&doc, &self.template);
        let cx = rules::Context {
            doc: &doc,
            template: &self.template,
            compiled: &self.compiled,
            coverage: &coverage,
            reading: &reading,
        };
        // A text that is not a plan for a reason the note names — a 起草说明, Traditional
        // characters, numbering lost — gets that note, nothing else: checked item by item
        // it would only bury the note.
        let quiet = doc.only_the_note();
        let mut findings = rules::run(&cx, |r| {
            !options.disable.iter().any(|d| d == r.id) && (!quiet || r.id == "not-a-plan")
        });
        if let Some(min) = options.min_severity {
            findings.retain(|f| f.severity >= min);
        }
        // In reading order; findings at one place keep the registry's order.
        order::sort_by_position(&mut findings, |f| f.span.start);
        report::build(&doc, &reading, &self.template, &coverage, &findings)
    }
}

/// Checks a text against a template; for many texts build a [`Checker`] once instead.
pub fn check(text: &str, template: &Template, options: &Options) -> Result<Report, TemplateError> {
    Ok(Checker::new(template.clone())?.check(text, options))
}

/// Why input bytes cannot be checked.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    TooLarge {
        bytes: usize,
    },
    NotUtf8 {
        offset: usize,
    },
    Binary,
    /// A Word file that cannot be read.
    Docx(docx::DocxError),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::TooLarge { bytes } => write!(
                f,
                "input is {bytes} bytes; the largest text checked is {MAX_INPUT_BYTES} bytes of UTF-8"
            ),
            InputError::NotUtf8 { offset } => write!(
                f,
                "input is not text in a known encoding: neither UTF-8 (invalid byte at offset {offset}) nor GB18030, nor UTF-16 with a byte order mark; save the plan as text, or open the .docx"
            ),
            InputError::Binary => write!(
                f,
                "input looks like a binary file, not text; save the plan as UTF-8 text"
            ),
            InputError::Docx(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for InputError {}

/// Whether a text of `bytes` bytes of UTF-8 is within the size checked: the one test of the
/// limit, wherever text comes from (a file, a Word document, the page).
pub fn within_limit(bytes: usize) -> Result<(), InputError> {
    if bytes > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { bytes });
    }
    Ok(())
}

/// Turns input bytes into text: UTF-8 with an optional BOM (kept, so offsets match the
/// bytes as given), no NUL bytes, within the size limit.
pub fn decode(bytes: &[u8]) -> Result<&str, InputError> {
    if docx::is_word_binary(bytes) {
        // An old .doc or a password-protected .docx: say which, not "not UTF-8".
        return Err(InputError::Docx(
            docx::read(bytes).err().unwrap_or(docx::DocxError::Legacy),
        ));
    }
    within_limit(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    if text.contains('\0') {
        return Err(InputError::Binary);
    }
    Ok(text)
}

/// The text to check in a file: UTF-8 text as it is, a Word document (.docx, recognised by
/// its content, not its name) as the text Word displays, with what was read beside it.
pub fn text_of(
    bytes: &[u8],
) -> Result<(std::borrow::Cow<'_, str>, Option<docx::Docx>), InputError> {
    if !docx::is_zip(bytes) {
        return decode(bytes).map(|t| (std::borrow::Cow::Borrowed(t), None));
    }
    let mut doc = docx::read(bytes).map_err(InputError::Docx)?;
    within_limit(doc.text.len())?;
    let text = std::mem::take(&mut doc.text);
    Ok((std::borrow::Cow::Owned(text), Some(doc)))
}
