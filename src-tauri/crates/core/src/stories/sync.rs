//! The library sync ([`Core::sync_library`]), run at every realtime join (start-up included) and
//! after a damaged library was replaced. It used to read every hero, event, story (with its
//! text), scene and picture state at every join; it now reads only rows changed since the last
//! sync of this family (`updated_at=gte.<watermark>`, the backend's own clock, kept per table in
//! `sync_state`), plus the ids of heroes, events and stories so that rows deleted on another
//! device go here too. Applying a row twice changes nothing, so `gte` (not `gt`) costs at most
//! the rows at the watermark's instant again and loses none that share it. The first sync of a
//! family (no watermark) reads everything, as before. A backend that lists none of a table's
//! rows while this computer holds some removes nothing here: that is far likelier a project
//! answering nothing (its access rules, the wrong project) than a family that deleted
//! everything elsewhere, and the offline library is what a family cannot get back; the family
//! is told instead.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::library::Library;
use super::library::sync_state::latest_update;
use crate::api::models::Scene;
use crate::cache::CacheKind;
use crate::contract::IllustrationStatus;
use crate::*;

/// Rows per request when reading changed rows and ids (Supabase's default `max-rows`).
const PAGE: usize = 1000;
/// Story ids per `story_id=in.(…)` request (keeps the URL short).
const IDS_PER_REQUEST: usize = 50;
const SCENE_COLUMNS: &str = "story_id,scene_number,text_segment,illustration_prompt,\
                             timestamp_seconds,emotion,importance,updated_at";

/// What one sync read and did: rows read per backend table, local rows removed because the
/// backend no longer has them, and media fetched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// No watermark for stories yet: everything was read.
    pub full: bool,
    /// Hero rows read.
    pub heroes: usize,
    /// Custom event rows read.
    pub custom_events: usize,
    /// Story rows read (each with its text).
    pub stories: usize,
    /// Scene rows read.
    pub scenes: usize,
    /// Illustration rows read.
    pub illustrations: usize,
    /// Heroes, events and stories removed here because they are gone on the backend.
    pub removed: usize,
    /// Tables whose rows were all kept here because the backend listed none of them.
    pub kept: usize,
    /// Narrations downloaded.
    pub narrations: usize,
    /// Finished pictures downloaded.
    pub pictures: usize,
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Rows of `table` changed at or after `mark` (all of them without one), oldest change first,
/// in pages.
async fn changed(
    api: &ApiClient,
    table: &str,
    columns: &str,
    mark: Option<&str>,
) -> Result<Vec<Value>, CoreError> {
    let filter = mark.map_or(String::new(), |m| format!("&updated_at=gte.{}", encode(m)));
    let mut rows = Vec::new();
    loop {
        let page: Vec<Value> = api
            .select(
                table,
                &format!(
                    "select={columns}{filter}&order=updated_at.asc,id.asc&limit={PAGE}&offset={}",
                    rows.len()
                ),
            )
            .await?;
        let short = page.len() < PAGE;
        rows.extend(page);
        if short {
            return Ok(rows);
        }
    }
}

/// Every id of `table` the backend shows this family, read by key ranges until an empty page
/// (so a server capping pages below [`PAGE`] still yields them all: a short list would delete
/// rows here).
async fn backend_ids(api: &ApiClient, table: &str) -> Result<HashSet<String>, CoreError> {
    let mut ids = HashSet::new();
    let mut after: Option<String> = None;
    loop {
        let from = after
            .as_deref()
            .map_or(String::new(), |a| format!("&id=gt.{}", encode(a)));
        let page: Vec<Value> = api
            .select(table, &format!("select=id{from}&order=id.asc&limit={PAGE}"))
            .await?;
        let Some(last) = page.last().and_then(|r| r["id"].as_str()) else {
            return Ok(ids);
        };
        after = Some(last.to_owned());
        ids.extend(
            page.iter()
                .filter_map(|r| r["id"].as_str().map(str::to_owned)),
        );
    }
}

/// The watermark after applying `rows`: their latest `updated_at`, or the earliest of those
/// that could not be applied yet (their story had not reached this library), so they are read
/// again next time.
fn next_mark(rows: &[Value], skipped: &[&Value]) -> Option<String> {
    let earliest_skipped = skipped
        .iter()
        .filter_map(|r| r.get("updated_at").and_then(Value::as_str))
        .min();
    earliest_skipped
        .map(str::to_owned)
        .or_else(|| latest_update(rows))
}

