//! The contract's tables (api-contract §3): columns, types, defaults, unique keys and how each
//! table's rows are owned. PostgREST would read this from Postgres; here it is data.

use infinite_stories_contract::{
    AgeRange, AvatarStyle, Emotion, EventCategory, EventTone, IllustrationStatus, Importance,
    Language, Pronouns, Trait, Voice,
};

/// A column type, with the Postgres name realtime reports for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Ty {
    Uuid,
    Text,
    Int,
    Float,
    Bool,
    Time,
    TextArray,
    Enum(&'static [&'static str]),
}

impl Ty {
    pub(crate) fn pg_name(self) -> &'static str {
        match self {
            Ty::Uuid => "uuid",
            Ty::Text | Ty::Enum(_) => "text",
            Ty::Int => "int4",
            Ty::Float => "float8",
            Ty::Bool => "bool",
            Ty::Time => "timestamptz",
            Ty::TextArray => "_text",
        }
    }
}

/// What an absent column gets on insert.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Default {
    Null,
    NewUuid,
    Now,
    /// The caller's user id (`auth.uid()`).
    Caller,
    Bool(bool),
    Int(i64),
    Text(&'static str),
    EmptyArray,
}

/// One column.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub default: Default,
}

const fn c(name: &'static str, ty: Ty) -> Column {
    Column {
        name,
        ty,
        required: false,
        default: Default::Null,
    }
}
const fn req(name: &'static str, ty: Ty) -> Column {
    Column {
        name,
        ty,
        required: true,
        default: Default::Null,
    }
}
const fn d(name: &'static str, ty: Ty, default: Default) -> Column {
    Column {
        name,
        ty,
        required: true,
        default,
    }
}

/// How a row's owner is found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Owner {
    /// The row's own `user_id`.
    UserId,
    /// The `user_id` of the story named by the row's `story_id`.
    Story,
}

