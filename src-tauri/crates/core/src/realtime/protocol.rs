//! Phoenix frames as realtime-js speaks them: vsn 2.0.0 JSON arrays `[join_ref, ref, topic,
//! event, payload]` plus binary kind-4 user broadcasts from the server, and vsn 1.0.0 JSON
//! objects as the fallback.

use serde_json::{Value, json};

/// The serializer version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vsn {
    /// JSON objects (fallback).
    V1,
    /// JSON arrays and binary broadcasts (default).
    V2,
}

impl Vsn {
    /// The `vsn` query value.
    pub fn param(self) -> &'static str {
        match self {
            Vsn::V1 => "1.0.0",
            Vsn::V2 => "2.0.0",
        }
    }
}

/// One frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The channel's join ref.
    pub join_ref: Option<String>,
    /// The message ref.
    pub msg_ref: Option<String>,
    /// `realtime:<name>` or `phoenix`.
    pub topic: String,
    /// Event name.
    pub event: String,
    /// Payload.
    pub payload: Value,
}

/// Encodes a client frame as text.
pub fn encode(vsn: Vsn, f: &Frame) -> String {
    match vsn {
        Vsn::V2 => json!([f.join_ref, f.msg_ref, f.topic, f.event, f.payload]).to_string(),
        Vsn::V1 => {
            let mut o =
                json!({"topic": f.topic, "event": f.event, "payload": f.payload, "ref": f.msg_ref});
            if let Some(j) = &f.join_ref {
                o["join_ref"] = json!(j);
            }
            o.to_string()
        }
    }
}

fn opt_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Decodes a server text frame of either version.
pub fn decode_text(text: &str) -> Option<Frame> {
    let v: Value = serde_json::from_str(text).ok()?;
    match v {
        Value::Array(a) if a.len() == 5 => Some(Frame {
            join_ref: opt_str(&a[0]),
            msg_ref: opt_str(&a[1]),
            topic: a[2].as_str()?.to_owned(),
            event: a[3].as_str()?.to_owned(),
            payload: a[4].clone(),
        }),
        Value::Object(o) => Some(Frame {
            join_ref: o.get("join_ref").and_then(opt_str),
            msg_ref: o.get("ref").and_then(opt_str),
            topic: o.get("topic")?.as_str()?.to_owned(),
            event: o.get("event")?.as_str()?.to_owned(),
            payload: o.get("payload").cloned().unwrap_or(Value::Null),
        }),
        _ => None,
    }
}

/// Decodes a server binary frame: kind 4 (user broadcast) becomes a `broadcast` frame with
/// payload `{type, event, payload, meta?}`; other kinds are not for Supabase clients.
pub fn decode_binary(bytes: &[u8]) -> Option<Frame> {
    let (&kind, rest) = bytes.split_first()?;
    if kind != 4 || rest.len() < 4 {
        return None;
    }
    let (topic_len, event_len, meta_len, encoding) = (
        rest[0] as usize,
        rest[1] as usize,
        rest[2] as usize,
        rest[3],
    );
    let body = &rest[4..];
    let topic = std::str::from_utf8(body.get(..topic_len)?).ok()?;
    let event = std::str::from_utf8(body.get(topic_len..topic_len + event_len)?).ok()?;
    let meta = body.get(topic_len + event_len..topic_len + event_len + meta_len)?;
    let payload_bytes = body.get(topic_len + event_len + meta_len..)?;
    let payload = if encoding == 1 {
        serde_json::from_slice(payload_bytes).ok()?
    } else {
        json!({"binary": payload_bytes.len()})
    };
    let mut p = json!({"type": "broadcast", "event": event, "payload": payload});
    if !meta.is_empty()
        && let Ok(m) = serde_json::from_slice::<Value>(meta)
    {
        p["meta"] = m;
    }
    Some(Frame {
        join_ref: None,
        msg_ref: None,
        topic: topic.to_owned(),
        event: "broadcast".into(),
        payload: p,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_round_trip_and_v1_objects() {
        let f = Frame {
            join_ref: Some("3".into()),
            msg_ref: Some("3".into()),
            topic: "realtime:room1".into(),
            event: "phx_join".into(),
            payload: json!({"config": {}}),
        };
        assert_eq!(decode_text(&encode(Vsn::V2, &f)).unwrap(), f);
        assert_eq!(decode_text(&encode(Vsn::V1, &f)).unwrap(), f);
        let reply = decode_text(r#"{"topic":"realtime:room1","event":"phx_reply","payload":{"status":"ok","response":{}},"ref":"1"}"#).unwrap();
        assert_eq!(
            (reply.msg_ref.as_deref(), reply.join_ref),
            (Some("1"), None)
        );
    }

    #[test]
    fn binary_kind_4_broadcast_from_the_fixtures() {
        // 04 0e 0a 00 01 "realtime:room1" "cursor-pos" {"x":120,"y":44}
        let mut bytes = vec![4u8, 14, 10, 0, 1];
        bytes.extend_from_slice(b"realtime:room1cursor-pos{\"x\":120,\"y\":44}");
        let f = decode_binary(&bytes).unwrap();
        assert_eq!(f.topic, "realtime:room1");
        assert_eq!(
            f.payload,
            json!({"type":"broadcast","event":"cursor-pos","payload":{"x":120,"y":44}})
        );
        assert!(decode_binary(&[3, 0]).is_none());
        assert!(
            decode_binary(&[4, 200, 0, 0, 1]).is_none(),
            "truncated frames are dropped"
        );
    }
}
