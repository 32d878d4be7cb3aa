//! The family's commands through Tauri's mock runtime with the app's real config, capability
//! file and commands, against the real embedded backend on loopback: heroes created, edited,
//! drawn and deleted; custom events refused, softened and saved; story defaults and the
//! catalogue; voice samples; stories of 5 and 10 minutes whose measured narration fits the
//! choice; and the session on a computer without a password store.

use std::path::Path;
use std::sync::Arc;

use infinite_stories::EmbeddedBackend;
use infinite_stories_core::Core;
use infinite_stories_core::secrets::{MemoryStore, SecretError, SecretStore, SecretString};
use infinite_stories_core::session_file::{FILE_NAME, KeyringOrFile};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::async_runtime::block_on;
use tauri::test::MockRuntime;
use tauri::webview::WebviewWindow;

mod support;

use support::{App, app_with, invoke};

/// The app with an in-memory keyring and its embedded backend started.
fn started(dir: &Path) -> App {
    let (app, window) = app_with(dir, Arc::new(MemoryStore::new()));
    start_backend(&app);
    (app, window)
}

fn start_backend(app: &tauri::App<MockRuntime>) -> Value {
    let core = app.state::<Core>().inner().clone();
    let status = block_on(app.state::<EmbeddedBackend>().ensure_running(&core));
    serde_json::to_value(status).unwrap()
}

