//! `/realtime/v1`: Phoenix channels over WebSocket as Supabase Realtime speaks them (vsn 1.0.0
//! and 2.0.0), `postgres_changes` for the contract's tables filtered by owner and join filter,
//! broadcast, presence, and the REST broadcast endpoint.

mod channel;
pub(crate) mod hub;
mod socket;
pub(crate) mod sockets;
mod topics;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

pub(crate) use hub::{Broadcast, Control, HubEvent};

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

/// Publishes a server-side broadcast on channel `name`, heard only by `audience` when given
/// (a generation's progress goes to its owner alone), on the topic's private channel when
/// `private` (what the deployable project's functions do by default).
pub(crate) fn broadcast(
    state: &AppState,
    name: &str,
    event: &str,
    payload: Value,
    audience: Option<&str>,
    private: bool,
) {
    state.hub.publish(HubEvent::Broadcast(Arc::new(Broadcast {
        topic: format!("realtime:{name}"),
        event: event.to_string(),
        body: BroadcastBody::Json(payload),
        meta: None,
        binary_origin: false,
        sender: None,
        audience: audience.map(str::to_string),
        private,
    })));
}

fn refuse(status: StatusCode, message: String) -> Response {
    (status, axum::Json(json!({"error": message}))).into_response()
}

/// `POST /api/broadcast`: needs a signed-in user's token or the service key as the bearer (the
/// anon key alone is refused), and every message must be one the caller may send.
async fn rest_broadcast(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let caller = match crate::gateway::caller(&state, &headers) {
        Ok(crate::gateway::Caller::Anon) => {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "Unauthorized: broadcasting over REST needs a signed-in user's access token or the service key as the bearer".into(),
            );
        }
        Ok(caller) => caller,
        Err(_) => {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "Unauthorized: the bearer token is not valid".into(),
            );
        }
    };
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return refuse(StatusCode::BAD_REQUEST, "invalid JSON".into());
    };
    let messages = body
        .get("messages")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut valid = Vec::with_capacity(messages.len());
    for m in &messages {
        let (Some(topic), Some(event)) = (
            m.get("topic").and_then(Value::as_str),
            m.get("event").and_then(Value::as_str),
        ) else {
            continue;
        };
        let name = topic.strip_prefix("realtime:").unwrap_or(topic);
        if let Err(reason) = topics::may_send(&caller, name) {
            return refuse(StatusCode::FORBIDDEN, reason);
        }
        valid.push((
            name,
            event,
            m.get("payload").cloned().unwrap_or(Value::Null),
            m.get("private").and_then(Value::as_bool).unwrap_or(false),
        ));
    }
    for (name, event, payload, private) in valid {
        broadcast(&state, name, event, payload, None, private);
    }
    StatusCode::ACCEPTED.into_response()
}

/// Tells every socket to act on a control command.
pub(crate) fn control(state: &AppState, control: Control) {
    state.hub.publish(HubEvent::Control(Arc::new(control)));
}
