//! The command line as its contract says: formats, stdin, exit codes, clear errors.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::fixtures;

fn plancheck(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(bytes) = stdin {
        // The CLI may exit without reading its input (a usage error): a broken pipe then.
        let written = child.stdin.take().unwrap().write_all(bytes);
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(rel: &str) -> String {
    fixtures().join(rel).to_string_lossy().into_owned()
}

#[test]
fn exit_codes_follow_error_findings() {
    let (code, out, _) = plancheck(&["check", &fixture("complete.txt")], None);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = plancheck(&["check", &fixture("unassigned-task/flagged.txt")], None);
    assert_eq!(code, 1);
    assert!(out.contains("[unassigned-task]"));
    // Warnings alone do not fail.
    let (code, _, _) = plancheck(&["check", &fixture("horizon-mismatch/flagged.txt")], None);
    assert_eq!(code, 0);
}

#[test]
fn json_is_one_report_per_file_and_an_array_for_several() {
    let (_, out, _) = plancheck(
        &["check", "--format", "json", &fixture("complete.txt")],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "plancheck/report@1");
    assert_eq!(v["template"]["horizon"], 2027);
    let (_, out, _) = plancheck(
        &[
            "check",
            "--format",
            "json",
            &fixture("complete.txt"),
            &fixture("not-a-plan/flagged.txt"),
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    assert_eq!(v[1]["document"]["kind"], "not-a-plan");
}

#[test]
fn stdin_markdown_and_sarif() {
    let text = std::fs::read(fixture("target-missing-unit/flagged.txt")).unwrap();
    let (code, out, _) = plancheck(&["check", "-", "--format", "markdown"], Some(&text));
    assert_eq!(code, 1);
    assert!(out.starts_with("# 检查报告："));
    assert!(out.contains("`target-missing-unit`"));
    let (_, out, _) = plancheck(&["check", "-", "--format", "sarif"], Some(&text));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "target-missing-unit" && r["level"] == "error"));
    // The file is a URI reference, and no rule points at a path as if it were a URL.
    let dir = std::env::temp_dir().join(format!("plancheck sarif #{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let named = dir.join("方案 草稿.txt");
    std::fs::write(&named, &text).unwrap();
    let (_, sarif, _) = plancheck(
        &["check", named.to_str().unwrap(), "--format", "sarif"],
        None,
    );
    let s: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let uri = s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        uri.is_ascii() && !uri.contains(' ') && !uri.contains('#'),
        "{uri}"
    );
    assert!(uri.contains("%E6%96%B9%E6%A1%88%20"), "{uri}");
    assert!(s["runs"][0]["tool"]["driver"]["rules"][0]
        .get("helpUri")
        .is_none());
    let _ = std::fs::remove_dir_all(&dir);
    // Columns are counted in UTF-16 code units, as the run declares: 𠮷 before a finding
    // moves it two columns.
    assert_eq!(v["runs"][0]["columnKind"], "utf16CodeUnits");
    let shifted = String::from_utf8(text.clone())
        .unwrap()
        .replace("提升工程和服务品质", "提升𠮷工程和服务品质");
    let column = |out: &str| {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "target-missing-unit")
            .map(|r| {
                r["locations"][0]["physicalLocation"]["region"]["startColumn"]
                    .as_u64()
                    .unwrap()
            })
            .unwrap()
    };
    let (_, moved, _) = plancheck(
        &["check", "-", "--format", "sarif"],
        Some(shifted.as_bytes()),
    );
    assert_eq!(column(&moved), column(&out) + 2);
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let cases: Vec<(Vec<String>, Option<&[u8]>)> = vec![
        (
            vec!["check".into(), "-".into()],
            // Not UTF-8, not GB18030 (0xFF), and no UTF-16 byte order mark.
            Some(b"\xfd\xfe\xff binary"),
        ),
        (vec!["check".into(), "/nonexistent/plan.txt".into()], None),
        (
            vec![
                "check".into(),
                "--format".into(),
                "pdf".into(),
                fixture("complete.txt"),
            ],
            None,
        ),
        (vec!["check".into()], None),
        (
            vec![
                "check".into(),
                fixture("complete.txt"),
                "--template".into(),
                fixture("complete.txt"),
            ],
            None,
        ),
        (
            vec!["check".into(), fixtures().to_string_lossy().into_owned()],
            None,
        ),
    ];
    for (args, stdin) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = plancheck(&args, stdin);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(!err.trim().is_empty(), "{args:?}: no message");
        assert!(out.is_empty(), "{args:?}: printed a report");
    }
    // Neither UTF-8 nor GB18030 (0xFF starts no GB18030 character), and no UTF-16 mark.
    let (_, _, err) = plancheck(&["check", "-"], Some(b"\xff\xff\xff"));
    assert_eq!(err.trim().lines().count(), 1);
    assert!(err.contains("neither UTF-8"), "{err}");
}

#[test]
fn a_template_file_is_used() {
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/national-2024.json")).unwrap();
    json["horizon"] = 2028.into();
    let dir = std::env::temp_dir().join(format!("plancheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.json");
    std::fs::write(&path, json.to_string()).unwrap();
    let p = path.to_string_lossy().into_owned();
    let (_, out, _) = plancheck(
        &[
            "check",
            "--template",
            &p,
            &fixture("horizon-mismatch/flagged.txt"),
        ],
        None,
    );
    assert!(!out.contains("[horizon-mismatch]"), "{out}");
    let (_, out, _) = plancheck(&["check", "--template", &p, &fixture("complete.txt")], None);
    assert!(out.contains("[horizon-mismatch]"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The limits of SPEC and README through the CLI: odd but valid texts are checked, texts
/// over the limit and files that are not text are refused with one line.
#[test]
fn limits_and_odd_files() {
    let dir = std::env::temp_dir().join(format!("plancheck-cli-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_string_lossy().into_owned()
    };
    let accepted = [
        write("lines.txt", "一\n".repeat(100_000).as_bytes()),
        write(
            "one-line.txt",
            "质量强县".repeat(1024 * 1024 / 12).as_bytes(),
        ),
        write(
            "nested.txt",
            format!(
                "二、重点任务\n1.培育企业{}县市场监管局负责{}\n",
                "（".repeat(20_000),
                "）".repeat(20_000)
            )
            .as_bytes(),
        ),
        write(
            "crlf-bom.txt",
            [
                &b"\xef\xbb\xbf"[..],
                common::read(&fixtures().join("complete.txt"))
                    .replace('\n', "\r\n")
                    .as_bytes(),
            ]
            .concat()
            .as_slice(),
        ),
    ];
    // Text as Notepad and WPS save it: GB18030 and UTF-16 with a byte order mark, read and
    // said on stderr, with the findings of the UTF-8 text.
    let (_, utf8, _) = plancheck(
        &[
            "check",
            "--format",
            "json",
            &fixture("horizon-mismatch/flagged.txt"),
        ],
        None,
    );
    let rules = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    for (file, encoding) in [
        ("encodings/gb18030.txt", "GB18030"),
        ("encodings/utf16le-bom.txt", "UTF-16LE"),
        ("encodings/utf16be-bom.txt", "UTF-16BE"),
        ("encodings/utf32le-bom.txt", "UTF-32LE"),
        ("encodings/utf32be-bom.txt", "UTF-32BE"),
    ] {
        let (code, out, err) = plancheck(&["check", "--format", "json", &fixture(file)], None);
        assert!(code == 0 || code == 1, "{file}: exit {code}: {err}");
        assert!(
            err.contains(&format!("read as {encoding}")),
            "{file}: {err}"
        );
        assert_eq!(rules(&out), rules(&utf8), "{file}");
    }
    for file in &accepted {
        let (code, out, err) = plancheck(&["check", "--format", "json", file], None);
        assert!(code == 0 || code == 1, "{file}: exit {code}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["schema"], "plancheck/report@1");
    }
    let refused = [
        (
            write("huge.txt", &vec![b'a'; plancheck::MAX_INPUT_BYTES + 1]),
            "largest text checked",
        ),
        (
            write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
            "not",
        ),
    ];
    for (file, why) in &refused {
        let (code, out, err) = plancheck(&["check", file], None);
        assert_eq!(code, 2, "{file}: {out}{err}");
        assert_eq!(err.trim().lines().count(), 1, "{file}: {err}");
        assert!(err.contains(why), "{file}: {err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn word_documents_are_checked_like_their_text() {
    use common::docx::{numbered, p, Package, PLAN_NUMBERING};
    let dir = std::env::temp_dir().join(format!("plancheck-cli-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = [
        numbered(1, 0, "重点任务"),
        numbered(1, 1, "推动经济质量效益型发展"),
        numbered(1, 2, "培育高新技术企业。"),
        p("到2027年，高新技术企业达到30家。"),
    ]
    .concat();
    let bytes = Package {
        numbering: Some(PLAN_NUMBERING),
        ..Package::new(body)
    }
    .bytes();
    let docx = dir.join("plan.docx");
    std::fs::write(&docx, &bytes).unwrap();
    let text = plancheck::docx::read(&bytes).unwrap().text;
    let txt = dir.join("plan.txt");
    std::fs::write(&txt, &text).unwrap();

    let (code, from_docx, err) =
        plancheck(&["check", docx.to_str().unwrap(), "--format", "json"], None);
    let (code_txt, from_txt, _) =
        plancheck(&["check", txt.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(code, 1, "{err}");
    assert_eq!(code, code_txt);
    assert_eq!(
        from_docx, from_txt,
        "the .docx and its text give one report"
    );
    assert!(from_docx.contains("unassigned-task"));

    // A Word file's tracked changes and comments are mentioned on stderr, not checked.
    let noted = Package {
        numbering: Some(PLAN_NUMBERING),
        comments: Some(r#"<w:comment w:id="0" w:author="市局"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>"#.into()),
        ..Package::new(p("重点任务"))
    }
    .bytes();
    let (_, _, err) = plancheck(&["check", "-"], Some(&noted));
    assert!(err.contains("1 comment not checked"), "{err}");

    // Standard input is recognised by content too.
    let (code, out, _) = plancheck(&["check", "-", "--format", "json"], Some(&bytes));
    assert_eq!((code, out.as_str()), (1, from_txt.as_str()));

    // A damaged file and an old .doc: exit 2, one line naming the problem.
    let broken = dir.join("broken.docx");
    std::fs::write(&broken, &bytes[..bytes.len() / 2]).unwrap();
    let (code, out, err) = plancheck(&["check", broken.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("damaged"), "{err}");
    let doc = dir.join("old.doc");
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend([0u8; 512]);
    std::fs::write(&doc, &ole).unwrap();
    let (code, _, err) = plancheck(&["check", doc.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(err.contains("old binary Word file"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn plan_text_cannot_steer_the_terminal_or_the_markdown() {
    // A task title carrying a screen-clearing escape, a hidden-text escape, a
    // right-to-left override and a bare address; a CR that would start a heading.
    let plan = "二、重点任务\n（一）推动经济质量效益型发展\n1.加强\u{1b}[2J管理\u{1b}[8m隐藏\u{202e}倒序 http://example.com/x 。\r# 标题\n";
    let (_, text, _) = plancheck(&["check", "-"], Some(plan.as_bytes()));
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(!text.contains('\u{202e}'), "{text:?}");
    assert!(text.contains("\\u{1b}[2J"), "{text}");
    let (_, md, _) = plancheck(
        &["check", "-", "--format", "markdown"],
        Some(plan.as_bytes()),
    );
    assert!(!md.contains('\u{1b}') && !md.contains('\r'), "{md:?}");
    assert!(!md.contains("http://"), "{md}");
    // No line of the report starts with the plan's own markup.
    assert!(md.lines().all(|l| !l.starts_with("# 标题")), "{md}");
    let (_, json, _) = plancheck(&["check", "-", "--format", "json"], Some(plan.as_bytes()));
    assert!(!json.contains('\u{1b}'), "JSON escapes control characters");
}

#[test]
fn clear_answers_at_the_edges() {
    // An empty or blank file is an input error, not a passing text.
    for blank in ["", "  \n\t\n", "\u{feff}\n"] {
        let (code, out, err) = plancheck(&["check", "-"], Some(blank.as_bytes()));
        assert_eq!(code, 2, "{blank:?}: {out}");
        assert!(err.contains("the file is empty"), "{err}");
        assert_eq!(err.trim().lines().count(), 1);
    }
    // A device that never ends is read only up to the limit.
    if std::path::Path::new("/dev/zero").exists() {
        let started = std::time::Instant::now();
        let (code, _, err) = plancheck(&["check", "/dev/zero"], None);
        assert_eq!(code, 2);
        assert!(err.contains("bytes of UTF-8"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(30));
    }
    // Standard input once only.
    let (code, _, err) = plancheck(&["check", "-", "-"], Some(b"x"));
    assert_eq!(code, 2);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // A good file is reported even when the next cannot be read; the run still fails.
    let (code, out, err) = plancheck(
        &["check", &fixture("complete.txt"), "/nonexistent/plan.txt"],
        None,
    );
    assert_eq!(code, 2);
    assert!(out.contains("complete.txt: 0 个错误"), "{out}");
    assert!(err.contains("/nonexistent/plan.txt"), "{err}");
}

#[test]
fn usage_errors_are_one_line() {
    for args in [
        vec!["check"],
        vec!["check", "--format", "pdf", "x.txt"],
        vec!["chek", "x.txt"],
        vec!["check", "--nonsense", "x.txt"],
    ] {
        let (code, out, err) = plancheck(&args, None);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("--help"), "{err}");
    }
}

/// A CSV record's fields (RFC 4180: quoted fields may hold commas, quotes and line ends).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

#[test]
fn many_drafts_at_once_as_a_table_and_as_csv() {
    let plans = [
        fixture("complete.txt"),
        fixture("unassigned-task/flagged.txt"),
    ];
    let missing = "/nonexistent/draft.txt".to_string();
    let args = |format: &str| -> Vec<String> {
        let mut a = vec!["check".to_string(), "--format".into(), format.into()];
        a.extend(plans.iter().cloned());
        a.push(missing.clone());
        a
    };
    let run = |format: &str| {
        let a = args(format);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        plancheck(&a, None)
    };
    let (code, csv, _) = run("csv");
    assert_eq!(code, 2, "a file that cannot be read makes the run exit 2");
    assert!(csv.starts_with('\u{feff}'), "a byte order mark for Excel");
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 1 + plans.len() + 1);
    let header = csv_fields(lines[0]);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (k, plan) in plans.iter().enumerate() {
        let row = csv_fields(lines[1 + k]);
        let (_, json, _) = plancheck(&["check", "--format", "json", plan], None);
        let r: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(row[column("文件")], *plan);
        assert_eq!(
            row[column("标题")],
            r["document"]["title"].as_str().unwrap_or("")
        );
        assert_eq!(row[column("错误")], r["summary"]["errors"].to_string());
        assert_eq!(row[column("警告")], r["summary"]["warnings"].to_string());
        assert_eq!(
            row[column("任务已明确责任")],
            format!("{} / {}", r["summary"]["assigned"], r["summary"]["tasks"])
        );
        assert_eq!(
            row[column("指标提及")],
            format!(
                "{} / {}",
                r["summary"]["indicators_mentioned"], r["summary"]["indicators_expected"]
            )
        );
    }
    assert_eq!(csv_fields(lines[1])[column("县（区）")], "青山县");
    let bad = csv_fields(lines[3]);
    assert_eq!(bad[column("文件")], missing);
    assert!(bad[column("说明")].starts_with("无法检查"), "{bad:?}");
    // The table for a terminal: the same rows.
    let (code, table, _) = run("summary");
    assert_eq!(code, 2);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 1 + plans.len() + 1);
    assert!(rows[1].starts_with(plans[0].as_str()) && rows[1].contains("青山县"));
    assert!(rows[3].contains("无法检查"));
}

#[test]
fn two_versions_compared() {
    let dir = std::env::temp_dir().join(format!("plancheck-cli-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = std::fs::read_to_string(fixture("complete.txt")).unwrap();
    let new = old.replacen("研发经费投入强度达到2.5%", "研发经费投入强度达到2.2%", 1);
    let (a, b) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&a, &old).unwrap();
    std::fs::write(&b, &new).unwrap();
    let (a, b) = (
        a.to_string_lossy().into_owned(),
        b.to_string_lossy().into_owned(),
    );
    let (code, out, err) = plancheck(&["compare", &a, &b, "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "plancheck/compare@1");
    assert_eq!(v["targets"][0]["indicator"], "rd");
    assert_eq!(v["targets"][0]["weaker"], true);
    let (code, text, _) = plancheck(&["compare", &a, &b], None);
    assert_eq!(code, 0);
    assert!(
        text.contains("研发经费投入强度 2.5%（2027年） → 2.2%（2027年）（降低）"),
        "{text}"
    );
    let (_, md, _) = plancheck(&["compare", &a, &b, "--format", "markdown"], None);
    assert!(md.starts_with("# 修改对比"), "{md}");
    // A file that cannot be read: one line, exit 2.
    let (code, out, err) = plancheck(&["compare", &a, "/nonexistent/new.txt"], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_feedback_form_as_a_word_document() {
    let plan = fixture("unassigned-task/flagged.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args([
            "check",
            "--format",
            "feedback-docx",
            "--reviewer",
            "市局质量科",
            &plan,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an error finding: exit 1");
    // Read back by the project's own .docx reader: the header names the plan, template,
    // date and reviewer; the table has a row per finding, 处理情况 left empty.
    let doc = plancheck::docx::read(&out.stdout).expect("a readable Word document");
    let text = doc.text;
    assert!(text.contains("意见反馈表"));
    assert!(text.contains("方案：青山县质量强县培育建设实施方案"));
    assert!(text.contains("对照模板：市场监管总局"));
    assert!(text.contains("联系人（审核人）：市局质量科"), "{text}");
    assert!(text.contains("反馈单位："), "{text}");
    assert!(text.contains("检查结果：1 个错误"), "{text}");
    assert!(
        text.contains("序号\t章节\t原文\t问题\t修改建议\t处理情况\n"),
        "{text}"
    );
    assert!(text.contains("1\t重点任务 › 任务 2“壮大经营主体”\t2.壮大经营主体\t〔错误〕任务 2 “壮大经营主体”没有明确责任单位\t"), "{text}");
}

#[test]
fn rules_can_be_left_out_by_id_and_a_misspelled_id_is_refused() {
    let plan = fixture("unassigned-task/flagged.txt");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_plancheck"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "check",
        "--disable",
        "unassigned-task",
        "--format",
        "json",
        &plan,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\"unassigned-task\""));
    let out = run(&["check", "--disable", "unassigned-tsak", &plan]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown rule id \"unassigned-tsak\"") && err.contains("known:"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let out = run(&["check", "--min-severity", "fatal", &plan]);
    assert_eq!(out.status.code(), Some(2));
}

/// A file name or a title a spreadsheet would run as a formula is written as text: led by
/// an apostrophe, in CSV and in the summary table.
#[test]
fn spreadsheets_are_not_a_script_host() {
    let dir = std::env::temp_dir().join(format!("plancheck-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let names = [
        "=HYPERLINK(\"x\",\"a\").txt",
        "+1.txt",
        "-2.txt",
        "@SUM(A1).txt",
    ];
    for name in names {
        std::fs::write(
            dir.join(name),
            "=1+1质量强县培育建设实施方案\n二、重点任务\n",
        )
        .unwrap();
    }
    for format in ["csv", "summary"] {
        let out = Command::new(env!("CARGO_BIN_EXE_plancheck"))
            .current_dir(&dir)
            .args(["check", "--format", format, "--"])
            .args(names)
            .output()
            .unwrap();
        let table = String::from_utf8_lossy(&out.stdout);
        for line in table.lines().skip(1) {
            let first = line.trim_start_matches('"');
            assert!(first.starts_with('\''), "{format}: {line}");
            assert!(
                !line.contains(",=") && !line.contains(",\"="),
                "{format}: {line}"
            );
        }
        assert!(table.contains("'=1+1质量强县"), "{format}: {table}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
