//! Where the backend is. The app runs on its embedded backend unless Settings point it at a
//! Supabase project; both are described by a [`BackendEndpoint`] so the rest of the core never
//! cares which one it talks to.

use secrecy::{ExposeSecret, SecretString};
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

/// The project API key (anon JWT or `sb_publishable_…`): a secret, redacted in `Debug`.
#[derive(Clone, Debug)]
pub struct ApiKey(pub SecretString);

impl PartialEq for ApiKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.expose_secret() == other.0.expose_secret()
    }
}

impl Eq for ApiKey {}

/// A backend the core can connect to (a "profile": embedded, or a Supabase project).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendEndpoint {
    /// Embedded or cloud.
    pub mode: BackendMode,
    /// Base URL of the project, e.g. `http://127.0.0.1:49152` or `https://xyz.supabase.co`.
    pub base_url: Url,
    /// The project's API key; without it only the health check works.
    pub api_key: Option<ApiKey>,
    /// SPKI SHA-256 pins (base64) for an https backend; empty = no pinning.
    pub pins: Vec<String>,
}

impl BackendEndpoint {
    /// An endpoint for the embedded backend listening on `address`.
    pub fn embedded(address: std::net::SocketAddr) -> Self {
        let base_url =
            Url::parse(&format!("http://{address}")).expect("a socket address is a valid host");
        Self {
            mode: BackendMode::Embedded,
            base_url,
            api_key: None,
            pins: Vec::new(),
        }
    }

    /// The same endpoint with its API key.
    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(ApiKey(SecretString::from(key.into())));
        self
    }

    /// A Supabase project from what a person typed in Settings: URL and anon (or publishable)
    /// key, both validated with messages that say what to change.
    pub fn supabase(url: &str, key: &str) -> Result<Self, CoreError> {
        let endpoint = Self::parse(BackendMode::Supabase, url)?;
        let key = key.trim();
        let jwt_like = key.split('.').count() == 3 && key.starts_with("eyJ");
        if !(jwt_like || key.starts_with("sb_publishable_")) {
            return Err(CoreError::Validation(
                "The project key does not look right. Copy the \"anon\" or \"publishable\" key \
                 from the Supabase dashboard (Project Settings → API)."
                    .into(),
            ));
        }
        Ok(endpoint.with_api_key(key))
    }

    /// The name under which this backend's session is stored: one per profile, and stable
    /// across restarts of the embedded backend (whose port changes every run).
    pub fn profile_id(&self) -> String {
        match self.mode {
            BackendMode::Embedded => "embedded".into(),
            BackendMode::Supabase => {
                format!("supabase/{}", self.base_url.host_str().unwrap_or("unknown"))
            }
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
        Ok(Self {
            mode,
            base_url,
            api_key: None,
            pins: Vec::new(),
        })
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
    fn supabase_profiles_need_a_plausible_key_and_get_their_own_session_slot() {
        let err = BackendEndpoint::supabase("https://abc.supabase.co", "hello").unwrap_err();
        assert!(err.to_string().contains("anon"), "{err}");
        let ok = BackendEndpoint::supabase("https://abc.supabase.co", "sb_publishable_x").unwrap();
        assert_eq!(ok.profile_id(), "supabase/abc.supabase.co");
        assert!(
            !format!("{ok:?}").contains("sb_publishable_x"),
            "the key is redacted"
        );
        let emb = BackendEndpoint::embedded("127.0.0.1:4000".parse().unwrap());
        assert_eq!(emb.profile_id(), "embedded");
    }

    #[test]
    fn embedded_endpoint_builds_service_urls() {
        let ep = BackendEndpoint::embedded("127.0.0.1:4000".parse().unwrap());
        assert_eq!(ep.url("/health").as_str(), "http://127.0.0.1:4000/health");
        assert_eq!(ep.mode, BackendMode::Embedded);
    }
}
