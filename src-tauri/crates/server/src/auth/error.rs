//! GoTrue's errors, in the three shapes clients meet: the versioned `{code, message}` when the
//! request says `X-Supabase-Api-Version: 2024-01-01` or later, the legacy
//! `{code: <status>, error_code, msg}` without it, and the OAuth `{error, error_description}`
//! that older servers used for `/token` grant failures (selected by a version header older than
//! 2024-01-01 on a grant request). Every coded error also sets `x-sb-error-code`.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The API version that selects the versioned shape.
pub(crate) const API_VERSION: &str = "2024-01-01";

/// One auth failure.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub(crate) struct AuthError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Present for grant failures (`/token`), which old servers answered OAuth-style.
    pub oauth_error: Option<&'static str>,
}

impl AuthError {
    pub(crate) fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        AuthError {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            code,
            message: message.into(),
            oauth_error: None,
        }
    }

    /// Marks the error as a grant failure (`invalid_grant` in the OAuth shape).
    pub(crate) fn grant(mut self) -> Self {
        self.oauth_error = Some("invalid_grant");
        self
    }

    pub(crate) fn invalid_credentials() -> Self {
        Self::new(400, "invalid_credentials", "Invalid login credentials").grant()
    }
    pub(crate) fn validation(message: impl Into<String>) -> Self {
        Self::new(400, "validation_failed", message)
    }
    pub(crate) fn unexpected() -> Self {
        Self::new(
            500,
            "unexpected_failure",
            "Unexpected failure, please check server logs",
        )
    }
    pub(crate) fn rate_limited() -> Self {
        Self::new(429, "over_request_rate_limit", "Request rate limit reached")
    }

    /// Renders the error for a request with these headers.
    pub(crate) fn render(&self, request_headers: &HeaderMap) -> Response {
        let version = request_headers
            .get("x-supabase-api-version")
            .and_then(|v| v.to_str().ok());
        let (body, echo) = match version {
            Some(v) if v >= API_VERSION => (
                json!({"code": self.code, "message": self.message}),
                Some(v.to_string()),
            ),
            Some(_) if self.oauth_error.is_some() => (
                json!({"error": self.oauth_error, "error_description": self.message}),
                None,
            ),
            _ => {
                let mut body = json!({"code": self.status.as_u16(), "error_code": self.code, "msg": self.message});
                if self.status.is_server_error() {
                    body["error_id"] = json!(uuid::Uuid::new_v4().to_string());
                }
                (body, None)
            }
        };
        let mut body = body;
        if self.code == "weak_password" {
            body["weak_password"] = json!({"reasons": ["length"]});
        }
        let mut response = (self.status, axum::Json(body)).into_response();
        let headers = response.headers_mut();
        if let Ok(code) = HeaderValue::from_str(self.code) {
            headers.insert("x-sb-error-code", code);
        }
        if let Some(v) = echo.and_then(|v| HeaderValue::from_str(&v).ok()) {
            headers.insert("x-supabase-api-version", v);
        }
        response
    }
}

impl From<sqlx::Error> for AuthError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "auth database error");
        AuthError::unexpected()
    }
}
