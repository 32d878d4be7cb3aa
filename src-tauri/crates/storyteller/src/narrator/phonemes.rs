//! What a Piper (VITS) voice needs before its model runs, with no model in sight: its
//! `.onnx.json` configuration, the story cut into sentences with their byte ranges (the exact
//! boundaries of the read-along), and espeak-ng's IPA turned into the voice's phoneme ids the
//! way Piper does it (NFD-decomposed code points, language-switch flags dropped, clause
//! punctuation kept, `^` … `$` around the sentence and the pad `_` after every symbol).

use std::collections::HashMap;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// The parts of a Piper voice's `.onnx.json` the narrator uses.
#[derive(Debug, Clone, Deserialize)]
pub struct PiperConfig {
    /// Sample rate of the model's output.
    pub audio: PiperAudio,
    /// The espeak-ng voice that phonemises for it, e.g. `en-us`.
    pub espeak: PiperEspeak,
    /// The model's default scales.
    #[serde(default)]
    pub inference: PiperInference,
    /// Symbol → ids.
    pub phoneme_id_map: HashMap<String, Vec<i64>>,
    /// Speakers in the model (0 or 1 = single speaker).
    #[serde(default)]
    pub num_speakers: u32,
    /// `phoneme_type`: only `espeak` is supported.
    #[serde(default = "espeak_type")]
    pub phoneme_type: String,
}

fn espeak_type() -> String {
    "espeak".into()
}

/// `audio` in the config.
#[derive(Debug, Clone, Deserialize)]
pub struct PiperAudio {
    /// Hz.
    pub sample_rate: u32,
}

/// `espeak` in the config.
#[derive(Debug, Clone, Deserialize)]
pub struct PiperEspeak {
    /// espeak-ng voice name.
    pub voice: String,
}

/// `inference` in the config.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct PiperInference {
    /// Variation of the voice (0.667 typically).
    #[serde(default = "noise_scale")]
    pub noise_scale: f32,
    /// Phoneme length: above 1 is slower.
    #[serde(default = "one")]
    pub length_scale: f32,
    /// Variation of phoneme lengths (0.8 typically).
    #[serde(default = "noise_w")]
    pub noise_w: f32,
}

fn noise_scale() -> f32 {
    0.667
}
fn one() -> f32 {
    1.0
}
fn noise_w() -> f32 {
    0.8
}

impl Default for PiperInference {
    fn default() -> Self {
        PiperInference {
            noise_scale: noise_scale(),
            length_scale: one(),
            noise_w: noise_w(),
        }
    }
}

impl PiperConfig {
    /// Parses a `.onnx.json`, or says what is wrong with it.
    pub fn parse(json: &str) -> Result<PiperConfig, String> {
        let config: PiperConfig =
            serde_json::from_str(json).map_err(|e| format!("not a Piper voice config: {e}"))?;
        if config.phoneme_type != "espeak" {
            return Err(format!(
                "phoneme_type {} is not supported (only espeak voices are)",
                config.phoneme_type
            ));
        }
        for symbol in ["^", "$", "_"] {
            if !config.phoneme_id_map.contains_key(symbol) {
                return Err(format!("the phoneme_id_map has no {symbol:?}"));
            }
        }
        if config.audio.sample_rate == 0 {
            return Err("audio.sample_rate is 0".into());
        }
        Ok(config)
    }

    /// Ids for one sentence given its clauses' IPA and closing punctuation, plus the symbols
    /// the map did not know (skipped, as Piper does).
    pub fn sentence_ids(&self, clauses: &[(String, char)]) -> (Vec<i64>, Vec<char>) {
        let symbols = sentence_symbols(clauses);
        self.ids(&symbols)
    }

    /// `^ _ s1 _ s2 _ … $`: every known symbol followed by the pad.
    pub fn ids(&self, symbols: &[char]) -> (Vec<i64>, Vec<char>) {
        let map = &self.phoneme_id_map;
        let pad = map["_"].clone();
        let mut ids = map["^"].clone();
        ids.extend_from_slice(&pad);
        let mut missing = Vec::new();
        let mut buf = [0u8; 4];
        for c in symbols {
            match map.get(&*c.encode_utf8(&mut buf)) {
                Some(found) => {
                    ids.extend_from_slice(found);
                    ids.extend_from_slice(&pad);
                }
                None => missing.push(*c),
            }
        }
        ids.extend_from_slice(&map["$"]);
        (ids, missing)
    }
}

