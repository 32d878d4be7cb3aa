//! `scene-illustration`: one `story_illustrations` row per scene, upserted `pending` first
//! (unique per story and scene, so a re-run replaces), then moved through `processing` to
//! `completed` or `failed`, every step a realtime UPDATE.

use std::str::FromStr;

use infinite_stories_contract::{
    IllustrationBatch, IllustrationResult, IllustrationStatus, IllustrationsRequest,
};
use infinite_stories_storyteller::{AvatarStyle, BuiltInEvent, EventSpec, IllustrationRequest};
use serde_json::{Map, Value, json};

use super::story::{answer, hero_of};
use super::{Call, FnError, parse};
use crate::clock::iso_micros;
use crate::rest::records::{self, Row, Write};
use crate::rest::schema::{HEROES, STORIES, STORY_ILLUSTRATIONS};
use crate::storage;

/// `row`'s body with `changes` applied and `updated_at` moved to now.
fn changed(call: &Call, row: &Row, changes: &Value) -> Map<String, Value> {
    let mut after = row.body.clone();
    if let Some(c) = changes.as_object() {
        for (k, v) in c {
            after.insert(k.clone(), v.clone());
        }
    }
    after.insert(
        "updated_at".into(),
        json!(iso_micros(call.state.now_millis())),
    );
    after
}

/// Writes a new state of an illustration row and returns the stored row.
async fn set(call: &Call, row: Row, changes: Value) -> Result<Row, FnError> {
    let changes = changes.as_object().cloned().unwrap_or_default();
    records::patch(&call.state, &STORY_ILLUSTRATIONS, row.id(), |_| changes)
        .await?
        .ok_or_else(|| FnError::not_found("Story"))
}

/// Upserts the `pending` row of one scene. The lookup and the write happen under the records
/// lock, so two concurrent runs for one story cannot create two rows for one scene.
async fn pending(call: &Call, story_id: &str, scene_number: u32) -> Result<Row, FnError> {
    let mut probe = Map::new();
    probe.insert("story_id".into(), json!(story_id));
    probe.insert("scene_number".into(), json!(scene_number));
    let _w = call.state.records_lock.lock().await;
    let existing = records::find_by(
        &call.state,
        &STORY_ILLUSTRATIONS,
        &["story_id", "scene_number"],
        &probe,
    )
    .await?;
    if let Some(row) = existing {
        let retries = row
            .body
            .get("retry_count")
            .and_then(Value::as_i64)
            .unwrap_or(0)
            + 1;
        let previous = row
            .body
            .get("generation_id")
            .cloned()
            .unwrap_or(Value::Null);
        let changes = json!({"status": "pending", "error_message": null, "retry_count": retries,
                             "previous_generation_id": previous});
        let after = changed(call, &row, &changes);
        let owner = row.owner.clone();
        records::commit(
            &call.state,
            vec![Write::Update(&STORY_ILLUSTRATIONS, row, after.clone())],
        )
        .await?;
        return Ok(Row { owner, body: after });
    }
    let ts = iso_micros(call.state.now_millis());
    let body = json!({
        "id": uuid::Uuid::new_v4().to_string(), "story_id": story_id, "scene_number": scene_number,
        "status": "pending", "image_url": null, "image_path": null, "generation_id": null,
        "previous_generation_id": null, "error_message": null, "retry_count": 0,
        "created_at": ts, "updated_at": ts,
    });
    let row = Row {
        owner: call.user.clone(),
        body: body.as_object().cloned().unwrap_or_default(),
    };
    records::commit(
        &call.state,
        vec![Write::Insert(&STORY_ILLUSTRATIONS, row.clone())],
    )
    .await?;
    Ok(row)
}

pub(crate) async fn illustrate(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: IllustrationsRequest = parse(body)?;
    req.validate()?;
    let story = call.owned(&STORIES, &req.story_id, "story").await?;
    let hero_row = call.owned(&HEROES, &req.hero_id, "hero").await?;
    let hero = hero_of(&hero_row);
    let style = hero_row
        .body
        .get("avatar_style")
        .and_then(Value::as_str)
        .and_then(|s| AvatarStyle::from_str(s).ok())
        .unwrap_or_default();
    let event = match (
        story.body.get("event_type").and_then(Value::as_str),
        story.body.get("event_id").and_then(Value::as_str),
    ) {
        (Some("built_in"), Some(id)) => BuiltInEvent::from_str(id).ok().map(EventSpec::BuiltIn),
        _ => None,
    };
    let mut scenes = req.scenes.clone();
    scenes.sort_by_key(|s| s.scene_number);
    let mut rows = Vec::new();
    for s in &scenes {
        rows.push(pending(call, &req.story_id, s.scene_number).await?);
    }
    let mut results = Vec::new();
    let mut previous = hero_row
        .body
        .get("avatar_generation_id")
        .and_then(Value::as_str)
        .map(str::to_string);
    let total = scenes.len();
    for (i, (scene, row)) in scenes.iter().zip(rows).enumerate() {
        call.progress(
            i as f64 / total as f64,
            &format!("Drawing scene {} of {total}…", i + 1),
        );
        let row = set(call, row, json!({"status": "processing"})).await?;
        let request = IllustrationRequest {
            scene: scene.clone(),
            hero: hero.clone(),
            event: event.clone(),
            story_key: req.story_id.clone(),
            style,
            previous_generation_id: previous.clone(),
        };
        let outcome = match call.state.providers.illustrator.illustrate(&request).await {
            Ok(image) => {
                let path = format!(
                    "{}/{}/scene_{}.png",
                    call.user, req.story_id, scene.scene_number
                );
                match storage::put_object(
                    &call.state,
                    &storage::NewObject {
                        bucket: "story-illustrations",
                        name: &path,
                        mimetype: "image/png",
                        cache_control: "max-age=86400",
                        owner: Some(&call.user),
                        upsert: true,
                    },
                    &image.png,
                )
                .await
                {
                    Ok(_) => Ok((image, path)),
                    Err(e) => Err(format!("the picture could not be saved ({})", e.code)),
                }
            }
            Err(e) => Err(e.to_string()),
        };
        match outcome {
            Ok((image, path)) => {
                let url = storage::signed_url(&call.state, "story-illustrations", &path, 3600);
                let done = IllustrationStatus::Completed.id();
                set(call, row, json!({"status": done, "image_url": url, "image_path": path, "generation_id": image.generation_id})).await?;
                results.push(IllustrationResult {
                    scene_number: scene.scene_number,
                    status: IllustrationStatus::Completed,
                    image_url: Some(url),
                    storage_path: Some(path),
                    generation_id: Some(image.generation_id.clone()),
                    error_message: None,
                });
                previous = Some(image.generation_id);
            }
            Err(message) => {
                tracing::warn!(scene = scene.scene_number, "scene illustration failed");
                let failed = IllustrationStatus::Failed.id();
                set(
                    call,
                    row,
                    json!({"status": failed, "error_message": message}),
                )
                .await?;
                results.push(IllustrationResult {
                    scene_number: scene.scene_number,
                    status: IllustrationStatus::Failed,
                    image_url: None,
                    storage_path: None,
                    generation_id: None,
                    error_message: Some(message),
                });
            }
        }
    }
    call.progress(1.0, "The pictures are ready");
    answer(&IllustrationBatch::of(results))
}
