//! Word documents (.docx): the text Word displays, read from the zip container.
//!
//! The result is plain text in the shape a careful copy out of Word gives, so that the
//! checker reads it like any pasted plan and the page can show it with its highlights:
//!
//! - paragraphs in order, one per line, with the automatic numbering Word displays
//!   (`一、`, `（一）`, `1.`, from `numbering.xml`, also when a paragraph style carries it);
//! - tables a row a line, cells separated by tabs (an empty cell empty), as Word copies a
//!   table into a text box, and a blank line after the table; a vertically merged cell
//!   repeated in every row it spans, since it applies to each (a 责任单位 merged over
//!   three indicators names it for all); a cell's paragraphs joined on its one line;
//! - tracked changes as if accepted: insertions kept, deletions dropped; comments are not
//!   part of the text but are returned beside it, with the count of each kind of change.
//!
//! Sizes are limited before anything is inflated, and while inflating: a zip bomb or a
//! huge file is refused with a message, never a hang.

pub mod annotate;
mod numbering;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
mod wasm;
pub mod write;
mod xml;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Serialize;

use numbering::Numbering;
use xml::{attr, local, push_reference};

/// The largest .docx file read, in bytes.
pub const MAX_DOCX_BYTES: usize = 32 * 1024 * 1024;
/// The largest part of it (`word/document.xml` and the like) once inflated, in bytes.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The most text a document is read into, in bytes of UTF-8: the largest text checked.
/// Counted as the text is produced, so that merged cells repeated down a table, nested
/// tables and numbering cannot grow a small file into gigabytes.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// What a .docx holds, as text.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Docx {
    /// The text Word displays, numbering and tables included.
    pub text: String,
    /// Paragraphs outside tables.
    pub paragraphs: usize,
    /// Of those, paragraphs whose number comes from Word's automatic numbering.
    pub numbered: usize,
    pub tables: usize,
    /// Tracked insertions kept and deletions dropped.
    pub insertions: usize,
    pub deletions: usize,
    /// Comments, which are not part of the text.
    pub comments: Vec<Comment>,
    /// Where the text came from in `word/document.xml`, for writing comments back onto
    /// it: each piece of text read from a run, in text order.
    #[serde(skip)]
    pub(crate) pieces: Vec<Piece>,
    #[serde(skip)]
    pub(crate) runs: Vec<Run>,
}

/// A piece of the text read from one `w:t` of a run: `len` bytes of the text at `at`,
/// from the bytes `xml` of `word/document.xml` (equal to the text when `verbatim`; an
/// entity reference otherwise).
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub at: usize,
    pub len: usize,
    pub xml: std::ops::Range<usize>,
    pub verbatim: bool,
    pub run: usize,
}

/// A run (`w:r`) of `word/document.xml`: where it starts and ends, and its properties.
#[derive(Clone, Debug, Default)]
pub(crate) struct Run {
    pub start: usize,
    pub end: usize,
    pub rpr: Option<std::ops::Range<usize>>,
    /// A `w:r` holding only `w:t` text (not `m:t`): one that can be split.
    pub ok: bool,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Comment {
    pub author: String,
    pub text: String,
}

/// Why a file could not be read as a Word document.
#[derive(Clone, Debug, PartialEq)]
pub enum DocxError {
    TooLarge {
        bytes: usize,
    },
    /// An old binary Word file (.doc, .wps).
    Legacy,
    /// A password-protected document.
    Encrypted,
    /// Not a zip container at all.
    NotZip,
    /// A zip, but not a Word document.
    NotWord,
    /// A part inflates beyond [`MAX_PART_BYTES`].
    PartTooLarge {
        part: String,
    },
    /// The text it holds (merged cells repeated, nested tables) grows beyond
    /// [`MAX_TEXT_BYTES`].
    TextTooLarge,
    Corrupt {
        detail: String,
    },
}

impl DocxError {
    /// A stable id for the kind of error, for callers that word the message themselves.
    pub fn kind(&self) -> &'static str {
        match self {
            DocxError::TooLarge { .. } => "too-large",
            DocxError::Legacy => "legacy-doc",
            DocxError::Encrypted => "encrypted",
            DocxError::NotZip => "not-docx",
            DocxError::NotWord => "not-word",
            DocxError::PartTooLarge { .. } => "too-large-inflated",
            DocxError::TextTooLarge => "too-much-text",
            DocxError::Corrupt { .. } => "corrupt",
        }
    }
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; the largest .docx read is {MAX_DOCX_BYTES} bytes"
            ),
            DocxError::Legacy => write!(
                f,
                "this is an old binary Word file (.doc); save it as .docx or as UTF-8 text"
            ),
            DocxError::Encrypted => write!(
                f,
                "the document is password-protected; remove the password in Word and save again"
            ),
            DocxError::NotZip => write!(f, "not a .docx file (it is not a zip container)"),
            DocxError::NotWord => write!(f, "a zip file, but not a Word document (no word/document.xml)"),
            DocxError::PartTooLarge { part } => write!(
                f,
                "{part} inflates to more than {MAX_PART_BYTES} bytes; refused as a possible zip bomb"
            ),
            DocxError::TextTooLarge => write!(
                f,
                "the document's text (merged cells repeated, nested tables) grows beyond {MAX_TEXT_BYTES} bytes of UTF-8, the largest text checked; refused"
            ),
            DocxError::Corrupt { detail } => write!(f, "the .docx is damaged: {detail}"),
        }
    }
}

