//! Fault injection for the client's reliability tests. Off unless the server is started with
//! faults enabled, and then driven only with the service key through `/admin/v1/faults`:
//! rules that add latency, answer 500/503/429 (with `Retry-After`), reset connections or send
//! malformed JSON on chosen routes, and realtime rules that drop heartbeat replies, delay join
//! replies or leave a socket half-open; plus one-shot commands that expire channel tokens, send
//! `phx_error` or close every socket with 1001.

pub(crate) mod rules;

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use serde_json::json;

use crate::gateway::{Caller, caller};
use crate::realtime::{self, Control};
use crate::state::AppState;
pub(crate) use rules::RealtimeFault;
pub use rules::{FaultAction, FaultRule};

fn http_action(a: FaultAction) -> bool {
    matches!(
        a,
        FaultAction::Latency
            | FaultAction::Status
            | FaultAction::Reset
            | FaultAction::MalformedJson
    )
}

/// The HTTP fault middleware (inside the gateway, so only keyed requests are affected).
pub(crate) async fn inject(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_string();
    if path.starts_with("/admin/") || path == "/health" {
        return next.run(request).await;
    }
    let method = request.method().as_str().to_string();
    let Some(rule) = state.faults.take(|r| {
        http_action(r.action)
            && path.starts_with(&r.route)
            && r.method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(&method))
    }) else {
        return next.run(request).await;
    };
    match rule.action {
        FaultAction::Latency => {
            tokio::time::sleep(Duration::from_millis(rule.latency_ms.unwrap_or(1000))).await;
            next.run(request).await
        }
        FaultAction::Status => {
            let status = StatusCode::from_u16(rule.status.unwrap_or(503))
                .unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let body = if path.starts_with("/functions/") {
                let code = match status.as_u16() {
                    429 => "RATE_LIMITED",
                    504 => "TIMEOUT",
                    502 => "PROVIDER_ERROR",
                    _ => "INTERNAL_ERROR",
                };
                json!({"error": {"code": code, "message": "injected fault", "retryAfter": rule.retry_after},
                       "requestId": uuid::Uuid::new_v4().to_string(),
                       "timestamp": crate::clock::iso_millis(state.now_millis())})
            } else if path.starts_with("/storage/") {
                json!({"statusCode": status.as_u16().to_string(), "error": "injected", "message": "injected fault"})
            } else if path.starts_with("/auth/") {
                json!({"code": "unexpected_failure", "message": "injected fault"})
            } else {
                json!({"code": "PGRST000", "details": null, "hint": null, "message": "injected fault"})
            };
            let mut r = (status, axum::Json(body)).into_response();
            if let Some(s) = rule.retry_after {
                r.headers_mut().insert("retry-after", HeaderValue::from(s));
            }
            if rule.relay_error {
                r.headers_mut()
                    .insert("x-relay-error", HeaderValue::from_static("true"));
            }
            r
        }
        FaultAction::Reset => {
            let stream = futures_util::stream::iter([Err::<bytes::Bytes, std::io::Error>(
                std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "injected connection reset",
                ),
            )]);
            let mut r = Response::new(Body::from_stream(stream));
            r.headers_mut()
                .insert("content-type", HeaderValue::from_static("application/json"));
            r
        }
        FaultAction::MalformedJson => {
            let mut r = (
                StatusCode::OK,
                "{\"success\": true, \"data\": {\"storyId\": ",
            )
                .into_response();
            r.headers_mut()
                .insert("content-type", HeaderValue::from_static("application/json"));
            r
        }
        _ => next.run(request).await,
    }
}

/// The control routes, mounted at `/admin/v1` (service key only, 404 when faults are off).
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/faults", get(list).post(add).delete(clear))
        .route("/faults/{id}", delete(remove))
}

/// The refusal for a control request that is not allowed, if it is not.
fn refusal(state: &AppState, headers: &HeaderMap) -> Option<Response> {
    if !state.faults.enabled() {
        let body = axum::Json(json!({"message": "fault injection is off"}));
        return Some((StatusCode::NOT_FOUND, body).into_response());
    }
    match caller(state, headers) {
        Ok(Caller::Service) => None,
        _ => {
            let body = axum::Json(json!({"message": "the service key is required"}));
            Some((StatusCode::FORBIDDEN, body).into_response())
        }
    }
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(r) = refusal(&state, &headers) {
        return r;
    }
    let rules = state.faults.list();
    axum::Json(rules).into_response()
}

async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(r) = refusal(&state, &headers) {
        return r;
    }
    let rule: FaultRule = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(json!({"message": e.to_string()})),
            )
                .into_response();
        }
    };
    let immediate = match rule.action {
        FaultAction::ExpireToken => Some(Control::ExpireTokens {
            channel: rule.channel.clone(),
        }),
        FaultAction::ChannelError => Some(Control::ChannelError {
            channel: rule.channel.clone(),
        }),
        FaultAction::Close => Some(Control::CloseSockets),
        _ => None,
    };
    if let Some(control) = immediate {
        realtime::control(&state, control);
        return (
            StatusCode::ACCEPTED,
            axum::Json(json!({"applied": rule.action})),
        )
            .into_response();
    }
    let rule = state.faults.add(rule);
    (StatusCode::CREATED, axum::Json(rule)).into_response()
}

async fn clear(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(r) = refusal(&state, &headers) {
        return r;
    }
    state.faults.clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<u64>,
) -> Response {
    if let Some(r) = refusal(&state, &headers) {
        return r;
    }
    state.faults.remove(id);
    StatusCode::NO_CONTENT.into_response()
}