/// The symbols of a sentence: each clause's IPA (NFD, without `(en)`-style language flags),
/// then its punctuation as Piper writes it (`.`/`?`/`!` bare, `,`/`:`/`;` followed by a space).
pub fn sentence_symbols(clauses: &[(String, char)]) -> Vec<char> {
    let mut out = Vec::new();
    for (ipa, punctuation) in clauses {
        let mut in_flag = false;
        for c in ipa.trim().nfd() {
            match c {
                '(' => in_flag = true,
                ')' if in_flag => in_flag = false,
                _ if in_flag => {}
                '\n' | '\r' | '\t' => out.push(' '),
                _ => out.push(c),
            }
        }
        match punctuation {
            '.' | '?' | '!' => out.push(*punctuation),
            ',' | ':' | ';' => {
                out.push(*punctuation);
                out.push(' ');
            }
            _ => out.push(' '),
        }
    }
    while out.last() == Some(&' ') {
        out.pop();
    }
    out
}

/// The punctuation that ends a clause espeak-ng consumed (`consumed` is the text it read, which
/// may run one character into the next word: "Once upon a time, L"): the last of `.?!,:;`
/// before trailing spaces and quotes; `…` counts as `.`.
pub fn clause_punctuation(consumed: &str) -> char {
    let is_tail =
        |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | '«' | '“');
    let mut trimmed = consumed.trim_end_matches(is_tail);
    let mut chars = trimmed.chars().rev();
    if let (Some(last), Some(before)) = (chars.next(), chars.next())
        && last.is_alphanumeric()
        && is_tail(before)
    {
        trimmed = trimmed[..trimmed.len() - last.len_utf8()].trim_end_matches(is_tail);
    }
    match trimmed.chars().last() {
        Some(c @ ('.' | '?' | '!' | ',' | ':' | ';')) => c,
        Some('…') => '.',
        Some('—' | '–') => ',',
        _ => ' ',
    }
}

/// One sentence of the story: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it (closing quotes included).
    pub end: usize,
    /// True when a paragraph ends with it (a longer pause follows).
    pub paragraph_end: bool,
}

/// The sentences of `text`, in order: a sentence ends at `.`, `!`, `?` or `…` (with any closing
/// quotes) followed by white space, and at every paragraph break.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    for paragraph in text.split("\n\n") {
        let base = offset;
        offset += paragraph.len() + 2;
        let mut start: Option<usize> = None;
        let mut pending_end: Option<usize> = None;
        for (i, c) in paragraph.char_indices() {
            let at = base + i;
            if let Some(end) = pending_end {
                if c.is_whitespace() {
                    if let Some(s) = start.take() {
                        out.push(Sentence {
                            start: s,
                            end,
                            paragraph_end: false,
                        });
                    }
                    pending_end = None;
                    continue;
                }
                if matches!(c, '"' | '\'' | '»' | '”' | '’' | ')') {
                    pending_end = Some(at + c.len_utf8());
                    continue;
                }
                pending_end = None;
            }
            if c.is_whitespace() {
                continue;
            }
            start.get_or_insert(at);
            if matches!(c, '.' | '!' | '?' | '…') {
                pending_end = Some(at + c.len_utf8());
            }
        }
        if let Some(s) = start {
            let end = base + paragraph.trim_end().len();
            out.push(Sentence {
                start: s,
                end: end.max(s),
                paragraph_end: true,
            });
        }
        if let Some(last) = out.last_mut() {
            last.paragraph_end = true;
        }
    }
    out
}

