//! The rows a story becomes in the backend's tables (api-contract §3): `stories`,
//! `story_scenes` and `story_illustrations`, as they travel over REST and realtime (snake_case
//! columns, timestamps as RFC 3339 text). The server's functions write them from these types,
//! so each row's shape is defined once; the server's table schema is checked against them.

use serde::{Deserialize, Serialize};

use crate::{
    Emotion, GeneratedStory, IllustrationStatus, Importance, Language, Scene, StoryEvent,
    StoryRequest, Voice,
};

/// A `stories` row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Row id.
    pub id: String,
    /// The family's user id.
    pub user_id: String,
    /// The hero the story is about.
    pub hero_id: Option<String>,
    /// The custom event it was written for, if it was.
    pub custom_event_id: Option<String>,
    /// `built_in` or `custom` ([`crate::StoryEvent::kind`]).
    pub event_type: Option<String>,
    /// The built-in event's wire id, if it was one.
    pub event_id: Option<String>,
    /// Title.
    pub title: String,
    /// Full text, paragraphs separated by a blank line.
    pub content: String,
    /// Story language.
    pub language: Language,
    /// Narration voice asked for.
    pub voice: Option<Voice>,
    /// Target narration length in seconds.
    pub target_duration: Option<u32>,
    /// Narration length estimated at the voice's pace, in seconds.
    pub estimated_duration: Option<f64>,
    /// Words in `content`.
    pub word_count: Option<u32>,
    /// The narration, once recorded.
    #[serde(flatten)]
    pub narration: StoryNarration,
    /// Starred by the family.
    pub is_favorite: bool,
    /// Times listened to.
    pub play_count: i64,
    /// When it was last listened to.
    pub last_played_at: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

impl StoryRow {
    /// The row of a story just written for `request` (no narration yet, not played), made at
    /// `now` (RFC 3339): how the backend's `story-generation` and the app's direct-provider mode
    /// both record a new story, so the two rows cannot differ in shape.
    pub fn written(
        id: String,
        user_id: &str,
        request: &StoryRequest,
        custom_event_id: Option<String>,
        story: &GeneratedStory,
        now: &str,
    ) -> Self {
        let event_id = match &request.event {
            StoryEvent::BuiltIn { event } => Some(event.id().to_string()),
            StoryEvent::Custom { .. } => None,
        };
        StoryRow {
            id,
            user_id: user_id.to_owned(),
            hero_id: Some(request.hero_id.clone()),
            custom_event_id,
            event_type: Some(request.event.kind().to_string()),
            event_id,
            title: story.title.clone(),
            content: story.content.clone(),
            language: request.language,
            voice: Some(request.voice_or_default()),
            target_duration: Some(request.target_duration),
            estimated_duration: Some(story.estimated_duration),
            word_count: Some(story.word_count),
            narration: StoryNarration::default(),
            is_favorite: false,
            play_count: 0,
            last_played_at: None,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
        }
    }
}

/// The narration columns of a `stories` row: empty until `audio-synthesis` records it, then
/// written together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryNarration {
    /// Signed URL of the audio.
    pub audio_url: Option<String>,
    /// Storage path of the audio.
    pub audio_path: Option<String>,
    /// Measured length, in seconds.
    pub audio_duration: Option<f64>,
    /// Wire id of the voice that spoke it.
    pub audio_voice: Option<String>,
    /// Signed URL of the word timings JSON, when there are timings.
    pub timings_url: Option<String>,
}

/// A `story_scenes` row: one [`Scene`] of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SceneRow {
    /// Row id.
    pub id: String,
    /// The story.
    pub story_id: String,
    /// 1-based.
    pub scene_number: u32,
    /// A verbatim excerpt of the story content.
    pub text_segment: String,
    /// The image prompt.
    pub illustration_prompt: String,
    /// Narration position of the excerpt, in seconds.
    pub timestamp_seconds: f64,
    /// Mood of the moment.
    pub emotion: Emotion,
    /// How much the moment matters.
    pub importance: Importance,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

