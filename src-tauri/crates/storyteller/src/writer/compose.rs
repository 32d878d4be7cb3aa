//! Composes one story from a language's grammar: a fixed arc of beats (setting and hero,
//! companion, situation, episodes, resolution, sleepy ending) whose sentences are drawn by a
//! seeded RNG, then grown beat by beat until the text fits the target length.

use rand::seq::SliceRandom;
use rand::{Rng, RngCore};

use super::builder::Builder;
use super::lexicon::{EventWords, Lexicon, Pool};
use super::needs::{self, ANY, Need};
use super::template::{Slots, fill};
use crate::scenery::{COMPANION_NAMES, CompanionKind, Landscape, event_base, visual};
use crate::{EventSpec, EventTone, Language, StoryBrief, Trait};

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

/// Openings that fit any world, under the sea or in a rocket too (no sky, wind or birds):
/// indices into every grammar's `openings`, which are translations of one another.
const OPENINGS_ANYWHERE: [usize; 4] = [0, 1, 3, 7];

/// A pool shuffled once and dealt without replacement, each template with what it needs (a
/// problem) or answers (an act). In short stories the shortest remaining template is dealt,
/// so a one-minute story still holds the whole arc.
struct Deck {
    items: Vec<(&'static str, Need)>,
    short: bool,
}

impl Deck {
    /// A deck whose templates carry `needs` (index for index; missing entries fit anything).
    fn tagged(
        pool: &[&'static str],
        needs: &[Need],
        slots: &Slots,
        short: bool,
        rng: &mut dyn RngCore,
    ) -> Self {
        let mut items: Vec<(&'static str, Need)> = pool
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, needs.get(i).copied().unwrap_or(ANY)))
            .filter(|(t, _)| !slots.unusable(t))
            .collect();
        items.shuffle(rng);
        Deck { items, short }
    }

    fn deal(&mut self) -> Option<&'static str> {
        self.deal_if(|_| true).map(|(t, _)| t)
    }

    /// Deals the next template whose need passes `fits`, leaving the others for later.
    fn deal_if(&mut self, fits: impl Fn(Need) -> bool) -> Option<(&'static str, Need)> {
        let matching = (0..self.items.len()).filter(|&i| fits(self.items[i].1));
        let at = if self.short {
            matching.min_by_key(|&i| self.items[i].0.len())
        } else {
            matching.last()
        }?;
        Some(self.items.remove(at))
    }

    /// Whether a template answering `need` is left.
    fn has(&self, need: Need) -> bool {
        self.items.iter().any(|(_, n)| n.meets(need))
    }
}

/// The acts a hero can perform: those of the hero's two traits, of the traits next to them,
/// and teamwork with the companion.
struct Acts {
    decks: [Deck; 4],
}

impl Acts {
    const RELATED: usize = 2;
    const TEAMWORK: usize = 3;

    fn can_answer(&self, need: Need) -> bool {
        self.decks.iter().any(|d| d.has(need))
    }

    /// An act answering `need`, from deck `prefer` (0 and 1 are the hero's traits) if it has
    /// one, else from the trait whose `turn` it is, the related acts, teamwork, the other trait.
    fn answer(&mut self, need: Need, prefer: usize, turn: usize) -> Option<(&'static str, Need)> {
        [prefer, turn, Acts::RELATED, Acts::TEAMWORK, 1 - turn]
            .into_iter()
            .find_map(|i| self.decks[i].deal_if(|n| n.meets(need)))
    }
}

/// The English telling of a template drawn from another language's grammar (the grammars are
/// translations of one another, item for item), so illustration prompts say what happens.
struct English<'a> {
    lex: &'a Lexicon,
    event: &'a EventWords,
    en_event: &'static EventWords,
    slots: Slots,
}

