//! `infinite-stories-storyteller` makes the content of a story: the text and its scenes, the
//! narration and the illustrations. Offline engines (a story grammar in five languages,
//! espeak-ng narration, procedural vector illustrations) and OpenAI-compatible providers sit
//! behind the same object-safe traits, bundled in [`Providers`]. Nothing here knows about HTTP
//! routes: the server picks providers by configuration and maps [`StorytellerError::code`]
//! into its envelopes. The catalogues and the shared shapes (`HeroDraft`, `Scene`,
//! `StoryRequest`, `EventSpec`…) come from `infinite-stories-contract` and are re-exported here.

mod error;
mod model;
mod providers;
mod scenery;

pub mod illustrator;
pub mod narrator;
pub mod openai;
pub mod safety;
pub mod variety;
pub mod voices;
pub mod writer;

pub use error::{Result, StorytellerError};
pub use infinite_stories_contract as contract;
pub use infinite_stories_contract::{
    AgeRange, AvatarStyle, BuiltInEvent, CustomEventSpec, Emotion, EventCategory, EventSpec,
    EventTone, HeroDraft, ImageSize, Importance, Language, Pronouns, Scene, SceneRequest,
    StoryEvent, StoryRequest, Trait, Voice,
};
pub use model::{
    AudioFormat, AvatarRequest, IllustrationRequest, ImageOutput, NarrationOutput,
    NarrationRequest, SafetyVerdict, StoryBrief, StoryDraft, WordTiming,
};
pub use providers::{
    Illustrator, Narrator, OpenAiConfig, ProviderKind, Providers, ProvidersConfig, SafetyFilter,
    SceneExtractor, StoryWriter,
};
