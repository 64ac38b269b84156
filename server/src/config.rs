//! The command line and environment of the `klimadialog` binary.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use klimadialog::map_tiles::TileTemplate;
use klimadialog_app::config::{ClimateTargets, DebateRulesText, MapTiles, SiteConfig};

/// What `--version` says after the name: the release and the database schema it migrates to,
/// so whoever upgrades can see which backups this build can open.
static VERSION_LINE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{} (database schema {})",
        crate::VERSION,
        klimadialog::storage::schema_version()
    )
});

/// Klimadialog: residents' ideas for a Danish municipality's climate action plan.
///
/// Without a subcommand it serves the site. Every option can also be set in the environment.
#[derive(Debug, Parser)]
#[command(name = "klimadialog", version = VERSION_LINE.as_str(), about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (the default).
    Serve(Box<ServeArgs>),
    /// Add synthetic ideas and supports to the database, for benchmarks.
    Seed(SeedArgs),
    /// Manage staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Write a consistent copy of the database to a new file, or into a folder with a dated
    /// name (`klimadialog-<UTC time>.db`); safe while the site serves.
    Backup(BackupArgs),
    /// Put a backup in place of the database (stop the server first). The backup is checked
    /// first; the database it replaces is kept beside it as `<file>.replaced-<time>`.
    Restore(RestoreArgs),
    /// Make the digest rounds that are due (the running server's mail worker sends them).
    /// The server does this by itself every minute; by hand it helps after a long outage,
    /// and tests use `--at` to be next Monday morning without waiting for it.
    Digests(DigestArgs),
}

#[derive(Debug, Clone, Args)]
pub struct DigestArgs {
    /// The time to make them as of: Unix seconds, or Danish local time "2026-12-07 07:00".
    /// Now, if left out.
    #[arg(long)]
    pub at: Option<String>,
    /// Only the rounds of this schedule (`at_once`, `daily` or `weekly`); all, if left out.
    #[arg(long, value_parser = ["at_once", "daily", "weekly"])]
    pub schedule: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// The backup file, or a folder to write a dated backup into.
    pub path: std::path::PathBuf,
    /// In a folder: keep only this many backups, deleting the oldest.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub keep: Option<u16>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file.
    pub path: std::path::PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a staff account. The password is asked for on the terminal, or read from the first
    /// line of standard input when that is not a terminal; never from the command line, where
    /// other users of the machine could see it.
    Add(StaffAddArgs),
}

#[derive(Debug, Clone, Args)]
pub struct StaffAddArgs {
    /// The login name (2-60 lowercase letters, digits, dots, hyphens, underscores).
    pub name: String,
    /// `moderator` or `admin`.
    #[arg(long, value_parser = ["moderator", "admin"], default_value = "moderator")]
    pub role: String,
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// The SQLite database (a path or sqlite:// URL); created if missing.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://klimadialog.db",
        global = true
    )]
    pub database_url: String,
}

#[derive(Debug, Clone, Parser)]
#[command(name = "serve")]
pub struct ServeArgs {
    /// The address and port to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub site_addr: SocketAddr,

    /// The folder with the built site (the WebAssembly bundle, CSS and public files).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// Fill a new, empty database with the demo ideas. Turn off in production.
    #[arg(long, env = "KLIMADIALOG_DEMO", default_value_t = true, action = clap::ArgAction::Set)]
    pub demo: bool,

