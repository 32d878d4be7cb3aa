//! Two-way sync with two devices of one family on one embedded backend. Device A talks to the
//! backend directly; device B through a loopback TCP relay the test can cut, so B's requests
//! and realtime socket both fail as with the network gone (the backend itself stays up for A).
//! B edits heroes, custom events, favourites, listening sessions and deletes while cut off;
//! the edits wait in its outbox, survive a quit (the core dropped and opened again on the same
//! SQLite file) and reach the backend in order when B is back, and A gets them live and by
//! catch-up. Conflicts follow the written rule: an older edit loses to a newer one, a delete
//! beats an edit. Time is injected (manual clocks; retries on a recording sleeper).

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use infinite_stories_contract::{
    AgeRange, CustomEventDraft, EventCategory, EventTone, HeroDraft, Language, Trait,
};
use infinite_stories_core::clock::RecordingSleeper;
use infinite_stories_core::family::LibraryPart;
use infinite_stories_core::{
    BackendEndpoint, BackendState, Core, CoreEvent, CoreOptions, EventStream, GenerateRequest,
    ListeningRecord,
};
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};

use crate::pipeline::story_request;
use crate::support::{Env, env, env_with, fast_realtime};

/// A loopback relay to the backend that can be cut (every open connection dropped, new ones
/// closed at once) and restored.
struct Relay {
    address: SocketAddr,
    up: Arc<AtomicBool>,
    links: Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Relay {
    /// A relay listening on loopback; it forwards once [`Relay::start`] names the backend.
    async fn bind() -> (Self, TcpListener) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let relay = Self {
            address: listener.local_addr().unwrap(),
            up: Arc::new(AtomicBool::new(true)),
            links: Arc::new(std::sync::Mutex::new(Vec::new())),
        };
        (relay, listener)
    }

    fn start(&self, listener: TcpListener, backend: SocketAddr) {
        let (up, links) = (self.up.clone(), self.links.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !up.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let link = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(backend).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                links.lock().unwrap().push(link);
            }
        });
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// The backend (device A's env) and a relay to it that device B goes through; the backend
/// accepts the relay's address as a `Host`, as it would a second name of itself.
async fn env_and_relay() -> (Env, Relay) {
    let (relay, listener) = Relay::bind().await;
    let host = relay.address.to_string();
    let env = env_with(|c| c.allowed_hosts.push(host)).await;
    relay.start(listener, env.server.address());
    (env, relay)
}

/// Device B: the family's session (same keyring), its own library in `dir`, reaching the
/// backend through `relay`. Its retries wait on a recording sleeper that moves no clock, so
/// B's edit times are the family's clock.
async fn device_b(env: &Env, relay: &Relay, dir: &Path) -> Core {
    let core = Core::with_options(CoreOptions {
        timer: None,
        secrets: env.secrets.clone(),
        clock: env.clock.clone(),
        sleeper: Some(RecordingSleeper::new(None)),
        realtime: fast_realtime(),
        data_dir: Some(dir.to_owned()),
        extra_roots: Vec::new(),
    });
    let endpoint = BackendEndpoint::embedded(relay.address).with_api_key(env.server.anon_key());
    let status = core.connect(endpoint).await;
    assert_eq!(status.state, BackendState::Connected, "{status:?}");
    core
}

fn draft(title: &str) -> CustomEventDraft {
    CustomEventDraft {
        title: title.into(),
        description: "A picnic with grandma by the lake.".into(),
        category: EventCategory::Celebration,
        age_range: AgeRange::AllAges,
        tone: EventTone::Calming,
        keywords: vec![],
    }
}

/// A row of the backend as device A reads it (`None` once deleted).
async fn backend_row(a: &Core, table: &str, id: &str) -> Option<Value> {
    let rows: Vec<Value> = a
        .api()
        .unwrap()
        .select(table, &format!("id=eq.{id}&select=*"))
        .await
        .unwrap();
    rows.into_iter().next()
}

/// The heroes' names a device holds in its library (read with its backend out of reach).
async fn local_heroes(core: &Core) -> Vec<String> {
    core.set_offline(true).await;
    let mut names: Vec<String> = core
        .list_heroes()
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.draft.name)
        .collect();
    core.set_offline(false).await;
    names.sort();
    names
}

