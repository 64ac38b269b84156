//! Sending mail: over SMTP when it is configured, otherwise into an outbox folder as `.eml`
//! files, so a new installation works before anyone has set up mail. What a mail says is the
//! caller's business (the UI writes it in the resident's language); this module carries it.

use std::path::PathBuf;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

use crate::resident::EmailAddress;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the mail configuration is invalid: {0}")]
    Config(String),
    #[error("the mail could not be built: {0}")]
    Build(String),
    #[error("the mail could not be sent: {0}")]
    Send(String),
}

/// A mail to one resident: plain text, and the same as HTML when the sender writes it.
pub struct Mail<'a> {
    pub to: &'a EmailAddress,
    pub subject: String,
    pub body: String,
    pub html: Option<String>,
    /// The address that stops mails of this kind in one click (RFC 8058): mail programs show
    /// an "unsubscribe" button that posts to it, without the resident signing in.
    pub unsubscribe: Option<String>,
    /// A Message-ID made from the queue row, so a mail sent again after a crash between the
    /// server's "accepted" and our record of it is the same message to the receiving side.
    pub message_id: Option<String>,
}

impl<'a> Mail<'a> {
    /// A plain-text mail without a stop link (sign-in codes: the resident asked for them).
    pub fn plain(to: &'a EmailAddress, subject: String, body: String) -> Mail<'a> {
        Mail {
            to,
            subject,
            body,
            html: None,
            unsubscribe: None,
            message_id: None,
        }
    }
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl Mailer {
    /// `smtp_url` as lettre reads it: `smtp://host:25` (plain, for a relay on the same network),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtps://user:pass@host:465`.
    pub fn smtp(smtp_url: &str, from: &str) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| MailError::Config(format!("SMTP_URL: {e}")))?
            .build();
        Ok(Mailer {
            transport: Transport::Smtp(transport),
            from: parse_from(from)?,
        })
    }

    /// Writes each mail as an `.eml` file into `dir`, creating it if needed.
    pub fn outbox(dir: PathBuf, from: &str) -> Result<Mailer, MailError> {
        std::fs::create_dir_all(&dir)
            .map_err(|e| MailError::Config(format!("outbox {}: {e}", dir.display())))?;
        let transport = AsyncFileTransport::<Tokio1Executor>::new(&dir);
        Ok(Mailer {
            transport: Transport::Outbox(transport, dir),
            from: parse_from(from)?,
        })
    }

    /// The outbox folder, when mail is not really sent.
    pub fn outbox_dir(&self) -> Option<&std::path::Path> {
        match &self.transport {
            Transport::Outbox(_, dir) => Some(dir),
            Transport::Smtp(_) => None,
        }
    }

    pub async fn send(&self, mail: Mail<'_>) -> Result<(), MailError> {
        let to: Mailbox = mail
            .to
            .as_str()
            .parse()
            .map_err(|e| MailError::Build(format!("recipient: {e}")))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject);
        if let Some(id) = mail.message_id {
            builder = builder.message_id(Some(id));
        }
        if let Some(link) = mail.unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{link}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let built = match mail.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(mail.body, html)),
            None => builder.singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(mail.body),
            ),
        };
        let message = built.map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
            Transport::Outbox(file, dir) => {
                let id = file
                    .send(message)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                tracing::info!(file = %dir.join(format!("{id}.eml")).display(), "mail written to the outbox (no SMTP_URL set)");
                Ok(())
            }
        }
    }
}

/// The HTML alternative of a plain-text mail: the same words, paragraphs kept, addresses made
/// links, in the mail's language (`lang`) so screen readers read it in the right voice.
/// Everything is escaped: titles and answers come from residents and staff.
pub fn html_of(text: &str, lang: &str) -> String {
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"></head>\
         <body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">\n"
    );
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let lines: Vec<String> = paragraph.lines().map(linked).collect();
        html.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
    }
    html.push_str("</body></html>\n");
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One line, escaped, with its web addresses as links.
fn linked(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            let bare = word.trim_end_matches(['.', ',', ')']);
            if bare.starts_with("https://") || bare.starts_with("http://") {
                let rest = &word[bare.len()..];
                format!("<a href=\"{0}\">{0}</a>{1}", escape(bare), escape(rest))
            } else {
                escape(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_from(from: &str) -> Result<Mailbox, MailError> {
    from.parse()
        .map_err(|e| MailError::Config(format!("MAIL_FROM {from:?}: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_html_alternative_escapes_and_links() {
        let html = super::html_of(
            "Hej\n\nIdéen »<b>Cykler</b> & busser« fik svar.\nLæs det her: https://klima.example.dk/ideas/7.\n",
            "da",
        );
        assert!(html.contains("<html lang=\"da\">"));
        assert!(html.contains("»&lt;b&gt;Cykler&lt;/b&gt; &amp; busser«"));
        assert!(html.contains(
            "<a href=\"https://klima.example.dk/ideas/7\">https://klima.example.dk/ideas/7</a>."
        ));
        assert_eq!(html.matches("<p>").count(), 2);
    }
}
