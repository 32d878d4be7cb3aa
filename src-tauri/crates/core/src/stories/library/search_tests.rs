//! The library view on a real SQLite library: full-text search in five languages (accents,
//! case, prefixes, ranking, snippets), filters, sorts, paging, deleting with the cache, and the
//! journey from a year of listening sessions.

use std::sync::Arc;

use bytes::Bytes;
use infinite_stories_contract::{BuiltInEvent, IllustrationStatus, Language, StoryEvent};
use serde_json::json;

use super::journey::{JourneyRange, MilestoneId};
use super::*;
use crate::cache::{CacheKind, DISK_LIMIT};
use crate::clock::ManualClock;

const DAY: i64 = 86_400_000;

async fn library() -> (Library, Arc<ManualClock>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let pool = crate::database::open(dir.path()).await.unwrap();
    let clock = ManualClock::new();
    clock.set_millis(1_700_000_000_000);
    let cache = StoryCache::new(dir.path(), pool.clone(), clock.clone(), DISK_LIMIT).unwrap();
    (Library::new(pool, cache, clock.clone()), clock, dir)
}

/// Saves a story the way a backend row arrives (REST or realtime).
async fn put(lib: &Library, id: &str, title: &str, content: &str, lang: &str, created: i64) {
    let row = json!({"id": id, "user_id": "u1", "hero_id": "h1", "title": title, "content": content,
        "language": lang, "event_type": "built_in", "event_id": "birthday", "estimated_duration": content.len() as f64,
        "created_at": format!("1970-01-01T00:00:{:02}Z", created)});
    lib.apply_row("stories", &row).await.unwrap();
}

async fn five_languages(lib: &Library) {
    lib.apply_row(
        "heroes",
        &json!({"id": "h1", "user_id": "u1", "name": "Luna"}),
    )
    .await
    .unwrap();
    put(
        lib,
        "en",
        "The Brave Little Fox",
        "A fox named Pip crossed the snowy forest to find the moon.",
        "en",
        1,
    )
    .await;
    put(
        lib,
        "es",
        "El Niño y la Canción",
        "El niño cantó una canción al dragón dormido bajo la montaña.",
        "es",
        2,
    )
    .await;
    put(
        lib,
        "fr",
        "L'Éléphant qui rêvait",
        "Un éléphant très gentil rêvait de voler au-dessus de la forêt.",
        "fr",
        3,
    )
    .await;
    put(
        lib,
        "de",
        "Die Brücke über den Fluss",
        "Die kleine Maus baute eine Brücke aus Blättern über den großen Fluss.",
        "de",
        4,
    )
    .await;
    put(
        lib,
        "it",
        "La Città delle Stelle",
        "Una bambina coraggiosa trovò la città delle stelle cadenti.",
        "it",
        5,
    )
    .await;
}

fn text(t: &str) -> LibraryQuery {
    LibraryQuery {
        text: Some(t.into()),
        ..LibraryQuery::default()
    }
}

