//! Tauri's build step. The shell's capabilities live in src-tauri/capabilities (the manifest is at
//! the top level, where tauri-build would otherwise look for ./capabilities).

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"),
    )
    .expect("tauri build step");
}
