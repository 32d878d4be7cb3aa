//! The offline safety filter for family-written text (custom events, hero details, avatar
//! prompts) in five languages, following the original app's rules: nothing violent, scary,
//! adult or unsafe; the child is never alone. Mild words are rewritten kindly ("scary" →
//! "surprising"); anything that cannot be softened is refused with a message, in the family's
//! language, that says what to change. The words and messages are data: `content/safety.toml`
//! and `content/<language>/safety.toml`, loaded by [`content`].

mod content;

use async_trait::async_trait;

use crate::{Language, Result, SafetyFilter, SafetyVerdict};

/// Rule-based filter: passes, rewrites kindly, or refuses.
#[derive(Debug, Default, Clone)]
pub struct OfflineSafety;

impl OfflineSafety {
    /// A filter with the built-in rules.
    pub fn new() -> Self {
        OfflineSafety
    }

    /// Checks `text` (written in `language`, English words are always checked too).
    pub fn check_text(&self, text: &str, language: Language) -> SafetyVerdict {
        let tokens = tokens(text);
        let joined = format!(
            " {} ",
            tokens
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let rules = content::rules();
        let mut found: Vec<(usize, &str)> = Vec::new();
        // English first (its words count in every language), then the language's own.
        let checked = rules
            .languages
            .iter()
            .filter(|r| r.language == Language::En || r.language == language);
        for own in checked {
            let foreign = own.language != language;
            for (category, patterns) in own.refuse.iter().enumerate() {
                for pattern in patterns {
                    // English stems would catch foreign words ("stab*" in French "stable"): in
                    // other languages only whole English words count.
                    if foreign && (rules.english_only.contains(pattern) || pattern.ends_with('*')) {
                        continue;
                    }
                    if matches(pattern, &tokens, &joined) {
                        found.push((category, pattern));
                    }
                }
            }
        }
        let own = rules.language(language);
        if let Some((category, _)) = found.first() {
            let words: Vec<&str> = found
                .iter()
                .map(|(_, w)| w.trim_end_matches('*').trim_matches('~'))
                .collect();
            let (lead, tip) = own
                .map(|o| {
                    (
                        o.lead.as_str(),
                        o.tips.get(*category).map_or("", String::as_str),
                    )
                })
                .unwrap_or_default();
            return SafetyVerdict::Refused {
                message: message(lead, tip, &words),
            };
        }
        let mut rewritten = text.to_string();
        let mut changes = Vec::new();
        // Swaps are language-specific: an English swap would garble a German sentence.
        let swaps = own
            .filter(|o| o.language == language)
            .map_or(&[][..], |o| &o.swaps[..]);
        for (word, replacement) in swaps {
            while let Some(next) = replace_word(&rewritten, word, replacement) {
                changes.push(format!(
                    "'{}' → '{replacement}'",
                    word.trim_end_matches('*')
                ));
                rewritten = next;
                if !word.ends_with('*') {
                    break;
                }
            }
        }
        if changes.is_empty() {
            SafetyVerdict::Pass
        } else {
            SafetyVerdict::Rewritten {
                text: rewritten,
                changes,
            }
        }
    }
}

#[async_trait]
impl SafetyFilter for OfflineSafety {
    async fn check(&self, text: &str, language: Language) -> Result<SafetyVerdict> {
        Ok(self.check_text(text, language))
    }
}

/// A kind refusal: `lead` naming (up to three of) the words found, then `tip`, what to write
/// instead.
fn message(lead: &str, tip: &str, words: &[&str]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for w in words {
        if !unique.contains(w) {
            unique.push(w);
        }
    }
    let found = unique
        .iter()
        .take(3)
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!("{} {tip}", lead.replace("{found}", &found))
}

/// Lowercase word tokens with their byte offsets.
fn tokens(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (c == '\'' || c == '’') && start.is_some() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, normalise(&text[s..i])));
        }
    }
    if let Some(s) = start {
        out.push((s, normalise(&text[s..])));
    }
    out
}

fn normalise(token: &str) -> String {
    token.to_lowercase().replace('’', "'")
}

