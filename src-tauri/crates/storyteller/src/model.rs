//! The data that goes in and out of the providers, in the contract's shapes (camelCase on the
//! wire, snake_case aliases accepted as the contract asks of readers).

use serde::{Deserialize, Serialize};

use crate::{
    AvatarStyle, Emotion, EventSpec, ImageSize, Importance, Language, Pronouns, Trait, Voice,
};

/// The child's hero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hero {
    /// The hero's name, e.g. "Luna".
    pub name: String,
    /// Main trait.
    #[serde(alias = "primary_trait")]
    pub primary_trait: Trait,
    /// Second trait (may equal the first; the writer then uses a near synonym).
    #[serde(alias = "secondary_trait")]
    pub secondary_trait: Trait,
    /// Free-text look, e.g. "curly red hair and a yellow raincoat".
    #[serde(default)]
    pub appearance: Option<String>,
    /// Free-text special ability, e.g. "can talk to the stars".
    #[serde(default, alias = "special_ability")]
    pub special_ability: Option<String>,
    /// Pronouns for agreement; `None` is written with neutral phrasing.
    #[serde(default)]
    pub pronouns: Option<Pronouns>,
}

impl Hero {
    /// A hero with a name and two traits and nothing else.
    pub fn new(name: impl Into<String>, primary_trait: Trait, secondary_trait: Trait) -> Self {
        Hero {
            name: name.into(),
            primary_trait,
            secondary_trait,
            appearance: None,
            special_ability: None,
            pronouns: None,
        }
    }

    /// The same hero with pronouns.
    pub fn with_pronouns(mut self, pronouns: Pronouns) -> Self {
        self.pronouns = Some(pronouns);
        self
    }

    /// The same hero with an appearance.
    pub fn with_appearance(mut self, appearance: impl Into<String>) -> Self {
        self.appearance = Some(appearance.into());
        self
    }

    /// The same hero with a special ability.
    pub fn with_ability(mut self, ability: impl Into<String>) -> Self {
        self.special_ability = Some(ability.into());
        self
    }
}

/// One illustrated moment of a story (`story_scenes` row, api-contract §2.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub emotion: Emotion,
    /// How much the moment matters.
    pub importance: Importance,
}

/// What a `StoryWriter` is asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoryRequest {
    /// The hero.
    pub hero: Hero,
    /// The event.
    pub event: EventSpec,
    /// Target narration length in seconds, 60–900.
    pub target_duration_seconds: u32,
    /// Story language.
    pub language: Language,
    /// The voice that will narrate it (sets the pace).
    #[serde(default)]
    pub voice: Voice,
    /// Same seed, same request → same story (offline writer).
    #[serde(default)]
    pub seed: u64,
}

/// A written story with its scenes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoryDraft {
    /// Title.
    pub title: String,
    /// Paragraphs separated by a blank line.
    pub content: String,
    /// 3–8 scenes.
    pub scenes: Vec<Scene>,
    /// Words in `content`.
    pub word_count: usize,
    /// Narration length estimated at the voice's pace, in seconds.
    pub estimated_duration: f64,
}

/// What a `SceneExtractor` is asked for (api-contract §2.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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

/// What a `Narrator` is asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NarrationRequest {
    /// Text to speak (≤ 50,000 characters; long text is chunked by the narrator).
    pub text: String,
    /// Voice.
    pub voice: Voice,
    /// Language of the text.
    pub language: Language,
}

/// Compressed audio container/codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AudioFormat {
    /// Ogg Vorbis (offline narrator).
    Ogg,
    /// MPEG layer 3 (OpenAI narrator).
    Mp3,
}

impl AudioFormat {
    /// File extension without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            AudioFormat::Ogg => "ogg",
            AudioFormat::Mp3 => "mp3",
        }
    }

    /// MIME type for storage.
    pub fn mime(self) -> &'static str {
        match self {
            AudioFormat::Ogg => "audio/ogg",
            AudioFormat::Mp3 => "audio/mpeg",
        }
    }
}

/// When one word is spoken (the `timingsUrl` JSON, api-contract §2.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// A finished narration.
#[derive(Debug, Clone, PartialEq)]
pub struct NarrationOutput {
    /// The encoded audio file.
    pub bytes: Vec<u8>,
    /// Its format.
    pub format: AudioFormat,
    /// Duration measured by decoding `bytes` (or by reading the stream's frames), in seconds.
    pub duration_seconds: f64,
    /// Word timings; empty when the provider does not know them.
    pub timings: Vec<WordTiming>,
    /// The voice used.
    pub voice: Voice,
}

/// What an `Illustrator` is asked for: one scene of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IllustrationRequest {
    /// The scene to draw.
    pub scene: Scene,
    /// The hero (drawn the same way as in the avatar).
    pub hero: Hero,
    /// The story's event when known (sets the landscape); otherwise taken from the prompt.
    #[serde(default)]
    pub event: Option<EventSpec>,
    /// A stable key for the story (e.g. its id): the companion and palette depend on it, so
    /// every scene of one story agrees.
    #[serde(default)]
    pub story_key: String,
    /// Avatar style of the hero, so scenes match the avatar.
    #[serde(default)]
    pub style: AvatarStyle,
    /// The previous image's generation id (OpenAI consistency chaining).
    #[serde(default)]
    pub previous_generation_id: Option<String>,
}

/// What an `Illustrator` is asked for: a hero portrait.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AvatarRequest {
    /// The hero.
    pub hero: Hero,
    /// The family's description (already checked by the safety filter).
    #[serde(default)]
    pub prompt: String,
    /// Art style.
    #[serde(default)]
    pub style: AvatarStyle,
    /// Requested size.
    #[serde(default)]
    pub size: ImageSize,
    /// The previous generation id, for regenerations.
    #[serde(default)]
    pub previous_generation_id: Option<String>,
}

/// A generated PNG.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageOutput {
    /// PNG bytes.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// A 256 px PNG thumbnail when the provider makes one.
    pub thumbnail_png: Option<Vec<u8>>,
    /// Generation id (stable per input for the offline illustrator).
    pub generation_id: String,
    /// The prompt the provider actually used, when it differs.
    pub revised_prompt: Option<String>,
}

/// The safety filter's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum SafetyVerdict {
    /// Fine as it is.
    Pass,
    /// Acceptable after a kind rewrite; use `text` instead of the input.
    Rewritten {
        /// The rewritten text.
        text: String,
        /// What was changed, one short note per change (English).
        changes: Vec<String>,
    },
    /// Not suitable; `message` says kindly what to change (in the input's language).
    Refused {
        /// Message for the family.
        message: String,
    },
}