impl SceneRow {
    /// The row of `scene` in story `story_id`, made at `now` (RFC 3339).
    pub fn of(scene: &Scene, id: String, story_id: &str, now: &str) -> Self {
        SceneRow {
            id,
            story_id: story_id.to_owned(),
            scene_number: scene.scene_number,
            text_segment: scene.text_segment.clone(),
            illustration_prompt: scene.illustration_prompt.clone(),
            timestamp_seconds: scene.timestamp_seconds,
            emotion: scene.emotion,
            importance: scene.importance,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
        }
    }
}

/// A `story_illustrations` row: where one scene's picture is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IllustrationRow {
    /// Row id.
    pub id: String,
    /// The story.
    pub story_id: String,
    /// The scene drawn (unique per story).
    pub scene_number: u32,
    /// Pending, processing, completed or failed.
    pub status: IllustrationStatus,
    /// Signed URL of the picture, once drawn.
    pub image_url: Option<String>,
    /// Storage path of the picture, once drawn.
    pub image_path: Option<String>,
    /// The picture's generation id.
    pub generation_id: Option<String>,
    /// The generation id of the picture a re-run replaces.
    pub previous_generation_id: Option<String>,
    /// Why it failed.
    pub error_message: Option<String>,
    /// Times it was asked for again.
    #[serde(default)]
    pub retry_count: u32,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

impl IllustrationRow {
    /// A new `pending` row for scene `scene_number` of `story_id`, made at `now` (RFC 3339).
    pub fn pending(id: String, story_id: &str, scene_number: u32, now: &str) -> Self {
        IllustrationRow {
            id,
            story_id: story_id.to_owned(),
            scene_number,
            status: IllustrationStatus::Pending,
            image_url: None,
            image_path: None,
            generation_id: None,
            previous_generation_id: None,
            error_message: None,
            retry_count: 0,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
        }
    }

    /// Asked for again: back to `pending`, the last picture remembered as the previous one.
    pub fn retried(&mut self) {
        self.status = IllustrationStatus::Pending;
        self.error_message = None;
        self.retry_count += 1;
        self.previous_generation_id = self.generation_id.clone();
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_story_row_carries_its_narration_columns_flat() {
        let row = StoryRow {
            id: "s".into(),
            user_id: "u".into(),
            hero_id: Some("h".into()),
            custom_event_id: None,
            event_type: Some("built_in".into()),
            event_id: Some("bedtime_adventure".into()),
            title: "T".into(),
            content: "C".into(),
            language: Language::Fr,
            voice: Some(Voice::Nova),
            target_duration: Some(300),
            estimated_duration: Some(290.5),
            word_count: Some(420),
            narration: StoryNarration::default(),
            is_favorite: false,
            play_count: 0,
            last_played_at: None,
            created_at: "2026-01-01T00:00:00.000000Z".into(),
            updated_at: "2026-01-01T00:00:00.000000Z".into(),
        };
        let json = serde_json::to_value(&row).unwrap();
        assert_eq!(json["language"], "fr");
        assert_eq!(json["voice"], "nova");
        assert_eq!(json["audio_url"], json!(null));
        assert!(json.get("narration").is_none());
        assert_eq!(serde_json::from_value::<StoryRow>(json).unwrap(), row);
    }

    #[test]
    fn a_retried_illustration_goes_back_to_pending_and_remembers_its_picture() {
        let mut row = IllustrationRow::pending("i".into(), "s", 2, "t0");
        row.status = IllustrationStatus::Failed;
        row.error_message = Some("no".into());
        row.generation_id = Some("g1".into());
        row.retried();
        assert_eq!(row.status, IllustrationStatus::Pending);
        assert_eq!(row.error_message, None);
        assert_eq!(row.retry_count, 1);
        assert_eq!(row.previous_generation_id.as_deref(), Some("g1"));
        let json = serde_json::to_value(&row).unwrap();
        assert_eq!(json["status"], "pending");
        assert_eq!(json["image_url"], json!(null));
    }
}