    /// The municipality's name as residents know it.
    #[arg(
        long,
        env = "KLIMADIALOG_MUNICIPALITY",
        default_value = "Aalborg Kommune"
    )]
    pub municipality: String,

    /// The municipality's website.
    #[arg(
        long,
        env = "KLIMADIALOG_MUNICIPALITY_URL",
        default_value = "https://www.aalborg.dk"
    )]
    pub municipality_url: String,

    /// Where residents report accessibility problems (shown in the accessibility statement).
    #[arg(long, env = "KLIMADIALOG_ACCESSIBILITY_EMAIL")]
    pub accessibility_email: Option<String>,

    /// The official accessibility statement, made in Digitaliseringsstyrelsen's WAS-Tool, e.g.
    /// `https://www.was.digst.dk/klimadialog-aalborg-dk`. The footer's "Tilgængelighedserklæring"
    /// and `/was` lead there; the site's own page then shows how it is tested, as evidence.
    #[arg(long, env = "KLIMADIALOG_ACCESSIBILITY_STATEMENT_URL")]
    pub accessibility_statement_url: Option<String>,

    /// A phone number for accessibility problems (the statement must give a phone and a
    /// written contact).
    #[arg(long, env = "KLIMADIALOG_ACCESSIBILITY_PHONE")]
    pub accessibility_phone: Option<String>,

    /// The climate plan's cut in emissions, in per cent (against 1990), said in every footer.
    #[arg(long, env = "KLIMADIALOG_TARGET_PERCENT", default_value_t = 70, value_parser = clap::value_parser!(u8).range(1..=100))]
    pub target_percent: u8,

    /// The year of that cut.
    #[arg(long, env = "KLIMADIALOG_TARGET_YEAR", default_value_t = 2030, value_parser = clap::value_parser!(u16).range(2020..=2100))]
    pub target_year: u16,

    /// The year the municipality is climate neutral at the latest.
    #[arg(long, env = "KLIMADIALOG_NEUTRAL_YEAR", default_value_t = 2050, value_parser = clap::value_parser!(u16).range(2020..=2100))]
    pub neutral_year: u16,

    /// The municipality's data protection officer (databeskyttelsesrådgiver), named in the
    /// privacy notice; without it the notice points to the municipality's website.
    #[arg(long, env = "KLIMADIALOG_DPO_EMAIL")]
    pub dpo_email: Option<String>,

    /// For tests only: lets a request ask for the pseudo-language `en-XA` (English made longer
    /// with accented letters), which shows any text not taken from a language file.
    #[arg(long, env = "KLIMADIALOG_PSEUDO_LOCALE", hide = true)]
    pub pseudo_locale: bool,

    /// When the accessibility statement was last reviewed (YYYY-MM-DD).
    #[arg(
        long,
        env = "KLIMADIALOG_ACCESSIBILITY_REVIEWED",
        default_value = "2026-11-29"
    )]
    pub accessibility_reviewed: String,

    /// The public address of the site, for links residents share (default: http://<site-addr>).
    #[arg(long, env = "KLIMADIALOG_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// When new ideas become public: `pre` (after a moderator approves them; the default) or
    /// `post` (at once; moderators hide what breaks the rules afterwards).
    #[arg(long, env = "KLIMADIALOG_MODERATION", value_enum, default_value_t = ModerationMode::Pre)]
    pub moderation: ModerationMode,

    /// A TOML file with the municipality's own words on the debate rules page: `[da]` and
    /// `[en]` tables with `intro` and an explanation per rule (`respect`, `discrimination`,
    /// `on_topic`, `advertising`, `privacy`, `lawful`). What it leaves out is the built-in text.
    #[arg(long, env = "KLIMADIALOG_DEBATE_RULES")]
    pub debate_rules: Option<PathBuf>,

    /// When residents' arguments under ideas become public: `post` (at once; moderators hide
    /// what breaks the debate rules afterwards; the default) or `pre` (after a moderator
    /// approves them).
    #[arg(long, env = "KLIMADIALOG_DEBATE_MODERATION", value_enum, default_value_t = ModerationMode::Post)]
    pub debate_moderation: ModerationMode,

    /// Open reports by different residents that hide a public idea or argument until a
    /// moderator has looked at it; 0 never hides.
    #[arg(long, env = "KLIMADIALOG_REPORT_THRESHOLD", default_value_t = klimadialog::report::DEFAULT_REPORT_THRESHOLD)]
    pub report_threshold: u32,

    /// How many hours old a resident's account must be before their report counts towards
    /// hiding an idea (every report still reaches the moderators): a resident is only an
    /// e-mail address, and fresh ones are cheap.
    #[arg(
        long,
        env = "KLIMADIALOG_REPORT_MIN_ACCOUNT_HOURS",
        default_value_t = 24
    )]
    pub report_min_account_hours: u32,

    /// A tile server for a background map under the areas on /map, shown when JavaScript runs,
    /// e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png` (HTTPS only). Off by default: every
    /// tile a browser fetches tells the tile server who looked at the map.
    #[arg(long, env = "KLIMADIALOG_MAP_TILES")]
    pub map_tiles: Option<String>,

    /// The credit the tile server asks for, shown under the map with the tiles, e.g.
    /// `Kort: © OpenStreetMap-bidragydere`.
    #[arg(long, env = "KLIMADIALOG_MAP_TILES_CREDIT", default_value = "")]
    pub map_tiles_credit: String,

    /// Where the server keeps its files besides the database (photos, the mail outbox).
    #[arg(long, env = "KLIMADIALOG_DATA_DIR", default_value = "klimadialog-data")]
    pub data_dir: PathBuf,

    /// The SMTP server for mail, e.g. smtps://user:password@mail.example.dk:465. Required,
    /// unless the site runs with demo data or with --mail-outbox.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Write mail as .eml files into <data-dir>/outbox instead of sending it, when there is no
    /// SMTP_URL: for development only. Anyone who can read that folder can sign in as any
    /// resident; without it (or demo data) the server refuses to start with no mail server.
    #[arg(long, env = "KLIMADIALOG_MAIL_OUTBOX", default_value_t = false, action = clap::ArgAction::Set)]
    pub mail_outbox: bool,

    /// Allow a public address over plain http:// that is not this machine (a test
    /// installation without TLS). Cookies then travel unencrypted.
    #[arg(long, env = "KLIMADIALOG_ALLOW_HTTP", default_value_t = false, action = clap::ArgAction::Set)]
    pub allow_http: bool,

    /// Seconds before a failed mail is tried again, doubling after each further failure.
    #[arg(long, env = "KLIMADIALOG_MAIL_RETRY_SECONDS", default_value_t = 30)]
    pub mail_retry_seconds: u64,

    /// At most this many mails a minute, whatever the queues hold: a digest round to thousands
    /// of followers goes out over some minutes rather than in a burst the mail server (or the
    /// residents' providers) would throttle or take for spam.
    #[arg(long, env = "KLIMADIALOG_MAILS_PER_MINUTE", default_value_t = 600, value_parser = clap::value_parser!(u32).range(1..=60_000))]
    pub mails_per_minute: u32,

    /// Per-address limits on sign-in, login, proposals, supports, reports and exports. Turn
    /// off only for load tests on loopback, where one address stands for thousands of clients.
    #[arg(long, env = "KLIMADIALOG_RATE_LIMITS", default_value_t = true, action = clap::ArgAction::Set)]
    pub rate_limits: bool,

    /// Where Prometheus scrapes `/metrics`: an address of its own, never the public site's.
    /// `off` serves no metrics.
    #[arg(
        long,
        env = "KLIMADIALOG_METRICS_ADDR",
        default_value = "127.0.0.1:9464"
    )]
    pub metrics_addr: MetricsAddr,

    /// Keep rendered public pages for visitors without a session for up to ten seconds, until
    /// the database changes. Off only to measure or debug rendering itself.
    #[arg(long, env = "KLIMADIALOG_PAGE_CACHE", default_value_t = true, action = clap::ArgAction::Set)]
    pub page_cache: bool,

    /// Addresses of reverse proxies in front of the server (comma-separated). Only from these
    /// is `X-Forwarded-For` believed, to know the client's address for rate limits.
    #[arg(long, env = "KLIMADIALOG_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// The sender of mail, as residents see it in their inbox, e.g.
    /// `Aalborg Kommune – Klimadialog <klimadialog@aalborg.dk>`. Required with SMTP_URL (a
    /// mail from "localhost" is spam, and the sender is the first thing residents trust).
    #[arg(long, env = "MAIL_FROM")]
    pub mail_from: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModerationMode {
    Pre,
    Post,
}

