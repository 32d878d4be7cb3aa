//! Growing a story to its length: optional beats in a seeded order, then new episodes, details,
//! wonders and chapters until the word count fits the target (and shrinking when a short
//! target is overshot).

use rand::Rng;
use rand::seq::SliceRandom;

use super::compose::{Beat, Place, Teller, count_words};
use super::decks::{Acts, Deck};
use super::needs::{ANY, Need};
use super::sentences::{line, pair, with_lead};

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

impl Teller<'_> {
    /// Growth: optional beats in a seeded order, then episodes and details until long enough;
    /// a story still too long (short targets) drops optional sentences, newest first.
    pub(super) fn grow(&mut self) {
        let mut first = vec![
            Step::Look,
            Step::Setting,
            Step::CompanionLine,
            Step::Keywords,
            Step::ToneLine,
            Step::Sleepy,
            Step::SecondResolution,
        ];
        first.shuffle(self.rng);
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
        let target_words = self.target_words;
        let (low, mut high) = (target_words * 0.97, target_words * 1.05);
        let mut episode_count = 2usize;
        let mut words = self.story.words();
        // A core arc already too long for a one-minute story drops its optional sentence
        // first, then grows back with shorter ones.
        while words as f64 > high && self.story.shrink(words, target_words) {
            words = self.story.words();
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
            let Some(grown) = self.step(step, &mut episode_count, &mut about) else {
                continue;
            };
            let new_words: usize = grown
                .iter()
                .filter_map(|(_, s)| s.as_deref())
                .map(count_words)
                .sum();
            if new_words == 0 || (words + new_words) as f64 > high {
                continue;
            }
            self.story.grow(grown, about.take());
            words += new_words;
        }
        while words as f64 > high && self.story.shrink(words, target_words) {
            words = self.story.words();
        }
    }

    /// The sentences one growth step adds, and where; `None` when the step has nothing to add.
    fn step(
        &mut self,
        step: Step,
        episode_count: &mut usize,
        about: &mut Option<String>,
    ) -> Option<Vec<(Place, Option<String>)>> {
        let s = self.slots;
        let opening_len = self.story.len_of(Beat::Opening);
        let companion_len = self.story.len_of(Beat::Companion);
        let situation_len = self.story.len_of(Beat::Situation);
        let d = &mut self.decks;
        let rng = &mut *self.rng;
        Some(match step {
            Step::Look if !s.look.is_empty() => {
                vec![(Place::Append(Beat::Opening), line(s, d.looks.deal()))]
            }
            Step::Setting if opening_len < 4 => {
                vec![(Place::Append(Beat::Opening), line(s, d.settings.deal()))]
            }
            Step::Setting => vec![(Place::Append(Beat::Episode), line(s, d.settings.deal()))],
            Step::CompanionLine if companion_len < 3 => {
                vec![(
                    Place::Append(Beat::Companion),
                    line(s, d.companion_lines.deal()),
                )]
            }
            Step::CompanionLine => {
                vec![(
                    Place::Append(Beat::Episode),
                    line(s, d.companion_lines.deal()),
                )]
            }
            Step::Keywords if !s.keywords.is_empty() => {
                vec![(
                    Place::Append(Beat::Situation),
                    line(s, d.custom_keywords.deal()),
                )]
            }
            Step::ToneLine if situation_len < 3 => {
                vec![(Place::Append(Beat::Situation), line(s, d.tone.deal()))]
            }
            Step::ToneLine => vec![(Place::Append(Beat::Episode), line(s, d.tone.deal()))],
            Step::Sleepy => {
                let l = line(s, d.sleepy.deal());
                let l = if rng.random_bool(0.4) {
                    with_lead(l, d.detail_leads.deal(), s)
                } else {
                    l
                };
                vec![(Place::BeforeLast(Beat::Ending), l)]
            }
            Step::SecondResolution => {
                let other = if self.clever_first {
                    d.kindness.deal()
                } else {
                    d.cleverness.deal()
                };
                vec![(Place::BeforeLast(Beat::Resolution), line(s, other))]
            }
            Step::NewEpisode => {
                // A custom event's own episodes come back once more in the middle of the story.
                let own = if self.custom && *episode_count == 3 {
                    let acts = &d.acts;
                    d.custom_moments.deal_if(|n| acts.can_answer(n))
                } else {
                    None
                };
                // The event's own episodes and the generic ones take turns at random; the act
                // comes mostly from the hero's trait whose turn it is, sometimes from a
                // neighbouring trait or teamwork, and always fits the problem.
                let (a, b) = if rng.random_bool(0.5) {
                    (&mut d.moments, &mut d.obstacles)
                } else {
                    (&mut d.obstacles, &mut d.moments)
                };
                let turn = *episode_count % 2;
                let prefer = match rng.random_range(0..10) {
                    0..=5 => turn,
                    6..=8 => Acts::RELATED,
                    _ => Acts::TEAMWORK,
                };
                let acts = &d.acts;
                let answerable = |n: Need| acts.can_answer(n);
                let next = own
                    .or_else(|| a.deal_if(answerable))
                    .or_else(|| b.deal_if(answerable));
                *about = self.english.problem(next.map(|(t, _)| t));
                let (problem, solution) = pair(s, next.map(|(t, _)| t));
                let (Some((_, needed)), Some((act, answered))) = (
                    next,
                    next.and_then(|(_, need)| d.acts.answer(need, prefer, turn)),
                ) else {
                    return None;
                };
                self.episodes.push((needed, answered));
                *episode_count += 1;
                let lead = if rng.random_bool(0.4) {
                    line(s, d.transitions.deal())
                } else {
                    None
                };
                let problem = if lead.is_none() && rng.random_bool(0.7) {
                    with_lead(problem, d.episode_leads.deal(), s)
                } else {
                    problem
                };
                vec![
                    (Place::NewEpisode, lead),
                    (Place::NewEpisode, problem),
                    (Place::NewEpisode, line(s, Some(act))),
                    (Place::NewEpisode, solution),
                ]
            }
            Step::EpisodeDetail => {
                let l = line(s, d.details.deal());
                let l = if rng.random_bool(0.5) {
                    with_lead(l, d.detail_leads.deal(), s)
                } else {
                    l
                };
                vec![(Place::Append(Beat::Episode), l)]
            }
            Step::Wonder => {
                let l = line(s, d.wonders.deal());
                let l = if rng.random_bool(0.35) {
                    with_lead(l, d.detail_leads.deal(), s)
                } else {
                    l
                };
                vec![(Place::Append(Beat::Episode), l)]
            }
            Step::GentleLine => {
                // Custom events keep their own tone, then borrow only the neutral ones
                // (inspiring, balanced, educational).
                let l = if self.custom {
                    d.tone
                        .deal()
                        .or_else(|| d.tone_lines[1..4].iter_mut().find_map(Deck::deal))
                } else {
                    d.tone_lines.iter_mut().find_map(Deck::deal)
                };
                vec![(Place::Append(Beat::Episode), line(s, l))]
            }
            Step::SecondChapter if self.target_words > 1300.0 => {
                let template = d.situation.deal();
                *about = self.english.situation(template);
                let (setup, payoff) = pair(s, template);
                let turn = *episode_count % 2;
                let prefer = match rng.random_range(0..10) {
                    0..=5 => turn,
                    6..=8 => Acts::RELATED,
                    _ => Acts::TEAMWORK,
                };
                let act = d.acts.answer(ANY, prefer, turn).map(|a| a.0);
                if setup.is_none() || act.is_none() {
                    return None;
                }
                *episode_count += 1;
                vec![
                    (Place::NewEpisode, line(s, d.chapters.deal())),
                    (Place::NewEpisode, setup),
                    (Place::NewEpisode, line(s, act)),
                    (Place::NewEpisode, payoff),
                ]
            }
            _ => return None,
        })
    }
}
