//! Who is asking: the address rate limits count by. Behind the municipality's reverse proxy
//! every connection comes from the proxy, so counting by it would make one resident's flood
//! everyone's lock-out; the proxy's `X-Forwarded-For` is believed only when the connection
//! comes from an address configured as a trusted proxy, never otherwise (anyone can send it).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use klimadialog_session::ClientAddress;

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<Vec<IpAddr>>);

impl TrustedProxies {
    pub fn new(addresses: Vec<IpAddr>) -> TrustedProxies {
        // A server listening on [::] sees IPv4 proxies as ::ffff:a.b.c.d: compared canonical.
        TrustedProxies(Arc::new(
            addresses.into_iter().map(|a| a.to_canonical()).collect(),
        ))
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.contains(&address)
    }

    /// The client's address, as limits count it (see `klimadialog::limits::client_key`):
    /// the connection's, or, through trusted proxies, the right-most address in the
    /// `X-Forwarded-For` lines (all of them, in order: a proxy may add a line of its own after
    /// the client's) that is not itself a trusted proxy; the ones before it were written by the
    /// client and prove nothing.
    pub fn resolve<'a>(
        &self,
        peer: IpAddr,
        forwarded_for: impl IntoIterator<Item = &'a str>,
    ) -> IpAddr {
        let peer = peer.to_canonical();
        let client = if self.trusts(peer) {
            let lines: Vec<&str> = forwarded_for.into_iter().collect();
            lines
                .iter()
                .rev()
                .flat_map(|line| line.rsplit(','))
                .map(hop_address)
                .take_while(Option::is_some)
                .flatten()
                .find(|hop| !self.trusts(*hop))
                .unwrap_or(peer)
        } else {
            peer
        };
        klimadialog::limits::client_key(client)
    }
}

/// One hop of `X-Forwarded-For`: an address, perhaps with a port (`192.0.2.1:5678`,
/// `[2001:db8::1]:80`) or in brackets.
fn hop_address(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    let address = hop
        .parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .and_then(|h| h.parse().ok())
        })?;
    Some(address.to_canonical())
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
            .get_all("x-forwarded-for")
            .iter()
            .map(|v| v.to_str().unwrap_or("garbage"));
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
    fn every_forwarded_line_counts_and_the_right_most_untrusted_hop_wins() {
        let proxies = TrustedProxies::new(vec![ip("10.0.0.1")]);
        // The client sent a line of its own; the proxy added the real address as a second.
        let lines = ["1.1.1.1", "198.51.100.7"];
        assert_eq!(proxies.resolve(ip("10.0.0.1"), lines), ip("198.51.100.7"));
        // Ports and brackets are taken off.
        assert_eq!(
            proxies.resolve(ip("10.0.0.1"), ["198.51.100.7:50312"]),
            ip("198.51.100.7")
        );
        assert_eq!(
            proxies.resolve(ip("10.0.0.1"), ["[2001:db8::7]:443"]),
            ip("2001:db8::")
        );
    }

    #[test]
    fn an_ipv4_proxy_is_trusted_when_the_server_listens_on_ipv6() {
        let proxies = TrustedProxies::new(vec![ip("10.0.0.1")]);
        assert_eq!(
            proxies.resolve(ip("::ffff:10.0.0.1"), Some("198.51.100.7")),
            ip("198.51.100.7")
        );
        let mapped = TrustedProxies::new(vec![ip("::ffff:10.0.0.1")]);
        assert_eq!(
            mapped.resolve(ip("10.0.0.1"), Some("198.51.100.7")),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn an_ipv6_client_counts_by_its_64() {
        let proxies = TrustedProxies::default();
        assert_eq!(
            proxies.resolve(ip("2001:db8:5:6:1:2:3:4"), None),
            ip("2001:db8:5:6::")
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
