//! The one address of each public page. Public pages for visitors without a session are kept
//! by the server's page cache, and every spelling of a query (another order, percent-encoded
//! letters, parameters no page reads) would otherwise be a page of its own: a few hundred odd
//! addresses a second would fill the cache and push out the pages everyone asks for. So the
//! cache keys, and renders, each page by the address built here from what the page reads.

use klimadialog::filter::IdeaFilter;

use klimadialog::argument::{ArgumentOrder, ArgumentProblem, Stance};

use crate::server_fns::SiteNotice;
use crate::server_fns::argument::ArgueNotice;
use crate::server_fns::report::ReportNotice;

/// The canonical `path?query` of a public page from its decoded query pairs: only what the
/// page reads, in one order, percent-encoded one way.
pub fn page_address(path: &str, pairs: &[(String, String)]) -> String {
    let first = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let mut kept: Vec<(&str, String)> = match path {
        "/ideas" => {
            IdeaFilter::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))).pairs()
        }
        "/map" => first("by")
            .filter(|by| *by == "supports")
            .map(|by| ("by", by.to_owned()))
            .into_iter()
            .collect(),
        _ if path.starts_with("/ideas/") => {
            // An id: digits, and few enough for an i64.
            let number = |name: &str| {
                first(name).filter(|v| {
                    (1..=18).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit())
                })
            };
            let merged = number("merged").map(|m| ("merged", m.to_owned()));
            let report = first("report")
                .filter(|r| ReportNotice::parse(r).is_some())
                .map(|r| ("report", r.to_owned()));
            // The debate's stance, order and page, and what the last debate post did.
            let debate = [
                (
                    "stance",
                    first("stance").filter(|v| Stance::parse(v).is_some()),
                ),
                (
                    "order",
                    first("order").filter(|v| ArgumentOrder::parse(v).is_some()),
                ),
                (
                    "apage",
                    first("apage").filter(|p| {
                        (1..=6).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
                    }),
                ),
                (
                    "argued",
                    first("argued").filter(|v| ArgueNotice::parse(v).is_some()),
                ),
                (
                    "argument_error",
                    first("argument_error").filter(|v| ArgumentProblem::parse(v).is_some()),
                ),
                ("edit", number("edit")),
                ("reply_to", number("reply_to")),
                ("report_argument", number("report_argument")),
                (
                    "argument_report",
                    first("argument_report").filter(|v| ReportNotice::parse(v).is_some()),
                ),
            ]
            .into_iter()
            .filter_map(|(name, value)| Some((name, value?.to_owned())));
            merged.into_iter().chain(report).chain(debate).collect()
        }
        _ => Vec::new(),
    };
    if let Some(notice) = first("notice").filter(|n| SiteNotice::parse(n).is_some()) {
        kept.push(("notice", notice.to_owned()));
    }
    if kept.is_empty() {
        return path.to_owned();
    }
    let query: Vec<String> = kept
        .iter()
        .map(|(n, v)| format!("{n}={}", crate::url::encode_component(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Whether the list's query already is its filter's one URL (in any order; a notice may ride
/// along). A plain GET form sends every field, empty ones too (`?q=&area=hals&kind=…`); such
/// a URL is sent on to the short one, so what a visitor shares is the link everyone gets.
pub fn is_canonical_list(pairs: &[(String, String)]) -> bool {
    let filter = IdeaFilter::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let mut sent: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(n, v)| !(n == "notice" && SiteNotice::parse(v).is_some()))
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let wanted = filter.pairs();
    let mut canonical: Vec<(&str, &str)> = wanted.iter().map(|(n, v)| (*n, v.as_str())).collect();
    sent.sort();
    canonical.sort();
    sent == canonical
}

/// Whether the page at this canonical address searches for free text (such pages are many and
/// each asked for rarely, so the cache keeps them apart, in a small budget of their own).
pub fn is_search(address: &str) -> bool {
    address.starts_with("/ideas?") && address.split(['?', '&']).any(|p| p.starts_with("q="))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(path: &str, query: &str) -> String {
        let pairs: Vec<(String, String)> = serde_urlencoded_pairs(query);
        page_address(path, &pairs)
    }

    /// Decodes a query as the server does (the app has no serde_urlencoded of its own).
    fn serde_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (n, v) = p.split_once('=').unwrap_or((p, ""));
                (
                    crate::url::decode_component(n),
                    crate::url::decode_component(v),
                )
            })
            .collect()
    }

    #[test]
    fn every_spelling_of_a_page_has_one_address() {
        assert_eq!(address("/", "r=123&utm_source=x"), "/");
        assert_eq!(address("/stats", "a=1"), "/stats");
        assert_eq!(
            address("/ideas", "sort=trending&area=vestbyen&junk=1"),
            "/ideas?area=vestbyen&sort=trending"
        );
        assert_eq!(
            address("/ideas", "q=%63ykel&page=1"),
            address("/ideas", "q=cykel")
        );
        assert_eq!(address("/map", "by=supports&x=y"), "/map?by=supports");
        assert_eq!(address("/map", "by=nonsense"), "/map");
        assert_eq!(
            address("/ideas/42", "report=thanks&merged=7&x=1"),
            "/ideas/42?merged=7&report=thanks"
        );
        assert_eq!(address("/ideas/42", "report=<script>"), "/ideas/42");
        assert_eq!(
            address("/", "notice=account_deleted&zzz=1"),
            "/?notice=account_deleted"
        );
        assert_eq!(address("/", "notice=hello"), "/");
    }

    #[test]
    fn searches_are_told_apart() {
        assert!(is_search(&address("/ideas", "q=cykelsti")));
        assert!(!is_search(&address("/ideas", "area=hals")));
        assert!(!is_search("/"));
    }
}
