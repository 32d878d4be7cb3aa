//! The backend's `heroes` and `custom_events` rows (snake_case JSON, timestamps as RFC 3339
//! text) turned into the contract's [`Hero`] and [`CustomEvent`], and drafts turned into rows.
//! Rows written by other clients may lack optional columns or carry values this version does
//! not know; those read as their defaults instead of hiding the row.

use infinite_stories_contract::{
    AvatarStyle, CustomEvent, CustomEventDraft, CustomEventSpec, Hero, HeroDraft, Pronouns, Trait,
};
use serde_json::{Value, json};

fn text(row: &Value, key: &str) -> Option<String> {
    row.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .filter(|s| !s.is_empty())
}

fn parsed<T: std::str::FromStr>(row: &Value, key: &str) -> Option<T> {
    text(row, key).and_then(|s| s.parse().ok())
}

/// The cache key of a hero's avatar picture: one per drawing, so a new drawing is a new address
/// and the webview never shows the old one from its own cache.
pub(crate) fn avatar_key(row: &Value) -> Option<String> {
    let id = text(row, "id")?;
    text(row, "avatar_path")?;
    let generation = text(row, "avatar_generation_id").unwrap_or_else(|| "1".into());
    Some(format!("avatar:{id}:{generation}"))
}

/// A `heroes` row as the UI's hero; `None` when the row has no id, name or primary trait.
/// `avatar_cached` says whether the avatar picture is in the local cache.
pub(crate) fn hero(row: &Value, story_count: u32, avatar_cached: bool) -> Option<Hero> {
    let primary: Trait = parsed(row, "primary_trait")?;
    let draft = HeroDraft {
        name: text(row, "name")?,
        pronouns: parsed::<Pronouns>(row, "pronouns"),
        primary_trait: primary,
        secondary_trait: parsed(row, "secondary_trait").unwrap_or(primary),
        appearance: text(row, "appearance"),
        special_ability: text(row, "special_ability"),
        avatar_style: parsed::<AvatarStyle>(row, "avatar_style"),
        avatar_prompt: text(row, "avatar_prompt"),
    };
    Some(Hero {
        id: text(row, "id")?,
        draft,
        avatar_key: avatar_key(row).filter(|_| avatar_cached),
        story_count,
        created_at: millis(row, "created_at"),
        updated_at: millis(row, "updated_at"),
    })
}

/// The columns a hero draft sets (every one, so an update can also clear a field).
pub(crate) fn hero_columns(draft: &HeroDraft) -> Value {
    json!({
        "name": draft.name,
        "pronouns": draft.pronouns,
        "primary_trait": draft.primary_trait,
        "secondary_trait": draft.secondary_trait,
        "appearance": draft.appearance,
        "special_ability": draft.special_ability,
        "avatar_style": draft.avatar_style,
        "avatar_prompt": draft.avatar_prompt,
    })
}

/// A `custom_events` row as the UI's custom event; `None` without an id or title.
pub(crate) fn custom_event(row: &Value) -> Option<CustomEvent> {
    let spec = CustomEventSpec::from_row(row.as_object()?)?;
    let draft = CustomEventDraft {
        title: spec.title,
        description: spec.description,
        category: spec.category,
        age_range: spec.age_range,
        tone: spec.tone,
        keywords: spec.keywords,
    };
    Some(CustomEvent {
        id: text(row, "id")?,
        draft,
        is_favorite: row
            .get("is_favorite")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        usage_count: row
            .get("usage_count")
            .and_then(Value::as_u64)
            .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        last_used_at: text(row, "last_used_at").and_then(|t| parse_timestamp(&t)),
        created_at: millis(row, "created_at"),
        updated_at: millis(row, "updated_at"),
    })
}

/// The columns a (checked) custom event draft sets; the description also steers the story.
pub(crate) fn custom_event_columns(draft: &CustomEventDraft) -> Value {
    json!({
        "title": draft.title,
        "description": draft.description,
        "prompt_seed": draft.description,
        "category": draft.category,
        "age_range": draft.age_range,
        "tone": draft.tone,
        "keywords": draft.keywords,
    })
}

