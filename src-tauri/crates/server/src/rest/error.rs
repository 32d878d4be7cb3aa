//! PostgREST's error JSON `{code, details, hint, message}` with the HTTP status PostgREST pairs
//! with each code.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// One REST failure.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub(crate) struct RestError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Option<String>,
    pub hint: Option<String>,
}

impl RestError {
    pub(crate) fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        RestError {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            code,
            message: message.into(),
            details: None,
            hint: None,
        }
    }

    pub(crate) fn details(mut self, details: impl Into<String>) -> Self {
        self.details = Some(details.into());
        self
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn unknown_table(name: &str) -> Self {
        Self::new(
            404,
            "PGRST205",
            format!("Could not find the table 'public.{name}' in the schema cache"),
        )
    }

    pub(crate) fn unknown_column(table: &str, column: &str) -> Self {
        Self::new(
            400,
            "PGRST204",
            format!("Could not find the '{column}' column of '{table}' in the schema cache"),
        )
    }

    pub(crate) fn no_such_column(table: &str, column: &str) -> Self {
        Self::new(
            400,
            "42703",
            format!("column {table}.{column} does not exist"),
        )
    }

    pub(crate) fn parse(message: impl Into<String>) -> Self {
        Self::new(400, "PGRST100", message)
    }

    pub(crate) fn rls(table: &str) -> Self {
        Self::new(
            403,
            "42501",
            format!("new row violates row-level security policy for table \"{table}\""),
        )
    }

    pub(crate) fn internal() -> Self {
        Self::new(500, "XX000", "internal error")
    }
}

impl From<sqlx::Error> for RestError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "rest database error");
        RestError::internal()
    }
}

impl IntoResponse for RestError {
    fn into_response(self) -> Response {
        let body = json!({"code": self.code, "details": self.details, "hint": self.hint, "message": self.message});
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                "www-authenticate",
                axum::http::HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
        }
        response
    }
}