impl std::error::Error for DocxError {}

/// Whether the bytes start like a zip container (as a .docx does).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether the bytes are an OLE container: an old .doc/.wps, or an encrypted .docx.
pub fn is_word_binary(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE_MAGIC)
}

/// Reads a .docx into the text Word displays.
pub fn read(bytes: &[u8]) -> Result<Docx, DocxError> {
    read_document(bytes).map(|(docx, _)| docx)
}

/// The text Word displays, with `word/document.xml` as it was read.
pub(crate) fn read_document(bytes: &[u8]) -> Result<(Docx, String), DocxError> {
    if bytes.len() > MAX_DOCX_BYTES {
        return Err(DocxError::TooLarge { bytes: bytes.len() });
    }
    if is_word_binary(bytes) {
        // Password-protected .docx files are OLE containers holding an EncryptedPackage.
        let marker: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        return Err(if bytes.windows(marker.len()).any(|w| w == marker) {
            DocxError::Encrypted
        } else {
            DocxError::Legacy
        });
    }
    if !is_zip(bytes) {
        return Err(DocxError::NotZip);
    }
    if let Some(name) = duplicate_entry(bytes) {
        return Err(DocxError::Corrupt {
            detail: format!("the package holds {name} twice; which one Word would read is unclear"),
        });
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(DocxError::NotWord)?;
    let numbering = part(&mut archive, "word/numbering.xml")?
        .map(|x| Numbering::parse(&x))
        .unwrap_or_default();
    let styles = part(&mut archive, "word/styles.xml")?
        .map(|x| style_numbering(&x))
        .unwrap_or_default();
    let comments = part(&mut archive, "word/comments.xml")?
        .map(|x| comments_of(&x))
        .unwrap_or_default();
    let mut walker = Walker {
        numbering,
        styles,
        ..Walker::default()
    };
    walker.walk(&document)?;
    let mut docx = walker.docx;
    docx.comments = comments;
    Ok((docx, document))
}

/// A name the zip's central directory lists twice, if any. The zip reader keeps one of
/// them silently; a package with two `word/document.xml` is refused instead.
fn duplicate_entry(bytes: &[u8]) -> Option<String> {
    // The end-of-central-directory record: the last `PK\x05\x06` in the file.
    let eocd = bytes.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let u16_at = |i: usize| Some(u16::from_le_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]) as usize);
    let u32_at = |i: usize| {
        Some(u32::from_le_bytes([
            *bytes.get(i)?,
            *bytes.get(i + 1)?,
            *bytes.get(i + 2)?,
            *bytes.get(i + 3)?,
        ]) as usize)
    };
    let count = u16_at(eocd + 10)?;
    let mut at = u32_at(eocd + 16)?;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..count {
        if bytes.get(at..at + 4)? != b"PK\x01\x02" {
            return None;
        }
        let (name_len, extra, comment) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        let name = bytes.get(at + 46..at + 46 + name_len)?;
        if !seen.insert(name) {
            return Some(String::from_utf8_lossy(name).into_owned());
        }
        at += 46 + name_len + extra + comment;
    }
    None
}