impl Core {
    /// Brings the local library in step with the backend: heroes, events and stories, and each
    /// story's scenes, illustration states, narration and finished pictures. A story whose
    /// generation was cut short (the app killed, a cancel, a timeout) thereby gets what the
    /// backend finished, so its pictures can be retried and its narration made (see
    /// [`Core::unfinished`]). Reads only what changed since the last sync; see the module.
    pub async fn sync_library(&self) -> Result<(), CoreError> {
        self.sync_library_counted().await.map(|_| ())
    }

    /// [`Core::sync_library`], saying what it read and did.
    pub async fn sync_library_counted(&self) -> Result<SyncReport, CoreError> {
        let user = self.user_id()?;
        let api = self.api()?;
        let library = self.library().await?;
        let mut report = SyncReport {
            full: library.sync_mark(&user, "stories").await?.is_none(),
            ..SyncReport::default()
        };
        for table in ["heroes", "custom_events", "stories"] {
            let mark = library.sync_mark(&user, table).await?;
            let rows = changed(&api, table, "*", mark.as_deref()).await?;
            for row in &rows {
                library.apply_row(table, row).await?;
            }
            let on_backend: HashSet<String> = match mark {
                // A full read is the whole set already.
                None => rows
                    .iter()
                    .filter_map(|r| r["id"].as_str().map(str::to_owned))
                    .collect(),
                Some(_) => backend_ids(&api, table).await?,
            };
            match remove_gone(library, &user, table, &on_backend).await? {
                Some(removed) => report.removed += removed,
                None => {
                    self.keep_unlisted(table);
                    report.kept += 1;
                }
            }
            if let Some(m) = latest_update(&rows) {
                library.set_sync_mark(&user, table, &m).await?;
            }
            *match table {
                "heroes" => &mut report.heroes,
                "custom_events" => &mut report.custom_events,
                _ => &mut report.stories,
            } = rows.len();
        }
        let known: HashSet<String> = library
            .local_ids("stories", &user)
            .await?
            .into_iter()
            .collect();
        report.scenes = self.sync_scenes(&api, library, &user, &known).await?;
        report.illustrations = self
            .sync_illustrations(&api, library, &user, &known)
            .await?;
        report.narrations = fetch_narrations(&api, library, &user).await?;
        report.pictures = fetch_pictures(&api, library, &user).await?;
        tracing::debug!(?report, "library synced");
        Ok(report)
    }

    async fn sync_scenes(
        &self,
        api: &ApiClient,
        library: &Library,
        user: &str,
        known: &HashSet<String>,
    ) -> Result<usize, CoreError> {
        let mark = library.sync_mark(user, "story_scenes").await?;
        let rows = changed(api, "story_scenes", SCENE_COLUMNS, mark.as_deref()).await?;
        let mut by_story: BTreeMap<String, Vec<Scene>> = BTreeMap::new();
        let mut skipped = Vec::new();
        for row in &rows {
            let Some(story) = row["story_id"].as_str() else {
                continue;
            };
            if !known.contains(story) {
                skipped.push(row);
                continue;
            }
            let mut scene = row.clone();
            if let Some(o) = scene.as_object_mut() {
                o.remove("story_id");
                o.remove("updated_at");
            }
            match serde_json::from_value::<Scene>(scene) {
                Ok(scene) => by_story.entry(story.to_owned()).or_default().push(scene),
                Err(e) => tracing::warn!(error = %e, "a scene row could not be read; skipped"),
            }
        }
        for (story, scenes) in &by_story {
            library.save_scenes(story, scenes).await?;
        }
        if let Some(m) = next_mark(&rows, &skipped) {
            library.set_sync_mark(user, "story_scenes", &m).await?;
        }
        Ok(rows.len())
    }

    async fn sync_illustrations(
        &self,
        api: &ApiClient,
        library: &Library,
        user: &str,
        known: &HashSet<String>,
    ) -> Result<usize, CoreError> {
        let mark = library.sync_mark(user, "story_illustrations").await?;
        let rows = changed(api, "story_illustrations", "*", mark.as_deref()).await?;
        let mut skipped = Vec::new();
        for row in &rows {
            if row["story_id"].as_str().is_some_and(|s| known.contains(s)) {
                library.apply_row("story_illustrations", row).await?;
            } else {
                skipped.push(row);
            }
        }
        if let Some(m) = next_mark(&rows, &skipped) {
            library
                .set_sync_mark(user, "story_illustrations", &m)
                .await?;
        }
        Ok(rows.len())
    }
}

/// What the family is told when the backend lists none of a table's rows while this computer
/// holds some (`{what}`: stories, heroes, custom events).
pub const UNLISTED: &str = "The backend lists none of your family's {what}, so the ones on this \
     computer were kept. If they were deleted on another computer, delete them here too; if not, \
     check the Supabase project's settings (its access rules, or whether it is the right project).";