fn ok(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    invoke(window, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

fn err(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    match invoke(window, cmd, args) {
        Ok(v) => panic!("{cmd} should fail, answered {v}"),
        Err(e) => e,
    }
}

fn story(window: &WebviewWindow<MockRuntime>, story: Value, narration: bool) -> Value {
    ok(
        window,
        "generate_story",
        json!({"request": {"story": story, "narration": narration, "illustrations": false}}),
    )
}

#[test]
fn a_hero_is_created_edited_drawn_and_deleted_and_its_stories_stay() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = started(dir.path());

    // Rules broken by what the parent typed come back naming the field.
    let e = err(
        &window,
        "create_hero",
        json!({"hero": {"name": "  ", "primaryTrait": "brave", "secondaryTrait": "kind"}}),
    );
    assert_eq!(e["code"], "VALIDATION");
    assert!(e["message"].as_str().unwrap().starts_with("name:"), "{e}");
    let e = err(
        &window,
        "create_hero",
        json!({"hero": {"name": "Luna", "primaryTrait": "kind", "secondaryTrait": "kind"}}),
    );
    assert!(
        e["message"].as_str().unwrap().contains("secondaryTrait"),
        "{e}"
    );

    // First run: creating a hero signs in as a guest by itself.
    let hero = ok(
        &window,
        "create_hero",
        json!({"hero": {"name": " Luna ", "pronouns": "she", "primaryTrait": "brave",
            "secondaryTrait": "kind", "appearance": "curly red hair", "specialAbility": null,
            "avatarStyle": null, "avatarPrompt": null}}),
    );
    let id = hero["id"].as_str().unwrap().to_owned();
    assert_eq!(hero["name"], "Luna", "stored trimmed");
    assert_eq!(hero["storyCount"], 0);
    assert_eq!(hero["avatarKey"], Value::Null);
    assert!(hero["createdAt"].as_i64().unwrap() > 1_700_000_000_000);

    let edited = ok(
        &window,
        "update_hero",
        json!({"id": id, "hero": {"name": "Luna", "pronouns": "she", "primaryTrait": "curious",
            "secondaryTrait": "kind", "specialAbility": "can talk to owls"}}),
    );
    assert_eq!(edited["primaryTrait"], "curious");
    assert_eq!(edited["specialAbility"], "can talk to owls");
    assert_eq!(
        edited["appearance"],
        Value::Null,
        "an update replaces every field"
    );

    let drawn = ok(
        &window,
        "generate_avatar",
        json!({"heroId": id, "prompt": "a girl with a lantern", "style": "watercolor"}),
    );
    assert_eq!(drawn["avatarStyle"], "watercolor");
    assert_eq!(drawn["avatarPrompt"], "a girl with a lantern");
    let key = drawn["avatarKey"]
        .as_str()
        .expect("an avatar key")
        .to_owned();
    let core = app.state::<Core>().inner().clone();
    let png = block_on(core.media(&key))
        .unwrap()
        .expect("the avatar is cached");
    assert!(png.starts_with(b"\x89PNG"));
    let redrawn = ok(
        &window,
        "generate_avatar",
        json!({"heroId": id, "prompt": "a girl with a lantern", "style": "animated_3d"}),
    );
    assert_eq!(redrawn["avatarStyle"], "animated_3d");
    assert_ne!(
        redrawn["avatarKey"], drawn["avatarKey"],
        "a new picture, a new address"
    );
    assert!(
        block_on(core.media(&key)).unwrap().is_none(),
        "the old one is gone"
    );
    let e = err(
        &window,
        "generate_avatar",
        json!({"heroId": id, "prompt": "x".repeat(501), "style": "watercolor"}),
    );
    assert_eq!(e["code"], "VALIDATION");

    let told = story(
        &window,
        json!({"heroId": id, "event": {"type": "built_in", "data": {"event": "birthday"}},
            "targetDuration": 60, "language": "en"}),
        false,
    );
    let heroes = ok(&window, "list_heroes", json!({}));
    assert_eq!(heroes.as_array().unwrap().len(), 1);
    assert_eq!(heroes[0]["storyCount"], 1);
    assert_eq!(heroes[0]["avatarKey"], redrawn["avatarKey"]);

    assert_eq!(ok(&window, "delete_hero", json!({"id": id})), Value::Null);
    assert_eq!(ok(&window, "list_heroes", json!({})), json!([]));
    let library = ok(&window, "list_stories", json!({}));
    assert_eq!(library[0]["id"], told["summary"]["id"], "the story stays");
    let e = err(
        &window,
        "update_hero",
        json!({"id": id, "hero": {"name": "Luna", "primaryTrait": "brave", "secondaryTrait": "kind"}}),
    );
    assert_eq!(e["code"], "NOT_FOUND");
    app.state::<EmbeddedBackend>().stop_blocking();
}

fn event(title: &str, description: &str, keywords: &[&str]) -> Value {
    json!({"title": title, "description": description, "category": "adventure",
        "ageRange": "4_6", "tone": "calming", "keywords": keywords})
}

#[test]
fn a_custom_event_is_refused_one_softened_and_one_saved_then_used_by_a_story() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = started(dir.path());

    // Refused: said kindly, and saving it is refused too.
    let knife = event(
        "The big fight",
        "Luna takes a knife to the fight with the dragon.",
        &[],
    );
    let check = ok(&window, "check_custom_event", json!({"event": knife}));
    assert_eq!(check["verdict"], "refused", "{check}");
    assert!(
        check["message"].as_str().unwrap().contains("knife"),
        "{check}"
    );
    let e = err(
        &window,
        "save_custom_event",
        json!({"id": null, "event": knife}),
    );
    assert_eq!(e["code"], "CONTENT_POLICY");
    assert_eq!(e["message"], check["message"]);

    // Softened: the gentler version is shown, and that is what is saved.
    let scary = event(
        "The scary forest",
        "Luna meets a monster in the dark forest.",
        &["ghost"],
    );
    let check = ok(&window, "check_custom_event", json!({"event": scary}));
    assert_eq!(check["verdict"], "rewritten", "{check}");
    assert_eq!(check["title"], "The surprising forest");
    assert_eq!(
        check["description"],
        "Luna meets a friendly creature in the starry forest."
    );
    let saved = ok(
        &window,
        "save_custom_event",
        json!({"id": null, "event": scary}),
    );
    assert_eq!(saved["title"], check["title"]);
    assert_eq!(saved["description"], check["description"]);
    assert_eq!(saved["keywords"], json!(["cloud sprite"]));

    // Saved as typed.
    let picnic = event(
        "Picnic by the lake",
        "Luna packs a basket and has a picnic with grandma by the lake.",
        &["basket", "ducks"],
    );
    assert_eq!(
        ok(&window, "check_custom_event", json!({"event": picnic})),
        json!({"verdict": "pass"})
    );
    let picnic = ok(
        &window,
        "save_custom_event",
        json!({"id": null, "event": picnic}),
    );
    let picnic_id = picnic["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (picnic["usageCount"].clone(), picnic["isFavorite"].clone()),
        (json!(0), json!(false))
    );
    assert_eq!(picnic["lastUsedAt"], Value::Null);
    let e = err(
        &window,
        "save_custom_event",
        json!({"id": null, "event": event("Hi", "Too short", &[])}),
    );
    assert_eq!(e["code"], "VALIDATION");
    assert!(e["message"].as_str().unwrap().starts_with("title:"), "{e}");

    // Edited, starred, used by a story, deleted.
    let edited = ok(
        &window,
        "save_custom_event",
        json!({"id": picnic_id, "event": event("Picnic by the river",
            "Luna packs a basket and has a picnic with grandma by the river.", &["basket"])}),
    );
    assert_eq!(
        (edited["id"].clone(), edited["title"].clone()),
        (json!(picnic_id), json!("Picnic by the river"))
    );
    let starred = ok(
        &window,
        "set_custom_event_favorite",
        json!({"id": picnic_id, "favorite": true}),
    );
    assert_eq!(starred["isFavorite"], true);
    let hero = ok(
        &window,
        "create_hero",
        json!({"hero": {"name": "Luna", "primaryTrait": "kind", "secondaryTrait": "curious"}}),
    );
    let told = story(
        &window,
        json!({"heroId": hero["id"], "event": {"type": "custom", "data": {"custom_event_id": picnic_id}},
            "targetDuration": 60, "language": "en"}),
        false,
    );
    assert!(
        told["content"].as_str().unwrap().contains("river"),
        "the event's words are in it"
    );
    let events = ok(&window, "list_custom_events", json!({}));
    assert_eq!(events.as_array().unwrap().len(), 2);
    assert_eq!(events[0]["id"], picnic_id.as_str(), "favourites first");
    assert_eq!(events[0]["usageCount"], 1);
    assert!(events[0]["lastUsedAt"].as_i64().unwrap() >= picnic["createdAt"].as_i64().unwrap());
    assert_eq!(
        ok(&window, "delete_custom_event", json!({"id": picnic_id})),
        Value::Null
    );
    assert_eq!(
        ok(&window, "list_custom_events", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let e = err(
        &window,
        "set_custom_event_favorite",
        json!({"id": picnic_id, "favorite": false}),
    );
    assert_eq!(e["code"], "NOT_FOUND");

    // The filter reads the family's story language.
    ok(
        &window,
        "set_story_defaults",
        json!({"defaults": {"voice": "coral", "language": "fr", "lengthMinutes": 7, "illustrations": true}}),
    );
    let couteau = event("Le goûter", "Luna prend un couteau pour le gâteau.", &[]);
    let check = ok(&window, "check_custom_event", json!({"event": couteau}));
    assert_eq!(check["verdict"], "refused");
    assert!(
        check["message"].as_str().unwrap().contains("couteau"),
        "{check}"
    );
    app.state::<EmbeddedBackend>().stop_blocking();
}

#[test]
fn defaults_live_in_the_settings_file_and_the_catalogue_lists_every_choice() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app_with(dir.path(), Arc::new(MemoryStore::new()));
    assert_eq!(
        ok(&window, "story_defaults", json!({})),
        json!({"voice": "coral", "language": "en", "lengthMinutes": 7, "illustrations": true})
    );
    let e = err(
        &window,
        "set_story_defaults",
        json!({"defaults": {"voice": "onyx", "language": "de", "lengthMinutes": 20, "illustrations": false}}),
    );
    assert_eq!(e["code"], "VALIDATION");
    assert!(
        e["message"].as_str().unwrap().starts_with("lengthMinutes:"),
        "{e}"
    );
    let chosen =
        json!({"voice": "onyx", "language": "de", "lengthMinutes": 10, "illustrations": false});
    assert_eq!(
        ok(&window, "set_story_defaults", json!({"defaults": chosen})),
        chosen
    );
    drop((window, app));
    let saved: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("settings.json")).unwrap()).unwrap();
    assert_eq!(
        saved["storyDefaults"], chosen,
        "no secret, just the defaults"
    );
    let (_app, window) = app_with(dir.path(), Arc::new(MemoryStore::new()));
    assert_eq!(
        ok(&window, "story_defaults", json!({})),
        chosen,
        "kept across restarts"
    );

    let catalogue = ok(&window, "catalogue", json!({}));
    assert_eq!(
        catalogue["events"].as_array().unwrap().len(),
        infinite_stories_contract::BuiltInEvent::ALL.len()
    );
    assert_eq!(catalogue["voices"].as_array().unwrap().len(), 7);
    assert_eq!(catalogue["languages"].as_array().unwrap().len(), 5);
    assert_eq!(catalogue["avatarStyles"].as_array().unwrap().len(), 5);
    assert_eq!(catalogue["categories"].as_array().unwrap().len(), 8);
    assert_eq!(catalogue["ageRanges"].as_array().unwrap().len(), 4);
    assert_eq!(catalogue["tones"].as_array().unwrap().len(), 7);
    assert_eq!(catalogue["lengthsMinutes"], json!([5, 7, 10]));

    let sample = ok(
        &window,
        "voice_sample",
        json!({"voice": "fable", "language": "it"}),
    );
    assert_eq!(sample["mime"], "audio/ogg");
    let seconds = sample["seconds"].as_f64().unwrap();
    assert!((1.5..8.0).contains(&seconds), "{seconds} s");
    assert!(
        sample["base64"].as_str().unwrap().starts_with("T2dnUw"),
        "Ogg in base64"
    );
    let e = err(
        &window,
        "voice_sample",
        json!({"voice": "robot", "language": "it"}),
    );
    assert!(e.to_string().contains("robot"), "{e}");
}

