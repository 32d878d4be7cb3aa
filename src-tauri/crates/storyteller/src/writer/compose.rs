//! Composes one story from a language's grammar: a fixed arc of beats (setting and hero,
//! companion, situation, episodes, resolution, sleepy ending) whose sentences are drawn by a
//! seeded RNG, then grown beat by beat until the text fits the target length (`growth`). The
//! decks live in `decks`, the sentence helpers in `sentences`.

use rand::{Rng, RngCore};

use super::builder::Builder;
use super::decks::{Decks, companion_trait, index_of, problem_for, trait_index};
use super::lexicon::{EventWords, Lexicon};
use super::needs::Need;
use super::sentences::{English, line, pair, sign_off};
use super::template::{Slots, fill};
use crate::scenery::{COMPANION_NAMES, CompanionKind, Landscape, event_base, visual};
use crate::{EventSpec, StoryBrief, Trait};

/// What a paragraph does in the story arc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Beat {
    Opening,
    Companion,
    Situation,
    Episode,
    Ability,
    Resolution,
    Ending,
}

/// One paragraph of the story.
#[derive(Debug, Clone)]
pub(super) struct Paragraph {
    pub beat: Beat,
    pub sentences: Vec<String>,
    pub id: usize,
    /// What happens in it, in English, for illustration prompts (the situation or the
    /// episode's problem as the English grammar tells it).
    pub about: Option<String>,
}

/// A composed story before it is joined into text.
#[derive(Debug, Clone)]
pub(super) struct Composition {
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    pub companion: CompanionKind,
    pub companion_name: String,
    /// What each episode's problem needed and what its act answered, in the order drawn
    /// (read by the tests that hold every act to its problem).
    #[cfg_attr(not(test), allow(dead_code))]
    pub episodes: Vec<(Need, Need)>,
}

/// Words as a narrator speaks them: whitespace-separated tokens with a letter or digit.
pub(crate) fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Where a grown sentence goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// At the end of the last paragraph of this beat.
    Append(Beat),
    /// Just before the last sentence of the last paragraph of this beat.
    BeforeLast(Beat),
    /// In a new episode paragraph placed before the resolution.
    NewEpisode,
}

/// Builds the story for `request` in `lex`, aiming at `target_words`: the companion and the
/// trait words first, then every deck shuffled once, then the core arc beat by beat, then growth
/// until the length fits. The order of the RNG draws is part of what a seed means, so each step
/// below draws exactly where the story's earlier single function did.
pub(super) fn compose(
    request: &StoryBrief,
    lex: &'static Lexicon,
    slots: &mut Slots,
    target_words: f64,
    rng: &mut dyn RngCore,
) -> Composition {
    let cast = cast(request, lex, slots, rng);
    let slots: &Slots = slots;
    let custom = match &request.event {
        EventSpec::Custom(c) => Some(c),
        EventSpec::BuiltIn(_) => None,
    };
    let short = target_words < 260.0;
    let decks = Decks::deal(request, lex, slots, &cast, custom, short, rng);
    let hero = &request.hero;
    let english = English::new(
        lex,
        cast.event_words,
        index_of(cast.base),
        slots,
        cast.companion,
    );
    let has_goal = custom.is_some() && !slots.goal.is_empty();
    let clever_first = matches!(
        hero.primary_trait,
        Trait::Smart | Trait::Curious | Trait::Creative
    ) || rng.random_bool(0.35);
    let mut teller = Teller {
        lex,
        slots,
        english,
        decks,
        custom: custom.is_some(),
        short,
        has_ability: !slots.ability.is_empty(),
        has_goal,
        clever_first,
        target_words,
        rng,
        episodes: Vec::new(),
        story: Builder {
            paragraphs: Vec::new(),
            next_id: 0,
            added: Vec::new(),
        },
    };
    let title = match custom {
        Some(c) if teller.rng.random_bool(0.5) => format!("{} — {}", slots.name, c.title),
        _ => teller
            .decks
            .titles
            .deal()
            .map(|t| fill(t, slots))
            .unwrap_or_default(),
    };
    // The core arc: every story has these.
    teller.opening();
    let payoff = teller.situation();
    teller.first_episode();
    teller.second_episode();
    teller.resolution_and_ending(payoff);
    teller.grow();
    Composition {
        title,
        paragraphs: teller.story.paragraphs,
        companion: cast.companion,
        companion_name: cast.companion_name,
        episodes: teller.episodes,
    }
}

