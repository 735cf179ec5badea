//! Word documents: the text the reader gives (numbering, tables, tracked changes,
//! comments), what the checker finds in it, and files it must refuse.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::docx::{cell, cells, numbered, p, row, styled, table, zip_of, Package, PLAN_NUMBERING};
use plancheck::docx::{read, DocxError, MAX_DOCX_BYTES};
use plancheck::{text_of, InputError};
use zip::CompressionMethod;

fn plan_body() -> String {
    [
        p("青山县质量强县培育建设实施方案"),
        numbered(1, 0, "工作目标"),
        p("到2027年，质量强县培育建设取得明显成效。"),
        numbered(1, 0, "重点任务"),
        numbered(1, 1, "推动经济质量效益型发展"),
        numbered(1, 2, "培育高新技术企业。（牵头单位：县科技局）"),
        numbered(1, 2, "壮大经营主体。"),
        numbered(1, 1, "增强产业质量竞争力"),
        numbered(1, 2, "实施质量提升行动。（责任单位：县工信局）"),
    ]
    .concat()
}

#[test]
fn automatic_numbering_at_three_levels_is_shown_as_word_shows_it() {
    let doc = read(
        &Package {
            numbering: Some(PLAN_NUMBERING),
            ..Package::new(plan_body())
        }
        .bytes(),
    )
    .expect("reads");
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(
        lines,
        [
            "青山县质量强县培育建设实施方案",
            "一、工作目标",
            "到2027年，质量强县培育建设取得明显成效。",
            "二、重点任务",
            "（一）推动经济质量效益型发展",
            "1.\t培育高新技术企业。（牵头单位：县科技局）",
            "2.\t壮大经营主体。",
            "（二）增强产业质量竞争力",
            "1.\t实施质量提升行动。（责任单位：县工信局）",
        ]
    );
    assert_eq!(doc.numbered, 7);
    assert_eq!(doc.paragraphs, 9);

    // The checker reads the numbering as headings: three tasks, one without a unit.
    let report = common::check(&doc.text);
    assert_eq!(report.summary.tasks, 3, "{:#?}", report.tasks);
    let unassigned: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == "unassigned-task")
        .map(|f| f.excerpt.as_str())
        .collect();
    assert_eq!(unassigned.len(), 1);
    assert!(unassigned[0].contains("壮大经营主体"), "{unassigned:?}");
}

#[test]
fn numbering_from_styles_and_restarts() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Part"><w:basedOn w:val="Heading1"/></w:style>"#;
    let body = [
        styled("Part", "工作目标"),
        styled("Heading1", "重点任务"),
        // The style gives the list, the paragraph its level.
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr><w:r><w:t>推动发展</w:t></w:r></w:p>"#.to_string(),
        numbered(2, 2, "第一项"),
        numbered(2, 2, "第二项"),
        // numId 0 switches numbering off.
        numbered(0, 0, "不编号"),
    ]
    .concat();
    let doc = read(
        &Package {
            numbering: Some(PLAN_NUMBERING),
            styles: Some(styles),
            ..Package::new(body)
        }
        .bytes(),
    )
    .expect("reads");
    assert_eq!(
        doc.text.lines().collect::<Vec<_>>(),
        [
            "一、工作目标",
            "二、重点任务",
            "（一）推动发展",
            "1.\t第一项",
            "2.\t第二项",
            "不编号"
        ]
    );
}

#[test]
fn tables_read_a_row_a_line_with_merged_cells_repeated() {
    let merged = |text: &str, how: &str| vec![cell(text, 1, Some(how))];
    let rows = [
        row(&cells(&[
            "序号",
            "指标",
            "单位",
            "2027年目标值",
            "责任单位",
        ])),
        row(&[
            cells(&["1", "制造业产品质量合格率", "%", "94"]),
            merged("县市场监管局", "restart"),
        ]
        .concat()),
        row(&[cells(&["2", "食品抽检合格率", "%", "98"]), merged("", "")].concat()),
        row(&[cell("3", 1, None), cell("说明：以上为约束性指标", 4, None)]),
    ];
    let body = [p("附件"), table(&rows), p("表后文字")].concat();
    let doc = read(&Package::new(body).bytes()).expect("reads");
    assert_eq!(doc.tables, 1);
    let expected = "附件\n序号\t指标\t单位\t2027年目标值\t责任单位\n1\t制造业产品质量合格率\t%\t94\t县市场监管局\n2\t食品抽检合格率\t%\t98\t县市场监管局\n3\t说明：以上为约束性指标\n\n表后文字\n";
    assert_eq!(doc.text, expected);

    // The table reader dates the rows by the header's year and takes the unit column.
    let report = common::check(&doc.text);
    let table_targets: Vec<_> = report
        .targets
        .iter()
        .filter(|t| t.value.as_deref() == Some("98") || t.value.as_deref() == Some("94"))
        .collect();
    assert_eq!(table_targets.len(), 2, "{:#?}", report.targets);
    for t in table_targets {
        assert_eq!(t.year, Some(2027));
        assert_eq!(t.unit.as_deref(), Some("%"));
    }
}

