//! The gateway: API key required (header or query), Host and Origin allow-lists, CORS only for
//! the app's origins, body limits.

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::TestServer;

#[tokio::test]
async fn requests_need_one_of_the_servers_keys() {
    let s = TestServer::start().await;
    let res = s.http.get(s.url("/rest/v1/heroes")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<Value>().await.unwrap()["message"],
        "No API key found in request"
    );

    let res = s
        .http
        .get(s.url("/rest/v1/heroes"))
        .header("apikey", "not-a-key")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<Value>().await.unwrap()["message"],
        "Invalid API key"
    );

    let res = s
        .http
        .get(s.url(&format!("/rest/v1/heroes?apikey={}", s.anon_key())))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "apikey accepted as a query parameter");

    assert_ne!(s.handle.anon_key(), s.handle.service_key());
    let res = s
        .http
        .get(s.url("/realtime/v1/websocket?vsn=2.0.0"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "No API key found in request"
    );

    let res = s.http.get(s.url("/health")).send().await.unwrap();
    assert_eq!(res.status(), 200, "health needs no key");
}

#[tokio::test]
async fn keys_are_stable_for_a_secret() {
    let a = TestServer::start_with(|c| {
        c.jwt_secret = Some("a-fixed-secret-of-at-least-32-characters".into())
    })
    .await;
    let b = TestServer::start_with(|c| {
        c.jwt_secret = Some("a-fixed-secret-of-at-least-32-characters".into())
    })
    .await;
    assert_eq!(a.handle.anon_key(), b.handle.anon_key());
    let c = TestServer::start().await;
    assert_ne!(
        a.handle.anon_key(),
        c.handle.anon_key(),
        "generated secrets differ"
    );
}

#[tokio::test]
async fn foreign_hosts_and_origins_are_refused_and_cors_allows_only_the_app() {
    let s = TestServer::start().await;
    let res = s
        .req(Method::GET, "/rest/v1/heroes")
        .header("host", "evil.example:80")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "DNS-rebinding Host refused");

    let res = s
        .req(Method::GET, "/rest/v1/heroes")
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    let res = s
        .http
        .request(Method::OPTIONS, s.url("/rest/v1/heroes"))
        .header("origin", "tauri://localhost")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "apikey,authorization,content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "tauri://localhost"
    );

    let res = s
        .req(Method::GET, "/rest/v1/heroes")
        .header("origin", "http://tauri.localhost")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "http://tauri.localhost"
    );
}

#[tokio::test]
async fn oversized_bodies_are_413_in_each_surfaces_shape() {
    let s = TestServer::start_with(|c| c.max_json_body = 1024).await;
    let user = s.anonymous().await;
    let big = json!({"name": "x".repeat(4096), "primary_trait": "brave"});
    let res = s
        .as_user(Method::POST, "/rest/v1/heroes", &user)
        .json(&big)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let res = s
        .invoke(
            &user,
            "extract-scenes",
            json!({"storyContent": "y".repeat(4096)}),
        )
        .await;
    assert_eq!(res.status(), 413);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "PAYLOAD_TOO_LARGE"
    );
}
