//! Word's automatic numbering (`word/numbering.xml`): the text Word displays before a
//! numbered paragraph, such as `一、`, `（一）`, `1.` or `（1）`.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::xml::{attr, local};

#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// What follows the number: a tab (Word's default), a space or nothing.
    suffix: Suffix,
    legal: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride`, by level.
    start_overrides: HashMap<u8, u32>,
}

/// The numbering definitions of a document and the counters as paragraphs are read.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    /// Counters per list: levels 0–8, `None` until a paragraph at that level is seen.
    counters: HashMap<String, [Option<u32>; 9]>,
}

impl Numbering {
    // Long: one pass over numbering.xml's events; each element's case reads what the
    // ones before it set (the list being read, its levels).
    pub fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut levels: Vec<Level> = Vec::new();
        let mut level: Option<(u8, Level)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match local(e.name().as_ref()) {
                        b"abstractNum" => {
                            if let Some(id) = abstract_id.take() {
                                n.abstracts.insert(id, std::mem::take(&mut levels));
                            }
                        }
                        b"lvl" => {
                            if let Some((i, l)) = level.take() {
                                let i = usize::from(i);
                                if levels.len() <= i {
                                    levels.resize(i + 1, Level::default());
                                }
                                levels[i] = l;
                            }
                        }
                        b"num" => {
                            if let Some((id, v)) = num.take() {
                                n.nums.insert(id, v);
                            }
                        }
                        b"lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let val = || attr(&e, b"val");
            match local(e.name().as_ref()) {
                b"abstractNum" if !empty => abstract_id = attr(&e, b"abstractNumId"),
                b"lvl" if !empty && abstract_id.is_some() => {
                    let i = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        i.min(8),
                        Level {
                            start: 1,
                            ..Level::default()
                        },
                    ));
                }
                b"start" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.start = val().and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                b"numFmt" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.format = val().unwrap_or_default();
                    }
                }
                b"lvlText" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.text = val().unwrap_or_default();
                    }
                }
                b"suff" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.suffix = match val().as_deref() {
                            Some("space") => Suffix::Space,
                            Some("nothing") => Suffix::Nothing,
                            _ => Suffix::Tab,
                        };
                    }
                }
                b"isLgl" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.legal = val().is_none_or(|v| v != "0" && v != "false");
                    }
                }
                b"num" if !empty && abstract_id.is_none() => {
                    num = attr(&e, b"numId").map(|id| (id, Num::default()));
                }
                b"abstractNumId" => {
                    if let Some((_, v)) = num.as_mut() {
                        v.abstract_id = val().unwrap_or_default();
                    }
                }
                b"lvlOverride" if !empty => {
                    override_level = attr(&e, b"ilvl").and_then(|v| v.parse().ok());
                }
                b"startOverride" => {
                    if let (Some((_, v)), Some(i)) = (num.as_mut(), override_level) {
                        if let Some(s) = val().and_then(|v| v.parse().ok()) {
                            v.start_overrides.insert(i, s);
                        }
                    }
                }
                _ => {}
            }
        }
        n
    }

    /// The text Word shows before the next paragraph of list `num_id` at level `ilvl`,
    /// advancing the counters; `None` when the list or level is unknown or shows nothing.
    pub fn next(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(usize::from(ilvl))?;
        // Lists sharing an abstract definition continue one another unless one restarts.
        let key = if num.start_overrides.is_empty() {
            format!("a{}", num.abstract_id)
        } else {
            format!("n{num_id}")
        };
        let start_of = |i: u8| {
            num.start_overrides
                .get(&i)
                .copied()
                .or_else(|| levels.get(usize::from(i)).map(|l| l.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(key).or_insert([None; 9]);
        let i = usize::from(ilvl);
        counters[i] = Some(match counters[i] {
            Some(c) => c.saturating_add(1),
            None => start_of(ilvl),
        });
        for c in counters.iter_mut().skip(i + 1) {
            *c = None;
        }
        if level.format == "none" || level.text.is_empty() {
            return None;
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(ch) = chars.next() {
            match (ch, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = (d - 1) as u8;
                    let value = counters[usize::from(l)].unwrap_or_else(|| start_of(l));
                    let format = levels.get(usize::from(l)).map_or("decimal", |x| {
                        if level.legal {
                            "decimal"
                        } else {
                            x.format.as_str()
                        }
                    });
                    out.push_str(&format_number(value, format));
                }
                _ => out.push(ch),
            }
            if out.len() > MAX_NUMBER_BYTES {
                break;
            }
        }
        match level.suffix {
            Suffix::Tab => out.push('\t'),
            Suffix::Space => out.push(' '),
            Suffix::Nothing => {}
        }
        Some(out)
    }
}

/// The largest counter written in letters (26 × 10: up to ten repeated letters).
const MAX_LETTER_COUNT: u32 = 260;

/// The longest number a paragraph is given: a level text repeating `%1` hundreds of times
/// is cut here.
const MAX_NUMBER_BYTES: usize = 256;

/// A counter in one of Word's number formats.
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "ideographDigital" => chinese(n),
        "chineseLegalSimplified" => chinese(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                other => other,
            })
            .collect(),
        "ideographTraditional" => nth("甲乙丙丁戊己庚辛壬癸", n),
        "ideographZodiac" => nth("子丑寅卯辰巳午未申酉戌亥", n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xFF10))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        // Past what a list reaches (zz…, MMMCMXCIX), digits: a counter started near 2^32
        // would otherwise be millions of letters.
        "lowerLetter" if n <= MAX_LETTER_COUNT => letters(n).to_ascii_lowercase(),
        "upperLetter" if n <= MAX_LETTER_COUNT => letters(n),
        "lowerRoman" if n < 4000 => roman(n).to_ascii_lowercase(),
        "upperRoman" if n < 4000 => roman(n),
        "bullet" => String::new(),
        _ => n.to_string(),
    }
}

fn nth(set: &str, n: u32) -> String {
    let count = set.chars().count() as u32;
    set.chars()
        .nth(((n.max(1) - 1) % count) as usize)
        .map_or_else(|| n.to_string(), String::from)
}

/// 一 … 十, 十一, 二十, 一百零五: how Word counts in Chinese.
fn chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 {
        return "零".into();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let (q, h, t, u) = (n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    if q > 0 {
        s.push(DIGITS[q as usize]);
        s.push('千');
    }
    if h > 0 {
        s.push(DIGITS[h as usize]);
        s.push('百');
    } else if q > 0 && (t > 0 || u > 0) {
        s.push('零');
    }
    if t > 0 {
        if !(t == 1 && n < 20) {
            s.push(DIGITS[t as usize]);
        }
        s.push('十');
    } else if (q > 0 || h > 0) && u > 0 && !s.ends_with('零') {
        s.push('零');
    }
    if u > 0 {
        s.push(DIGITS[u as usize]);
    }
    s
}

fn letters(mut n: u32) -> String {
    // Word repeats the letter: a … z, aa … zz.
    n = n.max(1);
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_as_word_shows_it() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 100, 105, 110, 1001]
            .iter()
            .map(|&n| chinese(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "一千零一"
            ]
        );
    }

    #[test]
    fn other_formats() {
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(
            format_number(u32::MAX - 1, "lowerLetter"),
            (u32::MAX - 1).to_string()
        );
        assert_eq!(format_number(u32::MAX, "upperRoman"), u32::MAX.to_string());
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(3, "chineseLegalSimplified"), "叁");
    }
}
