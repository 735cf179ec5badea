//! Counts a plan states about itself: `共4部分22条`, `从7个方面`, `提出17项重点任务`.

use crate::compiled::Compiled;
use crate::document::{part_at, CountOf, DeclaredCount, Part, Section};
use crate::facts::numbers::number_value;
use crate::template::PartKind;

/// `counts`: where each count word occurs, as [`crate::compiled::VocabularyHits`] has it.
pub fn find(
    text: &str,
    parts: &[Part],
    sections: &[Section],
    c: &Compiled,
    counts: &[Vec<usize>],
) -> Vec<DeclaredCount> {
    // What a number must be followed by, and what it then counts.
    let words = &c.count_words;
    let counted = [
        (&words.tasks, CountOf::Tasks),
        (&words.sections, CountOf::Sections),
        (&words.parts, CountOf::Parts),
    ];
    let mut out = Vec::new();
    let mut hits = counts.iter();
    for (word, what) in counted
        .iter()
        .flat_map(|(list, what)| list.iter().map(move |w| (w.as_str(), *what)))
    {
        for &at in hits.next().map_or(&[][..], Vec::as_slice) {
            let Some((start, value)) = number_before(text, at, what) else {
                continue;
            };
            if !about_the_plan(text, start, parts, sections) {
                continue;
            }
            let end = at + word.len();
            let mut declared = vec![(start..end, what, value)];
            // 共4部分22条: the articles after the parts are the tasks.
            if what == CountOf::Parts {
                if let Some((n, len)) = number_after(&text[end..]) {
                    if text[end + len..].starts_with('条') {
                        declared.push((start..end + len + '条'.len_utf8(), CountOf::Tasks, n));
                    }
                }
            }
            for (span, what, value) in declared {
                if !out
                    .iter()
                    .any(|d: &DeclaredCount| d.span.start == span.start && d.what == what)
                {
                    out.push(DeclaredCount { span, what, value });
                }
            }
        }
    }
    crate::order::sort_by_position(&mut out, |d| d.span.start);
    out
}

/// A statement about the plan as a whole: before its first task section, or naming 方案.
fn about_the_plan(text: &str, at: usize, parts: &[Part], sections: &[Section]) -> bool {
    let early = match part_at(parts, at).map(|p| p.kind) {
        Some(PartKind::Preamble | PartKind::Goals) | None => true,
        Some(PartKind::Tasks) => sections
            .iter()
            .filter(|s| s.heading.is_some())
            .all(|s| at < s.span.start),
        _ => false,
    };
    early || sentence_at(text, at).contains("方案")
}

fn sentence_at(text: &str, at: usize) -> &str {
    let start = text[..at]
        .rfind(['。', '；', '\n'])
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let end = text[at..]
        .find(['。', '；', '\n'])
        .map(|i| at + i)
        .unwrap_or(text.len());
    &text[start..end]
}

/// The number right before `at` (skipping 个 / 大), and where it starts. `部分` needs a
/// 共 / 分为 / 包括 before it: 一部分企业 is not a count.
fn number_before(text: &str, at: usize, what: CountOf) -> Option<(usize, u32)> {
    let mut head = &text[..at];
    if what != CountOf::Parts {
        head = head
            .strip_suffix('个')
            .or_else(|| head.strip_suffix('大'))
            .unwrap_or(head);
    }
    let digits: String = head
        .chars()
        .rev()
        .take_while(|c| numeral(*c))
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.is_empty() {
        return None;
    }
    let start = head.len() - digits.len();
    let value = number_value(&digits)?;
    if what == CountOf::Parts {
        let before = &text[..start];
        if !(before.ends_with('共')
            || before.ends_with("共计")
            || before.ends_with("分为")
            || before.ends_with("包括"))
        {
            return None;
        }
    }
    (value >= 2).then_some((start, value))
}

fn number_after(s: &str) -> Option<(u32, usize)> {
    let len: usize = s
        .chars()
        .take_while(|c| numeral(*c))
        .take(4)
        .map(char::len_utf8)
        .sum();
    Some((number_value(s.get(..len)?)?, len))
}

fn numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十两".contains(c)
}
