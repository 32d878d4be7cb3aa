//! The wire models of the edge functions (api-contract §2): camelCase as the seed defines them.
//! The original deployment's snake_case answers are accepted too: [`crate::api::camelize`]
//! rewrites their keys before these types decode them (serde aliases would also work, but
//! ts-rs cannot carry them into the UI bindings).

use serde::{Deserialize, Serialize};

/// Which event a story is about: the seed's tagged encoding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum StoryEvent {
    /// A built-in event by id (`bedtime_adventure`…).
    BuiltIn {
        /// Event id.
        event: String,
    },
    /// A custom event of the family.
    Custom {
        /// Custom event id.
        custom_event_id: String,
    },
}

/// `story-generation` request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StoryRequest {
    /// Hero id.
    pub hero_id: String,
    /// The event.
    pub event: StoryEvent,
    /// Target length in seconds (60–900).
    pub target_duration: u32,
    /// `en es fr de it`.
    pub language: String,
    /// One of the seven voices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
}

/// A scene of a story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Scene {
    /// 1-based.
    pub scene_number: u32,
    /// The text the scene covers.
    pub text_segment: String,
    /// Prompt for its illustration.
    pub illustration_prompt: String,
    /// Where the scene starts in the narration.
    pub timestamp_seconds: f64,
    /// Mood.
    #[serde(default)]
    pub emotion: String,
    /// key, major or minor.
    #[serde(default)]
    pub importance: String,
}

/// `story-generation` answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GeneratedStory {
    /// Story id.
    pub story_id: String,
    /// Title.
    pub title: String,
    /// Full text.
    pub content: String,
    /// Seconds.
    pub estimated_duration: f64,
    /// Words.
    pub word_count: u32,
    /// 3–8 scenes.
    pub scenes: Vec<Scene>,
}

/// `audio-synthesis` answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Narration {
    /// Signed URL of the audio.
    pub audio_url: String,
    /// Storage path.
    pub storage_path: String,
    /// Measured duration.
    pub duration_seconds: f64,
    /// Bytes.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub file_size_bytes: u64,
    /// Voice used.
    #[serde(default)]
    pub voice_used: String,
    /// `mp3`, `wav`…
    #[serde(default)]
    pub format: String,
    /// Word timings JSON, when known.
    #[serde(default)]
    pub timings_url: Option<String>,
}

/// One illustration in a `scene-illustration` answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IllustrationResult {
    /// Scene.
    pub scene_number: u32,
    /// `completed`, `failed`…
    pub status: String,
    /// Signed URL.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Storage path.
    #[serde(default)]
    pub storage_path: Option<String>,
    /// Why it failed.
    #[serde(default)]
    pub error_message: Option<String>,
}

/// `scene-illustration` answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IllustrationBatch {
    /// Per scene.
    pub illustrations: Vec<IllustrationResult>,
    /// `completed`, `partial`, `failed`.
    pub status: String,
}

/// `avatar-generation` answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Avatar {
    /// Signed URL.
    pub avatar_url: String,
    /// Storage path.
    pub storage_path: String,
    /// Generation id (for the next consistent picture).
    pub generation_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_request_uses_the_seed_encoding() {
        let r = StoryRequest {
            hero_id: "h".into(),
            event: StoryEvent::BuiltIn {
                event: "bedtime_adventure".into(),
            },
            target_duration: 300,
            language: "en".into(),
            voice: None,
        };
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["event"],
            serde_json::json!({"type":"built_in","data":{"event":"bedtime_adventure"}})
        );
        assert_eq!(json["heroId"], "h");
        assert_eq!(json["targetDuration"], 300);
    }

    #[test]
    fn snake_case_answers_of_the_original_deployment_decode() {
        let snake: serde_json::Value = serde_json::from_str(
            r#"{"story_id":"s","title":"T","content":"c","estimated_duration":60,"word_count":10,
                "scenes":[{"scene_number":1,"text_segment":"a","illustration_prompt":"p","timestamp_seconds":0}]}"#,
        )
        .unwrap();
        let s: GeneratedStory = serde_json::from_value(crate::api::camelize(snake)).unwrap();
        assert_eq!((s.story_id.as_str(), s.scenes[0].scene_number), ("s", 1));
    }
}
