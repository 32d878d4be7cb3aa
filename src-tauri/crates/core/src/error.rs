//! The core's error taxonomy. Every failure the UI can see has an [`ErrorCode`] it can branch on,
//! a message a parent can understand, and whether trying again may help. The shell turns a
//! [`CoreError`] into `{code, message, retryable, retryAfter?}`; the UI never matches strings.
//! Domain errors (keychain, cache, realtime) have their own enums and fold in here; errors that
//! come off the wire are decoded from every body shape in [`crate::http::decode`].

use serde::Serialize;

use crate::secrets::SecretError;

/// Stable codes the UI branches on. Add one only when the UI treats it differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The backend is not reachable or not running.
    BackendUnavailable,
    /// The request did not get through (connection refused, reset…).
    Network,
    /// The computer is offline.
    Offline,
    /// The backend took too long.
    Timeout,
    /// The backend answered with something the app cannot read.
    InvalidResponse,
    /// The backend reported a failure of its own.
    Server,
    /// Input the person typed needs changing.
    Validation,
    /// Signed out, or the session is no longer accepted: sign in again.
    Unauthorized,
    /// Too many requests; `retryAfter` says when the next one is allowed.
    RateLimited,
    /// The story request was refused by the safety filter; the message says what to change.
    ContentPolicy,
    /// The hero, story or event does not exist (or is not this family's).
    NotFound,
    /// The computer's password store could not be used.
    Keychain,
    /// Several attempts all failed.
    MaxRetriesExceeded,
    /// The person cancelled.
    Cancelled,
    /// Local storage (cache or library) failed.
    Storage,
    /// The parent lock is on: a grown-up unlocks it with the PIN first.
    Locked,
    /// No sound device could be opened; the story's text and pictures still work.
    NoAudioDevice,
    /// The story provider the app calls itself (direct-provider mode) failed; the message
    /// names it and says what to check.
    Provider,
    /// Anything else; the message carries the detail.
    Unknown,
}

/// Errors of the core.
#[derive(Debug, Clone, thiserror::Error)]
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
    /// The computer is offline.
    #[error(
        "This computer is offline. Stories already saved still play; new ones need a connection."
    )]
    Offline,
    /// No answer within the time limit.
    #[error("The story server took too long to answer. Please try again.")]
    Timeout,
    /// The server answered with an error status.
    #[error("The story server had a problem{}. Please try again in a moment.", server_detail(*.status, .code.as_deref(), .request_id.as_deref()))]
    Server {
        /// HTTP status code (or the status a body reports, e.g. Storage's `statusCode`).
        status: u16,
        /// The backend's own error code, when it sent one.
        code: Option<String>,
        /// The backend's message (kept for logs and diagnostics; not shown raw).
        message: Option<String>,
        /// The request id to quote to support.
        request_id: Option<String>,
    },
    /// The server answered, but not in the expected format.
    #[error("The story server sent an answer the app could not read ({0}).")]
    InvalidResponse(String),
    /// Input that has to change; the message says how.
    #[error("{0}")]
    Validation(String),
    /// Not signed in, or the session ended.
    #[error("You have been signed out. Please sign in again.")]
    Unauthorized {
        /// The backend's code (`refresh_token_not_found`, `PGRST303`…), for the token manager.
        code: Option<String>,
        /// The backend's message.
        message: Option<String>,
    },
    /// Too many requests.
    #[error("{}", rate_limited_message(.what.as_deref(), *.retry_after))]
    RateLimited {
        /// What was limited (`story-generation`…), when known.
        what: Option<String>,
        /// Seconds until the next request is allowed.
        retry_after: Option<u64>,
    },
    /// The safety filter refused the request.
    #[error("{0}")]
    ContentPolicy(String),
    /// The thing asked for does not exist for this family.
    #[error("{0}")]
    NotFound(String),
    /// The keychain failed.
    #[error(transparent)]
    Keychain(#[from] SecretError),
    /// Every attempt failed with a transient error.
    #[error(
        "The story server is having trouble ({attempts} tries). Please try again in a few minutes."
    )]
    MaxRetriesExceeded {
        /// How many attempts were made.
        attempts: u32,
        /// The last failure.
        last: Box<CoreError>,
    },
    /// Cancelled by the person.
    #[error("Cancelled.")]
    Cancelled,
    /// The local cache or library failed.
    #[error("The app could not use its saved stories ({0}). Try clearing the cache in Settings.")]
    Storage(String),
    /// The OpenAI-compatible provider called by the app itself (direct-provider mode) failed.
    #[error(
        "The story provider at {provider} could not help ({message}). Check its address, model \
         and key in Settings → Advanced, or choose the story server there."
    )]
    Provider {
        /// The provider's host (`api.openai.com`, `127.0.0.1:8080`).
        provider: String,
        /// What went wrong, from the provider's answer (never the key).
        message: String,
        /// Whether trying again unchanged may work (5xx, 429, a timeout).
        retryable: bool,
        /// Seconds the provider asked to wait.
        retry_after: Option<u64>,
    },
}

