//! The realtime client: an actor that owns one Phoenix WebSocket to `/realtime/v1/websocket`
//! (vsn 2.0.0, 1.0.0 as fallback), controlled through a channel and observed through a watch
//! (status) and a broadcast (messages). It heartbeats every 25 s and treats a missing reply as
//! a dead socket (half-open after sleep or Wi-Fi loss); reconnects with 1, 2, 5, 10 s backoff,
//! fetching a fresh token first; rejoins every channel with its full config and the current
//! token; pushes refreshed tokens to joined channels; resubscribes after a `system` token-expiry
//! shutdown; suppresses duplicate change events; and announces every (re)join so the consumer
//! refetches what changed while it was away.

mod actor;
mod live;

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use secrecy::SecretString;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::{broadcast, mpsc, watch};

pub use infinite_stories_contract::phoenix::Vsn;

/// Where the actor gets the token for joins and pushes: `force = true` asks for a refreshed
/// one (after the server said the token expired). `None` = signed out (the API key is used).
pub type TokenSource = Arc<dyn Fn(bool) -> BoxFuture<'static, Option<SecretString>> + Send + Sync>;

/// Timings (realtime-js defaults; tests shorten them).
#[derive(Clone, Debug)]
pub struct RealtimeConfig {
    /// Heartbeat interval; no reply by the next beat = dead socket.
    pub heartbeat: Duration,
    /// How long a join may go unanswered.
    pub join_timeout: Duration,
    /// Reconnect (and rejoin) delays; the last one repeats.
    pub backoff: Vec<Duration>,
    /// Serializer to ask for first.
    pub vsn: Vsn,
    /// Least time between two presence `track`s on a channel: the server allows 5 per 30 s
    /// and shuts the channel beyond that, so faster calls are coalesced (latest payload wins).
    pub presence_interval: Duration,
}

impl Default for RealtimeConfig {
    fn default() -> Self {
        Self {
            heartbeat: Duration::from_secs(25),
            join_timeout: Duration::from_secs(10),
            backoff: [1, 2, 5, 10].map(Duration::from_secs).to_vec(),
            vsn: Vsn::V2,
            presence_interval: Duration::from_secs(6),
        }
    }
}

/// The app's subscriptions (api-contract §5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subscription {
    /// New stories of the user (`story-updates-{userId}`).
    StoryInserts {
        /// The user.
        user_id: String,
    },
    /// Illustration progress of one story (`illustration-{storyId}`).
    IllustrationProgress {
        /// The story.
        story_id: String,
    },
    /// A household's devices (`presence-{roomId}`).
    Presence {
        /// Room: the account's user id, optionally `<userId>:<name>` (the server refuses other
        /// accounts' presence).
        room: String,
        /// This device's presence key.
        key: String,
    },
    /// Progress broadcasts of one generation (`progress-{requestId}`).
    Progress {
        /// The call's request id.
        request_id: String,
    },
    /// Every change to the user's heroes and custom events (`family-{userId}`), so another
    /// device's edits reach the library.
    FamilyChanges {
        /// The user.
        user_id: String,
    },
}

impl Subscription {
    /// The channel topic (`realtime:<name>`).
    pub fn topic(&self) -> String {
        let name = match self {
            Subscription::StoryInserts { user_id } => format!("story-updates-{user_id}"),
            Subscription::IllustrationProgress { story_id } => format!("illustration-{story_id}"),
            Subscription::Presence { room, .. } => format!("presence-{room}"),
            Subscription::Progress { request_id } => format!("progress-{request_id}"),
            Subscription::FamilyChanges { user_id } => format!("family-{user_id}"),
        };
        format!("realtime:{name}")
    }

