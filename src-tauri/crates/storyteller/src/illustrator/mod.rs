//! The offline illustrator: procedural vector scenes rendered to PNG with resvg.
//!
//! A scene's landscape and props come from the event, its sky and light from the emotion and
//! the time of the story, the companion from the scene prompt, and the hero from `look::Look`,
//! which is decided once per hero so the avatar and every scene show the same child.

mod avatar;
mod figures;
mod landscape;
mod look;
mod render;
mod scene;

use async_trait::async_trait;

use crate::scenery::{CompanionKind, event_base, event_from_prompt, visual};
use crate::{
    AvatarRequest, BuiltInEvent, Emotion, IllustrationRequest, Illustrator, ImageOutput, Result,
    StorytellerError,
};
use look::{Ink, Look, hash};

/// Full picture size in pixels.
pub const IMAGE_SIZE: u32 = 1024;
/// Thumbnail size in pixels.
pub const THUMBNAIL_SIZE: u32 = 256;

/// Procedural vector scenes rendered to PNG.
#[derive(Debug, Default, Clone)]
pub struct OfflineIllustrator;

impl OfflineIllustrator {
    /// An illustrator.
    pub fn new() -> Self {
        OfflineIllustrator
    }

    /// Draws a scene synchronously (about 100–300 ms).
    pub fn illustrate_now(&self, request: &IllustrationRequest) -> Result<ImageOutput> {
        let scene = &request.scene;
        let prompt = scene.illustration_prompt.to_lowercase();
        let event = request
            .event
            .as_ref()
            .map(event_base)
            .or_else(|| event_from_prompt(&scene.illustration_prompt))
            .unwrap_or(BuiltInEvent::BedtimeAdventure);
        let look = Look::of(&request.hero);
        let story_seed = hash(&format!("{}|{}", request.story_key, request.hero.name));
        let pool = CompanionKind::for_event(event);
        let companion = CompanionKind::from_prompt(&prompt)
            .unwrap_or(pool[(story_seed % pool.len() as u64) as usize]);
        let visual = visual(event);
        let sleepy = prompt.contains("sleepy") || prompt.contains("tucked in");
        // Bedtime scenes are at night; night events stay dark in their calm moments.
        let calm = matches!(
            scene.emotion,
            Emotion::Peaceful | Emotion::Mysterious | Emotion::Contemplative
        );
        let night = sleepy || (visual.night && calm);
        let spec = scene::SceneSpec {
            visual,
            emotion: scene.emotion,
            night,
            sleepy,
            look: &look,
            ink: Ink::of(request.style),
            companion,
            seed: story_seed ^ u64::from(scene.scene_number).wrapping_mul(0x9e37_79b9),
        };
        let svg = scene::scene_svg(&spec);
        output(&svg, format!("offline-scene-{:016x}", hash(&svg)))
    }

    /// Draws an avatar synchronously.
    pub fn avatar_now(&self, request: &AvatarRequest) -> Result<ImageOutput> {
        let svg = avatar::avatar_svg(&request.hero, request.style);
        output(&svg, format!("offline-avatar-{:016x}", hash(&svg)))
    }
}

fn output(svg: &str, generation_id: String) -> Result<ImageOutput> {
    Ok(ImageOutput {
        png: render::png(svg, IMAGE_SIZE)?,
        width: IMAGE_SIZE,
        height: IMAGE_SIZE,
        thumbnail_png: Some(render::png(svg, THUMBNAIL_SIZE)?),
        generation_id,
        revised_prompt: None,
    })
}

async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => handle
            .spawn_blocking(job)
            .await
            .map_err(|e| StorytellerError::Internal(format!("drawing task failed: {e}")))?,
        Err(_) => job(),
    }
}

#[async_trait]
impl Illustrator for OfflineIllustrator {
    async fn illustrate(&self, request: &IllustrationRequest) -> Result<ImageOutput> {
        let (this, request) = (self.clone(), request.clone());
        blocking(move || this.illustrate_now(&request)).await
    }

    async fn avatar(&self, request: &AvatarRequest) -> Result<ImageOutput> {
        let (this, request) = (self.clone(), request.clone());
        blocking(move || this.avatar_now(&request)).await
    }
}
