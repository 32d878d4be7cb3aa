//! The one error shape the UI receives from any command: `{code, message, retryable,
//! retryAfter?}`. The UI branches on `code` and shows `message`; it never parses text.

use infinite_stories_contract::ContractError;
use infinite_stories_core::{CoreError, ErrorCode};
use infinite_stories_player::PlayerError;
use serde::Serialize;

/// An error as the UI sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// What kind of failure, for the UI to branch on.
    pub code: ErrorCode,
    /// What happened, in words a parent can act on.
    pub message: String,
    /// Whether trying the same thing again may work.
    pub retryable: bool,
    /// Seconds to wait before trying again, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub retry_after: Option<u64>,
}

impl From<CoreError> for IpcError {
    fn from(err: CoreError) -> Self {
        Self {
            code: err.code(),
            message: err.to_string(),
            retryable: err.is_retryable(),
            retry_after: err.retry_after(),
        }
    }
}

impl From<PlayerError> for IpcError {
    fn from(err: PlayerError) -> Self {
        let code = match err {
            PlayerError::NoAudioDevice(_) => ErrorCode::NoAudioDevice,
            PlayerError::InvalidRequest(_) => ErrorCode::Validation,
            PlayerError::NothingLoaded => ErrorCode::NotFound,
            PlayerError::Decode(_) => ErrorCode::Storage,
            PlayerError::Stopped => ErrorCode::Unknown,
        };
        Self {
            code,
            message: err.to_string(),
            retryable: err.retryable(),
            retry_after: None,
        }
    }
}

impl From<ContractError> for IpcError {
    fn from(err: ContractError) -> Self {
        IpcError::from(CoreError::Validation(err.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_in_the_shape_the_ui_expects() {
        let err = IpcError::from(CoreError::NotConnected);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "BACKEND_UNAVAILABLE");
        assert_eq!(json["retryable"], true);
        assert!(json["message"].as_str().unwrap().contains("not ready yet"));
        assert!(json.get("retryAfter").is_none(), "absent, not null: {json}");
    }
}
