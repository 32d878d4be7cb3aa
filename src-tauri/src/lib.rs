//! The Tauri shell of InfiniteStories Desktop: it starts the embedded backend, builds the one
//! [`Core`] the commands call into, forwards core events to the UI, and stops the backend when
//! the app exits. A second launch (the menu entry clicked again) hands over to the running app,
//! which brings its window forward. Nothing here is worth testing on its own; the logic lives in
//! the core, server and storyteller crates.

pub mod bindings;
pub mod commands;
pub mod embedded;
pub mod error;
pub mod events;
mod logging;
pub mod media;
pub mod parent_lock;
pub mod playback;
pub mod preferences;
#[cfg(target_os = "linux")]
pub mod rendering;
pub mod story_mode;
pub mod story_writer;
pub mod voice_packs;

use std::sync::Arc;

use infinite_stories_core::secrets::KeyringStore;
use infinite_stories_core::session_file::KeyringOrFile;
use infinite_stories_core::{BackendState, Core, CoreOptions, KEYRING_SERVICE};
use tauri::{AppHandle, Manager, RunEvent, Runtime};

pub use embedded::EmbeddedBackend;
pub use error::IpcError;

/// Adds the app's commands and its `media` scheme to a builder (the real one, or
/// `tauri::test::mock_builder()`).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(parent_lock::Unlocked::default())
        .invoke_handler(commands::handler())
        .register_asynchronous_uri_scheme_protocol("media", |ctx, request, responder| {
            let core = ctx.app_handle().state::<Core>().inner().clone();
            let path = request.uri().path().to_owned();
            tauri::async_runtime::spawn(async move {
                responder.respond(media::respond(&core, &path).await);
            });
        })
}

/// Connects to the backend Settings chose last time: the remembered Supabase project (its key
/// from the keyring), or the embedded backend (the default, and the fallback when the project's
/// key is gone).
pub async fn connect_remembered<R: Runtime>(
    app: &tauri::AppHandle<R>,
    core: &Core,
) -> infinite_stories_core::BackendStatus {
    use infinite_stories_core::secrets::ExposeSecret;
    use infinite_stories_core::settings::BackendChoice;
    if let Ok(BackendChoice::Supabase { url }) = preferences::backend(app) {
        let key = core
            .secrets()
            .get(commands::settings::ANON_KEY)
            .ok()
            .flatten();
        match key.map(|k| infinite_stories_core::BackendEndpoint::supabase(&url, k.expose_secret()))
        {
            Some(Ok(endpoint)) => return core.connect(endpoint).await,
            _ => tracing::warn!("the remembered project's key is gone; using the embedded backend"),
        }
    }
    app.state::<EmbeddedBackend>().ensure_running(core).await
}

/// The backend profile Settings chose last time (`embedded`, `supabase/<host>`), known without
/// starting or reaching it.
pub fn remembered_profile<R: Runtime>(app: &tauri::AppHandle<R>) -> String {
    use infinite_stories_core::settings::BackendChoice;
    use infinite_stories_core::{BackendEndpoint, BackendMode};
    match preferences::backend(app) {
        Ok(BackendChoice::Supabase { url }) => BackendEndpoint::parse(BackendMode::Supabase, &url)
            .map(|e| e.profile_id())
            .unwrap_or_else(|_| "embedded".into()),
        _ => "embedded".into(),
    }
}

