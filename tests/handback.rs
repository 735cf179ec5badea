//! The draft handed back, read by independent tools: `plancheck annotate` and
//! `--format feedback-docx` written, then opened with python-docx (each comment's
//! anchored text, the table's cells) and converted by LibreOffice (the PDF renders).
//! `make test` installs both; without them these tests say they are skipped.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::docx::{cell, cells, numbered, p, row, table, Package, PLAN_NUMBERING};
use serde_json::Value;

fn has_python_docx() -> bool {
    Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn has_soffice() -> bool {
    Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether python-docx or LibreOffice is missing (said on stderr: the test is skipped).
fn tools_missing() -> bool {
    let missing = !has_python_docx() || !has_soffice();
    assert!(
        !(missing && common::required()),
        "python-docx or LibreOffice not found"
    );
    if missing {
        eprintln!(
            "handback: skipped, python-docx or LibreOffice not found (make test installs them)"
        );
    }
    missing
}

/// `plancheck annotate INPUT -o OUTPUT [--reviewer NAME]`, and the report on INPUT.
fn annotate(input: &Path, output: &Path, reviewer: Option<&str>) -> Value {
    let mut args = vec![
        "annotate",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ];
    if let Some(name) = reviewer {
        args.extend(["--reviewer", name]);
    }
    let (code, _, err) = plancheck(&args);
    assert!(code == 0 || code == 1, "{err}");
    let (_, json, _) = plancheck(&["check", input.to_str().unwrap(), "--format", "json"]);
    serde_json::from_slice(&json).unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("plancheck-handback-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn plancheck(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What python-docx reads of a document: paragraphs, tables, comments with their anchors.
fn python_docx(path: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/handback/read_docx.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python-docx could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// LibreOffice's PDF of a document, and the text in it.
fn pdf_of(path: &Path, out: &Path) -> PathBuf {
    let status = Command::new("soffice")
        // The comments exported as the PDF's notes (each marked on the page).
        .args([
            "--headless",
            "--convert-to",
            r#"pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}"#,
            "--outdir",
        ])
        .arg(out)
        .arg(path)
        .env("HOME", out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = out.join(path.with_extension("pdf").file_name().unwrap());
    assert!(
        pdf.exists(),
        "LibreOffice wrote no PDF for {}",
        path.display()
    );
    pdf
}

/// A Word draft with numbering, a formatted sentence, tracked changes, the author's own
/// comment and a table with a merged cell — and defects: a task without a unit, a target
/// without a date.
fn draft() -> Vec<u8> {
    let body = [
        p("青山县质量强县培育建设实施方案"),
        numbered(1, 0, "工作目标"),
        p("到2027年，质量强县培育建设取得明显成效。"),
        numbered(1, 0, "重点任务"),
        numbered(1, 1, "推动经济质量效益型发展"),
        numbered(1, 2, "培育高新技术企业。（牵头单位：县科技局）"),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>壮大</w:t></w:r><w:ins w:id="1" w:author="县局"><w:r><w:rPr><w:b/></w:rPr><w:t>经营主体</w:t></w:r></w:ins><w:del w:id="2" w:author="县局"><w:r><w:delText>数量</w:delText></w:r></w:del><w:commentRangeStart w:id="0"/><w:r><w:t>，食品抽检合格率达到98%。</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#.to_string(),
        numbered(1, 1, "增强产业质量竞争力"),
        numbered(1, 2, "实施质量提升行动。（责任单位：县工信局）"),
        table(&[
            row(&cells(&["序号", "指标", "2027年目标值", "责任单位"])),
            row(&[cells(&["1", "制造业产品质量合格率", "94%"]), vec![cell("县市场监管局", 1, Some("restart"))]].concat()),
            row(&[cells(&["2", "食品抽检合格率", "98%"]), vec![cell("", 1, Some(""))]].concat()),
        ]),
    ]
    .concat();
    Package {
        numbering: Some(PLAN_NUMBERING),
        comments: Some(
            r#"<w:comment w:id="0" w:author="县局"><w:p><w:r><w:t>已核实</w:t></w:r></w:p></w:comment>"#
                .into(),
        ),
        ..Package::new(body)
    }
    .bytes()
}

/// The excerpt a finding quotes is the text its comment is anchored on (a long excerpt
/// is shortened with …). In a Word draft the number Word adds (二、, （一）, 1.) is not
/// text a comment can hold: the anchor starts after it.
fn same_quote(anchored: &str, excerpt: &str) -> bool {
    let anchored: String = anchored.split_whitespace().collect();
    let excerpt: String = excerpt.split_whitespace().collect();
    let number = |s: &str| {
        s.chars()
            .all(|c| "一二三四五六七八九十（）()、.．0123456789".contains(c))
    };
    let (excerpt, clipped) = match excerpt.strip_suffix('…') {
        Some(head) => (head.to_string(), true),
        None => (excerpt, false),
    };
    (0..=excerpt.len())
        .filter(|&k| excerpt.is_char_boundary(k) && number(&excerpt[..k]))
        .any(|k| {
            let quoted = &excerpt[k..];
            if clipped {
                anchored.starts_with(quoted)
            } else {
                anchored == quoted
            }
        })
}

/// Every finding is a comment, anchored on the text the finding quotes, written by the
/// reviewer; the author's own comment is kept.
fn assert_comments(read: &Value, report: &Value, reviewer: &str, kept: usize) {
    let comments = read["comments"].as_array().unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    let ours: Vec<&Value> = comments
        .iter()
        .filter(|c| c["author"] == reviewer)
        .collect();
    assert_eq!(ours.len(), findings.len(), "{comments:#?}");
    assert_eq!(comments.len(), findings.len() + kept);
    for f in findings {
        let message = f["message"].as_str().unwrap();
        let c = ours
            .iter()
            .find(|c| c["text"].as_str().unwrap().contains(message))
            .unwrap_or_else(|| panic!("no comment says {message}"));
        let anchored = c["anchored"].as_str().unwrap_or("");
        let excerpt = f["excerpt"].as_str().unwrap();
        assert!(
            same_quote(anchored, excerpt),
            "comment on {anchored:?}, finding quotes {excerpt:?}"
        );
        // Plain words: no rule id, no line number.
        let text = c["text"].as_str().unwrap();
        assert!(!text.contains(f["rule"].as_str().unwrap()), "{text}");
        assert!(!text.contains("第") || !text.contains("行"), "{text}");
    }
}

#[test]
fn an_annotated_word_draft_reads_back_in_python_docx_and_renders_in_libreoffice() {
    if tools_missing() {
        return;
    }
    let d = dir("docx");
    let input = d.join("draft.docx");
    std::fs::write(&input, draft()).unwrap();
    let output = d.join("returned.docx");
    let report = annotate(&input, &output, Some("市局审核"));

    let read = python_docx(&output);
    assert_comments(&read, &report, "市局审核", 1);
    let author = read["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["author"] == "县局")
        .unwrap();
    assert_eq!(author["anchored"], "，食品抽检合格率达到98%。");
    // The document is the same to python-docx apart from the comments: paragraphs, table.
    let before = python_docx(&input);
    assert_eq!(read["paragraphs"], before["paragraphs"]);
    assert_eq!(read["tables"], before["tables"]);

    // Rendered: the first page kept (tests/artifacts/) as the picture the README shows.
    let pdf = pdf_of(&output, &d);
    assert!(std::fs::metadata(&pdf).unwrap().len() > 1000);
    let png = d.join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "110", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .args(["-x", "90", "-y", "90", "-W", "760", "-H", "300"])
        .arg(&pdf)
        .arg(&png)
        .status();
    if status.is_ok_and(|s| s.success()) {
        let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
        std::fs::create_dir_all(&artifacts).unwrap();
        std::fs::copy(d.join("page.png"), artifacts.join("returned-draft.png")).unwrap();
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_pasted_draft_becomes_a_word_document_with_its_comments() {
    if tools_missing() {
        return;
    }
    let d = dir("text");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/lixian-draft.txt");
    let input = if corpus.exists() {
        corpus
    } else {
        assert!(!common::required(), "{} not found", corpus.display());
        eprintln!("handback: ../shared/corpus not present; the fixture plan stands in");
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unassigned-task/flagged.txt")
    };
    let output = d.join("returned.docx");
    let report = annotate(&input, &output, None);
    let read = python_docx(&output);
    assert_comments(&read, &report, "审核人", 0);
    // A paragraph a line, as pasted.
    let text = std::fs::read_to_string(&input).unwrap();
    let lines: Vec<&str> = text
        .strip_suffix('\n')
        .unwrap_or(&text)
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    let paragraphs: Vec<&str> = read["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(paragraphs, lines);
    // The plan's parts are Word headings (level 1), as its report finds them.
    let headings = read["headings"].as_array().unwrap();
    for part in report["document"]["parts"].as_array().unwrap() {
        let line = part["span"]["line"].as_u64().unwrap() as usize;
        let text = lines[line - 1];
        if text.chars().count() <= 40 && !text.contains('。') {
            assert!(
                headings.contains(&serde_json::json!(["Heading 1", text])),
                "{text} is not a heading: {headings:?}"
            );
        }
    }

    let pdf = pdf_of(&output, &d);
    assert!(std::fs::metadata(&pdf).unwrap().len() > 1000);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn the_feedback_table_reads_back_in_python_docx() {
    if !has_python_docx() {
        assert!(!common::required(), "python-docx not found");
        eprintln!("handback: skipped, python-docx not found (make test installs it)");
        return;
    }
    let d = dir("feedback");
    let input = d.join("draft.docx");
    std::fs::write(&input, draft()).unwrap();
    let (_, bytes, err) = plancheck(&[
        "check",
        input.to_str().unwrap(),
        "--format",
        "feedback-docx",
        "--reviewer",
        "市局审核",
    ]);
    assert!(!bytes.is_empty(), "{err}");
    let output = d.join("feedback.docx");
    std::fs::write(&output, bytes).unwrap();
    let (_, json, _) = plancheck(&["check", input.to_str().unwrap(), "--format", "json"]);
    let report: Value = serde_json::from_slice(&json).unwrap();
    let read = python_docx(&output);
    let table = &read["tables"][0];
    assert_eq!(
        table[0],
        serde_json::json!(["序号", "章节", "原文", "问题", "修改建议", "处理情况"])
    );
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(table.as_array().unwrap().len(), findings.len() + 1);
    for (k, row) in table.as_array().unwrap().iter().skip(1).enumerate() {
        assert_eq!(row[0], (k + 1).to_string());
        assert_eq!(row[5], "", "处理情况 is left for the drafter");
    }
    let paragraphs = read["paragraphs"].to_string();
    assert!(
        paragraphs.contains("青山县质量强县培育建设实施方案"),
        "{paragraphs}"
    );
    assert!(paragraphs.contains("市局审核"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn the_feedback_form_counts_what_the_reviewer_kept() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unassigned-task/flagged.txt"),
    )
    .unwrap();
    let report =
        plancheck::check(&text, &plancheck::Template::national(), &Default::default()).unwrap();
    let f = report
        .findings
        .iter()
        .find(|f| f.severity.as_str() == "error")
        .unwrap();
    let decisions: plancheck::review::Decisions = serde_json::from_value(serde_json::json!({
        "dismissed": [{"rule": f.rule, "message": f.message, "start": f.span.start, "end": f.span.end,
                       "status": "不适用", "reason": "由县政府统筹"}]
    }))
    .unwrap();
    let plans = vec![(
        "草稿.txt".to_string(),
        text.as_str(),
        report.clone(),
        decisions,
    )];
    let bytes = plancheck::handback::feedback_docx(&plans, "市局质量科", "2026-12-07").unwrap();
    let read = plancheck::docx::read(&bytes).unwrap().text;
    assert!(
        read.contains(&format!(
            "检查结果：0 个错误，{} 个警告",
            report.summary.warnings
        )),
        "{read}"
    );
    assert!(read.contains("另有 1 项审核人标为不适用或已说明"), "{read}");
    assert!(
        read.contains("（审核人标为不适用：由县政府统筹）"),
        "{read}"
    );
    assert!(
        read.contains("联系人（审核人）：市局质量科　日期：2026-12-07"),
        "{read}"
    );
}
