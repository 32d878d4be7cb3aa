//! One joined channel of a socket: who joined it (from the join token), its broadcast and
//! presence options and its `postgres_changes` bindings, and the messages it produces for a
//! committed row change.

use serde_json::{Map, Value, json};

use crate::clock::iso_millis;
use crate::gateway::{BearerError, Caller, caller_from_token};
use crate::jwt::JwtError;
use crate::rest::filter::{self, Filter};
use crate::rest::records::{Change, ChangeKind};
use crate::rest::schema::{self, Table};
use crate::state::AppState;

/// A `postgres_changes` binding with its server id.
#[derive(Debug, Clone)]
pub(crate) struct Binding {
    pub id: u32,
    pub event: String,
    pub table: Option<&'static Table>,
    pub filters: Vec<Filter>,
    /// Why this binding cannot deliver (unknown table, bad filter), reported as a system error.
    pub problem: Option<String>,
}

/// The identity a channel acts as, and when its token expires.
#[derive(Debug, Clone)]
pub(crate) struct ChannelAuth {
    pub caller: Caller,
    pub token: String,
    pub exp: Option<i64>,
}

/// A joined channel.
#[derive(Debug, Clone)]
pub(crate) struct Channel {
    pub topic: String,
    pub join_ref: Option<String>,
    pub auth: ChannelAuth,
    pub bindings: Vec<Binding>,
    pub broadcast_self: bool,
    pub broadcast_ack: bool,
    pub presence_key: String,
    pub presence_enabled: bool,
    /// Joined with `config.private: true` (hears only private broadcasts, and only those).
    pub private: bool,
}

impl Channel {
    /// The channel name (topic without `realtime:`).
    pub(crate) fn name(&self) -> &str {
        self.topic.strip_prefix("realtime:").unwrap_or(&self.topic)
    }
}

/// Validates a join or `access_token` token, with realtime's reasons.
pub(crate) fn authorise(state: &AppState, token: &str) -> Result<ChannelAuth, String> {
    let exp = match state.signer.verify(token, state.now_secs()) {
        Ok(claims) => {
            if claims.get("role").and_then(Value::as_str).is_none()
                || claims.get("exp").and_then(Value::as_i64).is_none()
            {
                return Err("InvalidJWTToken: Fields `role` and `exp` are required in JWT".into());
            }
            claims.get("exp").and_then(Value::as_i64)
        }
        Err(JwtError::Expired { seconds_ago }) => {
            return Err(format!(
                "InvalidJWTToken: Token has expired {seconds_ago} seconds ago"
            ));
        }
        Err(JwtError::BadSignature) => {
            return Err("InvalidJWTToken: Invalid token signature".into());
        }
        Err(JwtError::Malformed) => {
            return Err("MalformedJWT: The token provided is not a valid JWT".into());
        }
    };
    let caller = caller_from_token(state, token).map_err(|e| match e {
        BearerError::MissingClaims => {
            "InvalidJWTToken: Fields `role` and `exp` are required in JWT".to_string()
        }
        BearerError::Invalid(_) => {
            "MalformedJWT: The token provided is not a valid JWT".to_string()
        }
    })?;
    Ok(ChannelAuth {
        caller,
        token: token.to_string(),
        exp,
    })
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    }
}

