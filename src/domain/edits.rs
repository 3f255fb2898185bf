//! Unsaved edits over a saved value that changed meanwhile (another tab saved it): each field the user changed keeps
//! the user's value; every other field takes the new saved one.

/// `mine` if the user changed it from `from` (the saved value the edit started from), else the new saved `onto`.
pub fn rebase<T: PartialEq + Clone>(mine: &T, from: &T, onto: &T) -> T {
    if mine == from {
        onto.clone()
    } else {
        mine.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_field_keeps_the_edit_and_an_untouched_one_follows() {
        assert_eq!(rebase(&"typed", &"old", &"new"), "typed");
        assert_eq!(rebase(&"old", &"old", &"new"), "new");
        assert_eq!(rebase(&"same", &"old", &"same"), "same");
    }
}
