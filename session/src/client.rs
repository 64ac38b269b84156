//! The client's address, for limits.

/// The client's address as the server resolved it (through trusted proxies), for rate limits:
/// IPv6 by its /64 (`klimadialog::limits::client_key`). The server puts it into each request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The client's address from a request's extensions: as resolved by the server, else the
/// connection's.
pub fn client_address_in(extensions: &http::Extensions) -> String {
    let resolved = extensions.get::<ClientAddress>().map(|c| c.0);
    resolved
        .or_else(|| {
            extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| klimadialog::limits::client_key(c.0.ip()))
        })
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}