/// Who is in the story besides the hero, and where it happens.
pub(super) struct Cast {
    pub(super) base: crate::BuiltInEvent,
    pub(super) event_words: &'static EventWords,
    pub(super) companion: CompanionKind,
    pub(super) companion_name: String,
    /// The hero's second trait as told (its nearest friend when both traits are the same).
    pub(super) second: Trait,
    /// The generic settings, details and obstacles happen outdoors in summer: stories in a
    /// rocket, under the sea, in the clouds, in dreams, in the snow or indoors leave them out.
    pub(super) outdoors: bool,
    /// The event happens at night (its `night` in `content/events.toml`).
    pub(super) night: bool,
}

/// Picks the companion and fills the slots of the companion, the place and the traits.
fn cast(
    request: &StoryBrief,
    lex: &'static Lexicon,
    slots: &mut Slots,
    rng: &mut dyn RngCore,
) -> Cast {
    let base = event_base(&request.event);
    let event_words = &lex.events[index_of(base)];
    let kinds = CompanionKind::for_event(base);
    let companion = kinds[rng.random_range(0..kinds.len())];
    let companion_name = COMPANION_NAMES[rng.random_range(0..COMPANION_NAMES.len())].to_string();
    slots.companion = companion_name.clone();
    slots.variant = rng.next_u64();
    slots.companion_kind = lex.companion_kinds[companion.index()].to_string();
    let [paw, paws, walk, curl] = lex.companion_bodies[companion.index()];
    slots.companion_paw = paw.to_string();
    slots.companion_paws = paws.to_string();
    slots.companion_walk = walk.to_string();
    slots.companion_curl = curl.to_string();
    slots.place_in = fill(event_words.place_in, slots);
    slots.event_title = fill(event_words.title, slots);

    let hero = &request.hero;
    let second = if hero.secondary_trait == hero.primary_trait {
        // Same trait twice: the second voice of it is its nearest friend.
        companion_trait(hero.primary_trait)
    } else {
        hero.secondary_trait
    };
    let (t1, t2) = (
        &lex.traits[trait_index(hero.primary_trait)],
        &lex.traits[trait_index(second)],
    );
    let she = matches!(hero.pronouns, Some(crate::Pronouns::She));
    slots.adj1 = (if she { t1.adj_f } else { t1.adj_m }).to_string();
    slots.adj2 = (if she { t2.adj_f } else { t2.adj_m }).to_string();
    slots.noun1 = t1.noun.to_string();
    slots.noun2 = t2.noun.to_string();
    let look = visual(base);
    let outdoors = !matches!(
        look.landscape,
        Landscape::Sea
            | Landscape::Space
            | Landscape::RainyWindow
            | Landscape::Clouds
            | Landscape::Dream
            | Landscape::Snow
    );
    Cast {
        base,
        event_words,
        companion,
        companion_name,
        second,
        outdoors,
        night: look.night,
    }
}

/// One story being told: its decks, what it has said so far and the choices that hold for the
/// whole telling.
pub(super) struct Teller<'a> {
    pub(super) lex: &'a Lexicon,
    pub(super) slots: &'a Slots,
    pub(super) english: English<'a>,
    pub(super) decks: Decks,
    /// A custom event (its own situation, seed and moments).
    pub(super) custom: bool,
    /// A short story (under about two minutes).
    pub(super) short: bool,
    pub(super) has_ability: bool,
    pub(super) has_goal: bool,
    /// The resolution leans on cleverness first (else on kindness).
    pub(super) clever_first: bool,
    pub(super) target_words: f64,
    pub(super) rng: &'a mut dyn RngCore,
    pub(super) episodes: Vec<(Need, Need)>,
    pub(super) story: Builder,
}

