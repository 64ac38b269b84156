//! Every line the HTTP tests' servers log, at every level of the site's own crates (trace and
//! up; others at info), checked as it is written: no e-mail address, and none of the sign-in
//! codes, session tokens or cookie secrets the tests handled. A line holding one fails the next
//! test to finish (`assert_clean`, from `TestApp`'s drop), and with it the suite.

use std::io::{self, Write};
use std::sync::{Mutex, OnceLock};

static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static LEAKS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Installs the checking log for this test process (once).
pub fn install() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let filter = tracing_subscriber::EnvFilter::new(
            "info,klimadialog=trace,klimadialog_server=trace,klimadialog_app=trace,\
             klimadialog_session=trace",
        );
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .with_writer(Line::default)
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
}

/// Something a test handled that must never be logged: a code, a token, a cookie's value.
pub fn secret(value: &str) {
    if value.len() >= 6 {
        SECRETS.lock().unwrap().push(value.to_owned());
    }
}

/// Panics if any line so far held personal data (unless the test is failing already).
pub fn assert_clean() {
    let leaks = LEAKS.lock().unwrap();
    if !leaks.is_empty() && !std::thread::panicking() {
        panic!("personal data in the log: {leaks:#?}");
    }
}

/// One log line, checked when the formatter is done with it.
#[derive(Default)]
struct Line(Vec<u8>);

impl Write for Line {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        check(&String::from_utf8_lossy(&self.0));
    }
}

/// Checks one line of a log, this process's or a server binary's the tests started.
pub fn check(line: &str) {
    let secret = SECRETS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .any(|secret| holds(line, secret));
    if secret || has_email_address(line) {
        LEAKS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line.to_owned());
    }
}

/// Whether `line` holds `secret`; a code of digits only as a number of its own.
fn holds(line: &str, secret: &str) -> bool {
    if !secret.bytes().all(|b| b.is_ascii_digit()) {
        return line.contains(secret);
    }
    line.match_indices(secret).any(|(at, _)| {
        let before = line[..at].bytes().next_back();
        let after = line[at + secret.len()..].bytes().next();
        !before.is_some_and(|b| b.is_ascii_digit() || b == b'.')
            && !after.is_some_and(|b| b.is_ascii_digit())
    })
}

/// Whether `line` holds something shaped like an e-mail address: `local@domain.tld`.
fn has_email_address(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.iter().enumerate().any(|(at, &b)| {
        if b != b'@' {
            return false;
        }
        let local = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(b))
            .count();
        let domain: Vec<u8> = bytes[at + 1..]
            .iter()
            .copied()
            .take_while(|b| b.is_ascii_alphanumeric() || b".-".contains(b))
            .collect();
        let domain = domain.strip_suffix(b".").unwrap_or(&domain);
        local > 0 && domain.contains(&b'.') && !domain.starts_with(b".")
    })
}

#[test]
fn addresses_and_codes_are_recognised() {
    assert!(has_email_address(r#"{"to":"anna@example.org"}"#));
    assert!(!has_email_address("no @ here, nor user@localhost"));
    assert!(holds("code 123456 sent", "123456"));
    assert!(!holds("took 0.123456 s", "123456"));
    assert!(!holds("id 91234567", "123456"));
}
