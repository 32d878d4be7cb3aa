//! One realtime WebSocket: reads Phoenix frames, keeps its joined channels, forwards what the
//! hub publishes to them, answers heartbeats, re-checks channel tokens, and obeys fault rules.
//! A writer task owns the sending half so delayed replies (a fault) never block the reader.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::{broadcast, mpsc};

use super::channel::{self, Channel};
use super::codec::{self, BroadcastBody, Encoded, Frame, Vsn};
use super::hub::{Broadcast, Control, HubEvent};
use super::topics;
use crate::faults::RealtimeFault;
use crate::state::AppState;

static SOCKET_IDS: AtomicU64 = AtomicU64::new(1);

/// How long a closing frame may wait for a client that is not reading.
const CLOSE_GRACE: Duration = Duration::from_secs(2);

/// What the writer task sends.
enum Out {
    Frame(Encoded),
    Close(u16, &'static str),
}

struct Socket {
    state: AppState,
    id: u64,
    vsn: Vsn,
    apikey: String,
    out: mpsc::Sender<Out>,
    /// Set when the outgoing queue was full: the client stopped reading.
    behind: std::cell::Cell<bool>,
    channels: HashMap<String, Channel>,
    half_open: bool,
}

/// Runs a socket until it closes.
pub(crate) async fn run(state: AppState, ws: WebSocket, vsn: Vsn, apikey: String) {
    let _ticket = state.sockets.enter();
    let (mut sink, mut stream) = ws.split();
    let (tx, mut rx) = mpsc::channel::<Out>(state.config.realtime_out_queue.max(1));
    let (behind_tx, mut behind_rx) = tokio::sync::oneshot::channel::<()>();
    let writer = tokio::spawn(async move {
        loop {
            let out = tokio::select! {
                biased;
                _ = &mut behind_rx => Out::Close(1013, "too far behind, please reconnect"),
                out = rx.recv() => match out { Some(out) => out, None => break },
            };
            let msg = match out {
                Out::Frame(Encoded::Text(t)) => Message::Text(t.into()),
                Out::Frame(Encoded::Binary(b)) => Message::Binary(b.into()),
                Out::Close(code, reason) => {
                    let close = Message::Close(Some(CloseFrame {
                        code,
                        reason: reason.into(),
                    }));
                    let _ = tokio::time::timeout(CLOSE_GRACE, sink.send(close)).await;
                    break;
                }
            };
            if sink.send(msg).await.is_err() {
                break;
            }
        }
    });
    let mut behind_tx = Some(behind_tx);
    let mut hub = state.hub.subscribe();
    let mut stopping = state.stopping.clone();
    let mut socket = Socket {
        id: SOCKET_IDS.fetch_add(1, Ordering::Relaxed),
        state: state.clone(),
        vsn,
        apikey,
        out: tx,
        behind: std::cell::Cell::new(false),
        channels: HashMap::new(),
        half_open: false,
    };
    loop {
        if socket.behind.get() {
            tracing::warn!("realtime client stopped reading; closing its socket (1013)");
            if let Some(tx) = behind_tx.take() {
                let _ = tx.send(());
            }
            break;
        }
        let wait = socket.next_check();
        tokio::select! {
            incoming = stream.next() => match incoming {
                // A half-open socket still notices the peer leaving, but answers nothing.
                Some(Ok(_)) if socket.half_open => {}
                Some(Ok(Message::Text(text))) => socket.on_text(text.as_str()),
                Some(Ok(Message::Binary(bytes))) => socket.on_binary(&bytes),
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
            },
            event = hub.recv() => match event {
                Ok(event) => if !socket.half_open && socket.on_hub(&event) { break },
                Err(broadcast::error::RecvError::Lagged(n)) => {
                    // Events were lost for this socket: close it so the client reconnects,
                    // rejoins and refetches, rather than silently missing changes.
                    tracing::warn!(missed = n, "realtime socket lagged behind the hub; closing it");
                    socket.queue(Out::Close(1011, "lagged behind, please reconnect"));
                    break;
                }
                Err(broadcast::error::RecvError::Closed) => break,
            },
            _ = stopping.changed() => {
                socket.queue(Out::Close(1001, "server shutting down"));
                break;
            }
            _ = tokio::time::sleep(wait), if !socket.half_open => socket.check_tokens(),
        }
    }
    for topic in socket.channels.keys() {
        state.hub.untrack(topic, socket.id);
    }
    drop(socket);
    let _ = writer.await;
}

impl Socket {
    /// Queues `out` for the writer; a full queue marks the socket as behind (closed by `run`).
    fn queue(&self, out: Out) {
        if let Err(mpsc::error::TrySendError::Full(_)) = self.out.try_send(out) {
            self.behind.set(true);
        }
    }

