//! "Did you mean ...?" suggestions by edit distance, reusable by every checker of the crate.

/// The optimal-string-alignment distance between `a` and `b`, counted in characters: the number
/// of insertions, deletions, substitutions and swaps of two adjacent characters that turn one
/// into the other (each substring edited at most once).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rolling rows: i-2, i-1 and i.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The option closest to `candidate`, if it is close enough to be what the author meant: at most
/// `max(1, characters / 3)` edits away (case differences count as edits). Ties go to the
/// earliest option; an exact match is never suggested.
///
/// ```
/// use tetsuzuki::suggest::did_you_mean;
/// let names = ["has_children", "move_date"];
/// assert_eq!(did_you_mean("has_chidren", names), Some("has_children"));
/// assert_eq!(did_you_mean("xyz", names), None);
/// ```
pub fn did_you_mean<'a, I>(candidate: &str, options: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (candidate.chars().count() / 3).max(1);
    let options: Vec<&'a str> = options.into_iter().collect();
    let mut best: Option<(usize, &'a str)> = None;
    for &option in &options {
        if option == candidate {
            continue;
        }
        // Cheap filter: the distance is at least the difference in length.
        if option.chars().count().abs_diff(candidate.chars().count()) > limit {
            continue;
        }
        let d = edit_distance(candidate, option);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, option));
        }
    }
    best.map(|(_, option)| option).or_else(|| {
        // A word cut short (`from_next` for `from_next_day`): the one option it begins.
        let mut extended =
            options.iter().filter(|o| candidate.chars().count() >= 3 && **o != candidate && o.starts_with(candidate));
        match (extended.next(), extended.next()) {
            (Some(only), None) => Some(*only),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("has_chidren", "has_children"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("todya", "today"), 1);
        assert_eq!(edit_distance("名前", "名目"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3);
    }

    #[test]
    fn suggests_the_closest_within_the_threshold() {
        let options = ["move_date", "birth_date", "has_children"];
        assert_eq!(did_you_mean("move_dat", options), Some("move_date"));
        assert_eq!(did_you_mean("brith_date", options), Some("birth_date"));
        assert_eq!(did_you_mean("date", options), None);
        assert_eq!(did_you_mean("move_date", options), None);
        // One edit is always allowed, even for short names.
        assert_eq!(did_you_mean("ag", ["age"]), Some("age"));
        assert_eq!(did_you_mean("startswith", ["startsWith"]), Some("startsWith"));
    }

    #[test]
    fn ties_go_to_the_first_option() {
        assert_eq!(did_you_mean("ab", ["ac", "ad"]), Some("ac"));
    }
}
