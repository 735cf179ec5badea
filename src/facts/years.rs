//! Years: the one range a year is read in, and the years written in digits in a text.

use std::ops::RangeInclusive;

use super::numbers::{ascii_digit, is_digit};

/// The years read as years; a four-digit number outside them is a number.
pub const YEARS: RangeInclusive<u16> = 2000..=2100;

/// Four digits (ASCII or full-width) as a year, when they are one.
pub fn year(digits: &str) -> Option<u16> {
    if digits.chars().count() != 4 || !digits.chars().all(is_digit) {
        return None;
    }
    let y: u16 = digits
        .chars()
        .map(ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    YEARS.contains(&y).then_some(y)
}

/// The years written as four digits standing alone (not part of a longer number), with
/// their byte offsets.
pub fn years_in(s: &str) -> impl Iterator<Item = (usize, u16)> + '_ {
    let digits: Vec<(usize, char)> = crate::chars::indices(s).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < digits.len() {
        if !is_digit(digits[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < digits.len() && is_digit(digits[j].1) {
            j += 1;
        }
        let start = digits[i].0;
        let end = digits.get(j).map_or(s.len(), |d| d.0);
        if let Some(y) = year(&s[start..end]) {
            found.push((start, y));
        }
        i = j;
    }
    found.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_stand_alone_and_in_range() {
        assert_eq!(year("2027"), Some(2027));
        assert_eq!(year("２０２７"), Some(2027));
        assert_eq!(year("1999"), None);
        assert_eq!(year("20270"), None);
        let found: Vec<(usize, u16)> = years_in("2025—2027年，12025，1999年").collect();
        assert_eq!(found, vec![(0, 2025), (7, 2027)]);
    }
}
