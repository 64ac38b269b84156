//! Sends the queued mails in the background (status changes, words a moderator hid in a debate,
//! news of the plan's actions, and followers' mails at once or as digests): at once when woken
//! after a change, and every so often for retries and for the digest rounds, which it makes when
//! their time comes. A failed send waits longer each time and never blocks the staff action that
//! queued it; the queues are in the database, so a restart loses nothing. Sending is paced to a
//! configured number of mails a minute, so a digest to 20 000 followers does not get the
//! municipality's mail server throttled or its address marked as a spammer.

use std::time::Duration;

use klimadialog::EmailAddress;
use klimadialog::PublicStatus;
use klimadialog::argument::DebateRule;
use klimadialog::mail::Mail;
use klimadialog::storage::{
    DueDebateMail, DueDigest, DueMail, DuePlanMail, MailQueue, now, retry_delay,
};
use klimadialog_app::state::AppState;

/// Mails sent per round, so one round never holds a long list in memory.
const BATCH: i64 = 50;

/// Starts the worker; it runs as long as the runtime. `retry_base` is the wait after the first
/// failure in seconds, doubling after each further one; `per_minute` caps the mails sent.
pub fn spawn(state: AppState, retry_base: u64, per_minute: u32) -> tokio::task::JoinHandle<()> {
    // Often enough that a round made by `klimadialog digests` in another process goes out
    // within seconds; each look is a few indexed reads.
    let poll = Duration::from_secs(retry_base.clamp(1, 10));
    let pace = Pace::new(per_minute);
    tokio::spawn(async move {
        loop {
            // The digest rounds whose time has come; made once each, however often asked.
            if let Err(error) = state.db.make_digest_rounds(now()).await {
                tracing::error!(%error, "making the digest rounds failed");
            }
            // A round that sent a full batch goes on at once; otherwise wait to be woken.
            let full = deliver_due(&state, retry_base as i64, &pace).await;
            if !full {
                tokio::select! {
                    _ = state.mail_queued.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                }
            }
        }
    })
}

/// At most so many mails a minute: each send waits its turn.
struct Pace {
    gap: Duration,
    next: std::sync::Mutex<tokio::time::Instant>,
}

impl Pace {
    fn new(per_minute: u32) -> Pace {
        Pace {
            gap: Duration::from_secs(60) / per_minute.max(1),
            next: std::sync::Mutex::new(tokio::time::Instant::now()),
        }
    }

    async fn wait(&self) {
        let at = {
            let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
            let at = (*next).max(tokio::time::Instant::now());
            *next = at + self.gap;
            at
        };
        tokio::time::sleep_until(at).await;
    }
}

/// Sends what is due in every queue; whether a batch was full.
async fn deliver_due(state: &AppState, retry_base: i64, pace: &Pace) -> bool {
    let status = match state.db.due_status_mails(now(), BATCH).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(%error, "reading the mail queue failed");
            return false;
        }
    };
    for mail in &status {
        let message = compose(state, mail).await;
        attempt(
            state,
            MailQueue::Status,
            mail.id,
            mail.attempts,
            message,
            retry_base,
            pace,
        )
        .await;
    }
    let debate = match state.db.due_debate_mails(now(), BATCH).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(%error, "reading the debate mail queue failed");
            return false;
        }
    };
    for mail in &debate {
        let message = compose_debate(state, mail);
        attempt(
            state,
            MailQueue::Debate,
            mail.id,
            mail.attempts,
            message,
            retry_base,
            pace,
        )
        .await;
    }
    let digests = match state.db.due_digests(now(), BATCH).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(%error, "reading the digest queue failed");
            return false;
        }
    };
    for mail in &digests {
        let message = match compose_digest(state, mail).await {
            Some(Some(message)) => Some(message),
            Some(None) => {
                // Everything it told of was hidden or deleted since: nothing left to say.
                if let Err(error) = state
                    .db
                    .mark_mail_sent(MailQueue::Digest, mail.id, now())
                    .await
                {
                    tracing::error!(%error, mail = mail.id, "recording an empty digest failed");
                }
                continue;
            }
            None => None,
        };
        attempt(
            state,
            MailQueue::Digest,
            mail.id,
            mail.attempts,
            message,
            retry_base,
            pace,
        )
        .await;
    }
    let plan = match state.db.due_plan_mails(now(), BATCH).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(%error, "reading the plan mail queue failed");
            return false;
        }
    };
    for mail in &plan {
        let message = compose_plan(state, mail).await;
        attempt(
            state,
            MailQueue::Plan,
            mail.id,
            mail.attempts,
            message,
            retry_base,
            pace,
        )
        .await;
    }
    [status.len(), debate.len(), plan.len(), digests.len()]
        .into_iter()
        .any(|n| n as i64 == BATCH)
}

