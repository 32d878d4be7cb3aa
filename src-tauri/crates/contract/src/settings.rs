//! What the UI reads to build its pickers and remembers between stories: the catalogue of
//! choices, the story defaults and a voice sample.

use serde::{Deserialize, Serialize};

use crate::{
    AgeRange, AvatarStyle, BuiltInEvent, ContractError, EventCategory, EventGroup, EventTone,
    Language, Trait, Voice, rules,
};

/// One built-in event with the group it is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CatalogueEvent {
    /// Event id.
    pub id: BuiltInEvent,
    /// Everyday or fantasy.
    pub group: EventGroup,
}

/// Every choice the UI offers, in catalogue order (`catalogue()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    /// The built-in events.
    pub events: Vec<CatalogueEvent>,
    /// The ten traits.
    pub traits: Vec<Trait>,
    /// The seven voices.
    pub voices: Vec<Voice>,
    /// The five languages.
    pub languages: Vec<Language>,
    /// The five avatar styles.
    pub avatar_styles: Vec<AvatarStyle>,
    /// Custom event categories.
    pub categories: Vec<EventCategory>,
    /// Custom event age ranges.
    pub age_ranges: Vec<AgeRange>,
    /// Custom event tones.
    pub tones: Vec<EventTone>,
    /// The story lengths offered, in minutes.
    pub lengths_minutes: Vec<u32>,
}

impl Catalogue {
    /// The whole catalogue.
    pub fn full() -> Self {
        Catalogue {
            events: BuiltInEvent::ALL
                .iter()
                .map(|&id| CatalogueEvent {
                    id,
                    group: id.group(),
                })
                .collect(),
            traits: Trait::ALL.to_vec(),
            voices: Voice::ALL.to_vec(),
            languages: Language::ALL.to_vec(),
            avatar_styles: AvatarStyle::ALL.to_vec(),
            categories: EventCategory::ALL.to_vec(),
            age_ranges: AgeRange::ALL.to_vec(),
            tones: EventTone::ALL.to_vec(),
            lengths_minutes: rules::LENGTHS_MINUTES.to_vec(),
        }
    }
}

/// What a new story starts with (`story_defaults()` / `set_story_defaults({defaults})`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoryDefaults {
    /// Narration voice.
    pub voice: Voice,
    /// Story language.
    pub language: Language,
    /// Story length in minutes.
    #[serde(alias = "length_minutes")]
    pub length_minutes: u32,
    /// Draw the illustrations.
    pub illustrations: bool,
}

impl Default for StoryDefaults {
    fn default() -> Self {
        StoryDefaults {
            voice: Voice::Coral,
            language: Language::En,
            length_minutes: 7,
            illustrations: true,
        }
    }
}

impl StoryDefaults {
    /// Checks the length against the story length range.
    pub fn validate(&self) -> Result<(), ContractError> {
        rules::length_minutes("lengthMinutes", self.length_minutes)
    }
}

/// One short line spoken in a voice (`voice_sample({voice, language})`); play it with
/// `new Audio("data:" + mime + ";base64," + base64)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceSample {
    /// MIME type of the audio, e.g. `audio/ogg`.
    pub mime: String,
    /// The audio, base64.
    pub base64: String,
    /// Its length in seconds.
    pub seconds: f64,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_catalogue_lists_every_choice_in_order() {
        let c = Catalogue::full();
        assert_eq!(c.events.len(), BuiltInEvent::ALL.len());
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(
            json["events"][0],
            json!({"id":"bedtime_adventure","group":"everyday"})
        );
        assert_eq!(
            json["events"][19],
            json!({"id":"dream_world_adventure","group":"fantasy"})
        );
        assert_eq!(json["ageRanges"], json!(["2_4", "4_6", "6_10", "all_ages"]));
        assert_eq!(json["lengthsMinutes"], json!([5, 7, 10]));
        assert_eq!(json["avatarStyles"][3], "animated_3d");
    }

    #[test]
    fn story_defaults_default_and_validate() {
        let d = StoryDefaults::default();
        assert_eq!(
            serde_json::to_value(d).unwrap(),
            json!({"voice":"coral","language":"en","lengthMinutes":7,"illustrations":true})
        );
        assert!(d.validate().is_ok());
        let long = StoryDefaults {
            length_minutes: 20,
            ..d
        };
        assert_eq!(long.validate().unwrap_err().field(), "lengthMinutes");
        let err = serde_json::from_value::<StoryDefaults>(
            json!({"voice":"coral","language":"en","lengthMinutes":7,"illustrations":true,"speed":2}),
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown field `speed`"), "{err}");
    }
}
