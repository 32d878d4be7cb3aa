//! The committed TypeScript bindings match the Rust types. If this fails, run
//! `UPDATE_BINDINGS=1 cargo test --test bindings` and commit ui/src/lib/ipc/bindings.ts.

use std::path::Path;

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(infinite_stories::bindings::PATH);
    let fresh = infinite_stories::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale; run `UPDATE_BINDINGS=1 cargo test --test bindings` and commit it",
        path.display()
    );
}

#[test]
fn bindings_name_every_command_and_event() {
    let ts = infinite_stories::bindings::typescript();
    for name in infinite_stories::commands::NAMES {
        assert!(
            ts.contains(&format!("\n  \"{name}\",")),
            "command {name} missing from COMMAND_NAMES"
        );
        assert!(
            ts.contains(&format!("\n  {name}: {{ args: ")),
            "command {name} missing from Commands"
        );
    }
    assert!(ts.contains("\"backend://status\": BackendStatus;"));
    assert!(ts.contains("export type IpcError = {"), "{ts}");
}

#[test]
fn bindings_give_every_command_its_argument_and_result_types() {
    let ts = infinite_stories::bindings::typescript();
    // Read from the command functions: argument names camelCased as Tauri expects them,
    // `Result<T, IpcError>` unwrapped to `T`, Option as `| null`, no return as `null`.
    for line in [
        "  get_story: { args: { id: string }; result: StoryDetail };",
        "  retry_illustration: { args: { storyId: string; sceneNumber: number }; result: StoryDetail };",
        "  session: { args: Record<string, never>; result: SessionInfo | null };",
        "  set_verbose_logging: { args: { verbose: boolean }; result: null };",
        "  cancel_generation: { args: { requestId: string }; result: boolean };",
    ] {
        assert!(ts.contains(line), "missing `{line}` in\n{ts}");
    }
}

#[test]
fn no_untyped_json_crosses_ipc() {
    let ts = infinite_stories::bindings::typescript();
    // ts-rs writes serde_json::Value as `JsonValue`: every command and event is typed instead.
    assert!(
        !ts.contains("JsonValue"),
        "an untyped value crosses IPC:\n{ts}"
    );
    for line in [
        "  create_hero: { args: { hero: HeroDraft }; result: Hero };",
        "  save_custom_event: { args: { id: string | null; event: CustomEventDraft }; result: CustomEvent };",
        "  generate_avatar: { args: { heroId: string; prompt: string; style: AvatarStyle }; result: Hero };",
        "  voice_sample: { args: { voice: Voice; language: Language }; result: VoiceSample };",
    ] {
        assert!(ts.contains(line), "missing `{line}`");
    }
}
