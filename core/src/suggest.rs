//! "Did you mean ...?" suggestions by edit distance, reusable by every checker of the crate.
//!
//! The work is bounded: a name longer than [`MAX_SUGGESTED_CHARS`] characters gets no
//! suggestion (nobody mistypes one letter of such a name, and comparing two long names is
//! costly), and each comparison stops as soon as the names are too far apart to be suggested.
//! One suggestion costs at most `MAX_SUGGESTED_CHARS²` steps per option, whatever the input.

/// Names (ids, keys, words) longer than this many characters get no suggestion, and are not
/// suggested.
pub const MAX_SUGGESTED_CHARS: usize = 64;

/// The optimal-string-alignment distance between `a` and `b`, counted in characters: the number
/// of insertions, deletions, substitutions and swaps of two adjacent characters that turn one
/// into the other (each substring edited at most once).
///
/// Its cost is the product of the two lengths; [`did_you_mean`] uses a bounded comparison
/// instead.
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

/// The optimal-string-alignment distance between `a` and `b` when it is at most `limit`, else
/// `None`. Only the cells within `limit` of the diagonal are computed, and the comparison stops
/// as soon as two consecutive rows are all above `limit`. `steps` counts the work: `b.len() + 1`
/// a row, at most `(a.len() + 1) × (b.len() + 1)`, usually far less.
fn distance_within(a: &[char], b: &[char], limit: usize, steps: &mut usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return None;
    }
    // Every value above `limit` is kept as `over`: it can only lead to more than `limit`.
    let over = limit + 1;
    let mut before: Vec<usize> = vec![over; m + 1];
    let mut previous: Vec<usize> = (0..=m).map(|j| j.min(over)).collect();
    let mut current: Vec<usize> = vec![over; m + 1];
    let mut previous_min = 0;
    for i in 1..=n {
        *steps += m + 1;
        current.fill(over);
        current[0] = i.min(over);
        let mut row_min = current[0];
        let (low, high) = (i.saturating_sub(limit).max(1), (i + limit).min(m));
        for j in low..=high {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d.min(over);
            row_min = row_min.min(current[j]);
        }
        // A swap reaches back two rows: both must be out of reach to stop.
        if row_min > limit && previous_min > limit {
            return None;
        }
        previous_min = row_min;
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[m];
    (d <= limit).then_some(d)
}

/// The characters of `s` when it has at most [`MAX_SUGGESTED_CHARS`] of them, without reading
/// more of a longer one than needed to know it is longer.
fn short_chars(s: &str) -> Option<Vec<char>> {
    if s.len() > 4 * MAX_SUGGESTED_CHARS {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    (chars.len() <= MAX_SUGGESTED_CHARS).then_some(chars)
}

/// The option closest to `candidate`, if it is close enough to be what the author meant: at most
/// `max(1, characters / 3)` edits away (case differences count as edits). Ties go to the
/// option first in alphabetical order, whatever order the options come in (so a suggestion
/// never depends on a map's iteration order); an exact match is never suggested. Names longer than
/// [`MAX_SUGGESTED_CHARS`] characters are neither given nor offered a suggestion.
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
    let mut unbounded = usize::MAX;
    did_you_mean_within(candidate, options, &mut unbounded)
}

