//! `make bench`: the checker on the corpus plans and on synthetic plans of 10× and 100×
//! their size, against a floor that reads the text — one Aho-Corasick pass of the
//! template's vocabulary (aliases, keywords, units, comparators, labels, the words every
//! plan is read by) over the same text — and the budgets of SPEC.md, as ratios to that
//! floor, printed as PASS / FAIL.
//!
//! Without `../shared/corpus/`, the synthetic complete plan of `tests/fixtures/` stands in.

// Tests and benchmarks fail loudly (unwrap, expect and panic are their assertions) and
// are not in the WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use plancheck::template::PartKind;
use plancheck::{Checker, Options, Template};

/// The plans to measure: (name, text) of about 12–25 KB each.
fn plans() -> Vec<(String, String)> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut plans: Vec<(String, String)> = ["xiuning-2025.txt", "lixian-draft.txt"]
        .iter()
        .filter_map(|name| {
            let text = std::fs::read_to_string(corpus.join(name)).ok()?;
            Some((name.trim_end_matches(".txt").to_string(), text))
        })
        .collect();
    if plans.is_empty() {
        eprintln!(
            "corpus not found at {}; using tests/fixtures/complete.txt",
            corpus.display()
        );
        let text = include_str!("../tests/fixtures/complete.txt");
        plans.push(("complete".to_string(), text.repeat(4)));
    }
    plans
}

/// The plan grown to about `len` bytes: its tasks part (after the part's heading line)
/// repeated, so that every copy is read as tasks with targets, deadlines and
/// responsibility clauses, as in a very long plan.
fn grow(checker: &Checker, text: &str, len: usize) -> String {
    let doc = checker.parse(text);
    let Some(tasks) = doc.parts.iter().find(|p| p.kind == PartKind::Tasks) else {
        return text.repeat(len.div_ceil(text.len().max(1)));
    };
    let body_start = text[tasks.span.clone()]
        .find('\n')
        .map_or(tasks.span.start, |i| tasks.span.start + i + 1);
    let body = &text[body_start..tasks.span.end];
    let mut s = String::with_capacity(len + text.len());
    s.push_str(&text[..tasks.span.end]);
    while !body.is_empty() && s.len() + (text.len() - tasks.span.end) < len {
        s.push_str(body);
    }
    s.push_str(&text[tasks.span.end..]);
    s
}

/// The plan `n` times as long.
fn scaled(checker: &Checker, text: &str, n: usize) -> String {
    grow(checker, text, text.len() * n)
}

/// The plan as a PDF viewer copies it: lines of 38 characters, a footer and the title as
/// running header every 45 lines.
fn pdf_copy(text: &str) -> String {
    let title = text
        .lines()
        .find(|l| l.contains("方案"))
        .unwrap_or("")
        .trim();
    let mut lines: Vec<String> = Vec::new();
    for para in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let chars: Vec<char> = para.chars().collect();
        lines.extend(chars.chunks(38).map(|c| c.iter().collect::<String>()));
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (p, page) in lines.chunks(45).enumerate() {
        if p > 0 {
            out.push_str(title);
            out.push('\n');
        }
        for l in page {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("— {} —\n", p + 1));
    }
    out
}

/// Every word the template reads a plan by.
fn vocabulary(t: &Template) -> Vec<String> {
    let v = &t.vocabulary;
    let mut words: Vec<String> = Vec::new();
    for i in &t.indicators {
        words.extend(i.aliases.iter().cloned());
    }
    for c in &t.categories {
        words.extend(c.keywords.iter().cloned());
        words.extend(c.headings.iter().flatten().cloned());
    }
    for list in [
        &v.measure_units,
        &v.comparators_before,
        &v.comparators_after,
        &v.ratio_words,
        &v.responsibility_labels.lead,
        &v.responsibility_labels.other,
        &v.unit_suffixes,
        &v.title_verbs,
        &v.commitment_verbs,
        &v.time_words,
        &v.admin_prefixes,
        &v.table_headers,
        &v.roster_titles,
        &v.plan_title_words,
        &v.collective_words,
    ] {
        words.extend(list.iter().cloned());
    }
    words.sort();
    words.dedup();
    words.retain(|w| !w.is_empty());
    words
}

/// The floor: one pass of the vocabulary over the text.
fn floor(ac: &aho_corasick::AhoCorasick, text: &str) -> usize {
    ac.find_iter(text).count()
}

/// The check's time to the floor's, on a plan grown to 25 KB, at most: the ratio measured
/// when the floor became the vocabulary's pass (this machine, 2 cores), with a fifth for
/// the machine's noise. A change that makes the check slower fails it.
fn ratio_budget(plan: &str) -> f64 {
    let measured = match plan {
        "xiuning-2025" => 7.6,
        "lixian-draft" => 3.4,
        _ => 7.6,
    };
    measured * 1.2
}

/// The median of `runs` timings of `f`, after a warm-up.
fn median(runs: usize, f: impl FnMut()) -> Duration {
    spread(runs, f).median
}

/// Timings of a measurement: the median with the 10th and 90th percentiles.
#[derive(Clone, Copy)]
struct Spread {
    median: Duration,
    low: Duration,
    high: Duration,
}

impl Spread {
    fn ms(self) -> String {
        format!(
            "{:.3} ms ({:.3}–{:.3})",
            self.median.as_secs_f64() * 1e3,
            self.low.as_secs_f64() * 1e3,
            self.high.as_secs_f64() * 1e3
        )
    }
}

