//! The backend's five functions (`/functions/v1/<name>`, api-contract §2), their requests and
//! answers, once: the core serialises the requests and decodes the answers, the server does the
//! opposite, the storyteller takes the same [`StoryRequest`] and [`SceneRequest`] values.
//! Encoding: camelCase, snake_case aliases accepted, unknown request fields refused by name.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::{
    AvatarStyle, ContractError, Emotion, ImageSize, Importance, Language, StoryEvent, Voice, rules,
};

/// The longest text a narration or a scene extraction takes, in characters.
pub const TEXT_MAX: usize = 50_000;
/// The longest story a scene extraction takes, in seconds.
pub const STORY_DURATION_MAX: f64 = 7200.0;
/// How many scenes one `scene-illustration` call draws.
pub const SCENES_PER_CALL: std::ops::RangeInclusive<usize> = 1..=10;
/// An avatar prompt sent to `avatar-generation`, in characters after trimming.
pub const AVATAR_FUNCTION_PROMPT: std::ops::RangeInclusive<usize> = 1..=1000;

/// Decodes a request body, naming the field that failed (`language: unknown variant…`,
/// `unknown field `colour``) in the error.
pub fn from_json<T: DeserializeOwned>(value: &Value) -> Result<T, ContractError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { "body".to_owned() } else { path };
        ContractError::invalid(field, e.into_inner().to_string())
    })
}

/// Reads a whole number of seconds that may have been sent as a JSON float (`300.0`).
fn whole_seconds<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = f64::deserialize(d)?;
    if !n.is_finite() || n < 0.0 || n > f64::from(u32::MAX) {
        return Err(serde::de::Error::custom(format!(
            "{n} is not a number of seconds"
        )));
    }
    Ok(n.round() as u32)
}

/// One illustrated moment of a story (`story_scenes` row, api-contract §2.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Scene {
    /// 1-based.
    #[serde(alias = "scene_number")]
    pub scene_number: u32,
    /// A verbatim excerpt of the story content.
    #[serde(alias = "text_segment")]
    pub text_segment: String,
    /// A safe, descriptive English image prompt.
    #[serde(alias = "illustration_prompt")]
    pub illustration_prompt: String,
    /// Narration position of the excerpt, in seconds (first scene 0, increasing).
    #[serde(alias = "timestamp_seconds")]
    pub timestamp_seconds: f64,
    /// Mood of the moment.
    #[serde(default)]
    pub emotion: Emotion,
    /// How much the moment matters.
    #[serde(default)]
    pub importance: Importance,
}

/// `story-generation` request: what the family chose in the UI, sent as is by the core,
/// parsed by the server and handed to the writer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoryRequest {
    /// Hero id.
    #[serde(alias = "hero_id")]
    pub hero_id: String,
    /// The event.
    pub event: StoryEvent,
    /// Target narration length in seconds (60–900).
    #[serde(alias = "target_duration", deserialize_with = "whole_seconds")]
    pub target_duration: u32,
    /// Story language.
    pub language: Language,
    /// Narration voice (sets the pace); coral when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Voice>,
}

impl StoryRequest {
    /// Checks the length range.
    pub fn validate(&self) -> Result<(), ContractError> {
        rules::duration("targetDuration", self.target_duration)
    }

    /// The narration voice, coral when none was chosen.
    pub fn voice_or_default(&self) -> Voice {
        self.voice.unwrap_or_default()
    }
}

/// `story-generation` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GeneratedStory {
    /// Story id.
    #[serde(alias = "story_id")]
    pub story_id: String,
    /// Title.
    pub title: String,
    /// Full text, paragraphs separated by a blank line.
    pub content: String,
    /// Narration length estimated at the voice's pace, in seconds.
    #[serde(alias = "estimated_duration")]
    pub estimated_duration: f64,
    /// Words in `content`.
    #[serde(alias = "word_count")]
    pub word_count: u32,
    /// 3–8 scenes.
    pub scenes: Vec<Scene>,
}

/// `extract-scenes` request, also what a storyteller `SceneExtractor` is asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SceneRequest {
    /// The story text.
    #[serde(alias = "story_content")]
    pub story_content: String,
    /// Narration length in seconds (scales the timestamps).
    #[serde(alias = "story_duration")]
    pub story_duration: f64,
    /// The hero's name, used in the prompts.
    #[serde(alias = "hero_name")]
    pub hero_name: String,
    /// Free-text event context, e.g. "bedtime adventure".
    #[serde(default, alias = "event_context")]
    pub event_context: String,
}