/// One table.
#[derive(Debug)]
pub(crate) struct Table {
    pub name: &'static str,
    pub owner: Owner,
    pub columns: &'static [Column],
    /// Unique keys besides the primary key `id`.
    pub uniques: &'static [&'static [&'static str]],
}

impl Table {
    pub(crate) fn column(&self, name: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

// The catalogues' wire ids come from the contract, so a stored row accepts exactly what the
// functions and the app accept.
const TRAITS: &[&str] = Trait::IDS;
const VOICES: &[&str] = Voice::IDS;
const LANGUAGES: &[&str] = Language::IDS;
const EMOTIONS: &[&str] = Emotion::IDS;
const IMPORTANCE: &[&str] = Importance::IDS;
const STYLES: &[&str] = AvatarStyle::IDS;
const PRONOUNS: &[&str] = Pronouns::IDS;
const CATEGORIES: &[&str] = EventCategory::IDS;
const AGES: &[&str] = AgeRange::IDS;
const TONES: &[&str] = EventTone::IDS;
const ILLUSTRATION_STATUS: &[&str] = IllustrationStatus::IDS;

const ID: Column = d("id", Ty::Uuid, Default::NewUuid);
const USER_ID: Column = d("user_id", Ty::Uuid, Default::Caller);
const CREATED: Column = d("created_at", Ty::Time, Default::Now);
const UPDATED: Column = d("updated_at", Ty::Time, Default::Now);

pub(crate) static HEROES: Table = Table {
    name: "heroes",
    owner: Owner::UserId,
    columns: &[
        ID,
        USER_ID,
        req("name", Ty::Text),
        c("pronouns", Ty::Enum(PRONOUNS)),
        req("primary_trait", Ty::Enum(TRAITS)),
        c("secondary_trait", Ty::Enum(TRAITS)),
        c("appearance", Ty::Text),
        c("special_ability", Ty::Text),
        c("avatar_style", Ty::Enum(STYLES)),
        c("avatar_url", Ty::Text),
        c("avatar_path", Ty::Text),
        c("avatar_prompt", Ty::Text),
        c("avatar_generation_id", Ty::Text),
        d("is_active", Ty::Bool, Default::Bool(true)),
        CREATED,
        UPDATED,
    ],
    uniques: &[],
};

pub(crate) static CUSTOM_EVENTS: Table = Table {
    name: "custom_events",
    owner: Owner::UserId,
    columns: &[
        ID,
        USER_ID,
        req("title", Ty::Text),
        c("description", Ty::Text),
        c("prompt_seed", Ty::Text),
        d("category", Ty::Enum(CATEGORIES), Default::Text("custom")),
        d("age_range", Ty::Enum(AGES), Default::Text("all_ages")),
        d("tone", Ty::Enum(TONES), Default::Text("balanced")),
        d("keywords", Ty::TextArray, Default::EmptyArray),
        c("icon", Ty::Text),
        c("color_hex", Ty::Text),
        d("is_favorite", Ty::Bool, Default::Bool(false)),
        d("usage_count", Ty::Int, Default::Int(0)),
        c("last_used_at", Ty::Time),
        c("pictogram_url", Ty::Text),
        CREATED,
        UPDATED,
    ],
    uniques: &[],
};

pub(crate) static STORIES: Table = Table {
    name: "stories",
    owner: Owner::UserId,
    columns: &[
        ID,
        USER_ID,
        c("hero_id", Ty::Uuid),
        c("custom_event_id", Ty::Uuid),
        c("event_type", Ty::Enum(&["built_in", "custom"])),
        c("event_id", Ty::Text),
        req("title", Ty::Text),
        req("content", Ty::Text),
        d("language", Ty::Enum(LANGUAGES), Default::Text("en")),
        c("voice", Ty::Enum(VOICES)),
        c("target_duration", Ty::Int),
        c("estimated_duration", Ty::Float),
        c("word_count", Ty::Int),
        c("audio_url", Ty::Text),
        c("audio_path", Ty::Text),
        c("audio_duration", Ty::Float),
        c("audio_voice", Ty::Text),
        c("timings_url", Ty::Text),
        d("is_favorite", Ty::Bool, Default::Bool(false)),
        d("play_count", Ty::Int, Default::Int(0)),
        c("last_played_at", Ty::Time),
        CREATED,
        UPDATED,
    ],
    uniques: &[],
};

pub(crate) static STORY_SCENES: Table = Table {
    name: "story_scenes",
    owner: Owner::Story,
    columns: &[
        ID,
        req("story_id", Ty::Uuid),
        req("scene_number", Ty::Int),
        req("text_segment", Ty::Text),
        c("illustration_prompt", Ty::Text),
        d("timestamp_seconds", Ty::Float, Default::Int(0)),
        c("emotion", Ty::Enum(EMOTIONS)),
        c("importance", Ty::Enum(IMPORTANCE)),
        CREATED,
        UPDATED,
    ],
    uniques: &[&["story_id", "scene_number"]],
};

pub(crate) static STORY_ILLUSTRATIONS: Table = Table {
    name: "story_illustrations",
    owner: Owner::Story,
    columns: &[
        ID,
        req("story_id", Ty::Uuid),
        req("scene_number", Ty::Int),
        d(
            "status",
            Ty::Enum(ILLUSTRATION_STATUS),
            Default::Text("pending"),
        ),
        c("image_url", Ty::Text),
        c("image_path", Ty::Text),
        c("generation_id", Ty::Text),
        c("previous_generation_id", Ty::Text),
        c("error_message", Ty::Text),
        d("retry_count", Ty::Int, Default::Int(0)),
        CREATED,
        UPDATED,
    ],
    uniques: &[&["story_id", "scene_number"]],
};

pub(crate) static LISTENING_SESSIONS: Table = Table {
    name: "listening_sessions",
    owner: Owner::UserId,
    columns: &[
        ID,
        USER_ID,
        req("story_id", Ty::Uuid),
        d("started_at", Ty::Time, Default::Now),
        c("ended_at", Ty::Time),
        d("seconds_listened", Ty::Float, Default::Int(0)),
        d("completed", Ty::Bool, Default::Bool(false)),
        CREATED,
        UPDATED,
    ],
    uniques: &[],
};

/// Every table, in the realtime publication.
pub(crate) static TABLES: [&Table; 6] = [
    &HEROES,
    &CUSTOM_EVENTS,
    &STORIES,
    &STORY_SCENES,
    &STORY_ILLUSTRATIONS,
    &LISTENING_SESSIONS,
];

/// The table named `name`.
pub(crate) fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().copied().find(|t| t.name == name)
}

/// Tables whose rows hang off a story and go when it goes.
pub(crate) static STORY_CHILDREN: [&Table; 3] =
    [&STORY_SCENES, &STORY_ILLUSTRATIONS, &LISTENING_SESSIONS];

#[cfg(test)]
mod tests {
    use infinite_stories_contract::{
        IllustrationRow, Language, Scene, SceneRow, StoryNarration, StoryRow,
    };

    use super::*;

    fn keys<T: serde::Serialize>(row: &T) -> Vec<String> {
        let mut keys: Vec<String> = match serde_json::to_value(row).unwrap() {
            serde_json::Value::Object(m) => m.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        };
        keys.sort();
        keys
    }

    fn columns(table: &Table) -> Vec<String> {
        let mut names: Vec<String> = table.columns.iter().map(|c| c.name.to_string()).collect();
        names.sort();
        names
    }

    /// The functions write the contract's row types; each must name exactly its table's columns.
    #[test]
    fn the_contract_rows_name_exactly_the_tables_columns() {
        let story = StoryRow {
            id: "s".into(),
            user_id: "u".into(),
            hero_id: None,
            custom_event_id: None,
            event_type: None,
            event_id: None,
            title: "T".into(),
            content: "C".into(),
            language: Language::En,
            voice: None,
            target_duration: None,
            estimated_duration: None,
            word_count: None,
            narration: StoryNarration::default(),
            is_favorite: false,
            play_count: 0,
            last_played_at: None,
            created_at: "t".into(),
            updated_at: "t".into(),
        };
        assert_eq!(keys(&story), columns(&STORIES));
        let scene: Scene = serde_json::from_value(serde_json::json!({"sceneNumber": 1,
            "textSegment": "a", "illustrationPrompt": "p", "timestampSeconds": 0.0}))
        .unwrap();
        assert_eq!(
            keys(&SceneRow::of(&scene, "c".into(), "s", "t")),
            columns(&STORY_SCENES)
        );
        assert_eq!(
            keys(&IllustrationRow::pending("i".into(), "s", 1, "t")),
            columns(&STORY_ILLUSTRATIONS)
        );
    }
}