#[test]
fn five_and_ten_minute_stories_narrate_within_fifteen_percent_of_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = started(dir.path());
    let hero = ok(
        &window,
        "create_hero",
        json!({"hero": {"name": "Milo", "pronouns": "he", "primaryTrait": "curious", "secondaryTrait": "funny"}}),
    );
    for (minutes, language, voice, event) in [
        (5, "en", "coral", "bedtime_adventure"),
        (10, "fr", "onyx", "space_exploration"),
    ] {
        let target = f64::from(minutes * 60);
        let told = story(
            &window,
            json!({"heroId": hero["id"], "event": {"type": "built_in", "data": {"event": event}},
                "targetDuration": minutes * 60, "language": language, "voice": voice}),
            true,
        );
        let measured = told["narrationSeconds"]
            .as_f64()
            .expect("narration measured");
        let off = (measured - target) / target;
        println!(
            "{minutes} min {language} {voice}: {measured:.1} s ({:+.1} %)",
            off * 100.0
        );
        assert!(
            off.abs() <= 0.15,
            "{minutes} minutes asked, {measured:.1} s narrated ({:+.1} %)",
            off * 100.0
        );
        assert!(told["narrationKey"].is_string());
    }
    app.state::<EmbeddedBackend>().stop_blocking();
}