impl<'a> English<'a> {
    fn new(
        lex: &'a Lexicon,
        event: &'a EventWords,
        event_index: usize,
        slots: &Slots,
        companion: CompanionKind,
    ) -> Self {
        let en = &super::en::LEXICON;
        let [paw, paws, walk, curl] = en.companion_bodies[companion.index()];
        let slots = Slots {
            language: Some(Language::En),
            pronouns: slots.pronouns,
            name: slots.name.clone(),
            companion: slots.companion.clone(),
            companion_kind: en.companion_kinds[companion.index()].to_string(),
            companion_paw: paw.to_string(),
            companion_paws: paws.to_string(),
            companion_walk: walk.to_string(),
            companion_curl: curl.to_string(),
            variant: slots.variant,
            ..Slots::default()
        };
        English {
            lex,
            event,
            en_event: &en.events[event_index],
            slots,
        }
    }

    fn render(&self, pool: Pool, en_pool: Pool, template: Option<&str>) -> Option<String> {
        let at = pool.iter().position(|t| Some(*t) == template)?;
        let first = en_pool.get(at)?.split(" || ").next()?;
        Some(fill(first, &self.slots).trim().to_string())
    }

    /// The situation's setup in English.
    fn situation(&self, template: Option<&str>) -> Option<String> {
        self.render(self.event.situation, self.en_event.situation, template)
    }

    /// An episode's problem (the event's own or a generic obstacle) in English.
    fn problem(&self, template: Option<&str>) -> Option<String> {
        self.render(self.event.moments, self.en_event.moments, template)
            .or_else(|| self.render(self.lex.obstacles, super::en::LEXICON.obstacles, template))
    }
}

