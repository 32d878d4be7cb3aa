//! What each episode's problem needs, and which needs each trait act answers, so that a kind
//! hero comforts the lost hedgehog and a clever one reads the riddle — never the other way
//! round. Without this, an act drawn at random ("shared the last of the snack") could land on a
//! problem it has nothing to do with (a riddle painted on a gate) and read as bolted on.
//!
//! The tables are indexed like the pools of every language's grammar (the five grammars are
//! translations of one another, item for item); `tests::tables_match_every_grammar` fails when a
//! pool gains or loses an item without its entry here.

use std::ops::BitOr;

/// A set of needs: what a problem asks for, or what an act gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Need(u8);

/// Someone (an animal, a child, a cloud, a star) is sad, shy, lost or stuck and needs comfort,
/// company or courage.
pub(super) const C: Need = Need(1);
/// Something has to be crossed, reached, carried, mended or untangled.
pub(super) const F: Need = Need(2);
/// Something has to be worked out, found, chosen, learned or understood.
pub(super) const T: Need = Need(4);
const CF: Need = Need(3);
const CT: Need = Need(5);
const FT: Need = Need(6);
/// Fits every problem (custom-event episodes, the special ability, untagged pools).
pub(super) const ANY: Need = Need(7);

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

/// What each built-in event's episodes need, indexed like `BuiltInEvent::ALL` and each
/// event's `moments`.
pub(super) static MOMENTS: [&[Need]; 20] = [
    // bedtime_adventure: owl awake, moonflowers, stepping stones, hedgehog, blanket, frog's
    // tune, sleepy cloud, glow-worm, snail on the wall, tapping moth, mouse's blackberry,
    // badger's shadow
    &[C, C, FT, CT, F, C, C, C, F, T, CF, C],
    // school_day: new classmate, ball under slide, loose pages, hamster, xylophone bar, spilled
    // juice, wobbly tower, tricky word, stuck zip, beans' names, treasure clue, forgotten
    // lunchbox
    &[C, F, FT, T, T, CF, FT, CT, F, T, T, C],
    // birthday: balloon, shy guest, slices, banner, wrapping paper, napkins, song, jelly, little
    // brother left out, candles, paper crown, guest without a present
    &[F, C, T, F, T, F, T, F, C, T, F, C],
    // weekend_explorer: little door, map's X, map in the wind, plank, rabbit babies, signpost,
    // beetle, fossil, acorns
    &[CT, T, F, F, CT, T, CF, T, CF],
    // rainy_day
    &[T, T, FT, C, F, T, T, FT, C, F, T, CT, T, FT, FT, CF, T, T],
    // family_time: glasses, eggs, baby cousin, album, games, sheet, old dog, soup, small
    // blanket, faded recipe, first tooth, tent poles
    &[T, T, C, FT, CT, F, C, T, F, T, CT, FT],
    // making_friends: few words, swing, kite, sandcastle, chalk dragons, shy puppy, dumplings,
    // one player short, bicycle chain, secret handshake, cup telephone, new games
    &[CT, CT, F, C, C, C, C, CT, F, T, FT, CT],
    // learning_something_new: first tries, long words, tricky note, knitting, paper crane,
    // whistle, shoelaces, counting to a hundred, bicycle, face under water, clock, paintbrush
    &[CT, T, T, FT, T, T, FT, T, CF, C, T, FT],
    // helping_others: wheelbarrow, baker, ducklings, cat on the shed, books, marbles, washing,
    // watering can, smudged letter, Mrs Rose's boxes, lost property, boy at the market
    &[F, CF, C, CF, F, F, F, F, T, CF, T, C],
    // holiday_adventure
    &[F, T, C, FT, FT, F, CT, C, F, F, C, T, T, CF, F, C, FT, T],
    // magical_forest_adventure: mushrooms, hedgehogs' brook, riddle, fairy, stream, tall
    // mushroom house, berries, baby unicorn, torn web, muddled paint pots, rhyming well,
    // tortoise on its back
    &[CT, CF, T, CF, C, FT, FT, C, F, T, T, CF],
    // friendly_dragon_encounter: wobbly flight, thorn, bubbles, scales, hiccups, egg, gate,
    // clouds, pine nest, thank-you letter, stones for grandmother, dark cave
    &[C, C, C, CF, CT, CF, T, T, F, FT, T, C],
    // underwater_treasure_hunt
    &[C, C, T, CT, C, FT, CF, FT, CT, F, C, C, F, CF, C, F, FT, C],
    // cloud_castle_journey
    &[
        FT, T, FT, C, C, CF, CT, CT, T, FT, C, T, FT, F, FT, C, CF, T,
    ],
    // time_travel_mission: bread, key, clock hands, spoon, ballad, ink, drawbridge, pony,
    // tapestry
    &[T, T, FT, T, CT, T, F, C, F],
    // space_exploration
    &[C, T, C, CT, CT, C, FT, CT, F, F, T, T, F, C, T, F, T, CT],
    // miniature_world_discovery
    &[F, F, FT, C, F, FT, F, F, T],
    // weather_wizard_training
    &[T, C, T, F, CT, T, C, T, FT],
    // animal_language_learning: sunny spot, robin, frogs' concert, badger, lamb, lavender,
    // goat, ducks, mole's stone, starling, shy snail, hidden eggs
    &[CT, T, CT, C, C, CT, C, T, F, T, CT, T],
    // dream_world_adventure
    &[FT, CT, T, C, T, T, FT, T, F, T, C, FT, C, C, T, CT, F, C],
];