impl SceneRequest {
    /// Checks the text, the duration and the hero name.
    pub fn validate(&self) -> Result<(), ContractError> {
        rules::text_length("storyContent", &self.story_content, 1..=TEXT_MAX)?;
        if !(self.story_duration > 0.0 && self.story_duration <= STORY_DURATION_MAX) {
            return Err(ContractError::invalid(
                "storyDuration",
                format!("must be more than 0 and at most {STORY_DURATION_MAX} seconds"),
            ));
        }
        if self.hero_name.trim().is_empty() {
            return Err(ContractError::invalid(
                "heroName",
                "is empty: give the hero's name",
            ));
        }
        Ok(())
    }
}

/// `extract-scenes` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractedScenes {
    /// The scenes.
    pub scenes: Vec<Scene>,
    /// How many.
    #[serde(alias = "scene_count")]
    pub scene_count: usize,
}

/// `audio-synthesis` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AudioRequest {
    /// The story the narration belongs to.
    #[serde(alias = "story_id")]
    pub story_id: String,
    /// Text to speak.
    pub text: String,
    /// Voice.
    pub voice: Voice,
    /// Language of the text.
    pub language: Language,
}

impl AudioRequest {
    /// Checks the text length.
    pub fn validate(&self) -> Result<(), ContractError> {
        rules::text_length("text", &self.text, 1..=TEXT_MAX)
    }
}

/// `audio-synthesis` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Narration {
    /// Signed URL of the audio.
    #[serde(alias = "audio_url")]
    pub audio_url: String,
    /// Storage path.
    #[serde(alias = "storage_path")]
    pub storage_path: String,
    /// Duration measured by decoding the audio, in seconds.
    #[serde(alias = "duration_seconds")]
    pub duration_seconds: f64,
    /// Bytes.
    #[serde(default, alias = "file_size_bytes")]
    pub file_size_bytes: u64,
    /// Voice used.
    #[serde(default, alias = "voice_used")]
    pub voice_used: Voice,
    /// File extension of the audio: `ogg`, `mp3`…
    #[serde(default)]
    pub format: String,
    /// Word timings JSON, when known.
    #[serde(
        default,
        alias = "timings_url",
        skip_serializing_if = "Option::is_none"
    )]
    pub timings_url: Option<String>,
}

/// When one word is spoken (the `timingsUrl` JSON, api-contract §2.2): what the narrator
/// measures, the server stores beside the audio and the reader highlights words from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WordTiming {
    /// The word as written in the text.
    pub word: String,
    /// Start, seconds.
    pub start: f64,
    /// End, seconds.
    pub end: f64,
    /// Byte offset of the word in the request text.
    pub char_start: usize,
    /// Byte offset just past the word.
    pub char_end: usize,
}

/// `scene-illustration` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IllustrationsRequest {
    /// The story.
    #[serde(alias = "story_id")]
    pub story_id: String,
    /// Its hero (drawn as in the avatar).
    #[serde(alias = "hero_id")]
    pub hero_id: String,
    /// The scenes to draw (1–10).
    pub scenes: Vec<Scene>,
}

impl IllustrationsRequest {
    /// Checks the number of scenes.
    pub fn validate(&self) -> Result<(), ContractError> {
        if SCENES_PER_CALL.contains(&self.scenes.len()) {
            Ok(())
        } else {
            Err(ContractError::invalid(
                "scenes",
                format!(
                    "has {} scenes: send {} to {}",
                    self.scenes.len(),
                    SCENES_PER_CALL.start(),
                    SCENES_PER_CALL.end()
                ),
            ))
        }
    }
}

/// Where one scene's illustration is (`story_illustrations.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IllustrationStatus {
    /// Waiting to be drawn.
    Pending,
    /// Being drawn.
    Processing,
    /// Drawn and stored.
    Completed,
    /// Not drawn; can be retried.
    Failed,
}

