//! Linear in size on every input shape, not only on real plans: each adversarial shape
//! below, at 4× the size, takes at most 4.6× the time (SPEC.md's budget).
//!
//! Time is the best of several runs of the check in this process, which runs alone (one
//! test in its own binary, and cargo runs test binaries one after another); a quadratic
//! shape is 15–25× at these sizes, far from the bound, so the best-of-runs ratio separates
//! the two cleanly. A shape over the bound is measured again (up to three times, keeping
//! the best time of each size) before it fails.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::time::{Duration, Instant};

use plancheck::{Checker, Options, Template};

const TASK: &str = "二、重点任务\n（一）推动经济质量效益型发展\n1.推进。";

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len()).max(1))
}

/// (name, text of about `n` bytes) for each shape.
fn shapes(n: usize) -> Vec<(&'static str, String)> {
    let units: Vec<String> = (0..n / 14).map(|i| format!("县第{i}局")).collect();
    vec![
        (
            "a table pasted as one line",
            format!("{TASK}{}\n", repeat("98 97.5 县市场监管局 2027 ", n)),
        ),
        (
            "one sentence, many numbers",
            format!("{TASK}{}\n", repeat("合格率达到98%，", n)),
        ),
        (
            "one sentence, many deadlines",
            format!("{TASK}{}\n", repeat("到2027年，", n)),
        ),
        (
            "many distinct unit names",
            format!("{TASK}（{}负责）\n", units.join("、")),
        ),
        (
            "many top-level category parts",
            repeat("一、推动经济质量效益型发展\n", n),
        ),
        (
            "many labels in one bracket",
            format!("{TASK}（{}）\n", repeat("牵头单位：县局，", n)),
        ),
        (
            "many not-quantified phrases",
            format!("{TASK}食品抽检合格率{}\n", repeat("完成上级下达任务，", n)),
        ),
        (
            "many uncategorised sections",
            format!("二、重点任务\n{}", repeat("（一）推进工作\n1.做好。\n", n)),
        ),
        ("bare top-level headings", repeat("一、\n", n)),
        ("many brackets", format!("{TASK}{}\n", repeat("（（", n))),
        (
            "a long line without punctuation",
            format!("{TASK}{}\n", repeat("质量提升工程", n)),
        ),
        (
            "many stages",
            format!(
                "三、工作安排\n{}",
                repeat("（一）动员阶段（2025年1月至2025年6月）。\n", n)
            ),
        ),
        (
            "many tables",
            repeat(
                "序号\n指标\n目标值\n责任单位\n1\n食品抽检合格率\n98%\n县局\n",
                n,
            ),
        ),
        ("a line of 年", format!("{TASK}{}\n", repeat("年", n))),
        ("a PDF copy with footers", {
            let mut s = String::new();
            for (k, line) in repeat("支持企业创建和升级企业技术中心工业设计中心等创新平台，", n)
                .chars()
                .collect::<Vec<_>>()
                .chunks(30)
                .enumerate()
            {
                s.extend(line);
                s.push('\n');
                if k % 40 == 39 {
                    s.push_str(&format!(
                        "— {} —\n某县质量强县培育建设实施方案\n",
                        k / 40 + 1
                    ));
                }
            }
            s
        }),
        (
            "many page numbers",
            repeat("- 7 -\n某县质量强县培育建设实施方案\n", n),
        ),
        (
            "tab-separated rows",
            format!(
                "序号\t指标\t目标\n{}",
                repeat("1\t食品抽检合格率\t98%\n", n)
            ),
        ),
        (
            "placeholders",
            format!("{TASK}{}\n", repeat("达到 %，××家，____，", n)),
        ),
        (
            "citations",
            format!("{TASK}{}\n", repeat("国市监质发〔2024〕97号、", n)),
        ),
        (
            "a paste of many notices",
            repeat(
                "关于公开征求《某县质量强县培育建设实施方案》意见的公告\n一、时间\n",
                n,
            ),
        ),
    ]
}

fn best_of(runs: usize, checker: &Checker, text: &str) -> Duration {
    let options = Options::default();
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(checker.check(std::hint::black_box(text), &options));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn every_shape_is_linear() {
    let checker = Checker::new(Template::national()).expect("national template"); // ok: test
    let (small, large) = (16_000, 64_000);
    let mut failed = Vec::new();
    for ((name, a), (_, b)) in shapes(small).into_iter().zip(shapes(large)) {
        let growth = b.len() as f64 / a.len() as f64;
        // Load only ever adds time: the best time of each size over all attempts is the
        // closest to the work done.
        let (mut ta, mut tb) = (Duration::MAX, Duration::MAX);
        let mut ratio = f64::MAX;
        for _attempt in 0..3 {
            ta = ta.min(best_of(7, &checker, &a));
            tb = tb.min(best_of(5, &checker, &b));
            ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-6) / (growth / 4.0);
            if ratio <= 4.6 {
                break;
            }
        }
        eprintln!("{name:34} ×{ratio:.2} for ×4");
        if ratio > 4.6 {
            failed.push(format!("{name}: ×{ratio:.1}"));
        }
    }
    assert!(failed.is_empty(), "not linear: {failed:?}");
}
