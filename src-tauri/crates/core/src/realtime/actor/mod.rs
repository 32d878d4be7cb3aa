//! The realtime actor: owns the socket, the channels and their join state. Everything runs on
//! one task (reads, writes, heartbeat, join deadlines), so the socket is read from the moment it
//! opens and nothing is ever written to a socket that is gone.

use std::collections::{BTreeMap, HashSet, VecDeque};

use futures_util::{SinkExt, StreamExt};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};
use tokio::sync::{broadcast, mpsc, watch};
use tokio::time::Instant;
use tokio_tungstenite::Connector;
use tokio_tungstenite::tungstenite::Message;

mod frames;

use super::{
    ChannelState, ChannelStatus, Command, RealtimeConfig, RealtimeMessage, RealtimeStatus,
    SocketState, Subscription, TokenSource,
};
use infinite_stories_contract::phoenix::{Frame, Vsn, decode_binary, decode_text, encode_client};

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Change events remembered for duplicate suppression.
const SEEN: usize = 512;

#[derive(Debug)]
struct Chan {
    sub: Subscription,
    join_ref: Option<String>,
    state: ChannelState,
    error: Option<String>,
    pg_ids: Vec<i64>,
    join_deadline: Option<Instant>,
    rejoin_at: Option<Instant>,
    tries: usize,
    failures: u32,
    /// The server ended the channel over its token: refresh before rejoining.
    refresh_first: bool,
    /// A presence payload waiting for the presence interval (latest wins).
    pending_track: Option<Value>,
    /// When the next presence track may go out.
    next_track: Option<Instant>,
    presence: serde_json::Map<String, Value>,
}

impl Chan {
    fn new(sub: Subscription) -> Self {
        Self {
            sub,
            join_ref: None,
            state: ChannelState::Joining,
            error: None,
            pg_ids: Vec::new(),
            join_deadline: None,
            rejoin_at: None,
            tries: 0,
            failures: 0,
            refresh_first: false,
            pending_track: None,
            next_track: None,
            presence: serde_json::Map::new(),
        }
    }
}

/// Why a socket ended.
enum Exit {
    Lost(String),
    Manual,
    Shutdown,
}

/// The TLS of a `wss://` socket: the shared rustls config, or why it could not be built.
pub(super) type Tls = Result<std::sync::Arc<rustls::ClientConfig>, String>;

pub(super) struct Actor {
    url: String,
    /// `Some` for `wss://` (always connected through this config), `None` for plain `ws://`.
    tls: Option<Tls>,
    api_key: SecretString,
    tokens: TokenSource,
    config: RealtimeConfig,
    status: watch::Sender<RealtimeStatus>,
    messages: broadcast::Sender<RealtimeMessage>,
    channels: BTreeMap<String, Chan>,
    next_ref: u64,
    manual: bool,
    attempt: u32,
    connections: u32,
    message: Option<String>,
    socket: SocketState,
    vsn: Vsn,
    token: Option<String>,
    seen: VecDeque<String>,
    seen_set: HashSet<String>,
}

impl Actor {
    pub(super) fn new(
        url: String,
        api_key: SecretString,
        tokens: TokenSource,
        config: RealtimeConfig,
        tls: Option<Tls>,
        status: watch::Sender<RealtimeStatus>,
        messages: broadcast::Sender<RealtimeMessage>,
    ) -> Self {
        let vsn = config.vsn;
        Self {
            url,
            tls,
            api_key,
            tokens,
            config,
            status,
            messages,
            channels: BTreeMap::new(),
            next_ref: 0,
            manual: true,
            attempt: 0,
            connections: 0,
            message: None,
            socket: SocketState::Disconnected,
            vsn,
            token: None,
            seen: VecDeque::new(),
            seen_set: HashSet::new(),
        }
    }

    fn publish(&self) {
        let channels = self
            .channels
            .iter()
            .map(|(topic, c)| ChannelStatus {
                topic: topic.clone(),
                state: c.state,
                error: c.error.clone(),
                failures: c.failures,
            })
            .collect();
        self.status.send_replace(RealtimeStatus {
            state: self.socket,
            channels,
            attempt: self.attempt,
            message: self.message.clone(),
            connections: self.connections,
        });
    }

    fn backoff(&self, n: usize) -> std::time::Duration {
        let b = &self.config.backoff;
        b[n.min(b.len().saturating_sub(1))]
    }

    fn make_ref(&mut self) -> String {
        self.next_ref += 1;
        self.next_ref.to_string()
    }

    async fn fresh_token(&mut self, force: bool) {
        self.token = (self.tokens)(force)
            .await
            .map(|t| t.expose_secret().to_owned());
    }

    fn current_token(&self) -> String {
        self.token
            .clone()
            .unwrap_or_else(|| self.api_key.expose_secret().to_owned())
    }

