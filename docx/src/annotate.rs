//! A reviewer's comments (批注) written onto a Word document: each anchored on exactly
//! the text it is about, the runs split where a comment begins or ends inside one.
//!
//! Only `word/document.xml` (the anchors), `word/comments.xml` (created, or added to),
//! the document's relationships and the content types change; every other part of the
//! package is copied as it was, byte for byte — formatting, numbering, tables, headers
//! and footers, the author's own comments and tracked changes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::write::xml_text;
use crate::{corrupt, part, read_document, Docx, DocxError, Piece};

/// A comment on the text [`crate::read`] gives of the document: `start..end` in bytes of
/// that text (an empty range stands for its whole line), and what it says, a paragraph
/// a line.
#[derive(Clone, Debug)]
pub struct Note {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Who writes the comments, and when (`2026-11-26`).
#[derive(Clone, Debug)]
pub struct Reviewer<'a> {
    pub name: &'a str,
    pub date: &'a str,
}

const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// The document `bytes` with `notes` as Word comments; a note whose text cannot be found
/// in the document's runs is anchored on the nearest text before it.
pub fn annotate(bytes: &[u8], notes: &[Note], by: &Reviewer<'_>) -> Result<Vec<u8>, DocxError> {
    let (docx, document) = read_document(bytes)?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let rels_name = "word/_rels/document.xml.rels";
    let rels = part(&mut archive, rels_name)?.unwrap_or_else(|| {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".to_string()
    });
    let (rels, comments_name) = with_comments_relationship(&rels)?;
    let types_name = "[Content_Types].xml";
    let types = part(&mut archive, types_name)?.ok_or_else(|| DocxError::Corrupt {
        detail: "the package has no [Content_Types].xml".into(),
    })?;
    let types = with_comments_type(&types, &comments_name)?;
    let existing = part(&mut archive, &comments_name)?;

    let first_id = next_id(&document).max(existing.as_deref().map_or(0, next_id));
    let anchors: Vec<(usize, Anchor)> = notes
        .iter()
        .enumerate()
        .filter_map(|(k, n)| Some((first_id + k, anchor(&docx, n)?)))
        .collect();
    let document = insert_anchors(&document, &docx, &anchors);
    let mut comments = String::new();
    for (id, _) in &anchors {
        if let Some(note) = notes.get(id - first_id) {
            comments.push_str(&comment_xml(*id, note, by));
        }
    }
    let comments_xml = match existing {
        Some(xml) => {
            let close = xml.rfind("</w:comments>").ok_or_else(|| DocxError::Corrupt {
                detail: format!("{comments_name} does not end as Word writes it"),
            })?;
            format!("{}{comments}{}", &xml[..close], &xml[close..])
        }
        None => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{comments}</w:comments>"
        ),
    };

    let mut changed: Vec<(&str, &str)> = vec![
        ("word/document.xml", document.as_str()),
        (rels_name, rels.as_str()),
        (types_name, types.as_str()),
        (comments_name.as_str(), comments_xml.as_str()),
    ];
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).map_err(corrupt)?;
        let name = file.name().map_err(corrupt)?.to_string();
        match changed.iter().position(|(n, _)| *n == name) {
            Some(k) => {
                drop(file);
                let (n, content) = changed.remove(k);
                out.start_file(n, options).map_err(corrupt)?;
                out.write_all(content.as_bytes()).map_err(corrupt)?;
            }
            None => out.raw_copy_file(file).map_err(corrupt)?,
        }
    }
    // Parts the package did not have: the comments, the relationships.
    for (n, content) in changed {
        out.start_file(n, options).map_err(corrupt)?;
        out.write_all(content.as_bytes()).map_err(corrupt)?;
    }
    out.finish().map(Cursor::into_inner).map_err(corrupt)
}

/// Where a comment begins and ends: a piece of the text and a byte offset in it.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    start: (usize, usize),
    end: (usize, usize),
}

