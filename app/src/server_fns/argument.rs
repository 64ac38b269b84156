//! The debate under an idea: reading a page of it, posting an argument or a reply, and marking
//! one helpful. The rules are the core's, in `klimadialog::argument`.

use klimadialog::argument::{ArgumentDraft, ArgumentOrder, Debate, Stance};
use leptos::prelude::*;

use crate::error::AppError;

klimadialog::string_enum!(
    /// What the last debate post did, as the address back to the idea says it (`argued=`).
    ArgueNotice {
        Posted => "posted",
        /// Posted, and waiting for a moderator's approval.
        Waiting => "waiting",
        Edited => "edited",
        Deleted => "deleted",
    }
);

/// A page of the debate as the visitor sees it, and whether they can take part at once.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DebateForVisitor {
    pub debate: Debate,
    pub signed_in: bool,
    /// What the visitor typed here before signing in, not sent yet.
    pub draft: Option<ArgumentDraft>,
}

/// One page of a public idea's debate: arguments of one stance or all, in the order asked.
#[server(prefix = "/fn", endpoint = "ideas/debate")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_debate", skip_all))]
pub async fn load_debate(
    idea: i64,
    order: Option<ArgumentOrder>,
    stance: Option<Stance>,
    page: u32,
) -> Result<DebateForVisitor, AppError> {
    let state = crate::state::app_state()?;
    let reader = crate::session::current_resident(&state).await;
    let debate = state
        .db
        .debate(
            klimadialog::IdeaId(idea),
            reader,
            order.unwrap_or(ArgumentOrder::Helpful),
            stance,
            page.clamp(1, 100_000),
        )
        .await?
        .ok_or(AppError::NotFound)?;
    let draft = match (reader, super::propose::draft_token()) {
        (Some(_), Some(token)) => {
            state
                .db
                .argument_draft(
                    &token,
                    klimadialog::IdeaId(idea),
                    klimadialog::storage::now(),
                )
                .await?
        }
        _ => None,
    };
    Ok(DebateForVisitor {
        debate,
        signed_in: crate::personal::signed_in(reader),
        draft,
    })
}

/// Posts an argument (with a `stance`) or a reply (`reply_to`), then goes back to the idea's
/// debate; when something is wrong, with the problem in the address (`argument_error=`) and
/// the words in the typed-text cookie, so the form shows both. A visitor who is not signed in
/// is sent to sign in and back to the debate.
#[server(prefix = "/fn", endpoint = "ideas/argue")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "post_argument", skip_all))]
pub async fn post_argument(
    idea: i64,
    stance: Option<String>,
    reply_to: Option<i64>,
    text: String,
) -> Result<(), AppError> {
    use klimadialog::IdeaId;
    use klimadialog::argument::{ArgumentText, NewArgument, Post};
    use klimadialog::storage::now;

    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        // What was typed waits under the browser's draft cookie until the visitor is back.
        let token =
            super::propose::draft_token().unwrap_or_else(klimadialog::signin::DraftToken::generate);
        let draft = ArgumentDraft {
            stance: stance.as_deref().and_then(|s| Stance::parse(s.trim())),
            reply_to: reply_to.filter(|r| *r > 0),
            text,
        };
        if !draft.text.trim().is_empty() {
            state
                .db
                .save_argument_draft(&token, IdeaId(idea), &draft, now())
                .await?;
            crate::session::set_cookie(crate::session::SiteCookie::Draft, token.as_str());
        }
        let back = format!(
            "/ideas/{idea}#argue{}",
            draft.reply_to.map(|r| format!("-{r}")).unwrap_or_default()
        );
        leptos_axum::redirect(&format!("/signin?next={}", encode_component(&back)));
        return Ok(());
    };
    let back_with = |problem: klimadialog::argument::ArgumentProblem| {
        let typed: String = text.chars().take(ArgumentText::MAX_CHARS + 1).collect();
        crate::session::keep_typed(&[("argument_text", &typed)]);
        let to = reply_to
            .map(|r| format!("&reply_to={r}"))
            .unwrap_or_default();
        leptos_axum::redirect(&format!(
            "/ideas/{idea}?argument_error={}{to}#argue{}",
            problem.as_str(),
            reply_to.map(|r| format!("-{r}")).unwrap_or_default(),
        ));
    };
    let post = match Post::read(stance.as_deref().unwrap_or(""), reply_to) {
        Ok(post) => post,
        Err(problem) => {
            back_with(problem);
            return Ok(());
        }
    };
    let text_checked = match ArgumentText::parse(&text) {
        Ok(text) => text,
        Err(problem) => {
            back_with(problem);
            return Ok(());
        }
    };
    let new = NewArgument {
        idea: IdeaId(idea),
        post,
        text: text_checked,
    };
    let moderation = state.config.debate_moderation;
    match klimadialog::argument::post_argument(
        &state.db,
        &state.limits,
        resident,
        &new,
        moderation,
        now(),
    )
    .await?
    {
        Ok(id) => {
            if let Some(token) = super::propose::draft_token() {
                state.db.delete_argument_draft(&token).await?;
            }
            let notice = match moderation {
                klimadialog::moderation::ModerationMode::Pre => ArgueNotice::Waiting,
                klimadialog::moderation::ModerationMode::Post => ArgueNotice::Posted,
            };
            leptos_axum::redirect(&format!(
                "/ideas/{idea}?argued={}#argument-{}",
                notice.as_str(),
                id.0
            ));
        }
        Err(problem) => back_with(problem),
    }
    Ok(())
}

