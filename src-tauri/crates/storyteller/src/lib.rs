//! `infinite-stories-storyteller` makes the content of a story: the text and its scenes, the
//! narration and the illustrations. Offline engines (a story grammar in five languages,
//! espeak-ng narration, procedural vector illustrations) and OpenAI-compatible providers sit
//! behind the same object-safe traits, bundled in [`Providers`]. Nothing here knows about HTTP
//! routes: the server picks providers by configuration and maps [`StorytellerError::code`]
//! into its envelopes.

#[macro_use]
mod catalog;
mod error;
mod event;
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

pub use catalog::{AvatarStyle, Emotion, ImageSize, Importance, Language, Pronouns, Trait, Voice};
pub use error::{Result, StorytellerError};
pub use event::{AgeRange, BuiltInEvent, CustomEvent, EventCategory, EventSpec, Tone};
pub use model::{
    AudioFormat, AvatarRequest, Hero, IllustrationRequest, ImageOutput, NarrationOutput,
    NarrationRequest, SafetyVerdict, Scene, SceneRequest, StoryDraft, StoryRequest, WordTiming,
};
pub use providers::{
    Illustrator, Narrator, OpenAiConfig, ProviderKind, Providers, ProvidersConfig, SafetyFilter,
    SceneExtractor, StoryWriter,
};
