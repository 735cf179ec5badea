//! The .docx reader on Word documents built from the fuzzer's choices: numbering levels
//! (any start, format and level text), paragraphs, tables with horizontal and vertical
//! merges, nested tables. Whatever they build, the reader refuses or reads them within the
//! text limit, in bounded memory (run with `-rss_limit_mb=512`) and time; comments written
//! onto what it reads leave the text as it was.
#![no_main]

use std::io::Write;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use plancheck::docx;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
const FORMATS: [&str; 8] = [
    "decimal",
    "lowerLetter",
    "upperRoman",
    "chineseCounting",
    "decimalEnclosedCircle",
    "ideographTraditional",
    "bullet",
    "none",
];

#[derive(Arbitrary, Debug)]
struct Level {
    start: u32,
    format: u8,
    /// How many times the level text repeats `%1`.
    repeat: u8,
}

#[derive(Arbitrary, Debug)]
enum Op {
    /// A paragraph of `len` × 质 (×64), numbered at (list, level) when given.
    Para {
        len: u8,
        numbered: Option<(u8, u8)>,
    },
    /// Opens a table (inside the current cell, when one is open).
    Table,
    Row,
    /// A cell spanning `span` grid columns; `merge` 0: none, 1: restart, 2: continue.
    Cell {
        span: u8,
        merge: u8,
        len: u16,
    },
    EndCell,
    EndTable,
}

#[derive(Arbitrary, Debug)]
struct Doc {
    levels: Vec<Level>,
    ops: Vec<Op>,
}

fn paragraph(len: usize, numbered: Option<(u8, u8)>) -> String {
    let num = numbered
        .map(|(list, level)| {
            format!(
                r#"<w:pPr><w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{}"/></w:numPr></w:pPr>"#,
                level % 9,
                list % 3 + 1
            )
        })
        .unwrap_or_default();
    format!(
        r#"<w:p>{num}<w:r><w:t>{}</w:t></w:r></w:p>"#,
        "质".repeat(len)
    )
}

fn build(doc: &Doc) -> Vec<u8> {
    let mut levels = String::new();
    for (i, l) in doc.levels.iter().take(9).enumerate() {
        levels.push_str(&format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="{}"/><w:numFmt w:val="{}"/><w:lvlText w:val="{}"/></w:lvl>"#,
            l.start,
            FORMATS[usize::from(l.format) % FORMATS.len()],
            format!("%{}.", i + 1).repeat(usize::from(l.repeat))
        ));
    }
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    // Open elements, closed in order at the end so the XML stays well formed.
    let mut open: Vec<&str> = Vec::new();
    let mut body = String::new();
    for op in doc.ops.iter().take(4096) {
        match op {
            Op::Para { len, numbered } => {
                body.push_str(&paragraph(usize::from(*len) * 64, *numbered))
            }
            Op::Table => {
                body.push_str("<w:tbl>");
                open.push("</w:tbl>");
            }
            Op::Row if open.last() == Some(&"</w:tbl>") => {
                body.push_str("<w:tr>");
                open.push("</w:tr>");
            }
            Op::Cell { span, merge, len } if open.last() == Some(&"</w:tr>") => {
                let merge = match merge % 3 {
                    1 => r#"<w:vMerge w:val="restart"/>"#,
                    2 => "<w:vMerge/>",
                    _ => "",
                };
                body.push_str(&format!(
                    r#"<w:tc><w:tcPr><w:gridSpan w:val="{span}"/>{merge}</w:tcPr>{}"#,
                    paragraph(usize::from(*len), None)
                ));
                open.push("</w:tc>");
            }
            Op::EndCell | Op::EndTable => {
                let want = if matches!(op, Op::EndCell) {
                    "</w:tc>"
                } else {
                    "</w:tbl>"
                };
                while let Some(close) = open.pop() {
                    // A cell always ends with a paragraph, as Word writes it.
                    if close == "</w:tc>" {
                        body.push_str("<w:p/>");
                    }
                    body.push_str(close);
                    if close == want {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    while let Some(close) = open.pop() {
        if close == "</w:tc>" {
            body.push_str("<w:p/>");
        }
        body.push_str(close);
    }
    let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("word/document.xml", document),
        ("word/numbering.xml", numbering),
    ] {
        if zip.start_file(name, options).is_err() || zip.write_all(text.as_bytes()).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fuzz_target!(|doc: Doc| {
    let bytes = build(&doc);
    if let Ok(read) = docx::read(&bytes) {
        assert!(read.text.len() <= docx::MAX_TEXT_BYTES);
        assert!(read.numbered <= read.paragraphs);
        // Comments written onto it, anywhere (in numbers, merged cells' repeats, across
        // cells): the document reads back as the same text.
        let len = read.text.len();
        let notes: Vec<docx::annotate::Note> = doc
            .levels
            .iter()
            .map(|l| docx::annotate::Note {
                start: l.start as usize % (len + 1),
                end: (l.start as usize + l.repeat as usize * 7) % (len + 1),
                text: "意见".into(),
            })
            .collect();
        let by = docx::annotate::Reviewer {
            name: "审核",
            date: "2026-11-26",
        };
        if let Ok(out) = docx::annotate::annotate(&bytes, &notes, &by) {
            let again = docx::read(&out).map(|d| d.text);
            assert_eq!(again.as_deref().ok(), Some(read.text.as_str()));
        }
    }
});
