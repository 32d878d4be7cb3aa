//! What a story is about: one of the 20 built-in events or a family's own custom event.

use serde::{Deserialize, Serialize};

catalogue!(
    /// The 20 built-in events (api-contract §6): the app's ten everyday events and the ten
    /// fantasy adventures.
    BuiltInEvent {
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
    }
);

catalogue!(
    /// Custom event categories.
    EventCategory {
        DailyLife => "daily_life", Adventure => "adventure",
        EmotionalGrowth => "emotional_growth", Learning => "learning",
        Celebration => "celebration", Challenge => "challenge",
        Imagination => "imagination", Custom => "custom",
    }
);

catalogue!(
    /// Custom event age ranges.
    AgeRange { TwoToFour => "2_4", FourToSix => "4_6", SixToTen => "6_10", AllAges => "all_ages" }
);

catalogue!(
    /// Custom event tones.
    Tone {
        Calming => "calming", Exciting => "exciting", Educational => "educational",
        Funny => "funny", Inspiring => "inspiring", Mysterious => "mysterious",
        Balanced => "balanced",
    }
);

/// A family's own event, as stored in `custom_events`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomEvent {
    /// Short title, e.g. "First day at school".
    pub title: String,
    /// What happens, in the family's words.
    #[serde(default)]
    pub description: String,
    /// The text that steers the story.
    #[serde(default, alias = "prompt_seed")]
    pub prompt_seed: String,
    /// Category; picks the landscape of the illustrations.
    #[serde(default = "default_category")]
    pub category: EventCategory,
    /// Tone; picks which kinds of episodes the story uses.
    #[serde(default = "default_tone")]
    pub tone: Tone,
    /// Intended age range.
    #[serde(default = "default_age", alias = "age_range")]
    pub age_range: AgeRange,
    /// Keywords that should appear in the story.
    #[serde(default)]
    pub keywords: Vec<String>,
}

fn default_category() -> EventCategory {
    EventCategory::Custom
}

fn default_tone() -> Tone {
    Tone::Balanced
}

fn default_age() -> AgeRange {
    AgeRange::AllAges
}

/// The event a story is written for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum EventSpec {
    /// One of the 20 built-in events.
    BuiltIn(BuiltInEvent),
    /// A custom event (already loaded from its row by the caller).
    Custom(CustomEvent),
}

impl EventSpec {
    /// A short English context string for prompts and logs.
    pub fn context(&self) -> String {
        match self {
            EventSpec::BuiltIn(event) => event.id().replace('_', " "),
            EventSpec::Custom(custom) => custom.title.clone(),
        }
    }
}
