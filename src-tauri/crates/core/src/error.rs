//! The core's error taxonomy. Every failure the UI can see has an [`ErrorCode`] it can branch on,
//! a message a parent can understand, and whether trying again may help. The shell turns a
//! [`CoreError`] into `{code, message, retryable, retryAfter?}`; the UI never matches strings.

use serde::Serialize;

/// Stable codes the UI branches on. Add one only when the UI treats it differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The backend is not reachable or not running.
    BackendUnavailable,
    /// The device has no connection to the backend.
    Network,
    /// The backend answered with something the app cannot read.
    InvalidResponse,
    /// The backend reported a failure of its own.
    Server,
    /// Input the person typed needs changing.
    Validation,
    /// Anything else; the message carries the detail.
    Unknown,
}

/// Errors of the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// No backend connection has been made yet.
    #[error(
        "The story server is not ready yet. Wait a moment and try again; if it keeps happening, \
         restart the app."
    )]
    NotConnected,
    /// The backend could not be started or reached; the message says why and what to do.
    #[error("{0}")]
    BackendUnavailable(String),
    /// The request never got an answer.
    #[error("Could not reach the story server ({0}). Check that it is running and try again.")]
    Network(String),
    /// The server answered with an error status.
    #[error("The story server had a problem (HTTP {status}). Please try again in a moment.")]
    Server {
        /// HTTP status code.
        status: u16,
    },
    /// The server answered, but not in the expected format.
    #[error("The story server sent an answer the app could not read ({0}).")]
    InvalidResponse(String),
    /// Input that has to change; the message says how.
    #[error("{0}")]
    Validation(String),
}

impl CoreError {
    /// The code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::NotConnected | CoreError::BackendUnavailable(_) => {
                ErrorCode::BackendUnavailable
            }
            CoreError::Network(_) => ErrorCode::Network,
            CoreError::Server { .. } => ErrorCode::Server,
            CoreError::InvalidResponse(_) => ErrorCode::InvalidResponse,
            CoreError::Validation(_) => ErrorCode::Validation,
        }
    }

    /// Whether the same action may succeed if tried again unchanged.
    pub fn is_retryable(&self) -> bool {
        match self {
            CoreError::NotConnected | CoreError::BackendUnavailable(_) | CoreError::Network(_) => {
                true
            }
            CoreError::Server { status } => *status >= 500 || *status == 408 || *status == 429,
            CoreError::InvalidResponse(_) | CoreError::Validation(_) => false,
        }
    }

    /// Seconds to wait before trying again, when the backend said so.
    pub fn retry_after(&self) -> Option<u64> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_failures_are_retryable_and_fatal_ones_are_not() {
        assert!(CoreError::Network("refused".into()).is_retryable());
        assert!(CoreError::Server { status: 503 }.is_retryable());
        assert!(CoreError::Server { status: 408 }.is_retryable());
        assert!(!CoreError::Server { status: 404 }.is_retryable());
        assert!(!CoreError::InvalidResponse("eof".into()).is_retryable());
        assert!(!CoreError::Validation("x".into()).is_retryable());
    }

    #[test]
    fn codes_serialise_in_screaming_snake_case() {
        let json = serde_json::to_string(&ErrorCode::BackendUnavailable).unwrap();
        assert_eq!(json, "\"BACKEND_UNAVAILABLE\"");
    }
}
