//! Percent-encoding for the few places the UI builds URLs and cookie values by hand, and the
//! lenient reading of a page's query.

/// What a URL component keeps as it is: letters, digits, the unreserved `-_.~`, and `/` (so a
/// `next` path stays readable).
const KEPT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// Percent-encodes everything but unreserved characters and `/`.
pub fn encode_component(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, KEPT).to_string()
}

/// Reverses [`encode_component`]; malformed escapes are kept as they are.
pub fn decode_component(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Escapes text for an HTML attribute or element, for the few pages written by hand.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_danish_and_reserved_characters() {
        for s in ["/ideas?page=2", "søren@blåbær.dk", "a b;c=d", "100%", ""] {
            assert_eq!(decode_component(&encode_component(s)), s);
        }
        assert_eq!(encode_component("/ideas?page=2"), "/ideas%3Fpage%3D2");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
    }
}

/// A query parameter read leniently, for `#[derive(Params)]` query types: absent or unreadable
/// is `None`, so one hand-edited value never costs the page the rest of its query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lenient<T>(pub Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Lenient(None)
    }
}

impl<T: std::str::FromStr> leptos_router::params::IntoParam for Lenient<T> {
    fn into_param(
        value: Option<&str>,
        _name: &str,
    ) -> Result<Self, leptos_router::params::ParamsError> {
        Ok(Lenient(value.and_then(|v| v.parse().ok())))
    }
}

/// The query of the current page as `Q`, each field read leniently.
pub fn read_query<
    Q: leptos_router::params::Params + Default + Send + Sync + Clone + PartialEq + 'static,
>() -> Q {
    use leptos::prelude::GetUntracked;
    leptos_router::hooks::use_query::<Q>()
        .get_untracked()
        .unwrap_or_default()
}

// With `ssr`, as pages read their query on the server: without it, leptos_router decodes
// through the browser's functions, which a native test cannot call.
#[cfg(all(test, feature = "ssr"))]
mod query_tests {
    use leptos::prelude::*;
    use leptos_router::params::{Params, ParamsMap};

    use super::Lenient;

    #[derive(Params, Debug, Clone, Default, PartialEq)]
    struct Sent {
        left: Lenient<i64>,
        error: Lenient<klimadialog::ModerationState>,
        next: Lenient<String>,
    }

    #[test]
    fn an_unreadable_value_is_none_and_costs_nothing_else() {
        let mut map = ParamsMap::new();
        map.insert("left", "drei".to_owned());
        map.insert("error", "hidden".to_owned());
        let sent = Sent::from_map(&map).unwrap();
        assert_eq!(sent.left, Lenient(None));
        assert_eq!(
            sent.error,
            Lenient(Some(klimadialog::ModerationState::Hidden))
        );
        assert_eq!(sent.next, Lenient(None));
    }
}
