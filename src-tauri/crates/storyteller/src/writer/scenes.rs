//! Picks the illustrated moments of a story: 3–8 excerpts spread along the arc, each with the
//! narration time at which it is spoken, a fitting emotion and importance, and a safe English
//! illustration prompt that names the hero, the companion and the event's place.

use super::compose::{Beat, Composition, Paragraph, count_words};
use crate::scenery::{CompanionKind, Visual};
use crate::{Emotion, HeroDraft, Importance, Scene};

/// How many scenes a story of `seconds` gets.
pub(crate) fn scene_count(seconds: f64) -> usize {
    ((seconds / 70.0).round() as usize).clamp(3, 8)
}

/// What the illustrator needs to know about the story, besides the moment itself.
pub(super) struct SceneContext<'a> {
    pub hero: &'a HeroDraft,
    pub visual: Visual,
    pub companion: CompanionKind,
    pub companion_name: &'a str,
    pub words_per_minute: f64,
    pub seconds: f64,
}

/// Scenes for a composed story whose content is `content`.
pub(super) fn scenes(comp: &Composition, content: &str, ctx: &SceneContext<'_>) -> Vec<Scene> {
    // Candidate moments: each paragraph's first sentence, then second sentences of long ones.
    let mut candidates: Vec<(usize, usize)> = (0..comp.paragraphs.len()).map(|p| (p, 0)).collect();
    let wanted = scene_count(ctx.seconds);
    for (p, para) in comp.paragraphs.iter().enumerate() {
        if candidates.len() >= wanted {
            break;
        }
        if para.sentences.len() > 2 {
            candidates.push((p, 1));
        }
    }
    candidates.sort_unstable();
    let picks = spread(candidates.len(), wanted);
    let mut offset_words = Vec::with_capacity(comp.paragraphs.len());
    let mut running = 0usize;
    for para in &comp.paragraphs {
        let mut per = Vec::new();
        for s in &para.sentences {
            per.push(running);
            running += count_words(s);
        }
        offset_words.push(per);
    }
    picks
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (p, s) = candidates[c];
            let para = &comp.paragraphs[p];
            let segment = excerpt(&para.sentences, s);
            debug_assert!(content.contains(&segment));
            let at = if i == 0 {
                0.0
            } else {
                offset_words[p][s] as f64 * 60.0 / ctx.words_per_minute
            };
            let (emotion, importance) = mood(para.beat, i, ctx);
            Scene {
                scene_number: i as u32 + 1,
                illustration_prompt: prompt(para, emotion, ctx),
                text_segment: segment,
                timestamp_seconds: (at * 10.0).round() / 10.0,
                emotion,
                importance,
            }
        })
        .collect()
}

/// `want` indices spread evenly over `0..len`, from the first to the last (so a story's
/// illustrations start at its opening and end with its sleepy ending); fewer if `len` is smaller.
pub(crate) fn spread(len: usize, want: usize) -> Vec<usize> {
    let want = want.min(len);
    match want {
        0 => Vec::new(),
        1 => vec![0],
        _ => {
            let mut out: Vec<usize> = (0..want).map(|i| i * (len - 1) / (want - 1)).collect();
            out.dedup();
            out
        }
    }
}

/// The sentence and, when it is short, the next one too (contiguous in the content).
fn excerpt(sentences: &[String], at: usize) -> String {
    let mut text = sentences[at].clone();
    if count_words(&text) < 14
        && let Some(next) = sentences.get(at + 1)
    {
        text.push(' ');
        text.push_str(next);
    }
    text
}

fn mood(beat: Beat, index: usize, ctx: &SceneContext<'_>) -> (Emotion, Importance) {
    match beat {
        Beat::Opening => (Emotion::Peaceful, Importance::Major),
        Beat::Companion => (Emotion::Joyful, Importance::Minor),
        Beat::Situation if ctx.visual.night => (Emotion::Mysterious, Importance::Key),
        Beat::Situation => (Emotion::Exciting, Importance::Key),
        Beat::Episode if index.is_multiple_of(2) => (Emotion::Adventurous, Importance::Major),
        Beat::Episode => (Emotion::Exciting, Importance::Major),
        Beat::Ability => (Emotion::Exciting, Importance::Key),
        Beat::Resolution => (Emotion::Heartwarming, Importance::Key),
        Beat::Ending => (Emotion::Peaceful, Importance::Minor),
    }
}

/// A safe English prompt: who, what happens (the English telling of the paragraph's
/// situation or problem, when the grammar has one), where, and a light that keeps the story's
/// time of day (a bedtime story stays in the evening from the first picture to the last).
fn prompt(para: &Paragraph, emotion: Emotion, ctx: &SceneContext<'_>) -> String {
    let beat = para.beat;
    let hero = ctx.hero;
    let mut who = format!(
        "{}, a {} and {} child",
        hero.name,
        hero.primary_trait.id(),
        hero.secondary_trait.id()
    );
    if let Some(look) = hero.appearance.as_deref().filter(|l| !l.trim().is_empty()) {
        who.push_str(&format!(" with {}", look.trim()));
    }
    let moment = match beat {
        Beat::Opening => "at the very beginning of a calm evening, looking around with wonder",
        Beat::Companion => "meeting their companion with a happy smile",
        Beat::Situation => "discovering what today's adventure will be",
        Beat::Episode => "exploring side by side and solving a small puzzle together",
        Beat::Ability => "using a special gift while the companion watches in delight",
        Beat::Resolution => "sharing a warm, kind moment with new friends",
        Beat::Ending => "cosy and sleepy, tucked in under a soft blanket as the day ends",
    };
    let light = match (emotion, ctx.visual.night) {
        (Emotion::Joyful, false) => "bright warm sunshine",
        (Emotion::Joyful, true) => "warm lantern light under a starry sky",
        (Emotion::Peaceful, false) => "soft calm light",
        (Emotion::Peaceful, true) => "soft silver moonlight",
        (Emotion::Exciting, false) => "sparkling light and lively colours",
        (Emotion::Exciting, true) => "twinkling starlight and little glowing lights",
        (Emotion::Mysterious, _) => "gentle glowing twilight",
        (Emotion::Heartwarming, false) => "golden glowing light",
        (Emotion::Heartwarming, true) => "golden lamplight in the blue evening",
        (Emotion::Adventurous, false) => "clear fresh daylight",
        (Emotion::Adventurous, true) => "bright moonlight and a sky full of stars",
        (Emotion::Contemplative, false) => "quiet pastel light",
        (Emotion::Contemplative, true) => "quiet deep-blue night light",
    };
    let what = para
        .about
        .as_deref()
        .map(|about| format!(" What happens: {about}"))
        .unwrap_or_default();
    format!(
        "{who}, together with a friendly {} called {}, {moment}.{what} Setting: {}. Light: \
         {light}. Warm picture-book style, soft rounded shapes, gentle colours, friendly and safe \
         for young children, no text.",
        ctx.companion.english(),
        ctx.companion_name,
        ctx.visual.place
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scene_count_grows_with_length_within_three_to_eight() {
        assert_eq!(scene_count(60.0), 3);
        assert_eq!(scene_count(420.0), 6);
        assert_eq!(scene_count(900.0), 8);
    }

    #[test]
    fn spread_starts_at_zero_and_increases() {
        assert_eq!(spread(10, 4), vec![0, 3, 6, 9]);
        assert_eq!(spread(2, 5), vec![0, 1]);
    }
}