/// Sends one queued mail and records the attempt: sent, or tried again later, waiting longer
/// each time.
async fn attempt(
    state: &AppState,
    queue: MailQueue,
    id: i64,
    attempts: i64,
    message: Option<Composed>,
    retry_base: i64,
    pace: &Pace,
) {
    let result = match message {
        Some(message) => {
            pace.wait().await;
            let id = message_id(state, queue, id);
            state
                .mailer
                .send(message.as_mail(id))
                .await
                .map_err(|e| e.to_string())
        }
        None => Err("unreadable queued mail".to_owned()),
    };
    crate::metrics::mail_attempt(result.is_ok());
    let at = now();
    let stored = match result {
        Ok(()) => state.db.mark_mail_sent(queue, id, at).await,
        Err(error) => {
            // The address is personal data: the log names the queue row, not the person.
            tracing::warn!(mail = id, ?queue, attempts = attempts + 1, %error, "mail not sent; will retry");
            let retry_at = at + retry_delay(attempts, retry_base);
            state.db.mark_mail_failed(queue, id, retry_at, at).await
        }
    };
    if let Err(error) = stored {
        tracing::error!(%error, mail = id, "recording a mail attempt failed");
    }
}

struct Composed {
    to: EmailAddress,
    subject: String,
    body: String,
    /// The language tag for the HTML alternative.
    lang: &'static str,
    /// The one-click stop link, on mails about what the resident follows.
    stop: Option<String>,
}

impl Composed {
    fn as_mail(&self, message_id: String) -> Mail<'_> {
        Mail {
            to: &self.to,
            subject: self.subject.clone(),
            body: self.body.clone(),
            html: Some(klimadialog::mail::html_of(&self.body, self.lang)),
            unsubscribe: self.stop.clone(),
            message_id: Some(message_id),
        }
    }
}

/// The same Message-ID for every attempt of one queued mail: a receiving server (or a reader's
/// mail program) sees a mail sent again after a crash as the one it has.
fn message_id(state: &AppState, queue: MailQueue, id: i64) -> String {
    let host = state
        .config
        .public_url
        .split("://")
        .nth(1)
        .unwrap_or("klimadialog.invalid")
        .split(['/', ':'])
        .next()
        .filter(|h| !h.is_empty())
        .unwrap_or("klimadialog.invalid");
    format!("<{}-{id}.klimadialog@{host}>", queue.table())
}

/// The one-click stop link of a resident; `None` (and no stop link) if their key cannot be
/// read, which the log says.
async fn stop_link(state: &AppState, resident: i64) -> Option<String> {
    match state.db.mail_key(klimadialog::ResidentId(resident)).await {
        Ok(key) => Some(format!(
            "{}{}{key}",
            state.config.public_url.trim_end_matches('/'),
            crate::paths::UNSUBSCRIBE
        )),
        Err(error) => {
            tracing::error!(%error, "reading a stop key failed");
            None
        }
    }
}

async fn compose(state: &AppState, mail: &DueMail) -> Option<Composed> {
    let to = EmailAddress::parse(&mail.email).ok()?;
    let status = PublicStatus::parse(&mail.status)?;
    let site = state.config.public_url.trim_end_matches('/');
    let link = format!("{site}/ideas/{}", mail.idea_id);
    let me_link = format!("{site}/me#mail");
    let language = klimadialog::Locale::from_tag(&mail.language).unwrap_or_default();
    let also: Vec<(String, String, bool)> = mail
        .also_ideas()
        .into_iter()
        .map(|(id, title, author)| (title, format!("{site}/ideas/{id}"), author))
        .collect();
    let (subject, body) = klimadialog_app::i18n::status_mail(
        &klimadialog_app::i18n::StatusMail {
            title: &mail.title,
            status,
            answer_da: mail.answer_da.as_deref(),
            answer_en: mail.answer_en.as_deref(),
            link: &link,
            me_link: &me_link,
            municipality: &state.config.municipality,
            to_author: mail.is_author,
            also: &also,
        },
        language,
    );
    with_stop_line(state, mail.resident_id, to, subject, body, language).await
}

fn compose_debate(state: &AppState, mail: &DueDebateMail) -> Option<Composed> {
    let to = EmailAddress::parse(&mail.email).ok()?;
    let rule = DebateRule::parse(&mail.rule)?;
    let site = state.config.public_url.trim_end_matches('/');
    let link = format!("{site}/ideas/{}#debate", mail.idea_id);
    let rules_link = format!("{site}/debatregler#rule-{}", rule.as_str());
    let language = klimadialog::Locale::from_tag(&mail.language).unwrap_or_default();
    let (subject, body) = klimadialog_app::i18n::debate_mail(
        &klimadialog_app::i18n::DebateMail {
            title: &mail.title,
            link: &link,
            rule,
            rules_link: &rules_link,
            words: &mail.body,
            municipality: &state.config.municipality,
        },
        language,
    );
    Some(Composed {
        to,
        subject,
        body,
        lang: language.tag(),
        stop: None,
    })
}

