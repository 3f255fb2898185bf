//! Groups of radio buttons and checkboxes, each input with its label beside it.
//!
//! The legend, hint and error line belong to the caller's `<fieldset>`: these draw only the list of choices.

use leptos::prelude::*;

/// One radio button per option; choosing one sets `chosen` to it.
#[component]
pub fn RadioGroup<T>(
    /// The inputs' shared `name`.
    name: &'static str,
    /// Each option with its input's id, in the order shown.
    options: Vec<(T, String)>,
    /// The option chosen now.
    chosen: RwSignal<T>,
    /// What each option is called.
    label: Callback<T, String>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    view! {
        <div class="radios">
            {options
                .into_iter()
                .map(|(option, id)| {
                    let named = option.clone();
                    let checked = option.clone();
                    view! {
                        <div class="radios__item">
                            <input
                                type="radio"
                                name=name
                                id=id.clone()
                                prop:checked=move || chosen.with(|c| *c == checked)
                                on:change=move |_| chosen.set(option.clone())
                            />
                            <label for=id>{move || label.run(named.clone())}</label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One checkbox per option; `chosen` holds the ticked ones, in their natural order.
#[component]
pub fn CheckboxGroup<T>(
    /// Each option with its input's id, in the order shown.
    options: Vec<(T, String)>,
    /// The options ticked now.
    chosen: RwSignal<Vec<T>>,
    /// What each option is called.
    label: Callback<T, String>,
) -> impl IntoView
where
    T: Copy + Ord + Send + Sync + 'static,
{
    view! {
        <div class="checkboxes">
            {options
                .into_iter()
                .map(|(option, id)| {
                    view! {
                        <div class="checkboxes__item">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&option))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| toggle(c, option, on));
                                }
                            />
                            <label for=id>{move || label.run(option)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Ticks or unticks `option`, keeping the list sorted and free of repeats.
fn toggle<T: Ord>(chosen: &mut Vec<T>, option: T, on: bool) {
    chosen.retain(|x| *x != option);
    if on {
        chosen.push(option);
        chosen.sort();
    }
}
