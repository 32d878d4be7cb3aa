//! Phoenix frames as realtime-js speaks them: vsn 1.0.0 JSON objects, vsn 2.0.0 JSON arrays
//! `[join_ref, ref, topic, event, payload]`, and the 2.0.0 binary user-broadcast frames (kind 3
//! client→server, kind 4 server→client). Both ends use it: the server's socket
//! ([`encode`], [`encode_user_broadcast`]) and the core's realtime client ([`encode_client`]),
//! and both decode with [`decode_text`] and [`decode_binary`].

use serde_json::{Value, json};

/// The serializer version a socket negotiated with `?vsn=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vsn {
    /// JSON objects.
    V1,
    /// JSON arrays plus binary broadcasts.
    V2,
}

impl Vsn {
    /// The `vsn` query value a client sends.
    pub fn param(self) -> &'static str {
        match self {
            Vsn::V1 => "1.0.0",
            Vsn::V2 => "2.0.0",
        }
    }

    /// From the query parameter; anything but `2.x` is 1.0.0, as the server does.
    pub fn from_param(v: Option<&str>) -> Self {
        if v.is_some_and(|v| v.starts_with('2')) {
            Vsn::V2
        } else {
            Vsn::V1
        }
    }
}

/// One decoded frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The join ref of the channel (absent for heartbeats and server pushes).
    pub join_ref: Option<String>,
    /// The message ref (absent for server pushes).
    pub msg_ref: Option<String>,
    /// `realtime:<name>` or `phoenix`.
    pub topic: String,
    /// `phx_join`, `broadcast`, …
    pub event: String,
    /// The payload; for binary broadcasts `{"type":"broadcast","event":…,"payload":…}`.
    pub payload: Value,
    /// Set when the frame was a binary user broadcast: its raw payload if not JSON, and meta.
    pub binary: Option<BinaryInfo>,
}

/// Details of a binary user broadcast.
#[derive(Debug, Clone, PartialEq)]
pub struct BinaryInfo {
    /// Raw payload bytes when the encoding byte was 0.
    pub raw: Option<Vec<u8>>,
    /// Metadata JSON, if any.
    pub meta: Option<Value>,
}

/// Why a frame could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    /// Not the JSON shape of the socket's version.
    #[error("malformed frame: {0}")]
    Malformed(&'static str),
    /// A binary frame of a kind this server does not accept.
    #[error("unsupported binary kind {0}")]
    Kind(u8),
    /// A field too long for a binary header's one-byte length (topic, event, refs or metadata).
    #[error("the {0} is longer than the 255 bytes a binary frame can carry")]
    TooLong(&'static str),
}

/// A binary header's one-byte length of `field`, or why it does not fit.
fn length(field: &'static str, s: &str) -> Result<u8, CodecError> {
    u8::try_from(s.len()).map_err(|_| CodecError::TooLong(field))
}

/// An encoded frame to send.
#[derive(Debug, Clone, PartialEq)]
pub enum Encoded {
    /// A text frame.
    Text(String),
    /// A binary frame.
    Binary(Vec<u8>),
}

fn opt_str(v: &Value) -> Result<Option<String>, CodecError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        _ => Err(CodecError::Malformed("ref must be a string or null")),
    }
}

/// Decodes a text frame.
pub fn decode_text(vsn: Vsn, text: &str) -> Result<Frame, CodecError> {
    let v: Value = serde_json::from_str(text).map_err(|_| CodecError::Malformed("not JSON"))?;
    match (vsn, v) {
        (_, Value::Array(a)) => {
            if a.len() != 5 {
                return Err(CodecError::Malformed("array frames have 5 elements"));
            }
            Ok(Frame {
                join_ref: opt_str(&a[0])?,
                msg_ref: opt_str(&a[1])?,
                topic: a[2]
                    .as_str()
                    .ok_or(CodecError::Malformed("topic"))?
                    .to_string(),
                event: a[3]
                    .as_str()
                    .ok_or(CodecError::Malformed("event"))?
                    .to_string(),
                payload: a[4].clone(),
                binary: None,
            })
        }
        (_, Value::Object(o)) => Ok(Frame {
            join_ref: opt_str(o.get("join_ref").unwrap_or(&Value::Null))?,
            msg_ref: opt_str(o.get("ref").unwrap_or(&Value::Null))?,
            topic: o
                .get("topic")
                .and_then(Value::as_str)
                .ok_or(CodecError::Malformed("topic"))?
                .to_string(),
            event: o
                .get("event")
                .and_then(Value::as_str)
                .ok_or(CodecError::Malformed("event"))?
                .to_string(),
            payload: o.get("payload").cloned().unwrap_or(Value::Null),
            binary: None,
        }),
        _ => Err(CodecError::Malformed("frame must be an array or an object")),
    }
}

