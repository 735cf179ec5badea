//! The command line: `plancheck check FILE… [--format json|text|markdown|sarif|summary|csv|
//! feedback-docx] [--template FILE] [--reviewer NAME]`, `plancheck compare OLD NEW` and
//! `plancheck annotate DRAFT -o OUT.docx [--reviewer NAME]`.
//!
//! The CLI is native only; on wasm32 (where `cargo test --target wasm32…` builds every
//! target) the binary is an empty stub.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};
    use std::process::ExitCode;

    use clap::{Parser, Subcommand, ValueEnum};
    use plancheck::{text_of, Checker, Options, Report, Template};

    #[derive(Parser)]
    #[command(
        name = "plancheck",
        version,
        about = "检查质量强县（区、镇）培育建设实施方案草稿是否符合国家模板（国市监质发〔2024〕97号）"
    )]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check plans; exit 1 when any error finding is reported.
        Check {
            /// Text files (UTF-8) or Word documents (.docx); `-` reads standard input.
            #[arg(required = true)]
            files: Vec<String>,
            #[arg(long, value_enum, default_value_t = Format::Text)]
            format: Format,
            /// A template JSON file (default: the embedded national template).
            #[arg(long)]
            template: Option<String>,
            /// The reviewer named in a 意见反馈表 (`--format feedback-docx`).
            #[arg(long, default_value = "审核人")]
            reviewer: String,
            /// Rule ids to leave out, comma-separated or repeated (an unknown id is an error).
            #[arg(long, value_delimiter = ',')]
            disable: Vec<String>,
            /// Only report findings at or above this severity: error, warning or info.
            #[arg(long)]
            min_severity: Option<String>,
        },
        /// Hand a draft back as Word with the findings as comments (批注): a .docx as it came
        /// (nothing else in it changed), a text file as a new Word document.
        Annotate {
            /// The draft: a Word document (.docx) or a text file.
            draft: String,
            /// The Word document to write.
            #[arg(short, long)]
            output: String,
            /// The comments' author.
            #[arg(long, default_value = "审核人")]
            reviewer: String,
            /// A template JSON file (default: the embedded national template).
            #[arg(long)]
            template: Option<String>,
        },
        /// Compare two versions of a draft: findings fixed and new, tasks, targets, parts.
        Compare {
            /// The earlier version (text or .docx).
            old: String,
            /// The later version.
            new: String,
            #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
            format: CompareFormat,
            /// A template JSON file (default: the embedded national template).
            #[arg(long)]
            template: Option<String>,
        },
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum CompareFormat {
        Json,
        Text,
        Markdown,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Json,
        Text,
        Markdown,
        Sarif,
        /// A table, a row per file: title, county, counts, coverage, target year.
        Summary,
        /// The same table as CSV (UTF-8 with a byte order mark, for Excel).
        Csv,
        /// A 意见反馈表 as a Word document, written to standard output.
        FeedbackDocx,
    }

    fn fail(message: impl std::fmt::Display) -> ExitCode {
        eprintln!("plancheck: {message}");
        ExitCode::from(2)
    }

    /// Reads at most `limit` bytes and says so past it: a device or a pipe that never ends
    /// (`/dev/zero`) stops here.
    fn read_limited(mut input: impl Read, what: &str, limit: usize) -> Result<Vec<u8>, String> {
        let mut buf = Vec::new();
        input
            .by_ref()
            .take(limit as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("{what}: {e}"))?;
        if buf.len() > limit {
            return Err(format!(
                "{what}: more than {limit} bytes; the largest text checked is {} bytes of UTF-8, the largest .docx {} bytes",
                plancheck::MAX_INPUT_BYTES,
                plancheck::docx::MAX_DOCX_BYTES
            ));
        }
        Ok(buf)
    }

    /// Text that is not UTF-8 but in an encoding Windows tools save: UTF-16 or UTF-32 with a
    /// byte order mark (Notepad's "Unicode"), or GB18030 / GBK (Notepad's "ANSI" on a Chinese
    /// system, WPS). `None` for UTF-8, Word files and bytes that are none of these.
    fn other_encoding(bytes: &[u8]) -> Option<(String, &'static str)> {
        let utf16 = |body: &[u8], unit: fn([u8; 2]) -> u16| {
            if !body.len().is_multiple_of(2) {
                return None;
            }
            let units: Vec<u16> = body.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
            String::from_utf16(&units).ok()
        };
        // UTF-32's byte order marks first: little-endian's begins as UTF-16LE's does.
        let utf32 = |body: &[u8], unit: fn([u8; 4]) -> u32| {
            if !body.len().is_multiple_of(4) {
                return None;
            }
            body.chunks_exact(4)
                .map(|c| char::from_u32(unit([c[0], c[1], c[2], c[3]])))
                .collect::<Option<String>>()
        };
        if let Some(body) = bytes.strip_prefix(&[0xff, 0xfe, 0, 0]) {
            return utf32(body, u32::from_le_bytes).map(|t| (t, "UTF-32LE"));
        }
        if let Some(body) = bytes.strip_prefix(&[0, 0, 0xfe, 0xff]) {
            return utf32(body, u32::from_be_bytes).map(|t| (t, "UTF-32BE"));
        }
        if let Some(body) = bytes.strip_prefix(&[0xff, 0xfe]) {
            return utf16(body, u16::from_le_bytes).map(|t| (t, "UTF-16LE"));
        }
        if let Some(body) = bytes.strip_prefix(&[0xfe, 0xff]) {
            return utf16(body, u16::from_be_bytes).map(|t| (t, "UTF-16BE"));
        }
        if std::str::from_utf8(bytes).is_ok()
            || plancheck::docx::is_zip(bytes)
            || plancheck::docx::is_word_binary(bytes)
            || bytes.contains(&0)
        {
            return None;
        }
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| (t.into_owned(), "GB18030"))
    }

    /// The template a run checks against: the embedded national one, or a file's.
    fn template_from(path: Option<String>) -> Result<Template, String> {
        let Some(path) = path else {
            return Ok(Template::national());
        };
        let json = std::fs::File::open(&path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|f| read_limited(f, &path, plancheck::template::MAX_TEMPLATE_BYTES))
            .and_then(|b| String::from_utf8(b).map_err(|_| format!("{path}: not UTF-8 text")))?;
        Template::from_json(&json).map_err(|e| format!("{path}: {e}"))
    }

    /// The text to check in a file or standard input, in any encoding and form it is read
    /// in, with what was decoded or left out said on stderr; an error names the file.
    fn text_from(path: &str) -> Result<String, String> {
        let bytes = read(path)?;
        let name = if path == "-" { "<stdin>" } else { path };
        // Text in another encoding Windows tools save: decoded, and said on stderr.
        let text = match other_encoding(&bytes) {
            Some((text, encoding)) => {
                plancheck::within_limit(text.len()).map_err(|e| format!("{path}: {e}"))?;
                eprintln!("plancheck: {name}: read as {encoding}");
                text
            }
            None => {
                let (text, docx) = text_of(&bytes).map_err(|e| format!("{path}: {e}"))?;
                // What a Word file held that is not checked: said on stderr, so that the
                // report on stdout stays the same as for the text.
                if let Some(note) = docx.as_ref().and_then(left_out) {
                    eprintln!("plancheck: {name}: {note}");
                }
                text.into_owned()
            }
        };
        if text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .is_empty()
        {
            return Err(format!("{path}: the file is empty"));
        }
        Ok(text)
    }

    /// `plancheck compare OLD NEW`: what changed between two versions of a draft.
    fn compare(old: &str, new: &str, format: CompareFormat, template: Option<String>) -> ExitCode {
        if old == "-" && new == "-" {
            return fail("standard input (`-`) can be read only once");
        }
        let template = match template_from(template) {
            Ok(t) => t,
            Err(e) => return fail(e),
        };
        let checker = match Checker::new(template.clone()) {
            Ok(c) => c,
            Err(e) => return fail(e),
        };
        let (old_text, new_text) = match (text_from(old), text_from(new)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return fail(e),
        };
        let options = Options::default();
        let comparison = plancheck::compare::compare(
            &checker.check(&old_text, &options),
            &checker.check(&new_text, &options),
            &template,
        );
        let output = match format {
            CompareFormat::Json => match serde_json::to_string_pretty(&comparison) {
                Ok(s) => s + "\n",
                Err(e) => return fail(e),
            },
            CompareFormat::Text => plancheck::render::comparison(&comparison, false),
            CompareFormat::Markdown => plancheck::render::comparison(&comparison, true),
        };
        if let Err(e) = emit(output.as_bytes()) {
            return fail(e);
        }
        ExitCode::SUCCESS
    }

    /// `plancheck annotate DRAFT -o OUT.docx`: the draft with the findings as 批注.
    fn annotate(draft: &str, output: &str, reviewer: &str, template: Option<String>) -> ExitCode {
        let checker = match template_from(template)
            .and_then(|t| Checker::new(t).map_err(|e| e.to_string()))
        {
            Ok(c) => c,
            Err(e) => return fail(e),
        };
        let bytes = match read(draft) {
            Ok(b) => b,
            Err(e) => return fail(e),
        };
        let text = match text_from(draft) {
            Ok(t) => t,
            Err(e) => return fail(e),
        };
        let report = checker.check(&text, &Options::default());
        let date = today();
        let by = plancheck::docx::annotate::Reviewer {
            name: reviewer,
            date: &date,
        };
        let decisions = plancheck::handback::Decisions::default();
        let written = if plancheck::docx::is_zip(&bytes) {
            plancheck::handback::annotated_docx(&bytes, &report, &decisions, &by)
        } else {
            plancheck::handback::annotated_text(&text, &report, &decisions, &by)
        };
        let written = match written {
            Ok(w) => w,
            Err(e) => return fail(format!("{draft}: {e}")),
        };
        if let Err(e) = std::fs::write(output, written) {
            return fail(format!("{output}: {e}"));
        }
        eprintln!(
            "plancheck: {output}: {} comments ({} errors, {} warnings, {} notes)",
            report.findings.len(),
            report.summary.errors,
            report.summary.warnings,
            report.summary.infos
        );
        ExitCode::from(u8::from(report.summary.errors > 0))
    }

    /// Writes the output to standard output; a reader that closed the pipe early (`| head`)
    /// is not an error.
    fn emit(bytes: &[u8]) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }

    /// Today's date (UTC), as 2026-11-26.
    fn today() -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        format!("{year}-{month:02}-{day:02}")
    }

    fn read(path: &str) -> Result<Vec<u8>, String> {
        // A .docx may be larger than the text it holds; each reader checks its own limit.
        let limit = plancheck::MAX_INPUT_BYTES.max(plancheck::docx::MAX_DOCX_BYTES);
        if path == "-" {
            return read_limited(std::io::stdin(), "standard input", limit);
        }
        let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
        if meta.is_dir() {
            return Err(format!("{path}: is a directory"));
        }
        let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        read_limited(file, path, limit)
    }

    /// Tracked changes and comments in a Word file, which the check reads as accepted and
    /// leaves out.
    fn left_out(doc: &plancheck::docx::Docx) -> Option<String> {
        let mut parts = Vec::new();
        if doc.insertions + doc.deletions > 0 {
            parts.push(format!(
                "tracked changes read as accepted ({} insertions, {} deletions)",
                doc.insertions, doc.deletions
            ));
        }
        match doc.comments.len() {
            0 => {}
            1 => parts.push("1 comment not checked".into()),
            n => parts.push(format!("{n} comments not checked")),
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// The command line read, or the exit code after saying what is wrong with it.
    fn parse() -> Result<Cli, ExitCode> {
        match Cli::try_parse() {
            Ok(cli) => Ok(cli),
            // --help and --version as clap writes them; a usage error in one line.
            Err(e) if !e.use_stderr() => {
                let _ = e.print();
                Err(ExitCode::from(0))
            }
            Err(e)
                if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
            {
                let _ = e.print();
                Err(ExitCode::from(2))
            }
            Err(e) => {
                // The error's own paragraph, joined: clap follows it with usage and tips.
                let text = e.to_string();
                let what: Vec<&str> = text
                    .lines()
                    .map(str::trim)
                    .take_while(|l| !l.is_empty())
                    .collect();
                Err(fail(format!(
                    "{}; see plancheck --help",
                    what.join(" ").trim_start_matches("error: ")
                )))
            }
        }
    }

    pub fn main() -> ExitCode {
        let cli = match parse() {
            Ok(cli) => cli,
            Err(code) => return code,
        };
        match cli.command {
            Command::Check {
                files,
                format,
                template,
                reviewer,
                disable,
                min_severity,
            } => match Checking::new(template, disable, min_severity) {
                Ok(checking) => checking.run(&files, format, &reviewer),
                Err(e) => fail(e),
            },
            Command::Compare {
                old,
                new,
                format,
                template,
            } => compare(&old, &new, format, template),
            Command::Annotate {
                draft,
                output,
                reviewer,
                template,
            } => annotate(&draft, &output, &reviewer, template),
        }
    }

    /// `plancheck check`: a checker and its options.
    struct Checking {
        checker: Checker,
        options: Options,
    }

    /// The files checked: each one's report, or why it could not be checked.
    struct Checked {
        reports: Vec<(String, Report)>,
        /// Each file in order: the index of its report, or why it could not be checked.
        batch: Vec<(String, Result<usize, String>)>,
        /// The texts checked, for formats that count columns in them.
        texts: Vec<String>,
        /// A file could not be checked (said on stderr and in its row of a batch table).
        unreadable: bool,
    }

    impl Checked {
        /// 2 when a file could not be read, 1 when a report has errors, else 0.
        fn exit_code(&self) -> ExitCode {
            if self.unreadable {
                return ExitCode::from(2);
            }
            ExitCode::from(u8::from(
                self.reports.iter().any(|(_, r)| r.summary.errors > 0),
            ))
        }
    }

    impl Checking {
        fn new(
            template: Option<String>,
            disable: Vec<String>,
            min_severity: Option<String>,
        ) -> Result<Checking, String> {
            let min_severity = match min_severity.as_deref().map(plancheck::Severity::from_name) {
                None => None,
                Some(Some(s)) => Some(s),
                Some(None) => return Err("--min-severity must be error, warning or info".into()),
            };
            let options = Options {
                disable,
                min_severity,
            }
            .validated()?;
            let checker = Checker::new(template_from(template)?).map_err(|e| e.to_string())?;
            Ok(Checking { checker, options })
        }

        fn run(&self, files: &[String], format: Format, reviewer: &str) -> ExitCode {
            if files.iter().filter(|f| *f == "-").count() > 1 {
                return fail("standard input (`-`) can be read only once");
            }
            let checked = self.check(files);
            let output = match render(&checked, format, reviewer) {
                Ok(bytes) => bytes,
                Err(e) => return fail(e),
            };
            if let Err(e) = emit(&output) {
                return fail(e);
            }
            checked.exit_code()
        }

        fn check(&self, files: &[String]) -> Checked {
            let mut checked = Checked {
                reports: Vec::new(),
                batch: Vec::new(),
                texts: Vec::new(),
                unreadable: false,
            };
            for path in files {
                let text = match text_from(path) {
                    Ok(text) => text,
                    Err(e) => {
                        eprintln!("plancheck: {e}");
                        checked.unreadable = true;
                        checked.batch.push((path.clone(), Err(e)));
                        continue;
                    }
                };
                let name = if path == "-" {
                    "<stdin>"
                } else {
                    path.as_str()
                };
                checked
                    .batch
                    .push((name.to_string(), Ok(checked.reports.len())));
                checked
                    .reports
                    .push((name.to_string(), self.checker.check(&text, &self.options)));
                checked.texts.push(text);
            }
            checked
        }
    }

    /// The reports in a format, as the bytes to write.
    fn render(checked: &Checked, format: Format, reviewer: &str) -> Result<Vec<u8>, String> {
        let reports = &checked.reports;
        let joined = |each: fn(&str, &Report) -> String| {
            reports
                .iter()
                .map(|(n, r)| each(n, r))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let text = match format {
            Format::Json => {
                let value = if reports.len() == 1 {
                    serde_json::to_string_pretty(&reports[0].1)
                } else {
                    let all: Vec<&Report> = reports.iter().map(|(_, r)| r).collect();
                    serde_json::to_string_pretty(&all)
                };
                value.map_err(|e| e.to_string())? + "\n"
            }
            Format::Text => joined(plancheck::render::text),
            Format::Markdown => joined(plancheck::render::markdown),
            Format::Summary | Format::Csv => {
                let rows: Vec<plancheck::render::BatchRow<'_>> = checked
                    .batch
                    .iter()
                    .map(|(name, result)| plancheck::render::BatchRow {
                        name,
                        report: match result {
                            Ok(k) => Ok(&reports[*k].1),
                            Err(why) => Err(why.clone()),
                        },
                    })
                    .collect();
                if matches!(format, Format::Csv) {
                    plancheck::render::csv(&rows)
                } else {
                    plancheck::render::summary(&rows)
                }
            }
            Format::FeedbackDocx => {
                let plans: Vec<(String, &str, Report, plancheck::handback::Decisions)> = reports
                    .iter()
                    .zip(&checked.texts)
                    .map(|((name, r), text)| {
                        (name.clone(), text.as_str(), r.clone(), Default::default())
                    })
                    .collect();
                return plancheck::handback::feedback_docx(&plans, reviewer, &today());
            }
            Format::Sarif => {
                let texts: Vec<&str> = checked.texts.iter().map(String::as_str).collect();
                serde_json::to_string_pretty(&plancheck::render::sarif(reports, &texts))
                    .map_err(|e| e.to_string())?
                    + "\n"
            }
        };
        Ok(text.into_bytes())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