async fn ids(lib: &Library, q: &LibraryQuery) -> Vec<String> {
    lib.search("u1", q)
        .await
        .unwrap()
        .cards
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[tokio::test]
async fn full_text_finds_words_in_every_language_without_accents_or_case() {
    let (lib, _c, _d) = library().await;
    five_languages(&lib).await;
    assert_eq!(ids(&lib, &text("snowy")).await, ["en"]);
    assert_eq!(
        ids(&lib, &text("CANCION")).await,
        ["es"],
        "accent- and case-insensitive"
    );
    assert_eq!(ids(&lib, &text("nino")).await, ["es"]);
    assert_eq!(ids(&lib, &text("elephant")).await, ["fr"]);
    assert_eq!(ids(&lib, &text("foret")).await, ["fr"], "forêt");
    assert_eq!(ids(&lib, &text("brucke")).await, ["de"], "Brücke");
    assert_eq!(ids(&lib, &text("Blättern")).await, ["de"]);
    assert_eq!(ids(&lib, &text("citta")).await, ["it"]);
    assert_eq!(ids(&lib, &text("coragg")).await, ["it"], "prefixes match");
    assert_eq!(
        ids(&lib, &text("fox moon")).await,
        ["en"],
        "every word must match"
    );
    assert!(ids(&lib, &text("fox dragon")).await.is_empty());
    // Query syntax is not interpreted: quotes, stars and operators are just separators.
    assert_eq!(
        ids(&lib, &text("\"fox\" OR* (moon")).await,
        Vec::<String>::new()
    );
    assert_eq!(
        lib.search("u1", &text("  ,; ")).await.unwrap().total,
        5,
        "nothing to search = all"
    );
    // Another family's stories never show.
    assert!(
        lib.search("u2", &text("fox"))
            .await
            .unwrap()
            .cards
            .is_empty()
    );
}

#[tokio::test]
async fn a_title_match_ranks_above_a_text_match_and_snippets_mark_the_words() {
    let (lib, _c, _d) = library().await;
    put(
        &lib,
        "a",
        "A quiet night",
        "The dragon slept while the stars watched.",
        "en",
        1,
    )
    .await;
    put(
        &lib,
        "b",
        "The Dragon's Lantern",
        "A tale about a lantern.",
        "en",
        2,
    )
    .await;
    put(&lib, "c", "Sea song", "Waves sang all night long.", "en", 3).await;
    let page = lib.search("u1", &text("dragon")).await.unwrap();
    assert_eq!(page.total, 2);
    assert_eq!(page.cards[0].id, "b", "title weighs more than text");
    assert_eq!(page.cards[1].id, "a");
    let snippet = page.cards[1].snippet.clone().unwrap();
    assert!(snippet.contains("«dragon»"), "{snippet}");
    // A chosen sort wins over relevance.
    let oldest = LibraryQuery {
        sort: LibrarySort::Oldest,
        ..text("dragon")
    };
    assert_eq!(ids(&lib, &oldest).await, ["a", "b"]);
    // Without text there is no snippet.
    assert!(
        lib.search("u1", &LibraryQuery::default())
            .await
            .unwrap()
            .cards[0]
            .snippet
            .is_none()
    );
}

#[tokio::test]
async fn one_or_two_letters_find_every_prefix_match_newest_first() {
    let (lib, _c, _d) = library().await;
    put(&lib, "a", "Sea song", "Waves sang all night.", "en", 1).await;
    put(&lib, "b", "Owl", "An owl hooted softly.", "en", 2).await;
    put(
        &lib,
        "c",
        "The Snowy Fox",
        "A fox in the soft snow.",
        "en",
        3,
    )
    .await;
    put(&lib, "d", "Badger", "A badger dug.", "en", 4).await;
    // "s" is in a, b (softly) and c; relevance would put the titles first, a one-letter
    // search reads newest first instead.
    let page = lib.search("u1", &text("s")).await.unwrap();
    assert_eq!(page.total, 3);
    let got: Vec<&str> = page.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(got, ["c", "b", "a"]);
    // One or two letters match almost every word: no snippet (it would say nothing, and
    // finding the best window in every story's text was most of such a search's time)...
    assert!(page.cards.iter().all(|c| c.snippet.is_none()), "{page:?}");
    // ...a longer word gets one.
    let longer = lib.search("u1", &text("sof")).await.unwrap();
    assert_eq!(longer.total, 2);
    assert!(
        longer
            .cards
            .iter()
            .all(|c| c.snippet.as_deref().is_some_and(|s| s.contains("«sof"))),
        "{longer:?}"
    );
    assert_eq!(
        ids(&lib, &text("SO")).await,
        ["c", "b", "a"],
        "two letters, any case"
    );
    assert_eq!(
        ids(&lib, &text("s f")).await,
        ["c"],
        "every short word must match"
    );
    // A longer word is ranked again: the title match first.
    assert_eq!(ids(&lib, &text("so fox")).await, ["c"]);
    assert_eq!(ids(&lib, &text("sea")).await, ["a"]);
    // A chosen sort still wins.
    let oldest = LibraryQuery {
        sort: LibrarySort::Oldest,
        ..text("s")
    };
    assert_eq!(ids(&lib, &oldest).await, ["a", "b", "c"]);
    // Edits move the story's full-text row; the search follows it.
    put(&lib, "d", "Swan", "A swan sailed.", "en", 4).await;
    assert_eq!(ids(&lib, &text("s")).await, ["d", "c", "b", "a"]);
    lib.delete_row("stories", "c").await.unwrap();
    assert_eq!(ids(&lib, &text("s")).await, ["d", "b", "a"]);
    let stray: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM stories_fts f WHERE NOT EXISTS \
         (SELECT 1 FROM stories s WHERE s.fts_rowid = f.rowid AND s.id = f.story_id)",
    )
    .fetch_one(&lib.pool)
    .await
    .unwrap();
    assert_eq!(stray, 0, "every full-text row is its story's");
    assert!(super::search::short_prefixes("a bc"));
    assert!(!super::search::short_prefixes("a bcd"));
}

