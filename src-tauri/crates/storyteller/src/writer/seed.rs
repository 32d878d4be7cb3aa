//! What a custom event is about, read from the free text a parent typed: its key phrase (the
//! first clause of the prompt seed, without "a story about…") and, when it says so, the wish
//! it describes ("wants to learn to swim" → "learn to swim").

use super::lexicon::Lexicon;
use crate::Language;

/// The most words a key phrase or wish keeps.
const MAX_WORDS: usize = 12;

/// `(key phrase, wish)` of `text` in `language`; the wish is empty when the text states none.
pub(super) fn read_seed(
    text: &str,
    lex: &Lexicon,
    language: Language,
    hero: &str,
) -> (String, String) {
    let clause = text
        .split(['.', '!', '?', ';', '\n'])
        .map(str::trim)
        .find(|c| !c.is_empty())
        .unwrap_or_default();
    let mut clause = clause.trim_matches(quote_or_space);
    for filler in &lex.seed_fillers {
        if let Some(rest) = strip_prefix_ci(clause, filler) {
            clause = rest.trim_start();
            break;
        }
    }
    let mut markers: Vec<&str> = lex.wish_markers.to_vec();
    markers.sort_by_key(|m| std::cmp::Reverse(m.len()));
    let goal = markers
        .iter()
        .find_map(|m| find_ci(clause, m).map(|at| &clause[at + m.len()..]))
        .map(|rest| shorten(rest, 0))
        .unwrap_or_default();
    let phrase = shorten(clause, 8);
    (sentence_inner(&phrase, language, hero), goal)
}

fn quote_or_space(c: char) -> bool {
    c.is_whitespace() || "\"'“”„«»‹›".contains(c)
}

/// At most `MAX_WORDS` words, cut at the first comma when longer than `cut_at` words, without
/// closing punctuation or quotes.
fn shorten(text: &str, cut_at: usize) -> String {
    let mut text = text.trim();
    if text.split_whitespace().count() > cut_at
        && let Some((head, _)) = text.split_once(',')
    {
        text = head;
    }
    let words: Vec<&str> = text.split_whitespace().take(MAX_WORDS).collect();
    words
        .join(" ")
        .trim_end_matches([',', ':', '-', '–', '—'])
        .trim_matches(quote_or_space)
        .to_string()
}

/// The phrase as it reads inside a sentence: a lowercase first letter, except for German
/// nouns, names (the hero's, or any word written in capitals) and "I".
fn sentence_inner(phrase: &str, language: Language, hero: &str) -> String {
    let first = phrase.split_whitespace().next().unwrap_or_default();
    // German keeps its capitals (nouns), except for a leading article, possessive or
    // preposition: "eine Nacht im Zelt" reads inside a sentence, "Eine Nacht im Zelt" does not.
    const DE_LOWER: [&str; 24] = [
        "Ein", "Eine", "Einen", "Einem", "Der", "Die", "Das", "Den", "Dem", "Mein", "Meine",
        "Unser", "Unsere", "Sein", "Seine", "Ihr", "Ihre", "Im", "Am", "Beim", "Zum", "Zur", "Mit",
        "Auf",
    ];
    let keep = (language == Language::De && !DE_LOWER.contains(&first))
        || first.is_empty()
        || first == "I"
        || first.trim_end_matches(|c: char| !c.is_alphanumeric()) == hero
        || first.starts_with(hero) && !hero.is_empty()
        || (first.chars().count() > 1 && first.chars().all(|c| !c.is_lowercase()));
    if keep {
        return phrase.to_string();
    }
    let mut chars = phrase.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` without `prefix` (compared case-insensitively).
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.len();
    (text.len() >= n && text.is_char_boundary(n) && text[..n].to_lowercase() == prefix)
        .then(|| &text[n..])
}

/// Where `needle` (lowercase) starts in `text` at a word boundary, case-insensitively.
fn find_ci(text: &str, needle: &str) -> Option<usize> {
    text.char_indices().map(|(i, _)| i).find(|&i| {
        let boundary = i == 0 || text[..i].ends_with(|c: char| !c.is_alphanumeric());
        boundary && strip_prefix_ci(&text[i..], needle).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::writer::lexicon;

    fn read(text: &str, language: Language) -> (String, String) {
        read_seed(text, lexicon(language), language, "Mia")
    }

    #[test]
    fn key_phrases_and_wishes_are_read_in_every_language() {
        assert_eq!(
            read("A story about a lost teddy bear.", Language::En).0,
            "a lost teddy bear"
        );
        assert_eq!(
            read("Camping in the backyard", Language::En).0,
            "camping in the backyard"
        );
        assert_eq!(
            read("Mia wants to learn to ride a bike, with Dad", Language::En),
            (
                "Mia wants to learn to ride a bike".into(),
                "learn to ride a bike".into()
            )
        );
        assert_eq!(
            read("Une histoire sur le doudou perdu", Language::Fr).0,
            "le doudou perdu"
        );
        assert_eq!(
            read("Mia veut apprendre à nager", Language::Fr).1,
            "apprendre à nager"
        );
        assert_eq!(
            read("Mia quiere aprender a nadar", Language::Es).1,
            "aprender a nadar"
        );
        assert_eq!(read("Zelten im Garten", Language::De).0, "Zelten im Garten");
        assert_eq!(
            read("Eine Nacht im Zelt", Language::De).0,
            "eine Nacht im Zelt"
        );
        assert_eq!(
            read("Mia möchte schwimmen lernen", Language::De).1,
            "schwimmen lernen"
        );
        assert_eq!(
            read("Mia vuole imparare a nuotare", Language::It).1,
            "imparare a nuotare"
        );
        assert_eq!(read("  «Primo giorno» ", Language::It).0, "primo giorno");
    }
}
