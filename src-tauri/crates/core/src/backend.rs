//! The state of the connection to the backend, as the Home screen shows it.

use serde::Serialize;

use crate::config::{BackendEndpoint, BackendMode};
use crate::error::CoreError;
use crate::session_file::SessionStorage;

/// Where the connection stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum BackendState {
    /// Starting up or checking the backend.
    Connecting,
    /// The backend answered its health check.
    Connected,
    /// The backend could not be started or reached; `message` says why.
    Unavailable,
}

/// Snapshot of the backend connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackendStatus {
    /// Connecting, connected or unavailable.
    pub state: BackendState,
    /// Embedded or Supabase.
    pub mode: BackendMode,
    /// Base URL of the backend, once known.
    pub address: Option<String>,
    /// Version the backend reported.
    pub version: Option<String>,
    /// What went wrong, in words a parent can act on.
    pub message: Option<String>,
    /// Where this profile's session is kept (`file` when no password store answered), once
    /// connected.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub session_storage: Option<SessionStorage>,
    /// What the app did on its own that the family should know about, in words a parent can
    /// act on (a damaged database set aside and where it is kept). Kept until the app quits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub notices: Option<Vec<String>>,
}

impl BackendStatus {
    pub(crate) fn connecting() -> Self {
        Self {
            state: BackendState::Connecting,
            mode: BackendMode::Embedded,
            address: None,
            version: None,
            message: None,
            session_storage: None,
            notices: None,
        }
    }

    pub(crate) fn connected(endpoint: &BackendEndpoint, version: String) -> Self {
        Self {
            state: BackendState::Connected,
            mode: endpoint.mode,
            address: Some(display_address(endpoint)),
            version: Some(version),
            message: None,
            session_storage: None,
            notices: None,
        }
    }

    pub(crate) fn unreachable(endpoint: &BackendEndpoint, err: &CoreError) -> Self {
        Self {
            state: BackendState::Unavailable,
            mode: endpoint.mode,
            address: Some(display_address(endpoint)),
            version: None,
            message: Some(err.to_string()),
            session_storage: None,
            notices: None,
        }
    }

    pub(crate) fn failed(mode: BackendMode, reason: &str) -> Self {
        let message = match mode {
            BackendMode::Embedded => format!(
                "The built-in story server could not start: {reason}. \
                 Restart the app; if it keeps happening, check that the app's data folder is writable."
            ),
            BackendMode::Supabase => format!("The story server is not available: {reason}."),
        };
        Self {
            state: BackendState::Unavailable,
            mode,
            address: None,
            version: None,
            message: Some(message),
            session_storage: None,
            notices: None,
        }
    }
}

impl BackendStatus {
    /// `Ok` unless the backend is unavailable, for callers that treat that as a failure (the
    /// "Check again" button): the error carries the status's message.
    pub fn into_result(self) -> Result<BackendStatus, CoreError> {
        match self.state {
            BackendState::Unavailable => Err(CoreError::BackendUnavailable(
                self.message
                    .unwrap_or_else(|| "The story server is not available.".to_owned()),
            )),
            _ => Ok(self),
        }
    }
}

fn display_address(endpoint: &BackendEndpoint) -> String {
    endpoint.base_url.as_str().trim_end_matches('/').to_owned()
}