fn take<'a>(bytes: &'a [u8], at: &mut usize, len: usize) -> Result<&'a [u8], CodecError> {
    let end = at.checked_add(len).ok_or(CodecError::Malformed("length"))?;
    let slice = bytes
        .get(*at..end)
        .ok_or(CodecError::Malformed("truncated binary frame"))?;
    *at = end;
    Ok(slice)
}

fn utf8(b: &[u8]) -> Result<String, CodecError> {
    String::from_utf8(b.to_vec()).map_err(|_| CodecError::Malformed("not UTF-8"))
}

/// Decodes a binary frame (kind 3 from clients, kind 4 from servers).
pub fn decode_binary(bytes: &[u8]) -> Result<Frame, CodecError> {
    let kind = *bytes
        .first()
        .ok_or(CodecError::Malformed("empty binary frame"))?;
    let (join_ref, msg_ref, topic, event, meta, encoding, at) = match kind {
        3 => {
            let h = bytes
                .get(1..7)
                .ok_or(CodecError::Malformed("short header"))?;
            let mut at = 7;
            let join_ref = utf8(take(bytes, &mut at, h[0] as usize)?)?;
            let msg_ref = utf8(take(bytes, &mut at, h[1] as usize)?)?;
            let topic = utf8(take(bytes, &mut at, h[2] as usize)?)?;
            let event = utf8(take(bytes, &mut at, h[3] as usize)?)?;
            let meta = utf8(take(bytes, &mut at, h[4] as usize)?)?;
            (Some(join_ref), Some(msg_ref), topic, event, meta, h[5], at)
        }
        4 => {
            let h = bytes
                .get(1..5)
                .ok_or(CodecError::Malformed("short header"))?;
            let mut at = 5;
            let topic = utf8(take(bytes, &mut at, h[0] as usize)?)?;
            let event = utf8(take(bytes, &mut at, h[1] as usize)?)?;
            let meta = utf8(take(bytes, &mut at, h[2] as usize)?)?;
            (None, None, topic, event, meta, h[3], at)
        }
        k => return Err(CodecError::Kind(k)),
    };
    let rest = bytes
        .get(at..)
        .ok_or(CodecError::Malformed("truncated binary frame"))?;
    let meta = if meta.is_empty() {
        None
    } else {
        Some(
            serde_json::from_str::<Value>(&meta)
                .map_err(|_| CodecError::Malformed("metadata is not JSON"))?,
        )
    };
    let (payload, raw) = match encoding {
        1 => (
            serde_json::from_slice::<Value>(rest)
                .map_err(|_| CodecError::Malformed("payload is not JSON"))?,
            None,
        ),
        _ => (Value::Null, Some(rest.to_vec())),
    };
    let mut outer = json!({"type": "broadcast", "event": event, "payload": payload});
    if let Some(m) = &meta {
        outer["meta"] = m.clone();
    }
    Ok(Frame {
        join_ref: join_ref.filter(|s| !s.is_empty()),
        msg_ref: msg_ref.filter(|s| !s.is_empty()),
        topic,
        event: "broadcast".into(),
        payload: outer,
        binary: Some(BinaryInfo { raw, meta }),
    })
}

/// Encodes a server→client frame as text in the socket's version.
pub fn encode(vsn: Vsn, frame: &Frame) -> Encoded {
    match vsn {
        Vsn::V2 => Encoded::Text(
            json!([frame.join_ref, frame.msg_ref, frame.topic, frame.event, frame.payload]).to_string(),
        ),
        Vsn::V1 => Encoded::Text(
            json!({"topic": frame.topic, "event": frame.event, "payload": frame.payload, "ref": frame.msg_ref})
                .to_string(),
        ),
    }
}

/// Encodes a client→server frame as text: in vsn 1.0.0 a client names its channel's `join_ref`
/// (a server does not, see [`encode`]).
pub fn encode_client(vsn: Vsn, frame: &Frame) -> String {
    match vsn {
        Vsn::V2 => json!([
            frame.join_ref,
            frame.msg_ref,
            frame.topic,
            frame.event,
            frame.payload
        ])
        .to_string(),
        Vsn::V1 => {
            let mut o = json!({"topic": frame.topic, "event": frame.event, "payload": frame.payload, "ref": frame.msg_ref});
            if let Some(j) = &frame.join_ref {
                o["join_ref"] = json!(j);
            }
            o.to_string()
        }
    }
}

