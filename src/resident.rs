//! Residents: who they are to the system (an e-mail address) and how they appear to others.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ResidentId(pub i64);

/// Why an e-mail address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EmailError {
    #[error("the e-mail address is empty")]
    Empty,
    #[error("the e-mail address is too long")]
    TooLong,
    #[error("this is not an e-mail address")]
    Invalid,
}

/// An e-mail address, trimmed and in lowercase, so one person is one resident however they
/// type it. The check is deliberately plain: whether the address works is proven by the code
/// mailed to it, not by syntax.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_CHARS: usize = 254;

    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let address = input.trim().to_lowercase();
        if address.is_empty() {
            return Err(EmailError::Empty);
        }
        if address.chars().count() > Self::MAX_CHARS {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = address.rsplit_once('@').ok_or(EmailError::Invalid)?;
        let local_ok = !local.is_empty()
            && local.chars().count() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|label| {
                !label.is_empty()
                    && label.chars().count() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local_ok && domain_ok {
            Ok(EmailAddress(address))
        } else {
            Err(EmailError::Invalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_normalised() {
        let a = EmailAddress::parse("  Mette.Hansen@Aalborg.DK ").unwrap();
        assert_eq!(a.as_str(), "mette.hansen@aalborg.dk");
        assert_eq!(
            EmailAddress::parse("søren@blåbær.dk").unwrap().as_str(),
            "søren@blåbær.dk"
        );
        assert!(EmailAddress::parse("a+klima@example.org").is_ok());
    }

    #[test]
    fn non_addresses_are_refused() {
        assert_eq!(EmailAddress::parse("   "), Err(EmailError::Empty));
        for bad in [
            "mette",
            "mette@",
            "@aalborg.dk",
            "mette@aalborg",
            "mette@@aalborg.dk",
            "me tte@aalborg.dk",
            "mette@aalborg..dk",
            ".mette@aalborg.dk",
            "mette@-aalborg.dk",
            "<script>@x.dk",
            "mette@aalborg.dk\r\nBcc: x@y.dk",
            "mette\u{0}@aalborg.dk",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(EmailError::Invalid),
                "{bad:?}"
            );
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(EmailAddress::parse(&long), Err(EmailError::TooLong));
    }
}
