//! A text's characters decoded in the loop that reads them.
//!
//! The library's decoder (`str::chars`) is a call per character in the wasm build, which
//! inlines little; the hottest scans (a line tested for a few characters, the dictionary's
//! pass) decode here instead. Only valid UTF-8 is read: every `&str` is.

/// The character at `at` (a character boundary) as a number, and its length in bytes.
#[inline(always)]
pub fn code_point(bytes: &[u8], at: usize) -> (u32, usize) {
    let b = |k: usize| u32::from(bytes.get(at + k).copied().unwrap_or(0));
    let lead = b(0);
    if lead < 0x80 {
        (lead, 1)
    } else if lead < 0xE0 {
        (((lead & 0x1F) << 6) | (b(1) & 0x3F), 2)
    } else if lead < 0xF0 {
        (
            ((lead & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F),
            3,
        )
    } else {
        (
            ((lead & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F),
            4,
        )
    }
}

/// Each character of `s` with its byte offset, as `char_indices` gives them.
#[inline(always)]
pub fn indices(s: &str) -> Indices<'_> {
    Indices {
        bytes: s.as_bytes(),
        at: 0,
    }
}

/// The iterator of [`indices`].
#[derive(Clone, Debug)]
pub struct Indices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Iterator for Indices<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let (c, len) = code_point(self.bytes, self.at);
        let here = self.at;
        self.at += len;
        // Always a character: the bytes are valid UTF-8.
        Some((
            here,
            char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER),
        ))
    }

    /// As the library's: a character is one to four bytes.
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.bytes.len().saturating_sub(self.at);
        (left.div_ceil(4), Some(left))
    }
}

/// Whether `s` holds any of `set`.
#[inline(always)]
pub fn any_of(s: &str, set: &[char]) -> bool {
    indices(s).any(|(_, c)| set.contains(&c))
}

/// Each character of `s` outside U+4000–U+EFFF, and `None` for each one inside: those CJK
/// characters, led by the bytes E4–EE, are stepped over undecoded. For scans that look
/// for a few non-CJK characters.
pub fn outside_cjk(s: &str) -> impl Iterator<Item = Option<char>> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let lead = *bytes.get(at)?;
        if (0xE4..=0xEE).contains(&lead) {
            at += 3;
            return Some(None);
        }
        let (c, len) = code_point(bytes, at);
        at += len;
        Some(char::from_u32(c))
    })
}

/// Blanks that Word and web copies leave around text.
pub fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\u{3000}'
            | '\u{a0}'
            | '\u{feff}'
            | '\u{200b}'
            | '\u{2002}'
            | '\u{2003}'
    )
}

pub fn is_blank_or_break(c: char) -> bool {
    is_blank(c) || c == '\n'
}

pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零'
    )
}

pub fn is_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

pub fn is_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Brackets and blanks written one way, for comparing titles and numbers: `(` as `（`,
/// `,` as `、`, blanks left out.
pub fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !is_blank(*c))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '、',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "a县Ⅲ类水体2027年（牵头单位：县市场监管局）𠮷😀é\t〔2024〕";

    #[test]
    fn characters_are_decoded_as_the_library_decodes_them() {
        for (at, c) in TEXT.char_indices() {
            assert_eq!(
                code_point(TEXT.as_bytes(), at),
                (u32::from(c), c.len_utf8()),
                "at {at}"
            );
        }
        assert_eq!(
            indices(TEXT).collect::<Vec<_>>(),
            TEXT.char_indices().collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_set_is_found_as_the_library_finds_it() {
        assert!(any_of(TEXT, &['。', '〕']));
        assert!(!any_of(TEXT, &['。', '，']));
    }
}
