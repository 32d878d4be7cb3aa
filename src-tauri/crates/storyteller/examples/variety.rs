//! Measures the variety of 100 offline stories for one hero and event, and — for a baseline —
//! of 100 passages of human-written text of the same length, with the same measure
//! (`infinite_stories_storyteller::variety`).
//!
//! cargo run --release -p infinite-stories-storyteller --example variety -- \
//!     --language en --event bedtime_adventure --minutes 5 [--texts emma.txt persuasion.txt …]
//!
//! With `--texts`, the files' words are cut into as many passages as there are stories, each as
//! long as the stories' mean, spread evenly over the files (the README says how to get Jane
//! Austen's novels from Debian's `r-cran-janeaustenr`).

use infinite_stories_storyteller::variety::{Variety, measure};
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::{
    BuiltInEvent, EventSpec, HeroDraft, Language, Pronouns, StoryBrief, Trait, Voice,
};

fn main() -> Result<(), String> {
    let (mut language, mut event, mut minutes) = (Language::En, BuiltInEvent::BedtimeAdventure, 5);
    let (mut count, mut texts) = (100u64, Vec::new());
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--language" => language = value.parse().map_err(|_| "--language: en|fr|es|de|it")?,
            "--event" => event = value.parse().map_err(|_| "--event: a built-in event id")?,
            "--minutes" => minutes = value.parse().map_err(|_| "--minutes takes a number")?,
            "--stories" => count = value.parse().map_err(|_| "--stories takes a number")?,
            "--texts" => {
                texts.push(value);
                texts.extend(args.by_ref());
            }
            other => return Err(format!("unknown flag {other}")),
        }
    }
    let writer = OfflineWriter::new();
    let stories = (0..count)
        .map(|seed| {
            let request = StoryBrief::new(
                HeroDraft::new("Luna", Trait::Brave, Trait::Kind).with_pronouns(Pronouns::She),
                EventSpec::BuiltIn(event),
                minutes * 60,
                language,
                Voice::Coral,
                seed,
            );
            writer
                .write_now(&request)
                .map(|d| d.content)
                .map_err(|e| e.to_string())
        })
        .collect::<Result<Vec<String>, String>>()?;
    let mean_words = stories
        .iter()
        .map(|s| s.split_whitespace().count())
        .sum::<usize>()
        / stories.len().max(1);
    report(
        &format!("{count} offline stories ({language}, {event}, {minutes} min)"),
        mean_words,
        measure(&stories),
    );
    if !texts.is_empty() {
        let passages = passages(&texts, stories.len(), mean_words)?;
        report(
            &format!("{} passages of {}", passages.len(), texts.join(", ")),
            mean_words,
            measure(&passages),
        );
    }
    Ok(())
}

/// `count` passages of `size` words, spread evenly over the files (after their first 2,000
/// words of front matter).
fn passages(files: &[String], count: usize, size: usize) -> Result<Vec<String>, String> {
    let per_file = count.div_ceil(files.len());
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let words: Vec<&str> = text.split_whitespace().skip(2_000).collect();
        let step = (words.len() / per_file).max(size);
        out.extend(
            (0..per_file)
                .map(|i| words.iter().skip(i * step).take(size).copied())
                .map(|w| w.collect::<Vec<_>>().join(" "))
                .filter(|p| p.split_whitespace().count() == size),
        );
    }
    out.truncate(count);
    Ok(out)
}

fn report(what: &str, words: usize, v: Variety) {
    println!(
        "{what}, ~{words} words each: corpus distinct-bigram ratio {:.3}, per story {:.3}, \
         pairwise Jaccard distance {:.3}, sentences shared verbatim {:.3}",
        v.corpus, v.per_story, v.jaccard, v.shared
    );
}