/// The author edits their argument or reply within the edit window, then goes back to it.
#[server(prefix = "/fn", endpoint = "ideas/argument/edit")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "edit_argument", skip_all))]
pub async fn edit_argument(idea: i64, argument: i64, text: String) -> Result<(), AppError> {
    use klimadialog::argument::{ArgumentId, ArgumentText};
    use klimadialog::storage::now;

    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        return Err(AppError::NotSignedIn.respond());
    };
    let back_with = |problem: klimadialog::argument::ArgumentProblem| {
        crate::session::keep_typed(&[("argument_text", &text)]);
        leptos_axum::redirect(&format!(
            "/ideas/{idea}?argument_error={}&edit={argument}#argument-{argument}",
            problem.as_str()
        ));
    };
    let checked = match ArgumentText::parse(&text) {
        Ok(checked) => checked,
        Err(problem) => {
            back_with(problem);
            return Ok(());
        }
    };
    match state
        .db
        .edit_argument(ArgumentId(argument), resident, &checked, now())
        .await?
    {
        Ok(idea) => leptos_axum::redirect(&format!(
            "/ideas/{}?argued={}#argument-{argument}",
            idea.0,
            ArgueNotice::Edited.as_str()
        )),
        Err(problem) => back_with(problem),
    }
    Ok(())
}

/// The author deletes their argument or reply; its place and replies stay.
#[server(prefix = "/fn", endpoint = "ideas/argument/delete")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "delete_argument", skip_all)
)]
pub async fn delete_argument(idea: i64, argument: i64) -> Result<(), AppError> {
    use klimadialog::argument::ArgumentId;
    use klimadialog::storage::now;

    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        return Err(AppError::NotSignedIn.respond());
    };
    match state
        .db
        .delete_argument(ArgumentId(argument), resident, now())
        .await?
    {
        Some(found) => leptos_axum::redirect(&format!(
            "/ideas/{}?argued={}#argument-{argument}",
            found.0,
            ArgueNotice::Deleted.as_str()
        )),
        None => leptos_axum::redirect(&format!("/ideas/{idea}#debate")),
    }
    Ok(())
}

/// Marks an argument helpful (`helpful` true) or takes the mark back, then goes back to it.
/// The form sends the state it wants, so a resent form changes nothing twice.
#[server(prefix = "/fn", endpoint = "ideas/helpful")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "mark_helpful", skip_all))]
pub async fn mark_helpful(
    idea: i64,
    argument: i64,
    helpful: bool,
) -> Result<(i64, bool), AppError> {
    use klimadialog::argument::ArgumentId;
    use klimadialog::storage::now;

    use crate::session::{current_resident, is_form_post};
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let back = format!("/ideas/{idea}#argument-{argument}");
    let Some(resident) = current_resident(&state).await else {
        if !is_form_post() {
            return Err(AppError::NotSignedIn.respond());
        }
        leptos_axum::redirect(&format!("/signin?next={}", encode_component(&back)));
        return Ok((0, false));
    };
    let marked = klimadialog::argument::set_helpful(
        &state.db,
        &state.limits,
        resident,
        ArgumentId(argument),
        helpful,
        now(),
    )
    .await?;
    match marked {
        Ok(Some(marked)) => {
            if is_form_post() {
                leptos_axum::redirect(&back);
            }
            Ok(marked)
        }
        Ok(None) => Err(AppError::NotFound.respond()),
        Err(retry_after) => {
            if is_form_post() {
                let notice = super::SiteNotice::TooMany.as_str();
                leptos_axum::redirect(&format!(
                    "/ideas/{idea}?notice={notice}#argument-{argument}"
                ));
                return Ok((0, false));
            }
            Err(AppError::RateLimited { retry_after }.respond())
        }
    }
}
