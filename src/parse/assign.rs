//! Tasks assigned by a task-decomposition table (重点任务分解表 / 责任分工表): each row's
//! 重点任务 cell matched to the task it names, as drafters write it — the title whole,
//! shortened to its first words, with a leading 推动/加强/推进 dropped, or paraphrased.

use crate::chars::is_blank;
use crate::document::{Table, Task};

/// A title reduced for comparison: no blanks, numbering or closing punctuation, and
/// without a leading verb of the vocabulary.
fn reduce(s: &str, verbs: &[String]) -> Vec<char> {
    let s = s.trim_matches(|c: char| is_blank(c) || matches!(c, '。' | '；' | ';' | '，'));
    let s = strip_number(s);
    let s = verbs
        .iter()
        .find(|v| s.starts_with(v.as_str()) && s.len() > v.len() + 6)
        .map_or(s, |v| &s[v.len()..]);
    s.chars()
        .filter(|c| !is_blank(*c) && !matches!(c, '“' | '”' | '"'))
        .collect()
}

fn strip_number(s: &str) -> &str {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits <= 2 {
        if let Some(rest) = s[digits..].strip_prefix(['.', '．', '、']) {
            return rest;
        }
    }
    s
}

/// How well a row's cell names a task's title: one containing the other (a shortened
/// title) is strong; otherwise shared character pairs (a paraphrase).
fn score(cell: &[char], title: &[char]) -> u32 {
    if cell.len() < 4 || title.is_empty() {
        return 0;
    }
    let contains =
        |a: &[char], b: &[char]| b.len() <= a.len() && a.windows(b.len()).any(|w| w == b);
    if contains(title, cell) || (title.len() >= 4 && contains(cell, title)) {
        return 1000 + cell.len().min(title.len()) as u32;
    }
    // Dice coefficient of character bigrams, in percent.
    let pairs = |s: &[char]| -> Vec<(char, char)> { s.windows(2).map(|w| (w[0], w[1])).collect() };
    let (a, mut b) = (pairs(cell), pairs(title));
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let total = a.len() + b.len();
    let mut shared = 0;
    for p in &a {
        if let Some(i) = b.iter().position(|q| q == p) {
            b.swap_remove(i);
            shared += 1;
        }
    }
    (200 * shared / total) as u32
}

/// The weakest paraphrase taken as naming a task.
const PARAPHRASE: u32 = 55;
/// Pairs compared at most; past that only shortened titles are matched.
const MAX_PAIRS: usize = 200_000;

/// For each task, the (table, row) that assigns it: the row with units whose task cell
/// names it best. A row that names two tasks equally well assigns neither; each row
/// assigns at most one task and each task takes at most one row.
pub fn task_rows(
    text: &str,
    tasks: &[Task],
    tables: &[Table],
    verbs: &[String],
) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; tasks.len()];
    let rows: Vec<(usize, usize, Vec<char>)> = tables
        .iter()
        .enumerate()
        .flat_map(|(t, table)| {
            table.rows.iter().enumerate().filter_map(move |(r, row)| {
                let cell = row.task.as_ref().filter(|_| !row.units.is_empty())?;
                Some((t, r, reduce(text.get(cell.clone())?, verbs)))
            })
        })
        .collect();
    if rows.is_empty() {
        return out;
    }
    let titles: Vec<Vec<char>> = tasks
        .iter()
        .map(|t| reduce(text.get(t.title.clone()).unwrap_or(""), verbs))
        .collect();
    let fuzzy = rows.len().saturating_mul(titles.len()) <= MAX_PAIRS;

    // (score, row, task) for every acceptable pair, best first.
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for (ri, (_, _, cell)) in rows.iter().enumerate() {
        let mut best: Vec<(u32, usize)> = Vec::new();
        for (ti, title) in titles.iter().enumerate() {
            let s = if fuzzy {
                score(cell, title)
            } else if title.starts_with(cell) && cell.len() >= 4 {
                1000 + cell.len() as u32
            } else {
                0
            };
            if s >= PARAPHRASE {
                best.push((s, ti));
            }
        }
        let top = best.iter().map(|b| b.0).max().unwrap_or(0);
        let at_top: Vec<usize> = best.iter().filter(|b| b.0 == top).map(|b| b.1).collect();
        // Ambiguous: two tasks named equally well.
        if let [only] = at_top.as_slice() {
            pairs.push((top, ri, *only));
        }
    }
    // Best score first, then the earlier row: one key for the crate's one sort.
    let mut order: Vec<(usize, usize)> = pairs
        .iter()
        .map(|&(score, ri, ti)| (((u32::MAX - score) as usize) << 24 | ri.min(0xff_ffff), ti))
        .collect();
    crate::order::sort_pairs(&mut order);
    let mut row_used = vec![false; rows.len()];
    for (key, ti) in order {
        let ri = key & 0xff_ffff;
        if row_used[ri] || out[ti].is_some() {
            continue;
        }
        row_used[ri] = true;
        out[ti] = Some((rows[ri].0, rows[ri].1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        reduce(s, &["推动".into(), "加强".into(), "推进".into()])
    }

    #[test]
    fn shortened_titles_match_strongly() {
        let title = chars("推动贸易政策与质量政策协同，指导企业精准走出去");
        assert!(score(&chars("贸易政策与质量政策协同"), &title) >= 1000);
        assert!(score(&chars("推动贸易政策与质量"), &title) >= 1000);
    }

    #[test]
    fn paraphrases_match_and_strangers_do_not() {
        let title = chars("加强专利全生命周期管理，推动专利质押融资");
        assert!(score(&chars("专利全周期管理和质押融资"), &title) >= PARAPHRASE);
        assert!(score(&chars("提升农产品质量安全监管能力"), &title) < PARAPHRASE);
    }
}
