//! Sorting with one shared copy of the sorting code.
//!
//! Every `sort`, `sort_by` or `sort_by_key` call on a different element type or with a different closure is a new
//! copy of the standard library's sort, and together those copies weighed a good share of the module
//! (docs/benchmarks.md). These
//! helpers sort positions with a single instantiation of the standard sort and then move the items into that
//! order. The sort is stable, as the standard `sort_by` is.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of items that compare equal.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` by the key `key` gives each, keeping the order of items with equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them: the one place the standard sort is instantiated.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|a, b| compare(*a, *b));
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_equal_items_in_their_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |(n, _)| *n);
        assert_eq!(
            items,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        sort_by_key(&mut items, |(n, _)| std::cmp::Reverse(*n));
        assert_eq!(
            items,
            vec![(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]
        );
    }

    #[test]
    fn sorts_nothing_and_one_item() {
        let mut none: Vec<String> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec!["x".to_string()];
        sort(&mut one);
        assert_eq!(one, vec!["x".to_string()]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|(k, _)| *k);
            let mut ours = items.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            prop_assert_eq!(&ours, &expected);
            let mut natural = items.clone();
            natural.sort();
            let mut ours = items;
            sort(&mut ours);
            prop_assert_eq!(ours, natural);
        }
    }
}
