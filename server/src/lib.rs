//! The Klimadialog server: opens the database, builds the router and serves it until told to
//! stop. `main.rs` only parses the command line and calls in here, so tests can start the
//! same server on port 0.

/// The release, as `--version`, `/healthz` and `/metrics` name it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod argument_export;
pub mod assets;
pub mod backup_cli;
pub mod client_address;
pub mod config;
pub mod csv;
pub mod digest_cli;
pub mod flood_guard;
pub mod idea_export;
pub mod mail_worker;
pub mod metrics;
pub mod open_actions;
pub mod open_data;
pub mod page_cache;
pub mod panics;
pub mod paths;
pub mod plan_export;
pub mod request_log;
pub mod routes;
pub mod staff_cli;
pub mod staff_export;
pub mod streamed;
pub mod unsubscribe;
pub mod upkeep;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use klimadialog::demo;
use klimadialog::limits::Limits;
use klimadialog::mail::{MailError, Mailer};
use klimadialog::signin::ClientTagger;
use klimadialog::storage::{Db, StorageError};
use klimadialog_app::forms::propose as propose_form;
use klimadialog_app::state::{AppState, Services};
use klimadialog_app::{App, shell};
use leptos::config::{Env, LeptosOptions};
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::config::ServeArgs;

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("database: {0}")]
    Storage(#[from] StorageError),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    #[error("mail: {0}")]
    Mail(#[from] MailError),
    #[error("{0}")]
    Usage(String),
}

impl ServerError {
    /// The process exit code (BSD sysexits): 69 (unavailable) for the network, 70 (software)
    /// for the database, 78 (configuration) for mail, 64 (usage) for the command line.
    pub fn exit_code(&self) -> u8 {
        match self {
            ServerError::Io(_) => 69,
            ServerError::Storage(_) => 70,
            ServerError::Mail(_) => 78,
            ServerError::Usage(_) => 64,
        }
    }
}

/// Opens the database and makes sure it has the reference data, and the demo if asked.
pub async fn open_database(url: &str, with_demo: bool) -> Result<Db, ServerError> {
    let db = Db::open(url).await?;
    demo::install_reference_data(&db).await?;
    if with_demo {
        if db.count_ideas().await? == 0 {
            tracing::warn!(
                "installing demo ideas into an empty database; set KLIMADIALOG_DEMO=false in production"
            );
        }
        demo::install_demo(&db).await?;
    }
    Ok(db)
}

/// Everything requests need: the database, the site's configuration and the mailer.
pub fn app_state(db: Db, args: &ServeArgs) -> Result<AppState, ServerError> {
    let from = args.mail_from().map_err(ServerError::Usage)?;
    let mailer = match args
        .smtp_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(url) => Mailer::smtp(url, &from)?,
        None if args.demo || args.mail_outbox => {
            let outbox = args.data_dir.join("outbox");
            tracing::warn!(outbox = %outbox.display(), "no SMTP_URL: mail is not sent but written to the outbox folder (development only)");
            Mailer::outbox(outbox, &from)?
        }
        None => {
            return Err(ServerError::Usage(
                "no SMTP_URL: residents could not get their sign-in codes. Set SMTP_URL to the \
                 mail server, or KLIMADIALOG_MAIL_OUTBOX=true to write mail to files (development \
                 only)."
                    .to_owned(),
            ));
        }
    };
    Ok(AppState::new(Services {
        db,
        config: Arc::new(args.site_config().map_err(ServerError::Usage)?),
        mailer,
        clients: ClientTagger::default(),
        limits: Arc::new({
            if !args.rate_limits {
                tracing::warn!(
                    "rate limits are off (KLIMADIALOG_RATE_LIMITS=false): only for load tests"
                );
            }
            Limits::new(args.rate_limits)
        }),
        photo_dir: Arc::new(args.data_dir.join("photos")),
        mail_queued: Default::default(),
    }))
}

pub fn leptos_options(args: &ServeArgs) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") => Env::DEV,
        _ => Env::PROD,
    };
    LeptosOptions::builder()
        .output_name("klimadialog")
        .site_root(args.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(args.site_addr)
        .env(env)
        .build()
}

