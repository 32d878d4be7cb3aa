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
/// leaves the app: e-mail addresses, JWTs and other long token-like runs, and any uuid inside
/// a word (a realtime topic such as `story-updates-<user id>`) as `:id`.
pub fn scrub(text: &str) -> String {
    redact_uuids(text)
        .split_inclusive(|c: char| c.is_whitespace() || c == '"' || c == ',')
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

/// `text` with every uuid (8-4-4-4-12 hex digits) replaced by `:id`.
pub fn redact_uuids(text: &str) -> String {
    const SHAPE: [usize; 5] = [8, 4, 4, 4, 12];
    let bytes = text.as_bytes();
    let is_uuid_at = |at: usize| {
        let mut i = at;
        for (n, len) in SHAPE.iter().enumerate() {
            if n > 0 {
                if bytes.get(i) != Some(&b'-') {
                    return false;
                }
                i += 1;
            }
            if i + len > bytes.len() || !bytes[i..i + len].iter().all(u8::is_ascii_hexdigit) {
                return false;
            }
            i += len;
        }
        !bytes.get(i).is_some_and(u8::is_ascii_hexdigit)
            && (at == 0 || !bytes[at - 1].is_ascii_hexdigit())
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if is_uuid_at(i) {
            out.push_str(":id");
            i += 36;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8().max(1);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_inside_words_are_redacted() {
        assert_eq!(
            redact_uuids("realtime:family-b3ed927a-9a10-4e2e-ae50-9af5ce0f9afa\" x"),
            "realtime:family-:id\" x"
        );
        assert_eq!(redact_uuids("no id é here 1234-5"), "no id é here 1234-5");
    }
}