/// Deals the first problem from `decks` that `acts` can answer, preferring those the deck
/// `prefer` of `acts` answers itself.
fn problem_for(
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

/// Optional growth steps, tried in turn until the story is long enough.
#[derive(Debug, Clone, Copy)]
enum Step {
    Look,
    Setting,
    CompanionLine,
    Keywords,
    ToneLine,
    NewEpisode,
    EpisodeDetail,
    SecondResolution,
    Sleepy,
    Wonder,
    GentleLine,
    SecondChapter,
}

/// Builds the story for `request` in `lex`, aiming at `target_words`.
pub(super) fn compose(
    request: &StoryBrief,
    lex: &Lexicon,
    slots: &mut Slots,
    target_words: f64,
    rng: &mut dyn RngCore,
) -> Composition {
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

    let custom = match &request.event {
        EventSpec::Custom(c) => Some(c),
        EventSpec::BuiltIn(_) => None,
    };
    let short = target_words < 260.0;
    let tone_pool = custom.map(|c| lex.tones[tone_index(c.tone)]).unwrap_or(&[]);
    // "a brave heart, and a kind heart as well" says heart twice: two trait nouns with the same
    // head word take the adjective introduction when the language can use it.
    let same_head = slots.noun1.split_whitespace().last() == slots.noun2.split_whitespace().last();
    let noun_intro = rng.random_bool(0.5) && !same_head;
    let intros: Pool = if slots.unusable("{A1}") || noun_intro {
        lex.intros_noun
    } else {
        lex.intros_adj
    };
    let mut deck =
        |pool: &[&'static str], needs: &[Need]| Deck::tagged(pool, needs, slots, short, rng);
    // The generic settings, details and obstacles happen outdoors in summer: stories
    // in a rocket, under the sea, in the clouds, in dreams, in the snow or indoors leave them out,
    // even fifteen-minute ones (their own episodes, chapters and calm lines make the length).
    let outdoors = !matches!(
        visual(base).landscape,
        Landscape::Sea
            | Landscape::Space
            | Landscape::RainyWindow
            | Landscape::Clouds
            | Landscape::Dream
            | Landscape::Snow
    );
    // Nor do they open with drifting clouds, birdsong or the wind.
    let opening_pool: Vec<&'static str> = lex
        .openings
        .iter()
        .enumerate()
        .filter(|(i, _)| outdoors || OPENINGS_ANYWHERE.contains(i))
        .map(|(_, t)| *t)
        .collect();
    let mut openings = deck(&opening_pool, &[]);
    let nature = |pool: Pool| {
        if outdoors { pool } else { &[] }
    };
    let mut settings = deck(nature(lex.settings), &[]);
    let mut intros = deck(intros, &[]);
    let mut looks = deck(lex.looks, &[]);
    let mut companion_intros = deck(lex.companion_intros, &[]);
    let mut companion_lines = deck(lex.companion_lines, &[]);
    let mut situation = deck(event_words.situation, &[]);
    let mut moments = deck(event_words.moments, needs::MOMENTS[index_of(base)]);
    let mut obstacles = deck(nature(lex.obstacles), &needs::OBSTACLES);
    let mut transitions = deck(lex.transitions, &[]);
    let mut details = deck(nature(lex.details), &[]);
    let mut wonders = deck(lex.wonders, &[]);
    // Built-in events borrow the gentle tone lines (calming, inspiring, balanced).
    let mut tone_lines: Vec<Deck> = [0, 4, 6, 2, 3, 5, 1]
        .iter()
        .map(|&i| deck(lex.tones[i], &[]))
        .collect();
    let mut chapters = deck(lex.chapters, &[]);
    let mut ability = deck(lex.ability, &[]);
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
    let related_acts: Vec<&'static str> = related
        .iter()
        .flat_map(|t| lex.traits[trait_index(*t)].acts.iter().copied())
        .collect();
    let related_needs: Vec<Need> = related
        .iter()
        .flat_map(|t| needs::ACTS[trait_index(*t)])
        .collect();
    let mut acts = Acts {
        decks: [
            deck(t1.acts, &needs::ACTS[trait_index(hero.primary_trait)]),
            deck(t2.acts, &needs::ACTS[trait_index(second)]),
            deck(&related_acts, &related_needs),
            deck(lex.teamwork, &needs::TEAMWORK),
        ],
    };
    let mut kindness = deck(lex.kindness, &[]);
    let mut cleverness = deck(lex.cleverness, &[]);
    let mut returns = deck(lex.returns, &[]);
    let mut sleepy = deck(lex.sleepy, &[]);
    let mut finals = deck(lex.finals, &[]);
    let mut titles = deck(lex.titles, &[]);
    let mut custom_situation = deck(lex.custom_situation, &[]);
    let mut custom_keywords = deck(lex.custom_keywords, &[]);
    let mut custom_seed = deck(lex.custom_seed, &[]);
    let mut custom_goal = deck(lex.custom_goal, &[]);
    let mut custom_seed_resolution = deck(lex.custom_seed_resolution, &[]);
    let mut custom_goal_resolution = deck(lex.custom_goal_resolution, &[]);
    let mut custom_moments = deck(
        if slots.goal.is_empty() {
            lex.custom_moments
        } else {
            lex.custom_goal_moments
        },
        &[],
    );
    let mut tone = deck(tone_pool, &[]);
    let mut episode_leads = deck(lex.episode_leads, &[]);
    let mut detail_leads = deck(lex.detail_leads, &[]);

    let english = English::new(lex, event_words, index_of(base), slots, companion);
    let has_ability = !slots.ability.is_empty();
    let mut episodes: Vec<(Need, Need)> = Vec::new();
    let has_goal = custom.is_some() && !slots.goal.is_empty();
    let clever_first = matches!(
        hero.primary_trait,
        Trait::Smart | Trait::Curious | Trait::Creative
    ) || rng.random_bool(0.35);
    let title = match custom {
        Some(c) if rng.random_bool(0.5) => format!("{} — {}", slots.name, c.title),
        _ => titles.deal().map(|t| fill(t, slots)).unwrap_or_default(),
    };
    let s = &*slots;
    let f = |t: Option<&str>| t.map(|t| fill(t, s).trim().to_string());
    // "problem || solution" templates become two sentences.
    let pair = |t: Option<&str>| -> (Option<String>, Option<String>) {
        match t.map(|t| t.split_once(" || ").unwrap_or((t, ""))) {
            Some((a, b)) => (
                Some(fill(a, s).trim().to_string()),
                (!b.is_empty()).then(|| fill(b, s).trim().to_string()),
            ),
            None => (None, None),
        }
    };

    // The core arc: every story has these.
    let mut story = Builder {
        paragraphs: Vec::new(),
        next_id: 0,
        added: Vec::new(),
    };
    story.push(Beat::Opening, vec![f(openings.deal()), f(intros.deal())]);
    story.push(Beat::Companion, vec![f(companion_intros.deal())]);
    let situation_template = if custom.is_some() {
        None
    } else {
        situation.deal()
    };
    let (setup, payoff) = if custom.is_some() {
        let payoff = if has_goal {
            custom_goal_resolution.deal()
        } else {
            custom_seed_resolution.deal()
        };
        // One minute has no room for the title's line: the description alone sets the scene.
        let setup = if !short {
            f(custom_situation.deal())
        } else if slots.description.is_empty() {
            None
        } else {
            Some(slots.description.clone())
        };
        (setup, f(payoff))
    } else {
        pair(situation_template)
    };
    if custom.is_some() {
        // The prompt seed (or the wish it states) sets the situation, in the event's tone.
        // A situation that already says the key phrase (a description that repeats the
        // prompt seed, a title that is the key phrase) does not say it twice.
        let said = |line: &Option<String>| {
            line.as_ref()
                .is_some_and(|l| l.to_lowercase().contains(&slots.seed.to_lowercase()))
        };
        let seed_line = if has_goal {
            f(custom_goal.deal())
        } else if said(&setup) {
            None
        } else {
            f(custom_seed.deal())
        };
        let tone_line = if short { None } else { f(tone.deal()) };
        story.push(Beat::Situation, vec![setup, seed_line, tone_line]);
    } else {
        story.push(Beat::Situation, vec![setup]);
        story.describe_last(english.situation(situation_template));
    }
    if short {
        // One minute holds one episode: the hero meets the situation itself.
        story.push(Beat::Episode, vec![f(acts.decks[0].deal())]);
    } else {
        // The first episode shows the hero's first trait at work on a problem it fits.
        let first = if custom.is_some() {
            custom_moments.deal_if(|_| true)
        } else {
            None
        }
        .or_else(|| problem_for(&mut [&mut moments], &acts, 0));
        let (problem, solution) = pair(first.map(|(t, _)| t));
        let act = first.and_then(|(_, need)| acts.answer(need, 0, 0));
        if let (Some((_, needed)), Some((_, answered))) = (first, act) {
            episodes.push((needed, answered));
        }
        story.push(Beat::Episode, vec![problem, f(act.map(|a| a.0)), solution]);
        story.describe_last(english.problem(first.map(|(t, _)| t)));
    }
    if !short || has_ability {
        let next = if has_ability {
            obstacles
                .deal_if(|_| true)
                .or_else(|| moments.deal_if(|_| true))
        } else {
            problem_for(&mut [&mut obstacles, &mut moments], &acts, 1)
        };
        let (problem, solution) = pair(next.map(|(t, _)| t));
        let act = if has_ability {
            ability.deal()
        } else {
            let act = next.and_then(|(_, need)| acts.answer(need, 1, 1));
            if let (Some((_, needed)), Some((_, answered))) = (next, act) {
                episodes.push((needed, answered));
            }
            act.map(|a| a.0)
        };
        let beat = if has_ability {
            Beat::Ability
        } else {
            Beat::Episode
        };
        story.push(beat, vec![problem, f(act), solution]);
        story.describe_last(english.problem(next.map(|(t, _)| t)));
    }
    let resolution = if clever_first {
        cleverness.deal()
    } else {
        kindness.deal()
    };
    let has_payoff = payoff.is_some();
    story.push(Beat::Resolution, vec![f(resolution), payoff]);
    let going_home = if short { None } else { f(returns.deal()) };
    // The last line's goodnight ("Sleep tight.", "The end.") is shared between all last lines.
    let last_line = f(finals.deal()).map(|line| match sign_off(&line) {
        Some((body, _)) if rng.random_bool(0.5) => {
            let offs: Vec<&str> = lex
                .finals
                .iter()
                .filter_map(|t| sign_off(t))
                .map(|x| x.1)
                .collect();
            let off = offs[rng.random_range(0..offs.len())];
            format!("{body} {}", fill(off, s))
        }
        _ => line,
    });
    story.push(Beat::Ending, vec![going_home, last_line]);
    if has_payoff {
        // In very short stories the situation's own payoff can carry the resolution alone.
        let id = story.last_of(Beat::Resolution);
        story.mark_optional(id, 0);
    }

    // Growth: optional beats in a seeded order, then episodes and details until long enough.
    let mut first = vec![
        Step::Look,
        Step::Setting,
        Step::CompanionLine,
        Step::Keywords,
        Step::ToneLine,
        Step::Sleepy,
        Step::SecondResolution,
    ];
    first.shuffle(rng);
    let cycle = [
        Step::NewEpisode,
        Step::EpisodeDetail,
        Step::Sleepy,
        Step::Setting,
        Step::ToneLine,
        Step::NewEpisode,
        Step::CompanionLine,
        Step::EpisodeDetail,
        Step::Wonder,
        Step::GentleLine,
        Step::Wonder,
        Step::SecondChapter,
    ];
    let (low, mut high) = (target_words * 0.97, target_words * 1.05);
    let mut episode_count = 2usize;
    let mut words = story.words();
    // A core arc already too long for a one-minute story drops its optional sentence first,
    // then grows back with shorter ones.
    while words as f64 > high && story.shrink(words, target_words) {
        words = story.words();
    }
    let main_steps = first.len() + cycle.len() * 25;
    // A last round, only when the story is still short, may overshoot a little more (the
    // contract allows ±10 %): short stories otherwise miss when every sentence left is long.
    let steps = first
        .into_iter()
        .chain(cycle.into_iter().cycle().take(cycle.len() * 27));
    for (i, step) in steps.enumerate() {
        if words as f64 >= low {
            break;
        }
        let mut about = None;
        if i == main_steps {
            high = target_words * 1.08;
        }
        let opening_len = story.len_of(Beat::Opening);
        let companion_len = story.len_of(Beat::Companion);
        let grown: Vec<(Place, Option<String>)> = match step {
            Step::Look if !slots.look.is_empty() => {
                vec![(Place::Append(Beat::Opening), f(looks.deal()))]
            }
            Step::Setting if opening_len < 4 => {
                vec![(Place::Append(Beat::Opening), f(settings.deal()))]
            }
            Step::Setting => vec![(Place::Append(Beat::Episode), f(settings.deal()))],
            Step::CompanionLine if companion_len < 3 => {
                vec![(Place::Append(Beat::Companion), f(companion_lines.deal()))]
            }
            Step::CompanionLine => vec![(Place::Append(Beat::Episode), f(companion_lines.deal()))],
            Step::Keywords if !slots.keywords.is_empty() => {
                vec![(Place::Append(Beat::Situation), f(custom_keywords.deal()))]
            }
            Step::ToneLine if story.len_of(Beat::Situation) < 3 => {
                vec![(Place::Append(Beat::Situation), f(tone.deal()))]
            }
            Step::ToneLine => vec![(Place::Append(Beat::Episode), f(tone.deal()))],
            Step::Sleepy => {
                let line = f(sleepy.deal());
                let line = if rng.random_bool(0.4) {
                    with_lead(line, detail_leads.deal(), s)
                } else {
                    line
                };
                vec![(Place::BeforeLast(Beat::Ending), line)]
            }
            Step::SecondResolution => {
                let other = if clever_first {
                    kindness.deal()
                } else {
                    cleverness.deal()
                };
                vec![(Place::BeforeLast(Beat::Resolution), f(other))]
            }
            Step::NewEpisode => {
                // A custom event's own episodes come back once more in the middle of the story.
                let own = if custom.is_some() && episode_count == 3 {
                    custom_moments.deal_if(|n| acts.can_answer(n))
                } else {
                    None
                };
                // The event's own episodes and the generic ones take turns at random; the act
                // comes mostly from the hero's trait whose turn it is, sometimes from a
                // neighbouring trait or teamwork, and always fits the problem.
                let (a, b) = if rng.random_bool(0.5) {
                    (&mut moments, &mut obstacles)
                } else {
                    (&mut obstacles, &mut moments)
                };
                let turn = episode_count % 2;
                let prefer = match rng.random_range(0..10) {
                    0..=5 => turn,
                    6..=8 => Acts::RELATED,
                    _ => Acts::TEAMWORK,
                };
                let answerable = |n: Need| acts.can_answer(n);
                let next = own
                    .or_else(|| a.deal_if(answerable))
                    .or_else(|| b.deal_if(answerable));
                about = english.problem(next.map(|(t, _)| t));
                let (problem, solution) = pair(next.map(|(t, _)| t));
                let (Some((_, needed)), Some((act, answered))) = (
                    next,
                    next.and_then(|(_, need)| acts.answer(need, prefer, turn)),
                ) else {
                    continue;
                };
                let act = Some(act);
                episodes.push((needed, answered));
                episode_count += 1;
                let lead = if rng.random_bool(0.4) {
                    f(transitions.deal())
                } else {
                    None
                };
                let problem = if lead.is_none() && rng.random_bool(0.7) {
                    with_lead(problem, episode_leads.deal(), s)
                } else {
                    problem
                };
                vec![
                    (Place::NewEpisode, lead),
                    (Place::NewEpisode, problem),
                    (Place::NewEpisode, f(act)),
                    (Place::NewEpisode, solution),
                ]
            }
            Step::EpisodeDetail => {
                let line = f(details.deal());
                let line = if rng.random_bool(0.5) {
                    with_lead(line, detail_leads.deal(), s)
                } else {
                    line
                };
                vec![(Place::Append(Beat::Episode), line)]
            }
            Step::Wonder => {
                let line = f(wonders.deal());
                let line = if rng.random_bool(0.35) {
                    with_lead(line, detail_leads.deal(), s)
                } else {
                    line
                };
                vec![(Place::Append(Beat::Episode), line)]
            }
            Step::GentleLine => {
                // Custom events keep their own tone, then borrow only the neutral ones
                // (inspiring, balanced, educational).
                let line = if custom.is_some() {
                    tone.deal()
                        .or_else(|| tone_lines[1..4].iter_mut().find_map(Deck::deal))
                } else {
                    tone_lines.iter_mut().find_map(Deck::deal)
                };
                vec![(Place::Append(Beat::Episode), f(line))]
            }
            Step::SecondChapter if target_words > 1300.0 => {
                let template = situation.deal();
                about = english.situation(template);
                let (setup, payoff) = pair(template);
                let turn = episode_count % 2;
                let prefer = match rng.random_range(0..10) {
                    0..=5 => turn,
                    6..=8 => Acts::RELATED,
                    _ => Acts::TEAMWORK,
                };
                let act = acts.answer(ANY, prefer, turn).map(|a| a.0);
                if setup.is_none() || act.is_none() {
                    continue;
                }
                episode_count += 1;
                vec![
                    (Place::NewEpisode, f(chapters.deal())),
                    (Place::NewEpisode, setup),
                    (Place::NewEpisode, f(act)),
                    (Place::NewEpisode, payoff),
                ]
            }
            _ => continue,
        };
        let new_words: usize = grown
            .iter()
            .filter_map(|(_, s)| s.as_deref())
            .map(count_words)
            .sum();
        if new_words == 0 || (words + new_words) as f64 > high {
            continue;
        }
        story.grow(grown, about.take());
        words += new_words;
    }
    // Too long (short targets): drop optional sentences, newest first.
    while words as f64 > high && story.shrink(words, target_words) {
        words = story.words();
    }
    Composition {
        title,
        paragraphs: story.paragraphs,
        companion,
        companion_name,
        episodes,
    }
}

/// A last line split into its story sentence and its short goodnight, if it has one.
fn sign_off(line: &str) -> Option<(&str, &str)> {
    let at = line.find(". ")?;
    let (body, rest) = (&line[..=at], line[at + 2..].trim());
    (!rest.is_empty() && rest.split_whitespace().count() <= 6).then_some((body, rest))
}

/// `sentence` opened by a connective ("Then", "Meanwhile"): the first letter goes lowercase
/// (not for names, "I", German nouns, or a lead that ends its own clause with ':' or '?').
/// Sentences that open with a quote, or already with a connective (a comma early on), stay.
fn with_lead(sentence: Option<String>, lead: Option<&str>, slots: &Slots) -> Option<String> {
    let (Some(sentence), Some(lead)) = (sentence.as_ref(), lead) else {
        return sentence;
    };
    let early_comma = sentence
        .char_indices()
        .take_while(|(i, _)| *i < 28)
        .any(|(_, c)| c == ',');
    // Sentences that already open with a connective of their own.
    const STARTERS: [&str; 37] = [
        "At",
        "Au",
        "À",
        "Al",
        "Am",
        "Auf",
        "All'inizio",
        "Soon",
        "Then",
        "Suddenly",
        "Just",
        "Halfway",
        "Later",
        "Before",
        "After",
        "Once",
        "When",
        "Bientôt",
        "Puis",
        "Soudain",
        "Ensuite",
        "Quand",
        "Pronto",
        "Luego",
        "Entonces",
        "De",
        "Cuando",
        "Presto",
        "Poi",
        "Dopo",
        "Quando",
        "All'improvviso",
        "Bald",
        "Dann",
        "Plötzlich",
        "Als",
        "Poco",
    ];
    let opener = sentence
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or_default();
    if early_comma
        || describes(sentence, slots.language)
        || STARTERS.contains(&opener)
        || sentence.starts_with(|c: char| !c.is_alphabetic())
    {
        return Some(sentence.clone());
    }
    let first = sentence.split_whitespace().next().unwrap_or_default();
    let keep = lead.ends_with([':', '?'])
        || matches!(slots.language, Some(crate::Language::De))
        || (first == "I" && matches!(slots.language, Some(crate::Language::En) | None))
        || [&slots.name, &slots.companion]
            .iter()
            .any(|n| !n.is_empty() && first.starts_with(n.as_str()));
    let body = if keep {
        sentence.clone()
    } else {
        let mut chars = sentence.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    };
    let glue = if lead.ends_with([':', '?']) {
        " "
    } else {
        ", "
    };
    Some(format!("{lead}{glue}{body}"))
}

/// Whether `sentence` describes how things were (a past perfect, an imperfect "was") rather
/// than telling what happened next: "Then, a bee had landed on a flower" and "Meanwhile, the
/// pebbles were smooth" read wrong, so such sentences take no connective. German connectives
/// end their own clause ("Und weißt du was?") and fit either kind.
pub(super) fn describes(sentence: &str, language: Option<Language>) -> bool {
    let markers: &[&str] = match language {
        Some(Language::En) | None => &["had", "was", "were"],
        Some(Language::Fr) => &["avait", "avaient", "était", "étaient"],
        Some(Language::Es) => &["había", "habían", "estaba", "estaban", "era", "eran"],
        Some(Language::It) => &["aveva", "avevano", "era", "erano", "stava", "stavano"],
        Some(Language::De) => &[],
    };
    // French and Italian imperfects by their endings ("brillait", "brillava"), minus the
    // everyday words that end the same way.
    let imperfect = |w: &str| match language {
        Some(Language::Fr) => {
            (w.ends_with("ait") || w.ends_with("aient"))
                && !["fait", "lait", "trait", "parfait", "souhait", "portrait"].contains(&w)
        }
        Some(Language::It) => {
            w.chars().count() > 5
                && ["ava", "avano", "eva", "evano", "iva", "ivano"]
                    .iter()
                    .any(|end| w.ends_with(end))
        }
        _ => false,
    };
    let first_clause = sentence.split([',', ';', ':']).next().unwrap_or_default();
    first_clause
        .split_whitespace()
        .take(9)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| markers.contains(&w.as_str()) || imperfect(&w))
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

fn tone_index(t: EventTone) -> usize {
    EventTone::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

pub(super) fn index_of(e: crate::BuiltInEvent) -> usize {
    crate::BuiltInEvent::ALL
        .iter()
        .position(|x| *x == e)
        .unwrap_or(0)
}