    /// Handles a command while no socket is open; `true` = stop the actor.
    fn offline_command(&mut self, cmd: Option<Command>) -> bool {
        match cmd {
            None => return true,
            Some(Command::Connect) => self.manual = false,
            Some(Command::Disconnect) => self.manual = true,
            Some(Command::Subscribe(sub)) => {
                self.channels.insert(sub.topic(), Chan::new(sub));
            }
            Some(Command::Unsubscribe(topic)) => {
                self.channels.remove(&topic);
            }
            Some(Command::UnsubscribeAll) => self.channels.clear(),
            Some(Command::TokenChanged) => {}
            Some(Command::Track(topic, payload)) => {
                if let Some(c) = self.channels.get_mut(&topic) {
                    c.pending_track = Some(payload);
                }
            }
        }
        self.publish();
        false
    }

    pub(super) async fn run(mut self, mut rx: mpsc::UnboundedReceiver<Command>) {
        loop {
            if self.manual {
                self.socket = SocketState::Disconnected;
                self.publish();
                if self.offline_command(rx.recv().await) {
                    return;
                }
                continue;
            }
            self.socket = if self.attempt == 0 {
                SocketState::Connecting
            } else {
                SocketState::Reconnecting
            };
            self.publish();
            // Fetch (and if needed refresh) the token before connecting, so every join after a
            // reconnect carries a valid one.
            self.fresh_token(false).await;
            let url = format!(
                "{}?apikey={}&vsn={}",
                self.url,
                self.api_key.expose_secret(),
                self.vsn.param()
            );
            // wss goes through the profile's TLS policy (TLS 1.3 minimum, pins), never
            // tungstenite's default rustls setup; plain ws (loopback) stays plain.
            let connector = match &self.tls {
                None => Ok(Connector::Plain),
                Some(Ok(config)) => Ok(Connector::Rustls(config.clone())),
                Some(Err(e)) => Err(e.clone()),
            };
            let connected = match connector {
                Ok(connector) => tokio_tungstenite::connect_async_tls_with_config(
                    url.as_str(),
                    None,
                    false,
                    Some(connector),
                )
                .await
                .map_err(Some),
                Err(e) => {
                    self.message = Some(format!("Live updates are unavailable ({e})."));
                    Err(None)
                }
            };
            match connected {
                Ok((ws, _)) => {
                    self.attempt = 0;
                    self.message = None;
                    self.connections += 1;
                    match self.run_socket(ws, &mut rx).await {
                        Exit::Shutdown => return,
                        Exit::Manual => continue,
                        Exit::Lost(reason) => {
                            tracing::info!(%reason, "realtime socket lost");
                            self.message = Some(reason);
                        }
                    }
                }
                Err(None) => tracing::warn!("realtime TLS setup failed"),
                Err(Some(e)) => {
                    let text = e.to_string();
                    // A server that refuses the 2.0.0 serializer still speaks 1.0.0.
                    if self.vsn == Vsn::V2
                        && matches!(&e, tokio_tungstenite::tungstenite::Error::Http(r) if r.status() == 400)
                    {
                        self.vsn = Vsn::V1;
                    }
                    tracing::info!(error = %text, "realtime connect failed");
                    self.message = Some(format!("Live updates are unavailable ({text})."));
                }
            }
            for chan in self.channels.values_mut() {
                if chan.state != ChannelState::Closed {
                    chan.state = ChannelState::Errored;
                }
                chan.join_ref = None;
                chan.join_deadline = None;
                chan.rejoin_at = None;
            }
            let delay = self.backoff(self.attempt as usize);
            self.attempt += 1;
            self.socket = SocketState::Reconnecting;
            self.publish();
            let wake = tokio::time::sleep(delay);
            tokio::pin!(wake);
            loop {
                tokio::select! {
                    _ = &mut wake => break,
                    cmd = rx.recv() => {
                        let was_manual = self.manual;
                        if self.offline_command(cmd) {
                            return;
                        }
                        if self.manual && !was_manual {
                            break;
                        }
                    }
                }
            }
        }
    }

    async fn send(&self, ws: &mut Ws, frame: &Frame) -> bool {
        ws.send(Message::Text(encode_client(self.vsn, frame).into()))
            .await
            .is_ok()
    }

