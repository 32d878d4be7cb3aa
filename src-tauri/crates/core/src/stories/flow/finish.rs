//! Finishing a story whose generation was cut short (the app killed, a cancel, a timeout): the
//! pictures it lacks are drawn one by one, then its narration is made if it has none — the same
//! steps as a generation's, with progress under the caller's request id and cancellable like
//! one ([`crate::Core::cancel`]). What a story lacks is [`crate::stories::Unfinished`].

use std::sync::Mutex;

use super::{Reporter, StoryFlow, or_cancel};
use crate::api::models::IllustrationStatus;
use crate::contract::{Language, Voice};
use crate::error::CoreError;
use crate::stories::Unfinished;
use crate::stories::library::StoryDetail;
use crate::stories::progress::{GenerationProgress, SceneProgress, Stage};

impl StoryFlow {
    /// Draws `missing.pictures` and, when `missing.narration`, records the narration in
    /// `voice`. A picture that fails again is kept failed (retryable) and the rest go on.
    pub async fn finish(
        &self,
        story_id: &str,
        missing: &Unfinished,
        voice: Voice,
        request_id: &str,
    ) -> Result<StoryDetail, CoreError> {
        let detail = self.stored(story_id).await?;
        let mut cancel = self.cancels.register(request_id);
        let steps = (missing.pictures.len() + usize::from(missing.narration)).max(1) as f64;
        let reporter = Reporter {
            events: self.events.clone(),
            state: Mutex::new(GenerationProgress {
                request_id: request_id.to_owned(),
                story_id: Some(story_id.to_owned()),
                stage: Stage::Illustrating,
                progress: 0.0,
                status: "Finishing the story…".into(),
                scenes: missing
                    .pictures
                    .iter()
                    .map(|&scene_number| SceneProgress {
                        scene_number,
                        status: IllustrationStatus::Pending,
                    })
                    .collect(),
            }),
        };
        reporter.update(|_| {});
        let result = async {
            let hero = detail.summary.hero_id.clone().unwrap_or_default();
            for (done, n) in missing.pictures.iter().enumerate() {
                let scene = detail
                    .scenes
                    .iter()
                    .find(|s| s.scene_number == *n)
                    .ok_or_else(|| CoreError::NotFound("That scene doesn't exist.".into()))?;
                reporter.update(|p| p.status = "Drawing the pictures…".into());
                or_cancel(&mut cancel, async {
                    self.illustrate(story_id, &hero, scene, &reporter).await;
                    Ok(())
                })
                .await?;
                reporter.update(|p| p.progress = (done + 1) as f64 / steps);
            }
            if missing.narration {
                reporter.update(|p| {
                    p.stage = Stage::Narrating;
                    p.status = "Recording the narration…".into();
                });
                let language = detail
                    .summary
                    .language
                    .as_deref()
                    .and_then(|l| l.parse::<Language>().ok())
                    .unwrap_or_default();
                or_cancel(
                    &mut cancel,
                    self.narrate(story_id, &detail.content, voice, language),
                )
                .await?;
            }
            Ok(())
        }
        .await;
        self.cancels.forget(request_id);
        match &result {
            Ok(()) => reporter.update(|p| {
                p.stage = Stage::Done;
                p.progress = 1.0;
                p.status = "The story is finished.".into();
            }),
            Err(CoreError::Cancelled) => reporter.update(|p| {
                p.stage = Stage::Cancelled;
                p.status = "Cancelled.".into();
            }),
            Err(e) => {
                let message = e.to_string();
                reporter.update(|p| {
                    p.stage = Stage::Failed;
                    p.status = message;
                });
            }
        }
        result?;
        self.stored(story_id).await
    }
}
