//! Fuzzing the Phoenix codec with proptest: arbitrary text and bytes never panic the decoders,
//! and every frame the encoders produce decodes back to what was encoded — including fields
//! longer than a binary header's one-byte lengths can say, which the encoders must refuse rather
//! than truncate. A fixed number of cases per property keeps the test command's time bounded.

use infinite_stories_contract::phoenix::{
    BroadcastBody, CodecError, Encoded, Frame, Vsn, decode_binary, decode_text, encode,
    encode_client, encode_client_broadcast, encode_user_broadcast,
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        ..ProptestConfig::default()
    }
}

/// JSON values a payload may carry, nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn vsn() -> impl Strategy<Value = Vsn> {
    prop_oneof![Just(Vsn::V1), Just(Vsn::V2)]
}

/// A field of up to 300 bytes (some past the 255 a binary header can hold).
fn field() -> impl Strategy<Value = String> {
    prop_oneof![".{0,20}", "[a-z:-]{200,300}"]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics_the_decoder(v in vsn(), text in ".{0,200}") {
        let _ = decode_text(v, &text);
    }

    #[test]
    fn arbitrary_json_never_panics_the_decoder(v in vsn(), value in json_value()) {
        let _ = decode_text(v, &value.to_string());
        // The shapes a frame has, with arbitrary members.
        let _ = decode_text(v, &json!([value.clone(), value.clone(), value.clone(), value.clone(), value.clone()]).to_string());
        let _ = decode_text(v, &json!({"topic": value.clone(), "event": value.clone(), "payload": value.clone(), "ref": value.clone(), "join_ref": value}).to_string());
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_binary_decoder(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_binary(&bytes);
    }

    #[test]
    fn binary_headers_with_any_lengths_never_panic(kind in 3u8..=4, header in prop::collection::vec(any::<u8>(), 6), body in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = vec![kind];
        bytes.extend(header);
        bytes.extend(body);
        let _ = decode_binary(&bytes);
    }

    #[test]
    fn client_text_frames_round_trip(
        v in vsn(),
        join_ref in proptest::option::of("[0-9]{1,4}"),
        msg_ref in proptest::option::of("[0-9]{1,4}"),
        topic in field(),
        event in ".{1,20}",
        payload in json_value(),
    ) {
        let frame = Frame { join_ref, msg_ref, topic, event, payload, binary: None };
        prop_assert_eq!(decode_text(v, &encode_client(v, &frame)), Ok(frame));
    }

    #[test]
    fn server_text_frames_round_trip(v in vsn(), msg_ref in proptest::option::of("[0-9]{1,4}"), topic in field(), event in ".{1,20}", payload in json_value()) {
        let frame = Frame { join_ref: None, msg_ref, topic, event, payload, binary: None };
        let Encoded::Text(text) = encode(v, &frame) else { panic!("text frames only") };
        let back = decode_text(v, &text).unwrap();
        prop_assert_eq!((back.msg_ref, back.topic, back.event, back.payload), (frame.msg_ref, frame.topic, frame.event, frame.payload));
    }

    #[test]
    fn user_broadcasts_round_trip_or_are_refused(topic in field(), event in field(), payload in json_value(), meta in proptest::option::of(json_value())) {
        let fits = topic.len() <= 255 && event.len() <= 255
            && meta.as_ref().is_none_or(|m| m.to_string().len() <= 255);
        match encode_user_broadcast(&topic, &event, &BroadcastBody::Json(payload.clone()), meta.as_ref()) {
            Ok(Encoded::Binary(bytes)) => {
                prop_assert!(fits, "a field past 255 bytes was encoded");
                let back = decode_binary(&bytes).unwrap();
                prop_assert_eq!(back.topic, topic);
                prop_assert_eq!(&back.payload["event"], &json!(event));
                prop_assert_eq!(&back.payload["payload"], &payload);
                prop_assert_eq!(back.binary.unwrap().meta, meta);
            }
            Ok(Encoded::Text(_)) => prop_assert!(false, "user broadcasts are binary"),
            Err(e) => {
                prop_assert!(!fits, "refused a frame that fits: {e}");
                prop_assert!(matches!(e, CodecError::TooLong(_)), "{e}");
            }
        }
    }

    #[test]
    fn client_broadcasts_round_trip_or_are_refused(join_ref in "[0-9]{1,4}", msg_ref in "[0-9]{1,4}", topic in field(), event in field(), payload in json_value()) {
        let fits = topic.len() <= 255 && event.len() <= 255;
        match encode_client_broadcast(&join_ref, &msg_ref, &topic, &event, &payload) {
            Ok(bytes) => {
                prop_assert!(fits, "a field past 255 bytes was encoded");
                let back = decode_binary(&bytes).unwrap();
                prop_assert_eq!(back.join_ref, Some(join_ref));
                prop_assert_eq!(back.msg_ref, Some(msg_ref));
                prop_assert_eq!(back.topic, topic);
                prop_assert_eq!(&back.payload["payload"], &payload);
            }
            Err(e) => prop_assert!(!fits, "refused a frame that fits: {e}"),
        }
    }
}
