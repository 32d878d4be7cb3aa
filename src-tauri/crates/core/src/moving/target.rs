//! The destination of a move: a second authenticated client, for the Supabase project the
//! family's library goes to, beside the connected (source) one. It has its own transport, token
//! manager and limits, and its own event hub, so its sign-in never looks like the app's session
//! changing. The session is kept in the keyring under the project's profile, so switching the app
//! to that project afterwards finds the family already signed in.

use std::fmt;
use std::sync::Arc;

use secrecy::SecretString;
use serde::Deserialize;

use crate::CoreOptions;
use crate::api::ApiClient;
use crate::auth::{AuthClient, SessionStore, TokenManager};
use crate::config::BackendEndpoint;
use crate::error::CoreError;
use crate::events::EventHub;
use crate::http::{RateLimits, Transport, TransportOptions};
use crate::monitor::PerformanceMonitor;

/// Where to move the library, as Settings collects it.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoveDestination {
    /// The project's address (`https://<ref>.supabase.co`).
    pub url: String,
    /// Its anon (or publishable) key.
    pub anon_key: String,
    /// The account to sign in with; without it, the session already kept for that project.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub email: Option<String>,
    /// Its password.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub password: Option<String>,
}

impl fmt::Debug for MoveDestination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MoveDestination")
            .field("url", &self.url)
            .field("anon_key", &"<redacted>")
            .field("email", &self.email.as_ref().map(|_| "<redacted>"))
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// A signed-in client of the destination.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub api: ApiClient,
    pub user_id: String,
    pub endpoint: BackendEndpoint,
}

/// Checks the destination answers and signs in to it.
pub(crate) async fn connect(
    options: &CoreOptions,
    destination: &MoveDestination,
) -> Result<Target, CoreError> {
    let endpoint = BackendEndpoint::supabase(&destination.url, &destination.anon_key)?;
    let key = SecretString::from(destination.anon_key.trim().to_owned());
    let transport = Transport::new(
        endpoint.clone(),
        key,
        options.clock.clone(),
        Arc::new(PerformanceMonitor::new()),
        &TransportOptions {
            sleeper: options.sleeper.clone(),
            timer: options.timer.clone(),
            pins: endpoint.pins.clone(),
            extra_roots: options.extra_roots.clone(),
        },
    )?;
    transport.health().await?;
    let events = EventHub::new();
    let tokens = TokenManager::new(
        AuthClient::new(transport.clone()),
        SessionStore::new(options.secrets.clone(), &endpoint.profile_id()),
        events.clone(),
    );
    let email = destination.email.as_deref().map(str::trim).unwrap_or("");
    let info = if email.is_empty() {
        tokens.restore().await?;
        if !tokens.validate().await? {
            return Err(CoreError::Validation(
                "There is no account signed in on that project yet. Type its email and \
                 password to move the library there."
                    .into(),
            ));
        }
        tokens.info().ok_or_else(CoreError::unauthorized)?
    } else {
        let password = SecretString::from(destination.password.clone().unwrap_or_default());
        tokens.sign_in(email, &password).await?
    };
    let limits = Arc::new(RateLimits::seed(options.clock.clone()));
    Ok(Target {
        api: ApiClient::new(transport, tokens, limits, events),
        user_id: info.user_id,
        endpoint,
    })
}
