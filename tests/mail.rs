//! Mail really sent: to an SMTP server process (Python's aiosmtpd, started here) and into the
//! outbox folder.

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use klimadialog::EmailAddress;
use klimadialog::mail::{Mail, Mailer};

struct SmtpSink {
    child: Child,
    lines: mpsc::Receiver<String>,
    port: u16,
    dir: tempfile::TempDir,
}

impl SmtpSink {
    fn start() -> SmtpSink {
        let dir = tempfile::tempdir().unwrap();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(dir.path())
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
    fn next_mail(&self) -> String {
        let line = self
            .lines
            .recv_timeout(Duration::from_secs(20))
            .expect("a mail arrives");
        let n = line.split_whitespace().nth(1).unwrap();
        std::fs::read_to_string(self.dir.path().join(format!("{n}.eml"))).unwrap()
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

#[tokio::test]
async fn mail_reaches_a_real_smtp_server() {
    let sink = SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let mailer = Mailer::smtp(&url, "Klimadialog <klimadialog@example.org>").unwrap();
    let to = EmailAddress::parse("mette@example.org").unwrap();
    let mail = Mail {
        to: &to,
        subject: "Din kode: 123456".into(),
        body: "Din kode er 123456.\nKoden udløber om 10 minutter.".into(),
    };
    mailer.send(mail).await.unwrap();
    let raw = sink.next_mail();
    assert!(raw.contains("To: mette@example.org"), "{raw}");
    assert!(
        raw.contains("From: Klimadialog <klimadialog@example.org>"),
        "{raw}"
    );
    assert!(raw.contains("123456"), "{raw}");
    assert!(mailer.outbox_dir().is_none());
}

#[tokio::test]
async fn without_smtp_mail_lands_in_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("outbox");
    let mailer = Mailer::outbox(outbox.clone(), "klimadialog@example.org").unwrap();
    let to = EmailAddress::parse("jens@example.org").unwrap();
    let mail = Mail {
        to: &to,
        subject: "Din kode".into(),
        body: "Din kode er 654321.".into(),
    };
    mailer.send(mail).await.unwrap();
    let files: Vec<_> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].extension().unwrap(), "eml");
    let raw = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        raw.contains("To: jens@example.org") && raw.contains("654321"),
        "{raw}"
    );
    assert_eq!(mailer.outbox_dir(), Some(outbox.as_path()));
}

#[test]
fn bad_configuration_is_refused_clearly() {
    assert!(Mailer::smtp("not a url", "klimadialog@example.org").is_err());
    let dir = tempfile::tempdir().unwrap();
    assert!(Mailer::outbox(dir.path().to_path_buf(), "not an address").is_err());
}
