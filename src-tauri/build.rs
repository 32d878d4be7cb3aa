//! Tauri's build step. The shell's capabilities live in src-tauri/capabilities (the manifest is at
//! the top level, where tauri-build would otherwise look for ./capabilities), and every app
//! command gets an `allow-<name>` permission so the capability file can grant exactly those.

include!("src/commands/names.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands/names.rs");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(NAMES));
    tauri_build::try_build(attributes).expect("tauri build step");
}
