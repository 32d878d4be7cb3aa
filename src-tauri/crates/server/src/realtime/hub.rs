//! The in-process bus between writers and sockets: committed row changes, user broadcasts,
//! presence diffs and fault/shutdown commands go out on one `tokio::sync::broadcast` channel;
//! each socket filters what concerns its channels. Presence state lives here too.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use infinite_stories_contract::phoenix::BroadcastBody;
use serde_json::{Map, Value, json};
use tokio::sync::broadcast;

use crate::rest::change::Change;

/// A user broadcast on a topic.
#[derive(Debug, Clone)]
pub(crate) struct Broadcast {
    /// Full topic, `realtime:<name>`.
    pub topic: String,
    pub event: String,
    pub body: BroadcastBody,
    pub meta: Option<Value>,
    /// Whether the sender used a binary frame (receivers on vsn 2.0.0 then get kind 4).
    pub binary_origin: bool,
    /// The sending socket, so `self: false` can skip it.
    pub sender: Option<u64>,
    /// The only user who may hear it (a generation's progress), `None` for everyone on the topic.
    pub audience: Option<String>,
    /// Sent on the private channel of the topic: heard only by channels joined with
    /// `config.private: true`, as Realtime keeps a topic's private and public channels apart.
    pub private: bool,
}

/// A presence change on a topic.
#[derive(Debug, Clone)]
pub(crate) struct PresenceDiff {
    pub topic: String,
    pub joins: Map<String, Value>,
    pub leaves: Map<String, Value>,
}

/// A command for sockets (fault injection, shutdown of channels).
#[derive(Debug, Clone)]
pub(crate) enum Control {
    /// Treat every matching channel's token as expired now.
    ExpireTokens { channel: Option<String> },
    /// Send `phx_error` on matching channels.
    ChannelError { channel: Option<String> },
    /// Close every socket with code 1001.
    CloseSockets,
}

/// What travels on the bus.
#[derive(Debug, Clone)]
pub(crate) enum HubEvent {
    Change(Arc<Change>),
    Broadcast(Arc<Broadcast>),
    Presence(Arc<PresenceDiff>),
    Control(Arc<Control>),
}

#[derive(Debug, Clone)]
struct Meta {
    phx_ref: String,
    socket: u64,
    payload: Map<String, Value>,
}

/// The realtime hub.
#[derive(Debug)]
pub(crate) struct Hub {
    tx: broadcast::Sender<HubEvent>,
    presence: Mutex<HashMap<String, HashMap<String, Vec<Meta>>>>,
    refs: AtomicU64,
}

impl Default for Hub {
    fn default() -> Self {
        Self::new()
    }
}

impl Hub {
    pub(crate) fn new() -> Self {
        let (tx, _) = broadcast::channel(16_384);
        Hub {
            tx,
            presence: Mutex::new(HashMap::new()),
            refs: AtomicU64::new(1),
        }
    }

    pub(crate) fn publish(&self, event: HubEvent) {
        // No subscriber is fine: nobody is listening.
        let _ = self.tx.send(event);
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<HubEvent> {
        self.tx.subscribe()
    }

    /// A fresh `phx_ref`-like id.
    pub(crate) fn next_ref(&self) -> String {
        let n = self.refs.fetch_add(1, Ordering::Relaxed);
        format!("F{n:016X}")
    }

    fn meta_json(m: &Meta) -> Value {
        let mut o = m.payload.clone();
        o.insert("phx_ref".into(), json!(m.phx_ref));
        Value::Object(o)
    }

    /// The full presence state of a topic.
    pub(crate) fn presence_state(&self, topic: &str) -> Value {
        let all = self.presence.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = Map::new();
        if let Some(keys) = all.get(topic) {
            for (key, metas) in keys {
                out.insert(
                    key.clone(),
                    json!({"metas": metas.iter().map(Self::meta_json).collect::<Vec<_>>()}),
                );
            }
        }
        Value::Object(out)
    }

    /// Tracks (or re-tracks) `socket`'s presence under `key`.
    pub(crate) fn track(&self, topic: &str, key: &str, socket: u64, payload: Map<String, Value>) {
        let mut diff = PresenceDiff {
            topic: topic.into(),
            joins: Map::new(),
            leaves: Map::new(),
        };
        {
            let mut all = self.presence.lock().unwrap_or_else(|e| e.into_inner());
            let metas = all
                .entry(topic.into())
                .or_default()
                .entry(key.into())
                .or_default();
            let previous = metas
                .iter()
                .position(|m| m.socket == socket)
                .map(|i| metas.remove(i));
            if let Some(prev) = &previous
                && prev.payload == payload
            {
                metas.push(prev.clone());
                return;
            }
            let meta = Meta {
                phx_ref: self.next_ref(),
                socket,
                payload,
            };
            let mut join = Self::meta_json(&meta);
            if let Some(prev) = &previous {
                join["phx_ref_prev"] = json!(prev.phx_ref);
                diff.leaves
                    .insert(key.into(), json!({"metas": [Self::meta_json(prev)]}));
            }
            diff.joins.insert(key.into(), json!({"metas": [join]}));
            metas.push(meta);
        }
        self.publish(HubEvent::Presence(Arc::new(diff)));
    }

    /// Removes `socket`'s presence from `topic` (untrack, leave, disconnect).
    pub(crate) fn untrack(&self, topic: &str, socket: u64) {
        let mut diff = PresenceDiff {
            topic: topic.into(),
            joins: Map::new(),
            leaves: Map::new(),
        };
        {
            let mut all = self.presence.lock().unwrap_or_else(|e| e.into_inner());
            let Some(keys) = all.get_mut(topic) else {
                return;
            };
            keys.retain(|key, metas| {
                let (gone, kept): (Vec<Meta>, Vec<Meta>) =
                    metas.drain(..).partition(|m| m.socket == socket);
                if !gone.is_empty() {
                    diff.leaves.insert(
                        key.clone(),
                        json!({"metas": gone.iter().map(Self::meta_json).collect::<Vec<_>>()}),
                    );
                }
                *metas = kept;
                !metas.is_empty()
            });
            if keys.is_empty() {
                all.remove(topic);
            }
        }
        if !diff.leaves.is_empty() {
            self.publish(HubEvent::Presence(Arc::new(diff)));
        }
    }
}