impl Core {
    /// Keeps a table's rows the backend stopped listing: logged, and added once to the backend
    /// status's notices.
    fn keep_unlisted(&self, table: &str) {
        let what = match table {
            "heroes" => "heroes",
            "custom_events" => "custom events",
            _ => "stories",
        };
        tracing::warn!(
            table,
            "the backend listed none of this family's rows; none removed here"
        );
        let notice = UNLISTED.replace("{what}", what);
        {
            let mut notices = self
                .inner
                .notices
                .write()
                .unwrap_or_else(|e| e.into_inner());
            if notices.contains(&notice) {
                return;
            }
            notices.push(notice);
        }
        let status = self.inner.status.borrow().clone();
        self.publish(status);
    }
}

/// Removes this family's local rows of `table` the backend no longer has; a story with every
/// cached file of it. Returns how many went, or `None` when it removed nothing because the
/// backend lists none of the rows this computer holds: every row gone at once is far likelier
/// a project answering nothing (its access rules, the wrong project) than a family that deleted
/// everything elsewhere, so the offline copy stays (see `UNLISTED`).
async fn remove_gone(
    library: &Library,
    user: &str,
    table: &str,
    on_backend: &HashSet<String>,
) -> Result<Option<usize>, CoreError> {
    let local = library.local_ids(table, user).await?;
    if on_backend.is_empty() && !local.is_empty() {
        return Ok(None);
    }
    let mut removed = 0;
    for id in local {
        if on_backend.contains(&id) {
            continue;
        }
        if table == "stories" {
            library.remove_story(&id).await?;
        } else {
            library.delete_row(table, &id).await?;
        }
        tracing::info!(table, "a row deleted on another device was removed here");
        removed += 1;
    }
    Ok(Some(removed))
}

/// Downloads the narrations the backend has and this library lacks. A failed download is
/// logged and tried again at the next sync.
async fn fetch_narrations(
    api: &ApiClient,
    library: &Library,
    user: &str,
) -> Result<usize, CoreError> {
    let mut fetched = 0;
    for missing in library.missing_narrations(user).await? {
        let key = format!("audio:{}", missing.story_id);
        let path = &missing.audio_path;
        if !library.cache().contains(&key).await? {
            match api.download(&format!("story-audio/{path}")).await {
                Ok(audio) => {
                    library
                        .cache()
                        .put(&key, audio, CacheKind::Permanent)
                        .await?;
                    fetched += 1;
                }
                Err(e) => {
                    tracing::info!(story_id = %missing.story_id, error = %e, "narration not synced");
                    continue;
                }
            }
        }
        let format = path.rsplit('.').next().unwrap_or("mp3");
        library
            .set_narration(&missing.story_id, &key, missing.seconds, format)
            .await?;
    }
    Ok(fetched)
}

/// Downloads pictures the backend finished whose image this library lacks (a fresh library
/// after recovery, a download that failed): one read of their storage paths per
/// [`IDS_PER_REQUEST`] stories, then one download each. A failed download is logged and tried
/// again at the next sync.
async fn fetch_pictures(
    api: &ApiClient,
    library: &Library,
    user: &str,
) -> Result<usize, CoreError> {
    let missing = library.missing_pictures(user).await?;
    let mut stories: Vec<&str> = missing.iter().map(|m| m.story_id.as_str()).collect();
    stories.dedup();
    let mut fetched = 0;
    for chunk in stories.chunks(IDS_PER_REQUEST) {
        let rows: Vec<Value> = api
            .select(
                "story_illustrations",
                &format!(
                    "select=story_id,scene_number,image_path,image_url&status=eq.completed&story_id=in.({})",
                    chunk.join(",")
                ),
            )
            .await?;
        for row in rows {
            let (Some(story), Some(n)) = (row["story_id"].as_str(), row["scene_number"].as_u64())
            else {
                continue;
            };
            let n = n as u32;
            if !missing
                .iter()
                .any(|m| m.story_id == story && m.scene_number == n)
            {
                continue;
            }
            let source = match (row["image_path"].as_str(), row["image_url"].as_str()) {
                (Some(path), _) => format!("story-illustrations/{path}"),
                (None, Some(url)) => url.to_owned(),
                (None, None) => continue,
            };
            let key = format!("illustration:{story}:{n}");
            match api.download(&source).await {
                Ok(image) => {
                    library
                        .cache()
                        .put(&key, image, CacheKind::Permanent)
                        .await?;
                    library
                        .set_illustration(story, n, IllustrationStatus::Completed, Some(&key), None)
                        .await?;
                    fetched += 1;
                }
                Err(e) => tracing::info!(story_id = story, error = %e, "picture not synced"),
            }
        }
    }
    Ok(fetched)
}
