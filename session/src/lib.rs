//! The HTTP session layer: the site's cookies, each with its attributes in one place; who a
//! request comes from (a signed-in resident, a staff member and their role); the client's
//! address for limits; and where redirects may go. Both the Leptos server functions (through
//! `klimadialog_app::session`, which reads the request from the reactive context) and the
//! server's own handlers and middleware use it, so neither reaches into the other.

pub mod client;
pub mod cookies;
pub mod redirect;
pub mod who;

pub use client::{ClientAddress, client_address_in};
pub use cookies::SiteCookie;
pub use redirect::{is_local_path, local_path};
pub use who::{StaffRefused, resident_of, staff_of};
