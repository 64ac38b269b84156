//! Server functions, grouped by area of the product. Each is thin: parse input, call the core,
//! map errors.

pub mod ideas;
pub mod me;
pub mod propose;
#[cfg(feature = "ssr")]
pub mod propose_form;
pub mod signin;
