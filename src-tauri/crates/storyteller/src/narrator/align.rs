//! Read-along timings for speech that comes without word events (the neural voices): each
//! sentence is synthesised on its own, so its start and end in the story are exact; inside it,
//! the voiced part is found from the audio's energy, the clauses (words before a comma, colon,
//! semicolon or dash) are pinned to the pauses the voice really made, and the words of a clause
//! share its time by their number of phonemes.

/// One word of a sentence to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordToPlace {
    /// Byte range in the story text.
    pub start: usize,
    pub end: usize,
    /// A clause break (`,` `;` `:` dash) follows it.
    pub clause_break: bool,
    /// Its phonemes (its share of the clause's time), at least 1.
    pub phonemes: usize,
}

/// Length of one analysis frame, seconds.
const FRAME: f64 = 0.01;
/// A pause inside a sentence is at least this long, seconds.
const MIN_PAUSE: f64 = 0.07;

/// Frames of `samples` whose energy is speech (not silence).
pub(crate) fn voiced_frames(samples: &[f32], rate: u32) -> Vec<bool> {
    let len = ((f64::from(rate) * FRAME) as usize).max(1);
    let rms: Vec<f32> = samples
        .chunks(len)
        .map(|f| (f.iter().map(|s| s * s).sum::<f32>() / f.len() as f32).sqrt())
        .collect();
    let peak = rms.iter().copied().fold(0.0f32, f32::max);
    let threshold = (peak * 0.06).max(0.003);
    rms.iter().map(|r| *r > threshold).collect()
}

/// Silent runs `[from, to)` (in frames) of at least `min` frames strictly inside `[lo, hi)`.
fn pauses(voiced: &[bool], lo: usize, hi: usize, min: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, v) in voiced.iter().enumerate().take(hi).skip(lo) {
        match (v, run) {
            (false, None) => run = Some(i),
            (true, Some(s)) => {
                if i - s >= min {
                    out.push((s, i));
                }
                run = None;
            }
            _ => {}
        }
    }
    out
}

