//! Tauri's build step, plus the command table. The shell's capabilities live in
//! src-tauri/capabilities (the manifest is at the top level, where tauri-build would otherwise
//! look for ./capabilities). `build/commands.rs` reads every `#[tauri::command]` in
//! src-tauri/src/commands and writes the handler, the name list, the TypeScript signatures and
//! an `app-commands` permission set (one `allow-<name>` per command) that the capability grants.

#[path = "build/commands.rs"]
mod commands;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands");
    println!("cargo:rerun-if-changed=src-tauri/build");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&manifest).join("src-tauri/src/commands");
    let table = commands::scan(&dir);
    write_if_changed(
        &Path::new(&out).join("commands.rs"),
        &commands::rust(&dir, &table),
    );
    let permissions = Path::new(&out).join("permissions");
    std::fs::create_dir_all(&permissions).expect("OUT_DIR is writable");
    write_if_changed(
        &permissions.join("app-commands.toml"),
        &commands::permission_set(&table),
    );

    // tauri-build wants 'static lists; the build script runs once, so leaking is fine.
    let names: &'static [&'static str] = Vec::leak(
        table
            .iter()
            .map(|c| &*String::leak(c.name.clone()))
            .collect(),
    );
    let pattern: &'static str = String::leak(format!("{}/*.toml", permissions.display()));
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(
            tauri_build::AppManifest::new()
                .commands(names)
                .permissions_path_pattern(pattern),
        );
    tauri_build::try_build(attributes).expect("tauri build step");
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).expect("OUT_DIR is writable");
    }
}
