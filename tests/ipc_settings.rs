//! Settings through the mock runtime and real backends on loopback: the settings store
//! (settings.json, nothing secret in it), "Test connection" without switching, the backend
//! switch remembered across a restart of the app object (its key in the keyring, its session
//! back), and the parent lock guarding changes and deletes.

use std::sync::Arc;

use infinite_stories::EmbeddedBackend;
use infinite_stories::preferences::SystemLanguage;
use infinite_stories_contract::Language;
use infinite_stories_core::Core;
use infinite_stories_core::secrets::{ExposeSecret, MemoryStore, SecretStore};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::async_runtime::block_on;
use tauri::test::MockRuntime;

mod support;

use support::{app_with, invoke};

/// What the app does on start: connect to the remembered backend.
fn start(app: &tauri::App<MockRuntime>) -> Value {
    let core = app.state::<Core>().inner().clone();
    let status = block_on(infinite_stories::connect_remembered(app.handle(), &core));
    serde_json::to_value(status).unwrap()
}

#[test]
fn new_stories_are_in_the_app_language_until_the_family_picks_one() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app_with(dir.path(), Arc::new(MemoryStore::new()));
    let language = |w| invoke(w, "story_defaults", json!({})).unwrap()["language"].clone();
    assert_eq!(language(&window), "en", "no system language known: English");
    app.manage(SystemLanguage(Language::Fr));
    assert_eq!(
        language(&window),
        "fr",
        "Automatic: this computer's language"
    );
    invoke(&window, "set_ui_language", json!({"language": "de"})).unwrap();
    assert_eq!(
        language(&window),
        "de",
        "the app language chosen in Settings"
    );
    assert_eq!(
        invoke(&window, "settings", json!({})).unwrap()["storyDefaults"]["language"],
        "de"
    );
    let chosen =
        json!({"voice": "coral", "language": "it", "lengthMinutes": 7, "illustrations": true});
    invoke(&window, "set_story_defaults", json!({"defaults": chosen})).unwrap();
    invoke(&window, "set_ui_language", json!({"language": null})).unwrap();
    assert_eq!(
        language(&window),
        "it",
        "the family's own story default wins"
    );
}

#[test]
fn settings_are_stored_without_secrets_and_the_backend_is_remembered_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let secrets: Arc<MemoryStore> = Arc::new(MemoryStore::new());
    let (app, window) = app_with(dir.path(), secrets.clone());
    assert_eq!(start(&app)["mode"], "embedded", "embedded by default");
    let embedded_user =
        invoke(&window, "sign_in_anonymously", json!({})).unwrap()["userId"].clone();

    let settings = invoke(&window, "settings", json!({})).unwrap();
    assert_eq!(settings["backend"], json!({"mode": "embedded"}));
    assert_eq!(settings["theme"], "auto");
    assert_eq!(settings["uiLanguage"], Value::Null);
    assert_eq!(settings["parentLock"], false);
    assert_eq!(settings["storyDefaults"]["voice"], "coral");
    let night = invoke(&window, "set_theme", json!({"theme": "night"})).unwrap();
    assert_eq!(night["theme"], "night");
    let fr = invoke(&window, "set_ui_language", json!({"language": "fr"})).unwrap();
    assert_eq!(fr["uiLanguage"], "fr");
    assert_eq!(
        invoke(&window, "set_theme", json!({"theme": "dusk"})).unwrap_err()["code"],
        Value::Null,
        "unknown values never reach the store"
    );

    // A second backend plays the Supabase project.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let project = rt
        .block_on(infinite_stories_server::serve(
            infinite_stories_server::ServerConfig::loopback(dir.path().join("project")),
        ))
        .unwrap();
    let tested = invoke(
        &window,
        "test_supabase_connection",
        json!({"url": project.url(), "anonKey": project.anon_key()}),
    )
    .unwrap();
    assert_eq!(
        (tested["state"].as_str(), tested["mode"].as_str()),
        (Some("connected"), Some("supabase"))
    );
    assert_eq!(
        invoke(&window, "backend_status", json!({})).unwrap()["mode"],
        "embedded",
        "testing does not switch"
    );
    let refused = invoke(
        &window,
        "test_supabase_connection",
        json!({"url": "http://example.com", "anonKey": project.anon_key()}),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "VALIDATION", "https only, except loopback");

    invoke(
        &window,
        "use_supabase_project",
        json!({"url": project.url(), "anonKey": project.anon_key()}),
    )
    .unwrap();
    let project_user = invoke(&window, "sign_in_anonymously", json!({})).unwrap()["userId"].clone();
    let settings = invoke(&window, "settings", json!({})).unwrap();
    assert_eq!(settings["backend"]["mode"], "supabase");
    assert!(
        settings.to_string().find(project.anon_key()).is_none(),
        "the key never comes back"
    );
    let file = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(
        file.contains("night") && file.contains("supabase"),
        "{file}"
    );
    assert!(
        !file.contains(project.anon_key()),
        "no secret in settings.json: {file}"
    );
    assert_eq!(
        secrets
            .get("supabase-anon-key")
            .unwrap()
            .unwrap()
            .expose_secret(),
        project.anon_key(),
        "the key is in the keyring"
    );

    // Restart: a new app object over the same data and keyring reconnects to the project,
    // with its session; the settings are still there.
    app.state::<EmbeddedBackend>().stop_blocking();
    drop((window, app));
    let (app, window) = app_with(dir.path(), secrets.clone());
    let status = start(&app);
    assert_eq!(status["mode"], "supabase", "{status}");
    assert_eq!(status["state"], "connected");
    assert_eq!(
        invoke(&window, "session", json!({})).unwrap()["userId"],
        project_user
    );
    assert_eq!(
        invoke(&window, "settings", json!({})).unwrap()["theme"],
        "night"
    );

    // And back: the embedded backend, its own session.
    invoke(&window, "use_embedded_backend", json!({})).unwrap();
    assert_eq!(
        invoke(&window, "session", json!({})).unwrap()["userId"],
        embedded_user
    );
    app.state::<EmbeddedBackend>().stop_blocking();
    drop((window, app));
    let (app, _window) = app_with(dir.path(), secrets.clone());
    assert_eq!(
        start(&app)["mode"],
        "embedded",
        "the switch back is remembered too"
    );
    app.state::<EmbeddedBackend>().stop_blocking();
    rt.block_on(project.shutdown());
}

