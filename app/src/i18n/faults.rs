//! What a visitor reads when the site could not do what a plain form asked just now (a busy
//! database, a full disk): an honest sentence and the way back. Built as a small page of its
//! own, since the request never reached a page that could show it.

use klimadialog::Locale;

pub struct FaultTexts {
    pub title: &'static str,
    pub body: &'static str,
    pub back: &'static str,
}

/// The whole page, in the visitor's language; `back` is a local path (checked by the caller).
pub fn fault_page(locale: Locale, back: &str) -> String {
    let t = &super::language(locale).faults;
    let back = crate::url::escape_html(back);
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/klimadialog.css\"></head>\
         <body><main id=\"main\" class=\"page\"><h1>{title}</h1><p role=\"alert\">{body}</p>\
         <p><a href=\"{back}\">{link}</a></p></main></body></html>",
        lang = locale.tag(),
        title = t.title,
        body = t.body,
        link = t.back,
    )
}