/// What the generic obstacles need, indexed like `Lexicon::obstacles`.
pub(super) static OBSTACLES: [Need; 16] = [F, F, T, CF, T, T, C, F, C, F, CF, F, C, FT, T, FT];

/// What each trait's acts answer, indexed like `Trait::ALL` and `TraitWords::acts`.
pub(super) static ACTS: [[Need; 10]; 10] = [
    // brave: "we can do this together", one careful step, "trying anyway", first to try,
    // "hold on to me", stepped up to it, "I feel scared too", "let's find out", "one, two,
    // three!", "follow me, I'll go slowly"
    [CF, CF, ANY, FT, F, FT, C, T, F, CF],
    // kind: six comforting acts, then holding things steady, "I'm right here", taking the
    // hardest part first, "a little bit each"; never a thought (a_kind_act_never_answers_a_riddle)
    [C, C, C, C, C, C, F, CF, F, F],
    // curious: … "tell me everything", fitting the pieces together, which part matters, one way
    // then another
    [FT, T, CT, T, CT, FT, C, T, FT, FT],
    // funny: … penguin waddle, sillier and sillier ideas, knock-knock joke, a silly race
    [CT, C, CT, CF, C, C, C, T, C, F],
    // smart: … what helps a worried heart, quiet questions, the tiniest step first, a list in
    // the head
    [FT, FT, FT, T, FT, T, C, CT, CF, T],
    // adventurous: … "shall we go together?", the first adventure's story, a little
    // expedition, "over, under or around?"
    [FT, FT, FT, FT, FT, T, C, C, T, F],
    // creative: a new thing from leaves, colour puzzle, a game, a tool, a contraption, a plan,
    // a story where everyone is a hero, from the other side, a counting song, three ideas
    [FT, T, CT, F, F, FT, C, T, F, T],
    // helpful: … "what would help you feel better?", trying what nobody tried, laying out
    // what is useful, holding one side
    [F, F, F, ANY, F, FT, C, T, FT, F],
    // gentle: … listening in the quiet, looking slowly, little by little, one slow
    // breath
    [C, CF, C, CF, C, CF, T, T, F, T],
    // magical: … a tiny star for whoever needs it, a ribbon of light, light as a feather, a
    // circle of warm light
    [ANY, ANY, FT, FT, T, ANY, C, T, F, C],
];

/// What the teamwork lines answer, indexed like `Lexicon::teamwork`.
pub(super) static TEAMWORK: [Need; 6] = [F, F, T, FT, FT, F];

#[cfg(test)]
mod tests {
    use super::super::decks::{companion_trait, trait_index};
    use super::*;
    use crate::Language;

    #[test]
    fn tables_match_every_grammar() {
        for language in Language::ALL {
            let lex = super::super::lexicon(*language);
            assert_eq!(
                lex.obstacles.len(),
                OBSTACLES.len(),
                "{language:?} obstacles"
            );
            assert_eq!(lex.teamwork.len(), TEAMWORK.len(), "{language:?} teamwork");
            for (i, words) in lex.traits.iter().enumerate() {
                assert_eq!(words.acts.len(), ACTS[i].len(), "{language:?} trait {i}");
            }
            for (i, event) in lex.events.iter().enumerate() {
                // Five plots at least, so a story a night does not repeat its plot every third
                // night. Situations carry no needs, but prompts tell them in English by index.
                assert!(event.situation.len() >= 5, "{language:?} event {i}");
                assert_eq!(
                    event.situation.len(),
                    super::super::lexicon(Language::En).events[i]
                        .situation
                        .len(),
                    "{language:?} {:?} situations",
                    crate::BuiltInEvent::ALL[i]
                );
                assert_eq!(
                    event.moments.len(),
                    MOMENTS[i].len(),
                    "{language:?} {:?}",
                    crate::BuiltInEvent::ALL[i]
                );
            }
        }
    }

    #[test]
    fn every_hero_can_answer_every_need() {
        // Whatever two traits a hero has, an act of theirs, of their neighbouring traits or a
        // teamwork line answers each need, so no kind of problem is closed to any hero.
        let acts = |t: crate::Trait| ACTS[trait_index(t)];
        for a in crate::Trait::ALL.iter().copied() {
            for b in crate::Trait::ALL.iter().copied() {
                let pool: Vec<Need> = [a, b, companion_trait(a), companion_trait(b)]
                    .into_iter()
                    .flat_map(acts)
                    .chain(TEAMWORK)
                    .collect();
                for need in [C, F, T] {
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
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2_000, "{checked}");
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
        let kind = ACTS[trait_index(crate::Trait::Kind)];
        let riddle = OBSTACLES[5];
        assert!(kind.iter().all(|a| !a.meets(riddle)));
        assert!(
            ACTS[trait_index(crate::Trait::Smart)]
                .iter()
                .any(|a| a.meets(riddle))
        );
    }
}
