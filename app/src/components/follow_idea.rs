//! On an idea's page, for a signed-in resident: whether they follow the idea and why, and a
//! plain form to follow it or stop. Signed-out visitors see nothing here: supporting or
//! proposing is how most come to follow.

use klimadialog::follow::IdeaFollow;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::i18n::use_language;
use crate::server_fns::follow::SetFollow;

#[component]
pub fn FollowIdea(idea: i64, follow: IdeaFollow) -> impl IntoView {
    let t = &use_language().follow;
    let (button, wanted) = if follow.follows() {
        (t.stop, "false")
    } else {
        (t.start, "true")
    };
    view! {
        <section id="follow" class="follow" aria-labelledby="follow-heading">
            <h2 id="follow-heading">{t.heading}</h2>
            <p>{(t.state)(follow)}</p>
            <form method="post" action={<SetFollow as ServerFn>::PATH}>
                <input type="hidden" name="kind" value="idea" />
                <input type="hidden" name="key" value=idea />
                <input type="hidden" name="follow" value=wanted />
                <input type="hidden" name="next" value=format!("/ideas/{idea}") />
                <button type="submit" class="button secondary">
                    {button}
                </button>
            </form>
        </section>
    }
}
