//! A real SMTP server process for tests: `tests/smtp_sink.py` (Python's aiosmtpd), with the
//! messages it receives. Shared by the core's and the server's tests through `#[path]`.

#![allow(dead_code)] // each test binary uses a different part

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct SmtpSink {
    child: Child,
    lines: mpsc::Receiver<String>,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        SmtpSink::start_refusing(0)
    }

    /// A sink that answers the first `refuse` messages with a temporary failure (451).
    pub fn start_refusing(refuse: u32) -> SmtpSink {
        SmtpSink::launch(refuse, None)
    }

    /// A sink on `port`: the mail server coming back after it was stopped.
    pub fn start_on(port: u16) -> SmtpSink {
        SmtpSink::launch(0, Some(port))
    }

    /// Stops the server (the port then refuses connections, as a mail server that is down).
    pub fn stop(self) {}

    fn launch(refuse: u32, port: Option<u16>) -> SmtpSink {
        let dir = tempfile::tempdir().unwrap();
        // The core's and the server's tests both use this file; the script is at the top.
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("tests/smtp_sink.py"))
            .find(|path| path.exists())
            .expect("tests/smtp_sink.py in the workspace");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(dir.path())
            .arg(refuse.to_string())
            .args(port.map(|p| p.to_string()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (scripts/setup installs aiosmtpd)");
        let lines = forward_lines(BufReader::new(child.stdout.take().unwrap()).lines());
        let ready = lines
            .recv_timeout(Duration::from_secs(20))
            .expect("aiosmtpd starts (is it installed? see scripts/setup)");
        let port = ready
            .strip_prefix("READY ")
            .expect("READY line")
            .trim()
            .parse()
            .unwrap();
        SmtpSink {
            child,
            lines,
            port,
            dir,
        }
    }

    /// Waits for the next received message and returns its raw text.
    pub fn next_mail(&self) -> String {
        self.next_mail_within(Duration::from_secs(20))
            .expect("a mail arrives")
    }

    /// The next received message's raw text, if one arrives within `wait`.
    pub fn next_mail_within(&self, wait: Duration) -> Option<String> {
        let until = std::time::Instant::now() + wait;
        loop {
            let left = until.saturating_duration_since(std::time::Instant::now());
            let line = self.lines.recv_timeout(left).ok()?;
            if let Some(rest) = line.strip_prefix("MAIL ") {
                let n = rest.split_whitespace().next().unwrap();
                let path = self.dir.path().join(format!("{n}.eml"));
                return Some(std::fs::read_to_string(path).unwrap());
            }
        }
    }

    /// Whether another message arrives within `wait` (refusals do not count).
    pub fn mail_within(&self, wait: Duration) -> bool {
        self.next_mail_within(wait).is_some()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn forward_lines(lines: Lines<BufReader<ChildStdout>>) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The text of a received mail's body (its plain-text part, when it has an HTML alternative),
/// with its transfer encoding (quoted-printable or base64, as lettre picks for non-ASCII text)
/// undone.
pub fn mail_body(raw: &str) -> String {
    mail_part(raw, "text/plain")
}

/// The HTML alternative of a received mail, decoded; empty when it has none.
pub fn mail_html(raw: &str) -> String {
    mail_part(raw, "text/html")
}

/// The part of `kind` of a mail (the mail itself when it is not multipart), decoded.
fn mail_part(raw: &str, kind: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let (headers, _) = raw.split_once("\n\n").unwrap_or((&raw, ""));
    let unfolded = headers.replace("\n ", " ").replace("\n\t", " ");
    let boundary = unfolded
        .lines()
        .find(|l| {
            l.to_ascii_lowercase()
                .starts_with("content-type: multipart/")
        })
        .and_then(|l| l.split("boundary=").nth(1))
        .map(|b| b.trim().trim_matches('"').to_owned());
    let Some(boundary) = boundary else {
        let plain = !unfolded
            .to_ascii_lowercase()
            .contains("content-type: text/html");
        return if (kind == "text/plain") == plain {
            decoded(&raw)
        } else {
            String::new()
        };
    };
    raw.split(&format!("--{boundary}"))
        .map(|part| part.trim_start_matches('\n'))
        .find(|part| {
            let head = part.split("\n\n").next().unwrap_or("").to_ascii_lowercase();
            head.contains(&format!("content-type: {kind}"))
        })
        .map(decoded)
        .unwrap_or_default()
}

/// A single part's body with its transfer encoding undone.
fn decoded(raw: &str) -> String {
    let (headers, body) = raw.split_once("\n\n").unwrap_or((raw, ""));
    let encoding = headers
        .lines()
        .find_map(|l| l.strip_prefix("Content-Transfer-Encoding: "))
        .unwrap_or("7bit")
        .trim()
        .to_ascii_lowercase();
    let bytes = match encoding.as_str() {
        "quoted-printable" => {
            let joined = body.replace("=\n", "");
            let b = joined.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'='
                    && i + 2 < b.len()
                    && let Ok(v) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
                {
                    out.push(v);
                    i += 3;
                    continue;
                }
                out.push(b[i]);
                i += 1;
            }
            out
        }
        "base64" => {
            const ALPHABET: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut out = Vec::new();
            let (mut acc, mut bits) = (0u32, 0);
            for c in body.bytes() {
                let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
                    continue;
                };
                acc = (acc << 6) | v as u32;
                bits += 6;
                if bits >= 8 {
                    bits -= 8;
                    out.push((acc >> bits) as u8);
                }
            }
            out
        }
        _ => body.as_bytes().to_vec(),
    };
    String::from_utf8_lossy(&bytes).into_owned()
}
