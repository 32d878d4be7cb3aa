//! How SQLite answers a page of the library (migration 0006): for every sort and every filter,
//! the page and its count are chosen from an index alone, never by reading stories' rows (whose
//! filter columns sit after the story text, in overflow pages: reading them per story is what
//! made "only new, French" take 100 ms at 10,000 stories). Also that the filters still select
//! the right stories through those indexes.

use infinite_stories_contract::{BuiltInEvent, Language, StoryEvent};
use serde_json::json;
use sqlx::Row;

use super::search::{LAST_LISTENING, PageSql, page_sql};
use super::*;
use crate::cache::DISK_LIMIT;
use crate::clock::ManualClock;

async fn library() -> (Library, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let pool = crate::database::open(dir.path()).await.unwrap();
    let clock = ManualClock::new();
    clock.set_millis(1_700_000_000_000);
    let cache = StoryCache::new(dir.path(), pool.clone(), clock.clone(), DISK_LIMIT).unwrap();
    (Library::new(pool, cache, clock), dir)
}

const SORTS: [LibrarySort; 5] = [
    LibrarySort::Newest,
    LibrarySort::Oldest,
    LibrarySort::Title,
    LibrarySort::Length,
    LibrarySort::LastHeard,
];

/// Every filter alone, the pairs a family uses, and all of them at once.
fn filter_sets() -> Vec<(&'static str, LibraryQuery)> {
    let base = LibraryQuery::default();
    let event = Some(StoryEvent::BuiltIn {
        event: BuiltInEvent::Birthday,
    });
    vec![
        ("none", base.clone()),
        (
            "new",
            LibraryQuery {
                only_new: true,
                ..base.clone()
            },
        ),
        (
            "favourites",
            LibraryQuery {
                only_favorites: true,
                ..base.clone()
            },
        ),
        (
            "hero",
            LibraryQuery {
                hero_id: Some("h1".into()),
                ..base.clone()
            },
        ),
        (
            "event",
            LibraryQuery {
                event: event.clone(),
                ..base.clone()
            },
        ),
        (
            "language",
            LibraryQuery {
                language: Some(Language::Fr),
                ..base.clone()
            },
        ),
        (
            "new + French",
            LibraryQuery {
                only_new: true,
                language: Some(Language::Fr),
                ..base.clone()
            },
        ),
        (
            "favourites + French",
            LibraryQuery {
                only_favorites: true,
                language: Some(Language::Fr),
                ..base.clone()
            },
        ),
        (
            "everything",
            LibraryQuery {
                only_new: true,
                only_favorites: true,
                hero_id: Some("h1".into()),
                event,
                language: Some(Language::Fr),
                ..base.clone()
            },
        ),
        (
            "far down",
            LibraryQuery {
                offset: 9_000,
                ..base
            },
        ),
    ]
}

/// SQLite's plan for `sql` with the query's parameters, one line per step.
async fn plan(lib: &Library, sql: &str, query: &LibraryQuery) -> Vec<String> {
    sqlx::query(&format!("EXPLAIN QUERY PLAN {sql}"))
        .bind("u1")
        .bind(None::<String>)
        .bind(query.hero_id.clone())
        .bind("built_in")
        .bind("birthday")
        .bind(query.language.map(Language::id))
        .bind(40)
        .bind(query.offset)
        .bind(1_700_000_000_000_i64)
        .fetch_all(&lib.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("detail"))
        .collect()
}

#[tokio::test]
async fn every_sort_and_filter_is_answered_from_an_index_alone() {
    let (lib, _dir) = library().await;
    let mut row_readers = Vec::new();
    for sort in SORTS {
        for (name, query) in filter_sets() {
            let query = LibraryQuery { sort, ..query };
            let PageSql { page, count } = page_sql(&query);
            for (which, sql) in [("page", page), ("count", count)] {
                let steps = plan(&lib, &sql, &query).await;
                // Each step that reads `stories s` must read an index that holds every column.
                let reads_rows = steps.iter().any(|step| {
                    (step.starts_with("SCAN s") || step.starts_with("SEARCH s"))
                        && !step.contains("COVERING INDEX")
                });
                if reads_rows {
                    row_readers.push(format!("{sort:?} / {name} / {which}: {steps:?}"));
                }
            }
        }
    }
    assert!(row_readers.is_empty(), "{row_readers:#?}");
}

