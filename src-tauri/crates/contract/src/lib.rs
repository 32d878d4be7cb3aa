//! `infinite-stories-contract`: every type that crosses the wire (the backend's functions) or
//! IPC (the shell's commands), defined once, with the contract's rules. No Tauri, no I/O: the
//! core, the server and the storyteller all depend on it, so a catalogue, a field or a limit is
//! changed in one place. With the `ts` feature every IPC type derives `ts_rs::TS` (catalogues
//! export as unions of their wire ids). With the `sqlite` feature it also opens the databases
//! (the one shared piece of I/O).

mod catalogue;
pub mod clock;
pub mod direct;
mod error;
mod event;
#[cfg(feature = "files")]
pub mod files;
pub mod hash;
mod hero;
pub mod phoenix;
pub mod rollout;
mod rows;
pub mod rules;
mod settings;
#[cfg(feature = "sqlite")]
pub mod sqlite;
mod voices;
pub mod wire;

pub use catalogue::{
    AgeRange, AvatarStyle, BuiltInEvent, Emotion, EventCategory, EventGroup, EventTone, ImageSize,
    Importance, Language, Pronouns, Trait, Voice,
};
pub use direct::{StoryMode, StoryModeChoice, StoryModeSettings, StoryModeStatus};
pub use error::{ContractError, Result};
pub use event::{
    CustomEvent, CustomEventDraft, CustomEventSpec, EventSpec, SafetyCheck, StoryEvent,
};
pub use hero::{Hero, HeroDraft};
pub use rows::{IllustrationRow, SceneRow, StoryNarration, StoryRow};
pub use settings::{Catalogue, CatalogueEvent, StoryDefaults, VoiceSample};
pub use voices::{
    AvailableVoicePack, InstalledVoicePack, LocalModelProbe, VoiceCatalogue, VoiceDownloadProgress,
    VoiceLicence, VoiceNarrator, VoiceOpenness, VoiceRuntime, VoicesOverview, WriterChoice,
};
pub use wire::{
    AudioRequest, Avatar, AvatarGenerationRequest, BatchStatus, ExtractedScenes, GeneratedStory,
    IllustrationBatch, IllustrationResult, IllustrationStatus, IllustrationsRequest, Narration,
    Scene, SceneRequest, StoryRequest, WordTiming,
};
