//! Who is asking: the address rate limits count by. Behind the municipality's reverse proxy
//! every connection comes from the proxy, so counting by it would make one resident's flood
//! everyone's lock-out; the proxy's `X-Forwarded-For` is believed only when the connection
//! comes from an address configured as a trusted proxy, never otherwise (anyone can send it).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use klimadialog_app::session::ClientAddress;

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<Vec<IpAddr>>);

impl TrustedProxies {
    pub fn new(addresses: Vec<IpAddr>) -> TrustedProxies {
        TrustedProxies(Arc::new(addresses))
    }

    /// The client's address: the connection's, or, through trusted proxies, the last address
    /// in `X-Forwarded-For` that is not itself a trusted proxy (the ones before it were
    /// written by the client and prove nothing).
    pub fn resolve(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.0.contains(&peer) {
            return peer;
        }
        forwarded_for
            .into_iter()
            .flat_map(|list| list.rsplit(','))
            .map(|hop| hop.trim().parse::<IpAddr>())
            .take_while(Result::is_ok)
            .flatten()
            .find(|hop| !self.0.contains(hop))
            .unwrap_or(peer)
    }
}

/// Puts the resolved [`ClientAddress`] into the request for the limits and server functions.
pub async fn resolve_client_address(
    State(proxies): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    if let Some(peer) = peer {
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        let client = proxies.resolve(peer, forwarded);
        request.extensions_mut().insert(ClientAddress(client));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_untrusted_connection_is_the_client_whatever_it_claims() {
        let proxies = TrustedProxies::new(vec![ip("10.0.0.1")]);
        assert_eq!(
            proxies.resolve(ip("203.0.113.9"), Some("198.51.100.1")),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn through_trusted_proxies_the_last_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::new(vec![ip("10.0.0.1"), ip("10.0.0.2")]);
        let forwarded = Some("1.1.1.1, 198.51.100.7, 10.0.0.2");
        assert_eq!(
            proxies.resolve(ip("10.0.0.1"), forwarded),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn garbage_or_no_header_leaves_the_proxy_as_the_client() {
        let proxies = TrustedProxies::new(vec![ip("10.0.0.1")]);
        assert_eq!(proxies.resolve(ip("10.0.0.1"), None), ip("10.0.0.1"));
        assert_eq!(
            proxies.resolve(ip("10.0.0.1"), Some("not-an-address")),
            ip("10.0.0.1")
        );
        // A forged hop before garbage is not believed.
        assert_eq!(
            proxies.resolve(ip("10.0.0.1"), Some("198.51.100.7, <script>")),
            ip("10.0.0.1")
        );
    }
}
