//! Pages make a fixed number of database queries whatever the number of ideas: no query per
//! idea. Every statement sqlx runs is logged as an event with target `sqlx::query`; this test
//! binary counts them with a tracing layer of its own (one test, so nothing else runs queries
//! meanwhile).

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};

use klimadialog::storage::{NewIdea, now};
use klimadialog::{Category, CategoryKey, IdeaDescription, IdeaTitle, ModerationState};
use support::TestApp;
use tracing_subscriber::layer::SubscriberExt;

static QUERIES: AtomicUsize = AtomicUsize::new(0);

struct CountQueries;

/// The statement's summary (its first words), to leave out the PRAGMAs a new pool connection
/// runs: those depend on the pool, not on the page.
#[derive(Default)]
struct Summary(String);

impl tracing::field::Visit for Summary {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "summary" {
            self.0 = value.to_owned();
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" {
            self.0 = format!("{value:?}");
        }
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountQueries {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut summary = Summary::default();
        event.record(&mut summary);
        if !summary
            .0
            .trim_start_matches('"')
            .to_uppercase()
            .starts_with("PRAGMA")
        {
            QUERIES.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// The queries of one request of `path`: the fewer of two in a row. Trending scores are worked
/// out at most once a minute, by whichever request comes first in it; that work belongs to the
/// minute, not to the page, and falls in at most one of two requests.
async fn queries_for(app: &TestApp, path: &str) -> usize {
    let mut counts = Vec::new();
    for _ in 0..2 {
        QUERIES.store(0, Ordering::SeqCst);
        let (status, _) = app.get(path).await;
        assert!(status.is_success(), "{path}: {status}");
        counts.push(QUERIES.load(Ordering::SeqCst));
    }
    counts.into_iter().min().unwrap_or(0)
}

#[tokio::test]
async fn pages_make_the_same_number_of_queries_however_many_ideas_there_are() {
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(CountQueries))
        .unwrap();
    // Rendering is what is counted here, so without the copy of pages kept for visitors.
    let app = TestApp::spawn_without_mail_worker(&["--page-cache", "false"]).await;
    let pages = [
        "/",
        "/ideas",
        "/ideas?sort=trending&area=9370-hals",
        "/ideas?q=cykelsti",
        "/map",
        "/stats",
        "/ideas/1",
    ];
    let mut before = Vec::new();
    for path in pages {
        before.push(queries_for(&app, path).await);
    }
    for n in 0..150 {
        app.db
            .insert_idea(&NewIdea {
                title: IdeaTitle::parse(&format!("Ekstra idé nummer {n} i Hals")).unwrap(),
                description: IdeaDescription::parse("Endnu en idé om cykelsti og regnvand i Hals.")
                    .unwrap(),
                category: Category::Sector(CategoryKey::parse("transport").unwrap()),
                area: klimadialog::AreaId(13),
                point: None,
                exact_point: false,
                photo: None,
                author: None,
                moderation: ModerationState::Published,
                created_at: now(),
            })
            .await
            .unwrap();
    }
    for (path, before) in pages.iter().zip(before) {
        let after = queries_for(&app, path).await;
        assert_eq!(
            after, before,
            "{path}: {before} queries before 150 more ideas, {after} after"
        );
        assert!(after <= 20, "{path}: {after} queries");
    }

    // With the copy kept, a crowd of visitors costs the database one page's queries (two, if
    // the minute's trending refresh, itself a write, falls among them).
    let app = TestApp::spawn_without_mail_worker(&[]).await;
    for path in pages {
        app.get(path).await;
        app.db.mark_changed();
        QUERIES.store(0, Ordering::SeqCst);
        for _ in 0..20 {
            let (status, _) = app.get(path).await;
            assert!(status.is_success(), "{path}: {status}");
        }
        let crowd = QUERIES.load(Ordering::SeqCst);
        app.db.mark_changed();
        QUERIES.store(0, Ordering::SeqCst);
        app.get(path).await;
        let one = QUERIES.load(Ordering::SeqCst);
        assert!(
            one > 0 && crowd <= 2 * one,
            "{path}: 20 visitors cost {crowd} queries, one page {one}"
        );
    }
}