impl IllustrationStatus {
    /// Every wire id.
    pub const IDS: &'static [&'static str] = &["pending", "processing", "completed", "failed"];

    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            IllustrationStatus::Pending => "pending",
            IllustrationStatus::Processing => "processing",
            IllustrationStatus::Completed => "completed",
            IllustrationStatus::Failed => "failed",
        }
    }

    /// Completed or failed: a later update must not move it back.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            IllustrationStatus::Completed | IllustrationStatus::Failed
        )
    }

    /// From a stored row's text; unknown text reads as pending.
    pub fn parse(s: &str) -> Self {
        match s {
            "processing" => IllustrationStatus::Processing,
            "completed" => IllustrationStatus::Completed,
            "failed" => IllustrationStatus::Failed,
            _ => IllustrationStatus::Pending,
        }
    }
}

/// One scene in a `scene-illustration` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IllustrationResult {
    /// Scene.
    #[serde(alias = "scene_number")]
    pub scene_number: u32,
    /// Completed or failed.
    pub status: IllustrationStatus,
    /// Signed URL.
    #[serde(default, alias = "image_url", skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Storage path.
    #[serde(
        default,
        alias = "storage_path",
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_path: Option<String>,
    /// Generation id (for the next consistent picture).
    #[serde(
        default,
        alias = "generation_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub generation_id: Option<String>,
    /// Why it failed.
    #[serde(
        default,
        alias = "error_message",
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
}

/// How a whole `scene-illustration` call went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchStatus {
    /// Every scene drawn.
    Completed,
    /// Some scenes drawn.
    Partial,
    /// No scene drawn.
    Failed,
}

/// `scene-illustration` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IllustrationBatch {
    /// Per scene.
    pub illustrations: Vec<IllustrationResult>,
    /// Overall.
    pub status: BatchStatus,
    /// Scenes asked for.
    #[serde(default, alias = "total_scenes")]
    pub total_scenes: usize,
    /// Scenes drawn.
    #[serde(default, alias = "completed_scenes")]
    pub completed_scenes: usize,
}

impl IllustrationBatch {
    /// The answer for `results`, with the overall status and the counts.
    pub fn of(illustrations: Vec<IllustrationResult>) -> Self {
        let total_scenes = illustrations.len();
        let completed_scenes = illustrations
            .iter()
            .filter(|r| r.status == IllustrationStatus::Completed)
            .count();
        let status = match completed_scenes {
            0 => BatchStatus::Failed,
            n if n == total_scenes => BatchStatus::Completed,
            _ => BatchStatus::Partial,
        };
        IllustrationBatch {
            illustrations,
            status,
            total_scenes,
            completed_scenes,
        }
    }
}

/// `avatar-generation` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AvatarGenerationRequest {
    /// The hero.
    #[serde(alias = "hero_id")]
    pub hero_id: String,
    /// The family's description (1–1000 characters).
    pub prompt: String,
    /// Art style; the hero's own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<AvatarStyle>,
    /// Requested size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<ImageSize>,
    /// Accepted for the seed's clients; the offline illustrator has one quality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<String>,
    /// The previous picture's generation id, for a consistent redraw.
    #[serde(
        default,
        alias = "previous_generation_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous_generation_id: Option<String>,
}

impl AvatarGenerationRequest {
    /// Checks the prompt length.
    pub fn validate(&self) -> Result<(), ContractError> {
        rules::text_length("prompt", &self.prompt, AVATAR_FUNCTION_PROMPT)
    }
}

