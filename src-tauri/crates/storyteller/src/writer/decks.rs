//! The decks a story is dealt from: each pool of templates shuffled once and dealt without
//! replacement, the hero's acts by trait, and the order in which a story shuffles them all (the
//! order is part of what a seed means).

use rand::seq::SliceRandom;
use rand::{Rng, RngCore};

use super::compose::Cast;
use super::lexicon::{Item, Lexicon, Words};
use super::needs::{ANY, Need};
use super::template::Slots;
use crate::{CustomEventSpec, EventTone, StoryBrief, Trait};

/// A pool shuffled once and dealt without replacement, each template with what it needs (a
/// problem) or answers (an act). In short stories the shortest remaining template is dealt,
/// so a one-minute story still holds the whole arc.
pub(super) struct Deck {
    items: Vec<(&'static str, Need)>,
    short: bool,
}

impl Deck {
    /// A deck of the items of `pool` that fit this story's world (`outdoors`, `night`) and
    /// hero, each with what it needs or answers.
    pub(super) fn tagged(
        pool: &[Item],
        (outdoors, night): (bool, bool),
        slots: &Slots,
        short: bool,
        rng: &mut dyn RngCore,
    ) -> Self {
        let mut items: Vec<(&'static str, Need)> = pool
            .iter()
            .filter(|item| (outdoors || !item.outdoors) && !(night && item.daylight))
            .map(|item| (item.text, item.needs))
            .filter(|(t, _)| !slots.unusable(t))
            .collect();
        items.shuffle(rng);
        Deck { items, short }
    }

    pub(super) fn deal(&mut self) -> Option<&'static str> {
        self.deal_if(|_| true).map(|(t, _)| t)
    }

    /// Deals the next template whose need passes `fits`, leaving the others for later.
    pub(super) fn deal_if(&mut self, fits: impl Fn(Need) -> bool) -> Option<(&'static str, Need)> {
        let matching = (0..self.items.len()).filter(|&i| fits(self.items[i].1));
        let at = if self.short {
            matching.min_by_key(|&i| self.items[i].0.len())
        } else {
            matching.last()
        }?;
        Some(self.items.remove(at))
    }

    /// Whether a template answering `need` is left.
    pub(super) fn has(&self, need: Need) -> bool {
        self.items.iter().any(|(_, n)| n.meets(need))
    }
}

/// The acts a hero can perform: those of the hero's two traits, of the traits next to them,
/// and teamwork with the companion.
pub(super) struct Acts {
    pub(super) decks: [Deck; 4],
}

impl Acts {
    pub(super) const RELATED: usize = 2;
    pub(super) const TEAMWORK: usize = 3;

    pub(super) fn can_answer(&self, need: Need) -> bool {
        self.decks.iter().any(|d| d.has(need))
    }

