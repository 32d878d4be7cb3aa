//! How fast things are. Every request (and every higher-level operation such as "generate a
//! story") records its duration here; the diagnostics view shows count, average, min, max and
//! p95 per operation, and anything over 3 s is logged as a warning the moment it happens.
//! Operations are named by route template (`GET /storage/v1/object/{bucket}/*`, ids as `:id`),
//! so no user id or file name reaches the report, and at most [`MAX_OPERATIONS`] are kept.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;

/// Operations slower than this are logged at warn level.
pub const SLOW_OPERATION: Duration = Duration::from_secs(3);

/// Samples kept per operation for percentiles (the oldest are dropped).
const WINDOW: usize = 1000;

/// Operations kept; calls of any further one are counted under [`OTHER_OPERATIONS`].
pub const MAX_OPERATIONS: usize = 128;

/// The name the calls beyond [`MAX_OPERATIONS`] are counted under.
pub const OTHER_OPERATIONS: &str = "other";

/// One operation's figures, in milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OperationStats {
    /// Operation name, e.g. `POST /functions/v1/story-generation`.
    pub name: String,
    /// Calls recorded since start.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub count: u64,
    /// Mean over the recent window.
    pub average_ms: f64,
    /// Fastest in the window.
    pub min_ms: f64,
    /// Slowest in the window.
    pub max_ms: f64,
    /// 95th percentile over the window.
    pub p95_ms: f64,
    /// Calls over 3 s since start.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub slow: u64,
}

#[derive(Debug, Default)]
struct Series {
    count: u64,
    slow: u64,
    samples: VecDeque<f64>,
}

/// Per-operation timings.
#[derive(Debug, Default)]
pub struct PerformanceMonitor {
    series: Mutex<BTreeMap<String, Series>>,
    /// The last requests, for the diagnostics view.
    pub recent: RecentRequests,
}

impl PerformanceMonitor {
    /// An empty monitor.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one call of `name` that took `took` (named by its route template here, whoever
    /// calls: `METHOD /path` names lose their ids).
    pub fn record(&self, name: &str, took: Duration) {
        let name = operation_template(name);
        let ms = took.as_secs_f64() * 1000.0;
        if took > SLOW_OPERATION {
            tracing::warn!(operation = %name, duration_ms = ms as u64, "slow operation");
        }
        let mut series = self.series.lock().unwrap_or_else(|e| e.into_inner());
        let name = if series.contains_key(&name) || series.len() < MAX_OPERATIONS {
            name
        } else {
            OTHER_OPERATIONS.to_owned()
        };
        let s = series.entry(name).or_default();
        s.count += 1;
        if took > SLOW_OPERATION {
            s.slow += 1;
        }
        if s.samples.len() == WINDOW {
            s.samples.pop_front();
        }
        s.samples.push_back(ms);
    }