/// `avatar-generation` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Avatar {
    /// Signed URL.
    #[serde(alias = "avatar_url")]
    pub avatar_url: String,
    /// Storage path.
    #[serde(alias = "storage_path")]
    pub storage_path: String,
    /// Generation id (for the next consistent picture).
    #[serde(alias = "generation_id")]
    pub generation_id: String,
    /// Bytes of the PNG.
    #[serde(default, alias = "file_size_bytes")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub file_size_bytes: u64,
    /// `WIDTHxHEIGHT` of the picture drawn.
    #[serde(default, alias = "image_size")]
    pub image_size: String,
    /// The prompt the provider actually used, when it differs.
    #[serde(
        default,
        alias = "revised_prompt",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised_prompt: Option<String>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::BuiltInEvent;

    fn story() -> Value {
        json!({"heroId": "h", "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}},
               "targetDuration": 300, "language": "fr"})
    }

    #[test]
    fn a_story_request_reads_the_seed_encoding_in_both_spellings() {
        let camel: StoryRequest = from_json(&story()).unwrap();
        assert_eq!(
            camel,
            StoryRequest {
                hero_id: "h".into(),
                event: StoryEvent::BuiltIn {
                    event: BuiltInEvent::BedtimeAdventure
                },
                target_duration: 300,
                language: Language::Fr,
                voice: None,
            }
        );
        let snake: StoryRequest = from_json(&json!({"hero_id": "h",
            "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}},
            "target_duration": 300.0, "language": "fr"}))
        .unwrap();
        assert_eq!(snake, camel);
        assert_eq!(serde_json::to_value(&camel).unwrap(), story());
        assert_eq!(camel.voice_or_default(), Voice::Coral);
    }

    #[test]
    fn a_bad_story_request_names_the_field() {
        let mut unknown = story();
        unknown["colour"] = json!("red");
        let err = from_json::<StoryRequest>(&unknown).unwrap_err();
        assert!(err.to_string().contains("unknown field `colour`"), "{err}");
        let mut lang = story();
        lang["language"] = json!("klingon");
        let err = from_json::<StoryRequest>(&lang).unwrap_err();
        assert_eq!(err.field(), "language");
        let mut event = story();
        event["event"]["data"]["event"] = json!("dragon_party");
        let err = from_json::<StoryRequest>(&event).unwrap_err();
        // Tagged enums are buffered by serde, so the path stops at the event itself.
        assert_eq!(err.field(), "event", "{err}");
        assert!(
            err.message().contains("unknown variant `dragon_party`"),
            "{err}"
        );
        let mut short = story();
        short["targetDuration"] = json!(30);
        let req: StoryRequest = from_json(&short).unwrap();
        assert_eq!(req.validate().unwrap_err().field(), "targetDuration");
    }

    #[test]
    fn scenes_read_snake_case_and_default_their_mood() {
        let scene: Scene = serde_json::from_value(json!({"scene_number": 1, "text_segment": "a",
            "illustration_prompt": "p", "timestamp_seconds": 0}))
        .unwrap();
        assert_eq!(scene.emotion, Emotion::default());
        let back = serde_json::to_value(&scene).unwrap();
        assert_eq!(back["sceneNumber"], 1);
        assert_eq!(back["emotion"], "peaceful");
    }

    #[test]
    fn an_illustration_batch_counts_its_scenes() {
        let r = |n, status| IllustrationResult {
            scene_number: n,
            status,
            image_url: None,
            storage_path: None,
            generation_id: None,
            error_message: None,
        };
        let batch = IllustrationBatch::of(vec![
            r(1, IllustrationStatus::Completed),
            r(2, IllustrationStatus::Failed),
        ]);
        assert_eq!(batch.status, BatchStatus::Partial);
        let json = serde_json::to_value(&batch).unwrap();
        assert_eq!(json["status"], "partial");
        assert_eq!(json["completedScenes"], 1);
        assert_eq!(json["illustrations"][0]["status"], "completed");
        assert!(json["illustrations"][0].get("imageUrl").is_none());
    }

    #[test]
    fn function_requests_validate() {
        let scenes = SceneRequest {
            story_content: " ".into(),
            story_duration: 60.0,
            hero_name: "Luna".into(),
            event_context: String::new(),
        };
        assert_eq!(scenes.validate().unwrap_err().field(), "storyContent");
        let audio: AudioRequest =
            from_json(&json!({"storyId": "s", "text": "Hello", "voice": "nova", "language": "en"}))
                .unwrap();
        assert!(audio.validate().is_ok());
        let err = from_json::<AudioRequest>(
            &json!({"storyId": "s", "text": "Hello", "voice": "robot", "language": "en"}),
        )
        .unwrap_err();
        assert_eq!(err.field(), "voice");
        let avatar: AvatarGenerationRequest = from_json(
            &json!({"hero_id": "h", "prompt": "a fox", "style": "watercolor", "size": "1024x1024"}),
        )
        .unwrap();
        assert_eq!(avatar.style, Some(AvatarStyle::Watercolor));
        let none = IllustrationsRequest {
            story_id: "s".into(),
            hero_id: "h".into(),
            scenes: vec![],
        };
        assert_eq!(none.validate().unwrap_err().field(), "scenes");
    }
}
