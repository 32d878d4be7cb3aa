//! What a story is about: one of the built-in events or a family's own custom event, in
//! the three shapes it takes: [`StoryEvent`] on the wire (an id), [`CustomEventDraft`] and
//! [`CustomEvent`] across IPC, and [`EventSpec`] for the storyteller (the event loaded).

use serde::{Deserialize, Serialize};

use crate::{AgeRange, BuiltInEvent, ContractError, EventCategory, EventTone, rules};

/// Which event a story is about, in the seed's tagged encoding:
/// `{"type":"built_in","data":{"event":"bedtime_adventure"}}` or
/// `{"type":"custom","data":{"custom_event_id":"…"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(
    tag = "type",
    content = "data",
    rename_all = "snake_case",
    deny_unknown_fields
)]
pub enum StoryEvent {
    /// One of the built-in events.
    BuiltIn {
        /// Event id.
        event: BuiltInEvent,
    },
    /// A custom event of the family, by row id.
    Custom {
        /// Custom event id.
        #[serde(alias = "customEventId")]
        custom_event_id: String,
    },
}

impl StoryEvent {
    /// The wire tag: `built_in` or `custom`.
    pub fn kind(&self) -> &'static str {
        match self {
            StoryEvent::BuiltIn { .. } => "built_in",
            StoryEvent::Custom { .. } => "custom",
        }
    }
}

/// A custom event as the family writes it: what `check_custom_event` and
/// `save_custom_event` take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomEventDraft {
    /// Short title, e.g. "First day at school" (3–60 characters).
    pub title: String,
    /// What happens, in the family's words (10–500 characters).
    pub description: String,
    /// Category; picks the landscape of the illustrations.
    pub category: EventCategory,
    /// Intended age range.
    #[serde(alias = "age_range")]
    pub age_range: AgeRange,
    /// Tone; picks which kinds of episodes the story uses.
    pub tone: EventTone,
    /// Words that should appear in the story (0–10, of 2–30 characters each).
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl CustomEventDraft {
    /// Checks the contract's rules: title 3–60 characters, description 10–500, keywords 0–10 of
    /// 2–30 characters each, no keyword twice.
    pub fn validate(&self) -> Result<(), ContractError> {
        rules::text_length("title", &self.title, rules::EVENT_TITLE)?;
        rules::text_length("description", &self.description, rules::EVENT_DESCRIPTION)?;
        rules::keywords("keywords", &self.keywords)
    }

    /// The same draft with its texts trimmed and blank keywords dropped, as it is stored.
    pub fn trimmed(mut self) -> Self {
        self.title = self.title.trim().to_owned();
        self.description = self.description.trim().to_owned();
        self.keywords = self
            .keywords
            .into_iter()
            .map(|k| k.trim().to_owned())
            .filter(|k| !k.is_empty())
            .collect();
        self
    }
}

/// A stored custom event, as `list_custom_events` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomEvent {
    /// Row id.
    pub id: String,
    /// What the family wrote.
    #[serde(flatten)]
    pub draft: CustomEventDraft,
    /// Starred by the family.
    pub is_favorite: bool,
    /// Stories written for it.
    pub usage_count: u32,
    /// Milliseconds since the epoch of the last story written for it.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub last_used_at: Option<i64>,
    /// Milliseconds since the epoch.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created_at: i64,
    /// Milliseconds since the epoch.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub updated_at: i64,
}

/// The offline safety filter's answer about a custom event draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum SafetyCheck {
    /// Fine as it is.
    Pass,
    /// Acceptable after a kind rewrite: save these texts instead.
    Rewritten {
        /// The rewritten title.
        title: String,
        /// The rewritten description.
        description: String,
        /// What was changed, one short note per change.
        changes: Vec<String>,
    },
    /// Not suitable; `message` says kindly what to change.
    Refused {
        /// Message for the family.
        message: String,
    },
}

