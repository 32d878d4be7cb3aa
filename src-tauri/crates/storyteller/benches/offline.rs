//! Offline benchmark: a 7-minute story + its narration + 6 illustrations, on this machine.
//!
//! cargo bench -p infinite-stories-storyteller --bench offline
//!
//! Prints per-part medians over several runs, the end-to-end time with narration and
//! illustrations running side by side (as the server does for two requests), the narration's
//! measured length and size, and the distinct-bigram ratio over 100 stories.

use std::time::{Duration, Instant};

use infinite_stories_storyteller::illustrator::OfflineIllustrator;
use infinite_stories_storyteller::narrator::OfflineNarrator;
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::{
    AvatarStyle, BuiltInEvent, EventSpec, HeroDraft, IllustrationRequest, Language,
    NarrationRequest, Pronouns, StoryBrief, StoryDraft, Trait, Voice,
};

const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn request(language: Language, seed: u64) -> StoryBrief {
    StoryBrief::new(
        HeroDraft::new("Luna", Trait::Brave, Trait::Kind).with_pronouns(Pronouns::She),
        EventSpec::BuiltIn(BuiltInEvent::BedtimeAdventure),
        420,
        language,
        Voice::Coral,
        seed,
    )
}

fn illustrate(draft: &StoryDraft, hero: &HeroDraft) -> usize {
    let illustrator = OfflineIllustrator::new();
    let mut drawn = 0;
    for scene in draft.scenes.iter().take(6) {
        let picture = illustrator
            .illustrate_now(&IllustrationRequest {
                scene: scene.clone(),
                hero: hero.clone(),
                event: Some(EventSpec::BuiltIn(BuiltInEvent::BedtimeAdventure)),
                story_key: "bench".into(),
                style: AvatarStyle::PictureBook,
                previous_generation_id: None,
            })
            .expect("illustration");
        assert!(!picture.png.is_empty());
        drawn += 1;
    }
    drawn
}

fn main() {
    let (writer, narrator) = (OfflineWriter::new(), OfflineNarrator::new());
    println!("offline storyteller benchmark ({RUNS} runs, medians)");
    for language in [Language::En, Language::Fr] {
        let (mut write, mut narrate, mut draw, mut total, mut side_by_side) =
            (vec![], vec![], vec![], vec![], vec![]);
        let mut last = None;
        for run in 0..RUNS {
            let req = request(language, run as u64);
            let start = Instant::now();
            let draft = writer.write_now(&req).expect("story");
            write.push(start.elapsed());
            let t = Instant::now();
            let audio = narrator
                .narrate_now(&NarrationRequest {
                    text: draft.content.clone(),
                    voice: req.voice(),
                    language,
                })
                .expect("narration");
            narrate.push(t.elapsed());
            let t = Instant::now();
            let pictures = illustrate(&draft, &req.hero);
            draw.push(t.elapsed());
            total.push(start.elapsed());
            // The same work with narration and pictures on the two cores at once.
            let t = Instant::now();
            let draft2 = writer.write_now(&req).expect("story");
            std::thread::scope(|s| {
                let speaking = s.spawn(|| {
                    narrator.narrate_now(&NarrationRequest {
                        text: draft2.content.clone(),
                        voice: req.voice(),
                        language,
                    })
                });
                illustrate(&draft2, &req.hero);
                speaking
                    .join()
                    .expect("narration thread")
                    .expect("narration");
            });
            side_by_side.push(t.elapsed());
            last = Some((
                draft.word_count,
                draft.scenes.len(),
                pictures,
                audio.duration_seconds,
                audio.bytes.len(),
            ));
        }
        let (words, scenes, pictures, seconds, bytes) = last.expect("at least one run");
        println!(
            "{language}: story {:?} · narration {:?} · {pictures} illustrations {:?} · total {:?} · narration and pictures side by side {:?}",
            median(write),
            median(narrate),
            median(draw),
            median(total),
            median(side_by_side)
        );
        println!(
            "{language}: {words} words, {scenes} scenes, narration {seconds:.1} s measured, {:.2} MB Ogg Vorbis",
            bytes as f64 / 1_000_000.0
        );
    }
    for language in Language::ALL {
        let stories: Vec<String> = (0..100)
            .map(|seed| {
                let mut req = request(*language, seed);
                req.request.target_duration = 300;
                writer.write_now(&req).expect("story").content
            })
            .collect();
        let infinite_stories_storyteller::variety::Variety {
            corpus, per_story, ..
        } = infinite_stories_storyteller::variety::measure(&stories);
        println!(
            "{language}: distinct-bigram ratio over 100 five-minute stories (same hero, bedtime_adventure): corpus {corpus:.3}, mean per story {per_story:.3}"
        );
    }
}