/// `word` exact token; `stem*` token prefix; `~part~` anywhere in a token; `a b` a phrase.
fn matches(pattern: &str, tokens: &[(usize, String)], joined: &str) -> bool {
    if pattern.contains(' ') {
        return joined.contains(&format!(" {pattern} ")) || joined.contains(&format!(" {pattern}"));
    }
    if let Some(part) = pattern.strip_prefix('~').and_then(|p| p.strip_suffix('~')) {
        return tokens.iter().any(|(_, t)| t.contains(part));
    }
    if let Some(stem) = pattern.strip_suffix('*') {
        return tokens.iter().any(|(_, t)| t.starts_with(stem));
    }
    tokens.iter().any(|(_, t)| t == pattern)
}

/// Replaces whole-word (or whole-phrase), case-insensitive occurrences of `phrase`, keeping
/// a leading capital.
fn replace_word(text: &str, phrase: &str, replacement: &str) -> Option<String> {
    let toks = tokens(text);
    if let Some(stem) = phrase.strip_suffix('*') {
        // `stem*`: any token starting with the stem; its ending is kept ("gruseliges" →
        // "geheimnisvolles").
        let (at, token) = toks.iter().find(|(_, t)| t.starts_with(stem))?;
        let len: usize = text[*at..]
            .chars()
            .take(token.chars().count())
            .map(char::len_utf8)
            .sum();
        let ending = &token[stem.len()..];
        return Some(format!(
            "{}{replacement}{ending}{}",
            &text[..*at],
            &text[at + len..]
        ));
    }
    let words: Vec<&str> = phrase.split(' ').collect();
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i + words.len() <= toks.len() {
        if toks[i..i + words.len()]
            .iter()
            .zip(&words)
            .all(|((_, t), w)| t == w)
        {
            let (start, last) = (toks[i].0, &toks[i + words.len() - 1]);
            let end = last.0
                + text[last.0..]
                    .chars()
                    .take(last.1.chars().count())
                    .map(char::len_utf8)
                    .sum::<usize>();
            hits.push((start, end));
            i += words.len();
        } else {
            i += 1;
        }
    }
    if hits.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (start, end) in hits {
        out.push_str(&text[last..start]);
        if text[start..].starts_with(char::is_uppercase) {
            let mut chars = replacement.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(replacement);
        }
        last = end;
    }
    out.push_str(&text[last..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mild_words_are_rewritten_and_capitals_kept() {
        let verdict =
            OfflineSafety::new().check_text("Scary shadows in the dark forest", Language::En);
        let SafetyVerdict::Rewritten { text, changes } = verdict else {
            panic!("{verdict:?}")
        };
        assert_eq!(text, "Surprising shadows in the starry forest");
        assert_eq!(changes.len(), 2);
    }

    #[test]
    fn refusals_say_what_to_change_in_the_family_language() {
        let verdict = OfflineSafety::new().check_text("Le héros prend un couteau", Language::Fr);
        let SafetyVerdict::Refused { message } = verdict else {
            panic!("{verdict:?}")
        };
        assert!(message.contains("couteau"), "{message}");
    }

    #[test]
    fn words_inside_other_words_do_not_trigger() {
        let verdict =
            OfflineSafety::new().check_text("A warm wardrobe full of skills", Language::En);
        assert_eq!(verdict, SafetyVerdict::Pass);
    }
}

#[cfg(test)]
mod soften_tests {
    use super::*;

    fn rewritten(text: &str, language: Language) -> String {
        match OfflineSafety::new().check_text(text, language) {
            SafetyVerdict::Rewritten { text, .. } => text,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn softened_words_keep_the_article_in_front_of_them_right() {
        let cases = [
            (
                Language::Es,
                "El miedo a la oscuridad",
                "El respeto a la noche estrellada",
            ),
            (Language::Es, "Una pesadilla rara", "Una fantasía rara"),
            (Language::Es, "La bruja del bosque", "La maga del bosque"),
            (
                Language::It,
                "La paura del buio",
                "La trepidazione del buio",
            ),
            (
                Language::It,
                "Luca ha paura",
                "Luca ha un po' di batticuore",
            ),
            (
                Language::De,
                "Die Angst vor der Dunkelheit",
                "Die Aufregung vor der Sternennacht",
            ),
            (Language::De, "Mia hat Angst", "Mia ist aufgeregt"),
        ];
        for (language, text, expected) in cases {
            assert_eq!(rewritten(text, language), expected, "{language:?}");
        }
    }
}
