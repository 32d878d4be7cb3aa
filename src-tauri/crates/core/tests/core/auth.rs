//! Sign-in, session storage and the token manager against the real backend, including the
//! reported auth failures of supabase-protocol.md §6 (1–16).

use std::time::Duration;

use infinite_stories_core::secrets::{ExposeSecret, SecretStore};
use infinite_stories_core::{CoreEvent, ErrorCode, SessionChange};
use serde_json::json;

use crate::support::{
    TOKEN, core_on, env, env_with, refresh_token_of, sign_in, signed_in, token_of,
};

/// Takes session events until `change` arrives (bounded).
async fn wait_for(events: &mut infinite_stories_core::EventStream, change: SessionChange) {
    let found = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if let Ok(CoreEvent::Session(e)) = events.recv().await
                && e.change == change
            {
                return;
            }
        }
    })
    .await;
    assert!(found.is_ok(), "no {change:?} event");
}

fn signed_out_events(events: &mut infinite_stories_core::EventStream) -> usize {
    let mut n = 0;
    while let Ok(e) = events.try_recv() {
        if matches!(e, CoreEvent::Session(s) if s.change == SessionChange::SignedOut) {
            n += 1;
        }
    }
    n
}

#[tokio::test]
async fn first_run_signs_in_anonymously_and_the_session_survives_a_restart() {
    let env = env().await;
    let mut events = env.core.events();
    assert!(env.core.session().is_none());
    let session = env.core.ensure_session().await.unwrap();
    assert!(session.is_anonymous);
    wait_for(&mut events, SessionChange::SignedIn).await;
    assert_eq!(
        env.secrets.len(),
        1,
        "stored in the keyring, one entry per profile"
    );
    let stored = env.secrets.get("session/embedded").unwrap().unwrap();
    assert!(stored.expose_secret().contains(&session.user_id));

    // A restart: a new core on the same keyring restores the same user without signing up.
    let again = core_on(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
    )
    .await;
    assert_eq!(again.session().unwrap().user_id, session.user_id);
    assert_eq!(
        again.ensure_session().await.unwrap().user_id,
        session.user_id
    );
    assert_eq!(crate::support::calls(&again, "POST /auth/v1/signup"), 0);
}

