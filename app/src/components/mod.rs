pub mod argument;
pub mod argument_moderation;
pub mod argument_report;
pub mod batch_panel;
pub mod file_field;
pub mod follow_idea;
pub mod follow_topic;
pub mod idea_actions;
pub mod idea_card;
pub mod idea_timeline;
pub mod layout;
pub mod live_text;
pub mod locate_me;
pub mod plan_links;
pub mod report_form;
pub mod share_link;
pub mod staff_header;
pub mod support_button;

use leptos::prelude::*;

/// The `<option>`s of a list of choices (areas, sectors, themes), the `current` value selected,
/// each name in the page's language where it has one, else marked with its own `lang`. `prefix`
/// goes before each value where one list holds two kinds (`sector:transport`).
pub fn choice_options(
    choices: Vec<crate::server_fns::propose::Choice>,
    prefix: Option<&'static str>,
    current: &str,
) -> impl IntoView + use<> {
    choices
        .into_iter()
        .map(|c| {
            let value = match prefix {
                Some(prefix) => format!("{prefix}:{}", c.value),
                None => c.value,
            };
            let selected = value == current;
            let (text, lang) = crate::i18n::name_in_page_language(&c.label);
            view! {
                <option value=value selected=selected lang=lang>
                    {text}
                </option>
            }
        })
        .collect_view()
}

/// Text inside a `<textarea>` or a `<title>`. Leptos writes these elements' text into the
/// server's HTML without escaping it (HTML parses them as raw text), so a typed
/// `</textarea><script>` or `</title><script>` would close the element and run; on the server
/// the text is escaped here (the browser decodes it back). In the browser it is set as text.
pub fn raw_text(text: &str) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text.to_owned()
    }
}

/// A field a form sent back with an error (kept by `session::keep_typed` in a cookie), or empty.
/// In the browser there is no cookie to read: pages render it on the server.
pub fn typed_field(name: &str) -> String {
    #[cfg(feature = "ssr")]
    if let Some(text) = crate::session::typed(name) {
        return text;
    }
    let _ = name;
    String::new()
}
