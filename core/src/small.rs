//! Helpers for the short lists the library sorts at run time (a life event's checklist, a
//! year's holidays). The standard library's sort is fast on long slices but each use is its own
//! several-KB copy in the widget's wasm; an insertion sort is a few hundred bytes and as fast
//! on tens of items.

/// Sorts `items` by `key`, keeping the order of items with equal keys (stable). Each key is
/// computed once and the items are moved once; the comparisons are quadratic, so this is for
/// lists of tens (a thousand items take about a millisecond).
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut order: Vec<(K, usize)> = items.iter().enumerate().map(|(i, item)| (key(item), i)).collect();
    for i in 1..order.len() {
        let mut j = i;
        while j > 0 && order[j - 1].0 > order[j].0 {
            order.swap(j - 1, j);
            j -= 1;
        }
    }
    if order.iter().enumerate().all(|(at, &(_, i))| at == i) {
        return;
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take)));
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn sorts_as_the_stable_sort_does(items in prop::collection::vec((0u8..8, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            super::sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = items;
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }
    }
}