/// The pieces of text a note covers. An empty note covers its line; a note over text
/// that no run holds (a number Word adds, a merged cell's repeat) falls back to the
/// nearest piece before it.
fn anchor(docx: &Docx, note: &Note) -> Option<Anchor> {
    let pieces = &docx.pieces;
    // Offsets inside a character (or past the end) move back to the character's start.
    let floor = |mut at: usize| {
        at = at.min(docx.text.len());
        while !docx.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (mut from, mut to) = (floor(note.start), floor(note.end));
    if from >= to {
        let line_start = docx.text[..from].rfind('\n').map_or(0, |k| k + 1);
        let line_end = docx.text[from..]
            .find('\n')
            .map_or(docx.text.len(), |k| from + k);
        (from, to) = (line_start, line_end);
    }
    let first = pieces.iter().position(|p| p.at + p.len > from);
    let last = pieces.iter().rposition(|p| p.at < to);
    match (first, last) {
        (Some(i), Some(j)) if i <= j => {
            let start = (i, from.saturating_sub(pieces[i].at));
            let end = (j, to.min(pieces[j].at + pieces[j].len) - pieces[j].at);
            Some(Anchor {
                start: whole_unless_verbatim(&pieces[i], start, false),
                end: whole_unless_verbatim(&pieces[j], end, true),
            })
        }
        // Nothing of the note's text is in a run (a merged cell's repeat, a number Word
        // adds): the same words earlier in the document, where a run holds them (the
        // merged cell itself), or else the nearest piece before (or the first of all).
        _ => {
            let quote = &docx.text[from..to];
            if let Some(k) = docx.text[..from]
                .rfind(quote)
                .filter(|_| !quote.trim().is_empty())
            {
                let earlier = Note {
                    start: k,
                    end: k + quote.len(),
                    text: String::new(),
                };
                let held = pieces.iter().any(|p| p.at <= k && k < p.at + p.len);
                if held {
                    return anchor(docx, &earlier);
                }
            }
            let k = pieces
                .iter()
                .rposition(|p| p.at < from)
                .or(if pieces.is_empty() { None } else { Some(0) })?;
            Some(Anchor {
                start: (k, 0),
                end: (k, pieces[k].len),
            })
        }
    }
}

/// An offset inside a piece that is not the document's bytes as they are (an entity
/// reference) moves to the piece's start or end.
fn whole_unless_verbatim(piece: &Piece, (k, offset): (usize, usize), end: bool) -> (usize, usize) {
    if piece.verbatim || offset == 0 || offset == piece.len {
        (k, offset)
    } else if end {
        (k, piece.len)
    } else {
        (k, 0)
    }
}

/// One place markup goes into `word/document.xml`.
struct Insert {
    at: usize,
    /// Inside a run's text: the run is closed before the markup and opened again after.
    split: Option<usize>,
    /// Ends before starts at one place.
    order: u8,
    markup: String,
}

fn insert_anchors(xml: &str, docx: &Docx, anchors: &[(usize, Anchor)]) -> String {
    let mut inserts: Vec<Insert> = Vec::new();
    for (id, a) in anchors {
        let start = format!("<w:commentRangeStart w:id=\"{id}\"/>");
        let end = format!(
            "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
        );
        inserts.extend(place(docx, a.start, false, 1, start));
        inserts.extend(place(docx, a.end, true, 0, end));
    }
    let mut keys: Vec<(usize, u8, usize)> = inserts
        .iter()
        .enumerate()
        .map(|(k, i)| (i.at, i.order, k))
        .collect();
    keys.sort_unstable();
    let mut out = String::with_capacity(xml.len() + inserts.len() * 120);
    let mut copied = 0;
    let mut k = 0;
    while k < keys.len() {
        let at = keys[k].0;
        let group: Vec<&Insert> = keys[k..]
            .iter()
            .take_while(|key| key.0 == at)
            .map(|key| &inserts[key.2])
            .collect();
        k += group.len();
        let Some(before) = xml.get(copied..at) else {
            continue;
        };
        out.push_str(before);
        copied = at;
        let markup: String = group.iter().map(|i| i.markup.as_str()).collect();
        match group.iter().find_map(|i| i.split) {
            Some(run) => {
                let rpr = docx
                    .runs
                    .get(run)
                    .and_then(|r| r.rpr.clone())
                    .and_then(|r| xml.get(r))
                    .unwrap_or("");
                out.push_str("</w:t></w:r>");
                out.push_str(&markup);
                out.push_str("<w:r>");
                out.push_str(rpr);
                out.push_str("<w:t xml:space=\"preserve\">");
            }
            None => out.push_str(&markup),
        }
    }
    out.push_str(xml.get(copied..).unwrap_or(""));
    out
}

/// Where an anchor's markup goes: before or after its run when the anchor is at the run's
/// edge, else inside the run's text, which is split there.
fn place(
    docx: &Docx,
    (k, offset): (usize, usize),
    end: bool,
    order: u8,
    markup: String,
) -> Option<Insert> {
    let piece = docx.pieces.get(k)?;
    let run = docx.runs.get(piece.run)?;
    let first_of_run = k == 0 || docx.pieces[k - 1].run != piece.run;
    let last_of_run = docx.pieces.get(k + 1).is_none_or(|p| p.run != piece.run);
    let (at, split) = if offset == 0 && first_of_run && !end {
        (run.start, None)
    } else if offset == piece.len && last_of_run && end {
        (run.end, None)
    } else if offset == 0 {
        (piece.xml.start, Some(piece.run))
    } else if offset == piece.len {
        (piece.xml.end, Some(piece.run))
    } else {
        (piece.xml.start + offset, Some(piece.run))
    };
    Some(Insert {
        at,
        split,
        order,
        markup,
    })
}

fn comment_xml(id: usize, note: &Note, by: &Reviewer<'_>) -> String {
    let initials: String = by.name.chars().take(1).collect();
    let mut xml = format!(
        "<w:comment w:id=\"{id}\" w:author=\"{}\" w:date=\"{}T00:00:00Z\" w:initials=\"{}\">",
        xml_text(by.name),
        xml_text(by.date),
        xml_text(&initials)
    );
    for (k, line) in note.text.lines().enumerate() {
        xml.push_str("<w:p>");
        if k == 0 {
            xml.push_str("<w:r><w:annotationRef/></w:r>");
        }
        xml.push_str(&format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_text(line)
        ));
    }
    if note.text.is_empty() {
        xml.push_str("<w:p><w:r><w:annotationRef/></w:r></w:p>");
    }
    xml.push_str("</w:comment>");
    xml
}