/// 27-bit FNV-1a hash of a binding, stable across restarts (like the server's `phash2`).
fn binding_id(entry: &Value) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for key in ["event", "schema", "table", "filter"] {
        let s = entry.get(key).and_then(Value::as_str).unwrap_or("");
        for b in s.bytes().chain([0u8]) {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h & 0x07FF_FFFF
}

/// Reads a join payload's config into a channel (the caller checked the token already).
pub(crate) fn from_join(
    topic: &str,
    join_ref: Option<String>,
    auth: ChannelAuth,
    payload: &Value,
) -> (Channel, Vec<Value>) {
    let config = payload.get("config").cloned().unwrap_or_else(|| json!({}));
    let broadcast = config.get("broadcast").cloned().unwrap_or_default();
    let presence = config.get("presence").cloned().unwrap_or_default();
    let key = presence
        .get("key")
        .and_then(Value::as_str)
        .filter(|k| !k.is_empty());
    let mut bindings = Vec::new();
    let mut echoed = Vec::new();
    for entry in config
        .get("postgres_changes")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let id = binding_id(&entry);
        let mut reply = entry.clone();
        if let Some(o) = reply.as_object_mut() {
            o.insert("id".into(), json!(id));
        }
        echoed.push(reply);
        let event = entry
            .get("event")
            .and_then(Value::as_str)
            .unwrap_or("*")
            .to_uppercase();
        let schema_name = entry
            .get("schema")
            .and_then(Value::as_str)
            .unwrap_or("public");
        let table_name = entry
            .get("table")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty() && *t != "*");
        let mut problem = None;
        if schema_name != "public" && schema_name != "*" {
            problem = Some(format!(
                "Unable to subscribe to changes with given parameters: schema {schema_name} is not published"
            ));
        }
        if !["INSERT", "UPDATE", "DELETE", "*"].contains(&event.as_str()) {
            problem = Some(format!(
                "Unable to subscribe to changes with given parameters: invalid event {event}"
            ));
        }
        let table = match table_name {
            Some(name) => match schema::table(name) {
                Some(t) => Some(t),
                None => {
                    problem = Some(format!(
                        "Unable to subscribe to changes with given parameters: table {name} is not published"
                    ));
                    None
                }
            },
            None => None,
        };
        let mut filters = Vec::new();
        if let Some(f) = entry
            .get("filter")
            .and_then(Value::as_str)
            .filter(|f| !f.is_empty())
        {
            match table.map(|t| filter::parse_realtime(t, f)) {
                Some(Ok(fs)) => filters = fs,
                Some(Err(e)) => {
                    problem = Some(format!(
                        "Unable to subscribe to changes with given parameters: {e}"
                    ))
                }
                None if problem.is_none() => problem = Some(
                    "Unable to subscribe to changes with given parameters: a filter needs a table"
                        .into(),
                ),
                None => {}
            }
        }
        bindings.push(Binding {
            id,
            event,
            table,
            filters,
            problem,
        });
    }
    let channel = Channel {
        topic: topic.to_string(),
        join_ref,
        auth,
        bindings,
        broadcast_self: truthy(broadcast.get("self")),
        broadcast_ack: truthy(broadcast.get("ack")),
        presence_key: key
            .map(str::to_string)
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        presence_enabled: truthy(presence.get("enabled")),
        private: truthy(config.get("private")),
    };
    (channel, echoed)
}

/// The `postgres_changes` payload this channel should receive for `change`, if any.
pub(crate) fn change_payload(channel: &Channel, change: &Change) -> Option<Value> {
    let allowed = match &channel.auth.caller {
        Caller::Service => true,
        Caller::User(u) => u.sub == change.owner,
        Caller::Anon => false,
    };
    if !allowed {
        return None;
    }
    let row = match change.kind {
        ChangeKind::Delete => change.old.as_ref(),
        _ => change.record.as_ref(),
    }?;
    let ids: Vec<u32> = channel
        .bindings
        .iter()
        .filter(|b| b.problem.is_none())
        .filter(|b| b.table.is_none_or(|t| std::ptr::eq(t, change.table)))
        .filter(|b| b.event == "*" || b.event == change.kind.as_str())
        .filter(|b| b.filters.iter().all(|f| f.matches(change.table, row)))
        .map(|b| b.id)
        .collect();
    if ids.is_empty() {
        return None;
    }
    let columns: Vec<Value> = change
        .table
        .columns
        .iter()
        .map(|c| json!({"name": c.name, "type": c.ty.pg_name()}))
        .collect();
    let mut data = Map::new();
    data.insert("schema".into(), json!("public"));
    data.insert("table".into(), json!(change.table.name));
    data.insert("commit_timestamp".into(), json!(iso_millis(change.at_ms)));
    data.insert("type".into(), json!(change.kind.as_str()));
    data.insert("columns".into(), json!(columns));
    if let Some(r) = &change.record {
        data.insert("record".into(), Value::Object(r.clone()));
    }
    if let Some(o) = &change.old {
        data.insert("old_record".into(), Value::Object(o.clone()));
    }
    data.insert("errors".into(), Value::Null);
    Some(json!({"ids": ids, "data": data}))
}
