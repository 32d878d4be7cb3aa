//! The diagnostics report: what a parent (or support) sees under Settings → Diagnostics. It
//! carries no token, key or story text.

use serde::Serialize;

use crate::auth::SessionInfo;
use crate::backend::BackendStatus;
use crate::http::LimitStatus;
use crate::monitor::OperationStats;
use crate::realtime::RealtimeStatus;

/// A snapshot for the diagnostics view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticsReport {
    /// Backend connection.
    pub backend: BackendStatus,
    /// Who is signed in.
    pub session: Option<SessionInfo>,
    /// Timings per operation.
    pub operations: Vec<OperationStats>,
    /// Client-side limits.
    pub limits: Vec<LimitStatus>,
    /// Live updates.
    pub realtime: Option<RealtimeStatus>,
    /// Server clock minus this computer's clock, as measured.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub clock_skew_ms: i64,
}

/// Words of "Copy a report" that could identify a family or a story, replaced before anything
/// leaves the app: e-mail addresses, JWTs and other long token-like runs.
pub fn scrub(text: &str) -> String {
    text.split_inclusive(|c: char| c.is_whitespace() || c == '"' || c == ',')
        .map(|piece| {
            let end = piece
                .char_indices()
                .last()
                .filter(|(_, c)| c.is_whitespace() || *c == '"' || *c == ',')
                .map(|(i, _)| i)
                .unwrap_or(piece.len());
            let (word, tail) = piece.split_at(end);
            let token_like = word.len() >= 32
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.=+/".contains(c));
            if word.contains('@') || word.starts_with("eyJ") || token_like {
                format!("[redacted]{tail}")
            } else {
                piece.to_owned()
            }
        })
        .collect()
}

/// The text of "Copy a report": the app version and system, the diagnostics without the
/// session's identity (signed in or not, guest or not), the cache, and the recent requests —
/// no token, key, e-mail or story text, and scrubbed once more as a whole.
pub fn report_text(
    report: &DiagnosticsReport,
    cache: Option<&crate::cache::CacheStatus>,
    recent: &[crate::monitor::RequestRecord],
) -> String {
    let session = report.session.as_ref().map(|s| {
        serde_json::json!({"signedIn": true, "guest": s.is_anonymous, "expiresAt": s.expires_at})
    });
    let body = serde_json::json!({
        "app": env!("CARGO_PKG_VERSION"),
        "os": std::env::consts::OS,
        "arch": std::env::consts::ARCH,
        "backend": {"state": report.backend.state, "mode": report.backend.mode,
                    "version": report.backend.version, "message": report.backend.message,
                    "sessionStorage": report.backend.session_storage},
        "session": session,
        "operations": report.operations,
        "limits": report.limits,
        "realtime": report.realtime.as_ref().map(|r| serde_json::to_value(r).unwrap_or_default()),
        "clockSkewMs": report.clock_skew_ms,
        "cache": cache,
        "recentRequests": recent,
    });
    let text = serde_json::to_string_pretty(&body).unwrap_or_default();
    format!("InfiniteStories diagnostics report\n{}\n", scrub(&text))
}