fn millis(row: &Value, key: &str) -> i64 {
    match row.get(key) {
        Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
        Some(Value::String(s)) => parse_timestamp(s).unwrap_or(0),
        _ => 0,
    }
}

/// Milliseconds since the epoch of an RFC 3339 timestamp as PostgREST prints them
/// (`2026-12-04T15:46:55.123456Z`, `…+00:00`, `… 15:46:55+02`); `None` when it is not one.
pub fn parse_timestamp(s: &str) -> Option<i64> {
    let s = s.trim();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" || !matches!(s.get(10..11)?, "T" | "t" | " ") {
        return None;
    }
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    let mut rest = s.get(19..)?;
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        let padded = format!("{:0<3}", &fraction[..digits.min(3)]);
        millis = padded.parse::<i64>().ok()?;
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
            let (h, m) = match digits.len() {
                2 => (digits.parse::<i64>().ok()?, 0),
                4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
                _ => return None,
            };
            sign * (h * 60 + m)
        }
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_every_postgrest_spelling_parse() {
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_timestamp("2026-12-04T15:46:55.123456Z"),
            Some(1_796_399_215_123)
        );
        assert_eq!(
            parse_timestamp("2026-12-04T17:46:55.1+02:00"),
            Some(1_796_399_215_100)
        );
        assert_eq!(
            parse_timestamp("2026-12-04 15:46:55+00"),
            Some(1_796_399_215_000)
        );
        assert_eq!(
            parse_timestamp("2000-02-29T00:00:00Z"),
            Some(951_782_400_000)
        );
        assert_eq!(parse_timestamp("yesterday"), None);
        assert_eq!(parse_timestamp("2026-13-04T00:00:00Z"), None);
    }

    #[test]
    fn a_hero_row_becomes_the_ui_hero() {
        let row = json!({"id": "h1", "user_id": "u", "name": "Luna", "pronouns": "she",
            "primary_trait": "brave", "secondary_trait": null, "appearance": "",
            "avatar_path": "u/h1/avatar.png", "avatar_generation_id": "g7",
            "created_at": "1970-01-01T00:00:01Z", "updated_at": "1970-01-01T00:00:02.5Z"});
        let hero = hero(&row, 3, true).unwrap();
        assert_eq!(hero.draft.name, "Luna");
        assert_eq!(hero.draft.pronouns, Some(Pronouns::She));
        assert_eq!(
            hero.draft.secondary_trait,
            Trait::Brave,
            "missing reads as the first"
        );
        assert_eq!(hero.draft.appearance, None, "blank reads as none");
        assert_eq!(hero.avatar_key.as_deref(), Some("avatar:h1:g7"));
        assert_eq!(
            (hero.story_count, hero.created_at, hero.updated_at),
            (3, 1000, 2500)
        );
        assert_eq!(super::hero(&row, 0, false).unwrap().avatar_key, None);
        assert!(super::hero(&json!({"id": "h2", "name": "X"}), 0, false).is_none());
    }

    #[test]
    fn a_custom_event_row_becomes_the_ui_event() {
        let row = json!({"id": "c1", "title": "Picnic", "description": "A picnic by the lake.",
            "category": "celebration", "age_range": "4_6", "tone": "calming",
            "keywords": ["basket"], "is_favorite": true, "usage_count": 2,
            "last_used_at": "1970-01-01T00:00:03Z", "created_at": "1970-01-01T00:00:01Z",
            "updated_at": "1970-01-01T00:00:01Z", "icon": "🧺"});
        let event = custom_event(&row).unwrap();
        assert_eq!(event.draft.keywords, ["basket"]);
        assert_eq!(event.draft.age_range.id(), "4_6");
        assert_eq!((event.usage_count, event.last_used_at), (2, Some(3000)));
        assert!(event.is_favorite);
        let columns = custom_event_columns(&event.draft);
        assert_eq!(columns["prompt_seed"], columns["description"]);
        assert_eq!(columns["age_range"], "4_6");
    }
}
