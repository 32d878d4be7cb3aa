//! Heroes and custom events across two devices of one family: what one device creates, edits
//! or deletes reaches the other's library live (realtime `family-{userId}`), with a
//! `LibraryChanged` event for its windows, and the other device then lists it even offline.

use std::time::Duration;

use infinite_stories_contract::{
    AgeRange, CustomEventDraft, EventCategory, EventTone, HeroDraft, Language, Trait,
};
use infinite_stories_core::family::LibraryPart;
use infinite_stories_core::{Core, CoreEvent, EventStream};

use crate::support::{core_with, env};

/// Waits (bounded) for `part` to change on a device.
async fn changed(events: &mut EventStream, part: LibraryPart) {
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if let Ok(CoreEvent::LibraryChanged(p)) = events.recv().await
                && p == part
            {
                return;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{part:?} never changed"));
}

/// What a device lists with the backend out of reach: its library only.
async fn offline_heroes(core: &Core) -> Vec<String> {
    core.set_offline(true).await;
    let names = core
        .list_heroes()
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.draft.name)
        .collect();
    core.set_offline(false).await;
    names
}

#[tokio::test]
async fn a_hero_and_an_event_made_on_one_device_reach_the_other_live() {
    let env = env().await;
    env.core.ensure_session().await.unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let other = core_with(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
        Some(other_dir.path().to_owned()),
    )
    .await;
    let user = other.session().expect("same family").user_id;
    let rt = other.realtime().unwrap();
    crate::realtime::joined_pub(&rt, &format!("realtime:family-{user}")).await;
    let mut events = other.events();

    let hero = env
        .core
        .create_hero(HeroDraft::new("Luna", Trait::Brave, Trait::Kind))
        .await
        .unwrap();
    changed(&mut events, LibraryPart::Heroes).await;
    assert_eq!(offline_heroes(&other).await, ["Luna"]);

    env.core
        .update_hero(
            &hero.id,
            HeroDraft::new("Luna Star", Trait::Brave, Trait::Kind),
        )
        .await
        .unwrap();
    changed(&mut events, LibraryPart::Heroes).await;
    assert_eq!(offline_heroes(&other).await, ["Luna Star"]);

    let draft = CustomEventDraft {
        title: "Picnic by the lake".into(),
        description: "A picnic with grandma by the lake.".into(),
        category: EventCategory::Celebration,
        age_range: AgeRange::AllAges,
        tone: EventTone::Calming,
        keywords: vec![],
    };
    env.core
        .save_custom_event(None, draft, Language::En)
        .await
        .unwrap();
    changed(&mut events, LibraryPart::CustomEvents).await;

    env.core.delete_hero(&hero.id).await.unwrap();
    changed(&mut events, LibraryPart::Heroes).await;
    assert!(offline_heroes(&other).await.is_empty());
}
