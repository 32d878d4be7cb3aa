//! The content check: everything loads with no problem, and each kind of problem is reported
//! with its file, its id and what is wrong.

use super::*;

#[test]
fn the_content_is_complete_in_every_language() {
    let problems = problems();
    assert!(
        problems.is_empty(),
        "{} problems in the story content:\n{}",
        problems.len(),
        problems.join("\n")
    );
    for language in Language::ALL {
        assert!(
            CONTENT.lexicons.iter().any(|(l, _)| l == language),
            "{language}: no content registered in writer/content/mod.rs LANGUAGES"
        );
    }
    for (language, lex) in &CONTENT.lexicons {
        for (event, words) in BuiltInEvent::ALL.iter().zip(&lex.events) {
            // Five plots at least, so a story a night does not repeat its plot every third
            // night.
            assert!(
                words.situation.len() >= 5,
                "content/events.toml: {event}.situations — {language} has {}, five at least",
                words.situation.len()
            );
        }
    }
}

#[test]
fn what_is_wrong_is_reported_with_the_file_the_id_and_what() {
    let parse = |name: &str, text: &str| File {
        name: name.to_string(),
        table: text.parse().unwrap(),
    };
    let files: &'static Files = Box::leak(Box::new(Files {
        catalogues: vec![(
            "test",
            parse(
                "content/test.toml",
                r#"pool = ["one", { id = "two", needs = ["comfort", "fix"] }, { id = "three", time = "night" }, "one", { id = "five", only = ["fr"] }, { id = "six", only = ["en"] }]"#,
            ),
        )],
        languages: vec![(
            Language::En,
            vec![(
                "test",
                parse(
                    "content/xx/test.toml",
                    "[pool]\none = \"Hello {N}\"\nthree = \"{NAME} slept || {r:well|{BAD}}\"\nfour = \"extra\"\nfive = \"Bonjour\"\nsix = \"Only in English\"\n\n[stray]\nx = \"y\"",
                ),
            )],
        )],
        problems: Vec::new(),
    }));
    let mut loader = Loader {
        language: Language::En,
        problems: Vec::new(),
        read: HashSet::new(),
    };
    let (cat, own) = (&files.catalogues[0].1, &files.languages[0].1[0].1);
    let pool = loader.pool(cat, own, "pool", false);
    loader.unread(files);
    let ids: Vec<&str> = pool.iter().map(|i| i.id).collect();
    assert_eq!(ids, ["one", "three", "six"]);
    assert_eq!(pool[0].needs, ANY);
    let expected = [
        "content/test.toml: pool.two — unknown need \"fix\"",
        "content/test.toml: pool.three — unknown tag time",
        "content/test.toml: pool.one — the id is listed twice",
        "content/xx/test.toml: pool.four — not in content/test.toml",
        "content/xx/test.toml: pool.two — missing (listed in content/test.toml)",
        "content/xx/test.toml: pool.three — unknown placeholder {NAME}",
        "content/xx/test.toml: pool.three — unknown placeholder {BAD}",
        "content/xx/test.toml: stray.x — not used by the writer",
        "content/xx/test.toml: pool.five — content/test.toml tells it only in fr",
    ];
    for line in expected {
        assert!(
            loader.problems.iter().any(|p| p.starts_with(line)),
            "“{line}” not reported in {:#?}",
            loader.problems
        );
    }
    assert_eq!(
        loader.problems.len(),
        expected.len(),
        "{:#?}",
        loader.problems
    );
}

#[test]
fn night_stories_leave_out_what_is_tagged_daylight() {
    // Told by daylight in English: the butterfly, the afternoon, warm sunshine, the dragonfly.
    let day = [
        "butterfly",
        "afternoon",
        "warm from the sun",
        "dragonfly",
        "bread and sunshine",
    ];
    let writer = super::super::OfflineWriter::new();
    let told = |event: BuiltInEvent| {
        (0..40)
            .map(|seed| {
                let hero = crate::HeroDraft::new("Luna", Trait::Kind, Trait::Curious);
                let brief = crate::StoryBrief::new(
                    hero,
                    crate::EventSpec::BuiltIn(event),
                    600,
                    Language::En,
                    crate::Voice::Coral,
                    seed,
                );
                writer.write_now(&brief).unwrap().content
            })
            .collect::<Vec<_>>()
    };
    for event in [BuiltInEvent::BedtimeAdventure, BuiltInEvent::StarlightTrain] {
        assert!(event_look(event).night);
        for (seed, story) in told(event).iter().enumerate() {
            for word in day {
                assert!(
                    !story.contains(word),
                    "{event} seed {seed} tells “{word}” at night"
                );
            }
        }
    }
    // The same details still come by day.
    let by_day = told(BuiltInEvent::WeekendExplorer);
    assert!(!event_look(BuiltInEvent::WeekendExplorer).night);
    for word in ["butterfly", "dragonfly"] {
        assert!(
            by_day.iter().any(|s| s.contains(word)),
            "“{word}” never told by day"
        );
    }
}
