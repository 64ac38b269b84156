//! Where the site redirects to after a form or sign-in: only its own paths.

/// Whether `next` is a path on this site. Redirects go only there: a redirect elsewhere would
/// let anyone use the site to send residents to a look-alike.
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && next.len() <= 2_000
        && !next.chars().any(|c| c.is_control() || c == '\\')
}

/// A path on this site to return to after sign-in; anything else becomes the front page.
pub fn local_path(next: &str) -> String {
    if is_local_path(next) {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/ideas?page=2"));
        for bad in [
            "",
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/a\r\nSet-Cookie: x",
            "ideas",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
