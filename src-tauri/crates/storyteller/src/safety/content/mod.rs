//! The safety filter's words as data: what it refuses, what it rewrites kindly and what it says,
//! read from the crate's `content/safety.toml` (the refusal categories, in the order they are
//! checked) and `content/<language>/safety.toml` (each category's words, the kind rewrites and
//! the refusal message), embedded at compile time and parsed once.
//!
//! Loading checks every file: every category listed and never empty, every pattern well formed
//! and listed once, every rewrite a pair, the message's lead and every tip present, no key nobody
//! reads. `tests::the_safety_words_are_complete_in_every_language` fails naming the file, the
//! place and what is wrong; `tests::every_replacement_passes_the_filter` that no kind rewrite
//! needs rewriting or refusing itself. A problem never stops the filter: the entry is left out.

use std::collections::HashMap;
use std::sync::LazyLock;

use toml::{Table, Value};

use crate::Language;

macro_rules! embed {
    ($dir:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/content/",
            $dir,
            "safety.toml"
        ))
    };
}

/// The categories, in the order text is checked.
const CATALOGUE: &str = embed!("");

/// Every story language's file: one line registers a language. English first: its words are
/// checked in every language, before the language's own.
const LANGUAGES: [(Language, &str); 5] = [
    (Language::En, embed!("en/")),
    (Language::Fr, embed!("fr/")),
    (Language::Es, embed!("es/")),
    (Language::De, embed!("de/")),
    (Language::It, embed!("it/")),
];

/// One language's words.
#[derive(Debug)]
pub(super) struct LanguageRules {
    pub language: Language,
    /// Per category (the catalogue's order): the patterns that refuse the text.
    pub refuse: Vec<Vec<String>>,
    /// (word or `stem*`, kind replacement), in the order they are tried.
    pub swaps: Vec<(String, String)>,
    /// The refusal's lead, with `{found}`.
    pub lead: String,
    /// Per category: what to write instead.
    pub tips: Vec<String>,
}

/// Everything the filter knows.
#[derive(Debug, Default)]
pub(super) struct Rules {
    /// Category ids, in the order text is checked.
    pub categories: Vec<String>,
    /// English words that are ordinary words in other languages: only checked in English text.
    pub english_only: Vec<String>,
    /// English first, then the other languages.
    pub languages: Vec<LanguageRules>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub problems: Vec<String>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let rules = load(CATALOGUE, &LANGUAGES);
    for problem in &rules.problems {
        tracing::error!("safety words: {problem}");
    }
    rules
});

/// The loaded words.
pub(super) fn rules() -> &'static Rules {
    &RULES
}

impl Rules {
    /// The words of `language` (English's when a language has no file).
    pub fn language(&self, language: Language) -> Option<&LanguageRules> {
        self.languages
            .iter()
            .find(|r| r.language == language)
            .or(self.languages.first())
    }
}

/// Problems are "file: where — what".
struct Problems<'a> {
    file: &'a str,
    out: &'a mut Vec<String>,
}

impl Problems<'_> {
    fn at(&mut self, at: &str, what: impl std::fmt::Display) {
        self.out.push(format!("{}: {at} — {what}", self.file));
    }
}

fn parse(name: &str, text: &str, problems: &mut Vec<String>) -> Table {
    text.parse::<Table>().unwrap_or_else(|e| {
        problems.push(format!("{name}: not valid TOML: {e}"));
        Table::new()
    })
}

/// Parses and checks the catalogue and every language's file.
pub(super) fn load(catalogue: &str, languages: &[(Language, &str)]) -> Rules {
    let mut rules = Rules::default();
    let name = "content/safety.toml";
    let table = parse(name, catalogue, &mut rules.problems);
    let mut p = Problems {
        file: name,
        out: &mut rules.problems,
    };
    for (key, _) in table.iter().filter(|(k, _)| *k != "categories") {
        p.at(key, "not used by the safety filter");
    }
    let ids = strings(&mut p, "categories", table.get("categories"));
    for id in ids {
        if rules.categories.contains(&id) {
            p.at(&format!("categories.{id}"), "the id is listed twice");
        } else {
            rules.categories.push(id);
        }
    }
    for (language, text) in languages {
        let name = format!("content/{}/safety.toml", language.id());
        let table = parse(&name, text, &mut rules.problems);
        let mut p = Problems {
            file: &name,
            out: &mut rules.problems,
        };
        let own = language_rules(&mut p, *language, &rules.categories, &table);
        match table.get("english_only") {
            Some(value) if *language == Language::En => {
                for word in strings(&mut p, "english_only", Some(value)) {
                    if !own.refuse.iter().flatten().any(|w| *w == word) {
                        p.at(
                            &format!("english_only.{word}"),
                            "not in any [refuse] list of this file",
                        );
                    }
                    rules.english_only.push(word);
                }
            }
            Some(_) => p.at(
                "english_only",
                "only content/en/safety.toml has english_only",
            ),
            None if *language == Language::En => p.at("english_only", "missing"),
            None => {}
        }
        rules.languages.push(own);
    }
    rules
}

