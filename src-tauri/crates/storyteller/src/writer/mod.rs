//! The offline story writer and scene extractor.
//!
//! A story is composed from per-language grammars of story beats with many variants each (read
//! from the crate's `content/` files by `content`), drawn by a ChaCha RNG seeded from the
//! request, and grown until it fits the target duration at the narrating voice's pace.

mod builder;
mod compose;
mod content;
#[cfg(test)]
mod corpus;
mod decks;
mod extract;
mod growth;
mod lexicon;
mod needs;
#[cfg(test)]
mod repetition;
mod scenes;
mod seed;
mod sentences;
mod template;
#[cfg(test)]
mod tests;

use async_trait::async_trait;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::safety::OfflineSafety;
use crate::scenery::{event_base, visual};
use crate::{
    EventSpec, Language, Result, SafetyVerdict, Scene, SceneExtractor, SceneRequest, StoryBrief,
    StoryDraft, StoryWriter, StorytellerError,
};
pub(crate) use compose::count_words;
pub(crate) use content::event_look;
use lexicon::Lexicon;
use template::Slots;

/// Writes stories from a seeded grammar of per-language story beats.
#[derive(Debug, Default, Clone)]
pub struct OfflineWriter {
    safety: OfflineSafety,
}

impl OfflineWriter {
    /// A writer.
    pub fn new() -> Self {
        OfflineWriter {
            safety: OfflineSafety::new(),
        }
    }

    /// Writes synchronously (the async trait method calls this; it takes a few milliseconds).
    pub fn write_now(&self, request: &StoryBrief) -> Result<StoryDraft> {
        validate(request)?;
        let request = self.safe_request(request)?;
        let comp = composition(&request);
        let hero = &request.hero;
        let wpm = request.voice().words_per_minute(request.language());
        let seconds = f64::from(request.target_duration_seconds());
        let content = comp
            .paragraphs
            .iter()
            .map(|p| p.sentences.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
        let word_count = count_words(&content);
        let ctx = scenes::SceneContext {
            hero,
            visual: visual(event_base(&request.event)),
            companion: comp.companion,
            companion_name: &comp.companion_name,
            words_per_minute: wpm,
            seconds,
        };
        let scenes = scenes::scenes(&comp, &content, &ctx);
        Ok(StoryDraft {
            title: comp.title,
            estimated_duration: (word_count as f64 * 60.0 / wpm).round(),
            word_count,
            content,
            scenes,
            note: None,
        })
    }

    /// The request with its custom-event text passed through the safety filter.
    pub(crate) fn safe_request(&self, request: &StoryBrief) -> Result<StoryBrief> {
        let mut request = request.clone();
        let language = request.language();
        let check = |text: &mut String| -> Result<()> {
            match self.safety.check_text(text, language) {
                SafetyVerdict::Pass => Ok(()),
                SafetyVerdict::Rewritten {
                    text: rewritten, ..
                } => {
                    *text = rewritten;
                    Ok(())
                }
                SafetyVerdict::Refused { message } => {
                    Err(StorytellerError::ContentPolicy { message })
                }
            }
        };
        if let EventSpec::Custom(custom) = &mut request.event {
            check(&mut custom.title)?;
            check(&mut custom.description)?;
            check(&mut custom.prompt_seed)?;
            for keyword in &mut custom.keywords {
                check(keyword)?;
            }
        }
        for field in [
            &mut request.hero.appearance,
            &mut request.hero.special_ability,
        ]
        .into_iter()
        .flatten()
        {
            check(field)?;
        }
        Ok(request)
    }
}

#[async_trait]
impl StoryWriter for OfflineWriter {
    async fn write(&self, request: &StoryBrief) -> Result<StoryDraft> {
        self.write_now(request)
    }
}

/// Cuts any text into scenes: paragraph openings spread along the text.
#[derive(Debug, Default, Clone)]
pub struct OfflineSceneExtractor;

impl OfflineSceneExtractor {
    /// An extractor.
    pub fn new() -> Self {
        OfflineSceneExtractor
    }
}

#[async_trait]
impl SceneExtractor for OfflineSceneExtractor {
    async fn extract(&self, request: &SceneRequest) -> Result<Vec<Scene>> {
        extract::extract(request)
    }
}

fn validate(request: &StoryBrief) -> Result<()> {
    request.request.validate()?;
    let name = request.hero.name.trim();
    if name.is_empty() || name.chars().count() > 50 {
        return Err(StorytellerError::invalid(
            "hero.name",
            "must be 1 to 50 characters",
        ));
    }
    if let EventSpec::Custom(custom) = &request.event
        && custom.title.trim().is_empty()
    {
        return Err(StorytellerError::invalid(
            "event.title",
            "a custom event needs a title",
        ));
    }
    Ok(())
}

/// The story composed for a validated, safety-checked request.
fn composition(request: &StoryBrief) -> compose::Composition {
    let lex = lexicon(request.language());
    let hero = &request.hero;
    let wpm = request.voice().words_per_minute(request.language());
    let seconds = f64::from(request.target_duration_seconds());
    let mut slots = Slots {
        language: Some(request.language()),
        pronouns: hero.pronouns,
        name: hero.name.trim().to_string(),
        look: hero
            .appearance
            .clone()
            .unwrap_or_default()
            .trim()
            .to_string(),
        ..Slots::default()
    };
    slots.ability = ability_phrase(hero.special_ability.as_deref().unwrap_or_default(), &slots);
    if let EventSpec::Custom(custom) = &request.event {
        slots.title = custom.title.trim().to_string();
        slots.description = sentence_case(custom.description.trim());
        slots.keywords = join_list(&custom.keywords, lex.and);
        let text = if custom.prompt_seed.trim().is_empty() {
            &custom.title
        } else {
            &custom.prompt_seed
        };
        (slots.seed, slots.goal) = seed::read_seed(text, lex, request.language(), &slots.name);
        // A seed that is a sentence about the hero ("Emma starts at a new school") reads
        // badly in the frames that quote a key phrase ("the best part of “…”"): the
        // title ("First day at school") is the key phrase then.
        let about_hero = !slots.name.is_empty() && slots.seed.starts_with(&slots.name);
        if slots.seed.is_empty() || (about_hero && !custom.title.trim().is_empty()) {
            slots.seed = custom.title.trim().to_string();
        }
    }
    let mut rng = ChaCha8Rng::seed_from_u64(mix_seed(request));
    let target_words = seconds * wpm / 60.0;
    compose::compose(request, lex, &mut slots, target_words, &mut rng)
}

fn lexicon(language: Language) -> &'static Lexicon {
    content::lexicon(language)
}

