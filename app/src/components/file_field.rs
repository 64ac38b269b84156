//! A file field of a staff upload form (areas, the plan, emissions): its label, a hint tied to
//! it, and the input, always named `file` as the upload handlers read it.

use leptos::prelude::*;

#[component]
pub fn FileField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    /// The types the file picker offers first.
    accept: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p id=hint_id.clone() class="hint">
                {hint}
            </p>
            <input id=id name="file" type="file" accept=accept aria-describedby=hint_id />
        </div>
    }
}
