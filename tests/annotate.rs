//! The reviewer's comments written back onto a Word draft: each anchored on exactly the
//! text it is about, and nothing else of the document changed.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use std::collections::BTreeMap;
use std::io::Read;

use common::docx::{cell, cells, numbered, p, row, table, Package, PLAN_NUMBERING};
use plancheck::docx::annotate::{annotate, Note, Reviewer};
use plancheck::docx::read;

const BY: Reviewer<'static> = Reviewer {
    name: "市局审核",
    date: "2026-11-26",
};

/// A draft with what a real one has: automatic numbering, formatted runs split across a
/// sentence, an entity, a tracked insertion and deletion, the author's own comment, and
/// a table with a merged cell.
fn draft() -> Vec<u8> {
    let bold = |t: &str| format!(r#"<w:r><w:rPr><w:b/></w:rPr><w:t>{t}</w:t></w:r>"#);
    let plain = |t: &str| format!(r#"<w:r><w:t xml:space="preserve">{t}</w:t></w:r>"#);
    let merged = |text: &str, how: &str| vec![cell(text, 1, Some(how))];
    let body = [
        p("青山县质量强县培育建设实施方案"),
        numbered(1, 0, "工作目标"),
        format!(
            "<w:p>{}{}{}</w:p>",
            plain("到2027年，"),
            bold("食品抽检合格率达到98%"),
            plain("，研发投入 &amp; 产出稳步提高。")
        ),
        numbered(1, 0, "重点任务"),
        numbered(1, 1, "推动经济质量效益型发展"),
        r#"<w:p><w:r><w:t>培育</w:t></w:r><w:ins w:id="1" w:author="县局"><w:r><w:t>高新技术</w:t></w:r></w:ins><w:del w:id="2" w:author="县局"><w:r><w:delText>全部</w:delText></w:r></w:del><w:commentRangeStart w:id="7"/><w:r><w:t>企业。</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>"#.to_string(),
        table(&[
            row(&cells(&["序号", "指标", "目标值", "责任单位"])),
            row(&[cells(&["1", "制造业产品质量合格率", "94%"]), merged("县市场监管局", "restart")].concat()),
            row(&[cells(&["2", "食品抽检合格率", "98%"]), merged("", "")].concat()),
        ]),
        p("表后文字。"),
    ]
    .concat();
    Package {
        numbering: Some(PLAN_NUMBERING),
        comments: Some(
            r#"<w:comment w:id="7" w:author="县局"><w:p><w:r><w:t>已核</w:t></w:r></w:p></w:comment>"#
                .into(),
        ),
        ..Package::new(body)
    }
    .bytes()
}

/// Every part of a package, inflated.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

/// The text each comment of `document.xml` is anchored on: the `w:t` text between its
/// `commentRangeStart` and `commentRangeEnd`, deletions left out — read with a scan of
/// the XML's own, not the crate's reader.
fn anchored(document: &str) -> BTreeMap<u32, String> {
    let mut out: BTreeMap<u32, String> = BTreeMap::new();
    let mut open: Vec<u32> = Vec::new();
    let mut in_t = false;
    let mut rest = document;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if in_t {
            let text = text
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            for id in &open {
                out.entry(*id).or_default().push_str(&text);
            }
        }
        let gt = rest[lt..].find('>').unwrap() + lt;
        let tag = &rest[lt + 1..gt];
        let id = || {
            tag.split("w:id=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap()
                .parse::<u32>()
                .unwrap()
        };
        if tag.starts_with("w:commentRangeStart") {
            let id = id();
            out.entry(id).or_default();
            open.push(id);
        } else if tag.starts_with("w:commentRangeEnd") {
            let id = id();
            open.retain(|o| *o != id);
        } else if tag == "w:t" || tag.starts_with("w:t ") {
            in_t = !tag.ends_with('/');
        } else if tag == "/w:t" {
            in_t = false;
        }
        rest = &rest[gt + 1..];
    }
    out
}

fn note(text: &str, quote: &str, nth: usize) -> Note {
    let start = text.match_indices(quote).nth(nth).unwrap().0;
    Note {
        start,
        end: start + quote.len(),
        text: format!("问题：{quote}\n建议：请核实"),
    }
}

#[test]
fn comments_are_anchored_on_exactly_their_text_and_nothing_else_changes() {
    let original = draft();
    let doc = read(&original).unwrap();
    let text = &doc.text;
    let notes = vec![
        // Inside one run, and across three runs (one bold, one with an entity).
        note(text, "合格率达到98%", 0),
        note(text, "98%，研发投入 & 产出", 0),
        // Across a tracked insertion, beside the author's own comment.
        note(text, "高新技术企业", 0),
        // After the number Word adds, in a table cell, in a merged cell.
        note(text, "推动经济", 0),
        note(text, "制造业产品质量合格率", 0),
        note(text, "县市场监管局", 0),
        // The merged cell's repeat (no run of its own): anchored on text before it.
        note(text, "县市场监管局", 1),
        // An empty range: the whole line.
        Note {
            start: text.find("表后").unwrap(),
            end: text.find("表后").unwrap(),
            text: "整段".into(),
        },
    ];
    let out = annotate(&original, &notes, &BY).unwrap();

    // The text Word shows is the same.
    assert_eq!(read(&out).unwrap().text, doc.text);

    let (before, after) = (parts(&original), parts(&out));
    // Every part but these is byte for byte the same.
    for (name, data) in &before {
        if ![
            "word/document.xml",
            "word/comments.xml",
            "[Content_Types].xml",
        ]
        .contains(&name.as_str())
        {
            assert_eq!(after.get(name), Some(data), "{name} changed");
        }
    }
    let document = String::from_utf8(after["word/document.xml"].clone()).unwrap();
    let anchors = anchored(&document);
    // The author's comment keeps its anchor.
    assert_eq!(anchors[&7], "企业。");
    let quotes: Vec<&str> = anchors
        .iter()
        .filter(|(id, _)| **id != 7)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        quotes,
        [
            "合格率达到98%",
            "98%，研发投入 & 产出",
            "高新技术企业",
            "推动经济",
            "制造业产品质量合格率",
            "县市场监管局",
            "县市场监管局",
            "表后文字。",
        ]
    );
    // The author's comment is kept, the new ones follow with their author and date.
    let comments = String::from_utf8(after["word/comments.xml"].clone()).unwrap();
    assert!(comments.contains(r#"w:author="县局""#) && comments.contains("已核"));
    assert_eq!(
        comments.matches(r#"w:author="市局审核""#).count(),
        notes.len()
    );
    assert!(comments.contains(r#"w:date="2026-11-26T00:00:00Z""#));
    assert!(comments.contains("问题：县市场监管局"));
    // The bold run split in three keeps its bold in each part; the comments that overlap
    // in it nest as their texts do.
    assert!(
        document.contains(concat!(
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t>食品抽检</w:t></w:r><w:commentRangeStart w:id="8"/>"#,
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">合格率达到</w:t></w:r><w:commentRangeStart w:id="9"/>"#,
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">98%</w:t></w:r><w:commentRangeEnd w:id="8"/>"#,
            r#"<w:r><w:commentReference w:id="8"/></w:r>"#,
        )),
        "{document}"
    );
    // Tracked changes stay as they were.
    assert!(document.contains("<w:delText>全部</w:delText>"));
    assert!(document.contains(r#"<w:ins w:id="1" w:author="县局">"#));
    // Ids do not repeat the author's.
    assert_eq!(
        document.matches(r#"w:commentRangeStart w:id="7""#).count(),
        1
    );
    let rels = String::from_utf8(after["word/_rels/document.xml.rels"].clone()).unwrap();
    assert!(rels.contains("relationships/comments"));
    let types = String::from_utf8(after["[Content_Types].xml"].clone()).unwrap();
    assert!(types.contains(r#"PartName="/word/comments.xml""#));
}

#[test]
fn a_document_without_comments_gets_its_comments_part() {
    let original =
        Package::new([p("青山县实施方案"), p("到2027年，合格率达到98%。")].concat()).bytes();
    let doc = read(&original).unwrap();
    let out = annotate(&original, &[note(&doc.text, "98%", 0)], &BY).unwrap();
    let after = parts(&out);
    let comments = String::from_utf8(after["word/comments.xml"].clone()).unwrap();
    assert!(comments.starts_with("<?xml"));
    assert_eq!(comments.matches("<w:comment ").count(), 1);
    let anchors = anchored(&String::from_utf8(after["word/document.xml"].clone()).unwrap());
    assert_eq!(anchors.values().collect::<Vec<_>>(), ["98%"]);
    // Annotated again, the ids go on from the first set.
    let doc2 = read(&out).unwrap();
    let twice = annotate(&out, &[note(&doc2.text, "2027", 0)], &BY).unwrap();
    let anchors = anchored(&String::from_utf8(parts(&twice)["word/document.xml"].clone()).unwrap());
    assert_eq!(anchors.len(), 2, "{anchors:?}");
}

#[test]
fn offsets_anywhere_are_anchored_without_failing() {
    let original = draft();
    let doc = read(&original).unwrap();
    // Inside characters, reversed, past the end: each still anchored somewhere sensible.
    let len = doc.text.len();
    let notes: Vec<Note> = [
        (1, 2),
        (5, 1),
        (len + 10, len + 20),
        (0, len),
        (len - 1, len),
    ]
    .iter()
    .map(|&(start, end)| Note {
        start,
        end,
        text: "意见".into(),
    })
    .collect();
    let out = annotate(&original, &notes, &BY).unwrap();
    assert_eq!(read(&out).unwrap().text, doc.text);
    let comments = String::from_utf8(parts(&out)["word/comments.xml"].clone()).unwrap();
    assert_eq!(
        comments.matches(r#"w:author="市局审核""#).count(),
        notes.len()
    );
}