#[tokio::test]
async fn email_sign_up_sends_app_version_and_platform_then_sign_in_works() {
    let env = env().await;
    let info = env
        .core
        .sign_up("ann@example.com", "correct horse 1")
        .await
        .unwrap()
        .unwrap();
    assert!(!info.is_anonymous);
    assert_eq!(info.email.as_deref(), Some("ann@example.com"));
    let api = env.core.api().unwrap();
    let token = api.tokens().access_token().await.unwrap().unwrap();
    let user = api.tokens().auth().user(&token).await.unwrap();
    assert_eq!(user.user_metadata["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(user.user_metadata["platform"], std::env::consts::OS);

    env.core.sign_out().await.unwrap();
    let err = env
        .core
        .sign_in("ann@example.com", "wrong")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(err.to_string().contains("don't match"), "{err}");
    let again = env
        .core
        .sign_in("ann@example.com", "correct horse 1")
        .await
        .unwrap();
    assert_eq!(again.user_id, info.user_id);
    let dup = env
        .core
        .sign_up("ann@example.com", "correct horse 1")
        .await
        .unwrap_err();
    assert!(dup.to_string().contains("already has an account"), "{dup}");
}

#[tokio::test]
async fn upgrading_an_anonymous_user_keeps_the_id() {
    let env = env().await;
    let anon = env.core.sign_in_anonymously().await.unwrap();
    let linked = env
        .core
        .link_email("kid@example.com", "a good password")
        .await
        .unwrap();
    assert_eq!(linked.user_id, anon.user_id);
    assert!(!linked.is_anonymous);
    env.core.sign_out().await.unwrap();
    let back = env
        .core
        .sign_in("kid@example.com", "a good password")
        .await
        .unwrap();
    assert_eq!(back.user_id, anon.user_id);
}

#[tokio::test]
async fn reported_15_sign_out_offline_still_clears_local_state() {
    let env = env().await;
    env.core.sign_in_anonymously().await.unwrap();
    let mut events = env.core.events();
    env.core.set_offline(true).await;
    env.core.sign_out().await.unwrap();
    assert!(env.core.session().is_none());
    assert!(env.secrets.is_empty(), "keyring entry removed");
    assert_eq!(signed_out_events(&mut events), 1);
}

#[tokio::test]
async fn single_flight_refresh_shared_by_concurrent_callers() {
    let env = env().await;
    env.core.sign_in_anonymously().await.unwrap();
    let before = token_of(&env.core);
    env.advance(Duration::from_secs(3600 - 30)); // 30 s left: inside the 60 s margin
    let api = env.core.api().unwrap();
    let calls = (0..8).map(|_| {
        let api = api.clone();
        tokio::spawn(async move {
            api.tokens()
                .access_token()
                .await
                .unwrap()
                .unwrap()
                .expose_secret()
                .to_owned()
        })
    });
    let tokens: Vec<String> = futures_util::future::join_all(calls)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    assert!(
        tokens.iter().all(|t| t == &tokens[0] && t != &before),
        "all callers got the one new token"
    );
    assert_eq!(env.calls(TOKEN), 1, "exactly one refresh request");
    // The rotated session was persisted (reported_09: before being handed out).
    let stored = env.secrets.get("session/embedded").unwrap().unwrap();
    assert!(
        stored
            .expose_secret()
            .contains(&refresh_token_of(&env.core))
    );
}

#[tokio::test]
async fn a_401_refreshes_once_and_replays_with_the_same_request_id() {
    let (env, api) = signed_in().await;
    // The server forgets the JWT's validity: its clock jumps past expiry while ours does not.
    env.server_clock.advance(Duration::from_secs(3700));
    let request = infinite_stories_core::http::Request::new(
        infinite_stories_core::http::Service::Rest,
        reqwest::Method::GET,
        "/heroes?select=id",
    );
    let rows: Vec<serde_json::Value> = api.send(&request).await.unwrap().json().unwrap();
    assert!(rows.is_empty());
    assert_eq!(env.calls(TOKEN), 1, "one refresh after the 401");
    assert_eq!(
        env.calls("GET /rest/v1/heroes"),
        2,
        "the call was replayed once"
    );
}

#[tokio::test]
async fn reported_08_refresh_racing_a_sign_out_changes_nothing() {
    let (env, api) = signed_in().await;
    env.fault(
        json!({"action": "latency", "route": "/auth/v1/token", "latencyMs": 300, "times": 1}),
    )
    .await;
    let seen = api.tokens().session().unwrap().access_token.clone();
    let tokens = api.tokens().clone();
    let refresh = tokio::spawn(async move { tokens.refresh_from(&seen).await });
    tokio::time::sleep(Duration::from_millis(50)).await; // let the refresh reach the server
    env.core.sign_out().await.unwrap();
    let late = refresh.await.unwrap();
    assert!(late.is_err(), "the late refresh is discarded: {late:?}");
    assert!(env.core.session().is_none(), "still signed out");
    assert!(
        env.secrets.is_empty(),
        "the late success was not written back"
    );

    // A late *failure* does not touch a new session either.
    let new = env.core.sign_in_anonymously().await.unwrap();
    assert_eq!(env.core.session().unwrap().user_id, new.user_id);
}

#[tokio::test]
async fn reported_04_refresh_during_a_503_burst_keeps_the_session() {
    let env = env().await;
    env.core.sign_in_anonymously().await.unwrap();
    let mut events = env.core.events();
    env.advance(Duration::from_secs(3600 - 30));
    env.fault(json!({"action": "status", "status": 503, "route": "/auth/v1/token", "times": 3}))
        .await;
    let api = env.core.api().unwrap();
    // The access token is still valid (30 s): it is used despite the failed refresh.
    let token = api.tokens().access_token().await.unwrap();
    assert!(token.is_some());
    assert!(env.core.session().is_some());
    assert_eq!(signed_out_events(&mut events), 0);
    // And a network failure (server unreachable) is just as harmless.
    env.core.set_offline(true).await;
    assert!(api.tokens().access_token().await.unwrap().is_some());
    assert!(env.core.session().is_some());
}

#[tokio::test]
async fn reported_05_06_the_next_tick_refreshes_after_a_failed_one() {
    let (env, api) = signed_in().await;
    let before = refresh_token_of(&env.core);
    env.advance(Duration::from_secs(3600 - 80)); // within 3 ticks of expiry
    env.fault(json!({"action": "status", "status": 503, "route": "/auth/v1/token", "times": 3}))
        .await;
    api.tokens().tick().await;
    assert_eq!(
        refresh_token_of(&env.core),
        before,
        "first tick failed (offline/503)"
    );
    env.advance(Duration::from_secs(30));
    api.tokens().tick().await;
    assert_ne!(
        refresh_token_of(&env.core),
        before,
        "the next tick refreshed"
    );
}

#[tokio::test]
async fn reported_07_a_cancelled_refresh_keeps_the_session() {
    let (env, api) = signed_in().await;
    env.fault(
        json!({"action": "latency", "route": "/auth/v1/token", "latencyMs": 2000, "times": 1}),
    )
    .await;
    let seen = api.tokens().session().unwrap().access_token.clone();
    let cancelled =
        tokio::time::timeout(Duration::from_millis(100), api.tokens().refresh_from(&seen)).await;
    assert!(cancelled.is_err(), "aborted mid-flight");
    assert!(env.core.session().is_some(), "session kept");
    assert!(!env.secrets.is_empty());
    // And the next refresh works (the server accepts the parent again).
    let parent = refresh_token_of(&env.core);
    api.tokens().refresh_from(&seen).await.unwrap();
    assert_ne!(refresh_token_of(&env.core), parent);
}

#[tokio::test]
async fn reported_09_a_rotation_lost_before_it_was_persisted_is_recovered() {
    let env = env().await;
    env.core.sign_in_anonymously().await.unwrap();
    let stored_parent = refresh_token_of(&env.core);
    // The server rotates the token but the app "dies" before storing the answer.
    let r = env
        .raw_auth(
            "/token?grant_type=refresh_token",
            None,
            json!({"refresh_token": stored_parent}),
        )
        .await;
    assert!(r.status().is_success());
    // On restart the stored parent is presented again: the server hands back the active child.
    let restarted = core_on(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
    )
    .await;
    let api = restarted.api().unwrap();
    let seen = api.tokens().session().unwrap().access_token.clone();
    api.tokens().refresh_from(&seen).await.unwrap();
    assert!(restarted.session().is_some());
    assert_ne!(refresh_token_of(&restarted), stored_parent);
}

#[tokio::test]
async fn reported_10_terminal_refresh_errors_sign_out_only_once_the_token_expired() {
    let env = env().await;
    env.core.sign_in_anonymously().await.unwrap();
    let mut events = env.core.events();
    let token = token_of(&env.core);
    // Another device signs the user out everywhere: the refresh token family is gone.
    let r = env
        .raw_auth("/logout?scope=global", Some(&token), json!({}))
        .await;
    assert_eq!(r.status(), 204);
    let api = env.core.api().unwrap();
    let seen = api.tokens().session().unwrap().access_token.clone();
    let err = api.tokens().refresh_from(&seen).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Unauthorized);
    assert!(
        env.core.session().is_some(),
        "access token still valid: kept"
    );
    assert_eq!(signed_out_events(&mut events), 0);
    // The failure is cached: no second /token call within 60 s.
    let before = env.calls(TOKEN);
    let _ = api.tokens().refresh_from(&seen).await;
    assert_eq!(env.calls(TOKEN), before);
    // Once the access token has expired, the terminal failure signs out.
    env.advance(Duration::from_secs(3700));
    let err = api.tokens().access_token().await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Unauthorized);
    assert!(env.core.session().is_none());
    assert!(env.secrets.is_empty());
    assert_eq!(signed_out_events(&mut events), 1);
}