#[tokio::test]
async fn edits_and_deletes_keep_the_index_in_step() {
    let (lib, _c, _d) = library().await;
    put(&lib, "a", "Owl", "An owl hooted.", "en", 1).await;
    assert_eq!(ids(&lib, &text("owl")).await, ["a"]);
    put(&lib, "a", "Badger", "A badger dug.", "en", 1).await;
    assert!(ids(&lib, &text("owl")).await.is_empty());
    assert_eq!(ids(&lib, &text("badger")).await, ["a"]);
    lib.delete_row("stories", "a").await.unwrap();
    assert!(ids(&lib, &text("badger")).await.is_empty());
    let fts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stories_fts")
        .fetch_one(&lib.pool)
        .await
        .unwrap();
    assert_eq!(fts, 0);
}

#[tokio::test]
async fn filters_and_sorts() {
    let (lib, clock, _d) = library().await;
    five_languages(&lib).await;
    lib.apply_row(
        "stories",
        &json!({"id": "cu", "user_id": "u1", "hero_id": "h2", "title": "Zebra",
        "content": "z", "language": "en", "event_type": "custom", "custom_event_id": "ev1",
        "is_favorite": true, "created_at": "1970-01-01T00:00:06Z"}),
    )
    .await
    .unwrap();
    let q = |f: fn(&mut LibraryQuery)| {
        let mut q = LibraryQuery::default();
        f(&mut q);
        q
    };
    assert_eq!(
        ids(&lib, &q(|_| {})).await,
        ["cu", "it", "de", "fr", "es", "en"],
        "newest first"
    );
    assert_eq!(
        ids(&lib, &q(|q| q.sort = LibrarySort::Oldest)).await[0],
        "en"
    );
    assert_eq!(
        ids(&lib, &q(|q| q.sort = LibrarySort::Title)).await,
        ["de", "es", "fr", "it", "en", "cu"]
    );
    let by_length = ids(&lib, &q(|q| q.sort = LibrarySort::Length)).await;
    assert_eq!(
        by_length,
        ["en", "it", "es", "fr", "de", "cu"],
        "shortest first, unknown last"
    );
    assert_eq!(ids(&lib, &q(|q| q.only_favorites = true)).await, ["cu"]);
    assert_eq!(
        ids(&lib, &q(|q| q.language = Some(Language::Fr))).await,
        ["fr"]
    );
    assert_eq!(
        ids(&lib, &q(|q| q.hero_id = Some("h2".into()))).await,
        ["cu"]
    );
    let custom = q(|q| {
        q.event = Some(StoryEvent::Custom {
            custom_event_id: "ev1".into(),
        })
    });
    assert_eq!(ids(&lib, &custom).await, ["cu"]);
    let birthday = q(|q| {
        q.event = Some(StoryEvent::BuiltIn {
            event: BuiltInEvent::Birthday,
        })
    });
    assert_eq!(ids(&lib, &birthday).await.len(), 5);

    // Listening: "es" heard to the end, "fr" half, later.
    let listen = |id: &str, s: &str, done: bool| ListeningRecord {
        session_id: s.into(),
        story_id: id.into(),
        seconds: 60.0,
        completed: done,
        ..ListeningRecord::default()
    };
    lib.record_listening(&listen("es", "l1", true))
        .await
        .unwrap();
    clock.advance(std::time::Duration::from_secs(60));
    lib.record_listening(&listen("fr", "l2", false))
        .await
        .unwrap();
    let page = lib
        .search("u1", &q(|q| q.sort = LibrarySort::LastHeard))
        .await
        .unwrap();
    let order: Vec<_> = page
        .cards
        .iter()
        .map(|c| (c.id.as_str(), c.listening))
        .collect();
    assert_eq!(order[0], ("fr", ListeningState::Listening));
    assert_eq!(order[1], ("es", ListeningState::Finished));
    assert_eq!(order[2].1, ListeningState::New);
    assert_eq!(
        ids(&lib, &q(|q| q.only_new = true)).await,
        ["cu", "it", "de", "en"]
    );

    // Pages: 2 at a time, the total stays.
    let page = lib
        .search(
            "u1",
            &q(|q| {
                q.limit = 2;
                q.offset = 4;
            }),
        )
        .await
        .unwrap();
    assert_eq!((page.cards.len(), page.total), (2, 6));
    let past = lib
        .search(
            "u1",
            &q(|q| {
                q.limit = 2;
                q.offset = 40;
            }),
        )
        .await
        .unwrap();
    assert_eq!((past.cards.len(), past.total), (0, 6));

    // The card itself.
    let card = lib.card("es").await.unwrap().unwrap();
    assert_eq!(card.hero_name.as_deref(), Some("Luna"));
    assert_eq!(
        card.event,
        Some(StoryEvent::BuiltIn {
            event: BuiltInEvent::Birthday
        })
    );
    assert_eq!(card.language, Some(Language::Es));
    assert!(!card.offline_ready);
    assert!(lib.set_favorite("es", true).await.unwrap());
    assert!(lib.card("es").await.unwrap().unwrap().is_favorite);
}

