//! `/ideas/{id}`: one idea, its timeline (statuses with the municipality's answers, its place
//! in the plan) and its debate.

use klimadialog::IdeaId;
use klimadialog::listing::IdeaDetail;
use klimadialog::map::{MapDrawing, from_micro};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::argument::DebateSection;
use crate::components::idea_timeline::IdeaTimeline;
use crate::components::report_form::ReportForm;
use crate::components::share_link::ShareLink;
use crate::components::support_button::{SupportTexts, support_part};
use crate::i18n::{kind_name, lang_if_other, status_name, use_locale, use_texts};
use crate::pages::LoadError;
use crate::pages::not_found::NotFound;
use crate::personal::{SlotKind, personal, shared_render};
use crate::server_fns::ideas::{ReviewNotice, load_idea_for_visitor};
use crate::server_fns::support::SupportState;
use klimadialog::follow::IdeaFollow;

#[component]
pub fn IdeaPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| IdeaId::parse(&s));
    let Some(id) = id else {
        return view! { <NotFound /> }.into_any();
    };
    let merged_from = use_query_map()
        .read_untracked()
        .get("merged")
        .and_then(|m| m.parse::<i64>().ok());
    let reported_just_now = use_query_map().read_untracked().get("report").as_deref()
        == Some(crate::server_fns::report::ReportNotice::Thanks.as_str());
    view! {
        <Suspense>
            {Suspend::new(async move {
                match load_idea_for_visitor(id.0).await {
                    Ok(Some(found)) if found.merged_into.is_some() => {
                        let into = found.merged_into.unwrap_or_default();
                        crate::pages::redirect_to(&format!("/ideas/{into}?merged={}", id.0));
                        ().into_any()
                    }
                    Ok(Some(found)) => {
                        view! {
                            <IdeaView
                                idea=found.idea
                                support=found.support
                                review=found.review
                                map=found.map
                                signed_in=found.signed_in
                                reported=found.reported
                                merged_from
                                follow=found.follow
                            />
                        }
                            .into_any()
                    }
                    Ok(None) if reported_just_now => {
                        // The report that hid the idea: its reporter is thanked, not told it is gone.
                        view! { <ReportedAndHidden /> }
                            .into_any()
                    }
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn IdeaView(
    idea: IdeaDetail,
    support: SupportState,
    review: Option<ReviewNotice>,
    map: Option<MapDrawing>,
    signed_in: bool,
    reported: bool,
    merged_from: Option<i64>,
    follow: Option<klimadialog::follow::IdeaFollow>,
) -> impl IntoView {
    let locale = use_locale();
    let t = use_texts();
    let timeline = idea.clone();
    let summary = idea.summary;
    let author = match &idea.author_name {
        Some(name) => (t.proposed_by)(name),
        None => (t.proposed_by)(&(t.resident_in)(&summary.area_name)),
    };
    let excerpt: String = idea.description.chars().take(160).collect();
    let (category, category_lang) = crate::i18n::name_in_page_language(&summary.category_name);
    let category_href = match summary.kind {
        klimadialog::IdeaKind::Mitigation => format!("/ideas?sector={}", summary.category_key),
        klimadialog::IdeaKind::Adaptation => format!("/ideas?theme={}", summary.category_key),
    };
    let here = format!("/ideas/{}", summary.id);
    let support_texts = SupportTexts::for_idea(t, summary.id, &here);
    let url = format!(
        "{}/ideas/{}",
        crate::config::site_config()
            .public_url
            .trim_end_matches('/'),
        summary.id
    );
    view! {
        <Title text=format!(
            "{} – {}",
            crate::components::raw_text(&summary.title),
            t.site_name,
        ) />
        <Meta name="description" content=excerpt.clone() />
        <Meta property="og:title" content=summary.title.clone() />
        <Meta property="og:description" content=excerpt />
        <Meta property="og:url" content=url.clone() />
        <Meta property="og:type" content="article" />
        {idea
            .photo
            .clone()
            .map(|photo| {
                let base = crate::config::site_config().public_url;
                view! {
                    <Meta
                        property="og:image"
                        content=format!("{}/photos/{photo}", base.trim_end_matches('/'))
                    />
                }
            })}
        <article class="idea">
            <h1 lang=lang_if_other(summary.language)>{summary.title.clone()}</h1>
            {merged_from
                .map(|from| {
                    view! {
                        <p class="notice" role="status">
                            {(t.merged_here)(from)}
                        </p>
                    }
                })}
            {match &review {
                Some(notice) => {
                    view! {
                        <p class="notice review" role="status">
                            {review_text(t, notice)}
                        </p>
                        <Meta name="robots" content="noindex" />
                    }
                        .into_any()
                }
                None => support_part(summary.id.0, support, here, support_texts, None),
            }}
            <dl class="facts">
                <div>
                    <dt>{t.kind_label}</dt>
                    <dd>{kind_name(summary.kind, locale)}</dd>
                </div>
                <div>
                    <dt>{t.category_label(summary.kind)}</dt>
                    <dd>
                        <a href=category_href lang=category_lang>
                            {category}
                        </a>
                    </dd>
                </div>
                <div>
                    <dt>{t.area_label}</dt>
                    <dd>
                        <a
                            href=format!("/ideas?area={}", summary.area_slug.as_str())
                            lang=crate::i18n::danish_lang()
                        >
                            {summary.area_name.clone()}
                        </a>
                    </dd>
                </div>
                <div>
                    <dt>{t.status_label}</dt>
                    <dd class=format!(
                        "status status-{}",
                        summary.status.as_str(),
                    )>{status_name(summary.status, locale)}</dd>
                </div>
            </dl>
            {idea
                .photo
                .clone()
                .and_then(|photo| {
                    let (width, height) = klimadialog::idea::photo_size(&photo)?;
                    Some(
                        view! {
                            <img
                                class="photo"
                                src=format!("/photos/{photo}")
                                width=width
                                height=height
                                loading="lazy"
                                decoding="async"
                                alt=(t.photo_alt)(&summary.title)
                            />
                        },
                    )
                })}
            <div class="description" lang=lang_if_other(summary.language)>
                {idea
                    .description
                    .split("\n\n")
                    .map(|p| view! { <p>{p.to_owned()}</p> })
                    .collect_view()}
            </div>
            <p class="byline">
                {author}" "
                <time datetime=summary
                    .created_at
                    .iso_date()>{crate::i18n::format_date(summary.created_at, locale)}</time>
            </p>
            {review
                .is_none()
                .then(|| {
                    view! { <crate::components::idea_actions::IdeaActions idea=summary.id.0 /> }
                })}
            <IdeaTimeline idea=timeline />
            {(follow.is_some() || shared_render())
                .then(|| {
                    let actual = follow.unwrap_or(IdeaFollow::None);
                    let actual = IdeaFollow::ALL.iter().position(|f| *f == actual).unwrap_or(0);
                    personal(
                        SlotKind::Follow,
                        summary.id.0,
                        u8::try_from(actual).unwrap_or(0),
                        move |variant| {
                            let follow = IdeaFollow::ALL[usize::from(variant)];
                            view! {
                                <crate::components::follow_idea::FollowIdea
                                    idea=summary.id.0
                                    follow
                                />
                            }
                        },
                    )
                })}
            {map.map(|drawing| view! { <MiniMap drawing point=idea.point /> })}
            {review
                .is_none()
                .then(|| {
                    view! {
                        <section class="share" aria-labelledby="share-heading">
                            <h2 id="share-heading">{t.share_idea}</h2>
                            <ShareLink
                                url
                                copy_label=t.copy_link.to_owned()
                                copied_label=t.link_copied.to_owned()
                            />
                        </section>
                    }
                })}
            {review.is_none().then(|| view! { <DebateSection idea=summary.id.0 /> })}
            {review
                .is_none()
                .then(|| {
                    personal(
                        SlotKind::Report,
                        summary.id.0,
                        u8::from(reported),
                        move |variant| {
                            view! {
                                <ReportForm idea=summary.id.0 signed_in reported=variant == 1 />
                            }
                        },
                    )
                })}
        </article>
    }
}

/// The idea's area on its own, with the idea's point if it has one, linking to the area's ideas.
#[component]
fn MiniMap(drawing: MapDrawing, point: Option<(i64, i64)>) -> impl IntoView {
    let t = use_texts();
    let frame = drawing.frame;
    let Some(area) = drawing.areas.into_iter().next() else {
        return ().into_any();
    };
    let marker = point.map(|(lat, lon)| {
        let (x, y) = frame.project(from_micro(lat), from_micro(lon));
        view! { <circle class="marker" cx=x.round() as i64 cy=y.round() as i64 r="6" /> }
    });
    view! {
        <figure class="mini-map">
            <a href=format!("/ideas?area={}", area.slug)>
                <svg
                    class="map"
                    viewBox=format!("0 0 {} {}", frame.width as i64, frame.height as i64)
                    role="img"
                    aria-label=(t.area_map)(&area.name)
                >
                    <path class="area shade-1" d=area.path />
                    {marker}
                </svg>
                <figcaption>{(t.more_in_area)(&area.name)}</figcaption>
            </a>
        </figure>
    }
    .into_any()
}

/// Shown to the resident whose report hid the idea.
#[component]
fn ReportedAndHidden() -> impl IntoView {
    let t = &crate::i18n::use_language().report;
    let all = use_texts();
    view! {
        <Title text=format!("{} – {}", t.thanks, all.site_name) />
        <Meta name="robots" content="noindex" />
        <h1>{t.open}</h1>
        <p class="notice" role="status">
            {t.thanks}
        </p>
        <p>
            <a href="/ideas">{all.nav_ideas}</a>
        </p>
    }
}

/// What the author of an idea the public cannot see is told about it.
fn review_text(t: &crate::i18n::Texts, notice: &ReviewNotice) -> String {
    let reason = notice.reason.as_deref().unwrap_or("");
    if notice.reason.as_deref() == Some(klimadialog::report::AUTO_HIDE_REASON) {
        return crate::i18n::use_language()
            .report
            .hidden_by_reports
            .to_owned();
    }
    match notice.state {
        klimadialog::ModerationState::Rejected => (t.review_rejected)(reason),
        klimadialog::ModerationState::Hidden => (t.review_hidden)(reason),
        _ => t.review_pending.to_owned(),
    }
}