#[tokio::test]
async fn reported_01_two_processes_refreshing_at_once_both_keep_a_valid_session() {
    let env = env().await;
    env.core.sign_in_anonymously().await.unwrap();
    let other = core_on(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
    )
    .await;
    let (a, b) = (env.core.api().unwrap(), other.api().unwrap());
    let (sa, sb) = (
        a.tokens().session().unwrap().access_token.clone(),
        b.tokens().session().unwrap().access_token.clone(),
    );
    let (ra, rb) = tokio::join!(a.tokens().refresh_from(&sa), b.tokens().refresh_from(&sb));
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert!(
        ra.same_refresh(&rb),
        "the server handed the same active child to both"
    );
    assert!(env.core.session().is_some() && other.session().is_some());
}

#[tokio::test]
async fn reported_02_03_a_process_with_a_stale_token_adopts_the_stored_winner() {
    // No reuse window: an old token presented late is "already used".
    let env = env_with(|c| c.refresh_reuse_interval = Duration::ZERO).await;
    env.core.sign_in_anonymously().await.unwrap();
    let other = core_on(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
    )
    .await;
    let user = other.session().unwrap().user_id;
    // Process A rotates twice (its token is now two generations ahead of B's).
    let a = env.core.api().unwrap();
    for _ in 0..2 {
        let seen = a.tokens().session().unwrap().access_token.clone();
        a.tokens().refresh_from(&seen).await.unwrap();
    }
    // B refreshes with its stale token: terminal answer, but storage has A's newer session.
    let b = other.api().unwrap();
    let seen = b.tokens().session().unwrap().access_token.clone();
    let adopted = b.tokens().refresh_from(&seen).await.unwrap();
    assert_eq!(adopted.user.id, user);
    assert_eq!(
        refresh_token_of(&other),
        refresh_token_of(&env.core),
        "B uses the winner's session"
    );
    // B's requests carry the user's token, never the API key (reported_03).
    let token = b.tokens().access_token().await.unwrap();
    assert!(token.is_some());
}

