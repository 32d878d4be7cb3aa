//! A child's hero: the draft the family types (also what the writer and the illustrator are
//! given) and the stored hero the library lists.

use serde::{Deserialize, Serialize};

use crate::{AvatarStyle, ContractError, Pronouns, Trait, rules};

/// A hero as the family describes it: what `create_hero`/`update_hero` take, and what the
/// storyteller writes and draws from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeroDraft {
    /// The hero's name, e.g. "Luna" (1–40 characters).
    pub name: String,
    /// Pronouns for agreement; `None` is written with neutral phrasing.
    #[serde(default)]
    pub pronouns: Option<Pronouns>,
    /// Main trait.
    #[serde(alias = "primary_trait")]
    pub primary_trait: Trait,
    /// Second trait; a new hero must pick one different from the first (the writer copes with
    /// stored heroes whose two traits are equal by using a near synonym).
    #[serde(alias = "secondary_trait")]
    pub secondary_trait: Trait,
    /// Free-text look, e.g. "curly red hair and a yellow raincoat" (≤ 200 characters).
    #[serde(default)]
    pub appearance: Option<String>,
    /// Free-text special ability, e.g. "can talk to the stars" (≤ 200 characters).
    #[serde(default, alias = "special_ability")]
    pub special_ability: Option<String>,
    /// Art style of the avatar.
    #[serde(default, alias = "avatar_style")]
    pub avatar_style: Option<AvatarStyle>,
    /// The family's description of the avatar (≤ 500 characters).
    #[serde(default, alias = "avatar_prompt")]
    pub avatar_prompt: Option<String>,
}

impl HeroDraft {
    /// A hero with a name and two traits and nothing else.
    pub fn new(name: impl Into<String>, primary_trait: Trait, secondary_trait: Trait) -> Self {
        HeroDraft {
            name: name.into(),
            pronouns: None,
            primary_trait,
            secondary_trait,
            appearance: None,
            special_ability: None,
            avatar_style: None,
            avatar_prompt: None,
        }
    }

    /// The hero of a stored `heroes` row (snake_case columns), as the storyteller writes and
    /// draws it: what the backend's functions and the app's direct-provider mode both read.
    /// Missing or unknown catalogue values fall back (a kind hero named "Hero").
    pub fn from_row(row: &serde_json::Map<String, serde_json::Value>) -> Self {
        let text = |key: &str| {
            row.get(key)
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        };
        let primary = text("primary_trait")
            .and_then(|t| t.parse().ok())
            .unwrap_or(Trait::Kind);
        let secondary = text("secondary_trait")
            .and_then(|t| t.parse().ok())
            .unwrap_or(primary);
        let mut hero = HeroDraft::new(
            text("name").unwrap_or_else(|| "Hero".into()),
            primary,
            secondary,
        );
        hero.appearance = text("appearance");
        hero.special_ability = text("special_ability");
        hero.pronouns = text("pronouns").and_then(|t| t.parse().ok());
        hero.avatar_style = text("avatar_style").and_then(|t| t.parse().ok());
        hero.avatar_prompt = text("avatar_prompt");
        hero
    }

    /// The same hero with pronouns.
    pub fn with_pronouns(mut self, pronouns: Pronouns) -> Self {
        self.pronouns = Some(pronouns);
        self
    }

    /// The same hero with an appearance.
    pub fn with_appearance(mut self, appearance: impl Into<String>) -> Self {
        self.appearance = Some(appearance.into());
        self
    }

    /// The same hero with a special ability.
    pub fn with_ability(mut self, ability: impl Into<String>) -> Self {
        self.special_ability = Some(ability.into());
        self
    }

    /// Checks the contract's rules: name 1–40 characters, appearance and ability ≤ 200,
    /// avatar prompt ≤ 500 (all after trimming), two different traits.
    pub fn validate(&self) -> Result<(), ContractError> {
        rules::text_length("name", &self.name, rules::HERO_NAME)?;
        rules::optional_text(
            "appearance",
            self.appearance.as_deref(),
            rules::HERO_DETAIL_MAX,
        )?;
        rules::optional_text(
            "specialAbility",
            self.special_ability.as_deref(),
            rules::HERO_DETAIL_MAX,
        )?;
        rules::optional_text(
            "avatarPrompt",
            self.avatar_prompt.as_deref(),
            rules::AVATAR_PROMPT_MAX,
        )?;
        if self.primary_trait == self.secondary_trait {
            return Err(ContractError::invalid(
                "secondaryTrait",
                format!(
                    "is the same as primaryTrait ('{}'): choose a different second trait",
                    self.primary_trait
                ),
            ));
        }
        Ok(())
    }

    /// The same draft with its texts trimmed and blank optional texts dropped, as it is stored.
    pub fn trimmed(mut self) -> Self {
        fn tidy(text: Option<String>) -> Option<String> {
            text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
        }
        self.name = self.name.trim().to_owned();
        self.appearance = tidy(self.appearance);
        self.special_ability = tidy(self.special_ability);
        self.avatar_prompt = tidy(self.avatar_prompt);
        self
    }
}

