//! The server as residents, staff and operators meet it: the real router on port 0 with a fresh
//! SQLite file per test, asked over real HTTP, and the real binary for the command line.
//!
//! One test binary rather than one per file: each links the whole server, and on a two-core
//! machine linking a dozen of them cost more than running every test.

#[path = "../../../tests/support/images.rs"]
mod images;
#[path = "../../../tests/support/smtp.rs"]
mod smtp;
#[path = "../support/mod.rs"]
mod test_app;

mod answer;
mod area;
mod argument;
mod argument_export;
mod argument_moderation;
mod assets;
mod audit;
mod authorization;
mod batch;
mod cli;
mod digest;
mod docs;
mod durability;
mod export;
mod faults;
mod follow;
mod hostile;
mod http;
mod listing;
mod load;
mod logs;
mod map_tiles;
mod merge;
mod metrics;
mod moderation;
mod my_data;
mod open_data;
mod page_cache;
mod photo;
mod plan;
mod plan_import;
mod propose;
mod rate_limits;
mod report;
mod retention;
mod signin;
mod staff;
mod staff_ideas;
mod support;
mod team;
mod workload;