impl From<ModerationMode> for klimadialog::moderation::ModerationMode {
    fn from(mode: ModerationMode) -> Self {
        match mode {
            ModerationMode::Pre => klimadialog::moderation::ModerationMode::Pre,
            ModerationMode::Post => klimadialog::moderation::ModerationMode::Post,
        }
    }
}

impl ServeArgs {
    /// The sender of mail: as configured; without a mail server, the municipality's name on a
    /// local address (the mail only goes to files).
    pub fn mail_from(&self) -> Result<String, String> {
        let configured = self
            .mail_from
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty());
        let sending = self
            .smtp_url
            .as_deref()
            .is_some_and(|u| !u.trim().is_empty());
        match configured {
            Some(from) if sending && from.contains("@localhost") => Err(format!(
                "MAIL_FROM {from} is a local address: residents' mail servers would treat the \
                 mail as spam. Set the municipality's address."
            )),
            Some(from) => Ok(from.to_owned()),
            None if sending => Err(
                "MAIL_FROM is not set: residents would get mail from nobody. \
                 Set e.g. \"Aalborg Kommune – Klimadialog <klimadialog@aalborg.dk>\"."
                    .to_owned(),
            ),
            None => Ok(format!(
                "{} – Klimadialog <klimadialog@localhost>",
                self.municipality
            )),
        }
    }

    /// The public address: as configured, else this server's own.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .map(|u| u.trim().trim_end_matches('/').to_owned())
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("http://{}", self.site_addr))
    }

    /// The site's configuration; an unusable tile server address, or a public address over
    /// plain http that is not this machine, is refused here, at start.
    pub fn site_config(&self) -> Result<SiteConfig, String> {
        let public_url = self.public_url();
        if !public_url.starts_with("https://") && !self.allow_http && !is_loopback(&public_url) {
            return Err(format!(
                "KLIMADIALOG_PUBLIC_URL {public_url} is not https://: residents' session cookies \
                 would travel unencrypted. Set the https:// address the site is reached at (TLS \
                 may end at a reverse proxy), or KLIMADIALOG_ALLOW_HTTP=true for a test \
                 installation."
            ));
        }
        let accessibility_statement_url = match non_empty(&self.accessibility_statement_url) {
            Some(url) if !url.starts_with("https://") || url.contains(char::is_whitespace) => {
                return Err(format!(
                    "KLIMADIALOG_ACCESSIBILITY_STATEMENT_URL {url} is not an https:// address. \
                     Set the address WAS-Tool gave the statement, e.g. \
                     https://www.was.digst.dk/klimadialog-aalborg-dk."
                ));
            }
            url => url,
        };
        let map_tiles = match self.map_tiles.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(address) => Some(MapTiles {
                template: TileTemplate::parse(address)
                    .map_err(|e| format!("KLIMADIALOG_MAP_TILES: {e}"))?,
                credit: self.map_tiles_credit.trim().to_owned(),
            }),
        };
        Ok(SiteConfig {
            municipality: self.municipality.clone(),
            municipality_url: self.municipality_url.clone(),
            accessibility_email: non_empty(&self.accessibility_email),
            accessibility_phone: non_empty(&self.accessibility_phone),
            accessibility_statement_url,
            accessibility_reviewed: self.accessibility_reviewed.clone(),
            dpo_email: non_empty(&self.dpo_email),
            public_url,
            moderation: self.moderation.into(),
            debate_moderation: self.debate_moderation.into(),
            debate_rules: match &self.debate_rules {
                Some(path) => read_debate_rules(path)
                    .map_err(|e| format!("KLIMADIALOG_DEBATE_RULES {}: {e}", path.display()))?,
                None => DebateRulesText::default(),
            },
            report_hiding: klimadialog::report::HidingRule {
                threshold: self.report_threshold,
                min_account_age: i64::from(self.report_min_account_hours) * 3600,
            },
            map_tiles,
            targets: ClimateTargets {
                reduction_percent: self.target_percent,
                reduction_year: self.target_year,
                neutral_year: self.neutral_year,
            },
            pseudo_locale: self.pseudo_locale,
        })
    }
}