/// A custom event as the storyteller gets it: the draft's texts and choices plus the stored
/// `prompt_seed` (the text that steers the story; the description when there is none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomEventSpec {
    /// Short title, e.g. "First day at school".
    pub title: String,
    /// What happens, in the family's words.
    #[serde(default)]
    pub description: String,
    /// The text that steers the story.
    #[serde(default, alias = "prompt_seed")]
    pub prompt_seed: String,
    /// Category; picks the landscape of the illustrations.
    #[serde(default)]
    pub category: EventCategory,
    /// Tone; picks which kinds of episodes the story uses.
    #[serde(default)]
    pub tone: EventTone,
    /// Intended age range.
    #[serde(default, alias = "age_range")]
    pub age_range: AgeRange,
    /// Keywords that should appear in the story.
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl CustomEventSpec {
    /// A custom event with a title and the defaults (category custom, tone balanced, all ages).
    pub fn titled(title: impl Into<String>) -> Self {
        CustomEventSpec {
            title: title.into(),
            description: String::new(),
            prompt_seed: String::new(),
            category: EventCategory::default(),
            tone: EventTone::default(),
            age_range: AgeRange::default(),
            keywords: Vec::new(),
        }
    }
}

impl CustomEventSpec {
    /// A `custom_events` row (snake_case columns) as the storyteller reads it; `None` without a
    /// title. Rows written by other clients may lack columns, hold `null` or carry values this
    /// version does not know: those read as their defaults instead of hiding the event.
    pub fn from_row(row: &serde_json::Map<String, serde_json::Value>) -> Option<Self> {
        let text = |key: &str| {
            row.get(key)
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
                .filter(|s| !s.is_empty())
        };
        Some(CustomEventSpec {
            title: text("title")?,
            description: text("description").unwrap_or_default(),
            prompt_seed: text("prompt_seed").unwrap_or_default(),
            category: text("category")
                .and_then(|t| t.parse().ok())
                .unwrap_or_default(),
            tone: text("tone")
                .and_then(|t| t.parse().ok())
                .unwrap_or_default(),
            age_range: text("age_range")
                .and_then(|t| t.parse().ok())
                .unwrap_or_default(),
            keywords: row
                .get("keywords")
                .and_then(serde_json::Value::as_array)
                .map(|k| {
                    k.iter()
                        .filter_map(serde_json::Value::as_str)
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default(),
        })
    }
}

impl From<CustomEventDraft> for CustomEventSpec {
    fn from(d: CustomEventDraft) -> Self {
        CustomEventSpec {
            prompt_seed: d.description.clone(),
            title: d.title,
            description: d.description,
            category: d.category,
            tone: d.tone,
            age_range: d.age_range,
            keywords: d.keywords,
        }
    }
}

/// The event a story is written for, loaded (a custom event's row already read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum EventSpec {
    /// One of the built-in events.
    BuiltIn(BuiltInEvent),
    /// A custom event.
    Custom(CustomEventSpec),
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

#[cfg(test)]
mod tests {

    use serde_json::json;

    use super::*;

    fn draft() -> CustomEventDraft {
        CustomEventDraft {
            title: "First day at school".into(),
            description: "A brave first day with a new backpack.".into(),
            category: EventCategory::DailyLife,
            age_range: AgeRange::FourToSix,
            tone: EventTone::Calming,
            keywords: vec!["backpack".into()],
        }
    }

    #[test]
    fn story_events_use_the_seed_encoding() {
        let built = StoryEvent::BuiltIn {
            event: BuiltInEvent::BedtimeAdventure,
        };
        assert_eq!(
            serde_json::to_value(&built).unwrap(),
            json!({"type":"built_in","data":{"event":"bedtime_adventure"}})
        );
        let custom: StoryEvent =
            serde_json::from_value(json!({"type":"custom","data":{"custom_event_id":"c1"}}))
                .unwrap();
        assert_eq!(
            custom,
            StoryEvent::Custom {
                custom_event_id: "c1".into()
            }
        );
        let camel: StoryEvent =
            serde_json::from_value(json!({"type":"custom","data":{"customEventId":"c1"}})).unwrap();
        assert_eq!(camel, custom);
        assert_eq!(custom.kind(), "custom");
    }

    #[test]
    fn a_bad_story_event_says_what_is_wrong() {
        let err = serde_json::from_value::<StoryEvent>(
            json!({"type":"built_in","data":{"event":"dragon_party"}}),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("unknown variant `dragon_party`"),
            "{err}"
        );
        let err =
            serde_json::from_value::<StoryEvent>(json!({"type":"holiday","data":{}})).unwrap_err();
        assert!(
            err.to_string().contains("unknown variant `holiday`"),
            "{err}"
        );
        let err = serde_json::from_value::<StoryEvent>(
            json!({"type":"built_in","data":{"event":"birthday","mood":"x"}}),
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown field `mood`"), "{err}");
    }

    #[test]
    fn a_custom_event_draft_reads_both_spellings_and_validates() {
        let camel: CustomEventDraft = serde_json::from_value(json!({
            "title": "First day at school", "description": "A brave first day with a new backpack.",
            "category": "daily_life", "ageRange": "4_6", "tone": "calming", "keywords": ["backpack"]
        }))
        .unwrap();
        let snake: CustomEventDraft = serde_json::from_value(json!({
            "title": "First day at school", "description": "A brave first day with a new backpack.",
            "category": "daily_life", "age_range": "4_6", "tone": "calming", "keywords": ["backpack"]
        }))
        .unwrap();
        assert_eq!(camel, snake);
        assert_eq!(camel, draft());
        assert_eq!(camel.validate(), Ok(()));

        let mut short = draft();
        short.title = "Hi".into();
        assert_eq!(short.validate().unwrap_err().field(), "title");
        let mut terse = draft();
        terse.description = "Too short".into();
        let err = terse.validate().unwrap_err();
        assert_eq!(err.field(), "description");
        assert!(err.message().contains("write at least 10"), "{err}");
        let mut many = draft();
        many.keywords = (0..11).map(|i| format!("kw{i}")).collect();
        assert_eq!(many.validate().unwrap_err().field(), "keywords");
    }

    #[test]
    fn a_stored_custom_event_flattens_its_draft() {
        let stored = CustomEvent {
            id: "c1".into(),
            draft: draft(),
            is_favorite: true,
            usage_count: 3,
            last_used_at: None,
            created_at: 1,
            updated_at: 2,
        };
        let json = serde_json::to_value(&stored).unwrap();
        assert_eq!(json["ageRange"], "4_6");
        assert_eq!(json["isFavorite"], true);
        assert_eq!(json["lastUsedAt"], serde_json::Value::Null);
        assert_eq!(serde_json::from_value::<CustomEvent>(json).unwrap(), stored);
    }

    #[test]
    fn safety_checks_are_tagged_by_verdict() {
        assert_eq!(
            serde_json::to_value(SafetyCheck::Pass).unwrap(),
            json!({"verdict":"pass"})
        );
        let rewritten = SafetyCheck::Rewritten {
            title: "t".into(),
            description: "d".into(),
            changes: vec!["c".into()],
        };
        assert_eq!(
            serde_json::to_value(&rewritten).unwrap(),
            json!({"verdict":"rewritten","title":"t","description":"d","changes":["c"]})
        );
    }

    #[test]
    fn a_draft_becomes_the_storytellers_custom_event() {
        let spec = CustomEventSpec::from(draft());
        assert_eq!(spec.prompt_seed, spec.description);
        assert_eq!(spec.age_range, AgeRange::FourToSix);
        let spec = EventSpec::Custom(CustomEventSpec::titled("Picnic"));
        assert_eq!(spec.context(), "Picnic");
        assert_eq!(
            EventSpec::BuiltIn(BuiltInEvent::RainyDay).context(),
            "rainy day"
        );
    }

    #[test]
    fn a_custom_event_row_reads_leniently() {
        let row = serde_json::json!({"id": "e", "title": "First day at school",
            "description": null, "prompt_seed": "a brave first day", "category": "learning",
            "tone": "unknown-tone", "keywords": ["bag", 3, "bell"]});
        let spec = CustomEventSpec::from_row(row.as_object().unwrap()).unwrap();
        assert_eq!(spec.title, "First day at school");
        assert_eq!(spec.description, "");
        assert_eq!(spec.prompt_seed, "a brave first day");
        assert_eq!(spec.category.id(), "learning");
        assert_eq!(spec.tone, EventTone::default());
        assert_eq!(spec.age_range, AgeRange::default());
        assert_eq!(spec.keywords, ["bag", "bell"]);
        let untitled = serde_json::json!({"id": "e", "title": ""});
        assert_eq!(
            CustomEventSpec::from_row(untitled.as_object().unwrap()),
            None
        );
    }
}
