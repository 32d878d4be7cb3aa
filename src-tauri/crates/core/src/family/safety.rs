//! The storyteller's offline safety filter applied to a custom event draft: title, description
//! and keywords, in the family's story language (English words are always checked too). The
//! same check answers `check_custom_event` (so the family sees a refusal or the gentler version
//! before saving) and guards every save.

use infinite_stories_contract::{CustomEventDraft, Language, SafetyCheck};
use infinite_stories_storyteller::SafetyVerdict;
use infinite_stories_storyteller::safety::OfflineSafety;

/// The filter's answer about `draft` and the draft as it may be saved (softened when the answer
/// is `rewritten`, unchanged otherwise).
pub fn check(draft: &CustomEventDraft, language: Language) -> (SafetyCheck, CustomEventDraft) {
    let language: infinite_stories_storyteller::Language = language
        .id()
        .parse()
        .unwrap_or(infinite_stories_storyteller::Language::En);
    let filter = OfflineSafety::new();
    let mut safe = draft.clone();
    let mut changes = Vec::new();
    let mut fields: Vec<(Option<&str>, &mut String)> =
        vec![(None, &mut safe.title), (None, &mut safe.description)];
    for keyword in &mut safe.keywords {
        fields.push((Some("keyword"), keyword));
    }
    for (label, text) in fields {
        match filter.check_text(text, language) {
            SafetyVerdict::Pass => {}
            SafetyVerdict::Rewritten {
                text: gentler,
                changes: notes,
            } => {
                *text = gentler;
                changes.extend(notes.into_iter().map(|n| match label {
                    Some(label) => format!("{label} {n}"),
                    None => n,
                }));
            }
            SafetyVerdict::Refused { message } => {
                return (SafetyCheck::Refused { message }, draft.clone());
            }
        }
    }
    if changes.is_empty() {
        (SafetyCheck::Pass, safe)
    } else {
        let verdict = SafetyCheck::Rewritten {
            title: safe.title.clone(),
            description: safe.description.clone(),
            changes,
        };
        (verdict, safe)
    }
}

#[cfg(test)]
mod tests {
    use infinite_stories_contract::{AgeRange, EventCategory, EventTone};

    use super::*;

    fn draft(title: &str, description: &str, keywords: &[&str]) -> CustomEventDraft {
        CustomEventDraft {
            title: title.into(),
            description: description.into(),
            category: EventCategory::Adventure,
            age_range: AgeRange::FourToSix,
            tone: EventTone::Calming,
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
        }
    }

    #[test]
    fn an_ordinary_event_passes_unchanged() {
        let d = draft(
            "Picnic by the lake",
            "Luna packs a basket for grandma.",
            &["basket"],
        );
        assert_eq!(check(&d, Language::En), (SafetyCheck::Pass, d));
    }

    #[test]
    fn mild_words_are_softened_and_the_softened_draft_passes_again() {
        let d = draft(
            "The scary forest",
            "Luna meets a monster in the dark forest.",
            &["ghost"],
        );
        let (verdict, safe) = check(&d, Language::En);
        let SafetyCheck::Rewritten {
            title,
            description,
            changes,
        } = verdict
        else {
            panic!("{verdict:?}")
        };
        assert_eq!(title, "The surprising forest");
        assert_eq!(
            description,
            "Luna meets a friendly creature in the starry forest."
        );
        assert_eq!(safe.keywords, ["cloud sprite"]);
        assert!(
            changes.iter().any(|c| c.starts_with("keyword ")),
            "{changes:?}"
        );
        assert_eq!(check(&safe, Language::En).0, SafetyCheck::Pass);
    }

    #[test]
    fn a_refused_word_anywhere_refuses_the_event_in_the_family_language() {
        let d = draft(
            "Le goûter",
            "Le héros prend un couteau pour couper le gâteau.",
            &[],
        );
        let SafetyCheck::Refused { message } = check(&d, Language::Fr).0 else {
            panic!()
        };
        assert!(message.contains("couteau"), "{message}");
        let d = draft("Picnic", "A quiet picnic with grandma.", &["gun"]);
        assert!(matches!(
            check(&d, Language::En).0,
            SafetyCheck::Refused { .. }
        ));
    }
}
