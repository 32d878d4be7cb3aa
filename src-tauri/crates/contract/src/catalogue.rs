//! The contract's catalogues (api-contract §6) as closed Rust enums with their stable wire ids.
//!
//! Every enum serialises to the id the wire uses (`brave`, `bedtime_adventure`, `coral`…), parses
//! from it with `FromStr` (an unknown id is a [`ContractError`] listing the ids it accepts) and,
//! with the `ts` feature, exports as a TypeScript union of those ids. Display names and
//! descriptions are UI text and live in the UI's i18n files, not here.

use serde::{Deserialize, Serialize};

use crate::ContractError;

/// Declares a catalogue enum with its wire ids, `ALL`, `id()`, `Display` and `FromStr`.
/// `$field` is how an unknown value is reported (`language: unknown value 'xx' …`).
macro_rules! catalogue {
    ($(#[$meta:meta])* $name:ident as $field:literal { $($variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name {
            $(#[allow(missing_docs)] #[serde(rename = $id)] $variant),+
        }

        impl $name {
            /// Every value, in catalogue order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every wire id, in catalogue order (for checks made on stored text).
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// The stable wire id.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ContractError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok($name::$variant),)+
                    other => Err(ContractError::invalid(
                        $field,
                        format!(
                            "unknown value '{other}': use one of {}",
                            [$($id),+].join(", ")
                        ),
                    )),
                }
            }
        }
    };
}

catalogue!(
    /// The five story languages.
    Language as "language" { En => "en", Es => "es", Fr => "fr", De => "de", It => "it" }
);

catalogue!(
    /// The ten hero traits; the same list serves the primary and the secondary trait.
    Trait as "trait" {
        Brave => "brave", Kind => "kind", Curious => "curious", Funny => "funny", Smart => "smart",
        Adventurous => "adventurous", Creative => "creative", Helpful => "helpful",
        Gentle => "gentle", Magical => "magical",
    }
);

catalogue!(
    /// Optional hero pronouns, used for grammatical agreement (she/he/they).
    Pronouns as "pronouns" { She => "she", He => "he", They => "they" }
);

catalogue!(
    /// The seven narration voices; `Coral` is the default.
    Voice as "voice" {
        Coral => "coral", Nova => "nova", Fable => "fable", Alloy => "alloy", Echo => "echo",
        Onyx => "onyx", Shimmer => "shimmer",
    }
);

catalogue!(
    /// The seven scene emotions.
    Emotion as "emotion" {
        Joyful => "joyful", Peaceful => "peaceful", Exciting => "exciting",
        Mysterious => "mysterious", Heartwarming => "heartwarming",
        Adventurous => "adventurous", Contemplative => "contemplative",
    }
);

catalogue!(
    /// How much a scene matters to the story.
    Importance as "importance" { Key => "key", Major => "major", Minor => "minor" }
);

catalogue!(
    /// The five avatar art styles.
    AvatarStyle as "avatarStyle" {
        PictureBook => "picture_book", Watercolor => "watercolor", DigitalArt => "digital_art",
        Animated3d => "animated_3d", ClassicStorybook => "classic_storybook",
    }
);

catalogue!(
    /// Requested image sizes (offline images are always square).
    ImageSize as "size" { Square => "1024x1024", Landscape => "1792x1024", Portrait => "1024x1792" }
);

catalogue!(
    /// The 21 built-in events (api-contract §6): the app's ten everyday events, then the
    /// fantasy adventures (see [`BuiltInEvent::group`]). A new event is one line here; its
    /// story content is data (`storyteller/content/events.toml` and each language's file).
    BuiltInEvent as "event" {
        BedtimeAdventure => "bedtime_adventure", SchoolDay => "school_day",
        Birthday => "birthday", WeekendExplorer => "weekend_explorer",
        RainyDay => "rainy_day", FamilyTime => "family_time",
        MakingFriends => "making_friends", LearningSomethingNew => "learning_something_new",
        HelpingOthers => "helping_others", HolidayAdventure => "holiday_adventure",
        MagicalForestAdventure => "magical_forest_adventure",
        FriendlyDragonEncounter => "friendly_dragon_encounter",
        UnderwaterTreasureHunt => "underwater_treasure_hunt",
        CloudCastleJourney => "cloud_castle_journey",
        TimeTravelMission => "time_travel_mission", SpaceExploration => "space_exploration",
        MiniatureWorldDiscovery => "miniature_world_discovery",
        WeatherWizardTraining => "weather_wizard_training",
        AnimalLanguageLearning => "animal_language_learning",
        DreamWorldAdventure => "dream_world_adventure",
        StarlightTrain => "starlight_train",
    }
);

catalogue!(
    /// The two groups the built-in events are shown in.
    EventGroup as "group" { Everyday => "everyday", Fantasy => "fantasy" }
);

catalogue!(
    /// Custom event categories.
    EventCategory as "category" {
        DailyLife => "daily_life", Adventure => "adventure",
        EmotionalGrowth => "emotional_growth", Learning => "learning",
        Celebration => "celebration", Challenge => "challenge",
        Imagination => "imagination", Custom => "custom",
    }
);

catalogue!(
    /// Custom event age ranges.
    AgeRange as "ageRange" {
        TwoToFour => "2_4", FourToSix => "4_6", SixToTen => "6_10", AllAges => "all_ages",
    }
);

