//! One stable sort for the whole widget. Each call of the standard library's sorts compiles its
//! own copy of the sort for its element type and comparison (about 3.5 kB of wasm each, measured
//! 2026-12-06: five copies, 18 kB); this merge sort of indices compiles once, and every sort in
//! the core goes through it. Stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`. Sorts of other items sort their indices with it ([`sort_by`]).
pub fn sort_indices(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    if v.len() > 1 {
        let mut scratch = v.to_vec();
        merge_sort(v, &mut scratch, cmp);
    }
}

/// Sorts `v` stably by `cmp` (through [`sort_indices`]).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut idx, &|a, b| cmp(&v[a], &v[b]));
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.into_iter().filter_map(|i| items[i].take()));
}

/// Sorts `v`. `scratch` holds the same items as `v` on entry (its order is lost): each level
/// sorts the halves of `scratch`, using the halves of `v` as their scratch, then merges them
/// into `v`.
fn merge_sort(v: &mut [usize], scratch: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = v.len();
    if n <= 12 {
        for i in 1..n {
            let x = v[i];
            let mut j = i;
            while j > 0 && cmp(v[j - 1], x) == Ordering::Greater {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = x;
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut scratch[..mid], &mut v[..mid], cmp);
    merge_sort(&mut scratch[mid..], &mut v[mid..], cmp);
    let (mut i, mut j) = (0, mid);
    for slot in v.iter_mut() {
        // The left item first unless the right one is smaller: equal items keep their order.
        if j == n || (i < mid && cmp(scratch[j], scratch[i]) != Ordering::Less) {
            *slot = scratch[i];
            i += 1;
        } else {
            *slot = scratch[j];
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic stream of small numbers (many ties).
    fn numbers(n: usize, seed: u64, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort_at_every_length() {
        for n in 0..300 {
            for (seed, range) in [(1, 5), (2, 1000), (3, 1)] {
                let keys = numbers(n, seed + n as u64, range);
                let mut ours: Vec<usize> = (0..n).collect();
                sort_indices(&mut ours, &|a, b| keys[a].cmp(&keys[b]));
                let mut std_sorted: Vec<usize> = (0..n).collect();
                std_sorted.sort_by_key(|&i| keys[i]);
                assert_eq!(ours, std_sorted, "n = {n}, range {range}");
            }
        }
    }

    #[test]
    fn sort_by_keeps_equal_items_in_their_order() {
        let mut v: Vec<(u8, &str)> = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, "e"), (1, "b"), (1, "d"), (2, "a"), (2, "c")]);
        let mut words: Vec<String> = ["b", "a", "c", "a"].map(String::from).to_vec();
        sort_by(&mut words, |a, b| a.cmp(b));
        assert_eq!(words, ["a", "a", "b", "c"]);
        let mut descending: Vec<usize> = (0..40).rev().collect();
        sort_indices(&mut descending, &|a, b| a.cmp(&b));
        assert_eq!(descending, (0..40).collect::<Vec<_>>());
    }
}