/// [`did_you_mean`] within a budget of work shared by many suggestions: each option looked at
/// costs a step, each character compared another; what is spent is taken off `budget`. When it
/// runs out, the search stops and suggests nothing (what it found so far may not be the
/// closest). A checker with many suggestions to make from many options keeps its total work
/// bounded this way.
///
/// ```
/// use tetsuzuki::suggest::did_you_mean_within;
/// let mut budget = 1_000;
/// assert_eq!(did_you_mean_within("move_dat", ["move_date"], &mut budget), Some("move_date"));
/// assert!(budget < 1_000);
/// let mut spent = 0;
/// assert_eq!(did_you_mean_within("move_dat", ["move_date"], &mut spent), None);
/// ```
pub fn did_you_mean_within<'a, I>(candidate: &str, options: I, budget: &mut usize) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = short_chars(candidate)?;
    let limit = (wanted.len() / 3).max(1);
    let options: Vec<&'a str> = options.into_iter().collect();
    let mut best: Option<(usize, &'a str)> = None;
    let mut steps = 0usize;
    let mut chars: Vec<char> = Vec::with_capacity(MAX_SUGGESTED_CHARS + 1);
    for &option in &options {
        steps += 1;
        if steps > *budget {
            *budget = 0;
            return None;
        }
        if option == candidate {
            continue;
        }
        // Cheap filter: the distance is at least the difference in length (a character is
        // one to four bytes).
        if option.len() > 4 * (wanted.len() + limit) || option.len() + limit < wanted.len() {
            continue;
        }
        chars.clear();
        chars.extend(option.chars().take(MAX_SUGGESTED_CHARS + 1));
        if chars.len() > MAX_SUGGESTED_CHARS {
            continue;
        }
        // A closer option replaces the best so far; an equally close one only when it comes
        // first alphabetically (the same answer for options in any order).
        let within = best.map_or(limit, |(b, _)| b);
        if let Some(d) = distance_within(&wanted, &chars, within, &mut steps)
            && best.is_none_or(|(b, o)| d < b || (d == b && option < o))
        {
            best = Some((d, option));
        }
    }
    if steps > *budget {
        *budget = 0;
        return None;
    }
    *budget -= steps;
    best.map(|(_, option)| option).or_else(|| {
        // A word cut short (`from_next` for `from_next_day`): the one option it begins.
        let mut extended = options.iter().filter(|o| wanted.len() >= 3 && **o != candidate && o.starts_with(candidate));
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
    fn bounded_distances_agree_with_the_full_one_within_the_limit() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "ca",
            "kitten",
            "sitting",
            "has_chidren",
            "has_children",
            "todya",
            "today",
            "名前",
            "名目",
            "move_date",
            "mvoe_date",
            "move_dates",
            "abcdef",
            "badcfe",
            "fedcba",
        ];
        for a in words {
            for b in words {
                let full = edit_distance(a, b);
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for limit in 0..8 {
                    let want = (full <= limit).then_some(full);
                    let mut steps = 0;
                    assert_eq!(distance_within(&ca, &cb, limit, &mut steps), want, "{a:?} {b:?} within {limit}");
                    assert!(steps <= (ca.len() + 1) * (cb.len() + 1));
                }
            }
        }
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
    fn ties_go_to_the_first_option_alphabetically_in_any_order() {
        assert_eq!(did_you_mean("ab", ["ac", "ad"]), Some("ac"));
        assert_eq!(did_you_mean("ab", ["ad", "ac"]), Some("ac"));
        assert_eq!(did_you_mean("abcdef", ["abcxyf", "abcdxy", "abcdex"]), Some("abcdex"));
        assert_eq!(did_you_mean("abcdef", ["abcdex", "abcdxy", "abcxyf"]), Some("abcdex"));
        // Closer wins over alphabetical order.
        assert_eq!(did_you_mean("nationality", ["nation", "nationalty"]), Some("nationalty"));
    }

    #[test]
    fn long_names_get_no_suggestion() {
        let long = "a".repeat(MAX_SUGGESTED_CHARS + 1);
        let near = format!("{}b", &long[1..]);
        assert_eq!(did_you_mean(&near, [long.as_str()]), None);
        assert_eq!(did_you_mean(&long, [near.as_str()]), None);
        let fits = "a".repeat(MAX_SUGGESTED_CHARS);
        let fits_near = format!("{}b", &fits[1..]);
        assert_eq!(did_you_mean(&fits_near, [fits.as_str()]), Some(fits.as_str()));
    }
}