impl Clone for SecretError {
    fn clone(&self) -> Self {
        match self {
            SecretError::Unavailable(s) => SecretError::Unavailable(s.clone()),
            SecretError::Corrupt(s) => SecretError::Corrupt(s.clone()),
            SecretError::NoPasswordStore(s) => SecretError::NoPasswordStore(s.clone()),
        }
    }
}

fn server_detail(status: u16, code: Option<&str>, request_id: Option<&str>) -> String {
    let mut out = format!(" (HTTP {status}");
    if let Some(code) = code {
        out.push_str(&format!(", {code}"));
    }
    if let Some(id) = request_id {
        out.push_str(&format!(", reference {id}"));
    }
    out.push(')');
    out
}

fn rate_limited_message(what: Option<&str>, retry_after: Option<u64>) -> String {
    let thing = match what {
        Some("story-generation") => "stories",
        Some("audio-synthesis") => "narrations",
        Some("avatar-generation") => "hero pictures",
        Some("scene-illustration") => "illustrations",
        _ => "requests",
    };
    match retry_after {
        Some(secs) => format!(
            "That's a lot of {thing} for now. The next one is possible in {}.",
            human_wait(secs)
        ),
        None => format!("That's a lot of {thing} for now. Please wait a little and try again."),
    }
}

/// "45 seconds", "6 minutes".
fn human_wait(secs: u64) -> String {
    if secs < 90 {
        format!("{secs} second{}", if secs == 1 { "" } else { "s" })
    } else {
        format!("{} minutes", secs.div_ceil(60))
    }
}