    /// The `postgres_changes` bindings asked for.
    pub(crate) fn bindings(&self) -> Vec<Value> {
        match self {
            Subscription::StoryInserts { user_id } => vec![
                json!({"event": "INSERT", "schema": "public", "table": "stories", "filter": format!("user_id=eq.{user_id}")}),
            ],
            Subscription::IllustrationProgress { story_id } => vec![
                json!({"event": "UPDATE", "schema": "public", "table": "story_illustrations", "filter": format!("story_id=eq.{story_id}")}),
            ],
            Subscription::FamilyChanges { user_id } => ["heroes", "custom_events"]
                .iter()
                .map(|table| json!({"event": "*", "schema": "public", "table": table, "filter": format!("user_id=eq.{user_id}")}))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the channel is joined as a private one: a generation's progress and a family's
    /// presence are, so Realtime checks the `realtime.messages` policies on joining and a
    /// project's functions can broadcast progress privately. Database changes stay on public
    /// channels, where Realtime applies each table's row-level security instead.
    pub(crate) fn private(&self) -> bool {
        matches!(
            self,
            Subscription::Progress { .. } | Subscription::Presence { .. }
        )
    }

    /// The full `config` of the join payload (sent identically on every rejoin).
    pub(crate) fn config(&self) -> Value {
        let (key, presence) = match self {
            Subscription::Presence { key, .. } => (key.clone(), true),
            _ => (String::new(), false),
        };
        json!({
            "broadcast": {"ack": false, "self": false},
            "presence": {"key": key, "enabled": presence},
            "postgres_changes": self.bindings(),
            "private": self.private(),
        })
    }
}

/// What arrives on a channel.
#[derive(Clone, Debug, PartialEq)]
pub enum RealtimeMessage {
    /// A database change (deduplicated).
    Change {
        /// Topic.
        topic: String,
        /// Table.
        table: String,
        /// `INSERT`, `UPDATE`, `DELETE`.
        change: String,
        /// New row.
        record: Value,
        /// Old row (keys at least).
        old_record: Value,
        /// Commit time as sent.
        commit_timestamp: String,
    },
    /// A broadcast.
    Broadcast {
        /// Topic.
        topic: String,
        /// User event name.
        event: String,
        /// Payload.
        payload: Value,
    },
    /// Presence after a state or diff (key → metas).
    Presence {
        /// Topic.
        topic: String,
        /// Current presences.
        state: Value,
    },
    /// The channel (re)joined: anything sent while away is lost, refetch it.
    Rejoined {
        /// Topic.
        topic: String,
    },
    /// The server confirmed the database subscription is live (`system` ok).
    Ready {
        /// Topic.
        topic: String,
    },
}

/// Socket state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SocketState {
    /// Not connected and not trying (start, or after `disconnect`).
    Disconnected,
    /// Opening.
    Connecting,
    /// Open.
    Connected,
    /// Lost; waiting to retry.
    Reconnecting,
}

/// Channel state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ChannelState {
    /// Join sent.
    Joining,
    /// Joined.
    Joined,
    /// Joined and the server says the subscription is live.
    Ready,
    /// Failed; a rejoin is scheduled unless the error is final.
    Errored,
    /// Closed by the server; not rejoined.
    Closed,
}

/// One channel as the UI sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChannelStatus {
    /// Topic.
    pub topic: String,
    /// State.
    pub state: ChannelState,
    /// Last error.
    pub error: Option<String>,
    /// Joins refused or timed out since subscribing (diagnostics).
    pub failures: u32,
}

/// The realtime connection as the UI sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RealtimeStatus {
    /// Socket.
    pub state: SocketState,
    /// Channels.
    pub channels: Vec<ChannelStatus>,
    /// Failed connection attempts in a row.
    pub attempt: u32,
    /// Why the last connection failed.
    pub message: Option<String>,
    /// Sockets opened so far (diagnostics; a reconnect opens a new one).
    pub connections: u32,
}

impl RealtimeStatus {
    fn initial() -> Self {
        Self {
            state: SocketState::Disconnected,
            channels: Vec::new(),
            attempt: 0,
            message: None,
            connections: 0,
        }
    }
}

#[derive(Debug)]
enum Command {
    Subscribe(Subscription),
    Unsubscribe(String),
    UnsubscribeAll,
    Connect,
    Disconnect,
    TokenChanged,
    Track(String, Value),
}

/// The handle to the actor. Dropping every handle stops it.
#[derive(Clone, Debug)]
pub struct RealtimeClient {
    commands: mpsc::UnboundedSender<Command>,
    status: watch::Receiver<RealtimeStatus>,
    messages: broadcast::Sender<RealtimeMessage>,
}

impl RealtimeClient {
    /// Starts the actor for the backend at `base_url` (`http(s)://host`), disconnected until
    /// [`RealtimeClient::connect`]. A `wss://` socket gets the default TLS policy
    /// ([`crate::http::tls::client_config`] without pins: TLS 1.3 minimum, Mozilla roots); a
    /// connected profile uses [`RealtimeClient::spawn_with_tls`] to share its pins and roots.
    pub fn spawn(
        base_url: &str,
        api_key: SecretString,
        tokens: TokenSource,
        config: RealtimeConfig,
    ) -> Self {
        Self::spawn_with_tls(base_url, api_key, tokens, config, None)
    }