    /// The figures of every operation, by name.
    pub fn report(&self) -> Vec<OperationStats> {
        let series = self.series.lock().unwrap_or_else(|e| e.into_inner());
        series
            .iter()
            .map(|(name, s)| {
                let mut sorted: Vec<f64> = s.samples.iter().copied().collect();
                sorted.sort_by(f64::total_cmp);
                let n = sorted.len().max(1);
                let p95_index = ((n as f64) * 0.95).ceil() as usize;
                OperationStats {
                    name: name.clone(),
                    count: s.count,
                    average_ms: sorted.iter().sum::<f64>() / n as f64,
                    min_ms: sorted.first().copied().unwrap_or(0.0),
                    max_ms: sorted.last().copied().unwrap_or(0.0),
                    p95_ms: sorted
                        .get(p95_index.saturating_sub(1))
                        .copied()
                        .unwrap_or(0.0),
                    slow: s.slow,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_count_average_min_max_and_p95() {
        let m = PerformanceMonitor::new();
        for ms in 1..=100 {
            m.record("GET /rest/v1/stories", Duration::from_millis(ms));
        }
        m.record("story", Duration::from_secs(4));
        let r = m.report();
        let rest = r.iter().find(|s| s.name == "GET /rest/v1/stories").unwrap();
        assert_eq!(rest.count, 100);
        assert_eq!((rest.min_ms, rest.max_ms, rest.p95_ms), (1.0, 100.0, 95.0));
        assert!((rest.average_ms - 50.5).abs() < 1e-9);
        assert_eq!(rest.slow, 0);
        assert_eq!(r.iter().find(|s| s.name == "story").unwrap().slow, 1);
    }

    #[test]
    fn storage_paths_are_named_by_route_and_the_report_stays_bounded() {
        let m = PerformanceMonitor::new();
        for i in 0..1_000 {
            let user = format!("0f8c7a2e-1b2c-4d5e-8f90-{i:012}");
            m.record(
                &format!("GET /storage/v1/object/story-audio/{user}/s{i}/narration.mp3"),
                Duration::from_millis(5),
            );
            m.record(
                &format!("POST /storage/v1/object/sign/story-illustrations/u{i}/s/scene_1.png"),
                Duration::from_millis(5),
            );
            m.record(&format!("custom operation {i}"), Duration::from_millis(1));
        }
        let r = m.report();
        assert!(r.len() <= MAX_OPERATIONS + 1, "{} operations", r.len());
        let names: Vec<&str> = r.iter().map(|s| s.name.as_str()).collect();
        assert!(
            names.contains(&"GET /storage/v1/object/story-audio/*"),
            "{names:?}"
        );
        assert!(names.contains(&"POST /storage/v1/object/sign/story-illustrations/*"));
        let audio = r
            .iter()
            .find(|s| s.name == "GET /storage/v1/object/story-audio/*")
            .unwrap();
        assert_eq!(audio.count, 1_000);
        assert!(
            names
                .iter()
                .all(|n| !n.contains("0f8c7a2e") && !n.contains("u1"))
        );
        assert!(names.contains(&OTHER_OPERATIONS));
        assert_eq!(
            route_template("/storage/v1/object/upload/sign/hero-avatars/u/h/avatar.png?token=x"),
            "/storage/v1/object/upload/sign/hero-avatars/*"
        );
        assert_eq!(
            route_template("/storage/v1/object/list/story-audio"),
            "/storage/v1/object/list/story-audio"
        );
        assert_eq!(
            route_template("/rest/v1/stories?id=eq.1"),
            "/rest/v1/stories"
        );
    }
}

/// Requests kept for the diagnostics view (the oldest are dropped).
pub const RECENT_REQUESTS: usize = 200;

/// One request as the diagnostics view lists it: nothing that identifies the family or its
/// stories (ids in the path are `:id`, the query string is dropped).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RequestRecord {
    /// Unix ms when it was sent.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub at: i64,
    /// HTTP method.
    pub method: String,
    /// Service prefix and path, redacted.
    pub path: String,
    /// HTTP status; `null` when no answer came (connection refused, timeout).
    pub status: Option<u16>,
    /// How long it took.
    pub duration_ms: f64,
    /// The `x-request-id` sent (a random uuid, also in the server's log).
    pub request_id: String,
}

/// The last [`RECENT_REQUESTS`] requests.
#[derive(Debug, Default)]
pub struct RecentRequests {
    ring: Mutex<VecDeque<RequestRecord>>,
}

impl RecentRequests {
    /// Adds one (its path redacted here, whoever calls).
    pub fn push(&self, mut record: RequestRecord) {
        record.path = redact_path(&record.path);
        let mut ring = self.ring.lock().unwrap_or_else(|e| e.into_inner());
        if ring.len() == RECENT_REQUESTS {
            ring.pop_front();
        }
        ring.push_back(record);
    }

    /// Oldest first.
    pub fn list(&self) -> Vec<RequestRecord> {
        let ring = self.ring.lock().unwrap_or_else(|e| e.into_inner());
        ring.iter().cloned().collect()
    }

    /// Forgets them all.
    pub fn clear(&self) {
        self.ring.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// An operation's name as the report shows it: `METHOD /path` becomes `METHOD` and the path's
/// route template ([`route_template`]); any other name (`story`) stays as it is.
pub fn operation_template(name: &str) -> String {
    match name.split_once(' ') {
        Some((method, path)) if path.starts_with('/') => {
            format!("{method} {}", route_template(path))
        }
        _ => name.to_owned(),
    }
}

/// A request path as a route: storage object paths keep their action and bucket and end in
/// `*` (`/storage/v1/object/sign/story-audio/*`), since what follows is the user's folder and
/// file; every other path is [`redact_path`]ed.
pub fn route_template(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let Some(rest) = path.strip_prefix("/storage/v1/object/") else {
        return redact_path(path);
    };
    let mut segments = rest.split('/').filter(|s| !s.is_empty()).peekable();
    let mut out = String::from("/storage/v1/object");
    const ACTIONS: [&str; 8] = [
        "sign",
        "public",
        "authenticated",
        "upload",
        "info",
        "list",
        "move",
        "copy",
    ];
    if let Some(action) = segments.next_if(|s| ACTIONS.contains(s)) {
        out.push('/');
        out.push_str(action);
        if action == "upload"
            && let Some(sign) = segments.next_if(|s| *s == "sign")
        {
            out.push('/');
            out.push_str(sign);
        }
    }
    if let Some(bucket) = segments.next() {
        out.push('/');
        out.push_str(&redact_path(bucket));
    }
    if segments.next().is_some() {
        out.push_str("/*");
    }
    out
}

/// A request path without its query and with every segment that names a row, a user or a file
/// of theirs as `:id`: uuids, numbers, long hex or token-like runs, and anything with an `@`.
pub fn redact_path(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.split('/')
        .map(|seg| {
            let stem = seg.split('.').next().unwrap_or(seg);
            let digits = stem.chars().filter(char::is_ascii_digit).count();
            let id_like = seg.contains('@')
                || (!stem.is_empty()
                    && stem.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
                    && digits > 0)
                || stem.len() >= 20
                || (digits >= 4 && digits * 3 >= stem.len());
            if id_like { ":id" } else { seg }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod recent_tests {
    use super::*;

    #[test]
    fn paths_lose_ids_and_queries_and_the_ring_keeps_200() {
        assert_eq!(
            redact_path("/rest/v1/stories?id=eq.5b1e2c"),
            "/rest/v1/stories"
        );
        assert_eq!(
            redact_path(
                "/storage/v1/object/story-audio/0f8c7a2e-1b2c-4d5e-8f90-123456789abc/5b1e2c3d-aaaa-bbbb-cccc-123456789abc/narration.ogg"
            ),
            "/storage/v1/object/story-audio/:id/:id/narration.ogg"
        );
        assert_eq!(redact_path("/auth/v1/token"), "/auth/v1/token");
        assert_eq!(redact_path("/x/anna@example.com/42"), "/x/:id/:id");
        assert_eq!(
            redact_path("/storage/v1/object/story-illustrations/a/b/scene_1.png"),
            "/storage/v1/object/story-illustrations/a/b/scene_1.png"
        );
        let recent = RecentRequests::default();
        for i in 0..250 {
            recent.push(RequestRecord {
                at: i,
                method: "GET".into(),
                path: "/rest/v1/heroes".into(),
                status: Some(200),
                duration_ms: 1.0,
                request_id: i.to_string(),
            });
        }
        let list = recent.list();
        assert_eq!(list.len(), 200);
        assert_eq!((list[0].at, list[199].at), (50, 249));
    }
}