/// One more than the largest `w:id` in `xml` (comment ids must not repeat).
fn next_id(xml: &str) -> usize {
    xml.match_indices("w:id=\"")
        .filter_map(|(k, m)| {
            let rest = &xml[k + m.len()..];
            rest[..rest.find('"')?].parse::<usize>().ok()
        })
        .max()
        .map_or(0, |m| m + 1)
}

/// The document's relationships with one to a comments part (added when missing), and
/// that part's name in the package.
fn with_comments_relationship(rels: &str) -> Result<(String, String), DocxError> {
    if let Some(k) = rels.find(COMMENTS_TYPE) {
        // The Target of the relationship that names the comments type.
        let start = rels[..k].rfind('<').unwrap_or(0);
        let end = rels[k..].find('>').map_or(rels.len(), |e| k + e);
        let element = &rels[start..end];
        let target = element
            .split("Target=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .unwrap_or("comments.xml");
        let name = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("word/{target}"),
        };
        return Ok((rels.to_string(), name));
    }
    let close = rels
        .rfind("</Relationships>")
        .ok_or_else(|| DocxError::Corrupt {
            detail: "word/_rels/document.xml.rels does not end as Word writes it".into(),
        })?;
    let mut n = 1;
    while rels.contains(&format!("Id=\"rIdPlancheck{n}\"")) {
        n += 1;
    }
    let rel = format!(
        "<Relationship Id=\"rIdPlancheck{n}\" Type=\"{COMMENTS_TYPE}\" Target=\"comments.xml\"/>"
    );
    Ok((
        format!("{}{rel}{}", &rels[..close], &rels[close..]),
        "word/comments.xml".to_string(),
    ))
}

/// The content types with the comments part's (added when missing).
fn with_comments_type(types: &str, comments_name: &str) -> Result<String, DocxError> {
    let part_name = format!("/{comments_name}");
    if types.contains(&format!("PartName=\"{part_name}\"")) {
        return Ok(types.to_string());
    }
    let close = types.rfind("</Types>").ok_or_else(|| DocxError::Corrupt {
        detail: "[Content_Types].xml does not end as Word writes it".into(),
    })?;
    Ok(format!(
        "{}<Override PartName=\"{part_name}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>{}",
        &types[..close],
        &types[close..]
    ))
}