/// (byte start, byte end, start s, end s) of each word of a sentence whose audio is `samples`
/// at `rate`, starting `offset` seconds into the story.
pub(crate) fn place_words(
    words: &[WordToPlace],
    samples: &[f32],
    rate: u32,
    offset: f64,
) -> Vec<(usize, usize, f64, f64)> {
    if words.is_empty() || samples.is_empty() {
        return Vec::new();
    }
    let voiced = voiced_frames(samples, rate);
    let total = samples.len() as f64 / f64::from(rate);
    let first = voiced.iter().position(|v| *v);
    let last = voiced.iter().rposition(|v| *v);
    let (v0, v1) = match (first, last) {
        (Some(a), Some(b)) => (a, b + 1),
        _ => (0, voiced.len()),
    };
    // Clauses: runs of words up to (and including) one followed by a clause break.
    let mut clauses: Vec<&[WordToPlace]> = Vec::new();
    let mut from = 0;
    for (i, w) in words.iter().enumerate() {
        if w.clause_break && i + 1 < words.len() {
            clauses.push(&words[from..=i]);
            from = i + 1;
        }
    }
    clauses.push(&words[from..]);
    // Spans of time (frames) for each clause, split at the longest inner pauses.
    let min = (MIN_PAUSE / FRAME).round() as usize;
    let mut found = pauses(&voiced, v0, v1, min);
    let breaks = clauses.len() - 1;
    let spans: Vec<(f64, f64)> = if breaks > 0 && found.len() >= breaks {
        found.sort_by_key(|(a, b)| std::cmp::Reverse(b - a));
        found.truncate(breaks);
        found.sort();
        let mut spans = Vec::with_capacity(clauses.len());
        let mut at = v0;
        for (a, b) in &found {
            spans.push((at as f64 * FRAME, *a as f64 * FRAME));
            at = *b;
        }
        spans.push((at as f64 * FRAME, v1 as f64 * FRAME));
        spans
    } else {
        // No clear pauses: share the voiced time by weight, a clause break counting as three
        // phonemes of pause.
        let weight = |c: &[WordToPlace]| -> f64 {
            c.iter()
                .map(|w| w.phonemes.max(1) as f64 + 1.0)
                .sum::<f64>()
                + if c.last().is_some_and(|w| w.clause_break) {
                    3.0
                } else {
                    0.0
                }
        };
        let all: f64 = clauses.iter().map(|c| weight(c)).sum();
        let (a, b) = (v0 as f64 * FRAME, v1 as f64 * FRAME);
        let mut at = a;
        clauses
            .iter()
            .map(|c| {
                let len = (b - a) * weight(c) / all;
                let span = (at, at + len);
                at += len;
                span
            })
            .collect()
    };
    let mut out = Vec::with_capacity(words.len());
    for (clause, (a, b)) in clauses.iter().zip(spans) {
        let (a, b) = (a.min(total), b.min(total).max(a.min(total)));
        // Each word's phonemes, and one phoneme's worth of gap between two words (none after the
        // last: the clause's sound lasts until its last word ends).
        let gaps = clause.len().saturating_sub(1) as f64;
        let weight: f64 = clause.iter().map(|w| w.phonemes.max(1) as f64).sum::<f64>() + gaps;
        let mut at = a;
        for (i, w) in clause.iter().enumerate() {
            let spoken = (b - a) * w.phonemes.max(1) as f64 / weight;
            let end = if i + 1 == clause.len() {
                b
            } else {
                at + spoken
            };
            out.push((w.start, w.end, offset + at, offset + end));
            at += spoken + (b - a) / weight;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(seconds: f64, rate: u32) -> Vec<f32> {
        (0..(seconds * f64::from(rate)) as usize)
            .map(|i| (i as f32 * 0.07).sin() * 0.4)
            .collect()
    }

    fn silence(seconds: f64, rate: u32) -> Vec<f32> {
        vec![0.0; (seconds * f64::from(rate)) as usize]
    }

    fn word(start: usize, phonemes: usize, clause_break: bool) -> WordToPlace {
        WordToPlace {
            start,
            end: start + 1,
            clause_break,
            phonemes,
        }
    }

    #[test]
    fn clauses_are_pinned_to_the_pauses_in_the_audio() {
        let rate = 22_050;
        // 0.2 s lead-in, clause 1 (1.0 s), a 0.3 s pause, clause 2 (0.6 s), 0.25 s tail.
        let audio = [
            silence(0.2, rate),
            tone(1.0, rate),
            silence(0.3, rate),
            tone(0.6, rate),
            silence(0.25, rate),
        ]
        .concat();
        // Weights deliberately lopsided: a phoneme share alone would put the break elsewhere.
        let words = [word(0, 2, false), word(2, 2, true), word(4, 12, false)];
        let placed = place_words(&words, &audio, rate, 10.0);
        assert_eq!(placed.len(), 3);
        assert!((placed[0].2 - 10.2).abs() < 0.02, "{placed:?}");
        assert!((placed[2].2 - 11.5).abs() < 0.02, "{placed:?}");
        assert!(
            placed[1].3 <= 11.21,
            "the clause ends before the pause: {placed:?}"
        );
        assert!(placed[2].3 <= 12.11 && placed[2].3 > 11.9, "{placed:?}");
        assert!(placed.windows(2).all(|p| p[1].2 >= p[0].3));
    }

    #[test]
    fn without_pauses_words_share_the_voiced_time_by_phonemes() {
        let rate = 16_000;
        let audio = [silence(0.1, rate), tone(2.0, rate), silence(0.1, rate)].concat();
        let words = [word(0, 3, false), word(2, 9, false)];
        let placed = place_words(&words, &audio, rate, 0.0);
        let (first, second) = (placed[0].3 - placed[0].2, placed[1].3 - placed[1].2);
        assert!((second / first - 3.0).abs() < 0.01, "{placed:?}");
        assert!((placed[0].2 - 0.1).abs() < 0.02);
        assert!(placed[1].3 <= 2.1 + 0.02);
    }

    #[test]
    fn a_clause_s_last_word_lasts_until_its_sound_stops() {
        let rate = 22_050;
        // "Warm, safe": a one-word clause (0.5 s of sound), a 0.4 s pause, then the next clause.
        let audio = [
            silence(0.2, rate),
            tone(0.5, rate),
            silence(0.4, rate),
            tone(0.5, rate),
            silence(0.2, rate),
        ]
        .concat();
        let words = [word(0, 3, true), word(2, 3, false), word(4, 3, false)];
        let placed = place_words(&words, &audio, rate, 0.0);
        assert!((placed[0].3 - 0.7).abs() < 0.02, "{placed:?}");
        assert!((placed[2].3 - 1.6).abs() < 0.02, "{placed:?}");
        assert!(placed[1].3 < placed[2].2, "a gap between words: {placed:?}");
    }

    #[test]
    fn nothing_to_place_gives_nothing() {
        assert!(place_words(&[], &tone(1.0, 8_000), 8_000, 0.0).is_empty());
        assert!(place_words(&[word(0, 1, false)], &[], 8_000, 0.0).is_empty());
    }
}
