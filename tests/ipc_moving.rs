//! Settings → "Move my library to the cloud" through the mock runtime: the app on its embedded
//! backend, a second embedded backend on loopback as the Supabase project. The move copies the
//! family's hero and custom event and reports both tables counted on both sides; the status
//! keeps the report; with no key typed the remembered project's key (keyring) is used; the
//! parent lock guards the move; Cancel with nothing running says so.

use std::sync::Arc;

use infinite_stories::EmbeddedBackend;
use infinite_stories_core::Core;
use infinite_stories_core::secrets::{MemoryStore, SecretStore, SecretString};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::async_runtime::block_on;
use tauri::test::MockRuntime;
use tauri::webview::WebviewWindow;

mod support;

use support::{app_with, invoke};

fn ok(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    invoke(window, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

const EMAIL: &str = "family@example.com";
const PASSWORD: &str = "a long bedtime password";

#[test]
fn the_library_moves_to_a_project_and_the_report_counts_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemoryStore::new());
    let (app, window) = app_with(dir.path(), secrets.clone());
    let core = app.state::<Core>().inner().clone();
    block_on(app.state::<EmbeddedBackend>().ensure_running(&core));
    ok(
        &window,
        "create_hero",
        json!({"hero": {"name": "Luna", "primaryTrait": "brave", "secondaryTrait": "kind"}}),
    );
    ok(
        &window,
        "save_custom_event",
        json!({"id": null, "event": {"title": "First day at school", "description": "A new classroom and a new friend.",
                                      "category": "custom", "ageRange": "all_ages", "tone": "balanced"}}),
    );

    // The project: another embedded backend, with the family's account made on it.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let project = rt
        .block_on(infinite_stories_server::serve(
            infinite_stories_server::ServerConfig::loopback(dir.path().join("project")),
        ))
        .unwrap();
    let signup = rt.block_on(
        reqwest::Client::new()
            .post(format!("{}/auth/v1/signup", project.url()))
            .header("apikey", project.anon_key())
            .json(&json!({"email": EMAIL, "password": PASSWORD}))
            .send(),
    );
    assert!(signup.unwrap().status().is_success());

    let idle = ok(&window, "move_status", json!({}));
    assert_eq!(idle["running"], false);
    assert_eq!(idle["report"], Value::Null);
    assert_eq!(ok(&window, "cancel_move_library", json!({})), false);

    let destination = json!({"url": project.url(), "anonKey": project.anon_key(),
                             "email": EMAIL, "password": PASSWORD});
    let report = ok(&window, "move_library", json!({"destination": destination}));
    assert_eq!(report["complete"], true, "{report}");
    let count = |table: &str| {
        report["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == table)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        count("heroes"),
        json!({"table": "heroes", "source": 1, "target": 1})
    );
    assert_eq!(count("custom_events")["target"], 1);
    let status = ok(&window, "move_status", json!({}));
    assert_eq!(status["report"], report);
    assert_eq!(status["progress"]["step"], "done");
    assert_eq!(status["unfinished"], Value::Null);

    // No key typed: the remembered project's key from the keyring, and the kept session.
    secrets
        .set(
            infinite_stories::commands::settings::ANON_KEY,
            &SecretString::from(project.anon_key().to_owned()),
        )
        .unwrap();
    let again = ok(
        &window,
        "move_library",
        json!({"destination": {"url": project.url(), "anonKey": ""}}),
    );
    assert_eq!(
        again["tables"], report["tables"],
        "moving twice adds nothing"
    );

    // A wrong password says so and copies nothing.
    let wrong = invoke(
        &window,
        "move_library",
        json!({"destination": {"url": project.url(), "anonKey": project.anon_key(),
                               "email": EMAIL, "password": "not it"}}),
    )
    .unwrap_err();
    assert_eq!(wrong["code"], "VALIDATION", "{wrong}");
    assert!(
        wrong["message"]
            .as_str()
            .unwrap()
            .contains("email and password"),
        "{wrong}"
    );

    // Behind the parent lock.
    ok(
        &window,
        "set_parent_pin",
        json!({"pin": "2468", "currentPin": null}),
    );
    ok(&window, "lock_parent", json!({}));
    let locked = invoke(&window, "move_library", json!({"destination": destination})).unwrap_err();
    assert_eq!(locked["code"], "LOCKED");

    app.state::<EmbeddedBackend>().stop_blocking();
    rt.block_on(project.shutdown());
}
