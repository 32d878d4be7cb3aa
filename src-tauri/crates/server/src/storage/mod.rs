//! placeholder
use crate::state::AppState;
use axum::Router;
pub(crate) fn router() -> Router<AppState> {
    Router::new()
}

/// Writes `bytes` to `tmp`, flushes it to disk, then renames it over `target`, so a crash
/// leaves either the old file or the new one.
pub(crate) fn write_atomic(
    tmp: &std::path::Path,
    target: &std::path::Path,
    bytes: &[u8],
) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut f = std::fs::File::create(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(tmp, target)?;
    if let Some(parent) = target.parent()
        && let Ok(dir) = std::fs::File::open(parent)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}
