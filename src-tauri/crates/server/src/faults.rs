//! Fault injection for the client's reliability tests. Off unless the server is started with
//! faults enabled, and then driven only with the service key through `/admin/v1/faults`:
//! rules that add latency, answer 500/503/429 (with `Retry-After`), reset connections or send
//! malformed JSON on chosen routes, and realtime rules that drop heartbeat replies, delay join
//! replies or leave a socket half-open; plus one-shot commands that expire channel tokens, send
//! `phx_error` or close every socket with 1001.

use std::sync::Mutex;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::gateway::{Caller, caller};
use crate::realtime::{self, Control};
use crate::state::AppState;

/// What a rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultAction {
    /// HTTP: wait `latencyMs` before handling.
    Latency,
    /// HTTP: answer `status` (500, 503, 429…) with `Retry-After: retryAfter` when set.
    Status,
    /// HTTP: send headers, then abort the connection mid-body.
    Reset,
    /// HTTP: answer 200 with a truncated JSON body.
    MalformedJson,
    /// Realtime: do not answer heartbeats.
    DropHeartbeat,
    /// Realtime: answer joins `latencyMs` late.
    DelayJoin,
    /// Realtime: stop reading and writing without closing the TCP connection.
    HalfOpen,
    /// Realtime, immediate: shut matching channels as if their token had expired.
    ExpireToken,
    /// Realtime, immediate: send `phx_error` on matching channels.
    ChannelError,
    /// Realtime, immediate: close every socket with code 1001.
    Close,
}

/// One fault rule as posted to `/admin/v1/faults`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultRule {
    /// Assigned by the server.
    #[serde(default)]
    pub id: u64,
    /// What to do.
    pub action: FaultAction,
    /// HTTP path prefix (`/functions/v1/story-generation`); empty = every route.
    #[serde(default)]
    pub route: String,
    /// HTTP method to match; absent = any.
    #[serde(default)]
    pub method: Option<String>,
    /// Realtime channel-name prefix (without `realtime:`); absent = every channel.
    #[serde(default)]
    pub channel: Option<String>,
    /// For `latency` and `delay_join`.
    #[serde(default)]
    pub latency_ms: Option<u64>,
    /// For `status`.
    #[serde(default)]
    pub status: Option<u16>,
    /// `Retry-After` seconds for `status`.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// How many times the rule fires; absent = until removed.
    #[serde(default)]
    pub times: Option<u32>,
    /// For `status`: also send `x-relay-error: true` (supabase-js then reports a
    /// `FunctionsRelayError` instead of a `FunctionsHttpError`).
    #[serde(default)]
    pub relay_error: bool,
}

/// Realtime hooks a socket asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RealtimeFault {
    DropHeartbeat,
    DelayJoin,
    HalfOpen,
}

/// The active rules.
#[derive(Debug)]
pub(crate) struct Faults {
    enabled: bool,
    rules: Mutex<Vec<FaultRule>>,
    next_id: Mutex<u64>,
}

impl Faults {
    pub(crate) fn new(enabled: bool) -> Self {
        Faults {
            enabled,
            rules: Mutex::new(Vec::new()),
            next_id: Mutex::new(1),
        }
    }

    /// Takes one firing of the first rule matching `pred`.
    fn take(&self, pred: impl Fn(&FaultRule) -> bool) -> Option<FaultRule> {
        if !self.enabled {
            return None;
        }
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        let i = rules.iter().position(&pred)?;
        let rule = rules[i].clone();
        if let Some(times) = rules[i].times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                rules.remove(i);
            }
        }
        Some(rule)
    }

    /// For a socket: whether `fault` applies on `channel` now; `Some(latency ms)` if so.
    pub(crate) fn realtime(&self, fault: RealtimeFault, channel: &str) -> Option<u64> {
        let action = match fault {
            RealtimeFault::DropHeartbeat => FaultAction::DropHeartbeat,
            RealtimeFault::DelayJoin => FaultAction::DelayJoin,
            RealtimeFault::HalfOpen => FaultAction::HalfOpen,
        };
        self.take(|r| {
            r.action == action && r.channel.as_deref().is_none_or(|p| channel.starts_with(p))
        })
        .map(|r| r.latency_ms.unwrap_or(11_000))
    }
}

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
    if !state.faults.enabled {
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
    let rules = state
        .faults
        .rules
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
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
    let mut rule: FaultRule = match serde_json::from_slice(&body) {
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
    {
        let mut id = state
            .faults
            .next_id
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        rule.id = *id;
        *id += 1;
    }
    state
        .faults
        .rules
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(rule.clone());
    (StatusCode::CREATED, axum::Json(rule)).into_response()
}

async fn clear(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(r) = refusal(&state, &headers) {
        return r;
    }
    state
        .faults
        .rules
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
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
    state
        .faults
        .rules
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|r| r.id != id);
    StatusCode::NO_CONTENT.into_response()
}