    async fn join(&mut self, ws: &mut Ws, topic: &str) -> bool {
        let refresh = self.channels.get(topic).is_some_and(|c| c.refresh_first);
        if refresh {
            self.fresh_token(true).await;
        }
        let join_ref = self.make_ref();
        let token = self.current_token();
        let Some(chan) = self.channels.get_mut(topic) else {
            return true;
        };
        chan.refresh_first = false;
        chan.join_ref = Some(join_ref.clone());
        chan.state = ChannelState::Joining;
        chan.join_deadline = Some(Instant::now() + self.config.join_timeout);
        chan.rejoin_at = None;
        let payload = json!({
            "config": chan.sub.config(),
            "access_token": token,
            "version": concat!("infinite-stories-desktop/", env!("CARGO_PKG_VERSION")),
        });
        let frame = Frame {
            join_ref: Some(join_ref.clone()),
            msg_ref: Some(join_ref),
            topic: topic.to_owned(),
            event: "phx_join".into(),
            payload,
            binary: None,
        };
        let ok = self.send(ws, &frame).await;
        self.publish();
        ok
    }

    fn schedule_rejoin(&mut self, topic: &str, error: String, slow: bool) {
        let delay_index = self.channels.get(topic).map_or(0, |c| c.tries);
        let delay = if slow {
            self.backoff(usize::MAX)
        } else {
            self.backoff(delay_index)
        };
        if let Some(chan) = self.channels.get_mut(topic) {
            chan.state = ChannelState::Errored;
            chan.error = Some(error);
            chan.join_deadline = None;
            chan.join_ref = None;
            chan.tries += 1;
            chan.rejoin_at = Some(Instant::now() + delay);
        }
        self.publish();
    }

    async fn run_socket(&mut self, mut ws: Ws, rx: &mut mpsc::UnboundedReceiver<Command>) -> Exit {
        self.socket = SocketState::Connected;
        self.publish();
        let topics: Vec<String> = self
            .channels
            .iter()
            .filter(|(_, c)| c.state != ChannelState::Closed)
            .map(|(t, _)| t.clone())
            .collect();
        for topic in topics {
            if let Some(c) = self.channels.get_mut(&topic) {
                c.tries = 0;
            }
            if !self.join(&mut ws, &topic).await {
                return Exit::Lost("write failed".into());
            }
        }
        let mut next_beat = Instant::now() + self.config.heartbeat;
        let mut pending_beat: Option<String> = None;
        loop {
            let mut deadline = next_beat;
            for c in self.channels.values() {
                let track = c.pending_track.as_ref().and(c.next_track);
                for d in [c.join_deadline, c.rejoin_at, track].into_iter().flatten() {
                    deadline = deadline.min(d);
                }
            }
            tokio::select! {
                cmd = rx.recv() => {
                    let Some(cmd) = cmd else { let _ = ws.close(None).await; return Exit::Shutdown };
                    if let Some(exit) = self.command(cmd, &mut ws).await {
                        return exit;
                    }
                }
                msg = ws.next() => match msg {
                    Some(Ok(Message::Text(text))) => {
                        if let Ok(f) = decode_text(self.vsn, &text) && !self.on_frame(f, &mut pending_beat, &mut ws).await {
                            return Exit::Lost("write failed".into());
                        }
                    }
                    Some(Ok(Message::Binary(bytes))) => {
                        if let Ok(f) = decode_binary(&bytes) {
                            self.on_frame(f, &mut pending_beat, &mut ws).await;
                        }
                    }
                    Some(Ok(Message::Close(frame))) => {
                        return Exit::Lost(format!("closed by the server ({})", frame.map_or(0, |f| u16::from(f.code))));
                    }
                    Some(Ok(_)) => {}
                    Some(Err(e)) => return Exit::Lost(e.to_string()),
                    None => return Exit::Lost("connection ended".into()),
                },
                _ = tokio::time::sleep_until(deadline) => {
                    let now = Instant::now();
                    if now >= next_beat {
                        if pending_beat.is_some() {
                            // No reply within one interval: the socket is dead or half-open.
                            let _ = ws.close(None).await;
                            return Exit::Lost("heartbeat timeout".into());
                        }
                        let r = self.make_ref();
                        let beat = Frame { join_ref: None, msg_ref: Some(r.clone()), topic: "phoenix".into(), event: "heartbeat".into(), payload: json!({}), binary: None };
                        if !self.send(&mut ws, &beat).await {
                            return Exit::Lost("write failed".into());
                        }
                        pending_beat = Some(r);
                        next_beat = now + self.config.heartbeat;
                        if !self.push_token_if_changed(&mut ws).await {
                            return Exit::Lost("write failed".into());
                        }
                    }
                    let timed_out: Vec<String> = self.channels.iter().filter(|(_, c)| c.join_deadline.is_some_and(|d| d <= now)).map(|(t, _)| t.clone()).collect();
                    for topic in timed_out {
                        if let Some(jr) = self.channels.get(&topic).and_then(|c| c.join_ref.clone()) {
                            let leave = Frame { join_ref: Some(jr.clone()), msg_ref: Some(self.make_ref()), topic: topic.clone(), event: "phx_leave".into(), payload: json!({}), binary: None };
                            let _ = self.send(&mut ws, &leave).await;
                        }
                        if let Some(c) = self.channels.get_mut(&topic) {
                            c.failures += 1;
                        }
                        self.schedule_rejoin(&topic, "timed out waiting for the server".into(), false);
                    }
                    if !self.flush_tracks(&mut ws).await {
                        return Exit::Lost("write failed".into());
                    }
                    let due: Vec<String> = self.channels.iter().filter(|(_, c)| c.rejoin_at.is_some_and(|d| d <= now)).map(|(t, _)| t.clone()).collect();
                    for topic in due {
                        if !self.join(&mut ws, &topic).await {
                            return Exit::Lost("write failed".into());
                        }
                    }
                }
            }
        }
    }

