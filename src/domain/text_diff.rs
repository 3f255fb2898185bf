//! A readable word-level difference between two versions of a text, for showing exactly what a policy change
//! changes.

/// A run of words that is the same in both versions, or only in the old or only in the new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffPart {
    Same(String),
    Removed(String),
    Added(String),
}

/// Splits text into words with the whitespace after each, so joining the parts gives the text back.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if !space && in_space {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn push(parts: &mut Vec<DiffPart>, part: DiffPart) {
    match (parts.last_mut(), part) {
        (Some(DiffPart::Same(a)), DiffPart::Same(b)) => a.push_str(&b),
        (Some(DiffPart::Removed(a)), DiffPart::Removed(b)) => a.push_str(&b),
        (Some(DiffPart::Added(a)), DiffPart::Added(b)) => a.push_str(&b),
        (_, part) => parts.push(part),
    }
}

/// The difference between `before` and `after`, word by word (longest common subsequence). Words are compared
/// without their trailing whitespace.
pub fn diff_words(before: &str, after: &str) -> Vec<DiffPart> {
    let a = tokens(before);
    let b = tokens(after);
    let key = |t: &str| t.trim_end().to_string();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if key(a[i]) == key(b[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut parts = Vec::new();
    while i < a.len() && j < b.len() {
        if key(a[i]) == key(b[j]) {
            push(&mut parts, DiffPart::Same(b[j].to_string()));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            push(&mut parts, DiffPart::Removed(a[i].to_string()));
            i += 1;
        } else {
            push(&mut parts, DiffPart::Added(b[j].to_string()));
            j += 1;
        }
    }
    for t in &a[i..] {
        push(&mut parts, DiffPart::Removed(t.to_string()));
    }
    for t in &b[j..] {
        push(&mut parts, DiffPart::Added(t.to_string()));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_exactly_the_changed_words() {
        let parts = diff_words(
            "For now, we do not take action in response to these signals.",
            "For now, we do not take action in response to Do Not Track signals.",
        );
        assert_eq!(
            parts,
            vec![
                DiffPart::Same("For now, we do not take action in response to ".into()),
                DiffPart::Removed("these ".into()),
                DiffPart::Added("Do Not Track ".into()),
                DiffPart::Same("signals.".into()),
            ]
        );
    }

    #[test]
    fn additions_and_removals_at_the_ends() {
        assert_eq!(
            diff_words("", "new text"),
            vec![DiffPart::Added("new text".into())]
        );
        assert_eq!(
            diff_words("old text", ""),
            vec![DiffPart::Removed("old text".into())]
        );
        assert_eq!(
            diff_words("same", "same"),
            vec![DiffPart::Same("same".into())]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn old_side(parts: &[DiffPart]) -> String {
            parts
                .iter()
                .filter_map(|p| match p {
                    DiffPart::Same(t) | DiffPart::Removed(t) => Some(t.trim_end()),
                    DiffPart::Added(_) => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        }

        fn new_side(parts: &[DiffPart]) -> String {
            parts
                .iter()
                .filter_map(|p| match p {
                    DiffPart::Same(t) | DiffPart::Added(t) => Some(t.trim_end()),
                    DiffPart::Removed(_) => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        }

        proptest! {
            /// Each side of the diff reads back as that version of the text (word for word).
            #[test]
            fn both_versions_can_be_read_back(a in "[a-c ]{0,40}", b in "[a-c ]{0,40}") {
                let parts = diff_words(&a, &b);
                let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert_eq!(words(&old_side(&parts)), words(&a));
                prop_assert_eq!(words(&new_side(&parts)), words(&b));
            }
        }
    }
}
