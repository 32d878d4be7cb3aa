//! The seed's function envelopes: `{success, data, meta: {requestId, processingTime, cached}}`
//! on success, `{error: {code, message, details?, retryAfter?}, requestId, timestamp}` with the
//! real HTTP status on failure (api-contract §2).

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use infinite_stories_storyteller::StorytellerError;
use serde_json::{Value, json};

/// A function failure with its contract code.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub(crate) struct FnError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
    pub details: Option<Value>,
    pub retry_after: Option<u64>,
}

impl From<infinite_stories_contract::ContractError> for FnError {
    fn from(e: infinite_stories_contract::ContractError) -> Self {
        FnError::invalid(e.to_string())
    }
}

impl FnError {
    pub(crate) fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        FnError {
            status,
            code,
            message: message.into(),
            details: None,
            retry_after: None,
        }
    }
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(400, "INVALID_REQUEST", message)
    }
    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(401, "UNAUTHORIZED", message)
    }
    pub(crate) fn forbidden(what: &str) -> Self {
        Self::new(
            403,
            "FORBIDDEN",
            format!("This {what} belongs to someone else"),
        )
    }
    pub(crate) fn not_found(what: &str) -> Self {
        Self::new(404, "NOT_FOUND", format!("{what} not found"))
    }
    pub(crate) fn internal() -> Self {
        Self::new(
            500,
            "INTERNAL_ERROR",
            "Something went wrong on our side; quote the request id if it keeps happening",
        )
    }
    pub(crate) fn rate_limited(retry_after: u64, function: &str, limit: u32) -> Self {
        let mut e = Self::new(
            429,
            "RATE_LIMITED",
            format!(
                "You have used all {limit} {function} requests for this hour; try again in {retry_after} s"
            ),
        );
        e.retry_after = Some(retry_after);
        e.details = Some(json!({"function": function, "limit": limit, "window": "1h"}));
        e
    }

    /// The error envelope response.
    pub(crate) fn respond(&self, request_id: &str, timestamp: &str) -> Response {
        let mut error = json!({"code": self.code, "message": self.message});
        if let Some(d) = &self.details {
            error["details"] = d.clone();
        }
        if let Some(s) = self.retry_after {
            error["retryAfter"] = json!(s);
        }
        let body = json!({"error": error, "requestId": request_id, "timestamp": timestamp});
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut r = (status, axum::Json(body)).into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut().insert("retry-after", HeaderValue::from(s));
        }
        r
    }
}

impl From<StorytellerError> for FnError {
    fn from(e: StorytellerError) -> Self {
        let message = match &e {
            StorytellerError::Internal(_) => {
                tracing::error!(error = %e, "content provider failed");
                "The story engine failed; quote the request id if it keeps happening".to_string()
            }
            _ => e.to_string(),
        };
        FnError {
            status: e.http_status(),
            code: e.code(),
            message,
            details: None,
            retry_after: e.retry_after(),
        }
    }
}

impl From<sqlx::Error> for FnError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "function database error");
        FnError::internal()
    }
}

impl From<crate::storage::StorageError> for FnError {
    fn from(e: crate::storage::StorageError) -> Self {
        tracing::error!(error = %e, "function storage error");
        FnError::internal()
    }
}

/// The success envelope body.
pub(crate) fn success(data: Value, request_id: &str, processing_ms: u128) -> Value {
    json!({"success": true, "data": data, "meta": {"requestId": request_id, "processingTime": processing_ms as u64, "cached": false}})
}
