//! `audio-synthesis` and `avatar-generation`: narration and hero portraits, stored in the
//! private buckets and linked from their rows by signed URLs.

use infinite_stories_contract::{
    AudioRequest, Avatar, AvatarGenerationRequest, Narration, StoryNarration,
};
use infinite_stories_storyteller::{AvatarRequest, NarrationRequest, SafetyVerdict};
use serde_json::{Value, json};

use super::story::{answer, hero_of};
use super::{Call, FnError, parse};
use crate::rest::records;
use crate::rest::schema::{HEROES, STORIES};
use crate::storage;

/// Signed URLs in function responses live an hour.
const URL_TTL: i64 = 3600;

pub(crate) async fn narrate(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: AudioRequest = parse(body)?;
    req.validate()?;
    let story = call.owned(&STORIES, &req.story_id, "story").await?;
    call.progress(0.1, "Recording the narration…");
    let out = call
        .state
        .providers
        .narrator
        .narrate(&NarrationRequest {
            text: req.text,
            voice: req.voice,
            language: req.language,
        })
        .await?;
    call.progress(0.8, "Saving the narration…");
    let path = format!(
        "{}/{}/narration.{}",
        call.user,
        req.story_id,
        out.format.extension()
    );
    storage::put_object(
        &call.state,
        &storage::NewObject {
            bucket: "story-audio",
            name: &path,
            mimetype: out.format.mime(),
            cache_control: "max-age=3600",
            owner: Some(&call.user),
            upsert: true,
        },
        &out.bytes,
    )
    .await?;
    let audio_url = storage::signed_url(&call.state, "story-audio", &path, URL_TTL);
    let timings_url = if out.timings.is_empty() {
        None
    } else {
        let tpath = format!("{}/{}/timings.json", call.user, req.story_id);
        let bytes = serde_json::to_vec(&out.timings).map_err(|_| FnError::internal())?;
        storage::put_object(
            &call.state,
            &storage::NewObject {
                bucket: "story-audio",
                name: &tpath,
                mimetype: "application/json",
                cache_control: "max-age=3600",
                owner: Some(&call.user),
                upsert: true,
            },
            &bytes,
        )
        .await?;
        Some(storage::signed_url(
            &call.state,
            "story-audio",
            &tpath,
            URL_TTL,
        ))
    };
    let narration = records::body_of(&StoryNarration {
        audio_url: Some(audio_url.clone()),
        audio_path: Some(path.clone()),
        audio_duration: Some(out.duration_seconds),
        audio_voice: Some(out.voice.id().to_string()),
        timings_url: timings_url.clone(),
    })?;
    records::patch(&call.state, &STORIES, story.id(), |_| narration)
        .await?
        .ok_or_else(|| FnError::not_found("Story"))?;
    call.progress(1.0, "The narration is ready");
    answer(&Narration {
        audio_url,
        storage_path: path,
        duration_seconds: out.duration_seconds,
        file_size_bytes: out.bytes.len() as u64,
        voice_used: out.voice,
        format: out.format.extension().into(),
        timings_url,
    })
}

pub(crate) async fn avatar(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: AvatarGenerationRequest = parse(body)?;
    req.validate()?;
    let style = req.style.unwrap_or_default();
    let size = req.size.unwrap_or_default();
    if let Some(q) = &req.quality
        && !["low", "medium", "high"].contains(&q.as_str())
    {
        return Err(FnError::invalid("quality must be one of low, medium, high"));
    }
    let hero_row = call.owned(&HEROES, &req.hero_id, "hero").await?;
    let prompt = match call
        .state
        .providers
        .safety
        .check(&req.prompt, infinite_stories_storyteller::Language::En)
        .await?
    {
        SafetyVerdict::Pass => req.prompt.clone(),
        SafetyVerdict::Rewritten { text, .. } => text,
        SafetyVerdict::Refused { message } => {
            return Err(FnError::new(400, "CONTENT_POLICY_VIOLATION", message));
        }
    };
    call.progress(0.2, "Drawing the portrait…");
    let image = call
        .state
        .providers
        .illustrator
        .avatar(&AvatarRequest {
            hero: hero_of(&hero_row),
            prompt: prompt.clone(),
            style,
            size,
            previous_generation_id: req.previous_generation_id,
        })
        .await?;
    let path = format!("{}/{}/avatar.png", call.user, req.hero_id);
    storage::put_object(
        &call.state,
        &storage::NewObject {
            bucket: "hero-avatars",
            name: &path,
            mimetype: "image/png",
            cache_control: "max-age=86400",
            owner: Some(&call.user),
            upsert: true,
        },
        &image.png,
    )
    .await?;
    let url = storage::signed_url(&call.state, "hero-avatars", &path, URL_TTL);
    let changes = json!({
        "avatar_url": url, "avatar_path": path, "avatar_prompt": prompt,
        "avatar_generation_id": image.generation_id, "avatar_style": style.id(),
    });
    records::patch(&call.state, &HEROES, hero_row.id(), |_| {
        changes.as_object().cloned().unwrap_or_default()
    })
    .await?
    .ok_or_else(|| FnError::not_found("Hero"))?;
    call.progress(1.0, "The portrait is ready");
    answer(&Avatar {
        avatar_url: url,
        storage_path: path,
        generation_id: image.generation_id,
        file_size_bytes: image.png.len() as u64,
        image_size: format!("{}x{}", image.width, image.height),
        revised_prompt: image.revised_prompt,
    })
}
