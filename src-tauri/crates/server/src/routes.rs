//! The HTTP routes of the embedded backend.

use axum::{Json, Router, routing::get};
use serde_json::{Value, json};

/// Every route the server answers.
pub(crate) fn router() -> Router {
    Router::new().route("/health", get(health))
}

async fn health() -> Json<Value> {
    Json(json!({ "status": "ok", "service": "infinite-stories-server", "version": crate::VERSION }))
}
