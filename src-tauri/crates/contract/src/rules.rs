//! The contract's validation rules in one place: the story length range, the text lengths of a
//! hero and of a custom event, the trait pair and the keyword counts. Every check returns a
//! [`ContractError`] that names the field in its wire spelling and says what to change.

use std::ops::RangeInclusive;

use crate::ContractError;

/// Target narration length of a story, in seconds.
pub const DURATION_SECONDS: RangeInclusive<u32> = 60..=900;
/// The story lengths the UI offers, in minutes.
pub const LENGTHS_MINUTES: [u32; 3] = [5, 7, 10];
/// A hero's name, in characters after trimming.
pub const HERO_NAME: RangeInclusive<usize> = 1..=40;
/// A hero's appearance and special ability, in characters after trimming.
pub const HERO_DETAIL_MAX: usize = 200;
/// An avatar prompt, in characters after trimming.
pub const AVATAR_PROMPT_MAX: usize = 500;
/// A custom event's title, in characters after trimming.
pub const EVENT_TITLE: RangeInclusive<usize> = 3..=60;
/// A custom event's description, in characters after trimming.
pub const EVENT_DESCRIPTION: RangeInclusive<usize> = 10..=500;
/// How many keywords a custom event may have.
pub const KEYWORDS_MAX: usize = 10;
/// One keyword, in characters after trimming.
pub const KEYWORD: RangeInclusive<usize> = 2..=30;

/// Checks a story's target length in seconds.
pub fn duration(field: &str, seconds: u32) -> Result<(), ContractError> {
    if DURATION_SECONDS.contains(&seconds) {
        Ok(())
    } else {
        Err(ContractError::invalid(
            field,
            format!(
                "{seconds} seconds is out of range: choose between {} and {} seconds (1 to 15 minutes)",
                DURATION_SECONDS.start(),
                DURATION_SECONDS.end()
            ),
        ))
    }
}

/// Checks a story length in minutes (the UI's unit) against the same range.
pub fn length_minutes(field: &str, minutes: u32) -> Result<(), ContractError> {
    duration(field, minutes.saturating_mul(60)).map_err(|_| {
        ContractError::invalid(
            field,
            format!(
                "{minutes} minutes is out of range: choose between {} and {} minutes",
                DURATION_SECONDS.start() / 60,
                DURATION_SECONDS.end() / 60
            ),
        )
    })
}

/// Checks that `text` (trimmed) has a length in `range` characters.
pub fn text_length(
    field: &str,
    text: &str,
    range: RangeInclusive<usize>,
) -> Result<(), ContractError> {
    let n = text.trim().chars().count();
    if range.contains(&n) {
        return Ok(());
    }
    let (lo, hi) = (*range.start(), *range.end());
    let message = if n == 0 {
        format!("is empty: write {lo} to {hi} characters")
    } else if n < lo {
        format!("is {n} characters long: write at least {lo}")
    } else {
        format!("is {n} characters long: shorten it to {hi} at the most")
    };
    Err(ContractError::invalid(field, message))
}

/// Checks an optional free text: absent or blank is fine, otherwise at most `max` characters.
pub fn optional_text(field: &str, text: Option<&str>, max: usize) -> Result<(), ContractError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(()),
        Some(t) => text_length(field, t, 1..=max),
    }
}

/// Checks a custom event's keywords: at most [`KEYWORDS_MAX`], each of [`KEYWORD`] characters,
/// no repeats.
pub fn keywords(field: &str, keywords: &[String]) -> Result<(), ContractError> {
    if keywords.len() > KEYWORDS_MAX {
        return Err(ContractError::invalid(
            field,
            format!(
                "has {} keywords: keep {KEYWORDS_MAX} at the most",
                keywords.len()
            ),
        ));
    }
    for (i, keyword) in keywords.iter().enumerate() {
        text_length(&format!("{field}[{i}]"), keyword, KEYWORD.clone())?;
        let folded = keyword.trim().to_lowercase();
        if keywords[..i]
            .iter()
            .any(|k| k.trim().to_lowercase() == folded)
        {
            return Err(ContractError::invalid(
                format!("{field}[{i}]"),
                format!(
                    "'{}' is already a keyword: remove the repeat",
                    keyword.trim()
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_duration_range_is_60_to_900_seconds() {
        assert!(duration("targetDuration", 60).is_ok());
        assert!(duration("targetDuration", 900).is_ok());
        let err = duration("targetDuration", 59).unwrap_err();
        assert_eq!(err.field(), "targetDuration");
        assert!(err.message().contains("between 60 and 900"), "{err}");
        assert!(duration("targetDuration", 901).is_err());
        assert!(length_minutes("lengthMinutes", 15).is_ok());
        let err = length_minutes("lengthMinutes", 16).unwrap_err();
        assert!(err.message().contains("between 1 and 15 minutes"), "{err}");
    }

    #[test]
    fn text_lengths_count_characters_after_trimming() {
        assert!(text_length("name", "  Zoë  ", HERO_NAME).is_ok());
        let err = text_length("name", "   ", HERO_NAME).unwrap_err();
        assert_eq!(err.message(), "is empty: write 1 to 40 characters");
        let err = text_length("title", "ab", EVENT_TITLE).unwrap_err();
        assert_eq!(err.message(), "is 2 characters long: write at least 3");
        let long = "é".repeat(41);
        let err = text_length("name", &long, HERO_NAME).unwrap_err();
        assert_eq!(
            err.message(),
            "is 41 characters long: shorten it to 40 at the most"
        );
        assert!(optional_text("appearance", None, 200).is_ok());
        assert!(optional_text("appearance", Some("  "), 200).is_ok());
        assert!(optional_text("appearance", Some(&"a".repeat(201)), 200).is_err());
    }

    #[test]
    fn keywords_are_counted_sized_and_not_repeated() {
        let kw = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(keywords("keywords", &kw(&[])).is_ok());
        assert!(keywords("keywords", &kw(&["moon", "owl"])).is_ok());
        let err = keywords("keywords", &kw(&["moon", "x"])).unwrap_err();
        assert_eq!(err.field(), "keywords[1]");
        let err = keywords("keywords", &kw(&["Moon", "moon "])).unwrap_err();
        assert!(err.message().contains("remove the repeat"), "{err}");
        let eleven: Vec<String> = (0..11).map(|i| format!("word{i}")).collect();
        let err = keywords("keywords", &eleven).unwrap_err();
        assert_eq!(err.message(), "has 11 keywords: keep 10 at the most");
    }
}
