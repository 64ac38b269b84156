use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use klimadialog_server::config::{Cli, Command, ServeArgs, StaffCommand};
use klimadialog_server::{ServerError, backup_cli, open_database, serve};

/// mimalloc rather than glibc's malloc: a request allocates and frees many small pieces on
/// two threads at once, where glibc's arenas spent a fifth of the CPU (bench/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    klimadialog_server::panics::log_panics();
    let result = match cli.command {
        None => serve(&cli.database.database_url, ServeArgs::parse_from(["serve"])).await,
        Some(Command::Serve(args)) => serve(&cli.database.database_url, *args).await,
        Some(Command::Seed(args)) => {
            seed(&cli.database.database_url, args.ideas, args.supports).await
        }
        Some(Command::Staff(StaffCommand::Add(args))) => {
            klimadialog_server::staff_cli::add(&cli.database.database_url, &args).await
        }
        Some(Command::Backup(args)) => {
            backup_cli::backup(
                &cli.database.database_url,
                &args.path,
                args.keep.map(usize::from),
            )
            .await
        }
        Some(Command::Restore(args)) => {
            backup_cli::restore(&cli.database.database_url, &args.path).await
        }
        Some(Command::Digests(args)) => {
            klimadialog_server::digest_cli::make(
                &cli.database.database_url,
                args.at.as_deref(),
                args.schedule.as_deref(),
            )
            .await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "klimadialog stopped");
            ExitCode::from(error.exit_code())
        }
    }
}

async fn seed(url: &str, ideas: u64, supports: u64) -> Result<(), ServerError> {
    let db = open_database(url, false).await?;
    let started = Instant::now();
    let report = klimadialog::demo::seed_synthetic(&db, ideas, supports).await?;
    db.close().await;
    tracing::info!(
        ideas = report.ideas,
        residents = report.residents,
        supports = report.supports,
        seconds = started.elapsed().as_secs_f64(),
        "seeded"
    );
    Ok(())
}

/// Logs to stderr; `RUST_LOG` filters, `KLIMADIALOG_LOG_FORMAT=json` gives one JSON object a line.
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("KLIMADIALOG_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().init();
    } else {
        builder.init();
    }
}