    fn send(&self, frame: Frame) {
        if !self.half_open {
            self.queue(Out::Frame(codec::encode(self.vsn, &frame)));
        }
    }

    fn push(&self, topic: &str, join_ref: Option<String>, event: &str, payload: Value) {
        self.send(Frame {
            join_ref,
            msg_ref: None,
            topic: topic.into(),
            event: event.into(),
            payload,
            binary: None,
        });
    }

    fn reply(&self, req: &Frame, status: &str, response: Value) {
        self.send(Frame {
            join_ref: req.join_ref.clone(),
            msg_ref: req.msg_ref.clone(),
            topic: req.topic.clone(),
            event: "phx_reply".into(),
            payload: json!({"status": status, "response": response}),
            binary: None,
        });
    }

    /// Time until the earliest channel token needs a re-check.
    fn next_check(&self) -> Duration {
        let now = self.state.now_secs();
        let recheck = self.state.config.realtime_token_recheck;
        self.channels
            .values()
            .filter_map(|c| c.auth.exp)
            .map(|exp| Duration::from_secs((exp - now).max(0) as u64 + 1).min(recheck))
            .min()
            .unwrap_or(recheck)
    }

    /// Shuts channels whose token has expired: `system` error, then `phx_close`.
    fn check_tokens(&mut self) {
        let now = self.state.now_secs();
        let expired: Vec<(String, i64)> = self
            .channels
            .values()
            .filter_map(|c| {
                c.auth
                    .exp
                    .filter(|exp| *exp <= now)
                    .map(|exp| (c.topic.clone(), now - exp))
            })
            .collect();
        for (topic, ago) in expired {
            self.shutdown_channel(&topic, &format!("Token has expired {ago} seconds ago"));
        }
    }

    fn shutdown_channel(&mut self, topic: &str, message: &str) {
        if let Some(ch) = self.channels.remove(topic) {
            self.push(topic, None, "system", json!({"extension": "system", "status": "error", "message": message, "channel": ch.name()}));
            self.push(topic, ch.join_ref.clone(), "phx_close", json!({}));
            self.state.hub.untrack(topic, self.id);
        }
    }

    fn on_text(&mut self, text: &str) {
        match codec::decode_text(self.vsn, text) {
            Ok(frame) => self.on_frame(frame),
            Err(e) => tracing::debug!(error = %e, "ignoring an undecodable realtime frame"),
        }
    }

    fn on_binary(&mut self, bytes: &[u8]) {
        match codec::decode_binary(bytes) {
            Ok(frame) => self.on_frame(frame),
            Err(e) => tracing::debug!(error = %e, "ignoring an undecodable binary frame"),
        }
    }

    fn on_frame(&mut self, frame: Frame) {
        self.check_tokens();
        let name = frame
            .topic
            .strip_prefix("realtime:")
            .unwrap_or(&frame.topic)
            .to_string();
        if self
            .state
            .faults
            .realtime(RealtimeFault::HalfOpen, &name)
            .is_some()
        {
            self.half_open = true;
            return;
        }
        match (frame.topic.as_str(), frame.event.as_str()) {
            ("phoenix", "heartbeat") => {
                if self
                    .state
                    .faults
                    .realtime(RealtimeFault::DropHeartbeat, "phoenix")
                    .is_none()
                {
                    self.reply(&frame, "ok", json!({}));
                }
            }
            (_, "phx_join") => self.join(frame),
            (topic, event) => {
                let Some(channel) = self.channels.get(topic).cloned() else {
                    self.reply(&frame, "error", json!({"reason": "unmatched topic"}));
                    return;
                };
                match event {
                    "phx_leave" => {
                        self.reply(&frame, "ok", json!({}));
                        self.channels.remove(topic);
                        self.state.hub.untrack(topic, self.id);
                        self.push(topic, channel.join_ref.clone(), "phx_close", json!({}));
                    }
                    "broadcast" => self.broadcast(&channel, &frame),
                    "presence" => self.presence(&channel, &frame),
                    "access_token" => self.access_token(&channel, &frame),
                    _ => self.reply(&frame, "error", json!({"reason": "unknown event"})),
                }
            }
        }
    }