/// The whole site as one router, counting what it answers in `metrics`.
pub fn router(state: AppState, args: &ServeArgs, metrics: &Arc<metrics::Metrics>) -> Router {
    let options = leptos_options(args);
    let proxies = client_address::TrustedProxies::new(args.trusted_proxies.clone());
    let flood_guard = flood_guard::FloodGuard::new(args.rate_limits);
    let page_cache = page_cache::PageCache::new(
        state.db.clone(),
        args.page_cache,
        args.pseudo_locale,
        state.config.secure_cookies(),
    );
    let routes = generate_route_list(App);
    let assets = assets::Assets::load(&args.site_root);
    let asset_names = assets.names().clone();
    let staff_state = state.clone();
    let header_state = state.clone();
    let csrf_state = state.clone();
    let fault_state = state.clone();
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(asset_names.clone());
            // The nonce the security headers put in the policy, for the page's inline scripts
            // (in place of the one leptos_axum made, which no header would name).
            let parts = use_context::<http::request::Parts>();
            let nonce = parts
                .as_ref()
                .and_then(|parts| parts.extensions.get::<leptos::nonce::Nonce>().cloned());
            if let Some(nonce) = nonce {
                provide_context(nonce);
            }
            // The page cache's render for all signed-in residents (see `personal`).
            let shared = parts.as_ref().and_then(|parts| {
                parts
                    .extensions
                    .get::<klimadialog_app::personal::SharedRender>()
                    .copied()
            });
            if let Some(shared) = shared {
                provide_context(shared);
            }
        }
    };
    let extra_routes = Router::new()
        .route(paths::HEALTH, get(routes::healthz))
        .route(
            &format!("{}{{tag}}", paths::LANGUAGE),
            get(routes::switch_language),
        )
        .route(paths::WAS, get(routes::was))
        .route(
            &format!("{}{{key}}", paths::UNSUBSCRIBE),
            post(unsubscribe::stop),
        )
        .route(&format!("{}{{name}}", paths::PHOTOS), get(routes::photo))
        .route(paths::OPEN_DATA_JSON, get(open_data::ideas_json))
        .route(paths::OPEN_DATA_GEOJSON, get(open_data::ideas_geojson))
        .route(paths::OPEN_DATA_ARGUMENTS, get(open_data::arguments_json))
        .route(paths::OPEN_DATA_ACTIONS_JSON, get(open_actions::json))
        .route(paths::OPEN_DATA_ACTIONS_CSV, get(open_actions::csv))
        .route(paths::AUDIT_CSV, get(staff_export::audit_csv))
        .route(paths::EXPORT_IDEAS, get(idea_export::by_format))
        .route(paths::EXPORT_IDEAS_CSV, get(idea_export::csv))
        .route(paths::EXPORT_IDEAS_XLSX, get(idea_export::xlsx))
        .route(paths::EXPORT_IDEAS_GEOJSON, get(idea_export::geojson))
        .route(paths::EXPORT_IDEAS_JSON, get(idea_export::json))
        .route(paths::EXPORT_ARGUMENTS_CSV, get(argument_export::csv))
        .route(paths::EXPORT_ARGUMENTS_JSON, get(argument_export::json))
        .route(paths::EXPORT_ACTIONS_CSV, get(plan_export::csv))
        .route(paths::EXPORT_ACTIONS_XLSX, get(plan_export::xlsx))
        .route(
            paths::AREAS_UPLOAD,
            post(klimadialog_app::forms::area::upload_areas).layer(DefaultBodyLimit::max(
                klimadialog_app::forms::area::MAX_UPLOAD_BYTES,
            )),
        )
        .route(
            paths::PLAN_UPLOAD,
            post(klimadialog_app::forms::plan_import::upload_plan).layer(DefaultBodyLimit::max(
                klimadialog_app::forms::plan_import::MAX_UPLOAD_BYTES,
            )),
        )
        .route(
            paths::BASELINE,
            post(klimadialog_app::forms::baseline::save_baseline).layer(DefaultBodyLimit::max(
                klimadialog_app::forms::baseline::MAX_FORM_BYTES,
            )),
        )
        .route(
            paths::BATCH,
            post(klimadialog_app::forms::batch::run_batch).layer(DefaultBodyLimit::max(
                klimadialog_app::forms::batch::MAX_BATCH_FORM_BYTES,
            )),
        )
        .route(
            paths::PROPOSE_FORM,
            post(propose_form::save_draft)
                .layer(DefaultBodyLimit::max(propose_form::MAX_FORM_BYTES)),
        )
        .with_state(state);
    let site = Router::new()
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .layer(RequestBodyLimitLayer::new(routes::MAX_BODY_BYTES))
        .with_state(options)
        .merge(extra_routes)
        .layer(axum::middleware::from_fn_with_state(
            csrf_state,
            routes::refuse_cross_site_writes,
        ))
        .layer(axum::middleware::from_fn_with_state(
            staff_state,
            routes::staff_pages_need_login,
        ))
        .layer(axum::middleware::from_fn_with_state(
            fault_state,
            routes::server_fn_error_status,
        ))
        .layer(axum::middleware::from_fn_with_state(
            flood_guard,
            flood_guard::guard,
        ))
        // Inside the security headers, so the built files get them too.
        .layer(axum::middleware::from_fn_with_state(assets, assets::serve))
        .layer(axum::middleware::from_fn_with_state(
            header_state,
            routes::security_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            proxies,
            client_address::resolve_client_address,
        ))
        .layer(axum::middleware::from_fn(request_log::record));
    // The page cache goes around the whole site as one service rather than on each route:
    // axum clones a route's whole stack of layers and their states for every request, which
    // cost a page served from memory more than the rest of its work.
    Router::new()
        .fallback_service(site)
        .layer(axum::middleware::from_fn_with_state(
            page_cache,
            page_cache::serve,
        ))
        .layer(panics::layer())
        // Outside the panic catcher, so a panic's 500 is counted too.
        .layer(axum::middleware::from_fn_with_state(
            metrics.clone(),
            metrics::count,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http().make_span_with(request_log::span))
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight and closes the database.
pub async fn serve(database_url: &str, args: ServeArgs) -> Result<(), ServerError> {
    let db = open_database(database_url, args.demo).await?;
    let state = app_state(db.clone(), &args)?;
    mail_worker::spawn(
        state.clone(),
        args.mail_retry_seconds,
        args.mails_per_minute,
    );
    upkeep::spawn(db.clone(), args.data_dir.clone());
    let shutdown = shutdown_signal();
    let listener = tokio::net::TcpListener::bind(args.site_addr).await?;
    let metrics = Arc::new(metrics::Metrics::default());
    if let Some(address) = args.metrics_addr.0 {
        let listener = tokio::net::TcpListener::bind(address).await?;
        tracing::info!(metrics_address = %listener.local_addr()?, "serving /metrics");
        let scrape = metrics::router(
            metrics.clone(),
            db.clone(),
            klimadialog::storage::database_file(database_url),
        );
        // Stops with the process; a scrape in flight at shutdown is worth nothing.
        tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, scrape).await {
                tracing::error!(%error, "the metrics listener stopped");
            }
        });
    }
    tracing::info!(address = %listener.local_addr()?, "serving Klimadialog");
    let app = router(state, &args, &metrics);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    tracing::info!("stopped serving; closing the database");
    db.close().await;
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C. The handlers are registered when this is called, not when it
/// is first awaited, so a signal that comes right after start-up is not lost (it would
/// otherwise kill the process without a clean shutdown).
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let handlers = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        )
    };
    async move {
        #[cfg(unix)]
        match handlers {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => {},
                    _ = int.recv() => {},
                }
            }
            (term, int) => {
                tracing::error!(
                    ?term,
                    ?int,
                    "cannot listen for SIGTERM/SIGINT; stop with SIGKILL"
                );
                std::future::pending::<()>().await
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutdown signal received");
    }
}