async fn compose_plan(state: &AppState, mail: &DuePlanMail) -> Option<Composed> {
    use klimadialog::plan::ActionStatus;
    use klimadialog_app::i18n::{PlanChange, PlanMail, plan_mail};

    let to = EmailAddress::parse(&mail.email).ok()?;
    let change = match (&mail.status, &mail.milestone) {
        (Some(status), None) => PlanChange::Status(ActionStatus::parse(status)?),
        (None, Some(milestone)) => PlanChange::Milestone(milestone),
        _ => return None,
    };
    let site = state.config.public_url.trim_end_matches('/');
    let language = klimadialog::Locale::from_tag(&mail.language).unwrap_or_default();
    let title = match language {
        klimadialog::Locale::Da => &mail.title_da,
        _ => mail.title_en.as_ref().unwrap_or(&mail.title_da),
    };
    let ideas: Vec<(String, String)> = mail
        .their_ideas()
        .into_iter()
        .map(|(id, title)| (title, format!("{site}/ideas/{id}")))
        .collect();
    let (subject, body) = plan_mail(
        &PlanMail {
            code: &mail.code,
            title,
            change,
            ideas: &ideas,
            link: &format!("{site}/plan/{}", mail.code),
            me_link: &format!("{site}/me#mail"),
            municipality: &state.config.municipality,
        },
        language,
    );
    with_stop_line(state, mail.resident_id, to, subject, body, language).await
}

/// A status or plan mail with the stop link added under the text and in the headers.
async fn with_stop_line(
    state: &AppState,
    resident: i64,
    to: EmailAddress,
    subject: String,
    mut body: String,
    language: klimadialog::Locale,
) -> Option<Composed> {
    let stop = stop_link(state, resident).await?;
    body.push('\n');
    body.push_str(&klimadialog_app::i18n::stop_line(&stop, language));
    Some(Composed {
        to,
        subject,
        body,
        lang: language.tag(),
        stop: Some(stop),
    })
}

/// A digest's mail; `Some(None)` when nothing it told of is still public.
async fn compose_digest(state: &AppState, mail: &DueDigest) -> Option<Option<Composed>> {
    use klimadialog::digest::{MAX_GROUPS, group};
    use klimadialog::follow::Frequency;
    use klimadialog_app::i18n::{DigestMail, digest_mail};

    let to = EmailAddress::parse(&mail.email).ok()?;
    let entries = match state.db.digest_entries(mail).await {
        Ok(entries) => entries,
        Err(error) => {
            tracing::error!(%error, "reading a digest failed");
            return None;
        }
    };
    let mut groups = group(&entries);
    if groups.is_empty() {
        return Some(None);
    }
    let left_out = groups.len().saturating_sub(MAX_GROUPS);
    groups.truncate(MAX_GROUPS);
    let site = state.config.public_url.trim_end_matches('/');
    let language = klimadialog::Locale::from_tag(&mail.language).unwrap_or_default();
    let stop = stop_link(state, mail.resident_id).await?;
    let (subject, body) = digest_mail(
        &DigestMail {
            frequency: Frequency::parse(&mail.frequency)?,
            groups: &groups,
            left_out,
            site,
            me_link: &format!("{site}/me#mail"),
            stop_link: &stop,
            municipality: &state.config.municipality,
        },
        language,
    );
    Some(Some(Composed {
        to,
        subject,
        body,
        lang: language.tag(),
        stop: Some(stop),
    }))
}

#[cfg(test)]
mod tests {
    use super::Pace;

    // Tokio's paused clock: the waits are measured, not slept.
    #[tokio::test(start_paused = true)]
    async fn sending_is_paced_to_the_configured_mails_a_minute() {
        let pace = Pace::new(60);
        let start = tokio::time::Instant::now();
        for _ in 0..4 {
            pace.wait().await;
        }
        // The first goes at once, each next a second later.
        assert_eq!(start.elapsed().as_secs(), 3);
        // A pause longer than the gap does not bank sends for a burst later.
        tokio::time::sleep(std::time::Duration::from_secs(10)).await;
        let resumed = tokio::time::Instant::now();
        pace.wait().await;
        pace.wait().await;
        assert_eq!(resumed.elapsed().as_secs(), 1);
    }
}
