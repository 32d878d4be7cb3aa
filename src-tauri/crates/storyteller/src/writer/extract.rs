//! Scene extraction for text the offline writer did not write (edited or imported stories):
//! the openings of paragraphs spread along the text, timed by word position.

use super::compose::count_words;
use super::scenes::{scene_count, spread};
use crate::{Emotion, Importance, Result, Scene, SceneRequest, StorytellerError};

/// Scenes for `request.story_content`.
pub(super) fn extract(request: &SceneRequest) -> Result<Vec<Scene>> {
    let text = request.story_content.as_str();
    if text.trim().is_empty() {
        return Err(StorytellerError::invalid(
            "storyContent",
            "the story text is empty",
        ));
    }
    if !(request.story_duration.is_finite() && request.story_duration > 0.0) {
        return Err(StorytellerError::invalid(
            "storyDuration",
            "must be a positive number of seconds",
        ));
    }
    let sentences = split_sentences(text);
    // Prefer sentences that open a paragraph; fall back to every sentence.
    let openers: Vec<usize> = sentences
        .iter()
        .enumerate()
        .filter(|(i, (start, _))| {
            *i == 0 || text[..*start].trim_end_matches([' ', '\t']).ends_with('\n')
        })
        .map(|(i, _)| i)
        .collect();
    let wanted = scene_count(request.story_duration)
        .min(sentences.len())
        .max(1);
    let candidates: Vec<usize> = if openers.len() >= wanted.min(3) && openers.len() >= 3 {
        openers
    } else {
        (0..sentences.len()).collect()
    };
    let total_words = count_words(text).max(1) as f64;
    let picks = spread(candidates.len(), wanted);
    let count = picks.len();
    Ok(picks
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (start, end) = sentences[candidates[c]];
            let segment = text[start..end].to_string();
            let before = count_words(&text[..start]) as f64;
            let emotion = guess_emotion(&segment, i, count);
            Scene {
                scene_number: i as u32 + 1,
                illustration_prompt: format!(
                    "A scene from a gentle {} bedtime story with {} and a friendly companion: {}. Warm \
                     picture-book style, soft rounded shapes, gentle colours, safe for young children, no text.",
                    if request.event_context.trim().is_empty() { "family" } else { request.event_context.trim() },
                    request.hero_name.trim(),
                    clip(&segment, 220)
                ),
                timestamp_seconds: if i == 0 { 0.0 } else { (before / total_words * request.story_duration * 10.0).round() / 10.0 },
                emotion,
                importance: if i == 0 || i + 1 == count { Importance::Major } else if i == count / 2 { Importance::Key } else { Importance::Minor },
                text_segment: segment,
            }
        })
        .collect())
}

/// Byte ranges of sentences (terminal punctuation plus closing quotes kept).
pub(crate) fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut end = i + c.len_utf8();
            // Closing punctuation and quotes belong to the sentence, also French " »".
            let rest = &text[end..];
            let mut len = 0;
            let mut ahead = rest.char_indices().peekable();
            while let Some((j, q)) = ahead.next() {
                match q {
                    '"' | '»' | '”' | '’' | '\'' | ')' | '.' | '!' | '?' => {
                        len = j + q.len_utf8()
                    }
                    ' ' | '\u{a0}' if ahead.peek().is_some_and(|&(_, n)| n == '»') => {}
                    _ => break,
                }
            }
            end += len;
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            let next = text[end..].trim_start();
            let boundary = text[end..].starts_with(char::is_whitespace) || text[end..].is_empty();
            let continues = next.starts_with(|n: char| n.is_lowercase());
            if boundary
                && !continues
                && let Some(s) = start.take()
            {
                out.push((s, end));
            }
        }
    }
    if let Some(s) = start {
        let end = text.trim_end().len();
        if end > s {
            out.push((s, end));
        }
    }
    out
}

fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

fn guess_emotion(segment: &str, index: usize, count: usize) -> Emotion {
    let lower = segment.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if index + 1 == count
        || has(&[
            "sleep",
            "dorm",
            "schlaf",
            "sueño",
            "sonno",
            "goodnight",
            "bonne nuit",
            "buenas noches",
            "gute nacht",
            "buonanotte",
        ])
    {
        Emotion::Peaceful
    } else if has(&[
        "laugh", "rire", "rit", "ría", "rió", "lach", "rise", "ride", "giggl",
    ]) {
        Emotion::Joyful
    } else if has(&[
        "hug", "câlin", "abrazo", "umarm", "abbracci", "friend", "ami", "amig", "freund", "amic",
    ]) {
        Emotion::Heartwarming
    } else if has(&[
        "secret", "mystère", "myst", "geheim", "segreto", "whisper", "murmur", "flüster", "sussurr",
    ]) {
        Emotion::Mysterious
    } else if index == 0 {
        Emotion::Peaceful
    } else if index % 2 == 1 {
        Emotion::Adventurous
    } else {
        Emotion::Exciting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_closing_quotes_and_are_verbatim() {
        let text = "Luna smiled. \"Let's go!\" said Pip.\n\nThe moon rose… Everyone slept.";
        let parts: Vec<&str> = split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            parts,
            vec![
                "Luna smiled.",
                "\"Let's go!\" said Pip.",
                "The moon rose…",
                "Everyone slept."
            ]
        );
    }

    #[test]
    fn extracted_scenes_are_excerpts_with_increasing_timestamps() {
        let story: String = (0..12)
            .map(|i| format!("Paragraph {i} begins here. It goes on quietly.\n\n"))
            .collect();
        let scenes = extract(&SceneRequest {
            story_content: story.clone(),
            story_duration: 300.0,
            hero_name: "Luna".into(),
            event_context: "bedtime adventure".into(),
        })
        .unwrap();
        assert!((3..=8).contains(&scenes.len()));
        assert_eq!(scenes[0].timestamp_seconds, 0.0);
        for pair in scenes.windows(2) {
            assert!(pair[1].timestamp_seconds > pair[0].timestamp_seconds);
        }
        assert!(scenes.iter().all(|s| story.contains(&s.text_segment)));
    }

    #[test]
    fn empty_text_is_an_invalid_request() {
        let err = extract(&SceneRequest {
            story_content: " ".into(),
            story_duration: 60.0,
            hero_name: "A".into(),
            event_context: String::new(),
        })
        .unwrap_err();
        assert_eq!(err.code(), "INVALID_REQUEST");
    }
}
