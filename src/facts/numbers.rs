//! Numbers as plans write them: ASCII or full-width digits, Chinese numerals, decimals.

/// A digit, ASCII or full-width.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A full-width digit as its ASCII digit; any other character as it is.
pub fn ascii_digit(c: char) -> char {
    if ('０'..='９').contains(&c) {
        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
    } else {
        c
    }
}

/// A Chinese digit written digit by digit (二〇二五): 〇 / 零 … 九.
pub fn chinese_digit(c: char) -> Option<u8> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or_else(|| (c == '零' || c == 'О' || c == 'o').then_some(0))
        .map(|p| p as u8)
}

/// A number in digits (ASCII or full-width) or in Chinese up to 九十九: `22`, `２２`,
/// `七`, `十一`, `二十二`, `两`.
pub fn number_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(is_digit) {
        return s.chars().map(ascii_digit).collect::<String>().parse().ok();
    }
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d).or((*d == '十').then_some(10)),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// A decimal number as an integer in millionths, without floating point: `98.5` →
/// 98_500_000. Full-width digits read as digits; anything else is not a number.
pub fn decimal(s: &str) -> Option<i64> {
    let (whole, fraction) = s.split_once(['.', '．']).unwrap_or((s, ""));
    if whole.is_empty() || fraction.chars().count() > 6 {
        return None;
    }
    let digit = |c: char| is_digit(c).then(|| i64::from(ascii_digit(c) as u8 - b'0'));
    let mut n: i64 = 0;
    for c in whole.chars() {
        n = n.checked_mul(10)?.checked_add(digit(c)?)?;
    }
    let mut scale = 1_000_000i64;
    n = n.checked_mul(scale)?;
    for c in fraction.chars() {
        scale /= 10;
        n += digit(c)? * scale;
    }
    Some(n)
}

/// A unit of measure in one spelling: the full-width ％ as %. Every unit a target
/// carries passes here, from the text and from tables alike.
pub fn one_spelling(unit: &str) -> String {
    if unit == "％" {
        "%".to_string()
    } else {
        unit.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal, number_value};

    #[test]
    fn decimals_without_floating_point() {
        assert_eq!(decimal("98"), Some(98_000_000));
        assert_eq!(decimal("98.5"), Some(98_500_000));
        assert_eq!(decimal("０.05"), Some(50_000));
        assert_eq!(decimal("1:13"), None);
        assert_eq!(decimal(".5"), None);
        assert_eq!(decimal("98%"), None);
    }

    #[test]
    fn counts_in_digits_and_words() {
        assert_eq!(number_value("22"), Some(22));
        assert_eq!(number_value("２２"), Some(22));
        assert_eq!(number_value("七"), Some(7));
        assert_eq!(number_value("十"), Some(10));
        assert_eq!(number_value("十七"), Some(17));
        assert_eq!(number_value("二十二"), Some(22));
        assert_eq!(number_value("两"), Some(2));
        assert_eq!(number_value("十十"), None);
        assert_eq!(number_value(""), None);
    }
}
