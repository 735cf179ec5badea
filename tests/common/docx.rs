//! Writes small .docx files at test time: a package with the parts a test names, and
//! WordprocessingML helpers for paragraphs, numbered paragraphs and tables.

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A .docx holding `body` as its document and, when given, numbering, styles and comments.
pub struct Package<'a> {
    pub body: String,
    pub numbering: Option<&'a str>,
    pub styles: Option<&'a str>,
    pub comments: Option<String>,
}

impl Package<'_> {
    pub fn new(body: String) -> Self {
        Package {
            body,
            numbering: None,
            styles: None,
            comments: None,
        }
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut parts = vec![
            ("[Content_Types].xml", CONTENT_TYPES.to_string()),
            (
                "word/document.xml",
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{}<w:sectPr/></w:body></w:document>"#,
                    self.body
                ),
            ),
        ];
        if let Some(n) = self.numbering {
            parts.push((
                "word/numbering.xml",
                format!("<w:numbering {W}>{n}</w:numbering>"),
            ));
        }
        if let Some(s) = self.styles {
            parts.push(("word/styles.xml", format!("<w:styles {W}>{s}</w:styles>")));
        }
        if let Some(c) = &self.comments {
            parts.push((
                "word/comments.xml",
                format!("<w:comments {W}>{c}</w:comments>"),
            ));
        }
        // The relationships Word writes: the package's to its document, the document's
        // to its parts (other tools open a package by them).
        const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        parts.push((
            "_rels/.rels",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#),
        ));
        let mut rels = String::new();
        for (k, (kind, present)) in [
            ("numbering", self.numbering.is_some()),
            ("styles", self.styles.is_some()),
            ("comments", self.comments.is_some()),
        ]
        .into_iter()
        .enumerate()
        {
            if present {
                rels.push_str(&format!(
                    r#"<Relationship Id="rId{}" Type="{REL}/{kind}" Target="{kind}.xml"/>"#,
                    k + 1
                ));
            }
        }
        parts.push((
            "word/_rels/document.xml.rels",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#),
        ));
        zip_of(&parts, CompressionMethod::Deflated)
    }
}

pub fn zip_of(parts: &[(&str, String)], method: CompressionMethod) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    for (name, content) in parts {
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(content.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A plain paragraph.
pub fn p(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text)
    )
}

/// A paragraph numbered by list `num` at level `ilvl`.
pub fn numbered(num: u32, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

/// A paragraph whose style carries the numbering.
pub fn styled(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

/// The numbering Chinese plans use: 一、 / （一） / 1. , as list 1.
pub const PLAN_NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#;

/// One table cell: `span` grid columns, `merge` Some("restart") / Some("") for a
/// vertical merge's first / continued cell.
pub fn cell(text: &str, span: u32, merge: Option<&str>) -> String {
    let mut pr = String::new();
    if span > 1 {
        pr.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match merge {
        Some("") => pr.push_str("<w:vMerge/>"),
        Some(v) => pr.push_str(&format!(r#"<w:vMerge w:val="{v}"/>"#)),
        None => {}
    }
    let body = if text.is_empty() {
        "<w:p/>".to_string()
    } else {
        p(text)
    };
    format!("<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>")
}

/// Plain cells: one grid column each, not merged.
pub fn cells(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| cell(t, 1, None)).collect()
}

pub fn row(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

pub fn table(rows: &[String]) -> String {
    format!("<w:tbl><w:tblPr/>{}</w:tbl>", rows.concat())
}
