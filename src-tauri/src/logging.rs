//! Tracing to stderr and to a daily-rotated file in the app's log directory (7 files kept).
//! `RUST_LOG` overrides the default filter.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, fmt};

const DEFAULT_FILTER: &str = "info,infinite_stories=debug,infinite_stories_core=debug";

/// Keeps the file writer flushing until the app exits. Tauri ends the process without dropping
/// managed state, so the exit handler calls [`LogGuard::flush`] to write out the last lines.
#[derive(Debug)]
pub struct LogGuard(std::sync::Mutex<Option<WorkerGuard>>);

impl LogGuard {
    /// Writes out everything logged so far and stops the file writer (called once, at exit).
    pub fn flush(&self) {
        drop(self.0.lock().unwrap_or_else(|e| e.into_inner()).take());
    }
}

/// Installs the global subscriber. A log directory that cannot be created only costs the file
/// log; the app still starts and logs to stderr.
pub fn init(dir: &Path) -> LogGuard {
    let filter =
        || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let stderr = fmt::layer().with_writer(std::io::stderr);
    let appender = std::fs::create_dir_all(dir)
        .map_err(|e| e.to_string())
        .and_then(|()| {
            Builder::new()
                .rotation(Rotation::DAILY)
                .max_log_files(7)
                .filename_prefix("infinite-stories")
                .filename_suffix("log")
                .build(dir)
                .map_err(|e| e.to_string())
        });
    match appender {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let file = fmt::layer().with_ansi(false).with_writer(writer);
            let _ = tracing_subscriber::registry()
                .with(filter())
                .with(stderr)
                .with(file)
                .try_init();
            LogGuard(std::sync::Mutex::new(Some(guard)))
        }
        Err(e) => {
            let _ = tracing_subscriber::registry()
                .with(filter())
                .with(stderr)
                .try_init();
            tracing::warn!(dir = %dir.display(), error = %e, "no log file; logging to stderr only");
            LogGuard(std::sync::Mutex::new(None))
        }
    }
}