/// Waits (bounded, no sleeping) until `part` changed on a device and `check` holds.
async fn until_changed<F, Fut>(events: &mut EventStream, part: LibraryPart, check: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    use tokio::sync::broadcast::error::RecvError;
    tokio::time::timeout(Duration::from_secs(10), async {
        while !check().await {
            // Look again after the next change of `part` (or after missing some events).
            loop {
                match events.recv().await {
                    Ok(CoreEvent::LibraryChanged(p)) if p == part => break,
                    Err(RecvError::Lagged(_)) => break,
                    Err(RecvError::Closed) => panic!("the core is gone"),
                    Ok(_) => {}
                }
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{part:?} never reached the state expected"));
}

/// How many changes wait in the outbox of the library in `dir` (read from the file itself).
async fn outbox_rows(dir: &Path) -> i64 {
    let pool = infinite_stories_core::database::open(dir).await.unwrap();
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE refused = 0")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

#[tokio::test]
async fn edits_made_offline_survive_a_quit_and_reach_the_other_device_when_back() {
    let (env, relay) = env_and_relay().await;
    let a = env.core.clone();
    a.ensure_session().await.unwrap();
    let luna = a
        .create_hero(HeroDraft::new("Luna", Trait::Brave, Trait::Kind))
        .await
        .unwrap();
    let max = a
        .create_hero(HeroDraft::new("Max", Trait::Curious, Trait::Funny))
        .await
        .unwrap();
    let picnic = a
        .save_custom_event(None, draft("Picnic by the lake"), Language::En)
        .await
        .unwrap();
    let story = a
        .generate_story(GenerateRequest {
            request_id: Some("two-devices".into()),
            story: story_request(&luna.id),
            narration: false,
            illustrations: false,
        })
        .await
        .unwrap();
    let story_id = story.summary.id.clone();

    let b_dir = tempfile::tempdir().unwrap();
    let b = device_b(&env, &relay, b_dir.path()).await;
    b.sync_library().await.unwrap();
    assert_eq!(local_heroes(&b).await, ["Luna", "Max"]);

    // B loses the network and keeps being used.
    relay.cut();
    env.advance(Duration::from_secs(5));
    let renamed = b
        .update_hero(
            &luna.id,
            HeroDraft::new("Luna Star", Trait::Brave, Trait::Kind),
        )
        .await
        .expect("an edit made offline is kept, not refused");
    assert_eq!(renamed.draft.name, "Luna Star");
    b.set_custom_event_favorite(&picnic.id, true).await.unwrap();
    let card = b.set_story_favorite(&story_id, true).await.unwrap();
    assert!(card.is_favorite);
    let session = uuid::Uuid::new_v4().to_string();
    b.record_listening_at(ListeningRecord {
        session_id: session.clone(),
        story_id: story_id.clone(),
        seconds: 42.0,
        completed: false,
        position: Some(40.0),
        ..ListeningRecord::default()
    })
    .await
    .unwrap();
    b.delete_hero(&max.id).await.unwrap();
    assert_eq!(
        local_heroes(&b).await,
        ["Luna Star"],
        "B shows its edits at once"
    );
    let status = b.outbox_status().await.unwrap();
    assert_eq!(status.waiting, 5, "{status:?}");
    assert!(status.refused.is_empty(), "{status:?}");
    assert!(
        status.last_error.is_some(),
        "why they wait is said: {status:?}"
    );
    // Nothing reached the backend yet.
    assert_eq!(
        backend_row(&a, "heroes", &luna.id).await.unwrap()["name"],
        "Luna"
    );
    assert!(backend_row(&a, "heroes", &max.id).await.is_some());
    assert!(
        backend_row(&a, "listening_sessions", &session)
            .await
            .is_none()
    );

    // B quits with a full outbox; the edits are in its SQLite file.
    drop(b);
    assert_eq!(outbox_rows(b_dir.path()).await, 5);

    // B starts again with the network back: its join pushes the outbox, in order.
    let mut a_events = a.events();
    relay.restore();
    let b = device_b(&env, &relay, b_dir.path()).await;
    let left = b.push_outbox().await.unwrap();
    assert_eq!(left.waiting, 0, "{left:?}");
    assert!(left.refused.is_empty(), "{left:?}");

    // The backend has every change…
    assert_eq!(
        backend_row(&a, "heroes", &luna.id).await.unwrap()["name"],
        "Luna Star"
    );
    assert!(
        backend_row(&a, "heroes", &max.id).await.is_none(),
        "the delete went out"
    );
    assert_eq!(
        backend_row(&a, "custom_events", &picnic.id).await.unwrap()["is_favorite"],
        true
    );
    assert_eq!(
        backend_row(&a, "stories", &story_id).await.unwrap()["is_favorite"],
        true
    );
    let heard = backend_row(&a, "listening_sessions", &session)
        .await
        .unwrap();
    assert_eq!(heard["seconds_listened"], 42.0);

    // …and A gets the heroes live (realtime) and everything by its catch-up query.
    until_changed(&mut a_events, LibraryPart::Heroes, || async {
        local_heroes(&a).await == ["Luna Star"]
    })
    .await;
    a.sync_library().await.unwrap();
    let events = a.list_custom_events().await.unwrap();
    assert!(
        events.iter().any(|e| e.id == picnic.id && e.is_favorite),
        "{events:?}"
    );
    let page = a
        .search_library(&infinite_stories_core::LibraryQuery::default())
        .await
        .unwrap();
    assert!(page.cards.iter().any(|c| c.id == story_id && c.is_favorite));
}

#[tokio::test]
async fn an_older_edit_loses_a_newer_one_wins_and_a_delete_beats_an_edit() {
    let (env, relay) = env_and_relay().await;
    let a = env.core.clone();
    a.ensure_session().await.unwrap();
    let luna = a
        .create_hero(HeroDraft::new("Luna", Trait::Brave, Trait::Kind))
        .await
        .unwrap();
    let max = a
        .create_hero(HeroDraft::new("Max", Trait::Curious, Trait::Funny))
        .await
        .unwrap();
    let picnic = a
        .save_custom_event(None, draft("Picnic by the lake"), Language::En)
        .await
        .unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let b = device_b(&env, &relay, b_dir.path()).await;
    b.sync_library().await.unwrap();
    relay.cut();

    // 10 s: B (offline) renames Luna.
    env.advance(Duration::from_secs(10));
    b.update_hero(
        &luna.id,
        HeroDraft::new("Luna by B", Trait::Brave, Trait::Kind),
    )
    .await
    .unwrap();
    // 20 s: A renames Luna and Max, and deletes the picnic.
    env.advance(Duration::from_secs(10));
    a.update_hero(
        &luna.id,
        HeroDraft::new("Luna by A", Trait::Brave, Trait::Kind),
    )
    .await
    .unwrap();
    a.update_hero(
        &max.id,
        HeroDraft::new("Max by A", Trait::Curious, Trait::Funny),
    )
    .await
    .unwrap();
    a.delete_custom_event(&picnic.id).await.unwrap();
    // 30 s: B (still offline) renames Max and edits the picnic.
    env.advance(Duration::from_secs(10));
    b.update_hero(
        &max.id,
        HeroDraft::new("Max by B", Trait::Curious, Trait::Funny),
    )
    .await
    .unwrap();
    b.save_custom_event(Some(&picnic.id), draft("Picnic by the sea"), Language::En)
        .await
        .unwrap();
    assert_eq!(b.outbox_status().await.unwrap().waiting, 3);

    relay.restore();
    let left = b.push_outbox().await.unwrap();
    assert_eq!(left.waiting, 0, "{left:?}");
    assert!(
        left.refused.is_empty(),
        "settled conflicts are not refusals: {left:?}"
    );

    // Luna: B's edit (10 s) is older than A's (20 s): A's stays, and B takes it.
    assert_eq!(
        backend_row(&a, "heroes", &luna.id).await.unwrap()["name"],
        "Luna by A"
    );
    // Max: B's edit (30 s) is newer than A's (20 s): B's lands.
    assert_eq!(
        backend_row(&a, "heroes", &max.id).await.unwrap()["name"],
        "Max by B"
    );
    assert_eq!(local_heroes(&b).await, ["Luna by A", "Max by B"]);
    // The picnic: A's delete beats B's later edit, on the backend and on B.
    assert!(backend_row(&a, "custom_events", &picnic.id).await.is_none());
    b.set_offline(true).await;
    assert!(b.list_custom_events().await.unwrap().is_empty());
    b.set_offline(false).await;
    a.sync_library().await.unwrap();
    assert_eq!(local_heroes(&a).await, ["Luna by A", "Max by B"]);
}

#[tokio::test]
async fn a_change_the_backend_refuses_is_kept_and_shown_not_dropped() {
    let env = env().await;
    let a = env.core.clone();
    a.ensure_session().await.unwrap();
    let luna = a
        .create_hero(HeroDraft::new("Luna", Trait::Brave, Trait::Kind))
        .await
        .unwrap();
    env.fault(
        serde_json::json!({"action": "status", "route": "/rest/v1/heroes",
        "method": "PATCH", "status": 400, "times": 1}),
    )
    .await;
    a.update_hero(
        &luna.id,
        HeroDraft::new("Luna Star", Trait::Brave, Trait::Kind),
    )
    .await
    .unwrap();
    let status = a.outbox_status().await.unwrap();
    assert_eq!(status.waiting, 0, "{status:?}");
    assert_eq!(status.refused.len(), 1, "{status:?}");
    assert_eq!(status.refused[0].table, "heroes");
    assert!(!status.refused[0].message.is_empty());
    // A refused change no longer holds its row: the backend's comes back at the next pull.
    a.sync_library().await.unwrap();
    assert_eq!(local_heroes(&a).await, ["Luna"]);
    assert_eq!(
        a.outbox_status().await.unwrap().refused.len(),
        1,
        "still shown"
    );
}
