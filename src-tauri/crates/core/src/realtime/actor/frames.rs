//! What the actor does with each server frame: heartbeat replies, join replies (with the
//! binding check), `system` messages, closes and errors, and the deliveries it passes on —
//! database changes (deduplicated), broadcasts and presence.

use serde_json::Value;

use super::*;

impl Actor {
    /// Routes one frame; `false` when a write failed.
    pub(super) async fn on_frame(
        &mut self,
        f: Frame,
        pending_beat: &mut Option<String>,
        ws: &mut Ws,
    ) -> bool {
        if f.topic == "phoenix" {
            if f.event == "phx_reply" && f.msg_ref.is_some() && f.msg_ref == *pending_beat {
                *pending_beat = None;
            }
            return true;
        }
        let Some(chan) = self.channels.get_mut(&f.topic) else {
            return true;
        };
        if f.join_ref.is_some() && f.join_ref != chan.join_ref {
            return true; // a frame of an older join
        }
        match f.event.as_str() {
            "phx_reply" if f.msg_ref.is_some() && f.msg_ref == chan.join_ref => {
                chan.join_deadline = None;
                let ok = f.payload["status"] == "ok";
                let response = &f.payload["response"];
                if ok {
                    let wanted = chan.sub.bindings();
                    let got = response["postgres_changes"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                    let matches = wanted.len() == got.len()
                        && wanted.iter().zip(&got).all(|(w, g)| {
                            ["event", "schema", "table", "filter"]
                                .iter()
                                .all(|k| w[k] == g[k])
                        });
                    if !matches {
                        chan.state = ChannelState::Errored;
                        chan.error = Some(
                            "mismatch between server and client bindings for postgres changes"
                                .into(),
                        );
                    } else {
                        chan.pg_ids = got.iter().filter_map(|g| g["id"].as_i64()).collect();
                        chan.state = ChannelState::Joined;
                        chan.error = None;
                        chan.tries = 0;
                        let topic = f.topic.clone();
                        self.emit(RealtimeMessage::Rejoined { topic });
                    }
                    self.publish();
                    if !self.flush_tracks(ws).await {
                        return false;
                    }
                } else {
                    let reason = response["reason"]
                        .as_str()
                        .unwrap_or("join refused")
                        .to_owned();
                    chan.failures += 1;
                    chan.refresh_first = reason.contains("expired") || reason.contains("JWT");
                    let topic = f.topic.clone();
                    self.schedule_rejoin(&topic, reason, false);
                }
            }
            "system" => {
                let status = f.payload["status"].as_str().unwrap_or_default();
                let extension = f.payload["extension"].as_str().unwrap_or_default();
                let message = f.payload["message"].as_str().unwrap_or_default().to_owned();
                if status == "ok" && extension == "postgres_changes" {
                    chan.state = ChannelState::Ready;
                    let topic = f.topic.clone();
                    self.emit(RealtimeMessage::Ready { topic });
                    self.publish();
                } else if status == "error" {
                    // The server is shutting the channel (token expired, permissions, limits);
                    // `phx_close` follows. Come back with a fresh token, slowly for rate limits.
                    let slow = message.to_lowercase().contains("rate limit")
                        || message.contains("per second");
                    chan.refresh_first = message.to_lowercase().contains("token")
                        || message.to_lowercase().contains("expired");
                    let topic = f.topic.clone();
                    self.schedule_rejoin(&topic, message, slow);
                }
            }
            // Closed by the server without a pending resubscribe: stays closed (no rejoin loop).
            "phx_close" if chan.rejoin_at.is_none() => {
                chan.state = ChannelState::Closed;
                chan.join_ref = None;
                self.publish();
            }
            "phx_error" => {
                let topic = f.topic.clone();
                self.schedule_rejoin(&topic, "the server reported a channel error".into(), false);
            }
            "postgres_changes" => {
                let ids: Vec<i64> = f.payload["ids"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_i64).collect())
                    .unwrap_or_default();
                if !ids.iter().any(|i| chan.pg_ids.contains(i)) {
                    return true;
                }
                let data = &f.payload["data"];
                let table = data["table"].as_str().unwrap_or_default().to_owned();
                let change = data["type"].as_str().unwrap_or_default().to_owned();
                let ts = data["commit_timestamp"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                let id = data["record"]["id"]
                    .as_str()
                    .or(data["old_record"]["id"].as_str())
                    .unwrap_or_default();
                let key = format!("{table}:{id}:{ts}:{change}:{}", data["record"]["status"]);
                if !self.seen_set.insert(key.clone()) {
                    return true; // duplicate delivery
                }
                self.seen.push_back(key);
                if self.seen.len() > SEEN
                    && let Some(old) = self.seen.pop_front()
                {
                    self.seen_set.remove(&old);
                }
                self.emit(RealtimeMessage::Change {
                    topic: f.topic.clone(),
                    table,
                    change,
                    record: data["record"].clone(),
                    old_record: data["old_record"].clone(),
                    commit_timestamp: ts,
                });
            }
            "broadcast" => {
                let event = f.payload["event"].as_str().unwrap_or_default().to_owned();
                let payload = f.payload["payload"].clone();
                self.emit(RealtimeMessage::Broadcast {
                    topic: f.topic.clone(),
                    event,
                    payload,
                });
            }
            "presence_state" => {
                chan.presence = f.payload.as_object().cloned().unwrap_or_default();
                let state = Value::Object(chan.presence.clone());
                self.emit(RealtimeMessage::Presence {
                    topic: f.topic.clone(),
                    state,
                });
            }
            "presence_diff" => {
                apply_presence_diff(&mut chan.presence, &f.payload);
                let state = Value::Object(chan.presence.clone());
                self.emit(RealtimeMessage::Presence {
                    topic: f.topic.clone(),
                    state,
                });
            }
            _ => {}
        }
        true
    }
}

fn metas(v: &Value) -> Vec<Value> {
    v["metas"].as_array().cloned().unwrap_or_default()
}

fn refs(metas: &[Value]) -> Vec<Value> {
    metas.iter().map(|m| m["phx_ref"].clone()).collect()
}

/// Phoenix Presence's diff: a join replaces the key's metas with the joined ones plus the
/// current ones whose `phx_ref` is not among them; a leave removes metas by `phx_ref` and drops
/// keys left empty (so one device leaving does not hide another under the same key).
pub(super) fn apply_presence_diff(state: &mut serde_json::Map<String, Value>, diff: &Value) {
    if let Some(joins) = diff["joins"].as_object() {
        for (key, joined) in joins {
            let joined = metas(joined);
            let joined_refs = refs(&joined);
            let mut merged = joined.clone();
            if let Some(current) = state.get(key) {
                merged.extend(
                    metas(current)
                        .into_iter()
                        .filter(|m| !joined_refs.contains(&m["phx_ref"])),
                );
            }
            state.insert(key.clone(), serde_json::json!({"metas": merged}));
        }
    }
    if let Some(leaves) = diff["leaves"].as_object() {
        for (key, left) in leaves {
            let left_refs = refs(&metas(left));
            let Some(current) = state.get(key) else {
                continue;
            };
            let kept: Vec<Value> = metas(current)
                .into_iter()
                .filter(|m| !left_refs.contains(&m["phx_ref"]))
                .collect();
            if kept.is_empty() {
                state.remove(key);
            } else {
                state.insert(key.clone(), serde_json::json!({"metas": kept}));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::apply_presence_diff;

    #[test]
    fn presence_diffs_merge_by_phx_ref() {
        let mut state = json!({"home": {"metas": [{"phx_ref": "a", "device": "desk"}]}})
            .as_object()
            .unwrap()
            .clone();
        apply_presence_diff(
            &mut state,
            &json!({"joins": {"home": {"metas": [{"phx_ref": "b", "device": "laptop"}]}}, "leaves": {}}),
        );
        assert_eq!(
            state["home"]["metas"].as_array().unwrap().len(),
            2,
            "a second device under the same key"
        );
        apply_presence_diff(
            &mut state,
            &json!({"joins": {}, "leaves": {"home": {"metas": [{"phx_ref": "a"}]}}}),
        );
        assert_eq!(
            state["home"]["metas"],
            json!([{"phx_ref": "b", "device": "laptop"}])
        );
        apply_presence_diff(
            &mut state,
            &json!({"joins": {}, "leaves": {"home": {"metas": [{"phx_ref": "b"}]}}}),
        );
        assert!(state.is_empty());
    }
}
