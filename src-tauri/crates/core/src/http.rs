//! The HTTP client for the backend. For now it knows the health route; the full request
//! pipeline (auth headers, request ids, retry, limits) grows here.

use std::time::Duration;

use serde::Deserialize;

use crate::config::BackendEndpoint;
use crate::error::CoreError;

/// Per-request timeout for short calls such as the health check.
const SHORT_TIMEOUT: Duration = Duration::from_secs(10);

/// What the backend's health route answers.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Health {
    /// `ok` when the backend is ready.
    pub status: String,
    /// The backend's version.
    pub version: String,
}

/// A client bound to one backend.
#[derive(Clone, Debug)]
pub struct ApiClient {
    endpoint: BackendEndpoint,
    http: reqwest::Client,
}

impl ApiClient {
    /// A client for `endpoint`.
    pub fn new(endpoint: BackendEndpoint) -> Result<Self, CoreError> {
        let http = reqwest::Client::builder()
            .user_agent(concat!(
                "infinite-stories-desktop/",
                env!("CARGO_PKG_VERSION")
            ))
            .pool_max_idle_per_host(6)
            .build()
            .map_err(|e| CoreError::Network(e.to_string()))?;
        Ok(Self { endpoint, http })
    }

    /// The endpoint this client talks to.
    pub fn endpoint(&self) -> &BackendEndpoint {
        &self.endpoint
    }

    /// Asks the backend whether it is up.
    pub async fn health(&self) -> Result<Health, CoreError> {
        let response = self
            .http
            .get(self.endpoint.url("/health"))
            .timeout(SHORT_TIMEOUT)
            .send()
            .await
            .map_err(|e| CoreError::Network(describe(&e)))?;
        let status = response.status();
        if !status.is_success() {
            return Err(CoreError::Server {
                status: status.as_u16(),
            });
        }
        let health: Health = response
            .json()
            .await
            .map_err(|e| CoreError::InvalidResponse(describe(&e)))?;
        if health.status != "ok" {
            return Err(CoreError::InvalidResponse(format!(
                "health status \"{}\"",
                health.status
            )));
        }
        Ok(health)
    }
}

/// A short description of a reqwest error without the URL's query (which may carry keys later).
fn describe(err: &reqwest::Error) -> String {
    let kind = if err.is_timeout() {
        "timed out"
    } else if err.is_connect() {
        "connection refused"
    } else if err.is_decode() {
        "unreadable body"
    } else {
        "request failed"
    };
    kind.to_owned()
}
