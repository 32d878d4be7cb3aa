//! The shape of one language's story grammar: pools of sentence templates for each story beat,
//! loaded from the content files by `content`.
//!
//! Templates are filled by `template::fill`; see its header for the placeholders. Pools are
//! drawn without replacement within a story, so a sentence never repeats in one story.

use super::needs::Need;

/// One template of a pool: its stable id, its text in this language and its tags.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    /// The id every language tells it under.
    pub id: &'static str,
    pub text: &'static str,
    /// What the problem needs or the act answers (`ANY` when untagged).
    pub needs: Need,
    /// Only told in stories that happen outdoors in summer.
    pub outdoors: bool,
    /// Only told by daylight: never in a story whose event happens at night.
    pub daylight: bool,
}

/// Sentence templates, in the order a story shuffles them.
pub(super) type Pool = Vec<Item>;

/// A word list of one language.
pub(super) type Words = Vec<&'static str>;

/// How one trait is said in one language.
#[derive(Debug)]
pub(super) struct TraitWords {
    /// Predicative adjective, masculine.
    pub adj_m: &'static str,
    /// Predicative adjective, feminine.
    pub adj_f: &'static str,
    /// Gender-free noun phrase ("a brave heart"), used in neutral phrasing.
    pub noun: &'static str,
    /// Episode sentences where the trait decides what the hero does.
    pub acts: Pool,
}

/// How one built-in event is told in one language.
#[derive(Debug)]
pub(super) struct EventWords {
    /// Title fragment, e.g. "the Moonlit Path".
    pub title: &'static str,
    /// Where it happens, as a prepositional phrase: "on the moonlit path behind the house".
    pub place_in: &'static str,
    /// What starts the adventure, "setup || how it is resolved in the end".
    pub situation: Pool,
    /// Event-specific episodes, "problem || solution".
    pub moments: Pool,
}

/// One language's story grammar.
#[derive(Debug)]
pub(super) struct Lexicon {
    /// Titles: {N}, {ET}, {C}.
    pub titles: Pool,
    /// First sentence of the story: {PLACE_IN}.
    pub openings: Pool,
    /// Calm setting details.
    pub settings: Pool,
    /// Hero introductions with adjectives {A1} {A2}.
    pub intros_adj: Pool,
    /// Hero introductions with gender-free trait nouns {T1} {T2}.
    pub intros_noun: Pool,
    /// The hero's look: {LOOK}.
    pub looks: Pool,
    /// Companion introductions: {CK} {C}.
    pub companion_intros: Pool,
    /// Companion kinds, indexed like `events::CompanionKind`.
    pub companion_kinds: Vec<&'static str>,
    /// Companion bodies, indexed like `companion_kinds`: a paw as the paw sentences need it
    /// (with its article where the language needs one), paws, how it walks (past tense), and how
    /// it tucks itself up to sleep.
    pub companion_bodies: Vec<[&'static str; 4]>,
    /// Traits, indexed like `Trait::ALL`.
    pub traits: Vec<TraitWords>,
    /// Generic small problems along the way, "problem || solution".
    pub obstacles: Pool,
    /// Problems solved together.
    pub teamwork: Pool,
    /// Warm companion moments.
    pub companion_lines: Pool,
    /// Short standalone sentences that move the story on.
    pub transitions: Pool,
    /// Calm sensory details.
    pub details: Pool,
    /// Small shared moments between the hero and the companion.
    pub wonders: Pool,
    /// Opens a second adventure in long stories.
    pub chapters: Pool,
    /// The special ability matters: {ABILITY}.
    pub ability: Pool,
    /// Resolution through kindness.
    pub kindness: Pool,
    /// Resolution through cleverness.
    pub cleverness: Pool,
    /// Going home.
    pub returns: Pool,
    /// Sleepy wind-down.
    pub sleepy: Pool,
    /// Last line.
    pub finals: Pool,
    /// Custom event situation: {TITLE} {DESC}.
    pub custom_situation: Pool,
    /// Custom event: the key phrase of its prompt seed in the situation: {SEED}.
    pub custom_seed: Pool,
    /// Custom event: the wish its prompt seed describes, in the situation: {GOAL}.
    pub custom_goal: Pool,
    /// Custom event: the key phrase again in the resolution: {SEED}.
    pub custom_seed_resolution: Pool,
    /// Custom event: the wish fulfilled: {GOAL}.
    pub custom_goal_resolution: Pool,
    /// Custom event episodes around the key phrase, "problem || solution": {SEED}.
    pub custom_moments: Pool,
    /// Custom event episodes around the wish, "problem || solution": {GOAL}.
    pub custom_goal_moments: Pool,
    /// Lowercase words after which a prompt seed states a wish ("wants to ").
    pub wish_markers: Words,
    /// Lowercase openings a prompt seed may start with that are not its subject ("a story about ").
    pub seed_fillers: Words,
    /// Connectives that may open an episode's problem ("Then"); German ones end with ':' or
    /// '?' so the sentence after them keeps its word order.
    pub episode_leads: Words,
    /// Connectives that may open a calm detail or a sleepy line ("Meanwhile").
    pub detail_leads: Words,
    /// Custom event keywords: {KWS}.
    pub custom_keywords: Pool,
    /// EventTone-flavoured sentences, indexed like `EventTone::ALL`.
    pub tones: Vec<Pool>,
    /// Built-in events, indexed like `BuiltInEvent::ALL`.
    pub events: Vec<EventWords>,
    /// Word joining the last two items of a list ("and").
    pub and: &'static str,
    /// Words whose presence in the final paragraph marks a calm, sleepy ending (lowercase).
    pub sleep_words: Words,
}
