//! A minimal Phoenix client for the realtime tests, on tokio-tungstenite.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::support::TestServer;

type Stream =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// What arrived.
#[derive(Debug)]
pub enum Got {
    Text(Value),
    Binary(Vec<u8>),
    Close(u16),
}

pub struct Ws {
    stream: Stream,
}

/// Guards a receive so a broken server fails the test instead of hanging it.
const GUARD: Duration = Duration::from_secs(10);

impl Ws {
    pub async fn connect(s: &TestServer, vsn: &str) -> Ws {
        let url = format!(
            "ws://{}/realtime/v1/websocket?apikey={}&vsn={vsn}",
            s.handle.address(),
            s.anon_key()
        );
        let (stream, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        Ws { stream }
    }

    pub async fn send(&mut self, v: Value) {
        self.stream
            .send(Message::Text(v.to_string().into()))
            .await
            .unwrap();
    }

    pub async fn send_binary(&mut self, b: Vec<u8>) {
        self.stream.send(Message::Binary(b.into())).await.unwrap();
    }

    pub async fn recv(&mut self) -> Got {
        loop {
            let msg = tokio::time::timeout(GUARD, self.stream.next())
                .await
                .expect("no frame in time");
            match msg {
                Some(Ok(Message::Text(t))) => return Got::Text(serde_json::from_str(&t).unwrap()),
                Some(Ok(Message::Binary(b))) => return Got::Binary(b.to_vec()),
                Some(Ok(Message::Close(f))) => {
                    return Got::Close(f.map(|f| u16::from(f.code)).unwrap_or(1005));
                }
                Some(Ok(_)) => continue,
                None | Some(Err(_)) => return Got::Close(1006),
            }
        }
    }

    /// The next text frame (v2 arrays).
    pub async fn text(&mut self) -> Value {
        match self.recv().await {
            Got::Text(v) => v,
            other => panic!("expected a text frame, got {other:?}"),
        }
    }

    /// Skips frames until one with this event (index 3 in v2 arrays).
    pub async fn until(&mut self, event: &str) -> Value {
        loop {
            if let Got::Text(v) = self.recv().await
                && (v[3] == event || v["event"] == event)
            {
                return v;
            }
        }
    }

    /// Joins `topic` with `config` and returns the reply.
    pub async fn join(
        &mut self,
        topic: &str,
        join_ref: &str,
        config: Value,
        token: Option<&str>,
    ) -> Value {
        let mut payload = json!({"config": config});
        if let Some(t) = token {
            payload["access_token"] = json!(t);
        }
        self.send(json!([join_ref, join_ref, topic, "phx_join", payload]))
            .await;
        self.until("phx_reply").await
    }
}

pub fn cfg(pg: Value) -> Value {
    json!({"broadcast": {"ack": false, "self": false}, "presence": {"key": "", "enabled": false}, "postgres_changes": pg, "private": false})
}

/// A join config for a private channel (no database changes).
pub fn private_cfg() -> Value {
    json!({"broadcast": {"ack": false, "self": false}, "presence": {"key": "", "enabled": false}, "postgres_changes": [], "private": true})
}
