//! Sends the queued mails in the background (status changes, words a moderator hid in a debate,
//! and news of the plan's actions): at once when woken after a change, and every so often for
//! retries. A failed send waits longer each time and never blocks the staff action that queued
//! it; the queue is in the database, so a restart loses nothing.

use std::time::Duration;

use klimadialog::EmailAddress;
use klimadialog::PublicStatus;
use klimadialog::argument::DebateRule;
use klimadialog::mail::Mail;
use klimadialog::storage::{DueDebateMail, DueMail, DuePlanMail, MailQueue, now, retry_delay};
use klimadialog_app::state::AppState;

/// Mails sent per round, so one round never holds a long list in memory.
const BATCH: i64 = 50;

/// Starts the worker; it runs as long as the runtime. `retry_base` is the wait after the first
/// failure in seconds, doubling after each further one.
pub fn spawn(state: AppState, retry_base: u64) -> tokio::task::JoinHandle<()> {
    let poll = Duration::from_secs(retry_base.clamp(1, 60));
    tokio::spawn(async move {
        loop {
            // A round that sent a full batch goes on at once; otherwise wait to be woken.
            let full = deliver_due(&state, retry_base as i64).await;
            if !full {
                tokio::select! {
                    _ = state.mail_queued.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                }
            }
        }
    })
}

/// Sends what is due in every queue; whether a batch was full.
async fn deliver_due(state: &AppState, retry_base: i64) -> bool {
    let status = match state.db.due_status_mails(now(), BATCH).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(%error, "reading the mail queue failed");
            return false;
        }
    };
    for mail in &status {
        let message = compose(state, mail);
        attempt(
            state,
            MailQueue::Status,
            mail.id,
            mail.attempts,
            message,
            retry_base,
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
        let message = compose_plan(state, mail);
        attempt(
            state,
            MailQueue::Plan,
            mail.id,
            mail.attempts,
            message,
            retry_base,
        )
        .await;
    }
    [status.len(), debate.len(), plan.len()]
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
) {
    let result = match message {
        Some(message) => state
            .mailer
            .send(message.as_mail())
            .await
            .map_err(|e| e.to_string()),
        None => Err("unreadable queued mail".to_owned()),
    };
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
}

impl Composed {
    fn as_mail(&self) -> Mail<'_> {
        Mail {
            to: &self.to,
            subject: self.subject.clone(),
            body: self.body.clone(),
        }
    }
}

fn compose(state: &AppState, mail: &DueMail) -> Option<Composed> {
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
    Some(Composed { to, subject, body })
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
    Some(Composed { to, subject, body })
}

fn compose_plan(state: &AppState, mail: &DuePlanMail) -> Option<Composed> {
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
    Some(Composed { to, subject, body })
}
