//! What the reader and the player need from the core, as [`Core`] methods: a story's word
//! timings from the cache (offline), narrating a story that has none yet, and where each story
//! was left (kept across restarts, so reopening one offers to continue).

use bytes::Bytes;

use crate::contract::{Voice, WordTiming};
use crate::stories::flow::timings_key;
use crate::*;

/// A story as the player takes it, all from the local library and cache (works offline).
#[derive(Clone, Debug)]
pub struct StoryAudio {
    /// The story's id.
    pub story_id: String,
    /// Its title.
    pub title: String,
    /// The hero's name, when the hero is in the library.
    pub hero_name: Option<String>,
    /// The narration as cached (Ogg Vorbis, MP3 or WAV).
    pub audio: Bytes,
    /// The first scene's illustration, when it is cached (the cover in the OS media session).
    pub cover: Option<Bytes>,
}

impl Core {
    /// What the player needs to play a story: its narration, title, hero and cover, read from
    /// the library and the cache only, so it works with the backend stopped and no network.
    pub async fn story_audio(&self, story_id: &str) -> Result<StoryAudio, CoreError> {
        let detail = self.story(story_id).await?;
        let library = self.library().await?;
        let no_narration = || {
            CoreError::NotFound(
                "This story has no narration on this computer yet. Make it from the reader, \
                 then press play."
                    .into(),
            )
        };
        let key = detail.narration_key.as_deref().ok_or_else(no_narration)?;
        let audio = library.cache().get(key).await?.ok_or_else(no_narration)?;
        let hero_name = match detail.summary.hero_id.as_deref() {
            Some(id) => library
                .hero_row(id)
                .await?
                .and_then(|h| h.row["name"].as_str().map(str::to_owned)),
            None => None,
        };
        let first = detail.scenes.iter().map(|s| s.scene_number).min();
        let cover_key = detail
            .illustrations
            .iter()
            .find(|i| Some(i.scene_number) == first)
            .and_then(|i| i.cache_key.clone());
        let cover = match cover_key {
            Some(k) => library.cache().get(&k).await?,
            None => None,
        };
        Ok(StoryAudio {
            story_id: detail.summary.id,
            title: detail.summary.title,
            hero_name,
            audio,
            cover,
        })
    }

    /// The narration's word timings of a story, from the cache (works offline); empty when the
    /// narrator gave none or the story has no narration yet.
    pub async fn story_timings(&self, story_id: &str) -> Result<Vec<WordTiming>, CoreError> {
        let cached = self.media(&timings_key(story_id)).await?;
        Ok(cached
            .and_then(|bytes| match serde_json::from_slice(&bytes) {
                Ok(timings) => Some(timings),
                Err(e) => {
                    tracing::warn!(story_id, error = %e, "cached word timings unreadable");
                    None
                }
            })
            .unwrap_or_default())
    }

    /// Narrates a story of the library that has no narration yet, in `voice` (progress on the
    /// event stream like a generation's). Needs the backend.
    pub async fn make_narration(
        &self,
        story_id: &str,
        voice: Voice,
    ) -> Result<StoryDetail, CoreError> {
        self.ensure_session().await?;
        self.flow().await?.make_narration(story_id, voice).await
    }

    /// `Ok` when `story_id` is a story of the signed-in family, else the library's not-found.
    pub(crate) async fn own_story(&self, story_id: &str) -> Result<(), CoreError> {
        let user = self.user_id()?;
        if self
            .library()
            .await?
            .owns_media(&user, &format!("story:{story_id}"))
            .await?
        {
            Ok(())
        } else {
            Err(CoreError::NotFound(
                "That story isn't in your library.".into(),
            ))
        }
    }

    /// Where a story was left, in seconds, if part-way (kept across restarts).
    pub async fn resume_point(&self, story_id: &str) -> Result<Option<f64>, CoreError> {
        self.own_story(story_id).await?;
        self.library().await?.resume_point(story_id).await
    }

    /// Remembers where a story was left (`None` forgets it: finished, or back at the start).
    pub async fn set_resume_point(
        &self,
        story_id: &str,
        position: Option<f64>,
    ) -> Result<(), CoreError> {
        self.own_story(story_id).await?;
        self.library()
            .await?
            .set_resume_point(story_id, position)
            .await
    }
}