/// Encodes a kind-4 user broadcast: JSON payload (encoding 1) or raw bytes (encoding 0). A topic,
/// event or metadata longer than 255 bytes cannot be said in the header and is refused.
pub fn encode_user_broadcast(
    topic: &str,
    event: &str,
    payload: &BroadcastBody,
    meta: Option<&Value>,
) -> Result<Encoded, CodecError> {
    let meta = meta.map(Value::to_string).unwrap_or_default();
    let (encoding, body) = match payload {
        BroadcastBody::Json(v) => (1u8, v.to_string().into_bytes()),
        BroadcastBody::Raw(b) => (0u8, b.clone()),
    };
    let mut out = vec![
        4,
        length("topic", topic)?,
        length("event", event)?,
        length("metadata", &meta)?,
        encoding,
    ];
    out.extend_from_slice(topic.as_bytes());
    out.extend_from_slice(event.as_bytes());
    out.extend_from_slice(meta.as_bytes());
    out.extend_from_slice(&body);
    Ok(Encoded::Binary(out))
}

/// Encodes a kind-3 client push (used by tests and the benchmark as a client would); fields
/// longer than 255 bytes are refused as in [`encode_user_broadcast`].
pub fn encode_client_broadcast(
    join_ref: &str,
    msg_ref: &str,
    topic: &str,
    event: &str,
    payload: &Value,
) -> Result<Vec<u8>, CodecError> {
    let body = payload.to_string();
    let mut out = vec![
        3,
        length("join ref", join_ref)?,
        length("ref", msg_ref)?,
        length("topic", topic)?,
        length("event", event)?,
        0,
        1,
    ];
    for s in [join_ref, msg_ref, topic, event] {
        out.extend_from_slice(s.as_bytes());
    }
    out.extend_from_slice(body.as_bytes());
    Ok(out)
}

/// A user broadcast's inner payload.
#[derive(Debug, Clone, PartialEq)]
pub enum BroadcastBody {
    /// JSON.
    Json(Value),
    /// Raw bytes (only deliverable to vsn 2.0.0 sockets).
    Raw(Vec<u8>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join() -> Frame {
        Frame {
            join_ref: Some("3".into()),
            msg_ref: Some("3".into()),
            topic: "realtime:room1".into(),
            event: "phx_join".into(),
            payload: json!({"config": {}}),
            binary: None,
        }
    }

    #[test]
    fn client_frames_round_trip_in_both_versions() {
        let f = join();
        assert_eq!(
            decode_text(Vsn::V2, &encode_client(Vsn::V2, &f)).unwrap(),
            f
        );
        assert_eq!(
            decode_text(Vsn::V1, &encode_client(Vsn::V1, &f)).unwrap(),
            f
        );
        assert_eq!(Vsn::from_param(Some(Vsn::V2.param())), Vsn::V2);
        assert_eq!(Vsn::from_param(Some(Vsn::V1.param())), Vsn::V1);
        assert_eq!(Vsn::from_param(None), Vsn::V1);
    }

    #[test]
    fn v1_replies_from_the_server_carry_no_join_ref() {
        let reply = decode_text(
            Vsn::V1,
            r#"{"topic":"realtime:room1","event":"phx_reply","payload":{"status":"ok","response":{}},"ref":"1"}"#,
        )
        .unwrap();
        assert_eq!(
            (reply.msg_ref.as_deref(), reply.join_ref.clone()),
            (Some("1"), None)
        );
        let Encoded::Text(t) = encode(Vsn::V1, &join()) else {
            panic!("text expected")
        };
        assert!(!t.contains("join_ref"), "{t}");
    }

    #[test]
    fn kind_4_broadcasts_encode_and_decode() {
        // 04 0e 0a 00 01 "realtime:room1" "cursor-pos" {"x":120,"y":44}
        let mut bytes = vec![4u8, 14, 10, 0, 1];
        bytes.extend_from_slice(b"realtime:room1cursor-pos{\"x\":120,\"y\":44}");
        let f = decode_binary(&bytes).unwrap();
        assert_eq!(f.topic, "realtime:room1");
        assert_eq!(
            f.payload,
            json!({"type":"broadcast","event":"cursor-pos","payload":{"x":120,"y":44}})
        );
        let Ok(Encoded::Binary(again)) = encode_user_broadcast(
            "realtime:room1",
            "cursor-pos",
            &BroadcastBody::Json(json!({"x":120,"y":44})),
            None,
        ) else {
            panic!("binary expected")
        };
        assert_eq!(again, bytes);
        assert!(decode_binary(&[3, 0]).is_err());
        assert!(
            decode_binary(&[4, 200, 0, 0, 1]).is_err(),
            "truncated frames are refused"
        );
    }
}