#[test]
fn tracked_changes_as_accepted_and_comments_beside_the_text() {
    let body = r#"<w:p><w:r><w:t>到2027年，</w:t></w:r><w:ins w:id="1" w:author="审核"><w:r><w:t>规上工业企业</w:t></w:r></w:ins><w:del w:id="2" w:author="审核"><w:r><w:delText>全县</w:delText></w:r></w:del><w:commentRangeStart w:id="0"/><w:r><w:t>亩均税收达到26万元/亩</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve"> &amp; &#x4E00;</w:t></w:r></w:p>"#;
    let doc = read(
        &Package {
            comments: Some(
                r#"<w:comment w:id="0" w:author="市局"><w:p><w:r><w:t>请核实基期值</w:t></w:r></w:p></w:comment>"#
                    .into(),
            ),
            ..Package::new(body.into())
        }
        .bytes(),
    )
    .expect("reads");
    assert_eq!(
        doc.text,
        "到2027年，规上工业企业亩均税收达到26万元/亩 & 一\n"
    );
    assert_eq!((doc.insertions, doc.deletions), (1, 1));
    assert_eq!(doc.comments.len(), 1);
    assert_eq!(doc.comments[0].author, "市局");
    assert_eq!(doc.comments[0].text, "请核实基期值");
    assert!(!doc.text.contains("请核实"));
}

#[test]
fn stored_entries_read_as_well_as_deflated_ones() {
    let parts = [(
        "word/document.xml",
        format!(
            r#"<w:document xmlns:w="x"><w:body>{}</w:body></w:document>"#,
            p("重点任务")
        ),
    )];
    let doc = read(&zip_of(&parts, CompressionMethod::Stored)).expect("reads");
    assert_eq!(doc.text, "重点任务\n");
}

#[test]
fn files_that_are_not_readable_word_documents_are_refused_with_a_reason() {
    let good = Package::new(plan_body()).bytes();

    // Cut short, and damaged in the middle.
    let truncated = &good[..good.len() / 2];
    assert!(matches!(read(truncated), Err(DocxError::Corrupt { .. })));
    let mut damaged = good.clone();
    // The document's compressed bytes: just after its name in its local header.
    let document = good
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap();
    for b in damaged.iter_mut().skip(document + 20).take(200) {
        *b = 0x5a;
    }
    assert!(read(&damaged).is_err());

    // A zip without a document; not a zip at all.
    let other = zip_of(&[("readme.txt", "hello".into())], CompressionMethod::Stored);
    assert_eq!(read(&other).unwrap_err(), DocxError::NotWord);
    assert_eq!(read(b"plain text").unwrap_err(), DocxError::NotZip);

    // Old binary Word, and a password-protected .docx (an OLE container).
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(std::iter::repeat_n(0u8, 512));
    assert_eq!(read(&ole).unwrap_err(), DocxError::Legacy);
    let mut encrypted = ole.clone();
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read(&encrypted).unwrap_err(), DocxError::Encrypted);
    // The text path says so too, instead of "not UTF-8".
    assert!(matches!(
        text_of(&ole),
        Err(InputError::Docx(DocxError::Legacy))
    ));

    // Too large before reading anything.
    let huge = vec![0u8; MAX_DOCX_BYTES + 1];
    assert!(matches!(read(&huge), Err(DocxError::TooLarge { .. })));
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it_all() {
    // 80 MB of one character compresses to well under 1 MB.
    let body = format!(
        r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"#,
        "a".repeat(80 * 1024 * 1024)
    );
    let bomb = zip_of(&[("word/document.xml", body)], CompressionMethod::Deflated);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let start = std::time::Instant::now();
    let err = read(&bomb).unwrap_err();
    assert!(matches!(err, DocxError::PartTooLarge { .. }), "{err}");
    assert!(err.to_string().contains("word/document.xml"));
    // Not a timing budget: a guard that the refusal does not hang.
    assert!(start.elapsed().as_secs() < 60);
}