fn spread(runs: usize, mut f: impl FnMut()) -> Spread {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    Spread {
        median: times[runs / 2],
        low: times[runs / 10],
        high: times[runs * 9 / 10],
    }
}

/// Prints and returns whether the larger input's time is within 1.3× of the smaller's
/// scaled by size.
fn linear(
    what: &str,
    (small, t_small): (usize, Duration),
    (large, t_large): (usize, Duration),
) -> bool {
    let expected = t_small.as_secs_f64() * (large as f64 / small.max(1) as f64);
    let ratio = t_large.as_secs_f64() / expected.max(1e-12);
    let ok = ratio <= 1.3;
    println!(
        "  {} {what} takes {ratio:.2}x the time of 100 × 1x (budget 1.3x)",
        verdict(ok)
    );
    ok
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

fn main() {
    let checker = Checker::new(Template::national()).expect("national template"); // ok: bench
    let compiled = plancheck::compiled::Compiled::new(&Template::national()).expect("compiles"); // ok: bench
    let options = Options::default();
    let words = vocabulary(&Template::national());
    let numbers = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&words)
        .expect("the vocabulary's automaton"); // ok: bench
    let plans = plans();

    let mut c = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in &plans {
        let mut group = c.benchmark_group(name.as_str());
        for n in [1, 10, 100] {
            let text = scaled(&checker, text, n);
            group.throughput(Throughput::Bytes(text.len() as u64));
            if n == 100 {
                group.sample_size(10);
            }
            group.bench_with_input(BenchmarkId::new("check", format!("{n}x")), &text, |b, t| {
                b.iter(|| checker.check(black_box(t), &options))
            });
            group.bench_with_input(BenchmarkId::new("floor", format!("{n}x")), &text, |b, t| {
                b.iter(|| floor(&numbers, black_box(t)))
            });
        }
        group.finish();
    }
    c.final_summary();

    println!("\nplancheck: check against the floor and the budgets (median, 10th–90th percentile)");
    println!(
        "{:<14} {:>6} {:>10} {:>30} {:>30} {:>8}",
        "plan", "size", "bytes", "check", "floor", "ratio"
    );
    let mut all_ok = true;
    for (name, text) in &plans {
        let mut base = None;
        for n in [1, 10, 100] {
            let text = scaled(&checker, text, n);
            let runs = if n == 100 { 11 } else { 101 };
            let t_check = spread(runs, || {
                black_box(checker.check(black_box(&text), &options));
            });
            let t_floor = spread(runs, || {
                black_box(floor(&numbers, black_box(&text)));
            });
            println!(
                "{:<14} {:>5}x {:>10} {:>30} {:>30} {:>7.1}x",
                name,
                n,
                text.len(),
                t_check.ms(),
                t_floor.ms(),
                t_check.median.as_secs_f64() / t_floor.median.as_secs_f64().max(1e-9)
            );
            match n {
                1 => base = Some((text.len(), t_check.median)),
                100 => {
                    if let Some((len, t1)) = base {
                        all_ok &= linear("linear: 100x", (len, t1), (text.len(), t_check.median));
                    }
                }
                _ => {}
            }
        }
    }
    // The reading stage (joining a PDF copy's lines, leaving out page furniture) against
    // the whole check, on each plan as given and as a PDF copy; and linear in size.
    for (name, text) in &plans {
        for (form, text) in [("as given", text.clone()), ("pdf copy", pdf_copy(text))] {
            let t_read = median(101, || {
                black_box(plancheck::reading::read(black_box(&text), &compiled));
            });
            let t_check = median(101, || {
                black_box(checker.check(black_box(&text), &options));
            });
            let share = t_read.as_secs_f64() / t_check.as_secs_f64().max(1e-9);
            let ok = share <= 0.2;
            all_ok &= ok;
            println!(
                "  {} reading {name} ({form}): {:.3} ms, {:.1} % of the check (budget 20 %)",
                verdict(ok),
                t_read.as_secs_f64() * 1e3,
                share * 100.0
            );
        }
        let one = pdf_copy(text);
        let hundred = pdf_copy(&scaled(&checker, text, 100));
        let t1 = median(51, || {
            black_box(plancheck::reading::read(black_box(&one), &compiled));
        });
        let t100 = median(11, || {
            black_box(plancheck::reading::read(black_box(&hundred), &compiled));
        });
        all_ok &= linear(
            "reading linear: a 100x PDF copy",
            (one.len(), t1),
            (hundred.len(), t100),
        );
    }

    // SPEC.md's budget: a 25 KB plan's check against the vocabulary's pass over the same
    // text, in the same run: no slower than when the floor was set.
    for (name, text) in &plans {
        let text25 = grow(&checker, text, 25_000);
        let t = spread(201, || {
            black_box(checker.check(black_box(&text25), &options));
        });
        let f = spread(201, || {
            black_box(floor(&numbers, black_box(&text25)));
        });
        let ratio = t.median.as_secs_f64() / f.median.as_secs_f64().max(1e-9);
        let budget = ratio_budget(name);
        let ok = ratio <= budget;
        all_ok &= ok;
        println!(
            "  {} {name} grown to {} KB: check {}, floor {}: {ratio:.1}× the floor (budget {budget:.1}×)",
            verdict(ok),
            text25.len() / 1000,
            t.ms(),
            f.ms()
        );
    }
    println!(
        "plancheck: {}",
        if all_ok {
            "all native budgets PASS"
        } else {
            "some native budgets FAIL"
        }
    );
}
