//! Linear in size on every input shape, not only on real plans: each adversarial shape
//! below, at 4× the size, takes at most 4.6× the work (SPEC.md's budget).
//!
//! Work is counted in instructions, by valgrind (cachegrind without its cache model):
//! the same binary on the same input executes the same instructions whatever else the
//! machine is doing, so the ratio is exact where a timing would move with the load. Each
//! measurement is this test binary run again under valgrind with one shape and one size
//! (`measure_one_shape`), less a run that only builds the checker.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::process::Command;

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
        (
            "many indicator names",
            format!(
                "{TASK}{}\n",
                repeat("食品抽检合格率、规上工业企业质量管理体系认证率、", n)
            ),
        ),
        (
            "a task table pasted as lines",
            format!(
                "序号\n重点任务\n牵头单位\n配合单位\n完成时限\n{}",
                repeat("1\n推进标准化建设\n县市场监管局\n县工信局\n2026年底\n", n)
            ),
        ),
        ("a real plan repeated", {
            let plan = include_str!("fixtures/complete.txt");
            repeat(plan, n.max(plan.len()))
        }),
    ]
}

const DUMPS: &str = "PLANCHECK_SCALING_DUMPS";
const SIZES: [usize; 2] = [6_000, 24_000];

/// Marks where one measured check begins: valgrind writes the instructions counted so
/// far at each call (`--dump-before`), so that each check is counted on its own.
#[inline(never)]
fn scaling_boundary() {
    std::hint::black_box(());
}

/// The worker, run by `every_shape_is_linear` under valgrind: checks every other shape
/// at each size (the half `PLANCHECK_SCALING_DUMPS` names, 0 or 1; two workers run at
/// once), one after another, with a boundary before each check and after the last. Does
/// nothing when run on its own.
#[test]
#[ignore = "run by every_shape_is_linear under valgrind"]
fn measure_shapes() {
    let Some(half) = std::env::var(DUMPS)
        .ok()
        .and_then(|h| h.parse::<usize>().ok())
    else {
        return;
    };
    let checker = Checker::new(Template::national()).expect("national template");
    let texts: Vec<String> = SIZES
        .iter()
        .flat_map(|&n| shapes(n).into_iter().map(|(_, t)| t))
        .enumerate()
        .filter(|(k, _)| k % 2 == half)
        .map(|(_, t)| t)
        .collect();
    let options = Options::default();
    // A first check outside the measured ones: what is built on first use is not
    // counted against the first shape.
    checker.check(&texts[0], &options);
    for text in &texts {
        scaling_boundary();
        std::hint::black_box(checker.check(std::hint::black_box(text), &options));
    }
    scaling_boundary();
}

/// Instructions of each check of `measure_shapes` for one half, in its order, as
/// valgrind (callgrind) counts them.
fn instructions(half: usize) -> Result<Vec<u64>, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = std::env::temp_dir().join(format!("plancheck-scaling-{}-{half}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let out = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--dump-before=*scaling_boundary*",
            "--dump-instr=no",
            "--compress-strings=no",
        ])
        .arg(format!("--callgrind-out-file={}/cg", dir.display()))
        .arg(&exe)
        .args([
            "measure_shapes",
            "--exact",
            "--ignored",
            "--test-threads=1",
            "-q",
        ])
        .env(DUMPS, half.to_string())
        .output()
        .map_err(|e| format!("valgrind: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the worker failed under valgrind: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    // One file per part, each naming its part: the part before the first boundary, one
    // per check, and the part after the last boundary.
    let mut parts: Vec<(usize, u64)> = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().parse::<u64>().ok())
                .ok_or_else(|| format!("no {name} in {}", path.display()))
        };
        parts.push((field("part:")? as usize, field("summary:")?));
    }
    let _ = std::fs::remove_dir_all(&dir);
    parts.sort();
    // Part 1 is start-up and the warm-up check; the last part, after the last boundary,
    // is the end of the run.
    Ok(parts[1..parts.len().saturating_sub(1)]
        .iter()
        .map(|&(_, t)| t)
        .collect())
}

fn has_valgrind() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn every_shape_is_linear() {
    // `make test` installs valgrind; without it (a bare `cargo test`) the test says so.
    if !has_valgrind() {
        assert!(
            std::env::var_os("PLANCHECK_REQUIRE").is_none_or(|v| v != "1"),
            "valgrind not found"
        );
        eprintln!("every_shape_is_linear: skipped, valgrind not found (make test installs it)");
        return;
    }
    let [small, large] = SIZES;
    let (a, b) = (shapes(small), shapes(large));
    let halves: Vec<Vec<u64>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|h| scope.spawn(move || instructions(h)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap().unwrap())
            .collect()
    });
    // Back in the order of `shapes(small)` then `shapes(large)`.
    let mut counts = Vec::new();
    for k in 0..a.len() + b.len() {
        counts.extend(halves[k % 2].get(k / 2).copied());
    }
    assert!(
        counts.len() >= a.len() + b.len(),
        "{} counts for {} checks",
        counts.len(),
        a.len() + b.len()
    );
    let mut failed = Vec::new();
    for (k, ((name, ta), (_, tb))) in a.iter().zip(&b).enumerate() {
        let (ia, ib) = (counts[k], counts[a.len() + k]);
        let growth = tb.len() as f64 / ta.len() as f64;
        let ratio = ib as f64 / (ia as f64).max(1.0) / (growth / 4.0);
        eprintln!("{name:34} ×{ratio:.2} the instructions for ×4 the text");
        if ratio > 4.6 {
            failed.push(format!("{name}: ×{ratio:.1}"));
        }
    }
    assert!(failed.is_empty(), "not linear: {failed:?}");
}