    /// Sends pending presence tracks of joined channels whose interval has passed.
    async fn flush_tracks(&mut self, ws: &mut Ws) -> bool {
        let now = Instant::now();
        let interval = self.config.presence_interval;
        let due: Vec<(String, Option<String>, Value)> = self
            .channels
            .iter_mut()
            .filter(|(_, c)| matches!(c.state, ChannelState::Joined | ChannelState::Ready))
            .filter(|(_, c)| c.pending_track.is_some() && c.next_track.is_none_or(|t| t <= now))
            .filter_map(|(t, c)| {
                c.next_track = Some(now + interval);
                Some((t.clone(), c.join_ref.clone(), c.pending_track.take()?))
            })
            .collect();
        for (topic, join_ref, payload) in due {
            let frame = Frame {
                join_ref,
                msg_ref: Some(self.make_ref()),
                topic,
                event: "presence".into(),
                payload: json!({"type": "presence", "event": "track", "payload": payload}),
                binary: None,
            };
            if !self.send(ws, &frame).await {
                return false;
            }
        }
        true
    }

    async fn push_token_if_changed(&mut self, ws: &mut Ws) -> bool {
        let before = self.token.clone();
        self.fresh_token(false).await;
        if self.token == before {
            return true;
        }
        let token = self.current_token();
        let joined: Vec<(String, Option<String>)> = self
            .channels
            .iter()
            .filter(|(_, c)| matches!(c.state, ChannelState::Joined | ChannelState::Ready))
            .map(|(t, c)| (t.clone(), c.join_ref.clone()))
            .collect();
        for (topic, join_ref) in joined {
            let push = Frame {
                join_ref,
                msg_ref: Some(self.make_ref()),
                topic,
                event: "access_token".into(),
                payload: json!({"access_token": token}),
                binary: None,
            };
            if !self.send(ws, &push).await {
                return false;
            }
        }
        true
    }

    async fn command(&mut self, cmd: Command, ws: &mut Ws) -> Option<Exit> {
        match cmd {
            Command::Connect => {}
            Command::Disconnect => {
                self.manual = true;
                let _ = ws.close(None).await;
                return Some(Exit::Manual);
            }
            Command::Subscribe(sub) => {
                let topic = sub.topic();
                let same = self
                    .channels
                    .get(&topic)
                    .is_some_and(|c| c.sub == sub && c.state != ChannelState::Closed);
                if !same {
                    self.leave(ws, &topic).await;
                    self.channels.insert(topic.clone(), Chan::new(sub));
                    if !self.join(ws, &topic).await {
                        return Some(Exit::Lost("write failed".into()));
                    }
                }
            }
            Command::Unsubscribe(topic) => self.leave(ws, &topic).await,
            Command::UnsubscribeAll => {
                let topics: Vec<String> = self.channels.keys().cloned().collect();
                for t in topics {
                    self.leave(ws, &t).await;
                }
            }
            Command::TokenChanged => {
                if !self.push_token_if_changed(ws).await {
                    return Some(Exit::Lost("write failed".into()));
                }
            }
            Command::Track(topic, payload) => {
                if let Some(c) = self.channels.get_mut(&topic) {
                    c.pending_track = Some(payload);
                }
                if !self.flush_tracks(ws).await {
                    return Some(Exit::Lost("write failed".into()));
                }
            }
        }
        self.publish();
        None
    }

    async fn leave(&mut self, ws: &mut Ws, topic: &str) {
        if let Some(chan) = self.channels.remove(topic)
            && let Some(jr) = chan.join_ref
        {
            let leave = Frame {
                join_ref: Some(jr.clone()),
                msg_ref: Some(self.make_ref()),
                topic: topic.to_owned(),
                event: "phx_leave".into(),
                payload: json!({}),
                binary: None,
            };
            let _ = self.send(ws, &leave).await;
        }
        self.publish();
    }

    fn emit(&self, m: RealtimeMessage) {
        let _ = self.messages.send(m);
    }
}
