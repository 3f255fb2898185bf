//! A form's unsaved values, held by its page rather than by a view that is rebuilt when data refreshes (a save in
//! another section, another tab, a change of language), so nothing typed is lost.

use leptos::prelude::*;

/// Keeps a form's values in step with the saved value `saved`: they show it when it first arrives, and follow it
/// while the user has not changed them. When the saved value changes under edits not yet saved (another tab saved
/// it), `rebase(edits, from, onto)` keeps what the user changed and takes the rest from the new saved value, and
/// `told` is called so the user knows saving will replace what the other tab saved.
pub fn follow_saved<T>(
    saved: impl Fn() -> Option<T> + 'static,
    on_screen: impl Fn() -> T + 'static,
    show: impl Fn(T) + 'static,
    rebase: impl Fn(&T, &T, &T) -> T + 'static,
    told: impl Fn() + 'static,
) where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Effect::new(move |previous: Option<Option<T>>| {
        let previous = previous.flatten();
        let current = saved();
        if let Some(current) = &current {
            let shown = on_screen();
            match &previous {
                None => show(current.clone()),
                Some(_) if shown == *current => {}
                Some(previous) if shown == *previous => show(current.clone()),
                Some(previous) => {
                    let rebased = rebase(&shown, previous, current);
                    let still_edited = rebased != *current;
                    show(rebased);
                    if still_edited {
                        told();
                    }
                }
            }
        }
        current.or(previous)
    });
}