pub(crate) fn corrupt(e: impl std::fmt::Display) -> DocxError {
    let detail = e.to_string();
    let lower = detail.to_ascii_lowercase();
    // The zip reader says "Password required to decrypt file" of a zip-encrypted entry.
    if lower.contains("crypt") || lower.contains("password") {
        DocxError::Encrypted
    } else {
        DocxError::Corrupt { detail }
    }
}

/// One part of the package as text, inflated within [`MAX_PART_BYTES`].
pub(crate) fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(e)),
    };
    if file.encrypted() {
        return Err(DocxError::Encrypted);
    }
    if file.size() > MAX_PART_BYTES {
        return Err(DocxError::PartTooLarge { part: name.into() });
    }
    let mut data = Vec::new();
    // The declared size may lie: stop reading past the limit whatever it says.
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(corrupt)?;
    if data.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::PartTooLarge { part: name.into() });
    }
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&data).to_vec();
    String::from_utf8(data)
        .map(Some)
        .map_err(|_| DocxError::Corrupt {
            detail: format!("{name} is not UTF-8"),
        })
}

/// Paragraph styles that carry numbering (`w:style/w:pPr/w:numPr`), with what they
/// inherit through `w:basedOn`: style id → (numId, level).
fn style_numbering(xml: &str) -> HashMap<String, (String, u8)> {
    let mut own: HashMap<String, (Option<String>, Option<u8>)> = HashMap::new();
    let mut based: HashMap<String, String> = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut style: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local(e.name().as_ref()) {
                b"style" => style = attr(&e, b"styleId"),
                b"basedOn" => {
                    if let (Some(s), Some(v)) = (&style, attr(&e, b"val")) {
                        based.insert(s.clone(), v);
                    }
                }
                b"numId" => {
                    if let Some(s) = &style {
                        own.entry(s.clone()).or_default().0 = attr(&e, b"val");
                    }
                }
                b"ilvl" => {
                    if let Some(s) = &style {
                        own.entry(s.clone()).or_default().1 =
                            attr(&e, b"val").and_then(|v| v.parse().ok());
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if local(e.name().as_ref()) == b"style" => style = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let mut out = HashMap::new();
    for id in own.keys().chain(based.keys()) {
        let (mut num, mut level) = (None, None);
        let mut at = Some(id.clone());
        for _ in 0..16 {
            let Some(s) = at else { break };
            if let Some((n, l)) = own.get(&s) {
                num = num.or_else(|| n.clone());
                level = level.or(*l);
            }
            at = based.get(&s).cloned();
        }
        if let Some(n) = num.filter(|n| n != "0") {
            out.insert(id.clone(), (n, level.unwrap_or(0)));
        }
    }
    out
}

fn comments_of(xml: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<Comment> = None;
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match local(e.name().as_ref()) {
                b"comment" => {
                    current = Some(Comment {
                        author: attr(&e, b"author").unwrap_or_default(),
                        text: String::new(),
                    })
                }
                b"t" => in_text = true,
                b"p" => {
                    if let Some(c) = current.as_mut().filter(|c| !c.text.is_empty()) {
                        c.text.push('\n');
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) => match local(e.name().as_ref()) {
                b"comment" => out.extend(current.take()),
                b"t" => in_text = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                if let Some(c) = current.as_mut() {
                    c.text.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Some(c) = current.as_mut() {
                    push_reference(&mut c.text, &r);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    /// Pieces with `at` relative to `text`.
    pieces: Vec<Piece>,
    num_id: Option<String>,
    level: Option<u8>,
    style: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum VMerge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Default)]
struct Cell {
    text: String,
    /// Pieces with `at` relative to `text`.
    pieces: Vec<Piece>,
    span: usize,
    vmerge: VMerge,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
}

/// Elements whose content is not displayed text: deletions, field instructions,
/// the previous state of changed properties, drawing fallbacks and text boxes.
fn skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"del"
            | b"moveFrom"
            | b"instrText"
            | b"delInstrText"
            | b"rPrChange"
            | b"pPrChange"
            | b"sectPrChange"
            | b"tblPrChange"
            | b"trPrChange"
            | b"tcPrChange"
            | b"numberingChange"
            | b"Fallback"
            | b"txbxContent"
            | b"footnotes"
            | b"endnotes"
    )
}

#[derive(Default)]
struct Walker {
    numbering: Numbering,
    styles: HashMap<String, (String, u8)>,
    docx: Docx,
    skip: usize,
    paragraph: Option<Paragraph>,
    in_ppr: bool,
    in_run: usize,
    in_text: bool,
    tables: Vec<Table>,
    /// Bytes produced beyond the text itself: merged cells repeated in each row, nested
    /// tables joined into their cell. With the text, held to [`MAX_TEXT_BYTES`].
    copied: usize,
    /// The bytes of `word/document.xml` the current event was read from.
    event: std::ops::Range<usize>,
    /// The run being read (a `w:r` holding `w:t`), and where its `w:rPr` starts.
    run: Option<Run>,
    rpr_start: Option<usize>,
}

impl Walker {
    fn walk(&mut self, xml: &str) -> Result<(), DocxError> {
        let mut reader = Reader::from_str(xml);
        // Elements open: a document that ends inside one was cut short.
        let mut depth = 0usize;
        loop {
            let from = reader.buffer_position() as usize;
            let event = reader.read_event().map_err(|e| DocxError::Corrupt {
                detail: format!("word/document.xml: {e}"),
            })?;
            self.event = from..reader.buffer_position() as usize;
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            match event {
                Event::Start(e) => {
                    if self.skip > 0 || skipped(local(e.name().as_ref())) {
                        if self.skip == 0 {
                            self.count_change(local(e.name().as_ref()));
                        }
                        self.skip += 1;
                    } else {
                        self.start(&e, false);
                    }
                }
                Event::Empty(e) if self.skip == 0 => self.start(&e, true),
                Event::End(e) => {
                    if self.skip > 0 {
                        self.skip -= 1;
                    } else {
                        self.end(local(e.name().as_ref()));
                    }
                }
                Event::Text(t) if self.skip == 0 && self.in_text => {
                    let text = t.xml10_content();
                    let raw: &str = &t;
                    let verbatim = *text == *raw;
                    self.push_text(&text, verbatim);
                }
                Event::GeneralRef(r) if self.skip == 0 && self.in_text => {
                    let mut text = String::new();
                    push_reference(&mut text, &r);
                    self.push_text(&text, false);
                }
                Event::Eof => {
                    if depth > 0 {
                        return Err(DocxError::Corrupt {
                            detail: "word/document.xml ends before its last element closes (the file was cut short)".into(),
                        });
                    }
                    break;
                }
                _ => {}
            }
            if self.docx.text.len().saturating_add(self.copied) > MAX_TEXT_BYTES {
                return Err(DocxError::TextTooLarge);
            }
        }
        Ok(())
    }

    /// Text of a `w:t`, with where it came from.
    fn push_text(&mut self, text: &str, verbatim: bool) {
        let Some(p) = self.paragraph.as_mut() else {
            return;
        };
        if self.run.as_ref().is_some_and(|r| r.ok) && !text.is_empty() {
            p.pieces.push(Piece {
                at: p.text.len(),
                len: text.len(),
                xml: self.event.clone(),
                verbatim,
                run: self.docx.runs.len(),
            });
        }
        p.text.push_str(text);
    }

    fn count_change(&mut self, name: &[u8]) {
        if matches!(name, b"del" | b"moveFrom") {
            self.docx.deletions += 1;
        }
    }

    // Long: one case for each element of document.xml the reader keeps.
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let qname = e.name();
        let name = local(qname.as_ref());
        match name {
            b"p" if !empty => {
                self.paragraph = Some(Paragraph::default());
                self.in_ppr = false;
            }
            b"p" => self.emit(Paragraph::default()),
            b"pPr" if !empty => self.in_ppr = true,
            b"pStyle" | b"numId" | b"ilvl" if self.in_ppr => {
                if let Some(p) = self.paragraph.as_mut() {
                    let v = attr(e, b"val");
                    match name {
                        b"pStyle" => p.style = v,
                        b"numId" => p.num_id = v,
                        _ => p.level = v.and_then(|v| v.parse().ok()),
                    }
                }
            }
            b"r" if !empty => {
                self.in_run += 1;
                // Only runs of the main namespace's usual prefix are written back into.
                if self.in_run == 1 && qname.as_ref() == "w:r" {
                    self.run = Some(Run {
                        start: self.event.start,
                        ok: true,
                        ..Run::default()
                    });
                }
            }
            b"rPr" if self.in_run > 0 && !self.in_ppr => {
                if empty {
                    if let Some(run) = self.run.as_mut() {
                        run.rpr = Some(self.event.clone());
                    }
                } else {
                    self.rpr_start = Some(self.event.start);
                }
            }
            b"t" if !empty && self.in_run > 0 => {
                self.in_text = true;
                if qname.as_ref() != "w:t" {
                    if let Some(run) = self.run.as_mut() {
                        run.ok = false;
                    }
                }
            }
            b"tab" | b"ptab" if self.in_run > 0 => self.push('\t'),
            b"br" | b"cr" if self.in_run > 0 => self.push('\n'),
            b"noBreakHyphen" if self.in_run > 0 => self.push('-'),
            b"ins" | b"moveTo" if !empty => self.docx.insertions += 1,
            b"tbl" if !empty => self.tables.push(Table::default()),
            b"tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"tc" if !empty => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Cell {
                        span: 1,
                        ..Cell::default()
                    });
                }
            }
            b"gridSpan" | b"vMerge" if self.paragraph.is_none() => {
                if let Some(cell) = self
                    .tables
                    .last_mut()
                    .and_then(|t| t.rows.last_mut())
                    .and_then(|r| r.last_mut())
                {
                    let v = attr(e, b"val");
                    if name == b"gridSpan" {
                        cell.span = v.and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                    } else {
                        cell.vmerge = match v.as_deref() {
                            Some("restart") => VMerge::Restart,
                            _ => VMerge::Continue,
                        };
                    }
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, ch: char) {
        if let Some(p) = self.paragraph.as_mut() {
            p.text.push(ch);
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"p" => {
                if let Some(p) = self.paragraph.take() {
                    self.emit(p);
                }
                self.in_ppr = false;
            }
            b"pPr" => self.in_ppr = false,
            b"r" => {
                self.in_run = self.in_run.saturating_sub(1);
                if self.in_run == 0 {
                    if let Some(mut run) = self.run.take() {
                        run.end = self.event.end;
                        self.docx.runs.push(run);
                    }
                }
            }
            b"rPr" => {
                if let (Some(start), Some(run)) = (self.rpr_start.take(), self.run.as_mut()) {
                    run.rpr = Some(start..self.event.end);
                }
            }
            b"t" => self.in_text = false,
            b"tbl" => {
                if let Some(table) = self.tables.pop() {
                    self.docx.tables += 1;
                    let budget = MAX_TEXT_BYTES.saturating_sub(self.docx.text.len() + self.copied);
                    let (rows, copied) = resolve_merges(table, budget);
                    self.copied = self.copied.saturating_add(copied);
                    match self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                        // A table inside a cell: its cells joined into that cell.
                        Some(row) => {
                            if let Some(cell) = row.last_mut() {
                                let before = cell.text.len();
                                for r in rows {
                                    for (text, _) in r {
                                        join_cell(&mut cell.text, &text);
                                    }
                                }
                                self.copied = self.copied.saturating_add(cell.text.len() - before);
                            }
                        }
                        None => {
                            let rows = rows
                                .into_iter()
                                .filter(|r| r.iter().any(|(t, _)| !t.is_empty()));
                            for r in rows {
                                for (k, (text, pieces)) in r.into_iter().enumerate() {
                                    if k > 0 {
                                        self.docx.text.push('\t');
                                    }
                                    let base = self.docx.text.len();
                                    self.docx.pieces.extend(pieces.into_iter().map(|mut p| {
                                        p.at += base;
                                        p
                                    }));
                                    self.docx.text.push_str(&text);
                                }
                                self.docx.text.push('\n');
                            }
                            self.docx.text.push('\n');
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A finished paragraph: into the current table cell, or into the text.
    fn emit(&mut self, p: Paragraph) {
        let numbering = p
            .num_id
            .clone()
            .map(|n| (n, p.level))
            .or_else(|| {
                // The style's list; the paragraph's own level, when it gives one, wins.
                let (n, l) = self.styles.get(p.style.as_deref()?)?;
                Some((n.clone(), p.level.or(Some(*l))))
            })
            .filter(|(n, _)| n != "0");
        let number = numbering.and_then(|(n, level)| self.numbering.next(&n, level.unwrap_or(0)));
        let numbered = number.is_some();
        let mut line = number.unwrap_or_default();
        let shift = line.len();
        line.push_str(&p.text);
        let mut pieces = p.pieces;
        for piece in &mut pieces {
            piece.at += shift;
        }
        if let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            let before = cell.text.len();
            match join_cell(&mut cell.text, &line) {
                Some(at) => cell.pieces.extend(pieces.into_iter().map(|mut piece| {
                    piece.at += at;
                    piece
                })),
                // Blanks were joined: each piece found again in what was added.
                None => {
                    let mut from = before;
                    for mut piece in pieces {
                        let words = line[piece.at..piece.at + piece.len].trim();
                        let found = (!words.is_empty() && piece.len == words.len())
                            .then(|| cell.text.get(from..)?.find(words))
                            .flatten();
                        if let Some(k) = found {
                            piece.at = from + k;
                            from = piece.at + piece.len;
                            cell.pieces.push(piece);
                        }
                    }
                }
            }
        } else {
            // Counted among the paragraphs outside tables, as the numbered ones are.
            self.docx.paragraphs += 1;
            self.docx.numbered += usize::from(numbered);
            let base = self.docx.text.len();
            self.docx.pieces.extend(pieces.into_iter().map(|mut piece| {
                piece.at += base;
                piece
            }));
            self.docx.text.push_str(&line);
            self.docx.text.push('\n');
        }
    }
}

/// Adds a paragraph to a cell's one line: unit lists stay lists, sentences stay apart.
/// Where the text went in the cell, when it went unchanged (no blanks joined).
fn join_cell(cell: &mut String, text: &str) -> Option<usize> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        return None;
    }
    if !cell.is_empty() && !cell.ends_with(['。', '；', '，', '、', ';', ',']) {
        cell.push('；');
    }
    let at = cell.len();
    cell.push_str(&joined);
    (joined == text).then_some(at)
}

/// The rows' cell texts (with their pieces, `at` relative to the text), a vertically
/// merged cell repeated in each row it spans (a repeat has no pieces: it is written
/// once), and the bytes so repeated. The repeats stop at `budget` bytes: past it the
/// caller refuses the document.
#[allow(clippy::type_complexity)]
fn resolve_merges(table: Table, budget: usize) -> (Vec<Vec<(String, Vec<Piece>)>>, usize) {
    let mut out: Vec<Vec<(String, Vec<Piece>)>> = Vec::new();
    let mut copied = 0usize;
    // The text at each grid column of the previous row, shared rather than cloned per
    // column a cell spans.
    let mut above: Vec<std::rc::Rc<str>> = Vec::new();
    for row in table.rows {
        let mut texts = Vec::new();
        let mut grid: Vec<std::rc::Rc<str>> = Vec::new();
        for cell in row {
            let col = grid.len();
            let (text, pieces): (std::rc::Rc<str>, Vec<Piece>) = match cell.vmerge {
                VMerge::Continue => {
                    let repeated = above.get(col).cloned().unwrap_or_else(|| "".into());
                    copied = copied.saturating_add(repeated.len());
                    if copied > budget {
                        return (out, copied);
                    }
                    (repeated, Vec::new())
                }
                _ => {
                    let lead = cell.text.len() - cell.text.trim_start().len();
                    let trimmed = cell.text.trim();
                    let pieces = cell
                        .pieces
                        .into_iter()
                        .filter(|p| p.at >= lead && p.at + p.len <= lead + trimmed.len())
                        .map(|mut p| {
                            p.at -= lead;
                            p
                        })
                        .collect();
                    (trimmed.into(), pieces)
                }
            };
            grid.extend(std::iter::repeat_n(text.clone(), cell.span));
            // Every cell in its place: an empty cell stays empty. A cell spanning
            // columns is one cell (a title row's), written once.
            texts.push((text.to_string(), pieces));
        }
        above = grid;
        out.push(texts);
    }
    (out, copied)
}
