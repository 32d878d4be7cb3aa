//! GoTrue-compatible auth: sign-ups, grants, /user, logout scopes, refresh rotation with reuse
//! rules, error shapes and rate limits.

use std::time::Duration;

use base64::Engine;
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{TestServer, session_of};

fn claims(token: &str) -> Value {
    let part = token.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .unwrap(),
    )
    .unwrap()
}

async fn refresh(s: &TestServer, token: &str) -> reqwest::Response {
    s.req(Method::POST, "/auth/v1/token?grant_type=refresh_token")
        .header("x-supabase-api-version", "2024-01-01")
        .json(&json!({"refresh_token": token}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn anonymous_sign_up_gives_a_session_with_the_contracts_claims() {
    let s = TestServer::start().await;
    let res = s
        .req(Method::POST, "/auth/v1/signup")
        .json(&json!({"data": {"app_version": "1.0"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(body["user"]["is_anonymous"], true);
    assert_eq!(body["user"]["email"], "");
    assert_eq!(body["user"]["app_metadata"], json!({}));
    assert_eq!(body["user"]["user_metadata"]["app_version"], "1.0");
    let c = claims(body["access_token"].as_str().unwrap());
    for key in [
        "iss",
        "sub",
        "aud",
        "exp",
        "iat",
        "role",
        "session_id",
        "is_anonymous",
        "aal",
        "amr",
        "email",
        "app_metadata",
        "user_metadata",
    ] {
        assert!(c.get(key).is_some(), "claim {key} missing in {c}");
    }
    assert_eq!(c["role"], "authenticated");
    assert_eq!(c["amr"][0]["method"], "anonymous");
    assert_eq!(
        c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
        3600
    );
    assert_eq!(body["expires_at"], c["exp"]);
}

#[tokio::test]
async fn email_sign_up_sign_in_and_wrong_password() {
    let s = TestServer::start().await;
    let user = s.email_user("Ann@Example.com").await;
    let res = s
        .req(Method::POST, "/auth/v1/token?grant_type=password")
        .json(&json!({"email": "ann@example.com", "password": "secret-123"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["user"]["id"], user.user_id.as_str());
    assert_eq!(body["user"]["app_metadata"]["provider"], "email");
    assert_eq!(
        claims(body["access_token"].as_str().unwrap())["amr"][0]["method"],
        "password"
    );

    let res = s
        .req(Method::POST, "/auth/v1/signup")
        .header("x-supabase-api-version", "2024-01-01")
        .json(&json!({"email": "ann@example.com", "password": "another-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "user_already_exists"
    );

    let res = s
        .req(Method::POST, "/auth/v1/signup")
        .header("x-supabase-api-version", "2024-01-01")
        .json(&json!({"email": "bo@example.com", "password": "123"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "weak_password");
    assert_eq!(body["weak_password"]["reasons"], json!(["length"]));
}

#[tokio::test]
async fn errors_come_in_the_shape_the_api_version_asks_for() {
    let s = TestServer::start().await;
    let wrong = json!({"email": "nobody@example.com", "password": "whatever"});
    let url = "/auth/v1/token?grant_type=password";

    let res = s
        .req(Method::POST, url)
        .header("x-supabase-api-version", "2024-01-01")
        .json(&wrong)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers()["x-supabase-api-version"], "2024-01-01");
    assert_eq!(res.headers()["x-sb-error-code"], "invalid_credentials");
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"code": "invalid_credentials", "message": "Invalid login credentials"})
    );

    let res = s.req(Method::POST, url).json(&wrong).send().await.unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"code": 400, "error_code": "invalid_credentials", "msg": "Invalid login credentials"})
    );

    let res = s
        .req(Method::POST, url)
        .header("x-supabase-api-version", "2023-05-01")
        .json(&wrong)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"error": "invalid_grant", "error_description": "Invalid login credentials"})
    );
}

#[tokio::test]
async fn anonymous_user_upgrades_in_place_and_keeps_its_rows() {
    let s = TestServer::start().await;
    let anon = s.anonymous().await;
    let hero = s.hero(&anon, "Luna").await;
    let res = s
        .as_user(Method::PUT, "/auth/v1/user", &anon)
        .json(&json!({"email": "parent@example.com", "password": "secret-123"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let user: Value = res.json().await.unwrap();
    assert_eq!(user["id"], anon.user_id.as_str());
    assert_eq!(user["is_anonymous"], false);
    assert_eq!(user["email"], "parent@example.com");

    let res = s
        .req(Method::POST, "/auth/v1/token?grant_type=password")
        .json(&json!({"email": "parent@example.com", "password": "secret-123"}))
        .send()
        .await
        .unwrap();
    let signed_in = session_of(&res.json().await.unwrap());
    assert_eq!(signed_in.user_id, anon.user_id);
    let rows: Value = s.get_json("/rest/v1/heroes?select=id", &signed_in).await;
    assert_eq!(rows, json!([{"id": hero}]));

    let res = s
        .as_user(Method::GET, "/auth/v1/user", &signed_in)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.json::<Value>().await.unwrap()["email"],
        "parent@example.com"
    );
}

#[tokio::test]
async fn refresh_rotates_tolerates_the_parent_and_revokes_the_family_on_late_reuse() {
    let s = TestServer::start().await;
    let first = s.anonymous().await;
    let res = refresh(&s, &first.refresh_token).await;
    assert_eq!(res.status(), 200);
    let second = session_of(&res.json().await.unwrap());
    assert_ne!(second.refresh_token, first.refresh_token, "rotated");
    assert_eq!(
        claims(&second.access_token)["session_id"],
        claims(&first.access_token)["session_id"]
    );

    // The parent of the active token is answered with the active token (lost response).
    s.advance(Duration::from_secs(60));
    let res = refresh(&s, &first.refresh_token).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        session_of(&res.json().await.unwrap()).refresh_token,
        second.refresh_token
    );

    // Rotate again; the first token is now a grandparent, revoked long ago → reuse detected.
    let third = session_of(
        &refresh(&s, &second.refresh_token)
            .await
            .json()
            .await
            .unwrap(),
    );
    s.advance(Duration::from_secs(60));
    let res = refresh(&s, &first.refresh_token).await;
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "refresh_token_already_used"
    );
    // ... and the family is gone: the other holder is logged out too.
    let res = refresh(&s, &third.refresh_token).await;
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "refresh_token_not_found"
    );
    let res = s
        .as_user(Method::GET, "/auth/v1/user", &third)
        .header("x-supabase-api-version", "2024-01-01")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "session_not_found"
    );
}

#[tokio::test]
async fn concurrent_refreshes_within_the_reuse_interval_end_on_one_session() {
    let s = TestServer::start().await;
    let first = s.anonymous().await;
    let (a, b) = tokio::join!(
        refresh(&s, &first.refresh_token),
        refresh(&s, &first.refresh_token)
    );
    assert_eq!(a.status(), 200);
    assert_eq!(b.status(), 200);
    let (a, b) = (
        session_of(&a.json().await.unwrap()),
        session_of(&b.json().await.unwrap()),
    );
    assert_eq!(
        a.refresh_token, b.refresh_token,
        "both callers hold the same active token"
    );
}

#[tokio::test]
async fn malformed_and_unknown_refresh_tokens() {
    let s = TestServer::start().await;
    let res = refresh(&s, "short").await;
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "validation_failed"
    );
    let res = refresh(&s, "abcdefghijklmnopqrstuvwxyz012345").await;
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "refresh_token_not_found"
    );
    let res = s
        .req(Method::POST, "/auth/v1/token?grant_type=magic")
        .header("x-supabase-api-version", "2024-01-01")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn logout_scopes() {
    let s = TestServer::start().await;
    let a = s.email_user("scopes@example.com").await;
    let login = || async {
        let res = s
            .req(Method::POST, "/auth/v1/token?grant_type=password")
            .json(&json!({"email": "scopes@example.com", "password": "secret-123"}))
            .send()
            .await
            .unwrap();
        session_of(&res.json().await.unwrap())
    };
    let b = login().await;
    let c = login().await;
    // others: b and a end, c stays.
    let res = s
        .as_user(Method::POST, "/auth/v1/logout?scope=others", &c)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(refresh(&s, &a.refresh_token).await.status(), 400);
    assert_eq!(refresh(&s, &b.refresh_token).await.status(), 400);
    let c = session_of(&refresh(&s, &c.refresh_token).await.json().await.unwrap());
    // local: only this one.
    let d = login().await;
    assert_eq!(
        s.status_of(Method::POST, "/auth/v1/logout?scope=local", &c)
            .await,
        204
    );
    assert_eq!(refresh(&s, &c.refresh_token).await.status(), 400);
    assert_eq!(refresh(&s, &d.refresh_token).await.status(), 200);
    // unknown scope.
    let res = s
        .as_user(Method::POST, "/auth/v1/logout?scope=everyone", &d)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn user_endpoint_errors() {
    let s = TestServer::start_with(|c| c.access_token_ttl = Duration::from_secs(30)).await;
    let v = "x-supabase-api-version";
    let res = s
        .req(Method::GET, "/auth/v1/user")
        .header(v, "2024-01-01")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "no_authorization"
    );
    let user = s.anonymous().await;
    s.advance(Duration::from_secs(31));
    let res = s
        .as_user(Method::GET, "/auth/v1/user", &user)
        .header(v, "2024-01-01")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "bad_jwt");
}

