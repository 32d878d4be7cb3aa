//! `infinite-stories-contract`: every type that crosses the wire (the backend's functions) or
//! IPC (the shell's commands), defined once, with the contract's rules. No Tauri, no I/O: the
//! core, the server and the storyteller all depend on it, so a catalogue, a field or a limit is
//! changed in one place. With the `ts` feature every IPC type derives `ts_rs::TS` (catalogues
//! export as unions of their wire ids).

mod catalogue;
mod error;
mod event;
mod hero;
pub mod rules;
mod settings;

pub use catalogue::{
    AgeRange, AvatarStyle, BuiltInEvent, Emotion, EventCategory, EventGroup, EventTone, ImageSize,
    Importance, Language, Pronouns, Trait, Voice,
};
pub use error::{ContractError, Result};
pub use event::{
    CustomEvent, CustomEventDraft, CustomEventSpec, EventSpec, SafetyCheck, StoryEvent,
};
pub use hero::{Hero, HeroDraft};
pub use settings::{Catalogue, CatalogueEvent, StoryDefaults, VoiceSample};
