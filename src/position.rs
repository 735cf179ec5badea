//! Byte offsets to UTF-16 offsets and line/column, computed once at the edge.

/// A byte range in the text as read: what the parser saw, after the reading stage joined a
/// PDF copy's lines or left out page numbers. Every position of the model is one. What a
/// user is shown is a [`GivenSpan`](crate::reading::GivenSpan), which only the reading stage
/// makes from one of these.
pub type Span = std::ops::Range<usize>;

/// A position as JavaScript and editors count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// UTF-16 code units from the start of the text.
    pub utf16: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Positions of a set of byte offsets, found in one pass over the text.
pub struct Positions {
    offsets: Vec<usize>,
    positions: Vec<Position>,
}

/// What a run of UTF-8 bytes holds.
#[derive(Default)]
struct Counts {
    /// Bytes that begin a character (not 10xxxxxx).
    chars: usize,
    /// Bytes that begin a four-byte character (11110xxx): two UTF-16 units.
    four_byte: usize,
    newlines: usize,
}

impl Counts {
    fn of(bytes: &[u8]) -> Counts {
        // Eight bytes at a time, each tested in its own lane of a word; the high bit of a
        // lane says whether the byte is one to count.
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        const NEWLINES: u64 = 0x0A0A_0A0A_0A0A_0A0A;
        let mut c = Counts::default();
        let words = bytes.chunks_exact(8);
        let tail = words.remainder();
        let mut continuing = 0;
        for word in words {
            let x = u64::from_le_bytes(<[u8; 8]>::try_from(word).unwrap_or_default());
            // 10xxxxxx: bit 7 set and bit 6 (shifted up into bit 7) clear.
            continuing += (x & !(x << 1) & HIGH).count_ones() as usize;
            // 1111xxxx: bits 7 to 4 all set.
            c.four_byte += (x & (x << 1) & (x << 2) & (x << 3) & HIGH).count_ones() as usize;
            // A newline is a lane of zero in x ^ NEWLINES: its low seven bits plus 0x7F do
            // not reach bit 7, and its own bit 7 is clear.
            let y = x ^ NEWLINES;
            c.newlines += (!(((y & LOW7) + LOW7) | y) & HIGH).count_ones() as usize;
        }
        c.chars = bytes.len() - tail.len() - continuing;
        for &b in tail {
            c.chars += usize::from((b & 0xC0) != 0x80);
            c.four_byte += usize::from(b >= 0xF0);
            c.newlines += usize::from(b == b'\n');
        }
        c
    }
}

impl Positions {
    pub fn new(text: &str, mut offsets: Vec<usize>) -> Positions {
        if !offsets.windows(2).all(|w| w[0] <= w[1]) {
            let mut pairs: Vec<(usize, usize)> = offsets.iter().map(|&o| (o, 0)).collect();
            crate::order::sort_pairs(&mut pairs);
            offsets = pairs.into_iter().map(|(o, _)| o).collect();
        }
        offsets.dedup();
        let mut positions = Vec::with_capacity(offsets.len());
        // Counted by bytes, not decoded characters: a character is a byte that does not
        // continue one (10xxxxxx), and a four-byte character is two UTF-16 units.
        let bytes = text.as_bytes();
        let (mut utf16, mut line, mut column) = (0, 1, 1);
        let mut at = 0;
        for &offset in &offsets {
            let end = offset.min(bytes.len());
            if end > at {
                let segment = &bytes[at..end];
                let counts = Counts::of(segment);
                utf16 += counts.chars + counts.four_byte;
                match segment.iter().rposition(|&b| b == b'\n') {
                    Some(last) => {
                        line += counts.newlines;
                        column = 1 + Counts::of(&segment[last + 1..]).chars;
                    }
                    None => column += counts.chars,
                }
                at = end;
            }
            positions.push(Position {
                utf16,
                line,
                column,
            });
        }
        Positions { offsets, positions }
    }

    /// The position of a byte offset given to `new`; an offset inside a character
    /// counts as the character's start.
    pub fn get(&self, offset: usize) -> Position {
        let i = match self.offsets.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        self.positions.get(i).copied().unwrap_or(Position {
            utf16: 0,
            line: 1,
            column: 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_the_characters() {
        let text = "一、总体要求\n到2027年，🎯合格率达到98%。\r\n\n（一）ab\u{10000}\n末";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let c = Counts::of(bytes);
                let chars = bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
                assert_eq!(c.chars, chars, "{start}..{end}");
                assert_eq!(c.four_byte, bytes.iter().filter(|&&b| b >= 0xF0).count());
                assert_eq!(c.newlines, bytes.iter().filter(|&&b| b == b'\n').count());
            }
        }
    }

    #[test]
    fn counts_utf16_units_and_columns() {
        let text = "a𠮷b\n😀c";
        let p = Positions::new(text, vec![0, 1, 5, 6, 7, 11, 12]);
        assert_eq!(
            p.get(0),
            Position {
                utf16: 0,
                line: 1,
                column: 1
            }
        );
        assert_eq!(
            p.get(5),
            Position {
                utf16: 3,
                line: 1,
                column: 3
            }
        );
        assert_eq!(
            p.get(7),
            Position {
                utf16: 5,
                line: 2,
                column: 1
            }
        );
        assert_eq!(
            p.get(11),
            Position {
                utf16: 7,
                line: 2,
                column: 2
            }
        );
        assert_eq!(
            p.get(12),
            Position {
                utf16: 8,
                line: 2,
                column: 3
            }
        );
    }
}