impl Teller<'_> {
    /// The setting with the hero, then the companion.
    fn opening(&mut self) {
        let s = self.slots;
        let d = &mut self.decks;
        self.story.push(
            Beat::Opening,
            vec![line(s, d.openings.deal()), line(s, d.intros.deal())],
        );
        self.story
            .push(Beat::Companion, vec![line(s, d.companion_intros.deal())]);
    }

    /// What the story is about; returns the situation's payoff for the resolution.
    fn situation(&mut self) -> Option<String> {
        let s = self.slots;
        let d = &mut self.decks;
        let situation_template = if self.custom {
            None
        } else {
            d.situation.deal()
        };
        let (setup, payoff) = if self.custom {
            let payoff = if self.has_goal {
                d.custom_goal_resolution.deal()
            } else {
                d.custom_seed_resolution.deal()
            };
            // One minute has no room for the title's line: the description alone sets the scene.
            let setup = if !self.short {
                line(s, d.custom_situation.deal())
            } else if s.description.is_empty() {
                None
            } else {
                Some(s.description.clone())
            };
            (setup, line(s, payoff))
        } else {
            pair(s, situation_template)
        };
        if self.custom {
            // The prompt seed (or the wish it states) sets the situation, in the event's tone.
            // A situation that already says the key phrase (a description that repeats the
            // prompt seed, a title that is the key phrase) does not say it twice.
            let said = |l: &Option<String>| {
                l.as_ref()
                    .is_some_and(|l| l.to_lowercase().contains(&s.seed.to_lowercase()))
            };
            let seed_line = if self.has_goal {
                line(s, d.custom_goal.deal())
            } else if said(&setup) {
                None
            } else {
                line(s, d.custom_seed.deal())
            };
            let tone_line = if self.short {
                None
            } else {
                line(s, d.tone.deal())
            };
            self.story
                .push(Beat::Situation, vec![setup, seed_line, tone_line]);
        } else {
            self.story.push(Beat::Situation, vec![setup]);
            self.story
                .describe_last(self.english.situation(situation_template));
        }
        payoff
    }

    /// The first episode: the hero's first trait at work on a problem it fits (in one minute,
    /// the hero meets the situation itself).
    fn first_episode(&mut self) {
        let s = self.slots;
        let d = &mut self.decks;
        if self.short {
            self.story
                .push(Beat::Episode, vec![line(s, d.acts.decks[0].deal())]);
            return;
        }
        let first = if self.custom {
            d.custom_moments.deal_if(|_| true)
        } else {
            None
        }
        .or_else(|| problem_for(&mut [&mut d.moments], &d.acts, 0));
        let (problem, solution) = pair(s, first.map(|(t, _)| t));
        let act = first.and_then(|(_, need)| d.acts.answer(need, 0, 0));
        if let (Some((_, needed)), Some((_, answered))) = (first, act) {
            self.episodes.push((needed, answered));
        }
        self.story.push(
            Beat::Episode,
            vec![problem, line(s, act.map(|a| a.0)), solution],
        );
        self.story
            .describe_last(self.english.problem(first.map(|(t, _)| t)));
    }

    /// The second episode: the special ability at work, or the second trait.
    fn second_episode(&mut self) {
        if self.short && !self.has_ability {
            return;
        }
        let s = self.slots;
        let d = &mut self.decks;
        let next = if self.has_ability {
            d.obstacles
                .deal_if(|_| true)
                .or_else(|| d.moments.deal_if(|_| true))
        } else {
            problem_for(&mut [&mut d.obstacles, &mut d.moments], &d.acts, 1)
        };
        let (problem, solution) = pair(s, next.map(|(t, _)| t));
        let act = if self.has_ability {
            d.ability.deal()
        } else {
            let act = next.and_then(|(_, need)| d.acts.answer(need, 1, 1));
            if let (Some((_, needed)), Some((_, answered))) = (next, act) {
                self.episodes.push((needed, answered));
            }
            act.map(|a| a.0)
        };
        let beat = if self.has_ability {
            Beat::Ability
        } else {
            Beat::Episode
        };
        self.story.push(beat, vec![problem, line(s, act), solution]);
        self.story
            .describe_last(self.english.problem(next.map(|(t, _)| t)));
    }

    /// The resolution (with the situation's payoff) and the sleepy ending.
    fn resolution_and_ending(&mut self, payoff: Option<String>) {
        let s = self.slots;
        let d = &mut self.decks;
        let resolution = if self.clever_first {
            d.cleverness.deal()
        } else {
            d.kindness.deal()
        };
        let has_payoff = payoff.is_some();
        self.story
            .push(Beat::Resolution, vec![line(s, resolution), payoff]);
        let going_home = if self.short {
            None
        } else {
            line(s, d.returns.deal())
        };
        // The last line's goodnight ("Sleep tight.", "The end.") is shared between all last lines.
        let rng = &mut *self.rng;
        let lex = self.lex;
        let last_line = line(s, d.finals.deal()).map(|l| match sign_off(&l) {
            Some((body, _)) if rng.random_bool(0.5) => {
                let offs: Vec<&str> = lex
                    .finals
                    .iter()
                    .filter_map(|t| sign_off(t.text))
                    .map(|x| x.1)
                    .collect();
                let off = offs[rng.random_range(0..offs.len())];
                format!("{body} {}", fill(off, s))
            }
            _ => l,
        });
        self.story.push(Beat::Ending, vec![going_home, last_line]);
        if has_payoff {
            // In very short stories the situation's own payoff can carry the resolution alone.
            let id = self.story.last_of(Beat::Resolution);
            self.story.mark_optional(id, 0);
        }
    }
}
