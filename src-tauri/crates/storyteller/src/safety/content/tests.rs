use super::*;
use crate::SafetyVerdict;
use crate::safety::OfflineSafety;

#[test]
fn the_safety_words_are_complete_in_every_language() {
    let rules = rules();
    assert!(
        rules.problems.is_empty(),
        "the safety words have problems:\n{}",
        rules.problems.join("\n")
    );
    for language in Language::ALL {
        assert!(
            rules.languages.iter().any(|r| r.language == *language),
            "{language:?} has no content/{}/safety.toml in LANGUAGES",
            language.id()
        );
    }
    assert_eq!(
        rules.languages[0].language,
        Language::En,
        "English is checked first"
    );
    for own in &rules.languages {
        assert_eq!(own.refuse.len(), rules.categories.len());
        assert!(
            own.refuse.iter().all(|words| !words.is_empty()),
            "{:?}",
            own.language
        );
        assert!(!own.swaps.is_empty() && own.tips.iter().all(|t| !t.is_empty()));
    }
}

#[test]
fn every_replacement_passes_the_filter() {
    let filter = OfflineSafety::new();
    for own in &rules().languages {
        for (word, replacement) in &own.swaps {
            assert_eq!(
                filter.check_text(replacement, own.language),
                SafetyVerdict::Pass,
                "content/{}/safety.toml: soften.swaps: {word:?} → {replacement:?} is not safe itself",
                own.language.id()
            );
        }
    }
}

#[test]
fn what_is_wrong_is_reported_with_the_file_the_place_and_what() {
    let catalogue = "categories = [\"violence\", \"fear\", \"violence\"]\nextra = 1\n";
    let en = r#"
english_only = ["die", "war"]
colour = "blue"

[refuse]
violence = ["kill*", "Blood", "die", "kill*", "st*ab"]
scary = ["boo"]

[soften]
swaps = [["scary", "surprising"], ["scary", "odd"], ["~dark~", "light"], "alone", ["cry", " "]]

[message]
lead = "No."

[message.tips]
violence = "Be kind."
weapons = "Use a lantern."
"#;
    let fr = "english_only = [\"die\"]\n[refuse]\nviolence = []\nfear = [\"horreur\"]\n";
    let rules = load(catalogue, &[(Language::En, en), (Language::Fr, fr)]);
    let expected = [
        "content/safety.toml: extra — not used by the safety filter",
        "content/safety.toml: categories.violence — the id is listed twice",
        "content/en/safety.toml: colour — not used by the safety filter (use [refuse], [soften] or [message])",
        "content/en/safety.toml: refuse.violence: \"Blood\" — must be lowercase (text is compared in lowercase)",
        "content/en/safety.toml: refuse.violence: \"kill*\" — listed twice (also in refuse.violence)",
        "content/en/safety.toml: refuse.violence: \"st*ab\" — `*` goes only at the end, `~` only around a whole part",
        "content/en/safety.toml: refuse.fear — missing or empty: a list of words is expected",
        "content/en/safety.toml: refuse.scary — not used by the safety filter (a category content/safety.toml does not list?)",
        "content/en/safety.toml: soften.swaps: \"scary\" — listed twice",
        "content/en/safety.toml: soften.swaps: \"~dark~\" — ~part~ is only for [refuse] lists",
        "content/en/safety.toml: soften.swaps — \"alone\" is not a [\"word\", \"replacement\"] pair",
        "content/en/safety.toml: soften.swaps: \"cry\" — the replacement is empty or has spaces around it",
        "content/en/safety.toml: message.lead — needs {found} (where the words found go)",
        "content/en/safety.toml: message.tips.fear — missing",
        "content/en/safety.toml: message.tips.weapons — not used by the safety filter (a category content/safety.toml does not list?)",
        "content/en/safety.toml: english_only.war — not in any [refuse] list of this file",
        "content/fr/safety.toml: refuse.violence — missing or empty: a list of words is expected",
        "content/fr/safety.toml: [soften] — missing",
        "content/fr/safety.toml: soften.swaps — missing: a list of [\"word\", \"replacement\"] is expected",
        "content/fr/safety.toml: [message] — missing",
        "content/fr/safety.toml: message.lead — missing",
        "content/fr/safety.toml: message.tips.violence — missing",
        "content/fr/safety.toml: message.tips.fear — missing",
        "content/fr/safety.toml: english_only — only content/en/safety.toml has english_only",
    ];
    let missing: Vec<&str> = expected
        .iter()
        .filter(|e| !rules.problems.iter().any(|p| p == *e))
        .copied()
        .collect();
    assert!(
        missing.is_empty() && rules.problems.len() == expected.len(),
        "missing:\n{}\n\nreported:\n{}",
        missing.join("\n"),
        rules.problems.join("\n")
    );
    // What is well formed is still loaded.
    assert_eq!(rules.categories, ["violence", "fear"]);
    assert_eq!(rules.languages[0].refuse[0], ["kill*", "die"]);
    assert_eq!(
        rules.languages[0].swaps,
        [("scary".into(), "surprising".into())]
    );
    assert_eq!(rules.english_only, ["die", "war"]);
}