    /// [`RealtimeClient::spawn`] with the TLS policy for `wss://`: the same
    /// `Arc<rustls::ClientConfig>` the profile's HTTP transport uses
    /// ([`crate::http::Transport::tls_config`]), so the socket has the same TLS 1.3 minimum and
    /// certificate pins as the requests. `None` = the default policy. Plain `ws://` (the
    /// embedded backend on loopback) ignores it.
    pub fn spawn_with_tls(
        base_url: &str,
        api_key: SecretString,
        tokens: TokenSource,
        config: RealtimeConfig,
        tls: Option<Arc<rustls::ClientConfig>>,
    ) -> Self {
        let (commands, rx) = mpsc::unbounded_channel();
        let (status_tx, status) = watch::channel(RealtimeStatus::initial());
        let (messages, _) = broadcast::channel(1024);
        let ws_base = base_url.trim_end_matches('/').replacen("http", "ws", 1);
        let tls = if ws_base.starts_with("wss://") {
            Some(match tls {
                Some(tls) => Ok(tls),
                None => crate::http::tls::client_config(&[], &[])
                    .map(Arc::new)
                    .map_err(|e| e.to_string()),
            })
        } else {
            None
        };
        let actor = actor::Actor::new(
            format!("{ws_base}/realtime/v1/websocket"),
            api_key,
            tokens,
            config,
            tls,
            status_tx,
            messages.clone(),
        );
        tokio::spawn(actor.run(rx));
        Self {
            commands,
            status,
            messages,
        }
    }

    /// Opens the socket (and keeps it open until [`RealtimeClient::disconnect`]).
    pub fn connect(&self) {
        let _ = self.commands.send(Command::Connect);
    }

    /// Closes the socket; no reconnect until the next `connect`.
    pub fn disconnect(&self) {
        let _ = self.commands.send(Command::Disconnect);
    }

    /// Subscribes (a second subscribe to the same topic replaces the first: one channel).
    pub fn subscribe(&self, subscription: Subscription) -> String {
        let topic = subscription.topic();
        let _ = self.commands.send(Command::Subscribe(subscription));
        topic
    }

    /// Leaves `topic`.
    pub fn unsubscribe(&self, topic: &str) {
        let _ = self.commands.send(Command::Unsubscribe(topic.to_owned()));
    }

    /// Leaves every channel.
    pub fn unsubscribe_all(&self) {
        let _ = self.commands.send(Command::UnsubscribeAll);
    }

    /// Tracks this device's presence on a presence channel (`topic` from `subscribe`). Calls
    /// faster than the server's limit are coalesced: the latest payload is sent when allowed.
    pub fn track(&self, topic: &str, payload: Value) {
        let _ = self
            .commands
            .send(Command::Track(topic.to_owned(), payload));
    }

    /// The session's token changed: push it to joined channels now.
    pub fn token_changed(&self) {
        let _ = self.commands.send(Command::TokenChanged);
    }

    /// The status now.
    pub fn status(&self) -> RealtimeStatus {
        self.status.borrow().clone()
    }

    /// A watch of the status.
    pub fn watch_status(&self) -> watch::Receiver<RealtimeStatus> {
        self.status.clone()
    }

    /// A subscription to channel messages.
    pub fn messages(&self) -> broadcast::Receiver<RealtimeMessage> {
        self.messages.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::Subscription;

    fn every_subscription() -> [Subscription; 5] {
        let id = || "u1".to_string();
        [
            Subscription::StoryInserts { user_id: id() },
            Subscription::IllustrationProgress { story_id: id() },
            Subscription::Presence {
                room: id(),
                key: id(),
            },
            Subscription::Progress { request_id: id() },
            Subscription::FamilyChanges { user_id: id() },
        ]
    }

    /// The deployable project's publication must hold every table the client subscribes to (a
    /// table missing there is silently never heard from on a real project) and nothing more.
    #[test]
    fn the_projects_publication_holds_exactly_the_tables_subscribed_to() {
        let subscribed: BTreeSet<String> = every_subscription()
            .iter()
            .flat_map(Subscription::bindings)
            .map(|b| b["table"].as_str().unwrap().to_string())
            .collect();
        let migrations = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../supabase/migrations");
        let mut published = BTreeSet::new();
        for entry in std::fs::read_dir(migrations).unwrap() {
            let sql = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let marker = "alter publication supabase_realtime add table public.";
            for (at, _) in sql.match_indices(marker) {
                let name: String = sql[at + marker.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                published.insert(name);
            }
        }
        assert_eq!(subscribed, published);
    }

    /// A generation's progress and a family's presence are private channels (Realtime checks
    /// the `realtime.messages` policies); database changes stay public (table RLS applies).
    #[test]
    fn progress_and_presence_join_privately_database_changes_publicly() {
        let private: Vec<bool> = every_subscription()
            .iter()
            .map(|s| s.config()["private"].as_bool().unwrap())
            .collect();
        assert_eq!(private, [false, false, true, true, false]);
    }
}