/// A stored hero, as `list_heroes` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Hero {
    /// Row id.
    pub id: String,
    /// What the family described.
    #[serde(flatten)]
    pub draft: HeroDraft,
    /// Cache key of the avatar picture (show it with `mediaUrl(avatarKey)`), once drawn.
    pub avatar_key: Option<String>,
    /// Stories written about this hero.
    pub story_count: u32,
    /// Milliseconds since the epoch.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created_at: i64,
    /// Milliseconds since the epoch.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub updated_at: i64,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn luna() -> HeroDraft {
        HeroDraft::new("Luna", Trait::Brave, Trait::Kind)
    }

    #[test]
    fn a_draft_reads_camel_case_and_snake_case() {
        let camel: HeroDraft = serde_json::from_value(json!({
            "name": "Luna", "pronouns": "she", "primaryTrait": "brave", "secondaryTrait": "kind",
            "appearance": null, "specialAbility": "can talk to owls", "avatarStyle": "watercolor",
            "avatarPrompt": null
        }))
        .unwrap();
        let snake: HeroDraft = serde_json::from_value(json!({
            "name": "Luna", "pronouns": "she", "primary_trait": "brave", "secondary_trait": "kind",
            "special_ability": "can talk to owls", "avatar_style": "watercolor"
        }))
        .unwrap();
        assert_eq!(camel, snake);
        assert_eq!(camel.avatar_style, Some(AvatarStyle::Watercolor));
        let back = serde_json::to_value(&camel).unwrap();
        assert_eq!(back["primaryTrait"], "brave");
        assert_eq!(back["specialAbility"], "can talk to owls");
    }

    #[test]
    fn a_stored_row_reads_as_the_hero_it_describes() {
        let row = json!({"id": "h1", "user_id": "u", "name": "Luna", "pronouns": "she",
            "primary_trait": "brave", "secondary_trait": "kind", "appearance": "red boots",
            "special_ability": null, "avatar_style": "watercolor", "created_at": "x"});
        let hero = HeroDraft::from_row(row.as_object().unwrap());
        let mut expected = luna()
            .with_pronouns(Pronouns::She)
            .with_appearance("red boots");
        expected.avatar_style = Some(AvatarStyle::Watercolor);
        assert_eq!(hero, expected);
        let odd = json!({"primary_trait": "nonsense"});
        let fallback = HeroDraft::from_row(odd.as_object().unwrap());
        assert_eq!(fallback, HeroDraft::new("Hero", Trait::Kind, Trait::Kind));
    }

    #[test]
    fn an_unknown_field_is_refused_by_name() {
        let err = serde_json::from_value::<HeroDraft>(json!({
            "name": "Luna", "primaryTrait": "brave", "secondaryTrait": "kind", "age": 5
        }))
        .unwrap_err();
        assert!(err.to_string().contains("unknown field `age`"), "{err}");
    }

    #[test]
    fn validate_names_the_field_and_says_what_to_change() {
        assert_eq!(luna().validate(), Ok(()));
        let err = HeroDraft::new("  ", Trait::Brave, Trait::Kind)
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), "name");
        let err = HeroDraft::new("Luna", Trait::Kind, Trait::Kind)
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), "secondaryTrait");
        assert!(err.message().contains("choose a different second trait"));
        let err = luna()
            .with_appearance("x".repeat(201))
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), "appearance");
        let err = luna().with_ability("x".repeat(201)).validate().unwrap_err();
        assert_eq!(err.field(), "specialAbility");
        let mut long_prompt = luna();
        long_prompt.avatar_prompt = Some("x".repeat(501));
        assert_eq!(long_prompt.validate().unwrap_err().field(), "avatarPrompt");
        assert!(luna().with_appearance("x".repeat(200)).validate().is_ok());
    }

    #[test]
    fn trimmed_drops_blank_texts() {
        let draft = HeroDraft::new("  Luna ", Trait::Brave, Trait::Kind).with_appearance("   ");
        let t = draft.trimmed();
        assert_eq!((t.name.as_str(), t.appearance), ("Luna", None));
    }

    #[test]
    fn a_stored_hero_is_the_draft_plus_its_row() {
        let hero = Hero {
            id: "h1".into(),
            draft: luna(),
            avatar_key: None,
            story_count: 2,
            created_at: 1_700_000_000_000,
            updated_at: 1_700_000_000_001,
        };
        let json = serde_json::to_value(&hero).unwrap();
        assert_eq!(json["name"], "Luna");
        assert_eq!(json["storyCount"], 2);
        assert_eq!(json["createdAt"], 1_700_000_000_000_i64);
        assert_eq!(serde_json::from_value::<Hero>(json).unwrap(), hero);
    }
}
