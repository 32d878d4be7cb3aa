//! The data that goes in and out of the providers and never crosses the wire on its own (the
//! shared types, `HeroDraft`, `Scene`, `StoryRequest`…, live in the contract crate): camelCase,
//! snake_case aliases accepted as the contract asks of readers.

use serde::{Deserialize, Serialize};

use crate::{
    AvatarStyle, EventSpec, HeroDraft, ImageSize, Language, Scene, StoryEvent, StoryRequest, Voice,
};

/// What a `StoryWriter` is asked for: the family's [`StoryRequest`] exactly as it came over the
/// wire, with its hero and its event loaded, and a seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoryBrief {
    /// The request as the UI typed it (length, language, voice, the event's id).
    pub request: StoryRequest,
    /// The hero `request.hero_id` names.
    pub hero: HeroDraft,
    /// The event `request.event` names, loaded.
    pub event: EventSpec,
    /// Same seed, same brief → same story (offline writer).
    #[serde(default)]
    pub seed: u64,
}

impl StoryBrief {
    /// A brief without rows behind it (examples, tests, benchmarks): the request's ids are empty.
    pub fn new(
        hero: HeroDraft,
        event: EventSpec,
        target_duration: u32,
        language: Language,
        voice: Voice,
        seed: u64,
    ) -> Self {
        let story_event = match &event {
            EventSpec::BuiltIn(event) => StoryEvent::BuiltIn { event: *event },
            EventSpec::Custom(_) => StoryEvent::Custom {
                custom_event_id: String::new(),
            },
        };
        StoryBrief {
            request: StoryRequest {
                hero_id: String::new(),
                event: story_event,
                target_duration,
                language,
                voice: Some(voice),
            },
            hero,
            event,
            seed,
        }
    }

    /// Story language.
    pub fn language(&self) -> Language {
        self.request.language
    }

    /// The voice that will narrate it (sets the pace).
    pub fn voice(&self) -> Voice {
        self.request.voice_or_default()
    }

    /// Target narration length in seconds, 60–900.
    pub fn target_duration_seconds(&self) -> u32 {
        self.request.target_duration
    }
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
    /// Something the family should know about how it was written (e.g. the local model's
    /// answer was unusable and the built-in writer wrote it instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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

/// When one word is spoken: defined once in the contract (the `timingsUrl` JSON).
pub use infinite_stories_contract::WordTiming;

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
    pub hero: HeroDraft,
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
    pub hero: HeroDraft,
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
