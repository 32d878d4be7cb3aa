//! How different a corpus of stories is, measured the same way for our stories and for any
//! text (`examples/variety.rs` runs it on human-written passages for a baseline): the
//! distinct-bigram ratio over the whole corpus ("distinct-2"), its mean per story, the mean
//! pairwise Jaccard distance of the stories' bigram sets, and the mean share of one story's
//! sentences found verbatim in another.

use std::collections::HashSet;

/// The four figures for one corpus.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Variety {
    /// Distinct bigrams / all bigrams over the corpus.
    pub corpus: f64,
    /// The same ratio within each story, averaged.
    pub per_story: f64,
    /// Mean over all pairs of 1 − |A ∩ B| / |A ∪ B| of their bigram sets.
    pub jaccard: f64,
    /// Mean over all pairs of the share of B's sentences that appear verbatim in A.
    pub shared: f64,
}

/// Lowercased words without surrounding punctuation.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn bigrams(text: &str) -> Vec<(String, String)> {
    words(text)
        .windows(2)
        .map(|p| (p[0].clone(), p[1].clone()))
        .collect()
}

/// Distinct bigrams / all bigrams over `texts` taken together.
pub fn distinct_bigram_ratio(texts: &[String]) -> f64 {
    let (mut all, mut distinct) = (0usize, HashSet::new());
    for pair in texts.iter().flat_map(|t| bigrams(t)) {
        all += 1;
        distinct.insert(pair);
    }
    distinct.len() as f64 / all.max(1) as f64
}

/// Sentences, closing quotes kept with their sentence.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let closing = matches!(c, '”' | '»' | '“' | '"')
            && current
                .trim_end_matches(['”', '»', '“', '"', ' ', '\u{a0}'])
                .ends_with(['.', '!', '?', '…']);
        let end = (matches!(c, '.' | '!' | '?' | '…') || closing)
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if end {
            let s = current.trim().to_string();
            if !s.is_empty() {
                out.push(s);
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// The variety of a corpus.
pub fn measure(stories: &[String]) -> Variety {
    let corpus = distinct_bigram_ratio(stories);
    let per_story = stories
        .iter()
        .map(|s| distinct_bigram_ratio(std::slice::from_ref(s)))
        .sum::<f64>()
        / stories.len().max(1) as f64;
    let sets: Vec<HashSet<(String, String)>> = stories
        .iter()
        .map(|s| bigrams(s).into_iter().collect())
        .collect();
    let sents: Vec<HashSet<String>> = stories
        .iter()
        .map(|s| sentences(s).into_iter().collect())
        .collect();
    let (mut jaccard, mut shared, mut pairs) = (0.0, 0.0, 0usize);
    for a in 0..stories.len() {
        for b in a + 1..stories.len() {
            let inter = sets[a].intersection(&sets[b]).count() as f64;
            let union = sets[a].union(&sets[b]).count() as f64;
            jaccard += 1.0 - inter / union.max(1.0);
            let common = sents[b].iter().filter(|s| sents[a].contains(*s)).count() as f64;
            shared += common / sents[b].len().max(1) as f64;
            pairs += 1;
        }
    }
    let pairs = pairs.max(1) as f64;
    Variety {
        corpus,
        per_story,
        jaccard: jaccard / pairs,
        shared: shared / pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_copies_share_everything_and_two_strangers_nothing() {
        let a = "The fox ran home. The owl slept.".to_string();
        let b = "A cat sang loudly. Blue rain fell.".to_string();
        let same = measure(&[a.clone(), a.clone()]);
        assert!((same.corpus - 0.5).abs() < 1e-9, "{same:?}");
        assert!(same.jaccard.abs() < 1e-9 && (same.shared - 1.0).abs() < 1e-9);
        let apart = measure(&[a, b]);
        assert!((apart.corpus - 1.0).abs() < 1e-9, "{apart:?}");
        assert!((apart.jaccard - 1.0).abs() < 1e-9 && apart.shared.abs() < 1e-9);
    }
}
