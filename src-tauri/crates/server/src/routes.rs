//! The HTTP surface: every service under its Supabase prefix, behind the gateway, with CORS for
//! the app's origins only.

use axum::http::{HeaderName, HeaderValue, Method};
use axum::{Json, Router, middleware, routing::get};
use serde_json::{Value, json};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::state::AppState;

/// Every route the server answers.
pub(crate) fn router(state: AppState) -> Router {
    let origins: Vec<HeaderValue> = state
        .config
        .allowed_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let headers = [
        "authorization",
        "apikey",
        "content-type",
        "x-client-info",
        "x-supabase-api-version",
        "x-request-id",
        "x-upsert",
        "prefer",
        "range",
        "range-unit",
        "accept-profile",
        "content-profile",
        "x-region",
        "cache-control",
        "x-metadata",
        "x-retry-count",
    ];
    let exposed = [
        "content-range",
        "x-request-id",
        "retry-after",
        "x-supabase-api-version",
        "x-sb-error-code",
        "x-relay-error",
    ];
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([
            Method::GET,
            Method::HEAD,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers(headers.map(HeaderName::from_static))
        .expose_headers(exposed.map(HeaderName::from_static))
        .max_age(std::time::Duration::from_secs(86_400));
    Router::new()
        .route("/health", get(health))
        .nest("/auth/v1", crate::auth::router())
        .nest("/rest/v1", crate::rest::router())
        .nest("/storage/v1", crate::storage::router())
        .nest("/functions/v1", crate::functions::router())
        .nest("/realtime/v1", crate::realtime::router())
        .nest("/admin/v1", crate::faults::router())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::faults::inject,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::gateway::gate,
        ))
        .layer(cors)
        .with_state(state)
}

async fn health() -> Json<Value> {
    Json(json!({ "status": "ok", "service": "infinite-stories-server", "version": crate::VERSION }))
}
