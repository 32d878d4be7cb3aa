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