fn language_rules(
    p: &mut Problems,
    language: Language,
    categories: &[String],
    table: &Table,
) -> LanguageRules {
    let mut own = LanguageRules {
        language,
        refuse: Vec::new(),
        swaps: Vec::new(),
        lead: String::new(),
        tips: Vec::new(),
    };
    for key in table.keys() {
        if !["english_only", "refuse", "soften", "message"].contains(&key.as_str()) {
            p.at(
                key,
                "not used by the safety filter (use [refuse], [soften] or [message])",
            );
        }
    }
    let refuse = section(p, table, "refuse");
    let mut seen: HashMap<String, String> = HashMap::new();
    for category in categories {
        let at = format!("refuse.{category}");
        let mut patterns = Vec::new();
        for pattern in strings(p, &at, refuse.get(category)) {
            if let Err(what) = well_formed(&pattern, true) {
                p.at(&format!("{at}: {pattern:?}"), what);
            } else if let Some(first) = seen.get(&pattern) {
                p.at(
                    &format!("{at}: {pattern:?}"),
                    format!("listed twice (also in refuse.{first})"),
                );
            } else {
                seen.insert(pattern.clone(), category.clone());
                patterns.push(pattern);
            }
        }
        own.refuse.push(patterns);
    }
    unknown(p, "refuse", &refuse, categories);
    let soften = section(p, table, "soften");
    unknown(p, "soften", &soften, &["swaps".to_string()]);
    let swaps = soften.get("swaps").and_then(Value::as_array);
    if swaps.is_none_or(Vec::is_empty) {
        p.at(
            "soften.swaps",
            "missing: a list of [\"word\", \"replacement\"] is expected",
        );
    }
    for pair in swaps.into_iter().flatten() {
        let (word, replacement) = match pair.as_array().map(Vec::as_slice) {
            Some([Value::String(w), Value::String(r)]) => (w, r),
            _ => {
                p.at(
                    "soften.swaps",
                    format!("{pair} is not a [\"word\", \"replacement\"] pair"),
                );
                continue;
            }
        };
        let at = format!("soften.swaps: {word:?}");
        if let Err(what) = well_formed(word, false) {
            p.at(&at, what);
        } else if replacement.trim().is_empty() || replacement.trim() != replacement {
            p.at(&at, "the replacement is empty or has spaces around it");
        } else if own.swaps.iter().any(|(w, _)| w == word) {
            p.at(&at, "listed twice");
        } else {
            own.swaps.push((word.clone(), replacement.clone()));
        }
    }
    let message = section(p, table, "message");
    unknown(p, "message", &message, &["lead".into(), "tips".into()]);
    match message.get("lead").and_then(Value::as_str) {
        Some(lead) if lead.contains("{found}") => own.lead = lead.to_string(),
        Some(_) => p.at("message.lead", "needs {found} (where the words found go)"),
        None => p.at("message.lead", "missing"),
    }
    let tips = message
        .get("tips")
        .and_then(Value::as_table)
        .cloned()
        .unwrap_or_default();
    for category in categories {
        match tips.get(category).and_then(Value::as_str) {
            Some(tip) if !tip.trim().is_empty() => own.tips.push(tip.to_string()),
            _ => {
                p.at(&format!("message.tips.{category}"), "missing");
                own.tips.push(String::new());
            }
        }
    }
    unknown(p, "message.tips", &tips, categories);
    own
}

/// The table `[name]` (empty, and reported, when missing).
fn section(p: &mut Problems, table: &Table, name: &str) -> Table {
    match table.get(name).and_then(Value::as_table) {
        Some(section) => section.clone(),
        None => {
            p.at(&format!("[{name}]"), "missing");
            Table::new()
        }
    }
}

/// Reports the keys of `table` (at `path`) that are not `known`.
fn unknown(p: &mut Problems, path: &str, table: &Table, known: &[String]) {
    for key in table.keys().filter(|k| !known.contains(k)) {
        p.at(
            &format!("{path}.{key}"),
            "not used by the safety filter (a category content/safety.toml does not list?)",
        );
    }
}

/// A non-empty list of texts at `at`.
fn strings(p: &mut Problems, at: &str, value: Option<&Value>) -> Vec<String> {
    let Some(list) = value.and_then(Value::as_array).filter(|l| !l.is_empty()) else {
        p.at(at, "missing or empty: a list of words is expected");
        return Vec::new();
    };
    list.iter()
        .filter_map(|v| {
            let text = v.as_str().map(str::to_string);
            if text.is_none() {
                p.at(at, format!("{v} is not a text"));
            }
            text
        })
        .collect()
}

/// A pattern the filter can match: lowercase, single spaces, `*` only at the end, `~` only
/// around a whole pattern (and only where `parts` are allowed).
fn well_formed(pattern: &str, parts: bool) -> Result<(), &'static str> {
    let core = match pattern.strip_prefix('~').and_then(|p| p.strip_suffix('~')) {
        Some(part) if parts => part,
        Some(_) => return Err("~part~ is only for [refuse] lists"),
        None => pattern.strip_suffix('*').unwrap_or(pattern),
    };
    if core.is_empty() || core.trim() != core || core.contains("  ") {
        return Err("empty, or spaces around or doubled");
    }
    if core.to_lowercase() != core {
        return Err("must be lowercase (text is compared in lowercase)");
    }
    if core.contains(['*', '~']) {
        return Err("`*` goes only at the end, `~` only around a whole part");
    }
    if core.contains('’') {
        return Err("write the apostrophe as ' (text is normalised to it)");
    }
    Ok(())
}

#[cfg(test)]
mod tests;
