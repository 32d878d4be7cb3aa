//! What each episode's problem needs, and which needs each trait act answers, so that a kind
//! hero comforts the lost hedgehog and a clever one reads the riddle — never the other way
//! round. Without this, an act drawn at random ("shared the last of the snack") could land on a
//! problem it has nothing to do with (a riddle painted on a gate) and read as bolted on.
//!
//! The needs are tags of the items in the content catalogues (`content/events.toml`,
//! `moments.toml`, `acts.toml`: `needs = ["comfort", "think"]`), read by `content`; an item
//! without them fits every problem.

use std::ops::BitOr;

/// A set of needs: what a problem asks for, or what an act gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Need(u8);

/// No need yet (the start of a union).
pub(super) const NONE: Need = Need(0);
/// Someone (an animal, a child, a cloud, a star) is sad, shy, lost or stuck and needs comfort,
/// company or courage (`"comfort"`).
pub(super) const C: Need = Need(1);
/// A way over, up or through: something to cross, reach, climb or carry over (`"cross"`).
pub(super) const X: Need = Need(2);
/// Something to mend, untangle, free, lift or put back (`"mend"`).
pub(super) const M: Need = Need(8);
/// Something has to be worked out, found, chosen, learned or understood (`"think"`).
pub(super) const T: Need = Need(4);
/// Fits every problem (custom-event episodes, the special ability, untagged pools).
pub(super) const ANY: Need = Need(15);

/// Every need with its name in the content files, in the order they are listed.
pub(super) const NAMES: [(&str, Need); 4] =
    [("comfort", C), ("cross", X), ("mend", M), ("think", T)];

impl Need {
    /// Whether an act giving `self` answers a problem needing `other`.
    pub(super) fn meets(self, other: Need) -> bool {
        self.0 & other.0 != 0
    }
}

