//! Byte offsets to UTF-16 offsets and line/column, computed once at the edge.

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

impl Positions {
    pub fn new(text: &str, mut offsets: Vec<usize>) -> Positions {
        if !offsets.windows(2).all(|w| w[0] <= w[1]) {
            let mut pairs: Vec<(usize, usize)> = offsets.iter().map(|&o| (o, 0)).collect();
            crate::order::sort_pairs(&mut pairs);
            offsets = pairs.into_iter().map(|(o, _)| o).collect();
        }
        offsets.dedup();
        let mut positions = Vec::with_capacity(offsets.len());
        let mut utf16 = 0;
        let mut line = 1;
        let mut column = 1;
        let mut next = 0;
        for (i, ch) in text.char_indices() {
            while next < offsets.len() && offsets[next] <= i {
                positions.push(Position {
                    utf16,
                    line,
                    column,
                });
                next += 1;
            }
            if next == offsets.len() {
                break;
            }
            utf16 += ch.len_utf16();
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        while positions.len() < offsets.len() {
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
