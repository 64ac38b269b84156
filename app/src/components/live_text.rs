//! A title or description field that checks itself as the resident types, with the core's own
//! rules compiled into the browser: the same `IdeaTitle::parse` the server runs. Without
//! JavaScript it is a plain field and the server's message shows after sending.

use klimadialog::idea::TextError;
use klimadialog::{IdeaDescription, IdeaTitle};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Which text the field holds, and so which rule checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextKind {
    Title,
    Description,
}

impl TextKind {
    fn check(self, text: &str) -> Result<(), TextError> {
        match self {
            TextKind::Title => IdeaTitle::parse(text).map(|_| ()),
            TextKind::Description => IdeaDescription::parse(text).map(|_| ()),
        }
    }

    fn max(self) -> usize {
        match self {
            TextKind::Title => IdeaTitle::MAX_CHARS,
            TextKind::Description => IdeaDescription::MAX_CHARS,
        }
    }
}

/// The field's texts in the visitor's language; `{n}` and `{max}` are filled in, as numbers
/// are written in `locale` (4.000 / 4,000).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveTextTexts {
    pub locale: klimadialog::Locale,
    pub label: String,
    pub hint: String,
    pub empty: String,
    pub too_short: String,
    pub too_long: String,
    pub control: String,
    pub chars_used: String,
}

impl LiveTextTexts {
    fn number(&self, n: usize) -> String {
        klimadialog::numbers::format_int(self.locale, n as i64)
    }

    fn message(&self, error: TextError) -> String {
        match error {
            TextError::Empty => self.empty.clone(),
            TextError::TooShort { min } => self.too_short.replace("{n}", &self.number(min)),
            TextError::TooLong { max } => self.too_long.replace("{n}", &self.number(max)),
            TextError::ControlCharacters => self.control.clone(),
        }
    }
}

#[island]
pub fn LiveText(
    kind: TextKind,
    /// The field's name and id.
    name: String,
    value: String,
    /// The server's message after a send, if the field was refused.
    error: Option<String>,
    texts: LiveTextTexts,
) -> impl IntoView {
    let (text, set_text) = signal(value);
    let (message, set_message) = signal(error);
    let texts = StoredValue::new(texts);
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let check = move || {
        let result = kind.check(&text.get_untracked());
        set_message.set(result.err().map(|e| texts.with_value(|t| t.message(e))));
    };
    let on_input = move |ev: leptos::ev::Event| {
        set_text.set(event_target_value(&ev));
        // Once a message shows, it follows the typing, so it goes away as soon as it is fixed.
        if message.get_untracked().is_some() {
            check();
        }
    };
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described = move || {
        if message.get().is_some() {
            format!("{error_id} {hint_id}")
        } else {
            hint_id.clone()
        }
    };
    let counter = move || {
        let n = text.get().chars().count();
        texts.with_value(|t| {
            t.chars_used
                .replace("{n}", &t.number(n))
                .replace("{max}", &t.number(kind.max()))
        })
    };
    let invalid = move || message.get().is_some().then_some("true");
    let field = match kind {
        TextKind::Title => view! {
            <input
                id=name.clone()
                name=name.clone()
                type="text"
                autocomplete="off"
                prop:value=move || text.get()
                value=text.get_untracked()
                on:input=on_input
                on:blur=move |_| check()
                aria-invalid=invalid
                aria-describedby=described.clone()
            />
        }
        .into_any(),
        TextKind::Description => view! {
            <textarea
                id=name.clone()
                name=name.clone()
                rows="8"
                prop:value=move || text.get()
                on:input=on_input
                on:blur=move |_| check()
                aria-invalid=invalid
                aria-describedby=described
            >
                {crate::components::raw_text(&text.get_untracked())}
            </textarea>
        }
        .into_any(),
    };
    view! {
        <div class="field" data-live=move || live.get().then_some("true")>
            <label for=name.clone()>{texts.with_value(|t| t.label.clone())}</label>
            <p id=format!("{name}-hint") class="hint">
                {texts.with_value(|t| t.hint.clone())}
                " "
                <span class="counter">{counter}</span>
            </p>
            {move || {
                message
                    .get()
                    .map(|m| {
                        view! {
                            <p id=format!("{name}-error") class="field-error">
                                {m}
                            </p>
                        }
                    })
            }}
            {field}
        </div>
    }
}