#[tokio::test]
async fn removing_a_story_leaves_no_cache_entry_file_or_row() {
    let (lib, _c, dir) = library().await;
    put(&lib, "s1", "Owl", "An owl.", "en", 1).await;
    put(&lib, "s2", "Fox", "A fox.", "en", 2).await;
    for (key, id) in [
        ("audio:s1", "s1"),
        ("illustration:s1:1", "s1"),
        ("timings:s1", "s1"),
        ("audio:s2", "s2"),
    ] {
        lib.cache()
            .put(key, Bytes::from(vec![7u8; 300_000]), CacheKind::Permanent)
            .await
            .unwrap();
        if key.starts_with("audio") {
            lib.set_narration(id, key, 30.0, "ogg").await.unwrap();
        }
    }
    lib.set_illustration(
        "s1",
        1,
        IllustrationStatus::Completed,
        Some("illustration:s1:1"),
        None,
    )
    .await
    .unwrap();
    lib.record_listening(&ListeningRecord {
        session_id: "l".into(),
        story_id: "s1".into(),
        seconds: 3.0,
        ..Default::default()
    })
    .await
    .unwrap();
    assert!(lib.remove_story("s1").await.unwrap());
    assert!(!lib.remove_story("s1").await.unwrap());
    for key in ["audio:s1", "illustration:s1:1", "timings:s1"] {
        assert!(!lib.cache().contains(key).await.unwrap(), "{key}");
        assert!(!lib.cache().disk().path_of(key).exists(), "{key} file");
    }
    assert!(
        lib.cache().contains("audio:s2").await.unwrap(),
        "the other story keeps its narration"
    );
    let count = |sql: &'static str| {
        let pool = lib.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        count("SELECT COUNT(*) FROM cache_entries WHERE key LIKE '%s1%'").await,
        0
    );
    for table in [
        "audio_files",
        "illustrations",
        "listening_sessions",
        "scenes",
    ] {
        let sql: &'static str = Box::leak(
            format!("SELECT COUNT(*) FROM {table} WHERE story_id = 's1'").into_boxed_str(),
        );
        assert_eq!(count(sql).await, 0, "{table}");
    }
    let files = walk(dir.path())
        .into_iter()
        .filter(|p| p.contains("s1"))
        .count();
    assert_eq!(files, 0);
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

/// 2026-01-01T00:00:00Z in unix ms.
const JAN_1: i64 = 1_767_225_600_000;