#[test]
fn text_of_gives_the_same_report_as_the_displayed_text() {
    let bytes = Package {
        numbering: Some(PLAN_NUMBERING),
        ..Package::new(plan_body())
    }
    .bytes();
    let (text, doc) = text_of(&bytes).expect("reads");
    let doc = doc.expect("a Word document");
    assert!(doc.text.is_empty(), "the text is handed over, not copied");
    let shown = read(&bytes).expect("reads").text;
    assert_eq!(text, shown);
    // Every span points into the text as shown.
    let report = common::check(&text);
    for f in &report.findings {
        let covered = common::utf16_slice(&text, f.span.start, f.span.end);
        assert!(
            f.excerpt.is_empty()
                || covered.contains(f.excerpt.trim_end_matches('…'))
                || f.excerpt.starts_with(covered.trim()),
            "{}: {:?} vs {:?}",
            f.rule,
            f.excerpt,
            covered
        );
    }
}

/// Seeds for `make fuzz`'s `read_docx` target (run by it, not by `make test`): the
/// documents above without the zip signature, which the target puts back.
#[test]
#[ignore = "writes fuzz seeds; run by make fuzz"]
fn write_fuzz_seeds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/read_docx");
    std::fs::create_dir_all(&dir).expect("seed directory");
    let packages = [
        Package {
            numbering: Some(PLAN_NUMBERING),
            ..Package::new(plan_body())
        },
        Package::new(table(&[
            row(&[cell("序号", 1, None), cell("责任单位", 2, Some("restart"))]),
            row(&[cell("1", 1, None), cell("", 2, Some(""))]),
        ])),
    ];
    for (i, package) in packages.iter().enumerate() {
        let bytes = package.bytes();
        std::fs::write(dir.join(format!("seed-{i}")), &bytes[4..]).expect("seed written");
    }
}