impl BitOr for Need {
    type Output = Need;
    fn bitor(self, other: Need) -> Need {
        Need(self.0 | other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::decks::{companion_trait, trait_index};
    use super::*;
    use crate::Language;

    #[test]
    fn every_hero_can_answer_every_need() {
        // Whatever two traits a hero has, an act of theirs, of their neighbouring traits or a
        // teamwork line answers each need, so no kind of problem is closed to any hero.
        let en = super::super::lexicon(Language::En);
        let acts = |t: crate::Trait| en.traits[trait_index(t)].acts.iter().map(|a| a.needs);
        for a in crate::Trait::ALL.iter().copied() {
            for b in crate::Trait::ALL.iter().copied() {
                let pool: Vec<Need> = [a, b, companion_trait(a), companion_trait(b)]
                    .into_iter()
                    .flat_map(acts)
                    .chain(en.teamwork.iter().map(|a| a.needs))
                    .collect();
                for (_, need) in NAMES {
                    assert!(
                        pool.iter().any(|x| x.meets(need)),
                        "{a:?} + {b:?} cannot answer {need:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_act_answers_the_problem_it_follows() {
        let heroes = [
            (crate::Trait::Kind, crate::Trait::Gentle),
            (crate::Trait::Smart, crate::Trait::Adventurous),
            (crate::Trait::Brave, crate::Trait::Kind),
            (crate::Trait::Funny, crate::Trait::Helpful),
            (crate::Trait::Curious, crate::Trait::Magical),
        ];
        let mut checked = 0;
        // Problems needing only a way over, and only mending, that were met.
        let mut split = [0, 0];
        for language in Language::ALL.iter().copied() {
            for (i, event) in crate::BuiltInEvent::ALL.iter().enumerate() {
                let (a, b) = heroes[i % heroes.len()];
                for seed in 0..6 {
                    let request = crate::StoryBrief::new(
                        crate::HeroDraft::new("Luna", a, b),
                        crate::EventSpec::BuiltIn(*event),
                        420,
                        language,
                        crate::Voice::Coral,
                        seed,
                    );
                    let comp = super::super::composition(&request);
                    assert!(comp.episodes.len() >= 2, "{language:?} {event:?}");
                    for (needed, answered) in comp.episodes {
                        assert!(
                            answered.meets(needed),
                            "{language:?} {event:?} {a:?}+{b:?} seed {seed}: {answered:?} for {needed:?}"
                        );
                        // Crossing and mending are different needs: a way over is no answer to
                        // a tangled string, and untangling is no way over a stream.
                        for (only, other) in [(X, M), (M, X)] {
                            let only_that = answered == only;
                            let needs_other = needed.meets(other) && !needed.meets(only);
                            assert!(
                                !(only_that && needs_other),
                                "{language:?} {event:?} seed {seed}: a {only:?} act for a {other:?} problem"
                            );
                        }
                        if needed == X || needed == M {
                            split[usize::from(needed == M)] += 1;
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2_000, "{checked}");
        assert!(
            split[0] > 50 && split[1] > 100,
            "cross-only, mend-only: {split:?}"
        );
    }

    #[test]
    fn crossing_and_mending_are_different_needs() {
        assert!(!X.meets(M) && !M.meets(X));
        assert!((X | M).meets(M) && ANY.meets(X) && ANY.meets(M));
        let en = super::super::lexicon(Language::En);
        let needs_of = |text: &str| {
            en.obstacles
                .iter()
                .find(|o| o.text.contains(text))
                .unwrap_or_else(|| panic!("no obstacle “{text}”"))
                .needs
        };
        assert_eq!(needs_of("too wide to jump across"), X);
        assert_eq!(needs_of("knot after knot"), M);
        // "I'll go first, and you can hold on to me" crosses; it mends nothing.
        let brave = &en.traits[trait_index(crate::Trait::Brave)].acts;
        let go_first = brave.iter().find(|a| a.text.contains("go first")).unwrap();
        assert!(go_first.needs.meets(X) && !go_first.needs.meets(M));
    }

    #[test]
    fn a_gentle_kind_hero_does_not_comfort_a_riddle() {
        // The riddle gate is a thinking problem; a kind and gentle hero meets it with teamwork
        // or a neighbouring trait's idea, never with a comforting word to a gate.
        let comfort = [
            "How can we help?",
            "listened carefully first",
            "how the others might be feeling",
            "worry alone",
            "shared the last of",
            "worries began to melt",
            "so as not to startle",
            "soft as a feather",
        ];
        let mut riddles = 0;
        for seed in 0..300 {
            let request = crate::StoryBrief::new(
                crate::HeroDraft::new("Luna", crate::Trait::Kind, crate::Trait::Gentle),
                crate::EventSpec::BuiltIn(crate::BuiltInEvent::BedtimeAdventure),
                600,
                Language::En,
                crate::Voice::Coral,
                seed,
            );
            let draft = super::super::OfflineWriter::new()
                .write_now(&request)
                .unwrap();
            let Some(at) = draft.content.find("and it would not open. ") else {
                continue;
            };
            riddles += 1;
            let next = &draft.content[at + "and it would not open. ".len()..];
            let act = next.split(['.', '!']).next().unwrap_or_default();
            assert!(
                comfort.iter().all(|c| !act.contains(c)),
                "seed {seed}: the riddle met with “{act}”"
            );
        }
        assert!(riddles > 20, "only {riddles} stories met the riddle");
    }

    #[test]
    fn a_kind_act_never_answers_a_riddle() {
        let en = super::super::lexicon(Language::En);
        let acts = |t: crate::Trait| &en.traits[trait_index(t)].acts;
        let riddle = en
            .obstacles
            .iter()
            .find(|o| o.text.contains("riddle"))
            .expect("the riddle gate")
            .needs;
        assert!(
            acts(crate::Trait::Kind)
                .iter()
                .all(|a| !a.needs.meets(riddle))
        );
        assert!(
            acts(crate::Trait::Smart)
                .iter()
                .any(|a| a.needs.meets(riddle))
        );
    }
}
