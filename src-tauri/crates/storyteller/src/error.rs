//! The crate's single error type. Each variant maps to one of the contract's error codes
//! (api-contract §2), so the server turns it into an envelope without matching on text.

/// Everything a provider can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StorytellerError {
    /// A field of the request is missing or out of range (`INVALID_REQUEST`).
    #[error("{field}: {message}")]
    InvalidRequest {
        /// The offending field, e.g. `targetDuration`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The safety filter or the provider's moderation refused the input
    /// (`CONTENT_POLICY_VIOLATION`); `message` is kind and says what to change.
    #[error("{message}")]
    ContentPolicy {
        /// Message for the family.
        message: String,
    },
    /// The provider is throttling (`RATE_LIMITED`).
    #[error("the story provider is busy, please try again later")]
    RateLimited {
        /// Seconds to wait, when the provider said.
        retry_after: Option<u64>,
    },
    /// The provider failed or answered nonsense (`PROVIDER_ERROR`).
    #[error("{provider} failed: {message}")]
    Provider {
        /// Which provider, e.g. `openai chat` or `espeak-ng`.
        provider: String,
        /// What went wrong.
        message: String,
        /// Upstream HTTP status, when there was one.
        status: Option<u16>,
    },
    /// The provider did not answer in time (`TIMEOUT`).
    #[error("{provider} did not answer in time")]
    Timeout {
        /// Which provider.
        provider: String,
    },
    /// A bug or an environment problem (`INTERNAL_ERROR`).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<infinite_stories_contract::ContractError> for StorytellerError {
    fn from(e: infinite_stories_contract::ContractError) -> Self {
        StorytellerError::invalid(e.field(), e.message())
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = StorytellerError> = std::result::Result<T, E>;

impl StorytellerError {
    /// `InvalidRequest` for `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        StorytellerError::InvalidRequest {
            field: field.into(),
            message: message.into(),
        }
    }

    /// `Provider` error without an HTTP status.
    pub fn provider(provider: impl Into<String>, message: impl Into<String>) -> Self {
        StorytellerError::Provider {
            provider: provider.into(),
            message: message.into(),
            status: None,
        }
    }

    /// The contract's error code string.
    pub fn code(&self) -> &'static str {
        match self {
            StorytellerError::InvalidRequest { .. } => "INVALID_REQUEST",
            StorytellerError::ContentPolicy { .. } => "CONTENT_POLICY_VIOLATION",
            StorytellerError::RateLimited { .. } => "RATE_LIMITED",
            StorytellerError::Provider { .. } => "PROVIDER_ERROR",
            StorytellerError::Timeout { .. } => "TIMEOUT",
            StorytellerError::Internal(_) => "INTERNAL_ERROR",
        }
    }

    /// The HTTP status the contract pairs with `code()`.
    pub fn http_status(&self) -> u16 {
        match self {
            StorytellerError::InvalidRequest { .. } | StorytellerError::ContentPolicy { .. } => 400,
            StorytellerError::RateLimited { .. } => 429,
            StorytellerError::Provider { .. } => 502,
            StorytellerError::Timeout { .. } => 504,
            StorytellerError::Internal(_) => 500,
        }
    }

    /// Seconds to wait before retrying, for `RATE_LIMITED`.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            StorytellerError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// Whether trying the same request again later may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            StorytellerError::RateLimited { .. }
                | StorytellerError::Timeout { .. }
                | StorytellerError::Provider {
                    status: None | Some(500..=599),
                    ..
                }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_statuses_follow_the_contract() {
        let cases = [
            (
                StorytellerError::invalid("language", "x"),
                "INVALID_REQUEST",
                400,
            ),
            (
                StorytellerError::ContentPolicy {
                    message: "m".into(),
                },
                "CONTENT_POLICY_VIOLATION",
                400,
            ),
            (
                StorytellerError::RateLimited {
                    retry_after: Some(7),
                },
                "RATE_LIMITED",
                429,
            ),
            (StorytellerError::provider("p", "m"), "PROVIDER_ERROR", 502),
            (
                StorytellerError::Timeout {
                    provider: "p".into(),
                },
                "TIMEOUT",
                504,
            ),
            (
                StorytellerError::Internal("x".into()),
                "INTERNAL_ERROR",
                500,
            ),
        ];
        for (error, code, status) in cases {
            assert_eq!(error.code(), code);
            assert_eq!(error.http_status(), status);
        }
        assert_eq!(
            StorytellerError::RateLimited {
                retry_after: Some(7)
            }
            .retry_after(),
            Some(7)
        );
        assert_eq!(StorytellerError::provider("p", "m").retry_after(), None);
    }
}