/// The written words of `text[range]`: (byte start, byte end) of each run of letters and digits
/// (with inner apostrophes and hyphens, "Bramble's", "twenty-one"), plus whether a clause break
/// (`,`, `;`, `:`, a dash) follows the word inside the sentence.
pub fn words(text: &str, start: usize, end: usize) -> Vec<(usize, usize, bool)> {
    let slice = &text[start..end];
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    let mut word: Option<usize> = None;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let joiner = matches!(c, '\'' | '’' | '-')
            && word.is_some()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner {
            word.get_or_insert(i);
            continue;
        }
        if let Some(w) = word.take() {
            out.push((start + w, start + i, false));
        }
        if matches!(c, ',' | ';' | ':' | '—' | '–')
            && let Some(last) = out.last_mut()
        {
            last.2 = true;
        }
    }
    if let Some(w) = word {
        out.push((start + w, end, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> PiperConfig {
        PiperConfig::parse(
            r#"{"audio":{"sample_rate":22050},"espeak":{"voice":"en-us"},
                "inference":{"noise_scale":0.667,"length_scale":1,"noise_w":0.8},
                "phoneme_type":"espeak","num_speakers":1,
                "phoneme_id_map":{"_":[0],"^":[1],"$":[2]," ":[3],"!":[4],",":[8],".":[10],
                  "?":[13],"a":[14],"h":[20],"l":[24],"o":[27],"ə":[59],"ˈ":[120],"ʊ":[100],
                  "c":[16],"̧":[140]}}"#,
        )
        .unwrap()
    }

    #[test]
    fn ids_follow_pipers_layout_with_pads_and_clause_punctuation() {
        let c = config();
        let clauses = vec![("həlˈoʊ".to_string(), ','), ("(en)hə(en)".to_string(), '.')];
        let symbols = sentence_symbols(&clauses);
        assert_eq!(
            symbols.iter().collect::<String>(),
            "həlˈoʊ, hə.",
            "flags dropped, comma followed by a space, full stop bare"
        );
        let (ids, missing) = c.sentence_ids(&clauses);
        assert!(missing.is_empty());
        assert_eq!(
            ids,
            [
                1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 8, 0, 3, 0, 20, 0, 59, 0, 10, 0,
                2
            ]
        );
    }

    #[test]
    fn precomposed_symbols_are_decomposed_and_unknown_ones_reported() {
        let c = config();
        // "ç" is NFD "c" + U+0327; "x" is not in the map.
        let (ids, missing) = c.ids(&sentence_symbols(&[("çx".to_string(), '?')]));
        assert_eq!(ids, [1, 0, 16, 0, 140, 0, 13, 0, 2]);
        assert_eq!(missing, ['x']);
    }

    #[test]
    fn a_config_without_the_special_symbols_is_refused() {
        let err = PiperConfig::parse(
            r#"{"audio":{"sample_rate":22050},"espeak":{"voice":"en-us"},"phoneme_id_map":{"a":[1]}}"#,
        )
        .unwrap_err();
        assert!(err.contains("phoneme_id_map"), "{err}");
        assert!(PiperConfig::parse("{}").is_err());
    }

    #[test]
    fn clause_punctuation_is_read_from_the_consumed_text() {
        assert_eq!(clause_punctuation("Hello, "), ',');
        assert_eq!(clause_punctuation("she said.\" "), '.');
        assert_eq!(clause_punctuation("Really?»"), '?');
        assert_eq!(clause_punctuation("and then…"), '.');
        assert_eq!(clause_punctuation("no end"), ' ');
        assert_eq!(clause_punctuation("Once upon a time, L"), ',');
        assert_eq!(clause_punctuation("Yes; v"), ';');
        assert_eq!(clause_punctuation("whispered: \"G"), ':');
    }

    #[test]
    fn sentences_cover_the_text_with_exact_boundaries() {
        let text = "Once upon a time, Luna smiled. \"Goodnight!\" said Pip… Then?\n\nThe end";
        let s = sentences(text);
        let parts: Vec<&str> = s.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(
            parts,
            [
                "Once upon a time, Luna smiled.",
                "\"Goodnight!\"",
                "said Pip…",
                "Then?",
                "The end"
            ]
        );
        let ends: Vec<bool> = s.iter().map(|x| x.paragraph_end).collect();
        assert_eq!(ends, [false, false, false, true, true]);
        assert_eq!(
            sentences("3.5 stars.")[0].end,
            10,
            "no break without a space"
        );
    }

    /// Real libespeak-ng IPA through the real `joe` voice's map (its config is in tests/neural):
    /// every symbol of a story is known to the voice, clauses keep their punctuation.
    #[cfg(target_os = "linux")]
    #[test]
    fn espeak_ipa_maps_onto_a_real_voice_without_unknown_symbols() {
        let joe = PiperConfig::parse(include_str!(
            "../../tests/neural/en_US-joe-medium.onnx.json"
        ))
        .unwrap();
        let text = "Once upon a time, Luna whispered: \"Goodnight, little star!\" Bramble's \
                    twenty-one friends yawned… Were they sleepy? Yes; very.";
        let sentences = sentences(text);
        let texts: Vec<String> = sentences
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect();
        let clauses = super::super::espeak::phonemize("en-us", texts).unwrap();
        assert_eq!(clauses.len(), sentences.len());
        let marks: Vec<Vec<char>> = clauses
            .iter()
            .map(|c| c.iter().map(|(_, p)| *p).collect())
            .collect();
        assert_eq!(marks[0], [',', ':', ',', '!'], "{clauses:?}");
        for sentence in &clauses {
            let (ids, missing) = joe.sentence_ids(sentence);
            assert!(missing.is_empty(), "{missing:?} in {sentence:?}");
            assert!(ids.len() > 10);
            assert_eq!((ids[0], ids[ids.len() - 1]), (1, 2));
        }
        let symbols: String = sentence_symbols(&clauses[0]).into_iter().collect();
        assert!(symbols.contains("wˈʌns"), "{symbols}");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_mark_clause_breaks() {
        let text = "Bramble's twenty-one friends, all 'sleepy' — slept.";
        let w = words(text, 0, text.len());
        let parts: Vec<(&str, bool)> = w.iter().map(|(a, b, c)| (&text[*a..*b], *c)).collect();
        assert_eq!(
            parts,
            [
                ("Bramble's", false),
                ("twenty-one", false),
                ("friends", true),
                ("all", false),
                ("sleepy", true),
                ("slept", false)
            ]
        );
    }
}
