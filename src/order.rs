//! Stable sorting by a position, with one sort routine for every element type.
//!
//! `sort_by_key` is instantiated once per element type and closure, and each instance of
//! the standard stable sort weighs kilobytes in the WebAssembly module. Here only the
//! `(key, index)` pairs are sorted, so the sort itself exists once.

/// The one map type: names to positions. Every lookup by name goes through it, so the
/// hash map's code is in the WebAssembly module once.
pub type Names<'a> = std::collections::HashMap<&'a str, usize>;

/// Sorts `v` by `key`, keeping the order of equal keys.
pub fn sort_by_position<T>(v: &mut Vec<T>, key: impl Fn(&T) -> usize) {
    let mut order: Vec<(usize, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    if order.windows(2).all(|w| w[0].0 <= w[1].0) {
        return;
    }
    sort_pairs(&mut order);
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// Sorts pairs; the one sort instance the crate's orderings share.
pub fn sort_pairs(pairs: &mut [(usize, usize)]) {
    pairs.sort_unstable();
}

/// Indexes of the items, sorted by `key`, whose key lies in `span`.
pub fn range_in<T>(
    items: &[T],
    key: impl Fn(&T) -> usize,
    span: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let a = items.partition_point(|x| key(x) < span.start);
    let b = items.partition_point(|x| key(x) < span.end);
    a..b.max(a)
}

/// Whether a span overlaps one of `sorted` (sorted by start, not overlapping each other).
pub fn overlaps<T>(
    sorted: &[T],
    span: &std::ops::Range<usize>,
    of: impl Fn(&T) -> (usize, usize),
) -> bool {
    let k = sorted.partition_point(|x| of(x).1 <= span.start);
    sorted.get(k).is_some_and(|x| of(x).0 < span.end)
}

/// Two lists sorted by `key`, merged into one.
pub fn merge_by_start<T>(a: Vec<T>, b: Vec<T>, key: impl Fn(&T) -> usize) -> Vec<T> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => key(x) <= key(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_position(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_position(&mut empty, |&x| x as usize);
        assert!(empty.is_empty());
    }
}