    fn join(&mut self, frame: Frame) {
        let topic = frame.topic.clone();
        if !topic.starts_with("realtime:") {
            self.reply(&frame, "error", json!({"reason": "unmatched topic"}));
            return;
        }
        if topic == "realtime:" {
            self.reply(
                &frame,
                "error",
                json!({"reason": "TopicNameRequired: You must provide a topic name"}),
            );
            return;
        }
        if let Some(old) = self.channels.remove(&topic) {
            self.state.hub.untrack(&topic, self.id);
            self.push(&topic, old.join_ref.clone(), "phx_close", json!({}));
        }
        let token = frame
            .payload
            .get("access_token")
            .or_else(|| frame.payload.get("user_token"))
            .and_then(Value::as_str)
            .filter(|t| !t.starts_with("sb_"))
            .unwrap_or(&self.apikey)
            .to_string();
        let auth = match channel::authorise(&self.state, &token) {
            Ok(auth) => auth,
            Err(reason) => {
                self.reply(&frame, "error", json!({"reason": reason}));
                return;
            }
        };
        let (channel, echoed) = channel::from_join(
            &topic,
            frame.join_ref.clone().or(frame.msg_ref.clone()),
            auth,
            &frame.payload,
        );
        if channel.private && matches!(channel.auth.caller, crate::gateway::Caller::Anon) {
            self.reply(&frame, "error", json!({"reason": format!("Unauthorized: You do not have permissions to read from this Channel topic: {}", channel.name())}));
            return;
        }
        if let Err(reason) = topics::may_join(&channel.auth.caller, channel.name()) {
            self.reply(&frame, "error", json!({"reason": reason}));
            return;
        }
        let mut messages = vec![Frame {
            join_ref: frame.join_ref.clone(),
            msg_ref: frame.msg_ref.clone(),
            topic: topic.clone(),
            event: "phx_reply".into(),
            payload: json!({"status": "ok", "response": {"postgres_changes": echoed}}),
            binary: None,
        }];
        if !channel.bindings.is_empty() {
            let problem = channel.bindings.iter().find_map(|b| b.problem.clone());
            let (status, message) = match &problem {
                None => ("ok", "Subscribed to PostgreSQL".to_string()),
                Some(p) => ("error", p.clone()),
            };
            messages.push(Frame {
                join_ref: None, msg_ref: None, topic: topic.clone(), event: "system".into(),
                payload: json!({"extension": "postgres_changes", "status": status, "message": message, "channel": channel.name()}),
                binary: None,
            });
        }
        if channel.presence_enabled {
            messages.push(Frame {
                join_ref: None,
                msg_ref: None,
                topic: topic.clone(),
                event: "presence_state".into(),
                payload: self.state.hub.presence_state(&topic),
                binary: None,
            });
        }
        let delay = self
            .state
            .faults
            .realtime(RealtimeFault::DelayJoin, channel.name());
        self.channels.insert(topic, channel);
        match delay {
            None => messages.into_iter().for_each(|m| self.send(m)),
            Some(ms) => {
                let (out, vsn) = (self.out.clone(), self.vsn);
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    for m in messages {
                        let _ = out.send(Out::Frame(codec::encode(vsn, &m))).await;
                    }
                });
            }
        }
    }

    fn broadcast(&mut self, channel: &Channel, frame: &Frame) {
        if let Err(reason) = topics::may_send(&channel.auth.caller, channel.name()) {
            self.reply(frame, "error", json!({"reason": reason}));
            return;
        }
        let event = frame
            .payload
            .get("event")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let body = match frame.binary.as_ref().and_then(|b| b.raw.clone()) {
            Some(raw) => BroadcastBody::Raw(raw),
            None => {
                BroadcastBody::Json(frame.payload.get("payload").cloned().unwrap_or(Value::Null))
            }
        };
        self.state
            .hub
            .publish(HubEvent::Broadcast(Arc::new(Broadcast {
                topic: channel.topic.clone(),
                event,
                body,
                meta: frame.binary.as_ref().and_then(|b| b.meta.clone()),
                binary_origin: frame.binary.is_some(),
                sender: Some(self.id),
                audience: None,
                private: channel.private,
            })));
        if channel.broadcast_ack {
            self.reply(frame, "ok", json!({}));
        }
    }

    fn presence(&mut self, channel: &Channel, frame: &Frame) {
        let key = format!("presence:{}:{}", self.id, channel.topic);
        let limit = self.state.config.presence_updates_per_30s;
        if self
            .state
            .limiter
            .hit(&key, limit, 30_000, self.state.now_millis())
            .is_err()
        {
            self.shutdown_channel(&channel.topic, "Client presence rate limit exceeded");
            return;
        }
        match frame.payload.get("event").and_then(Value::as_str) {
            Some("track") => match frame.payload.get("payload") {
                Some(Value::Object(p)) => {
                    self.state
                        .hub
                        .track(&channel.topic, &channel.presence_key, self.id, p.clone());
                    self.reply(frame, "ok", json!({}));
                }
                _ => self.reply(
                    frame,
                    "error",
                    json!({"reason": "Presence track payload must be a map"}),
                ),
            },
            Some("untrack") => {
                self.state.hub.untrack(&channel.topic, self.id);
                self.reply(frame, "ok", json!({}));
            }
            _ => self.reply(frame, "error", json!({"reason": "unknown presence event"})),
        }
    }

    fn access_token(&mut self, channel: &Channel, frame: &Frame) {
        let Some(token) = frame.payload.get("access_token").and_then(Value::as_str) else {
            return;
        };
        if token == channel.auth.token || token.starts_with("sb_") {
            return;
        }
        match channel::authorise(&self.state, token) {
            Ok(auth) => {
                if let Some(ch) = self.channels.get_mut(&channel.topic) {
                    ch.auth = auth;
                }
            }
            Err(reason) => {
                let message = reason
                    .split_once(": ")
                    .map(|(_, m)| m.to_string())
                    .unwrap_or(reason);
                self.shutdown_channel(&channel.topic, &message);
            }
        }
    }

    /// Handles a hub event; `true` closes the socket.
    fn on_hub(&mut self, event: &HubEvent) -> bool {
        match event {
            HubEvent::Change(change) => {
                for ch in self.channels.values() {
                    if let Some(payload) = channel::change_payload(ch, change) {
                        self.push(&ch.topic, None, "postgres_changes", payload);
                    }
                }
            }
            HubEvent::Broadcast(b) => {
                let Some(ch) = self.channels.get(&b.topic) else {
                    return false;
                };
                if b.sender == Some(self.id) && !ch.broadcast_self
                    || b.private != ch.private
                    || !topics::may_hear(&ch.auth.caller, b.audience.as_deref())
                {
                    return false;
                }
                let encoded = match (self.vsn, b.binary_origin, &b.body) {
                    // A binary-origin broadcast's fields came in a binary header, so they fit
                    // one again; were one not to, it is dropped rather than sent truncated.
                    (Vsn::V2, true, body) => {
                        codec::encode_user_broadcast(&b.topic, &b.event, body, b.meta.as_ref())
                            .inspect_err(
                                |e| tracing::warn!(topic = %b.topic, "broadcast not relayed: {e}"),
                            )
                            .ok()
                    }
                    (_, _, BroadcastBody::Json(p)) => {
                        let mut payload =
                            json!({"type": "broadcast", "event": b.event, "payload": p});
                        if let Some(m) = &b.meta {
                            payload["meta"] = m.clone();
                        }
                        let f = Frame {
                            join_ref: None,
                            msg_ref: None,
                            topic: b.topic.clone(),
                            event: "broadcast".into(),
                            payload,
                            binary: None,
                        };
                        Some(codec::encode(self.vsn, &f))
                    }
                    (Vsn::V1, _, BroadcastBody::Raw(_))
                    | (Vsn::V2, false, BroadcastBody::Raw(_)) => None,
                };
                if let Some(e) = encoded {
                    self.queue(Out::Frame(e));
                }
            }
            HubEvent::Presence(diff) => {
                if let Some(ch) = self.channels.get(&diff.topic)
                    && ch.presence_enabled
                {
                    self.push(
                        &diff.topic,
                        None,
                        "presence_diff",
                        json!({"joins": diff.joins, "leaves": diff.leaves}),
                    );
                }
            }
            HubEvent::Control(control) => match control.as_ref() {
                Control::CloseSockets => {
                    self.queue(Out::Close(1001, "server requested disconnect"));
                    return true;
                }
                Control::ExpireTokens { channel } => {
                    let topics: Vec<String> = self.matching(channel.as_deref());
                    for t in topics {
                        self.shutdown_channel(&t, "Token has expired 0 seconds ago");
                    }
                }
                Control::ChannelError { channel } => {
                    for t in self.matching(channel.as_deref()) {
                        if let Some(ch) = self.channels.remove(&t) {
                            self.state.hub.untrack(&t, self.id);
                            self.push(&t, ch.join_ref.clone(), "phx_error", json!({}));
                        }
                    }
                }
            },
        }
        false
    }

    fn matching(&self, prefix: Option<&str>) -> Vec<String> {
        self.channels
            .values()
            .filter(|c| prefix.is_none_or(|p| c.name().starts_with(p)))
            .map(|c| c.topic.clone())
            .collect()
    }
}
