//! Progress of a story generation as the UI shows it: the stage, an overall fraction, a status
//! line (from the backend's realtime progress broadcasts while the story is written) and one
//! entry per scene for the illustration bars.

use infinite_stories_contract::IllustrationStatus;
use serde::Serialize;

/// Where a generation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Stage {
    /// Writing the story text.
    Writing,
    /// Making and downloading the narration.
    Narrating,
    /// Drawing and downloading the illustrations.
    Illustrating,
    /// Finished (some illustrations may have failed; they can be retried).
    Done,
    /// Stopped by an error.
    Failed,
    /// Stopped by the person.
    Cancelled,
}

/// One scene's illustration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SceneProgress {
    /// Scene.
    pub scene_number: u32,
    /// Where its illustration is.
    pub status: IllustrationStatus,
}

/// A progress event (`story://progress`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GenerationProgress {
    /// The generation's request id (what `cancel` takes).
    pub request_id: String,
    /// The story, once written.
    pub story_id: Option<String>,
    /// Stage.
    pub stage: Stage,
    /// 0.0–1.0 overall.
    pub progress: f64,
    /// A line for the parent ("Writing the story…").
    pub status: String,
    /// Per-scene illustration state.
    pub scenes: Vec<SceneProgress>,
}

/// The longest status line shown from a progress broadcast.
const MAX_LINE: usize = 120;

/// A status line from a realtime broadcast, only when it is the `progress` event of *this*
/// generation (`requestId` equal to `request_id`) and a short printable line; anything else on
/// the topic (a forged or stray message, another generation's) is ignored. Returns the line and
/// the fraction, clamped to 0–1.
pub(crate) fn progress_line(
    event: &str,
    payload: &serde_json::Value,
    request_id: &str,
) -> Option<(String, Option<f64>)> {
    if event != "progress" || payload["requestId"].as_str() != Some(request_id) {
        return None;
    }
    let line = payload["status"].as_str()?.trim();
    if line.is_empty() || line.chars().count() > MAX_LINE || line.chars().any(char::is_control) {
        return None;
    }
    let fraction = payload["progress"]
        .as_f64()
        .filter(|f| f.is_finite())
        .map(|f| f.clamp(0.0, 1.0));
    Some((line.to_owned(), fraction))
}

#[cfg(test)]
mod tests {
    use super::progress_line;
    use serde_json::json;

    #[test]
    fn only_this_generations_progress_lines_are_shown() {
        let ok = json!({"progress": 0.5, "status": "Writing the story…", "requestId": "r1"});
        assert_eq!(
            progress_line("progress", &ok, "r1"),
            Some(("Writing the story…".into(), Some(0.5)))
        );
        assert_eq!(
            progress_line("progress", &ok, "r2"),
            None,
            "another generation"
        );
        assert_eq!(progress_line("cursor", &ok, "r1"), None, "another event");
        let no_id = json!({"progress": 0.5, "status": "Send your password to…"});
        assert_eq!(progress_line("progress", &no_id, "r1"), None);
        let long = json!({"status": "x".repeat(500), "requestId": "r1"});
        assert_eq!(progress_line("progress", &long, "r1"), None);
        let control = json!({"status": "a\u{1b}[2Jb", "requestId": "r1"});
        assert_eq!(progress_line("progress", &control, "r1"), None);
        let wild = json!({"status": "ok", "progress": 7.0, "requestId": "r1"});
        assert_eq!(progress_line("progress", &wild, "r1").unwrap().1, Some(1.0));
    }
}