#[tokio::test]
async fn per_ip_rate_limits_answer_429() {
    let s = TestServer::start_with(|c| {
        c.auth_limits.anonymous_signups = 2;
        c.auth_limits.token_requests = 3;
    })
    .await;
    s.anonymous().await;
    s.anonymous().await;
    let res = s
        .req(Method::POST, "/auth/v1/signup")
        .header("x-supabase-api-version", "2024-01-01")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(
        res.json::<Value>().await.unwrap()["code"],
        "over_request_rate_limit"
    );
    s.advance(Duration::from_secs(3601));
    s.anonymous().await;

    for _ in 0..3 {
        let res = refresh(&s, "abcdefghijklmnopqrstuvwxyz012345").await;
        assert_eq!(res.status(), 400);
    }
    assert_eq!(
        refresh(&s, "abcdefghijklmnopqrstuvwxyz012345")
            .await
            .status(),
        429
    );
}

/// The stored password hash of `email`, read straight from the server's database.
async fn stored_hash(s: &TestServer, email: &str, replace: Option<&str>) -> String {
    let db = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        s.dir.path().join("backend/server.db").display()
    ))
    .await
    .unwrap();
    if let Some(h) = replace {
        sqlx::query("UPDATE users SET password_hash = ? WHERE email = ?")
            .bind(h)
            .bind(email)
            .execute(&db)
            .await
            .unwrap();
    }
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE email = ?")
        .bind(email)
        .fetch_one(&db)
        .await
        .unwrap();
    db.close().await;
    hash
}