/// Words that mark a calm, sleepy ending in `language` (used by tests and the bench).
pub fn sleep_words(language: Language) -> &'static [&'static str] {
    &lexicon(language).sleep_words
}

/// The request's seed mixed with what the story is about, so two heroes never share a story.
fn mix_seed(request: &StoryBrief) -> u64 {
    let key = format!(
        "{}|{}|{}|{}|{}|{}",
        request.hero.name,
        request.hero.primary_trait,
        request.hero.secondary_trait,
        request.event.context(),
        request.language(),
        request.target_duration_seconds()
    );
    crate::contract::hash::fnv1a(key.as_bytes()) ^ request.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The special ability as it reads inside a sentence: an ability written as a verb phrase
/// ("can hear the stars") gets its subject ("she can hear the stars").
fn ability_phrase(ability: &str, slots: &Slots) -> String {
    let ability = ability.trim().trim_end_matches('.');
    let lower = ability.to_lowercase();
    let modal = match slots.language {
        Some(Language::En) | None => ["can ", "could "].iter().any(|m| lower.starts_with(m)),
        Some(Language::Fr) => ["peut ", "sait "].iter().any(|m| lower.starts_with(m)),
        Some(Language::De) => lower.starts_with("kann "),
        // Spanish and Italian drop the subject pronoun: "puede volar" reads well as it is.
        Some(Language::Es) | Some(Language::It) => false,
    };
    if modal {
        format!("{} {ability}", template::fill("{P}", slots))
    } else {
        ability.to_string()
    }
}

fn join_list(items: &[String], and: &str) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .take(4)
        .collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// Capitalises the first letter and ends with a full stop.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    out
}
