//! `story-generation` and `extract-scenes`: the writer and the scene extractor, and the
//! `stories` + `story_scenes` rows a new story becomes.

use std::str::FromStr;

use infinite_stories_contract::hash::fnv1a;
use infinite_stories_contract::{ExtractedScenes, GeneratedStory, StoryRequest};
use infinite_stories_storyteller::{
    CustomEventSpec, EventSpec, HeroDraft, Pronouns, SceneRequest, StoryBrief, StoryEvent, Trait,
};
use serde_json::{Value, json};

use super::{Call, FnError, parse};
use crate::clock::iso_micros;
use crate::rest::records::{self, Row, Write};
use crate::rest::schema::{CUSTOM_EVENTS, HEROES, STORIES, STORY_SCENES};

fn text(row: &Row, key: &str) -> Option<String> {
    row.body
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// A catalogue value of a stored row (`None` when absent or not in the catalogue).
fn choice<T: FromStr>(row: &Row, key: &str) -> Option<T> {
    text(row, key).and_then(|t| t.parse().ok())
}

/// The hero of a `heroes` row, as the storyteller writes and draws it.
pub(crate) fn hero_of(row: &Row) -> HeroDraft {
    let primary = choice(row, "primary_trait").unwrap_or(Trait::Kind);
    let secondary = choice(row, "secondary_trait").unwrap_or(primary);
    let mut hero = HeroDraft::new(
        text(row, "name").unwrap_or_else(|| "Hero".into()),
        primary,
        secondary,
    );
    hero.appearance = text(row, "appearance");
    hero.special_ability = text(row, "special_ability");
    hero.pronouns = choice::<Pronouns>(row, "pronouns");
    hero.avatar_style = choice(row, "avatar_style");
    hero.avatar_prompt = text(row, "avatar_prompt");
    hero
}

/// The custom event of a `custom_events` row, as the storyteller reads it.
fn custom_event_of(row: &Row) -> CustomEventSpec {
    let mut custom = CustomEventSpec::titled(text(row, "title").unwrap_or_default());
    custom.description = text(row, "description").unwrap_or_default();
    custom.prompt_seed = text(row, "prompt_seed").unwrap_or_default();
    custom.category = choice(row, "category").unwrap_or_default();
    custom.tone = choice(row, "tone").unwrap_or_default();
    custom.age_range = choice(row, "age_range").unwrap_or_default();
    custom.keywords = row
        .body
        .get("keywords")
        .and_then(Value::as_array)
        .map(|k| {
            k.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    custom
}

pub(crate) async fn generate(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: StoryRequest = parse(body)?;
    req.validate()?;
    call.progress(0.05, "Getting ready…");
    let hero_row = call.owned(&HEROES, &req.hero_id, "hero").await?;
    let (event, custom_row, event_id) = match &req.event {
        StoryEvent::BuiltIn { event } => (EventSpec::BuiltIn(*event), None, Some(event.id())),
        StoryEvent::Custom { custom_event_id } => {
            let row = call
                .owned(&CUSTOM_EVENTS, custom_event_id, "customEvent")
                .await
                .map_err(|e| match e.code {
                    "NOT_FOUND" => FnError::not_found("Custom event"),
                    "FORBIDDEN" => FnError::forbidden("custom event"),
                    _ => e,
                })?;
            (EventSpec::Custom(custom_event_of(&row)), Some(row), None)
        }
    };
    call.progress(0.2, "Writing the story…");
    let request = StoryBrief {
        hero: hero_of(&hero_row),
        event,
        seed: fnv1a(call.request_id.as_bytes()),
        request: req,
    };
    let draft = call.state.providers.writer.write(&request).await?;
    if let Some(note) = &draft.note {
        // E.g. the local model's answer was unusable and the built-in writer took over.
        call.progress(0.75, note);
    }
    call.progress(0.8, "Saving the story…");
    let now = call.state.now_millis();
    let story_id = uuid::Uuid::new_v4().to_string();
    let ts = iso_micros(now);
    let story = json!({
        "id": story_id, "user_id": call.user, "hero_id": request.request.hero_id,
        "custom_event_id": custom_row.as_ref().map(|r| r.id().to_string()),
        "event_type": request.request.event.kind(), "event_id": event_id, "title": draft.title, "content": draft.content,
        "language": request.language().id(), "voice": request.voice().id(), "target_duration": request.target_duration_seconds(),
        "estimated_duration": draft.estimated_duration, "word_count": draft.word_count,
        "audio_url": null, "audio_path": null, "audio_duration": null, "audio_voice": null, "timings_url": null,
        "is_favorite": false, "play_count": 0, "last_played_at": null, "created_at": ts, "updated_at": ts,
    });
    let mut writes = vec![Write::Insert(
        &STORIES,
        Row {
            owner: call.user.clone(),
            body: story.as_object().cloned().unwrap_or_default(),
        },
    )];
    for s in &draft.scenes {
        let scene = json!({
            "id": uuid::Uuid::new_v4().to_string(), "story_id": story_id, "scene_number": s.scene_number,
            "text_segment": s.text_segment, "illustration_prompt": s.illustration_prompt,
            "timestamp_seconds": s.timestamp_seconds, "emotion": s.emotion.id(), "importance": s.importance.id(),
            "created_at": ts, "updated_at": ts,
        });
        writes.push(Write::Insert(
            &STORY_SCENES,
            Row {
                owner: call.user.clone(),
                body: scene.as_object().cloned().unwrap_or_default(),
            },
        ));
    }
    {
        let _w = call.state.records_lock.lock().await;
        records::commit(&call.state, writes).await?;
    }
    if let Some(row) = custom_row {
        // Counted on the row as it is now, so concurrent stories do not lose a use.
        let ts = ts.clone();
        records::patch(&call.state, &CUSTOM_EVENTS, row.id(), move |current| {
            let uses = current
                .get("usage_count")
                .and_then(Value::as_i64)
                .unwrap_or(0)
                + 1;
            json!({"usage_count": uses, "last_used_at": ts})
                .as_object()
                .cloned()
                .unwrap_or_default()
        })
        .await?;
    }
    call.progress(1.0, "Your story is ready");
    answer(&GeneratedStory {
        story_id,
        title: draft.title,
        content: draft.content,
        estimated_duration: draft.estimated_duration,
        word_count: draft.word_count as u32,
        scenes: draft.scenes,
    })
}

pub(crate) async fn extract(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: SceneRequest = parse(body)?;
    req.validate()?;
    let scenes = call.state.providers.scenes.extract(&req).await?;
    answer(&ExtractedScenes {
        scene_count: scenes.len(),
        scenes,
    })
}

/// A function's answer as the `data` of its envelope.
pub(crate) fn answer<T: serde::Serialize>(data: &T) -> Result<Value, FnError> {
    serde_json::to_value(data).map_err(|_| FnError::internal())
}
