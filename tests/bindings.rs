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
            ts.contains(&format!("| \"{name}\"")),
            "command {name} missing"
        );
    }
    assert!(ts.contains("\"backend://status\": BackendStatus;"));
    assert!(ts.contains("export type IpcError = {"), "{ts}");
}
