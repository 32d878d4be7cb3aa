//! `/realtime/v1`: Phoenix channels over WebSocket as Supabase Realtime speaks them (vsn 1.0.0
//! and 2.0.0), `postgres_changes` for the contract's tables filtered by owner and join filter,
//! broadcast, presence, and the REST broadcast endpoint.

mod channel;
mod hub;
mod socket;
mod sockets;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

pub(crate) use hub::{Broadcast, Control, Hub, HubEvent};
pub(crate) use sockets::SocketCount;

use crate::state::AppState;
use codec::{BroadcastBody, Vsn};
/// The Phoenix codec, shared with the core's client (it lives in the contract crate).
pub use infinite_stories_contract::phoenix as codec;

/// The realtime routes, mounted at `/realtime/v1`.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/websocket", get(websocket))
        .route("/api/broadcast", post(rest_broadcast))
}

#[derive(Deserialize)]
struct SocketParams {
    vsn: Option<String>,
    apikey: Option<String>,
}

async fn websocket(
    State(state): State<AppState>,
    Query(params): Query<SocketParams>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let apikey = params
        .apikey
        .or_else(|| {
            headers
                .get("apikey")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_else(|| state.anon_key.clone());
    let vsn = Vsn::from_param(params.vsn.as_deref());
    upgrade
        .max_frame_size(5 * 1024 * 1024)
        .on_upgrade(move |ws| socket::run(state, ws, vsn, apikey))
}

/// Publishes a server-side broadcast (function progress) on channel `name`.
pub(crate) fn broadcast(state: &AppState, name: &str, event: &str, payload: Value) {
    state.hub.publish(HubEvent::Broadcast(Arc::new(Broadcast {
        topic: format!("realtime:{name}"),
        event: event.to_string(),
        body: BroadcastBody::Json(payload),
        meta: None,
        binary_origin: false,
        sender: None,
    })));
}

async fn rest_broadcast(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error": "invalid JSON"})),
        )
            .into_response();
    };
    for m in body
        .get("messages")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let (Some(topic), Some(event)) = (
            m.get("topic").and_then(Value::as_str),
            m.get("event").and_then(Value::as_str),
        ) else {
            continue;
        };
        let name = topic.strip_prefix("realtime:").unwrap_or(topic);
        broadcast(
            &state,
            name,
            event,
            m.get("payload").cloned().unwrap_or(Value::Null),
        );
    }
    StatusCode::ACCEPTED.into_response()
}

/// Tells every socket to act on a control command.
pub(crate) fn control(state: &AppState, control: Control) {
    state.hub.publish(HubEvent::Control(Arc::new(control)));
}