#[test]
fn the_parent_lock_guards_settings_and_deletes_until_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let secrets: Arc<MemoryStore> = Arc::new(MemoryStore::new());
    let (app, window) = app_with(dir.path(), secrets.clone());
    start(&app);
    invoke(&window, "sign_in_anonymously", json!({})).unwrap();
    assert_eq!(
        invoke(&window, "parent_lock", json!({})).unwrap(),
        json!({"enabled": false, "unlockedUntil": null})
    );
    assert_eq!(
        invoke(
            &window,
            "set_parent_pin",
            json!({"pin": "12a4", "currentPin": null})
        )
        .unwrap_err()["code"],
        "VALIDATION"
    );
    let set = invoke(
        &window,
        "set_parent_pin",
        json!({"pin": "2468", "currentPin": null}),
    )
    .unwrap();
    assert_eq!(set["enabled"], true);
    assert!(
        set["unlockedUntil"].is_number(),
        "setting it leaves it open for now"
    );
    let hash = secrets
        .get("parent-pin")
        .unwrap()
        .unwrap()
        .expose_secret()
        .to_owned();
    assert!(
        hash.starts_with("$argon2id$") && !hash.contains("2468"),
        "{hash}"
    );

    invoke(&window, "lock_parent", json!({})).unwrap();
    for (cmd, args) in [
        ("set_theme", json!({"theme": "day"})),
        ("delete_stories", json!({"ids": ["x"]})),
        ("delete_hero", json!({"id": "x"})),
        ("delete_custom_event", json!({"id": "x"})),
        ("use_embedded_backend", json!({})),
        (
            "set_story_defaults",
            json!({"defaults": {"voice": "nova", "language": "en", "lengthMinutes": 5, "illustrations": true}}),
        ),
    ] {
        let err = invoke(&window, cmd, args).unwrap_err();
        assert_eq!(err["code"], "LOCKED", "{cmd}: {err}");
    }
    // The child can still read and play.
    invoke(&window, "search_library", json!({"query": {"text": null, "onlyNew": false, "onlyFavorites": false,
        "heroId": null, "event": null, "language": null, "sort": "newest", "offset": 0, "limit": 40}}))
        .unwrap();
    let wrong = invoke(&window, "unlock_parent", json!({"pin": "1111"})).unwrap_err();
    assert_eq!(
        (wrong["code"].as_str(), wrong["message"].as_str()),
        (Some("VALIDATION"), Some("That PIN isn't right"))
    );
    invoke(&window, "unlock_parent", json!({"pin": "2468"})).unwrap();
    assert_eq!(
        invoke(&window, "set_theme", json!({"theme": "day"})).unwrap()["theme"],
        "day"
    );
    assert_eq!(
        invoke(
            &window,
            "set_parent_pin",
            json!({"pin": null, "currentPin": null})
        )
        .unwrap_err()["code"],
        "VALIDATION"
    );
    assert_eq!(
        invoke(
            &window,
            "set_parent_pin",
            json!({"pin": null, "currentPin": "2468"})
        )
        .unwrap()["enabled"],
        false
    );
    assert!(secrets.get("parent-pin").unwrap().is_none());
    let file = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(!file.contains("argon2") && !file.contains("2468"));
    app.state::<EmbeddedBackend>().stop_blocking();
}

#[test]
fn erasing_all_data_leaves_the_app_as_on_first_start() {
    let dir = tempfile::tempdir().unwrap();
    let secrets: Arc<MemoryStore> = Arc::new(MemoryStore::new());
    let (app, window) = app_with(dir.path(), secrets.clone());
    start(&app);
    let first = invoke(&window, "sign_in_anonymously", json!({})).unwrap()["userId"].clone();
    invoke(
        &window,
        "create_hero",
        json!({"hero": {"name": "Ada", "primaryTrait": "smart", "secondaryTrait": "kind"}}),
    )
    .unwrap();
    invoke(&window, "set_theme", json!({"theme": "night"})).unwrap();
    invoke(
        &window,
        "set_parent_pin",
        json!({"pin": "1357", "currentPin": null}),
    )
    .unwrap();
    assert_eq!(
        invoke(&window, "list_heroes", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    invoke(&window, "erase_all_data", json!({})).unwrap();

    let session = invoke(&window, "session", json!({})).unwrap();
    assert!(
        session["userId"].is_string() && session["userId"] != first,
        "a new guest: {session}"
    );
    assert_eq!(
        invoke(&window, "list_heroes", json!({})).unwrap(),
        json!([])
    );
    let settings = invoke(&window, "settings", json!({})).unwrap();
    assert_eq!(
        (settings["theme"].as_str(), settings["parentLock"].as_bool()),
        (Some("auto"), Some(false))
    );
    assert_eq!(settings["backend"]["mode"], "embedded");
    assert!(secrets.get("parent-pin").unwrap().is_none());
    let cache = invoke(&window, "cache_status", json!({})).unwrap();
    assert_eq!(cache["durableEntries"], 0, "{cache}");
    app.state::<EmbeddedBackend>().stop_blocking();
}
