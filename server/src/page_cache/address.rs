//! What the address a visitor asked for comes to: the canonical address its page is kept (and
//! rendered) under, and whether the list must first send the visitor there.
//!
//! Working it out decodes the query and reads the list's filter: by perf, a tenth of the CPU of
//! a list page answered from memory, more than finding and sending the page. A campaign sends
//! crowds to a few addresses, so the answers for the addresses asked for lately are kept, in a
//! table of bounded size: odd addresses cannot make it grow, only make it start over.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::http::Uri;

/// The most addresses remembered; when full, the table starts over.
const REMEMBERED: usize = 1024;
/// Longer addresses are worked out each time (a form's long URL is redirected anyway).
const LONGEST: usize = 256;

/// What an address comes to.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Address {
    /// The canonical address, or `None` when the page is nobody's to share: a query that does
    /// not decode, or the random order (each visitor's own).
    pub canonical: Option<String>,
    /// A list address with more than its filter: the list redirects it to the canonical one.
    pub redirect: bool,
}

impl Address {
    const NOT_SHARED: Address = Address {
        canonical: None,
        redirect: false,
    };
}

#[derive(Default)]
pub(super) struct Addresses {
    known: Mutex<HashMap<Box<str>, Arc<Address>>>,
}

impl Addresses {
    /// What `uri`, a public page's, comes to.
    pub fn of(&self, uri: &Uri) -> Arc<Address> {
        let (path, query) = (uri.path(), uri.query());
        let whole = uri.path_and_query().map_or(path, |p| p.as_str());
        if whole.len() > LONGEST {
            return Arc::new(work_out(path, query));
        }
        if let Some(known) = self.known().get(whole) {
            return known.clone();
        }
        let address = Arc::new(work_out(path, query));
        let mut known = self.known();
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(whole.into(), address.clone());
        address
    }

    fn known(&self) -> std::sync::MutexGuard<'_, HashMap<Box<str>, Arc<Address>>> {
        // Plain data: after a panic elsewhere it is still a valid table.
        self.known.lock().unwrap_or_else(|e| e.into_inner())
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.known().len()
    }
}

fn work_out(path: &str, query: Option<&str>) -> Address {
    let query = query.unwrap_or("");
    let pairs: Vec<(String, String)> = if query.is_empty() {
        Vec::new()
    } else {
        match serde_urlencoded::from_str(query) {
            Ok(pairs) => pairs,
            Err(_) => return Address::NOT_SHARED,
        }
    };
    if pairs.iter().any(|(k, v)| k == "sort" && v == "random") {
        return Address::NOT_SHARED;
    }
    Address {
        canonical: Some(klimadialog_app::canonical::page_address(path, &pairs)),
        redirect: path == "/ideas" && !klimadialog_app::canonical::is_canonical_list(&pairs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_comes_to_the_same_whether_remembered_or_not() {
        let addresses = Addresses::default();
        for address in [
            "/ideas?sort=trending&area=vestbyen",
            "/ideas?area=vestbyen&sort=trending",
            "/ideas?sort=random",
            "/ideas?%FF%FE=%ZZ",
            "/?utm_source=x",
            "/map",
        ] {
            let uri: Uri = address.parse().unwrap();
            let first = addresses.of(&uri);
            let again = addresses.of(&uri);
            assert_eq!(first, again);
            assert_eq!(*first, work_out(uri.path(), uri.query()));
        }
        let of = |address: &str| addresses.of(&address.parse().unwrap());
        assert_eq!(of("/ideas?sort=random").canonical, None);
        assert_eq!(
            of("/ideas?sort=trending").canonical.as_deref(),
            Some("/ideas?sort=trending")
        );
        assert!(!of("/ideas?sort=trending").redirect);
        assert!(of("/ideas?sort=trending&x=1").redirect);
        assert!(!of("/?x=1").redirect);
    }

    #[test]
    fn odd_addresses_cannot_make_the_table_grow_past_its_size() {
        let addresses = Addresses::default();
        for n in 0..REMEMBERED * 3 {
            addresses.of(&format!("/?r={n}").parse().unwrap());
            assert!(addresses.len() <= REMEMBERED);
        }
        // Too long to remember, and still worked out.
        let long = format!("/ideas?q={}", "a".repeat(LONGEST));
        let before = addresses.len();
        assert!(addresses.of(&long.parse().unwrap()).canonical.is_some());
        assert_eq!(addresses.len(), before);
    }
}
