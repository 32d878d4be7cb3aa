//! The fault rules and the active set (`Faults`), the state the fault feature keeps in
//! `AppState`. A leaf: it imports nothing of the server, so `state.rs` can hold it without the
//! feature's routes importing the state back in a circle.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

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

    /// Whether fault injection is on for this server.
    pub(crate) fn enabled(&self) -> bool {
        self.enabled
    }

    /// The rules in force, oldest first.
    pub(crate) fn list(&self) -> Vec<FaultRule> {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Adds `rule` with the next id and returns it as stored.
    pub(crate) fn add(&self, mut rule: FaultRule) -> FaultRule {
        {
            let mut id = self.next_id.lock().unwrap_or_else(|e| e.into_inner());
            rule.id = *id;
            *id += 1;
        }
        self.rules
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rule.clone());
        rule
    }

    /// Removes every rule.
    pub(crate) fn clear(&self) {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Removes the rule with this id, if any.
    pub(crate) fn remove(&self, id: u64) {
        self.rules
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|r| r.id != id);
    }

    /// Takes one firing of the first rule matching `pred`.
    pub(crate) fn take(&self, pred: impl Fn(&FaultRule) -> bool) -> Option<FaultRule> {
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
