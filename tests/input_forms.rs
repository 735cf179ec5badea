//! The same plan in the forms it really arrives in — copied out of a PDF viewer at any
//! wrap width with any footer style, saved as .txt with its numbering lost, with parts
//! numbered 第一部分, with a web page's table, pasted together with a notice and a 起草说明 —
//! gives the same findings as the clean text, and every span still points at what the
//! user pasted. The forms are built here from the synthetic fixtures.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use plancheck::Report;
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    common::read(&common::fixtures().join(name))
}

/// Plans long enough to be paginated, with every kind of finding between them.
const PLANS: &[&str] = &[
    "complete.txt",
    "unassigned-task/flagged.txt",
    "no-lead-unit/flagged.txt",
    "target-missing-unit/flagged.txt",
    "target-missing-date/flagged.txt",
    "schedule-gap/flagged.txt",
    "unit-name-variant/flagged.txt",
    "table.txt",
    "table-columns.txt",
];

/// Leading numbering of any style: 一、 （一） 1. 1、 （1） (1) ① 第一部分.
fn strip_marker(s: &str) -> &str {
    let t = s.trim_start_matches([' ', '\u{3000}', '\t']);
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.char_indices().peekable();
    let Some((_, first)) = chars.next() else {
        return t;
    };
    let end = if first == '第' {
        t.find("部分").map(|i| i + "部分".len())
    } else if cn(first) {
        t.find('、')
            .filter(|&i| t[..i].chars().all(cn))
            .map(|i| i + '、'.len_utf8())
    } else if first == '（' || first == '(' {
        t.find(['）', ')'])
            .filter(|&i| {
                t[first.len_utf8()..i]
                    .chars()
                    .all(|c| cn(c) || c.is_ascii_digit())
            })
            .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8))
    } else if first.is_ascii_digit() {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let rest = &t[digits..];
        let sep = rest.chars().next();
        let after = rest.chars().nth(1);
        (matches!(sep, Some('.' | '．' | '、')) && !after.is_some_and(|c| c.is_ascii_digit()))
            .then(|| digits + sep.map_or(0, char::len_utf8))
    } else if ('①'..='⑳').contains(&first) {
        Some(first.len_utf8())
    } else {
        None
    };
    end.map_or(t, |e| &t[e..])
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect::<String>()
        .trim_end_matches('…')
        .to_string()
}

/// What a finding is about, however the text was laid out.
fn keys(r: &Report) -> Vec<String> {
    let mut k: Vec<String> = r
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}",
                f.rule,
                squeeze(strip_marker(&f.excerpt)),
                f.category.as_deref().unwrap_or(""),
                f.indicator.as_deref().unwrap_or("")
            )
        })
        .collect();
    k.sort();
    k
}

