//! Schedule stages: `（一）动员部署阶段（2025年1月至2025年6月）`.

use crate::chars::is_blank;
use crate::document::{DocumentDate, Heading, Line, Part, Stage, YearMonth};
use crate::facts::numbers::{ascii_digit, chinese_digit, is_digit, number_value};
use crate::facts::years::YEARS;
use crate::template::PartKind;

pub fn stages(text: &str, lines: &[Line], headings: &[Heading], parts: &[Part]) -> Vec<Stage> {
    let mut out = Vec::new();
    let line_start = |h: &Heading| lines.get(h.line).map(|l| l.full.start).unwrap_or(0);
    for part in parts.iter().filter(|p| p.kind == PartKind::Schedule) {
        let inside: Vec<usize> = crate::order::range_in(headings, |h| h.marker.start, &part.span)
            .filter(|&i| Some(i) != part.heading)
            .collect();
        let Some(level) = inside.iter().map(|&i| headings[i].level).min() else {
            continue;
        };
        let heads: Vec<usize> = inside
            .into_iter()
            .filter(|&i| headings[i].level == level)
            .collect();
        for (k, &h) in heads.iter().enumerate() {
            let heading = &headings[h];
            let start = line_start(heading);
            let end = heads
                .get(k + 1)
                .map(|&n| line_start(&headings[n]))
                .unwrap_or(part.span.end);
            let title = &text[heading.title.clone()];
            let (from, to) = date_range(title);
            if from.is_none() && to.is_none() && !title.contains("阶段") {
                continue;
            }
            // Its name: the title before the bracketed dates.
            let named = title.find(['（', '(']).unwrap_or(title.len());
            out.push(Stage {
                heading: h,
                name: heading.title.start..heading.title.start + named,
                span: start..end,
                start: from,
                end: to,
            });
        }
    }
    out
}

/// (year, month) mentions in order; a month without a year takes the previous year.
fn dates(s: &str) -> Vec<(Option<u16>, Option<u8>)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<(Option<u16>, Option<u8>)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut n: u32 = 0;
        while j < chars.len() && is_digit(chars[j]) && j - i < 5 {
            n = n * 10 + (ascii_digit(chars[j]) as u32 - '0' as u32);
            j += 1;
        }
        let mut k = j;
        while k < chars.len() && is_blank(chars[k]) {
            k += 1;
        }
        let next = chars.get(k).copied();
        if j - i == 4 && next == Some('年') && YEARS.contains(&(n as u16)) {
            out.push((Some(n as u16), None));
        } else if j - i <= 2 && next == Some('月') && (1..=12).contains(&n) {
            match out.last_mut() {
                Some(last) if last.1.is_none() => last.1 = Some(n as u8),
                _ => out.push((None, Some(n as u8))),
            }
        }
        i = k.max(j);
    }
    out
}

/// The stage's first and last month, from its heading.
pub fn date_range(s: &str) -> (Option<YearMonth>, Option<YearMonth>) {
    let found = dates(s);
    let Some(first) = found.first().copied() else {
        return (None, None);
    };
    let last = found.last().copied().unwrap_or(first);
    let Some(start_year) = first.0 else {
        return (None, None);
    };
    let start = YearMonth {
        year: start_year,
        month: first.1.unwrap_or(1),
    };
    let end_year = last.0.unwrap_or(start_year);
    let end = YearMonth {
        year: end_year,
        month: last.1.unwrap_or(12),
    };
    if found.len() == 1 && (s.contains('前') || s.contains('底')) {
        // "2025年底前": an end without a start.
        return (None, Some(end));
    }
    (Some(start), Some(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: u16, m: u8) -> Option<YearMonth> {
        Some(YearMonth { year: y, month: m })
    }

    #[test]
    fn parses_ranges() {
        assert_eq!(
            date_range("动员部署阶段（2025年1月至2025年6月）"),
            (ym(2025, 1), ym(2025, 6))
        );
        assert_eq!(
            date_range("培育建设阶段（2025年7月-2027年6月）"),
            (ym(2025, 7), ym(2027, 6))
        );
        assert_eq!(
            date_range("部署阶段(2025年7月—12月)"),
            (ym(2025, 7), ym(2025, 12))
        );
        assert_eq!(
            date_range("总结阶段（2027年）"),
            (ym(2027, 1), ym(2027, 12))
        );
        assert_eq!(date_range("验收阶段（2027年底前）"), (None, ym(2027, 12)));
        assert_eq!(date_range("动员部署阶段"), (None, None));
    }
}

/// The first line that is only a date: the issuing date under a notice, or the drafting
/// date under a 征求意见稿's signature.
pub fn document_date(text: &str, lines: &[Line]) -> Option<DocumentDate> {
    lines.iter().find_map(|line| {
        let s = text.get(line.content.clone())?;
        let (year, month, day) = full_date(s)?;
        Some(DocumentDate {
            month: YearMonth { year, month },
            day,
            span: line.content.clone(),
        })
    })
}

/// `2025年7月11日`, `２０２５年７月１１日` or `二〇二五年七月十一日`, and nothing else.
fn full_date(s: &str) -> Option<(u16, u8, u8)> {
    let s = s.trim_matches(is_blank);
    let (year, rest) = s.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year: u16 = if year.chars().all(is_digit) {
        year.chars()
            .map(ascii_digit)
            .collect::<String>()
            .parse()
            .ok()?
    } else {
        // Digit by digit: 二〇二五.
        year.chars()
            .map(|c| chinese_digit(c).map(|d| char::from(b'0' + d)))
            .collect::<Option<String>>()?
            .parse()
            .ok()?
    };
    let month = small_number(month.trim_matches(is_blank))?;
    let day = small_number(day.trim_matches(is_blank))?;
    (YEARS.contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some((year, month, day))
}

/// A month or a day: 1–31 in digits or in Chinese (七, 十一, 二十一, 三十).
fn small_number(s: &str) -> Option<u8> {
    number_value(s)
        .filter(|n| (1..=31).contains(n))
        .map(|n| n as u8)
}

#[cfg(test)]
mod document_dates {
    use super::full_date;

    #[test]
    fn dates_on_their_own_line() {
        assert_eq!(full_date("2025年7月11日"), Some((2025, 7, 11)));
        assert_eq!(full_date("  ２０２５年０７月０１日 "), Some((2025, 7, 1)));
        assert_eq!(full_date("二〇二五年七月十一日"), Some((2025, 7, 11)));
        assert_eq!(full_date("二〇二四年十二月三十一日"), Some((2024, 12, 31)));
        assert_eq!(full_date("到2027年底"), None);
        assert_eq!(full_date("2025年7月11日印发"), None);
        assert_eq!(full_date("2025年13月1日"), None);
    }
}
