//! `scene-illustration`: one `story_illustrations` row per scene, upserted `pending` first
//! (unique per story and scene, so a re-run replaces), then moved through `processing` to
//! `completed` or `failed`, every step a realtime UPDATE.

use std::str::FromStr;

use infinite_stories_contract::{
    IllustrationBatch, IllustrationResult, IllustrationRow, IllustrationStatus,
    IllustrationsRequest,
};
use infinite_stories_storyteller::{AvatarStyle, BuiltInEvent, EventSpec, IllustrationRequest};
use serde_json::{Map, Value, json};

use super::story::{answer, hero_of};
use super::{Call, FnError, parse};
use crate::clock::iso_micros;
use crate::rest::records::{self, Row, Write};
use crate::rest::schema::{HEROES, STORIES, STORY_ILLUSTRATIONS};
use crate::storage;

/// Moves an illustration row on (`edit` changes the typed row) and returns it as stored.
async fn set(
    call: &Call,
    row: IllustrationRow,
    edit: impl FnOnce(&mut IllustrationRow),
) -> Result<IllustrationRow, FnError> {
    records::patch_as(&call.state, &STORY_ILLUSTRATIONS, &row.id, edit)
        .await?
        .ok_or_else(|| FnError::not_found("Story"))
}

/// Upserts the `pending` row of one scene. The lookup and the write happen under the records
/// lock, so two concurrent runs for one story cannot create two rows for one scene.
async fn pending(
    call: &Call,
    story_id: &str,
    scene_number: u32,
) -> Result<IllustrationRow, FnError> {
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
    let now = iso_micros(call.state.now_millis());
    if let Some(row) = existing {
        let mut typed: IllustrationRow = records::typed(row.body.clone())?;
        typed.retried();
        typed.updated_at = now;
        let mut after = row.body.clone();
        after.extend(records::body_of(&typed)?);
        records::commit(
            &call.state,
            vec![Write::Update(&STORY_ILLUSTRATIONS, row, after)],
        )
        .await?;
        return Ok(typed);
    }
    let typed = IllustrationRow::pending(
        uuid::Uuid::new_v4().to_string(),
        story_id,
        scene_number,
        &now,
    );
    let row = Row {
        owner: call.user.clone(),
        body: records::body_of(&typed)?,
    };
    records::commit(&call.state, vec![Write::Insert(&STORY_ILLUSTRATIONS, row)]).await?;
    Ok(typed)
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
        let row = set(call, row, |r| r.status = IllustrationStatus::Processing).await?;
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
                set(call, row, |r| {
                    r.status = IllustrationStatus::Completed;
                    r.image_url = Some(url.clone());
                    r.image_path = Some(path.clone());
                    r.generation_id = Some(image.generation_id.clone());
                })
                .await?;
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
                set(call, row, |r| {
                    r.status = IllustrationStatus::Failed;
                    r.error_message = Some(message.clone());
                })
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
