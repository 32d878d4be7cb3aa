//! How often a story repeats its hero's name: the share of sentences that name the hero twice
//! or more, and of sentences that name the hero right after a sentence that already did. A
//! neutral ("they") hero has no pronoun in French, Spanish, German or Italian, so a sentence
//! that says "he" or "she" for the others may say the name again for them.

use super::OfflineWriter;
use crate::{BuiltInEvent, EventSpec, HeroDraft, Language, Pronouns, StoryBrief, Trait, Voice};

/// A name no story sentence contains otherwise.
const NAME: &str = "Sami";

/// Repetition of the hero's name over a set of stories.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Repetition {
    pub sentences: usize,
    /// Sentences naming the hero twice or more.
    pub twice: usize,
    /// Sentences naming the hero right after one that did.
    pub in_a_row: usize,
}

impl Repetition {
    pub fn twice_share(&self) -> f64 {
        self.twice as f64 / self.sentences.max(1) as f64
    }
    pub fn in_a_row_share(&self) -> f64 {
        self.in_a_row as f64 / self.sentences.max(1) as f64
    }
}

/// The sentences of a story: cut after `.`, `!`, `?` (and a closing quote) before a space.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        // Closing quotes, French ones after a (narrow) space: "… plaît. » Sami".
        loop {
            match chars.get(j).map(|c| c.1) {
                Some('»' | '”' | '"' | '“') => j += 1,
                Some(' ' | '\u{a0}' | '\u{202f}')
                    if chars.get(j + 1).is_some_and(|c| c.1 == '»') =>
                {
                    j += 2
                }
                _ => break,
            }
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        // A new sentence starts with a capital or an opening quote ("« Sami ! » dit Pip" is one).
        let next_starts = chars
            .get(k)
            .is_none_or(|(_, c)| c.is_uppercase() || matches!(c, '«' | '“' | '„' | '"' | '—'));
        if k > j && next_starts || j == chars.len() {
            let end = chars.get(j).map_or(text.len(), |(e, _)| *e);
            let s = text[start..end].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Times `NAME` appears as a word in `sentence`.
fn names(sentence: &str) -> usize {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| *w == NAME)
        .count()
}

/// Counts the name's repetition in `text`.
pub(super) fn measure(text: &str, into: &mut Repetition) {
    let mut before = false;
    for s in sentences(text) {
        let n = names(s);
        into.sentences += 1;
        into.twice += usize::from(n >= 2);
        into.in_a_row += usize::from(n >= 1 && before);
        before = n >= 1;
    }
}

/// Ten-minute stories of every built-in event, `seeds` each, for a hero with `pronouns`.
pub(super) fn repetition(language: Language, pronouns: Pronouns, seeds: u64) -> Repetition {
    let writer = OfflineWriter::new();
    let mut total = Repetition::default();
    for (i, event) in BuiltInEvent::ALL.iter().enumerate() {
        for seed in 0..seeds {
            let traits = [
                (Trait::Brave, Trait::Kind),
                (Trait::Smart, Trait::Curious),
                (Trait::Funny, Trait::Helpful),
                (Trait::Gentle, Trait::Creative),
            ][(i + seed as usize) % 4];
            let brief = StoryBrief::new(
                HeroDraft::new(NAME, traits.0, traits.1).with_pronouns(pronouns),
                EventSpec::BuiltIn(*event),
                600,
                language,
                Voice::Coral,
                seed,
            );
            let text = writer.write_now(&brief).unwrap().content;
            if std::env::var_os("SHOW_NAME_TWICE").is_some() {
                for s in sentences(&text).into_iter().filter(|s| names(s) >= 2) {
                    println!("TWICE {language} {pronouns}: {s}");
                }
            }
            measure(&text, &mut total);
        }
    }
    total
}

#[test]
#[ignore]
fn print_name_repetition() {
    for language in Language::ALL.iter().copied() {
        for pronouns in Pronouns::ALL.iter().copied() {
            let r = repetition(language, pronouns, 5);
            println!(
                "{language} {pronouns:>4}: {} sentences, name twice {:.1} %, name in a row {:.1} %",
                r.sentences,
                100.0 * r.twice_share(),
                100.0 * r.in_a_row_share()
            );
        }
    }
}

#[test]
fn sentences_are_cut_after_their_stop() {
    let mut r = Repetition::default();
    measure(
        "Sami ran. « Sami ! » dit Pip. Sami and Sami? « Viens. » Sami rit at 3.5 o'clock.",
        &mut r,
    );
    assert_eq!((r.sentences, r.twice, r.in_a_row), (5, 1, 2));
}

#[test]
fn a_neutral_hero_s_name_is_not_repeated_within_a_sentence() {
    // Measured over 105 ten-minute stories per language and pronoun: before the rewording
    // 1.6 % (es), 1.9 % (fr), 3.9 % (de), 1.8 % (it) of the sentences named a neutral hero twice
    // (she/he 1.4–3.4 %, English 1.9 %); after it 0.0 % for every pronoun. A sentence naming the
    // hero right after one that did: 5.9–9.7 %, unchanged (English 9.6 %).
    for language in [Language::Fr, Language::Es, Language::De, Language::It] {
        let they = repetition(language, Pronouns::They, 3);
        let she = repetition(language, Pronouns::She, 3);
        assert!(
            they.twice_share() <= 0.003,
            "{language}: {:.1} % of the sentences name a neutral hero twice",
            100.0 * they.twice_share()
        );
        assert!(
            they.in_a_row_share() <= 0.10,
            "{language}: {:.1} % of the sentences name a neutral hero right after another did",
            100.0 * they.in_a_row_share()
        );
        assert!(
            they.twice_share() <= she.twice_share() + 0.001
                && they.in_a_row_share() <= she.in_a_row_share() + 0.005,
            "{language}: a neutral hero is named more often than a girl: {they:?} / {she:?}"
        );
    }
}