/// Runs the app until its last window closes.
pub fn run() {
    // Before anything starts a thread: it may set WebKit's variables (no GPU, no GL probes).
    #[cfg(target_os = "linux")]
    let renderer = rendering::prepare();
    let app = with_commands(tauri::Builder::default())
        // First: a second launch must hand over before it starts anything of its own (it exits
        // inside this plugin's setup, through the session D-Bus on Linux).
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            show_main_window(app)
        }))
        // The window comes back at the size and place it was left (saved on exit, in the app's
        // config folder); after single-instance, so a second launch never touches the file.
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .setup(move |app| {
            let dirs = embedded::AppDirs::resolve(app.handle())?;
            app.manage(logging::init(&dirs.logs));
            tracing::info!(data = %dirs.data.display(), logs = %dirs.logs.display(), "starting");
            #[cfg(target_os = "linux")]
            tracing::info!(
                ?renderer,
                "WebKit's renderer (Software: no GPU device, no GL probes)"
            );
            // The keyring; the embedded session in an owner-only file when no keyring answers.
            let keyring = Arc::new(KeyringStore::new(KEYRING_SERVICE));
            let core = Core::with_options(CoreOptions {
                secrets: Arc::new(KeyringOrFile::new(keyring, &dirs.client())),
                data_dir: Some(dirs.client()),
                ..CoreOptions::default()
            });
            app.manage(preferences::SettingsFile(dirs.data.join("settings.json")));
            app.manage(preferences::SystemLanguage::detect());
            // The library sync of the first realtime join waits for Home's first screen (the
            // UI says when), so it does not compete with the window's start.
            core.hold_sync_for_first_screen();
            app.manage(core.clone());
            let (voices, writers) = (
                voice_packs::VoicePacks::new(&dirs.data),
                story_writer::StoryWriters::default(),
            );
            writers.restore(
                &preferences::writer(app.handle()).unwrap_or_default(),
                core.secrets().as_ref(),
            );
            app.manage(
                EmbeddedBackend::new(dirs.backend())
                    .with_providers(app_providers(&voices, &writers)),
            );
            app.manage(voices);
            app.manage(writers);
            events::bridge(app.handle().clone(), core.events());
            let hwnd = main_window_handle(app.handle());
            app.manage(playback::Playback::start(
                app.handle(),
                core.clone(),
                |config| config.media_session(media_session(hwnd)),
            ));
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                // Who was signed in last time, from the keyring, and the local library opened,
                // both while the window starts: Home reads the library before the backend has
                // started (or, for a project out of reach, at all).
                let profile = remembered_profile(&handle);
                let (_, opened) =
                    tokio::join!(core.remember_session(&profile), core.open_library());
                if let Err(e) = opened {
                    tracing::warn!(error = %e, "the local library could not be opened yet");
                }
                let status = connect_remembered(&handle, &core).await;
                // First run: an anonymous account, so stories can be made without signing up
                // (a later start restores the session from the keyring instead).
                if status.state == BackendState::Connected
                    && let Err(e) = core.start_session().await
                {
                    tracing::warn!(error = %e, "no session yet");
                }
            });
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("the app could not be built (see the log above)");
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            // The last listening session reaches the core before the backend stops.
            tauri::async_runtime::block_on(app.state::<playback::Playback>().shutdown());
            app.state::<EmbeddedBackend>().stop_blocking();
            app.state::<logging::LogGuard>().flush();
        }
    });
}

/// The embedded backend's providers: offline, narrated by the installed natural voices where
/// there are some (espeak-ng elsewhere), written by the writer Settings chose.
pub fn app_providers(
    voices: &voice_packs::VoicePacks,
    writers: &story_writer::StoryWriters,
) -> infinite_stories_server::Providers {
    let mut providers = infinite_stories_server::Providers::offline();
    providers.narrator = Arc::new(voices.narrator().clone());
    providers.writer = Arc::new(writers.writer());
    providers
}

/// The OS media session (media keys; MPRIS on Linux): title, the hero as artist, the cover.
fn media_session(hwnd: Option<usize>) -> infinite_stories_player::MediaSessionFactory {
    infinite_stories_player::os_media_session(infinite_stories_player::MediaSessionConfig {
        display_name: "InfiniteStories".into(),
        dbus_name: "infinite_stories".into(),
        hwnd,
    })
}

/// The main window's HWND, which Windows' media session (SMTC) needs; Linux (MPRIS) and macOS
/// need none. Compiled and exercised only on the Windows release runner.
#[cfg(windows)]
fn main_window_handle<R: Runtime>(app: &AppHandle<R>) -> Option<usize> {
    let window = app.get_webview_window("main")?;
    window.hwnd().ok().map(|h| h.0 as usize)
}

#[cfg(not(windows))]
fn main_window_handle<R: Runtime>(_app: &AppHandle<R>) -> Option<usize> {
    None
}

/// Brings the main window forward: un-minimised, shown and focused (a second launch).
fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    tracing::info!("launched again: bringing the window forward");
    if let Some(window) = app.get_webview_window("main") {
        let shown = window
            .unminimize()
            .and_then(|()| window.show())
            .and_then(|()| window.set_focus());
        if let Err(e) = shown {
            tracing::warn!(error = %e, "the window could not be brought forward");
        }
    }
}
