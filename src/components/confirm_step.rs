//! An action that asks first: a button that opens a question with "Yes, …" and "No, keep it".
//!
//! Focus follows the step: each button names, in `data-focus-next`, where focus goes when it disappears.

use leptos::prelude::*;

/// The ids of the three buttons, which the focus hand-over between them uses.
#[derive(Clone, Copy)]
pub struct ConfirmIds {
    /// The button that asks.
    pub ask: &'static str,
    /// "Yes, …".
    pub yes: &'static str,
    /// "No, keep it".
    pub keep: &'static str,
    /// Where focus goes once "Yes" has done its work.
    pub after_yes: &'static str,
}

/// The question, asked in place of the button until it is answered.
#[component]
pub fn ConfirmStep(
    /// Whether the question is open.
    confirming: RwSignal<bool>,
    ids: ConfirmIds,
    /// The style of the asking button (`button--quiet`, `button--secondary`).
    ask_class: &'static str,
    /// The asking button's words.
    #[prop(into)]
    ask: TextProp,
    /// The question.
    #[prop(into)]
    question: TextProp,
    /// The confirming button's words.
    #[prop(into)]
    yes: TextProp,
    /// The button that keeps things as they are.
    #[prop(into)]
    keep: TextProp,
    /// True while the confirmed action runs (the "Yes" button waits).
    #[prop(into)]
    busy: Signal<bool>,
    /// Class of the block holding the question, if any.
    #[prop(optional)]
    class: Option<&'static str>,
    /// What "Yes" does.
    on_yes: Callback<()>,
) -> impl IntoView {
    let ask_class = format!("button {ask_class}");
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || {
                let ask = ask.clone();
                view! {
                    <button
                        type="button"
                        id=ids.ask
                        data-focus-next=ids.yes
                        class=ask_class.clone()
                        on:click=move |_| confirming.set(true)
                    >
                        {move || ask.get()}
                    </button>
                }
            }
        >
            <div class=class>
                <p>{
                    let question = question.clone();
                    move || question.get()
                }</p>
                <div class="button-row">
                    <button
                        type="button"
                        id=ids.yes
                        data-focus-next=ids.after_yes
                        class="button button--warning"
                        disabled=move || busy.get()
                        on:click=move |_| on_yes.run(())
                    >
                        {
                            let yes = yes.clone();
                            move || yes.get()
                        }
                    </button>
                    <button
                        type="button"
                        id=ids.keep
                        data-focus-next=ids.ask
                        class="button button--quiet"
                        on:click=move |_| confirming.set(false)
                    >
                        {
                            let keep = keep.clone();
                            move || keep.get()
                        }
                    </button>
                </div>
            </div>
        </Show>
    }
}
