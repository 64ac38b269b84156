//! The Klimadialog server: opens the database, builds the router and serves it until told to
//! stop. `main.rs` only parses the command line and calls in here, so tests can start the
//! same server on port 0.

pub mod config;
pub mod routes;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use klimadialog::demo;
use klimadialog::storage::{Db, StorageError};
use klimadialog_app::state::AppState;
use klimadialog_app::{App, shell};
use leptos::config::{Env, LeptosOptions};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use crate::config::ServeArgs;

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("database: {0}")]
    Storage(#[from] StorageError),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
}

impl ServerError {
    /// The process exit code: 69 (unavailable) for the network, 70 (software) otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            ServerError::Io(_) => 69,
            ServerError::Storage(_) => 70,
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

/// The whole site as one router.
pub fn router(state: AppState, options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let extra_routes = Router::new()
        .route("/healthz", get(routes::healthz))
        .route("/lang/{tag}", get(routes::switch_language))
        .with_state(state);
    Router::new()
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(options)
        .merge(extra_routes)
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight and closes the database.
pub async fn serve(database_url: &str, args: ServeArgs) -> Result<(), ServerError> {
    let db = open_database(database_url, args.demo).await?;
    let state = AppState {
        db: db.clone(),
        config: Arc::new(args.site_config()),
    };
    let listener = tokio::net::TcpListener::bind(args.site_addr).await?;
    tracing::info!(address = %listener.local_addr()?, "serving Klimadialog");
    let app = router(state, leptos_options(&args));
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("stopped serving; closing the database");
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received");
}
