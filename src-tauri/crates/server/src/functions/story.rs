//! `story-generation` and `extract-scenes`: the writer and the scene extractor, and the
//! `stories` + `story_scenes` rows a new story becomes.

use infinite_stories_contract::hash::fnv1a;
use infinite_stories_contract::{
    ExtractedScenes, GeneratedStory, SceneRow, StoryRequest, StoryRow,
};
use infinite_stories_storyteller::{
    CustomEventSpec, EventSpec, HeroDraft, SceneRequest, StoryBrief, StoryEvent,
};
use serde_json::{Value, json};

use super::{Call, FnError, parse};
use crate::clock::iso_micros;
use crate::rest::records::{self, Row, Write};
use crate::rest::schema::{CUSTOM_EVENTS, HEROES, STORIES, STORY_SCENES};

/// The hero of a `heroes` row, as the storyteller writes and draws it.
pub(crate) fn hero_of(row: &Row) -> HeroDraft {
    HeroDraft::from_row(&row.body)
}

/// The custom event of a `custom_events` row, as the storyteller reads it.
fn custom_event_of(row: &Row) -> CustomEventSpec {
    CustomEventSpec::from_row(&row.body).unwrap_or_else(|| CustomEventSpec::titled(""))
}

pub(crate) async fn generate(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: StoryRequest = parse(body)?;
    req.validate()?;
    call.progress(0.05, "Getting ready…");
    let hero_row = call.owned(&HEROES, &req.hero_id, "hero").await?;
    let (event, custom_row) = match &req.event {
        StoryEvent::BuiltIn { event } => (EventSpec::BuiltIn(*event), None),
        StoryEvent::Custom { custom_event_id } => {
            let row = call
                .owned(&CUSTOM_EVENTS, custom_event_id, "customEvent")
                .await
                .map_err(|e| match e.code {
                    "NOT_FOUND" => FnError::not_found("Custom event"),
                    "FORBIDDEN" => FnError::forbidden("custom event"),
                    _ => e,
                })?;
            (EventSpec::Custom(custom_event_of(&row)), Some(row))
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
    let generated = GeneratedStory {
        story_id: story_id.clone(),
        title: draft.title,
        content: draft.content,
        estimated_duration: draft.estimated_duration,
        word_count: draft.word_count as u32,
        scenes: draft.scenes,
    };
    let story = StoryRow::written(
        story_id.clone(),
        &call.user,
        &request.request,
        custom_row.as_ref().map(|r| r.id().to_string()),
        &generated,
        &ts,
    );
    let mut writes = vec![Write::Insert(
        &STORIES,
        Row {
            owner: call.user.clone(),
            body: records::body_of(&story)?,
        },
    )];
    for s in &generated.scenes {
        let scene = SceneRow::of(s, uuid::Uuid::new_v4().to_string(), &story_id, &ts);
        writes.push(Write::Insert(
            &STORY_SCENES,
            Row {
                owner: call.user.clone(),
                body: records::body_of(&scene)?,
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
    answer(&generated)
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