/// A keyring that fails the way keyring v3 does on a desktop with no Secret Service.
#[derive(Debug)]
struct NoSecretService;

impl SecretStore for NoSecretService {
    fn get(&self, _: &str) -> Result<Option<SecretString>, SecretError> {
        Err(no_service())
    }
    fn set(&self, _: &str, _: &SecretString) -> Result<(), SecretError> {
        Err(no_service())
    }
    fn delete(&self, _: &str) -> Result<(), SecretError> {
        Err(no_service())
    }
}

fn no_service() -> SecretError {
    SecretError::Unavailable(
        "Platform secure storage failure: DBus error: The name org.freedesktop.secrets was not \
         provided by any .service files"
            .into(),
    )
}

fn without_keyring(dir: &Path) -> Arc<dyn SecretStore> {
    Arc::new(KeyringOrFile::new(
        Arc::new(NoSecretService),
        &dir.join("client"),
    ))
}

#[test]
fn without_a_password_store_the_embedded_session_lives_in_an_owner_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app_with(dir.path(), without_keyring(dir.path()));
    start_backend(&app);
    let session = ok(&window, "sign_in_anonymously", json!({}));
    assert_eq!(
        ok(&window, "session", json!({}))["userId"],
        session["userId"]
    );
    let status = ok(&window, "backend_status", json!({}));
    assert_eq!(
        status["sessionStorage"], "file",
        "Settings can say so: {status}"
    );
    // Stories can be made.
    ok(
        &window,
        "create_hero",
        json!({"hero": {"name": "Ada", "primaryTrait": "smart", "secondaryTrait": "kind"}}),
    );
    let file = dir.path().join("client").join(FILE_NAME);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "owner-only");
    }
    app.state::<EmbeddedBackend>().stop_blocking();
    drop((window, app));

    // The next start finds the same family.
    let (app, window) = app_with(dir.path(), without_keyring(dir.path()));
    start_backend(&app);
    assert_eq!(
        ok(&window, "session", json!({}))["userId"],
        session["userId"]
    );
    assert_eq!(ok(&window, "list_heroes", json!({}))[0]["name"], "Ada");

    // A Supabase project's session protects a cloud account: no file, a clear error instead.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let project = rt
        .block_on(infinite_stories_server::serve(
            infinite_stories_server::ServerConfig::loopback(dir.path().join("project")),
        ))
        .unwrap();
    ok(
        &window,
        "use_supabase_project",
        json!({"url": project.url(), "anonKey": project.anon_key()}),
    );
    let e = err(&window, "sign_in_anonymously", json!({}));
    assert_eq!(e["code"], "KEYCHAIN");
    assert_eq!(
        e["retryable"], false,
        "retrying cannot help until one is installed"
    );
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("gnome-keyring") && message.contains("KWallet"),
        "{message}"
    );
    assert_eq!(
        ok(&window, "backend_status", json!({}))["sessionStorage"],
        "unavailable"
    );
    let stored = std::fs::read_to_string(&file).unwrap();
    assert!(
        !stored.contains("supabase"),
        "only the embedded session is on disk"
    );

    ok(&window, "use_embedded_backend", json!({}));
    ok(&window, "sign_out", json!({}));
    assert!(!file.exists(), "signing out removes the file");
    app.state::<EmbeddedBackend>().stop_blocking();
    rt.block_on(project.shutdown());
}

#[test]
fn with_a_password_store_nothing_is_written_to_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryStore::new());
    let secrets = Arc::new(KeyringOrFile::new(
        keyring.clone(),
        &dir.path().join("client"),
    ));
    let (app, window) = app_with(dir.path(), secrets);
    start_backend(&app);
    ok(&window, "sign_in_anonymously", json!({}));
    assert_eq!(
        ok(&window, "backend_status", json!({}))["sessionStorage"],
        "keyring"
    );
    assert_eq!(keyring.len(), 1);
    assert!(!dir.path().join("client").join(FILE_NAME).exists());
    app.state::<EmbeddedBackend>().stop_blocking();
}