/// A configured text, trimmed; blank counts as not set.
fn non_empty(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Whether an http:// address is this machine (a developer's browser on localhost).
fn is_loopback(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[derive(Debug, Clone, Args)]
pub struct SeedArgs {
    /// How many ideas to add.
    #[arg(long, default_value_t = 10_000)]
    pub ideas: u64,
    /// How many supports to add, spread over the new ideas.
    #[arg(long, default_value_t = 1_000_000)]
    pub supports: u64,
}

/// The longest text the debate rules file may give (characters), and the file's size (bytes).
const MAX_RULE_CHARS: usize = 3000;
const MAX_RULES_FILE_BYTES: u64 = 64 * 1024;

/// Reads the municipality's debate rules file, refusing a file too large, unknown keys,
/// overlong texts and control characters: at start, so a typo never reaches residents.
fn read_debate_rules(path: &std::path::Path) -> Result<DebateRulesText, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_RULES_FILE_BYTES {
        return Err(format!("larger than {MAX_RULES_FILE_BYTES} bytes"));
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let rules: DebateRulesText = toml::from_str(&text).map_err(|e| e.to_string())?;
    for (language, words) in [("da", &rules.da), ("en", &rules.en)] {
        let texts = std::iter::once(("intro", words.intro.as_deref())).chain(
            klimadialog::argument::DebateRule::ALL
                .iter()
                .map(|r| (r.as_str(), words.rule(*r))),
        );
        for (key, text) in texts {
            let Some(text) = text else { continue };
            if text.chars().count() > MAX_RULE_CHARS {
                return Err(format!(
                    "[{language}] {key}: longer than {MAX_RULE_CHARS} characters"
                ));
            }
            if text.trim().is_empty() || text.chars().any(|c| c.is_control() && c != '\n') {
                return Err(format!("[{language}] {key}: empty, or control characters"));
            }
        }
    }
    Ok(rules)
}

/// `KLIMADIALOG_METRICS_ADDR`: an address and port, or `off`.
#[derive(Debug, Clone, Copy)]
pub struct MetricsAddr(pub Option<SocketAddr>);

impl std::str::FromStr for MetricsAddr {
    type Err = String;

    fn from_str(value: &str) -> Result<MetricsAddr, String> {
        match value.trim() {
            "off" | "" => Ok(MetricsAddr(None)),
            address => address.parse().map(|a| MetricsAddr(Some(a))).map_err(|_| {
                format!("{address:?} is neither an address with a port (127.0.0.1:9464) nor off")
            }),
        }
    }
}
