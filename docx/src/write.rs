//! Writes Word documents: a title, lines of text and tables — what a 意见反馈表 is made of.
//! The parts are the few Word needs (content types, relationships, the document, its
//! styles), deflated; the text is escaped as XML and stripped of characters XML forbids.

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A block of the document, in order.
pub enum Block {
    /// A heading line (bold, larger).
    Title(String),
    /// A line of text.
    Line(String),
    /// A table: its header row, then its rows; every row as wide as the header.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        /// Relative column widths.
        widths: Vec<u32>,
    },
}

/// Text as XML character data: escaped, and without the control characters XML 1.0 does
/// not allow (a pasted form feed would make Word refuse the file).
pub(crate) fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn paragraph(text: &str, bold: bool, size_half_points: u32) -> String {
    let props = format!(
        "<w:rPr>{}<w:sz w:val=\"{size_half_points}\"/><w:szCs w:val=\"{size_half_points}\"/></w:rPr>",
        if bold { "<w:b/>" } else { "" }
    );
    format!(
        "<w:p><w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_text(text)
    )
}

fn cell(text: &str, width: u32, bold: bool) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
        paragraph(text, bold, 21)
    )
}

fn table(header: &[String], rows: &[Vec<String>], widths: &[u32]) -> String {
    // A page's text width in twentieths of a point (A4 landscape less the margins).
    const TEXT_WIDTH: u32 = 13_800;
    let total: u32 = widths.iter().sum::<u32>().max(1);
    let width = |k: usize| widths.get(k).copied().unwrap_or(1) * TEXT_WIDTH / total;
    let mut xml = String::from(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>\
         <w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders>\
         </w:tblPr><w:tblGrid>",
    );
    for k in 0..header.len() {
        xml.push_str(&format!("<w:gridCol w:w=\"{}\"/>", width(k)));
    }
    xml.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (k, h) in header.iter().enumerate() {
        xml.push_str(&cell(h, width(k), true));
    }
    xml.push_str("</w:tr>");
    for row in rows {
        xml.push_str("<w:tr>");
        for k in 0..header.len() {
            xml.push_str(&cell(
                row.get(k).map_or("", String::as_str),
                width(k),
                false,
            ));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="SimHei"/><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="KaiTi"/><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style></w:styles>"#;

/// A pasted text as a Word document (A4 portrait): a paragraph for each line, as it is
/// (tabs as tabs, blanks kept); a line given a heading level (1 or 2) is a Word heading of
/// that level (标题 1 / 标题 2, in the navigation pane). Read back, it gives the same text,
/// line for line.
pub fn text_document(lines: &[(&str, Option<u8>)]) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    for (line, heading) in lines {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            body.push_str("<w:p/>");
            continue;
        }
        body.push_str("<w:p>");
        if let Some(level) = heading {
            body.push_str(&format!(
                "<w:pPr><w:pStyle w:val=\"Heading{}\"/></w:pPr>",
                level.clamp(&1, &2)
            ));
        }
        for (k, piece) in line.split('\t').enumerate() {
            if k > 0 {
                body.push_str("<w:r><w:tab/></w:r>");
            }
            if !piece.is_empty() {
                body.push_str(&format!(
                    "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    xml_text(piece)
                ));
            }
        }
        body.push_str("</w:p>");
    }
    package(&body, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>")
}

/// A Word document (.docx) of `blocks`, on A4 landscape pages.
pub fn document(blocks: &[Block]) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => body.push_str(&paragraph(t, true, 32)),
            Block::Line(t) => body.push_str(&paragraph(t, false, 21)),
            Block::Table {
                header,
                rows,
                widths,
            } => {
                body.push_str(&table(header, rows, widths));
                // Word wants a paragraph between a table and what follows.
                body.push_str("<w:p/>");
            }
        }
    }
    package(&body, "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>\
         <w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>")
}

/// The package of a document whose body is `body`, with the section properties `page`.
fn package(body: &str, page: &str) -> Result<Vec<u8>, String> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
         <w:sectPr>{page}</w:sectPr></w:body></w:document>"
    );
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(content.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    zip.finish()
        .map(|c| c.into_inner())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_document_reads_back_as_its_text() {
        let bytes = document(&[
            Block::Title("意见反馈表".into()),
            Block::Line("方案：某县方案 <草稿> & 附件\u{c}".into()),
            Block::Table {
                header: vec!["序号".into(), "问题".into()],
                rows: vec![vec!["1".into(), "任务没有责任单位".into()]],
                widths: vec![1, 4],
            },
        ])
        .unwrap(); // ok: test
                   // The reader of this crate reads it: the title, the line (escaped, the form feed
                   // gone) and the table's rows, one a line, cells separated by tabs.
        let doc = crate::read(&bytes).unwrap(); // ok: test
        assert!(doc.text.contains("意见反馈表"));
        assert!(doc.text.contains("方案：某县方案 <草稿> & 附件"));
        assert!(doc.text.contains("序号\t问题\n"));
        assert!(doc.text.contains("1\t任务没有责任单位\n"));
    }
}
