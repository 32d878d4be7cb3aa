//! A fixed set of stories to compare the writer's output before and after a content change:
//! 5 languages × (21 built-in events + 7 custom events) × 60/300/600/900 s = 560 stories, every
//! pronoun, with and without a look and an ability. `print_comparison_set` writes them (text and
//! illustration prompts, one `=== label` block each) to `$STORY_SET_OUT`; two such files are
//! compared block by block to say how many stories a change touched.

use super::OfflineWriter;
use crate::{
    AgeRange, BuiltInEvent, CustomEventSpec, EventCategory, EventSpec, EventTone, HeroDraft,
    Language, Pronouns, StoryBrief, Trait, Voice,
};

/// The seven custom events of the set: ordinary seeds and wishes, both tones.
const CUSTOM: [(&str, &str, EventTone); 7] = [
    (
        "First day at school",
        "Emma starts at a new school",
        EventTone::Funny,
    ),
    (
        "Camping",
        "camping in the garden with a lantern",
        EventTone::Calming,
    ),
    (
        "Lost teddy",
        "wants to find the lost teddy bear",
        EventTone::Calming,
    ),
    ("New puppy", "a new puppy comes home", EventTone::Funny),
    (
        "Grandma's visit",
        "Grandma comes to stay for the weekend",
        EventTone::Calming,
    ),
    ("Swimming", "wants to learn to swim", EventTone::Funny),
    (
        "Moving house",
        "moving to a new house in the city",
        EventTone::Calming,
    ),
];

/// The labelled briefs of the set, in a fixed order.
pub(super) fn comparison_set() -> Vec<(String, StoryBrief)> {
    let pronouns = [
        Some(Pronouns::She),
        Some(Pronouns::He),
        Some(Pronouns::They),
        None,
    ];
    let traits = [
        (Trait::Brave, Trait::Kind),
        (Trait::Smart, Trait::Adventurous),
        (Trait::Funny, Trait::Helpful),
        (Trait::Curious, Trait::Magical),
        (Trait::Gentle, Trait::Creative),
    ];
    let mut events: Vec<(String, EventSpec)> = BuiltInEvent::ALL
        .iter()
        .map(|e| (e.to_string(), EventSpec::BuiltIn(*e)))
        .collect();
    for (i, (title, seed, tone)) in CUSTOM.iter().enumerate() {
        events.push((
            format!("custom_{i}"),
            EventSpec::Custom(CustomEventSpec {
                title: (*title).into(),
                description: (*seed).into(),
                prompt_seed: (*seed).into(),
                category: EventCategory::Adventure,
                tone: *tone,
                age_range: AgeRange::FourToSix,
                keywords: vec!["lantern".into()],
            }),
        ));
    }
    let mut set = Vec::new();
    let mut n = 0usize;
    for language in Language::ALL.iter().copied() {
        for (label, event) in &events {
            for seconds in [60, 300, 600, 900] {
                let (a, b) = traits[n % traits.len()];
                let mut hero = HeroDraft::new("Luna", a, b);
                hero.pronouns = pronouns[n % pronouns.len()];
                if n.is_multiple_of(2) {
                    hero = hero
                        .with_appearance("curly red hair")
                        .with_ability("can talk to owls");
                }
                let brief = StoryBrief::new(
                    hero,
                    event.clone(),
                    seconds,
                    language,
                    Voice::Coral,
                    n as u64,
                );
                set.push((format!("{language} {label} {seconds}s"), brief));
                n += 1;
            }
        }
    }
    set
}

#[test]
#[ignore]
fn print_comparison_set() {
    use std::fmt::Write as _;
    let writer = OfflineWriter::new();
    let mut out = String::new();
    for (label, brief) in comparison_set() {
        let draft = writer.write_now(&brief).unwrap();
        let _ = writeln!(out, "=== {label}\n{}", draft.content);
        for scene in &draft.scenes {
            let _ = writeln!(out, "--- {}", scene.illustration_prompt);
        }
    }
    let path = std::env::var("STORY_SET_OUT").unwrap_or("/tmp/story-set.txt".into());
    std::fs::write(&path, out).unwrap();
    println!("wrote {path}");
}
