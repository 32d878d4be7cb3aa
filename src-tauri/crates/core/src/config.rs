//! Where the backend is. The app runs on its embedded backend unless Settings point it at a
//! Supabase project; both are described by a [`BackendEndpoint`] so the rest of the core never
//! cares which one it talks to.

use serde::Serialize;
use url::Url;

use crate::error::CoreError;

/// Which kind of backend the app is using.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum BackendMode {
    /// The local server inside the app (no account, no network).
    Embedded,
    /// A Supabase project in the cloud.
    Supabase,
}

/// A backend the core can connect to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendEndpoint {
    /// Embedded or cloud.
    pub mode: BackendMode,
    /// Base URL of the project, e.g. `http://127.0.0.1:49152` or `https://xyz.supabase.co`.
    pub base_url: Url,
}

impl BackendEndpoint {
    /// An endpoint for the embedded backend listening on `address`.
    pub fn embedded(address: std::net::SocketAddr) -> Self {
        let base_url =
            Url::parse(&format!("http://{address}")).expect("a socket address is a valid host");
        Self {
            mode: BackendMode::Embedded,
            base_url,
        }
    }

    /// Parses a backend URL typed by a person; the error says what to change.
    pub fn parse(mode: BackendMode, text: &str) -> Result<Self, CoreError> {
        let trimmed = text.trim();
        let base_url = Url::parse(trimmed).map_err(|e| {
            CoreError::Validation(format!(
                "The backend address \"{trimmed}\" is not a web address ({e}). \
                 Use the form https://your-project.supabase.co"
            ))
        })?;
        match base_url.scheme() {
            "https" => {}
            "http" if is_loopback(&base_url) => {}
            _ => {
                return Err(CoreError::Validation(format!(
                    "The backend address must start with https:// (plain http is only allowed on \
                     this computer), got \"{trimmed}\""
                )));
            }
        }
        Ok(Self { mode, base_url })
    }

    /// The URL of `path` on this backend (`path` starts with `/`).
    pub fn url(&self, path: &str) -> Url {
        let mut url = self.base_url.clone();
        url.set_path(path);
        url
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_and_loopback_http() {
        assert!(BackendEndpoint::parse(BackendMode::Supabase, " https://abc.supabase.co ").is_ok());
        assert!(BackendEndpoint::parse(BackendMode::Supabase, "http://127.0.0.1:54321").is_ok());
        assert!(BackendEndpoint::parse(BackendMode::Supabase, "http://localhost:54321").is_ok());
    }

    #[test]
    fn refuses_plain_http_to_another_machine_with_a_clear_message() {
        let err = BackendEndpoint::parse(BackendMode::Supabase, "http://example.com").unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Validation);
        assert!(err.to_string().contains("https://"), "{err}");
    }

    #[test]
    fn refuses_text_that_is_not_a_url() {
        let err = BackendEndpoint::parse(BackendMode::Supabase, "my project").unwrap_err();
        assert!(err.to_string().contains("\"my project\""), "{err}");
    }

    #[test]
    fn embedded_endpoint_builds_service_urls() {
        let ep = BackendEndpoint::embedded("127.0.0.1:4000".parse().unwrap());
        assert_eq!(ep.url("/health").as_str(), "http://127.0.0.1:4000/health");
        assert_eq!(ep.mode, BackendMode::Embedded);
    }
}
