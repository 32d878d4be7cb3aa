//! Every message in the shared realtime fixtures decodes, and every server→client one is
//! produced byte-for-byte (binary) or value-for-value (JSON) by the codec.

use infinite_stories_server::realtime::codec::{self, BroadcastBody, Encoded, Frame, Vsn};
use serde_json::{Value, json};

fn fixtures() -> Vec<Value> {
    let text = include_str!("fixtures/realtime-fixtures.json");
    serde_json::from_str::<Value>(text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn every_fixture_decodes_and_server_messages_encode_identically() {
    let all = fixtures();
    assert_eq!(all.len(), 20);
    let mut server_side = 0;
    for f in &all {
        let label = f["label"].as_str().unwrap();
        let vsn = if f["vsn"] == "1.0.0" {
            Vsn::V1
        } else {
            Vsn::V2
        };
        let msg = &f["message"];
        let frame = if let Some(hex) = msg.get("binary_hex").and_then(Value::as_str) {
            let bytes = unhex(hex);
            let frame = codec::decode_binary(&bytes).unwrap_or_else(|e| panic!("{label}: {e}"));
            let d = &msg["decoded"];
            assert_eq!(frame.join_ref.as_deref(), d["join_ref"].as_str(), "{label}");
            assert_eq!(frame.msg_ref.as_deref(), d["ref"].as_str(), "{label}");
            assert_eq!(frame.topic, d["topic"], "{label}");
            assert_eq!(frame.event, d["event"], "{label}");
            assert_eq!(frame.payload, d["payload"], "{label}");
            if f["direction"] == "server->client" {
                let p = &frame.payload;
                let encoded = codec::encode_user_broadcast(
                    &frame.topic,
                    p["event"].as_str().unwrap(),
                    &BroadcastBody::Json(p["payload"].clone()),
                    None,
                );
                assert_eq!(encoded, Ok(Encoded::Binary(bytes)), "{label}");
                server_side += 1;
            }
            frame
        } else {
            let frame = codec::decode_text(vsn, &msg.to_string())
                .unwrap_or_else(|e| panic!("{label}: {e}"));
            if let Some(a) = msg.as_array() {
                assert_eq!(frame.join_ref.as_deref(), a[0].as_str(), "{label}");
                assert_eq!(frame.msg_ref.as_deref(), a[1].as_str(), "{label}");
                assert_eq!(frame.topic, a[2], "{label}");
                assert_eq!(frame.event, a[3], "{label}");
                assert_eq!(frame.payload, a[4], "{label}");
            } else {
                assert_eq!(frame.topic, msg["topic"], "{label}");
                assert_eq!(
                    frame.join_ref.as_deref(),
                    msg["join_ref"].as_str(),
                    "{label}"
                );
            }
            if f["direction"] == "server->client" {
                let Encoded::Text(t) = codec::encode(vsn, &frame) else {
                    panic!("{label}: text expected")
                };
                assert_eq!(serde_json::from_str::<Value>(&t).unwrap(), *msg, "{label}");
                server_side += 1;
            }
            frame
        };
        assert!(!frame.topic.is_empty(), "{label}");
    }
    assert!(
        server_side >= 12,
        "only {server_side} server messages checked"
    );
}

#[test]
fn v1_server_frames_carry_no_join_ref() {
    let frame = Frame {
        join_ref: Some("1".into()),
        msg_ref: Some("1".into()),
        topic: "realtime:room1".into(),
        event: "phx_reply".into(),
        payload: json!({"status": "ok", "response": {"postgres_changes": []}}),
        binary: None,
    };
    let Encoded::Text(t) = codec::encode(Vsn::V1, &frame) else {
        panic!()
    };
    assert_eq!(
        serde_json::from_str::<Value>(&t).unwrap(),
        json!({"topic": "realtime:room1", "event": "phx_reply", "payload": {"status": "ok", "response": {"postgres_changes": []}}, "ref": "1"})
    );
}

#[test]
fn malformed_frames_are_errors_not_panics() {
    assert!(codec::decode_text(Vsn::V2, "[1,2]").is_err());
    assert!(codec::decode_text(Vsn::V2, "not json").is_err());
    assert!(codec::decode_binary(&[3, 5, 0, 0, 0, 0, 1]).is_err());
    assert!(codec::decode_binary(&[9]).is_err());
    assert!(codec::decode_binary(&[]).is_err());
    let raw = codec::decode_binary(&[4, 1, 1, 0, 0, b't', b'e', 0xff, 0x00]).unwrap();
    assert_eq!(
        raw.binary.unwrap().raw,
        Some(vec![0xff, 0x00]),
        "encoding 0 keeps raw bytes"
    );
}
