//! Sending mail: over SMTP when it is configured, otherwise into an outbox folder as `.eml`
//! files, so a new installation works before anyone has set up mail. What a mail says is the
//! caller's business (the UI writes it in the resident's language); this module carries it.

use std::path::PathBuf;

use lettre::message::{Mailbox, header::ContentType};
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

/// A plain-text mail to one resident.
pub struct Mail<'a> {
    pub to: &'a EmailAddress,
    pub subject: String,
    pub body: String,
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
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)
            .map_err(|e| MailError::Build(e.to_string()))?;
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

fn parse_from(from: &str) -> Result<Mailbox, MailError> {
    from.parse()
        .map_err(|e| MailError::Config(format!("MAIL_FROM {from:?}: {e}")))
}