#[tokio::test]
async fn passwords_are_argon2id_and_older_hashes_upgrade_on_sign_in() {
    let s = TestServer::start().await;
    s.email_user("cy@example.com").await;
    let hash = stored_hash(&s, "cy@example.com", None).await;
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(!hash.contains("secret-123"));

    // An account from before argon2id: PBKDF2-HMAC-SHA256, 4096 rounds, of "secret-123".
    let legacy =
        "pbkdf2-sha256$4096$MDEyMzQ1Njc4OWFiY2RlZg$k7cUKonvUHO9ShPBExJF1xdjdnpBxawXqA4p7c5mqHo";
    stored_hash(&s, "cy@example.com", Some(legacy)).await;
    let sign_in = |password: &'static str| {
        s.req(Method::POST, "/auth/v1/token?grant_type=password")
            .json(&json!({"email": "cy@example.com", "password": password}))
            .send()
    };
    assert_eq!(sign_in("wrong-one").await.unwrap().status(), 400);
    assert_eq!(
        stored_hash(&s, "cy@example.com", None).await,
        legacy,
        "a failed sign-in changes nothing"
    );
    assert_eq!(sign_in("secret-123").await.unwrap().status(), 200);
    let upgraded = stored_hash(&s, "cy@example.com", None).await;
    assert!(upgraded.starts_with("$argon2id$"), "{upgraded}");
    assert_eq!(
        sign_in("secret-123").await.unwrap().status(),
        200,
        "the upgraded hash verifies"
    );
}