/// Lays a line out as a PDF viewer copies it: about `cols` CJK characters a line, an
/// ASCII run kept whole, closing punctuation never starting a line.
/// (Some exports count characters instead: `by_count`.)
fn wrap_measured(s: &str, cols: f32, by_count: bool) -> Vec<String> {
    let closing = "，。、；：？！）)”’》%％";
    let width = |t: &str| -> f32 {
        t.chars()
            .map(|c| {
                if (c as u32) < 0x2000 && !by_count {
                    0.5
                } else {
                    1.0
                }
            })
            .sum()
    };
    let mut tokens: Vec<String> = Vec::new();
    for c in s.chars() {
        match tokens.last_mut() {
            Some(t)
                if c.is_ascii_alphanumeric()
                    && t.chars().all(|x| x.is_ascii_alphanumeric() || x == '.') =>
            {
                t.push(c)
            }
            Some(t) if c == '.' && t.chars().all(|x| x.is_ascii_digit()) && !t.is_empty() => {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for tok in tokens {
        if width(&cur) + width(&tok) > cols && !cur.is_empty() && !closing.contains(tok.as_str()) {
            out.push(std::mem::take(&mut cur));
        }
        cur.push_str(&tok);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The text as Word's "Save as .txt" leaves it when the automatic numbering is lost.
fn without_numbering(text: &str) -> String {
    text.lines()
        .map(|l| strip_marker(l).to_string() + "\n")
        .collect()
}

/// Every non-blank line laid out as a PDF viewer copies it.
fn wrapped_lines(text: &str, cols: f32, by_count: bool) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .flat_map(|l| wrap_measured(l, cols, by_count))
        .collect()
}

const FOOTERS: &[&str] = &["— {} —", "- {} -", "第 {} 页", "第{}页 共9页", "{}", "·{}·"];

/// A PDF copy: wrapped, blank lines gone, a footer every `per_page` lines and the title
/// as running header at each page top. Returns the text and the furniture lines. A bare
/// page number (`3`) is told from a table's serial number by its sequence, so a copy
/// with that style has at least two pages.
fn pdf(text: &str, cols: f32, per_page: usize, footer: &str) -> (String, Vec<String>) {
    pdf_measured(text, cols, per_page, footer, false)
}

fn pdf_measured(
    text: &str,
    cols: f32,
    per_page: usize,
    footer: &str,
    by_count: bool,
) -> (String, Vec<String>) {
    let lines = wrapped_lines(text, cols, by_count);
    let per_page = if footer == "{}" {
        per_page.min(lines.len().div_ceil(2)).max(12)
    } else {
        per_page
    };
    // The title as running header, when the plan has one on its first page.
    let first = text.lines().next().unwrap_or("").trim();
    let title = first.contains("方案").then(|| first.to_string());
    let mut out = Vec::new();
    let mut furniture: Vec<String> = title.iter().cloned().collect();
    for (p, page) in lines.chunks(per_page).enumerate() {
        if let Some(title) = title.as_ref().filter(|_| p > 0) {
            out.push(title.clone());
        }
        out.extend(page.iter().cloned());
        let f = footer.replace("{}", &(p + 1).to_string());
        furniture.push(f.clone());
        out.push(f);
    }
    (out.join("\n") + "\n", furniture)
}

/// Every finding's span, read in the pasted text with its line breaks and page furniture
/// taken out, starts with the finding's excerpt.
fn assert_spans_point_at_the_text(text: &str, furniture: &[String], r: &Report) {
    for f in &r.findings {
        let shown = common::utf16_slice(text, f.span.start, f.span.end);
        let mut flat = String::new();
        for line in shown.split('\n') {
            let t = line.trim();
            if !furniture.iter().any(|x| x == t) || t.is_empty() {
                flat.push_str(t);
            }
        }
        let excerpt = squeeze(&f.excerpt);
        assert!(
            squeeze(&flat).starts_with(&excerpt),
            "{}: span shows {flat:?}, excerpt {excerpt:?}",
            f.rule
        );
    }
}

#[test]
fn pdf_copies_at_every_width_and_footer_style_give_the_same_findings() {
    for plan in PLANS {
        let text = fixture(plan);
        let want = keys(&common::check(&text));
        for cols in (28..=46).step_by(3) {
            for (k, footer) in FOOTERS.iter().enumerate() {
                let per_page = 12 + 7 * k;
                let (copy, furniture) = pdf(&text, cols as f32, per_page, footer);
                let r = common::check(&copy);
                assert_eq!(
                    keys(&r),
                    want,
                    "{plan} at {cols} columns, footer {footer:?}, {per_page} lines a page"
                );
                assert_spans_point_at_the_text(&copy, &furniture, &r);
                let wraps = text.lines().any(|l| l.chars().count() > cols + 2);
                assert_eq!(
                    r.document.reading.joined_lines > 0,
                    wraps,
                    "{plan} at {cols} columns"
                );
            }
        }
    }
}

#[test]
fn a_clause_split_over_a_page_break_still_assigns_its_task() {
    let text = fixture("complete.txt");
    let (copy, _) = pdf(&text, 38.0, 15, "— {} —");
    let r = common::check(&copy);
    assert_eq!(r.summary.assigned, r.summary.tasks);
    assert!(r.document.reading.page_furniture >= 2);
}

#[test]
fn plans_whose_numbering_was_lost_are_read_by_their_headings() {
    for plan in [
        "complete.txt",
        "unassigned-task/flagged.txt",
        "no-lead-unit/flagged.txt",
        "target-missing-date/flagged.txt",
    ] {
        let text = fixture(plan);
        let stripped = without_numbering(&text);
        let (a, b) = (common::check(&text), common::check(&stripped));
        assert_eq!(keys(&b), keys(&a), "{plan}");
        assert_eq!(b.summary.tasks, a.summary.tasks, "{plan}");
        assert!(b.document.reading.numbering_lost, "{plan}");
        assert!(!a.document.reading.numbering_lost, "{plan}");
    }
}

#[test]
fn a_text_without_any_heading_says_the_numbering_may_be_lost() {
    let text = fixture("complete.txt");
    let flat: String = text
        .lines()
        .map(|l| {
            strip_marker(l)
                .replace("重点任务", "")
                .replace("工作安排", "")
                .replace("保障措施", "")
                .replace("工作目标", "")
                + "\n"
        })
        .collect();
    let r = common::check(&flat);
    assert_eq!(r.document.kind.as_str(), "not-a-plan");
    let f = r
        .of_rule("not-a-plan")
        .next()
        .expect("a not-a-plan finding");
    assert!(f.message.contains("编号"), "{}", f.message);
    assert!(f.suggestion.as_deref().unwrap_or("").contains(".docx"));
}

#[test]
fn parts_numbered_di_yi_bu_fen_are_parts() {
    let text = fixture("complete.txt");
    let numbers = ["一、", "二、", "三、", "四、"];
    let words = ["第一部分　", "第二部分　", "第三部分 ", "第四部分："];
    let bufen: String = text
        .lines()
        .map(|l| {
            let mut l = l.to_string();
            for (n, w) in numbers.iter().zip(words) {
                if let Some(rest) = l.strip_prefix(n) {
                    l = format!("{w}{rest}");
                }
            }
            l + "\n"
        })
        .collect();
    assert!(bufen.contains("第二部分"));
    assert_eq!(keys(&common::check(&bufen)), keys(&common::check(&text)));
}

#[test]
fn a_web_page_table_with_tab_separated_cells_is_read() {
    let text = fixture("table.txt");
    // Rows of the one-cell-per-line table joined with tabs, as a browser copies them.
    let (head, table) = text.split_at(text.find("序号").expect("the fixture has a table"));
    let rows: Vec<String> = table
        .split("\n\n")
        .map(|row| {
            row.lines()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .filter(|r| !r.is_empty())
        .collect();
    let copy = format!("{head}{}\n", rows.join("\n"));
    assert!(copy.contains("\t县市场监管局"));
    let (a, b) = (common::check(&text), common::check(&copy));
    assert_eq!(keys(&b), keys(&a));
    assert_eq!(b.targets.len(), a.targets.len());
    // A row a line is the form tables are read in: nothing to rebuild there; the cell a
    // line was rebuilt, and the reading says so.
    assert_eq!(b.document.reading.table_rows, 0);
    assert!(a.document.reading.table_rows >= 3);
}

#[test]
fn a_paste_with_a_notice_and_an_explanation_is_checked_as_the_plan() {
    let plan = fixture("complete.txt");
    let notice = "关于公开征求《青山县质量强县培育建设实施方案（征求意见稿）》意见的公告\n为广泛听取社会各界意见，现将方案全文公布，征求意见。\n一、征求意见时间\n2025年6月1日至2025年6月30日。\n二、意见反馈方式\n请发送电子邮件至县市场监管局。\n附件1\n";
    let explanation = "\n关于《青山县质量强县培育建设实施方案（征求意见稿）》的起草说明\n一、起草背景\n为落实国家部署，县市场监管局起草了本方案。\n二、主要内容\n方案共分四个部分。\n";
    let paste = format!("{notice}{plan}{explanation}");
    let (alone, together) = (common::check(&plan), common::check(&paste));
    assert_eq!(together.document.kind.as_str(), "plan");
    assert_eq!(keys(&together), keys(&alone));
    let others = &together.document.reading.others;
    assert_eq!(others.len(), 2);
    assert_eq!(others[0].kind.as_str(), "notice");
    assert!(others[0].title.contains("征求"));
    assert_eq!(others[1].kind.as_str(), "explanation");
    assert!(others[1].title.contains("起草说明"));
    // Spans point into the paste: the plan's findings sit after the notice.
    let notice_units = notice.encode_utf16().count();
    assert!(together
        .findings
        .iter()
        .all(|f| f.span.start >= notice_units));
    let note = together
        .document
        .reading
        .describe()
        .expect("the report says what else the paste held");
    assert!(note.contains("起草说明"));
}

#[test]
fn every_kind_of_line_end_reads_as_a_line_end() {
    let text = fixture("complete.txt");
    let want = keys(&common::check(&text));
    let ends = ["\r", "\u{b}", "\u{c}", "\u{85}", "\u{2028}", "\u{2029}"];
    for end in ends {
        let r = common::check(&text.replace('\n', end));
        assert_eq!(keys(&r), want, "{end:?}");
    }
    // Mixed: each line ends in its own way; findings point at the text as given.
    let flagged = fixture("unassigned-task/flagged.txt");
    let mixed: String = flagged
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{l}{}", ["\r\n", "\n", "\r", "\u{2028}"][i % 4]))
        .collect();
    let r = common::check(&mixed);
    assert_eq!(keys(&r), keys(&common::check(&flagged)));
    assert!(r.document.reading.line_ends);
    let f = r
        .of_rule("unassigned-task")
        .next()
        .expect("the flagged task");
    let shown = common::utf16_slice(&mixed, f.span.start, f.span.end);
    assert_eq!(squeeze(&shown), squeeze(&f.excerpt));
}

#[test]
fn old_mac_line_ends_read_as_line_ends() {
    let text = fixture("complete.txt");
    let mac = text.replace('\n', "\r");
    let r = common::check(&mac);
    assert_eq!(keys(&r), keys(&common::check(&text)));
    assert!(r.document.reading.line_ends);
    assert_eq!(r.document.kind.as_str(), "plan");
}

#[test]
fn clean_text_is_read_as_it_is() {
    for plan in PLANS {
        let r = common::check(&fixture(plan));
        let reading = &r.document.reading;
        assert_eq!(
            reading.joined_lines + reading.page_furniture + reading.others.len(),
            0,
            "{plan}"
        );
        // Only a table copied a cell a line is rebuilt, and said so.
        assert!(
            reading.describe().is_none() || reading.table_rows > 0,
            "{plan}: {:?}",
            reading.describe()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// Any wrap width, page length and footer style: the same findings, spans on the text.
    #[test]
    fn wrapped_and_paginated_copies_keep_findings_and_spans(
        plan in proptest::sample::select(PLANS.to_vec()),
        cols in 26u32..=50,
        per_page in 14usize..=60,
        footer in proptest::sample::select(FOOTERS.to_vec()),
        by_count in any::<bool>(),
    ) {
        let text = fixture(plan);
        let (copy, furniture) = pdf_measured(&text, cols as f32, per_page, footer, by_count);
        let r = common::check(&copy);
        prop_assert_eq!(keys(&r), keys(&common::check(&text)));
        assert_spans_point_at_the_text(&copy, &furniture, &r);
    }
}

#[test]
fn numbering_lost_and_hard_wrapped_together_still_read() {
    // Saved as .txt with its numbering lost and lines broken, as some exports do.
    for plan in [
        "complete.txt",
        "unassigned-task/flagged.txt",
        "no-lead-unit/flagged.txt",
    ] {
        let text = fixture(plan);
        let stripped = without_numbering(&text);
        let want = keys(&common::check(&text));
        for cols in (28..=46).step_by(6) {
            let copy = wrapped_lines(&stripped, cols as f32, false).join("\n") + "\n";
            let r = common::check(&copy);
            assert_eq!(keys(&r), want, "{plan} at {cols} columns");
            assert!(r.document.reading.numbering_lost);
        }
    }
}
