//! The library screen, the journey and Home's "tonight" as [`Core`] methods: searching and
//! paging (offline), starring and deleting stories (locally, on the backend and in storage, with
//! every cached file of them), the listening journey, and tonight's shortcuts.

use infinite_stories_contract::Hero;
use reqwest::Method;
use serde::Serialize;
use serde_json::{Value, json};

use crate::family::delete_row;
use crate::http::{Request, Service};
use crate::stories::library::journey::{Journey, JourneyRange};
use crate::*;

/// The story to go back to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ContinueListening {
    /// Story id.
    pub story_id: String,
    /// Title.
    pub title: String,
    /// Where it was left, in seconds.
    pub position: f64,
    /// Its length, in seconds.
    pub duration: f64,
}

/// Home's shortcuts for tonight.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Tonight {
    /// The family these shortcuts are for (the UI shows them only while its session names the
    /// same family: an answer asked at start-up, before the UI knew who is signed in, may come
    /// for the family remembered from last time).
    pub user_id: String,
    /// The hero of the story heard (or made) last.
    pub last_hero: Option<Hero>,
    /// The story being listened to and not finished.
    pub continue_listening: Option<ContinueListening>,
    /// The newest story.
    pub newest: Option<LibraryCard>,
}

/// Storage buckets where a story's files live, under `<user>/<story>/`.
pub(crate) const STORY_BUCKETS: [&str; 2] = ["story-audio", "story-illustrations"];

impl Core {
    /// A page of the library (works offline).
    pub async fn search_library(&self, query: &LibraryQuery) -> Result<LibraryPage, CoreError> {
        let user = self.user_id()?;
        self.library().await?.search(&user, query).await
    }

    /// Stars or unstars a story: in the library at once, and on the backend through the
    /// outbox (offline the star waits there and is sent when the backend answers).
    pub async fn set_story_favorite(
        &self,
        id: &str,
        favorite: bool,
    ) -> Result<LibraryCard, CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        if !library
            .queue_edit(&user, "stories", id, &json!({"is_favorite": favorite}))
            .await?
        {
            return Err(not_found());
        }
        self.library_changed("stories");
        self.push_soon().await;
        library.card(id).await?.ok_or_else(not_found)
    }

    /// Deletes stories everywhere: their local rows and every cached file (narration,
    /// pictures, timings) at once, and through the outbox their files in storage and their
    /// backend rows (scenes, illustrations and listening sessions go with them), so a delete
    /// made offline is sent later. Returns how many were in the library. A story only on the
    /// backend is deleted there directly.
    pub async fn delete_stories(&self, ids: &[String]) -> Result<u32, CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        let mut deleted = 0;
        for id in ids {
            // Another family's story on this computer is not this family's to remove.
            if library.queue_delete(&user, "stories", id).await? {
                deleted += 1;
                continue;
            }
            let api = self.api()?;
            for bucket in STORY_BUCKETS {
                delete_folder(&api, bucket, &format!("{user}/{id}")).await?;
            }
            delete_row(&api, "stories", id).await?;
        }
        if deleted > 0 {
            self.library_changed("stories");
            self.push_soon().await;
        }
        Ok(deleted)
    }

    /// The listening journey now, days counted at `utc_offset_minutes` for listenings that did
    /// not record their own offset.
    pub async fn journey(
        &self,
        range: JourneyRange,
        utc_offset_minutes: i32,
    ) -> Result<Journey, CoreError> {
        let user = self.user_id()?;
        let now = self.inner.options.clock.now_millis();
        self.library()
            .await?
            .journey(&user, range, now, utc_offset_minutes)
            .await
    }

    /// "Erase all data", the core's part: signs out (the backend told when it answers, the
    /// stored session removed either way) and empties the library and the cache.
    pub async fn erase_local(&self) -> Result<(), CoreError> {
        if let Err(e) = self.sign_out().await {
            tracing::info!(error = %e, "signing out while erasing");
        }
        self.library().await?.erase().await?;
        self.library_changed("stories");
        self.library_changed("heroes");
        self.library_changed("custom_events");
        Ok(())
    }

    /// Opens the local library now (SQLite, its migrations, the cache's index) instead of at the
    /// first question, so the app can do it while its window and web view start: Home's first
    /// read of the library then finds it open.
    pub async fn open_library(&self) -> Result<(), CoreError> {
        self.library().await.map(|_| ())
    }

    /// Home's shortcuts: the last hero, the story to continue, the newest story.
    pub async fn tonight(&self) -> Result<Tonight, CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        let newest = library
            .search(
                &user,
                &LibraryQuery {
                    limit: 1,
                    ..LibraryQuery::default()
                },
            )
            .await?
            .cards
            .into_iter()
            .next();
        let last = library.last_listening(&user).await?;
        let continue_listening =
            last.as_ref()
                .filter(|l| !l.completed)
                .map(|l| ContinueListening {
                    story_id: l.story_id.clone(),
                    title: l.title.clone(),
                    position: l.position.min(l.duration),
                    duration: l.duration,
                });
        let hero_id = last
            .and_then(|l| l.hero_id)
            .or_else(|| newest.as_ref().and_then(|c| c.hero_id.clone()));
        let last_hero = match hero_id {
            Some(id) => match library.hero_row(&id).await? {
                Some(stored) => self.hero_of(&stored).await?,
                None => None,
            },
            None => None,
        };
        Ok(Tonight {
            user_id: user,
            last_hero,
            continue_listening,
            newest,
        })
    }
}

fn not_found() -> CoreError {
    CoreError::NotFound("That story isn't in your library.".into())
}

/// Removes every file under `folder` of `bucket` through the storage API (list, then delete by
/// name), as any Supabase client would.
pub(crate) async fn delete_folder(
    api: &ApiClient,
    bucket: &str,
    folder: &str,
) -> Result<(), CoreError> {
    let list = Request::new(
        Service::Storage,
        Method::POST,
        format!("/object/list/{bucket}"),
    )
    .json(&json!({"prefix": folder, "limit": 1000, "offset": 0}))
    .replay_safe();
    let entries: Vec<Value> = api.send(&list).await?.json()?;
    let names: Vec<String> = entries
        .iter()
        .filter(|e| !e["id"].is_null())
        .filter_map(|e| e["name"].as_str())
        .map(|n| format!("{folder}/{n}"))
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    let delete = Request::new(
        Service::Storage,
        Method::DELETE,
        format!("/object/{bucket}"),
    )
    .json(&json!({ "prefixes": names }))
    .replay_safe();
    api.send(&delete).await.map(|_| ())
}
