//! `story-generation` and `extract-scenes`: the writer and the scene extractor, and the
//! `stories` + `story_scenes` rows a new story becomes.

use std::str::FromStr;

use infinite_stories_storyteller::{
    BuiltInEvent, CustomEvent, EventSpec, Hero, Language, Pronouns, Scene, SceneRequest,
    StoryRequest, Trait, Voice,
};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{Call, FnError, parse};
use crate::clock::iso_micros;
use crate::rest::records::{self, Row, Write};
use crate::rest::schema::{CUSTOM_EVENTS, HEROES, STORIES, STORY_SCENES};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StoryBody {
    #[serde(alias = "hero_id")]
    hero_id: String,
    event: EventBody,
    #[serde(alias = "target_duration")]
    target_duration: f64,
    language: String,
    #[serde(default)]
    voice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventBody {
    #[serde(rename = "type")]
    kind: String,
    data: Map<String, Value>,
}

pub(crate) fn language(s: &str) -> Result<Language, FnError> {
    Language::from_str(s)
        .map_err(|_| FnError::invalid("language must be one of en, es, fr, de, it"))
}

pub(crate) fn voice(s: &str) -> Result<Voice, FnError> {
    Voice::from_str(s).map_err(|_| {
        FnError::invalid("voice must be one of coral, nova, fable, alloy, echo, onyx, shimmer")
    })
}

fn text(row: &Row, key: &str) -> Option<String> {
    row.body
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The storyteller's hero for a `heroes` row.
pub(crate) fn hero_of(row: &Row) -> Hero {
    let primary = text(row, "primary_trait")
        .and_then(|t| Trait::from_str(&t).ok())
        .unwrap_or(Trait::Kind);
    let secondary = text(row, "secondary_trait")
        .and_then(|t| Trait::from_str(&t).ok())
        .unwrap_or(primary);
    let mut hero = Hero::new(
        text(row, "name").unwrap_or_else(|| "Hero".into()),
        primary,
        secondary,
    );
    hero.appearance = text(row, "appearance");
    hero.special_ability = text(row, "special_ability");
    hero.pronouns = text(row, "pronouns").and_then(|p| Pronouns::from_str(&p).ok());
    hero
}

fn seed_of(request_id: &str) -> u64 {
    request_id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The contract's scene shape.
pub(crate) fn scene_json(s: &Scene) -> Value {
    json!({"sceneNumber": s.scene_number, "textSegment": s.text_segment, "illustrationPrompt": s.illustration_prompt,
           "timestampSeconds": s.timestamp_seconds, "emotion": s.emotion, "importance": s.importance})
}

pub(crate) async fn generate(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: StoryBody = parse(body)?;
    if !(60.0..=900.0).contains(&req.target_duration) {
        return Err(FnError::invalid(
            "targetDuration must be between 60 and 900 seconds",
        ));
    }
    let lang = language(&req.language)?;
    let voice = req
        .voice
        .as_deref()
        .map(voice)
        .transpose()?
        .unwrap_or_default();
    call.progress(0.05, "Getting ready…");
    let hero_row = call.owned(&HEROES, &req.hero_id, "hero").await?;
    let (event, custom_row, event_id) = match req.event.kind.as_str() {
        "built_in" => {
            let id = req
                .event
                .data
                .get("event")
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    FnError::invalid("event.data.event is required for a built_in event")
                })?;
            let built = BuiltInEvent::from_str(id).map_err(|_| {
                FnError::invalid(format!("event.data.event: unknown built-in event '{id}'"))
            })?;
            (EventSpec::BuiltIn(built), None, Some(id.to_string()))
        }
        "custom" => {
            let id = req
                .event
                .data
                .get("custom_event_id")
                .or_else(|| req.event.data.get("customEventId"))
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    FnError::invalid("event.data.custom_event_id is required for a custom event")
                })?;
            let row = call
                .owned(&CUSTOM_EVENTS, id, "customEvent")
                .await
                .map_err(|e| match e.code {
                    "NOT_FOUND" => FnError::not_found("Custom event"),
                    "FORBIDDEN" => FnError::forbidden("custom event"),
                    _ => e,
                })?;
            let mut custom: CustomEvent =
                serde_json::from_value(json!({"title": text(&row, "title").unwrap_or_default()}))
                    .map_err(|_| FnError::internal())?;
            custom.description = text(&row, "description").unwrap_or_default();
            custom.prompt_seed = text(&row, "prompt_seed").unwrap_or_default();
            if let Some(c) = text(&row, "category").and_then(|c| c.parse().ok()) {
                custom.category = c;
            }
            if let Some(t) = text(&row, "tone").and_then(|t| t.parse().ok()) {
                custom.tone = t;
            }
            if let Some(a) = text(&row, "age_range").and_then(|a| a.parse().ok()) {
                custom.age_range = a;
            }
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
            (EventSpec::Custom(custom), Some(row), None)
        }
        other => {
            return Err(FnError::invalid(format!(
                "event.type must be built_in or custom, not '{other}'"
            )));
        }
    };
    call.progress(0.2, "Writing the story…");
    let request = StoryRequest {
        hero: hero_of(&hero_row),
        event,
        target_duration_seconds: req.target_duration.round() as u32,
        language: lang,
        voice,
        seed: seed_of(&call.request_id),
    };
    let draft = call.state.providers.writer.write(&request).await?;
    call.progress(0.8, "Saving the story…");
    let now = call.state.now_millis();
    let story_id = uuid::Uuid::new_v4().to_string();
    let ts = iso_micros(now);
    let story = json!({
        "id": story_id, "user_id": call.user, "hero_id": req.hero_id,
        "custom_event_id": custom_row.as_ref().map(|r| r.id().to_string()),
        "event_type": req.event.kind, "event_id": event_id, "title": draft.title, "content": draft.content,
        "language": lang.id(), "voice": voice.id(), "target_duration": request.target_duration_seconds,
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
            "timestamp_seconds": s.timestamp_seconds, "emotion": s.emotion, "importance": s.importance,
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
    Ok(json!({
        "storyId": story_id, "title": draft.title, "content": draft.content,
        "estimatedDuration": draft.estimated_duration, "wordCount": draft.word_count,
        "scenes": draft.scenes.iter().map(scene_json).collect::<Vec<_>>(),
    }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExtractBody {
    #[serde(alias = "story_content")]
    story_content: String,
    #[serde(alias = "story_duration")]
    story_duration: f64,
    #[serde(alias = "hero_name")]
    hero_name: String,
    #[serde(default, alias = "event_context")]
    event_context: String,
}

pub(crate) async fn extract(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: ExtractBody = parse(body)?;
    if req.story_content.trim().is_empty() {
        return Err(FnError::invalid("storyContent must not be empty"));
    }
    if req.story_content.chars().count() > 50_000 {
        return Err(FnError::invalid(
            "storyContent must be at most 50,000 characters",
        ));
    }
    if !(req.story_duration > 0.0 && req.story_duration <= 7200.0) {
        return Err(FnError::invalid(
            "storyDuration must be between 0 and 7200 seconds",
        ));
    }
    if req.hero_name.trim().is_empty() {
        return Err(FnError::invalid("heroName must not be empty"));
    }
    let scenes = call
        .state
        .providers
        .scenes
        .extract(&SceneRequest {
            story_content: req.story_content,
            story_duration: req.story_duration,
            hero_name: req.hero_name,
            event_context: req.event_context,
        })
        .await?;
    Ok(
        json!({"scenes": scenes.iter().map(scene_json).collect::<Vec<_>>(), "sceneCount": scenes.len()}),
    )
}