#[tokio::test]
async fn reported_11_13_listeners_may_call_back_into_the_core_during_sign_in_and_refresh() {
    let env = env().await;
    let mut events = env.core.events();
    let core = env.core.clone();
    let listener = tokio::spawn(async move {
        let mut seen = Vec::new();
        while let Ok(event) = events.recv().await {
            if let CoreEvent::Session(e) = event {
                // Calling back into the core from a session callback must not deadlock.
                let api = core.api().unwrap();
                let _ = tokio::time::timeout(Duration::from_secs(5), api.tokens().access_token())
                    .await
                    .expect("callback deadlocked");
                seen.push(e.change);
                if e.change == SessionChange::TokenRefreshed {
                    return seen;
                }
            }
        }
        seen
    });
    env.core.sign_in_anonymously().await.unwrap();
    env.advance(Duration::from_secs(3600 - 30)); // nearly expired stored session
    // A restart with a listener registered at once (reported_13) completes.
    let restarted = tokio::time::timeout(
        Duration::from_secs(5),
        core_on(
            &env.server,
            env.secrets.clone(),
            env.clock.clone(),
            env.sleeper.clone(),
        ),
    )
    .await
    .expect("init completes");
    assert!(restarted.session().is_some());
    env.core
        .api()
        .unwrap()
        .tokens()
        .access_token()
        .await
        .unwrap();
    let seen = tokio::time::timeout(Duration::from_secs(5), listener)
        .await
        .unwrap()
        .unwrap();
    assert!(
        seen.contains(&SessionChange::SignedIn) && seen.contains(&SessionChange::TokenRefreshed),
        "{seen:?}"
    );
}

#[tokio::test]
async fn reported_14_a_clock_an_hour_off_causes_no_refresh_storm_and_no_sign_out() {
    for offset_ms in [3_600_000_i64, -3_600_000] {
        let env = env().await;
        env.clock.set_millis(
            infinite_stories_core::clock::SystemClock.now_millis_for_tests() + offset_ms,
        );
        let api = sign_in(&env).await;
        for _ in 0..5 {
            assert!(api.tokens().access_token().await.unwrap().is_some());
            api.tokens().tick().await;
        }
        assert_eq!(
            env.calls(TOKEN),
            0,
            "no refresh storm with skew {offset_ms}"
        );
        assert!(env.core.session().is_some());
        let skew = env.core.diagnostics().clock_skew_ms;
        assert!(
            (skew + offset_ms).abs() < 5_000,
            "skew measured: {skew} for {offset_ms}"
        );
    }
}

#[tokio::test]
async fn reported_16_offline_skips_doomed_retries_and_refreshes_on_reconnect() {
    let env = env().await;
    env.core.sign_in_anonymously().await.unwrap();
    let before = refresh_token_of(&env.core);
    env.advance(Duration::from_secs(3600 - 30));
    env.core.set_offline(true).await;
    let api = env.core.api().unwrap();
    let seen = api.tokens().session().unwrap().access_token.clone();
    let err = api.tokens().refresh_from(&seen).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Offline);
    assert_eq!(env.calls(TOKEN), 0, "no request, no backoff");
    assert!(env.sleeper.waits().is_empty());
    env.core.set_offline(false).await; // reconnect: immediate refresh
    assert_ne!(refresh_token_of(&env.core), before);
    assert_eq!(env.calls(TOKEN), 1);
}

#[tokio::test]
async fn profiles_keep_separate_sessions() {
    let env = env().await;
    let mine = env.core.sign_in_anonymously().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = infinite_stories_server::ServerConfig::loopback(dir.path());
    cfg.faults_enabled = true;
    let cloud = infinite_stories_server::serve(cfg).await.unwrap();
    // Another backend presented as a Supabase profile on loopback.
    let endpoint = infinite_stories_core::BackendEndpoint::parse(
        infinite_stories_core::BackendMode::Supabase,
        &cloud.url(),
    )
    .unwrap()
    .with_api_key(cloud.anon_key());
    env.core.connect(endpoint).await;
    assert!(
        env.core.session().is_none(),
        "the other profile has no session yet"
    );
    let theirs = env.core.sign_in_anonymously().await.unwrap();
    assert_ne!(theirs.user_id, mine.user_id);
    assert_eq!(env.secrets.len(), 2, "one keyring entry per profile");
    env.core
        .connect(crate::support::endpoint(&env.server))
        .await;
    assert_eq!(
        env.core.session().unwrap().user_id,
        mine.user_id,
        "switching back restores it"
    );
}
