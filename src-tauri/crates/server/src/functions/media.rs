//! `audio-synthesis` and `avatar-generation`: narration and hero portraits, stored in the
//! private buckets and linked from their rows by signed URLs.

use std::str::FromStr;

use infinite_stories_storyteller::{
    AvatarRequest, AvatarStyle, ImageSize, NarrationRequest, SafetyVerdict,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::story::{hero_of, language, voice};
use super::{Call, FnError, parse};
use crate::rest::records;
use crate::rest::schema::{HEROES, STORIES};
use crate::storage;

/// Signed URLs in function responses live an hour.
const URL_TTL: i64 = 3600;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NarrateBody {
    #[serde(alias = "story_id")]
    story_id: String,
    text: String,
    voice: String,
    language: String,
}

pub(crate) async fn narrate(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: NarrateBody = parse(body)?;
    if req.text.trim().is_empty() {
        return Err(FnError::invalid("text must not be empty"));
    }
    if req.text.chars().count() > 50_000 {
        return Err(FnError::invalid("text must be at most 50,000 characters"));
    }
    let voice = voice(&req.voice)?;
    let language = language(&req.language)?;
    let story = call.owned(&STORIES, &req.story_id, "story").await?;
    call.progress(0.1, "Recording the narration…");
    let out = call
        .state
        .providers
        .narrator
        .narrate(&NarrationRequest {
            text: req.text,
            voice,
            language,
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
    let changes = json!({
        "audio_url": audio_url, "audio_path": path, "audio_duration": out.duration_seconds,
        "audio_voice": out.voice.id(), "timings_url": timings_url,
    });
    records::patch(&call.state, &STORIES, story.id(), |_| {
        changes.as_object().cloned().unwrap_or_default()
    })
    .await?
    .ok_or_else(|| FnError::not_found("Story"))?;
    call.progress(1.0, "The narration is ready");
    let mut data = json!({
        "audioUrl": audio_url, "storagePath": path, "durationSeconds": out.duration_seconds,
        "fileSizeBytes": out.bytes.len(), "voiceUsed": out.voice.id(), "format": out.format.extension(),
    });
    if let Some(t) = timings_url {
        data["timingsUrl"] = json!(t);
    }
    Ok(data)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AvatarBody {
    #[serde(alias = "hero_id")]
    hero_id: String,
    prompt: String,
    #[serde(default)]
    style: Option<String>,
    #[serde(default)]
    size: Option<String>,
    #[serde(default)]
    quality: Option<String>,
    #[serde(default, alias = "previous_generation_id")]
    previous_generation_id: Option<String>,
}

pub(crate) async fn avatar(call: &Call, body: &Value) -> Result<Value, FnError> {
    let req: AvatarBody = parse(body)?;
    let len = req.prompt.trim().chars().count();
    if !(1..=1000).contains(&len) {
        return Err(FnError::invalid("prompt must be 1 to 1000 characters"));
    }
    let style = req
        .style
        .as_deref()
        .map(|s| AvatarStyle::from_str(s).map_err(|_| FnError::invalid("style must be one of picture_book, watercolor, digital_art, animated_3d, classic_storybook")))
        .transpose()?
        .unwrap_or_default();
    let size = req
        .size
        .as_deref()
        .map(|s| {
            ImageSize::from_str(s).map_err(|_| {
                FnError::invalid("size must be one of 1024x1024, 1792x1024, 1024x1792")
            })
        })
        .transpose()?
        .unwrap_or_default();
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
    let mut data = json!({
        "avatarUrl": url, "storagePath": path, "generationId": image.generation_id,
        "fileSizeBytes": image.png.len(), "imageSize": format!("{}x{}", image.width, image.height),
    });
    if let Some(r) = image.revised_prompt {
        data["revisedPrompt"] = json!(r);
    }
    Ok(data)
}