#[tokio::test]
async fn journey_from_a_year_of_listening() {
    let (lib, _c, _d) = library().await;
    lib.apply_row(
        "heroes",
        &json!({"id": "h1", "user_id": "u1", "name": "Luna"}),
    )
    .await
    .unwrap();
    lib.apply_row(
        "heroes",
        &json!({"id": "h2", "user_id": "u1", "name": "Milo"}),
    )
    .await
    .unwrap();
    for (id, hero) in [("a", "h1"), ("b", "h2"), ("c", "h2")] {
        lib.apply_row("stories", &json!({"id": id, "user_id": "u1", "hero_id": hero, "title": format!("Story {id}"), "content": "x"}))
            .await
            .unwrap();
    }
    let mut n = 0;
    let mut listen = |story: &str, at: i64, seconds: f64, offset: Option<i32>| {
        n += 1;
        ListeningRecord {
            session_id: format!("l{n}"),
            story_id: story.into(),
            seconds,
            completed: true,
            position: None,
            started_at: Some(at),
            utc_offset_minutes: offset,
        }
    };
    let mut records = Vec::new();
    // A 5-day run across the end of January (Jan 29 – Feb 2), at 20:00 UTC.
    for d in 28..33 {
        records.push(listen(
            "b",
            JAN_1 + d * DAY + 20 * 3_600_000,
            600.0,
            Some(0),
        ));
    }
    // Eight evenings in a row from Dec 24 to Dec 31 — one of them 23:30 UTC in Berlin (+60),
    // which is Dec 28 local, and the next evening travelling in New York (-300), 22:00 local
    // = 03:00 UTC of Dec 30: still Dec 29 local. Different offsets, still consecutive days.
    let dec = |day: i64| JAN_1 + (333 + day) * DAY; // Dec `day`, 00:00 UTC
    for day in [24, 25, 26, 27] {
        records.push(listen("a", dec(day) + 19 * 3_600_000, 300.0, Some(60)));
    }
    records.push(listen(
        "a",
        dec(27) + 23 * 3_600_000 + 1_800_000,
        300.0,
        Some(60),
    ));
    records.push(listen("c", dec(30) + 3 * 3_600_000, 300.0, Some(-300)));
    records.push(listen("a", dec(30) + 19 * 3_600_000, 300.0, None));
    records.push(listen("a", dec(31) + 19 * 3_600_000, 300.0, None));
    // A session with nothing heard does not count.
    records.push(listen("c", dec(10), 0.0, None));
    for r in &records {
        lib.record_listening(r).await.unwrap();
    }
    // Now: Dec 31, 21:00 in Berlin (offset +60).
    let now = dec(31) + 20 * 3_600_000;
    let j = lib
        .journey("u1", JourneyRange::Week, now, 60)
        .await
        .unwrap();
    assert_eq!(j.total_stories, 3);
    assert_eq!(j.listening_seconds, 5.0 * 600.0 + 8.0 * 300.0);
    assert_eq!(j.longest_streak, 8, "Dec 24–31 across offsets");
    assert_eq!(j.current_streak, 8);
    assert_eq!(j.days.len(), 7);
    assert_eq!(j.days.last().unwrap().date, "2026-12-31");
    assert_eq!(j.days[0].date, "2026-12-25");
    assert_eq!(j.days.iter().map(|d| d.seconds).sum::<f64>(), 7.0 * 300.0);
    assert_eq!(
        j.most_heard.as_ref().map(|m| (m.id.as_str(), m.plays)),
        Some(("a", 7))
    );
    assert_eq!(
        j.favorite_hero.as_ref().map(|h| h.name.as_str()),
        Some("Milo"),
        "3000 + 300 s against 2100 s"
    );
    let reached: Vec<MilestoneId> = j
        .milestones
        .iter()
        .filter(|m| m.reached)
        .map(|m| m.id)
        .collect();
    assert_eq!(
        reached,
        [
            MilestoneId::FirstStory,
            MilestoneId::Listening1h,
            MilestoneId::Streak7
        ]
    );
    assert_eq!(j.next, Some(MilestoneId::Stories5), "3 of 5 is the closest");
    // Two days later the current streak is over; the longest stays.
    let later = lib
        .journey("u1", JourneyRange::Year, now + 2 * DAY, 60)
        .await
        .unwrap();
    assert_eq!((later.current_streak, later.longest_streak), (0, 8));
    assert_eq!(later.days.len(), 365);
    let jan30 = later.days.iter().find(|d| d.date == "2026-01-30").unwrap();
    assert_eq!(jan30.seconds, 600.0);
    let month = lib
        .journey("u1", JourneyRange::Month, now, 60)
        .await
        .unwrap();
    assert_eq!(month.days.len(), 30);
    // Nobody else's listening counts.
    let other = lib
        .journey("u2", JourneyRange::Week, now, 60)
        .await
        .unwrap();
    assert_eq!(
        (other.total_stories, other.next),
        (0, Some(MilestoneId::FirstStory))
    );
}
