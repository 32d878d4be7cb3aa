//! Storage API errors: `{statusCode, code, error, message}` where `statusCode` is a string and
//! the HTTP status is 400 for almost every 4xx (the quirk storage-js clients have to live with).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// One storage failure.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub(crate) struct StorageError {
    /// The real status, as a string in the body.
    pub status_code: u16,
    pub code: &'static str,
    pub error: &'static str,
    pub message: String,
}

impl StorageError {
    pub(crate) fn new(
        status_code: u16,
        code: &'static str,
        error: &'static str,
        message: impl Into<String>,
    ) -> Self {
        StorageError {
            status_code,
            code,
            error,
            message: message.into(),
        }
    }
    pub(crate) fn not_found() -> Self {
        Self::new(404, "NoSuchKey", "not_found", "Object not found")
    }
    pub(crate) fn no_bucket() -> Self {
        Self::new(404, "NoSuchBucket", "Bucket not found", "Bucket not found")
    }
    pub(crate) fn denied() -> Self {
        Self::new(
            403,
            "AccessDenied",
            "Unauthorized",
            "new row violates row-level security policy",
        )
    }
    pub(crate) fn exists() -> Self {
        Self::new(
            409,
            "ResourceAlreadyExists",
            "Duplicate",
            "The resource already exists",
        )
    }
    pub(crate) fn invalid_jwt(message: impl Into<String>) -> Self {
        Self::new(400, "InvalidJWT", "InvalidJWT", message)
    }
    pub(crate) fn invalid_key(message: impl Into<String>) -> Self {
        Self::new(400, "InvalidKey", "Invalid Input", message)
    }
    pub(crate) fn too_large() -> Self {
        Self::new(
            413,
            "EntityTooLarge",
            "Payload too large",
            "The object exceeded the maximum allowed size",
        )
    }
    pub(crate) fn internal() -> Self {
        Self::new(500, "InternalError", "internal", "Internal Server Error")
    }
}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "storage database error");
        StorageError::internal()
    }
}

impl From<std::io::Error> for StorageError {
    fn from(e: std::io::Error) -> Self {
        tracing::error!(error = %e, "storage file error");
        StorageError::internal()
    }
}

impl IntoResponse for StorageError {
    fn into_response(self) -> Response {
        let http = if self.status_code >= 500 {
            StatusCode::INTERNAL_SERVER_ERROR
        } else {
            StatusCode::BAD_REQUEST
        };
        let body = json!({"statusCode": self.status_code.to_string(), "code": self.code, "error": self.error, "message": self.message});
        (http, axum::Json(body)).into_response()
    }
}