/// Word files of a few kilobytes whose text would grow to gigabytes are refused with one
/// reason, in bounded memory and time; numbering counters far out of range are written in
/// digits.
#[test]
fn word_files_that_amplify_are_refused_or_bounded() {
    let started = std::time::Instant::now();

    // A 1 MB cell merged down 2,000 rows: 2 GB of repeats.
    let big = "质".repeat(350_000);
    let mut rows = vec![row(&[cell(&big, 1, Some("restart"))])];
    rows.extend((0..2000).map(|_| row(&[cell("", 1, Some(""))])));
    let merged = Package::new(table(&rows)).bytes();
    assert!(merged.len() < 200_000, "{} bytes", merged.len());
    let e = plancheck::docx::read(&merged).unwrap_err();
    assert_eq!(e.kind(), "too-much-text", "{e}");

    // Tables nested nine deep, each level merged down ten rows.
    let mut inner = table(&[row(&[cell(&"量".repeat(2000), 1, None)])]);
    for _ in 0..9 {
        let first =
            format!(r#"<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{inner}<w:p/></w:tc>"#);
        let mut rows = vec![format!("<w:tr>{first}</w:tr>")];
        rows.extend((0..10).map(|_| row(&[cell("", 1, Some(""))])));
        inner = table(&rows);
    }
    let nested = Package::new(inner).bytes();
    assert!(plancheck::docx::read(&nested).is_err());

    // One row of 5,000 cells each spanning 64 grid columns: read, no copies per column.
    let wide = Package::new(table(&[row(&(0..5000)
        .map(|i| cell(&format!("格{i}"), 64, None))
        .collect::<Vec<_>>())]))
    .bytes();
    let doc = plancheck::docx::read(&wide).expect("a wide row is read");
    assert!(doc.text.len() < 100_000);

    // A counter started near 2^32 in letters and roman numerals, and a level text that
    // repeats %1: digits, and a bounded number.
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="4294967290"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{}"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="4294967290"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        "%1".repeat(500)
    );
    let para = |level: u8| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>加强质量管理</w:t></w:r></w:p>"#
        )
    };
    let mut pkg = Package::new(format!("{}{}", para(0), para(1)));
    pkg.numbering = Some(&numbering);
    let doc = plancheck::docx::read(&pkg.bytes()).expect("read");
    let lines: Vec<&str> = doc.text.lines().collect();
    assert!(lines[0].len() < 400, "{} bytes", lines[0].len());
    assert!(lines[0].starts_with("4294967290"), "{}", &lines[0][..40]);
    assert!(lines[1].starts_with("4294967290."), "{}", lines[1]);

    // And the CLI says why in one line.
    let dir = std::env::temp_dir().join(format!("plancheck-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("merged.docx");
    std::fs::write(&path, &merged).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("8388608"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);

    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn a_cut_short_or_zip_encrypted_document_says_so() {
    // word/document.xml cut in the middle of the body: damaged, not read in part.
    let whole = format!(
        "{}{}",
        p("一、总体要求"),
        p("到2027年，质量效益水平全面提高。")
    );
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{whole}"#
    );
    let cut = zip_of(
        &[(
            "word/document.xml",
            doc[..doc.rfind("</w:t>").unwrap()].to_string(),
        )],
        CompressionMethod::Deflated,
    );
    let e = read(&cut).unwrap_err();
    assert_eq!(e.kind(), "corrupt", "{e}");
    assert!(e.to_string().contains("cut short"), "{e}");

    // An entry marked as zip-encrypted (general purpose flag bit 0, in the local header
    // and the central directory): called encrypted, not damaged.
    let mut bytes = Package::new(p("一、总体要求")).bytes();
    for (signature, flag_at) in [
        ([0x50u8, 0x4b, 0x03, 0x04], 6),
        ([0x50, 0x4b, 0x01, 0x02], 8),
    ] {
        let mut i = 0;
        while i + 4 <= bytes.len() {
            if bytes[i..i + 4] == signature {
                bytes[i + flag_at] |= 1;
            }
            i += 1;
        }
    }
    let e = read(&bytes).unwrap_err();
    assert_eq!(e.kind(), "encrypted", "{e}");
}

/// A package whose central directory lists one part twice is refused: the zip reader would
/// keep one of them silently.
#[test]
fn a_part_listed_twice_is_refused() {
    // A stored zip written by hand (the zip writer refuses duplicate names).
    fn stored(entries: &[(&str, &str)]) -> Vec<u8> {
        let (mut out, mut central) = (Vec::new(), Vec::new());
        for (name, body) in entries {
            let offset = out.len() as u32;
            let (n, b) = (name.as_bytes(), body.as_bytes());
            let fixed = |sig: &[u8], central: bool| {
                let mut h = sig.to_vec();
                if central {
                    h.extend_from_slice(&20u16.to_le_bytes()); // made by
                }
                h.extend_from_slice(&20u16.to_le_bytes()); // version needed
                h.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]); // flags, method, time, date
                h.extend_from_slice(&0u32.to_le_bytes()); // crc (not reached)
                h.extend_from_slice(&(b.len() as u32).to_le_bytes());
                h.extend_from_slice(&(b.len() as u32).to_le_bytes());
                h.extend_from_slice(&(n.len() as u16).to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes()); // extra
                if central {
                    h.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
                    h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                    h.extend_from_slice(&offset.to_le_bytes());
                }
                h.extend_from_slice(n);
                h
            };
            out.extend(fixed(b"PK\x03\x04", false));
            out.extend_from_slice(b);
            central.extend(fixed(b"PK\x01\x02", true));
        }
        let (cd_offset, cd_len) = (out.len() as u32, central.len() as u32);
        out.extend(central);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&cd_len.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }
    let doc = |t: &str| {
        format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}</w:body></w:document>"#,
            p(t)
        )
    };
    let (a, b) = (doc("一、总体要求"), doc("二、重点任务"));
    let twice = stored(&[("word/document.xml", &a), ("word/document.xml", &b)]);
    let e = read(&twice).unwrap_err();
    assert_eq!(e.kind(), "corrupt", "{e}");
    assert!(e.to_string().contains("twice"), "{e}");
    // The same writer with distinct names is not refused for duplicates.
    let once = stored(&[
        ("word/document.xml", &a),
        ("word/styles.xml", "<w:styles/>"),
    ]);
    assert!(!read(&once)
        .err()
        .is_some_and(|e| e.to_string().contains("twice")));
}

/// A numbered paragraph inside a table is not counted among the numbered paragraphs
/// outside tables (found by the structured fuzz target).
#[test]
fn numbered_paragraphs_in_tables_are_not_counted_outside_them() {
    let body = format!(
        "{}{}",
        numbered(1, 0, "重点任务"),
        table(&[row(&[format!(
            "<w:tc><w:tcPr/>{}</w:tc>",
            numbered(1, 1, "推动经济质量效益型发展")
        )])])
    );
    let mut pkg = Package::new(body);
    pkg.numbering = Some(PLAN_NUMBERING);
    let doc = read(&pkg.bytes()).expect("read");
    assert_eq!(doc.paragraphs, 1);
    assert_eq!(doc.numbered, 1);
}
