//! Sentence-level helpers of the composer: templates filled into sentences, connectives that
//! open a sentence, the goodnight that ends the last one, and the English telling of a template
//! for the illustration prompts.

use super::lexicon::{EventWords, Item, Lexicon};
use super::template::{Slots, fill};
use crate::Language;
use crate::scenery::CompanionKind;

/// The English telling of a template drawn from another language's grammar (the item with the
/// same id), so illustration prompts say what happens.
pub(super) struct English<'a> {
    lex: &'a Lexicon,
    en: &'static Lexicon,
    event: &'a EventWords,
    en_event: &'static EventWords,
    slots: Slots,
}

impl<'a> English<'a> {
    pub(super) fn new(
        lex: &'a Lexicon,
        event: &'a EventWords,
        event_index: usize,
        slots: &Slots,
        companion: CompanionKind,
    ) -> Self {
        let en = super::content::lexicon(Language::En);
        let [paw, paws, walk, curl] = en.companion_bodies[companion.index()];
        let slots = Slots {
            language: Some(Language::En),
            pronouns: slots.pronouns,
            name: slots.name.clone(),
            companion: slots.companion.clone(),
            companion_kind: en.companion_kinds[companion.index()].to_string(),
            companion_paw: paw.to_string(),
            companion_paws: paws.to_string(),
            companion_walk: walk.to_string(),
            companion_curl: curl.to_string(),
            variant: slots.variant,
            ..Slots::default()
        };
        English {
            lex,
            en,
            event,
            en_event: &en.events[event_index],
            slots,
        }
    }

    pub(super) fn render(
        &self,
        pool: &[Item],
        en_pool: &[Item],
        template: Option<&str>,
    ) -> Option<String> {
        let id = pool.iter().find(|t| Some(t.text) == template)?.id;
        let first = en_pool
            .iter()
            .find(|t| t.id == id)?
            .text
            .split(" || ")
            .next()?;
        Some(fill(first, &self.slots).trim().to_string())
    }

    /// The situation's setup in English.
    pub(super) fn situation(&self, template: Option<&str>) -> Option<String> {
        self.render(&self.event.situation, &self.en_event.situation, template)
    }

    /// An episode's problem (the event's own or a generic obstacle) in English.
    pub(super) fn problem(&self, template: Option<&str>) -> Option<String> {
        self.render(&self.event.moments, &self.en_event.moments, template)
            .or_else(|| self.render(&self.lex.obstacles, &self.en.obstacles, template))
    }
}

/// A template filled and trimmed.
pub(super) fn line(s: &Slots, t: Option<&str>) -> Option<String> {
    t.map(|t| fill(t, s).trim().to_string())
}

/// A "problem || solution" template as two sentences.
pub(super) fn pair(s: &Slots, t: Option<&str>) -> (Option<String>, Option<String>) {
    match t.map(|t| t.split_once(" || ").unwrap_or((t, ""))) {
        Some((a, b)) => (
            Some(fill(a, s).trim().to_string()),
            (!b.is_empty()).then(|| fill(b, s).trim().to_string()),
        ),
        None => (None, None),
    }
}

/// A last line split into its story sentence and its short goodnight, if it has one.
pub(super) fn sign_off(line: &str) -> Option<(&str, &str)> {
    let at = line.find(". ")?;
    let (body, rest) = (&line[..=at], line[at + 2..].trim());
    (!rest.is_empty() && rest.split_whitespace().count() <= 6).then_some((body, rest))
}

/// `sentence` opened by a connective ("Then", "Meanwhile"): the first letter goes lowercase
/// (not for names, "I", German nouns, or a lead that ends its own clause with ':' or '?').
/// Sentences that open with a quote, or already with a connective (a comma early on), stay.
pub(super) fn with_lead(
    sentence: Option<String>,
    lead: Option<&str>,
    slots: &Slots,
) -> Option<String> {
    let (Some(sentence), Some(lead)) = (sentence.as_ref(), lead) else {
        return sentence;
    };
    let early_comma = sentence
        .char_indices()
        .take_while(|(i, _)| *i < 28)
        .any(|(_, c)| c == ',');
    // Sentences that already open with a connective of their own.
    const STARTERS: [&str; 37] = [
        "At",
        "Au",
        "À",
        "Al",
        "Am",
        "Auf",
        "All'inizio",
        "Soon",
        "Then",
        "Suddenly",
        "Just",
        "Halfway",
        "Later",
        "Before",
        "After",
        "Once",
        "When",
        "Bientôt",
        "Puis",
        "Soudain",
        "Ensuite",
        "Quand",
        "Pronto",
        "Luego",
        "Entonces",
        "De",
        "Cuando",
        "Presto",
        "Poi",
        "Dopo",
        "Quando",
        "All'improvviso",
        "Bald",
        "Dann",
        "Plötzlich",
        "Als",
        "Poco",
    ];
    let opener = sentence
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or_default();
    if early_comma
        || describes(sentence, slots.language)
        || STARTERS.contains(&opener)
        || sentence.starts_with(|c: char| !c.is_alphabetic())
    {
        return Some(sentence.clone());
    }
    let first = sentence.split_whitespace().next().unwrap_or_default();
    let keep = lead.ends_with([':', '?'])
        || matches!(slots.language, Some(crate::Language::De))
        || (first == "I" && matches!(slots.language, Some(crate::Language::En) | None))
        || [&slots.name, &slots.companion]
            .iter()
            .any(|n| !n.is_empty() && first.starts_with(n.as_str()));
    let body = if keep {
        sentence.clone()
    } else {
        let mut chars = sentence.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    };
    let glue = if lead.ends_with([':', '?']) {
        " "
    } else {
        ", "
    };
    Some(format!("{lead}{glue}{body}"))
}

/// Whether `sentence` describes how things were (a past perfect, an imperfect "was") rather
/// than telling what happened next: "Then, a bee had landed on a flower" and "Meanwhile, the
/// pebbles were smooth" read wrong, so such sentences take no connective. German connectives
/// end their own clause ("Und weißt du was?") and fit either kind.
pub(super) fn describes(sentence: &str, language: Option<Language>) -> bool {
    let markers: &[&str] = match language {
        Some(Language::En) | None => &["had", "was", "were"],
        Some(Language::Fr) => &["avait", "avaient", "était", "étaient"],
        Some(Language::Es) => &["había", "habían", "estaba", "estaban", "era", "eran"],
        Some(Language::It) => &["aveva", "avevano", "era", "erano", "stava", "stavano"],
        Some(Language::De) => &[],
    };
    // French and Italian imperfects by their endings ("brillait", "brillava"), minus the
    // everyday words that end the same way.
    let imperfect = |w: &str| match language {
        Some(Language::Fr) => {
            (w.ends_with("ait") || w.ends_with("aient"))
                && !["fait", "lait", "trait", "parfait", "souhait", "portrait"].contains(&w)
        }
        Some(Language::It) => {
            w.chars().count() > 5
                && ["ava", "avano", "eva", "evano", "iva", "ivano"]
                    .iter()
                    .any(|end| w.ends_with(end))
        }
        _ => false,
    };
    let first_clause = sentence.split([',', ';', ':']).next().unwrap_or_default();
    first_clause
        .split_whitespace()
        .take(9)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| markers.contains(&w.as_str()) || imperfect(&w))
}
