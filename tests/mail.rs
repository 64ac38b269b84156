//! Mail really sent: to an SMTP server process (Python's aiosmtpd, started here) and into the
//! outbox folder.

#[path = "support/smtp.rs"]
mod smtp;

use klimadialog::EmailAddress;
use klimadialog::mail::{Mail, Mailer};

#[tokio::test]
async fn mail_reaches_a_real_smtp_server() {
    let sink = smtp::SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let mailer = Mailer::smtp(&url, "Klimadialog <klimadialog@example.org>").unwrap();
    let to = EmailAddress::parse("mette@example.org").unwrap();
    let mail = Mail::plain(
        &to,
        "Din kode: 123456".into(),
        "Din kode er 123456.\nKoden udløber om 10 minutter.".into(),
    );
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
        html: Some(klimadialog::mail::html_of("Din kode er 654321.", "da")),
        unsubscribe: Some("https://klima.example.dk/afmeld/abc".into()),
        message_id: Some("<status_mails-7.klimadialog@klima.example.dk>".into()),
        ..Mail::plain(&to, "Din kode".into(), "Din kode er 654321.".into())
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
    // A text with its HTML alternative, the one-click stop headers, our Message-ID.
    for header in [
        "Content-Type: multipart/alternative",
        "List-Unsubscribe: <https://klima.example.dk/afmeld/abc>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "Message-ID: <status_mails-7.klimadialog@klima.example.dk>",
        "Content-Type: text/html",
    ] {
        assert!(raw.contains(header), "{header}\n{raw}");
    }
    assert_eq!(mailer.outbox_dir(), Some(outbox.as_path()));
}

#[test]
fn bad_configuration_is_refused_clearly() {
    assert!(Mailer::smtp("not a url", "klimadialog@example.org").is_err());
    let dir = tempfile::tempdir().unwrap();
    assert!(Mailer::outbox(dir.path().to_path_buf(), "not an address").is_err());
}
