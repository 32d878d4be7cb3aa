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
