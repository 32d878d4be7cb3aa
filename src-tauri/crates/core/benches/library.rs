//! The library at 10,000 stories: full-text search, the first page and the journey.
//!
//! cargo bench -p infinite-stories-core --bench library
//!
//! Generates 10,000 stories with the offline writer (2,000 in each of the five languages, ten
//! heroes, twenty events) into a temporary library, adds a year of listening sessions (30,000),
//! then times each query 200 times and prints p50 / p95. Targets: search ≤ 20 ms p95, first page
//! ≤ 30 ms p95, journey ≤ 50 ms p95.

use std::time::{Duration, Instant};

use infinite_stories_core::cache::{DISK_LIMIT, StoryCache};
use infinite_stories_core::clock::ManualClock;
use infinite_stories_core::stories::library::journey::JourneyRange;
use infinite_stories_core::{Library, LibraryQuery, LibrarySort, ListeningRecord};
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::{
    BuiltInEvent, EventSpec, HeroDraft, Language, Pronouns, StoryBrief, Trait, Voice,
};
use serde_json::json;

const STORIES: usize = 10_000;
const RUNS: usize = 200;
const DAY: i64 = 86_400_000;

fn percentiles(mut t: Vec<Duration>) -> (f64, f64) {
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(t[t.len() / 2]), ms(t[t.len() * 95 / 100]))
}

async fn time<F, Fut, T>(label: &str, target_ms: f64, mut f: F)
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(f(i).await);
        times.push(start.elapsed());
    }
    let (p50, p95) = percentiles(times);
    let verdict = if p95 <= target_ms { "ok" } else { "OVER" };
    println!(
        "{label:<44} p50 {p50:>7.2} ms   p95 {p95:>7.2} ms   (target ≤ {target_ms} ms p95: {verdict})"
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let pool = infinite_stories_core::database::open(dir.path())
        .await
        .unwrap();
    let clock = ManualClock::new();
    let now = 1_796_083_200_000; // 2026-12-01T00:00Z
    clock.set_millis(now);
    let cache = StoryCache::new(dir.path(), pool.clone(), clock.clone(), DISK_LIMIT).unwrap();
    let library = Library::new(pool, cache, clock.clone());

    let writer = OfflineWriter::new();
    let languages = [
        Language::En,
        Language::Es,
        Language::Fr,
        Language::De,
        Language::It,
    ];
    let traits = [
        Trait::Brave,
        Trait::Kind,
        Trait::Curious,
        Trait::Funny,
        Trait::Smart,
    ];
    let started = Instant::now();
    for h in 0..10 {
        library
            .apply_row(
                "heroes",
                &json!({"id": format!("h{h}"), "user_id": "u1", "name": format!("Hero {h}")}),
            )
            .await
            .unwrap();
    }
    let mut sample_words: Vec<String> = Vec::new();
    for i in 0..STORIES {
        let language = languages[i % 5];
        let event = BuiltInEvent::ALL[i % BuiltInEvent::ALL.len()];
        let hero = HeroDraft::new(
            format!("Hero {}", i % 10),
            traits[i % 5],
            traits[(i + 1) % 5],
        )
        .with_pronouns(Pronouns::They);
        let brief = StoryBrief::new(
            hero,
            EventSpec::BuiltIn(event),
            300,
            language,
            Voice::Coral,
            i as u64,
        );
        let draft = writer.write_now(&brief).expect("story");
        if i < 5 {
            let word = draft
                .content
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 6)
                .nth(3)
                .unwrap_or("night")
                .to_owned();
            sample_words.push(word);
        }
        let created = now - (STORIES - i) as i64 * 3_000_000;
        library
            .apply_row(
                "stories",
                &json!({"id": format!("s{i:05}"), "user_id": "u1", "hero_id": format!("h{}", i % 10),
                    "title": draft.title, "content": draft.content, "language": language.id(),
                    "event_type": "built_in", "event_id": event.id(), "estimated_duration": 300.0 + (i % 120) as f64,
                    "created_at": created}),
            )
            .await
            .unwrap();
    }
    println!(
        "{STORIES} stories written and saved in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // A year of listening: ~3 sessions a day over 300 of the last 365 days, 30,000 in all.
    for n in 0..30_000usize {
        let day = (n / 82) as i64;
        if day % 6 == 5 {
            continue;
        }
        library
            .record_listening(&ListeningRecord {
                session_id: format!("l{n}"),
                story_id: format!("s{:05}", (n * 7919) % STORIES),
                seconds: 120.0 + (n % 300) as f64,
                completed: n % 3 == 0,
                position: Some(100.0),
                started_at: Some(now - day * DAY + (n % 82) as i64 * 60_000),
                utc_offset_minutes: Some(60),
            })
            .await
            .unwrap();
    }
    println!("listening sessions saved; words searched: {sample_words:?}");

    let newest = LibraryQuery::default();
    time("first page (newest, 40 cards)", 30.0, |_| {
        library.search("u1", &newest)
    })
    .await;
    let last_heard = LibraryQuery {
        sort: LibrarySort::LastHeard,
        ..LibraryQuery::default()
    };
    time("first page sorted by last heard", 30.0, |_| {
        library.search("u1", &last_heard)
    })
    .await;
    let new_fr = LibraryQuery {
        only_new: true,
        language: Some(Language::Fr),
        ..LibraryQuery::default()
    };
    time("first page, only new, in French", 30.0, |_| {
        library.search("u1", &new_fr)
    })
    .await;
    time("full-text search (a word of each language)", 20.0, |i| {
        let text = sample_words[i % sample_words.len()].clone();
        let library = library.clone();
        async move {
            library
                .search(
                    "u1",
                    &LibraryQuery {
                        text: Some(text),
                        ..LibraryQuery::default()
                    },
                )
                .await
        }
    })
    .await;
    time("full-text search, two words, prefix", 20.0, |i| {
        let text = format!("{} nig", &sample_words[i % sample_words.len()][..4]);
        let library = library.clone();
        async move {
            library
                .search(
                    "u1",
                    &LibraryQuery {
                        text: Some(text),
                        ..LibraryQuery::default()
                    },
                )
                .await
        }
    })
    .await;
    time("journey (year)", 50.0, |_| {
        library.journey("u1", JourneyRange::Year, now, 60)
    })
    .await;
    time("journey (week)", 50.0, |_| {
        library.journey("u1", JourneyRange::Week, now, 60)
    })
    .await;
}