impl CoreError {
    /// The code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::NotConnected | CoreError::BackendUnavailable(_) => {
                ErrorCode::BackendUnavailable
            }
            CoreError::Network(_) => ErrorCode::Network,
            CoreError::Offline => ErrorCode::Offline,
            CoreError::Timeout => ErrorCode::Timeout,
            CoreError::Server { .. } => ErrorCode::Server,
            CoreError::InvalidResponse(_) => ErrorCode::InvalidResponse,
            CoreError::Validation(_) => ErrorCode::Validation,
            CoreError::Unauthorized { .. } => ErrorCode::Unauthorized,
            CoreError::RateLimited { .. } => ErrorCode::RateLimited,
            CoreError::ContentPolicy(_) => ErrorCode::ContentPolicy,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::Keychain(e) => e.code(),
            CoreError::MaxRetriesExceeded { .. } => ErrorCode::MaxRetriesExceeded,
            CoreError::Cancelled => ErrorCode::Cancelled,
            CoreError::Storage(_) => ErrorCode::Storage,
            CoreError::Provider { .. } => ErrorCode::Provider,
        }
    }

    /// Whether the same action may succeed if the person tries again unchanged.
    pub fn is_retryable(&self) -> bool {
        match self {
            CoreError::NotConnected
            | CoreError::BackendUnavailable(_)
            | CoreError::Network(_)
            | CoreError::Offline
            | CoreError::Timeout
            | CoreError::RateLimited { .. }
            | CoreError::MaxRetriesExceeded { .. } => true,
            // A missing password store stays missing until one is installed.
            CoreError::Keychain(e) => !matches!(e, SecretError::NoPasswordStore(_)),
            CoreError::Server { status, .. } => *status >= 500 || *status == 408,
            CoreError::Provider { retryable, .. } => *retryable,
            CoreError::InvalidResponse(_)
            | CoreError::Validation(_)
            | CoreError::Unauthorized { .. }
            | CoreError::ContentPolicy(_)
            | CoreError::NotFound(_)
            | CoreError::Cancelled
            | CoreError::Storage(_) => false,
        }
    }

    /// Whether the request pipeline may retry this by itself (the classifier): network
    /// failures, timeouts, 5xx and 408 are transient; other 4xx, decode errors and everything
    /// the person must act on are fatal. A 429 is retried only when the server said when
    /// (the pipeline then decides whether that wait fits its budget).
    pub fn is_transient(&self) -> bool {
        match self {
            CoreError::Network(_) | CoreError::Timeout => true,
            CoreError::Server { status, .. } => *status >= 500 || *status == 408,
            CoreError::RateLimited { retry_after, .. } => retry_after.is_some(),
            _ => false,
        }
    }

    /// Seconds to wait before trying again, when the backend (or a client limit) said so.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            CoreError::RateLimited { retry_after, .. }
            | CoreError::Provider { retry_after, .. } => *retry_after,
            CoreError::MaxRetriesExceeded { last, .. } => last.retry_after(),
            _ => None,
        }
    }

    /// The backend's own error code (GoTrue `error_code`, PostgREST code, function code).
    pub fn backend_code(&self) -> Option<&str> {
        match self {
            CoreError::Server { code, .. } | CoreError::Unauthorized { code, .. } => {
                code.as_deref()
            }
            CoreError::MaxRetriesExceeded { last, .. } => last.backend_code(),
            _ => None,
        }
    }

    /// A 401-style failure without a backend code (for callers that build one).
    pub fn unauthorized() -> Self {
        CoreError::Unauthorized {
            code: None,
            message: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(status: u16) -> CoreError {
        CoreError::Server {
            status,
            code: None,
            message: None,
            request_id: None,
        }
    }

    #[test]
    fn transient_failures_are_retryable_and_fatal_ones_are_not() {
        assert!(CoreError::Network("refused".into()).is_transient());
        assert!(CoreError::Timeout.is_transient());
        assert!(server(503).is_transient());
        assert!(server(408).is_transient());
        assert!(!server(404).is_transient());
        assert!(!server(404).is_retryable());
        assert!(!CoreError::InvalidResponse("eof".into()).is_transient());
        assert!(!CoreError::Validation("x".into()).is_retryable());
        assert!(
            !CoreError::Offline.is_transient(),
            "offline skips backoff (reported_16)"
        );
        let limited = CoreError::RateLimited {
            what: None,
            retry_after: Some(2),
        };
        assert!(limited.is_transient() && limited.is_retryable());
        assert_eq!(limited.retry_after(), Some(2));
    }

    #[test]
    fn codes_serialise_in_screaming_snake_case() {
        let json = serde_json::to_string(&ErrorCode::BackendUnavailable).unwrap();
        assert_eq!(json, "\"BACKEND_UNAVAILABLE\"");
        let json = serde_json::to_string(&ErrorCode::MaxRetriesExceeded).unwrap();
        assert_eq!(json, "\"MAX_RETRIES_EXCEEDED\"");
    }

    #[test]
    fn messages_are_written_for_a_parent() {
        let limited = CoreError::RateLimited {
            what: Some("story-generation".into()),
            retry_after: Some(360),
        };
        assert_eq!(
            limited.to_string(),
            "That's a lot of stories for now. The next one is possible in 6 minutes."
        );
        let s = CoreError::Server {
            status: 500,
            code: Some("INTERNAL_ERROR".into()),
            message: None,
            request_id: Some("r-1".into()),
        };
        assert!(s.to_string().contains("reference r-1"), "{s}");
        let retried = CoreError::MaxRetriesExceeded {
            attempts: 3,
            last: Box::new(limited),
        };
        assert_eq!(retried.retry_after(), Some(360));
        assert_eq!(retried.code(), ErrorCode::MaxRetriesExceeded);
    }
}