catalogue!(
    /// Custom event tones.
    EventTone as "tone" {
        Calming => "calming", Exciting => "exciting", Educational => "educational",
        Funny => "funny", Inspiring => "inspiring", Mysterious => "mysterious",
        Balanced => "balanced",
    }
);

/// Enums made by `catalogue!` cannot carry `#[default]`: their defaults are declared here.
macro_rules! default_of {
    ($($name:ident => $variant:ident),+ $(,)?) => {$(
        #[allow(clippy::derivable_impls)]
        impl Default for $name {
            fn default() -> Self {
                $name::$variant
            }
        }
    )+};
}

default_of!(
    Voice => Coral,
    Language => En,
    AvatarStyle => PictureBook,
    ImageSize => Square,
    EventCategory => Custom,
    AgeRange => AllAges,
    EventTone => Balanced,
    Emotion => Peaceful,
    Importance => Minor,
);

impl BuiltInEvent {
    /// Everyday (the first ten) or fantasy (the others).
    pub fn group(self) -> EventGroup {
        if (self as usize) < 10 {
            EventGroup::Everyday
        } else {
            EventGroup::Fantasy
        }
    }
}

impl Voice {
    /// Calm bedtime pace of this voice in words per minute for `language`.
    ///
    /// The offline writer sizes a story with it and the offline narrator speaks at it, so a
    /// story written for 420 s narrates in about 420 s. German words are longer than the others',
    /// hence its lower factor.
    pub fn words_per_minute(self, language: Language) -> f64 {
        let base = match self {
            Voice::Coral => 136.0,
            Voice::Nova => 140.0,
            Voice::Fable => 126.0,
            Voice::Alloy => 138.0,
            Voice::Echo => 130.0,
            Voice::Onyx => 132.0,
            Voice::Shimmer => 140.0,
        };
        let factor = match language {
            Language::En | Language::Fr | Language::Es | Language::It => 1.0,
            Language::De => 0.9,
        };
        base * factor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_have_the_contract_sizes() {
        assert_eq!(BuiltInEvent::ALL.len(), 21);
        assert_eq!(Trait::ALL.len(), 10);
        assert_eq!(Voice::ALL.len(), 7);
        assert_eq!(Language::ALL.len(), 5);
        assert_eq!(AvatarStyle::ALL.len(), 5);
        assert_eq!(Pronouns::ALL.len(), 3);
        assert_eq!(EventCategory::ALL.len(), 8);
        assert_eq!(AgeRange::ALL.len(), 4);
        assert_eq!(EventTone::ALL.len(), 7);
    }

    #[test]
    fn every_id_round_trips_through_serde_and_from_str() {
        fn check<T>(all: &[T])
        where
            T: Copy + std::fmt::Debug + PartialEq + Serialize + std::str::FromStr + ToString,
            for<'de> T: Deserialize<'de>,
            T::Err: std::fmt::Debug,
        {
            for &v in all {
                let json = serde_json::to_value(v).unwrap();
                assert_eq!(json, serde_json::Value::String(v.to_string()));
                assert_eq!(serde_json::from_value::<T>(json).unwrap(), v);
                assert_eq!(v.to_string().parse::<T>().unwrap(), v);
            }
        }
        check(BuiltInEvent::ALL);
        check(Trait::ALL);
        check(Voice::ALL);
        check(Language::ALL);
        check(AvatarStyle::ALL);
        check(Pronouns::ALL);
        check(EventCategory::ALL);
        check(AgeRange::ALL);
        check(EventTone::ALL);
        check(EventGroup::ALL);
        check(Emotion::ALL);
        check(Importance::ALL);
        check(ImageSize::ALL);
    }

    #[test]
    fn age_ranges_use_the_seed_ids() {
        let ids: Vec<_> = AgeRange::ALL.iter().map(|a| a.id()).collect();
        assert_eq!(ids, ["2_4", "4_6", "6_10", "all_ages"]);
    }

    #[test]
    fn the_first_ten_events_are_everyday_and_the_rest_fantasy() {
        assert_eq!(BuiltInEvent::BedtimeAdventure.group(), EventGroup::Everyday);
        assert_eq!(BuiltInEvent::HolidayAdventure.group(), EventGroup::Everyday);
        assert_eq!(
            BuiltInEvent::MagicalForestAdventure.group(),
            EventGroup::Fantasy
        );
        assert_eq!(
            BuiltInEvent::DreamWorldAdventure.group(),
            EventGroup::Fantasy
        );
        let everyday = BuiltInEvent::ALL
            .iter()
            .filter(|e| e.group() == EventGroup::Everyday)
            .count();
        assert_eq!(everyday, 10);
    }

    #[test]
    fn an_unknown_id_names_the_field_and_lists_the_choices() {
        let err = "klingon".parse::<Language>().unwrap_err();
        assert_eq!(err.field(), "language");
        assert_eq!(
            err.message(),
            "unknown value 'klingon': use one of en, es, fr, de, it"
        );
        let err = serde_json::from_str::<Voice>("\"robot\"").unwrap_err();
        assert!(err.to_string().contains("unknown variant `robot`"), "{err}");
    }
}