    /// An act answering `need`, from deck `prefer` (0 and 1 are the hero's traits) if it has
    /// one, else from the trait whose `turn` it is, the related acts, teamwork, the other trait.
    pub(super) fn answer(
        &mut self,
        need: Need,
        prefer: usize,
        turn: usize,
    ) -> Option<(&'static str, Need)> {
        [prefer, turn, Acts::RELATED, Acts::TEAMWORK, 1 - turn]
            .into_iter()
            .find_map(|i| self.decks[i].deal_if(|n| n.meets(need)))
    }
}

/// Deals the first problem from `decks` that `acts` can answer, preferring those the deck
/// `prefer` of `acts` answers itself.
pub(super) fn problem_for(
    decks: &mut [&mut Deck],
    acts: &Acts,
    prefer: usize,
) -> Option<(&'static str, Need)> {
    let own = |n: Need| acts.decks[prefer].has(n);
    let any = |n: Need| acts.can_answer(n);
    decks
        .iter_mut()
        .find_map(|d| d.deal_if(own))
        .or_else(|| decks.iter_mut().find_map(|d| d.deal_if(any)))
}

/// Every deck one story deals from, shuffled once, in a fixed order.
pub(super) struct Decks {
    pub(super) openings: Deck,
    pub(super) settings: Deck,
    pub(super) intros: Deck,
    pub(super) looks: Deck,
    pub(super) companion_intros: Deck,
    pub(super) companion_lines: Deck,
    pub(super) situation: Deck,
    pub(super) moments: Deck,
    pub(super) obstacles: Deck,
    pub(super) transitions: Deck,
    pub(super) details: Deck,
    pub(super) wonders: Deck,
    pub(super) tone_lines: Vec<Deck>,
    pub(super) chapters: Deck,
    pub(super) ability: Deck,
    pub(super) acts: Acts,
    pub(super) kindness: Deck,
    pub(super) cleverness: Deck,
    pub(super) returns: Deck,
    pub(super) sleepy: Deck,
    pub(super) finals: Deck,
    pub(super) titles: Deck,
    pub(super) custom_situation: Deck,
    pub(super) custom_keywords: Deck,
    pub(super) custom_seed: Deck,
    pub(super) custom_goal: Deck,
    pub(super) custom_seed_resolution: Deck,
    pub(super) custom_goal_resolution: Deck,
    pub(super) custom_moments: Deck,
    pub(super) tone: Deck,
    pub(super) episode_leads: Deck,
    pub(super) detail_leads: Deck,
}

impl Decks {
    pub(super) fn deal(
        request: &StoryBrief,
        lex: &'static Lexicon,
        slots: &Slots,
        cast: &Cast,
        custom: Option<&CustomEventSpec>,
        short: bool,
        rng: &mut dyn RngCore,
    ) -> Self {
        let hero = &request.hero;
        let event_words = cast.event_words;
        let second = cast.second;
        let (t1, t2) = (
            &lex.traits[trait_index(hero.primary_trait)],
            &lex.traits[trait_index(second)],
        );
        let tone_pool: &[Item] = custom
            .map(|c| lex.tones[tone_index(c.tone)].as_slice())
            .unwrap_or(&[]);
        // "a brave heart, and a kind heart as well" says heart twice: two trait nouns with the
        // same head word take the adjective introduction when the language can use it.
        let same_head =
            slots.noun1.split_whitespace().last() == slots.noun2.split_whitespace().last();
        let noun_intro = rng.random_bool(0.5) && !same_head;
        let intros: &[Item] = if slots.unusable("{A1}") || noun_intro {
            &lex.intros_noun
        } else {
            &lex.intros_adj
        };
        // Indoors and elsewhere stories leave out what is tagged `place = "outdoors"`: openings
        // with drifting clouds, birdsong or the wind, summer settings, details and obstacles.
        // Night stories leave out what is tagged `time = "day"` (butterflies, the afternoon, warm
        // sunshine).
        let world = (cast.outdoors, cast.night);
        let mut deck = |pool: &[Item]| Deck::tagged(pool, world, slots, short, rng);
        let words = |list: &Words| -> Vec<Item> {
            list.iter()
                .map(|text| Item {
                    id: text,
                    text,
                    needs: ANY,
                    outdoors: false,
                    daylight: false,
                })
                .collect()
        };
        let openings = deck(&lex.openings);
        let settings = deck(&lex.settings);
        let intros = deck(intros);
        let looks = deck(&lex.looks);
        let companion_intros = deck(&lex.companion_intros);
        let companion_lines = deck(&lex.companion_lines);
        let situation = deck(&event_words.situation);
        let moments = deck(&event_words.moments);
        let obstacles = deck(&lex.obstacles);
        let transitions = deck(&lex.transitions);
        let details = deck(&lex.details);
        let wonders = deck(&lex.wonders);
        // Built-in events borrow the gentle tone lines (calming, inspiring, balanced).
        let tone_lines: Vec<Deck> = [0, 4, 6, 2, 3, 5, 1]
            .iter()
            .map(|&i| deck(&lex.tones[i]))
            .collect();
        let chapters = deck(&lex.chapters);
        let ability = deck(&lex.ability);
        // Acts of the traits next to the hero's own (a brave hero is a little adventurous too),
        // dealt now and then so the same trait reads differently from story to story.
        let related: Vec<Trait> = [companion_trait(hero.primary_trait), companion_trait(second)]
            .into_iter()
            .filter(|t| *t != hero.primary_trait && *t != second)
            .fold(Vec::new(), |mut all, t| {
                if !all.contains(&t) {
                    all.push(t);
                }
                all
            });
        let related_acts: Vec<Item> = related
            .iter()
            .flat_map(|t| lex.traits[trait_index(*t)].acts.iter().copied())
            .collect();
        let acts = Acts {
            decks: [
                deck(&t1.acts),
                deck(&t2.acts),
                deck(&related_acts),
                deck(&lex.teamwork),
            ],
        };
        Decks {
            openings,
            settings,
            intros,
            looks,
            companion_intros,
            companion_lines,
            situation,
            moments,
            obstacles,
            transitions,
            details,
            wonders,
            tone_lines,
            chapters,
            ability,
            acts,
            kindness: deck(&lex.kindness),
            cleverness: deck(&lex.cleverness),
            returns: deck(&lex.returns),
            sleepy: deck(&lex.sleepy),
            finals: deck(&lex.finals),
            titles: deck(&lex.titles),
            custom_situation: deck(&lex.custom_situation),
            custom_keywords: deck(&lex.custom_keywords),
            custom_seed: deck(&lex.custom_seed),
            custom_goal: deck(&lex.custom_goal),
            custom_seed_resolution: deck(&lex.custom_seed_resolution),
            custom_goal_resolution: deck(&lex.custom_goal_resolution),
            custom_moments: deck(if slots.goal.is_empty() {
                &lex.custom_moments
            } else {
                &lex.custom_goal_moments
            }),
            tone: deck(tone_pool),
            episode_leads: deck(&words(&lex.episode_leads)),
            detail_leads: deck(&words(&lex.detail_leads)),
        }
    }
}

pub(super) fn companion_trait(t: Trait) -> Trait {
    match t {
        Trait::Brave => Trait::Adventurous,
        Trait::Kind => Trait::Gentle,
        Trait::Curious => Trait::Smart,
        Trait::Funny => Trait::Creative,
        Trait::Smart => Trait::Curious,
        Trait::Adventurous => Trait::Brave,
        Trait::Creative => Trait::Magical,
        Trait::Helpful => Trait::Kind,
        Trait::Gentle => Trait::Kind,
        Trait::Magical => Trait::Creative,
    }
}

pub(super) fn trait_index(t: Trait) -> usize {
    Trait::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

pub(super) fn tone_index(t: EventTone) -> usize {
    EventTone::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

pub(super) fn index_of(e: crate::BuiltInEvent) -> usize {
    crate::BuiltInEvent::ALL
        .iter()
        .position(|x| *x == e)
        .unwrap_or(0)
}