#[tokio::test]
async fn filters_read_from_the_indexes_pick_the_right_stories() {
    let (lib, _dir) = library().await;
    // Six stories: French or English, heard or not, starred or not, two heroes, two events.
    for (id, lang, hero, event, created) in [
        ("a", "fr", "h1", "birthday", 1),
        ("b", "fr", "h1", "weekend_explorer", 2),
        ("c", "en", "h1", "birthday", 3),
        ("d", "fr", "h2", "birthday", 4),
        ("e", "en", "h2", "birthday", 5),
        ("f", "fr", "h1", "birthday", 6),
    ] {
        let row = json!({"id": id, "user_id": "u1", "hero_id": hero, "title": format!("Story {id}"),
            "content": "x".repeat(9_000), "language": lang, "event_type": "built_in", "event_id": event,
            "estimated_duration": 300.0, "created_at": format!("1970-01-01T00:00:{created:02}Z")});
        lib.apply_row("stories", &row).await.unwrap();
    }
    lib.apply_row(
        "stories",
        &json!({"id": "other", "user_id": "u2", "title": "Not ours", "content": "x", "language": "fr",
            "created_at": "1970-01-01T00:00:07Z"}),
    )
    .await
    .unwrap();
    for (session, story) in [("l1", "a"), ("l2", "e")] {
        lib.record_listening(&ListeningRecord {
            session_id: session.into(),
            story_id: story.into(),
            seconds: 60.0,
            completed: false,
            position: Some(60.0),
            started_at: Some(1_700_000_000_000),
            utc_offset_minutes: Some(0),
        })
        .await
        .unwrap();
    }
    assert!(lib.set_favorite("d", true).await.unwrap());
    assert!(lib.set_favorite("a", true).await.unwrap());

    let ids = |page: LibraryPage| {
        let total = page.total;
        let ids: Vec<String> = page.cards.into_iter().map(|c| c.id).collect();
        (ids, total)
    };
    let sets = filter_sets();
    let find = |name: &str| sets.iter().find(|(n, _)| *n == name).unwrap().1.clone();
    let expected: [(&str, &[&str]); 8] = [
        ("none", &["f", "e", "d", "c", "b", "a"]),
        ("new", &["f", "d", "c", "b"]),
        ("favourites", &["d", "a"]),
        ("hero", &["f", "c", "b", "a"]),
        ("event", &["f", "e", "d", "c", "a"]),
        ("language", &["f", "d", "b", "a"]),
        ("new + French", &["f", "d", "b"]),
        ("favourites + French", &["d", "a"]),
    ];
    for (name, want) in expected {
        for sort in SORTS {
            let query = LibraryQuery { sort, ..find(name) };
            let (mut got, total) = ids(lib.search("u1", &query).await.unwrap());
            assert_eq!(total as usize, want.len(), "{name} / {sort:?}");
            if sort == LibrarySort::Newest {
                assert_eq!(got, want, "{name}");
            }
            got.sort();
            let mut want = want.to_vec();
            want.sort();
            assert_eq!(got, want, "{name} / {sort:?}");
        }
    }
    // Everything at once: new, starred, hero h1, a birthday, in French — none (a is heard).
    let (got, total) = ids(lib.search("u1", &find("everything")).await.unwrap());
    assert_eq!((got.len(), total), (0, 0));
    // Hearing a story takes it out of "new" at once (the index follows the trigger).
    lib.record_listening(&ListeningRecord {
        session_id: "l3".into(),
        story_id: "f".into(),
        seconds: 30.0,
        completed: true,
        position: None,
        started_at: Some(1_700_000_100_000),
        utc_offset_minutes: Some(0),
    })
    .await
    .unwrap();
    let (got, _) = ids(lib.search("u1", &find("new + French")).await.unwrap());
    assert_eq!(got, ["d", "b"]);
}

/// Home's "continue listening" reads the newest session through its index and stops at the
/// first one of the family's: no sort of every session.
#[tokio::test]
async fn the_latest_listening_is_read_newest_first_from_an_index() {
    let (lib, _dir) = library().await;
    let steps: Vec<String> = sqlx::query(&format!("EXPLAIN QUERY PLAN {LAST_LISTENING}"))
        .bind("u1")
        .fetch_all(&lib.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("detail"))
        .collect();
    assert!(
        steps[0].contains("SCAN l USING INDEX listening_sessions_started"),
        "{steps:?}"
    );
    assert!(
        !steps.iter().any(|s| s.contains("TEMP B-TREE")),
        "{steps:?}"
    );
}

/// A text search joins each match to its story by `fts_rowid` whatever the sort (one word
/// sorted by title used to scan the whole family's stories once per match: 23 s at 10,000);
/// one- or two-letter words, which match nearly every story, walk the sort's own index for the
/// page instead of sorting every match.
#[tokio::test]
async fn a_text_search_joins_each_match_once_for_every_sort() {
    let (lib, _dir) = library().await;
    for sort in SORTS {
        for (text, short) in [("dragon", false), ("dr", true)] {
            let query = LibraryQuery {
                text: Some(text.into()),
                sort,
                ..LibraryQuery::default()
            };
            let PageSql { page, count } = page_sql(&query);
            let page_plan = plan(&lib, &page, &query).await;
            let mut joins = vec![plan(&lib, &count, &query).await];
            if short {
                assert!(
                    page_plan[0].starts_with("SEARCH s USING")
                        && page_plan[0].contains("(user_id=?)")
                        && page_plan.iter().any(|s| s.contains("LIST SUBQUERY")),
                    "{sort:?} {text}: {page_plan:?}"
                );
                // At most the tie-break of equal keys is sorted, never every match.
                assert!(
                    !page_plan
                        .iter()
                        .any(|s| s.contains("TEMP B-TREE FOR ORDER BY")),
                    "{sort:?} {text}: {page_plan:?}"
                );
            } else {
                joins.push(page_plan);
            }
            for steps in joins {
                assert!(
                    steps[0].starts_with("SCAN stories_fts VIRTUAL TABLE"),
                    "{sort:?} {text}: {steps:?}"
                );
                assert!(
                    steps[1].contains("INDEX stories_fts_filters (fts_rowid=?)"),
                    "{sort:?} {text}: {steps:?}"
                );
            }
        }
    }
}
