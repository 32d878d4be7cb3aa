//! The heroes part of the [`Core`] API: create, update, delete, list (with how many stories
//! each has in the library) and the avatar (one of five styles from an editable prompt, drawn by
//! the backend and kept in the cache so it shows offline). Deleting a hero keeps its stories.

use infinite_stories_contract::{AvatarStyle, Hero, HeroDraft, rules};
use serde_json::{Value, json};

use super::{delete_row, fetch_row, invalid, is_unreachable, patch_row, rows};
use crate::api::models::Avatar;
use crate::cache::CacheKind;
use crate::stories::library::HeroRow;
use crate::*;

fn gone() -> CoreError {
    CoreError::NotFound("That hero isn't in your library any more.".into())
}

impl Core {
    /// The signed-in family's heroes, by name. Refreshed from the backend when it answers (and
    /// missing avatars fetched into the cache); from the library alone when it does not.
    pub async fn list_heroes(&self) -> Result<Vec<Hero>, CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        match self.refresh_table("heroes", &user).await {
            Ok(()) => {}
            Err(e) if is_unreachable(&e) => {
                tracing::info!(error = %e, "heroes listed from the library (backend not reachable)");
            }
            Err(e) => return Err(e),
        }
        let mut heroes = Vec::new();
        for stored in library.hero_rows(&user).await? {
            if let Some(hero) = self.hero_of(&stored).await? {
                heroes.push(hero);
            }
        }
        Ok(heroes)
    }

    /// Creates a hero. The draft is checked (name 1–40 characters, two different traits…) and
    /// stored trimmed; a first run signs in anonymously first.
    pub async fn create_hero(&self, draft: HeroDraft) -> Result<Hero, CoreError> {
        draft.validate().map_err(invalid)?;
        let draft = draft.trimmed();
        self.ensure_session().await?;
        let mut columns = rows::hero_columns(&draft);
        columns["user_id"] = json!(self.user_id()?);
        let row: Value = self.api()?.insert("heroes", &columns).await?;
        self.store_hero(row).await
    }

    /// Replaces a hero's details with `draft` (its avatar picture stays until it is drawn again).
    /// A hero in the library is changed there at once and the change goes out through the
    /// outbox (offline it waits); one only on the backend is changed there.
    pub async fn update_hero(&self, id: &str, draft: HeroDraft) -> Result<Hero, CoreError> {
        draft.validate().map_err(invalid)?;
        let draft = draft.trimmed();
        let columns = rows::hero_columns(&draft);
        let user = self.user_id()?;
        let library = self.library().await?;
        if !library.queue_edit(&user, "heroes", id, &columns).await? {
            let row = patch_row(&self.api()?, "heroes", id, &columns)
                .await?
                .ok_or_else(gone)?;
            return self.store_hero(row).await;
        }
        self.library_changed("heroes");
        self.push_soon().await;
        let stored = library.hero_row(id).await?.ok_or_else(gone)?;
        self.hero_of(&stored)
            .await?
            .ok_or_else(|| CoreError::InvalidResponse("the hero came back incomplete".into()))
    }

    /// Deletes a hero from the library and (through the outbox, so offline too) on the backend;
    /// the hero's stories stay in the library (they keep the name they were written with).
    pub async fn delete_hero(&self, id: &str) -> Result<(), CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        let avatar = library
            .hero_row(id)
            .await?
            .and_then(|stored| rows::avatar_key(&stored.row));
        if library.queue_delete(&user, "heroes", id).await? {
            self.push_soon().await;
        } else {
            delete_row(&self.api()?, "heroes", id).await?;
        }
        if let Some(key) = avatar {
            library.cache().remove(&key).await?;
        }
        self.library_changed("heroes");
        Ok(())
    }

    /// Draws the hero's avatar in `style` from `prompt` (checked by the backend's safety filter;
    /// a refusal is a `CONTENT_POLICY` error) and returns the hero with its new picture.
    pub async fn generate_avatar(
        &self,
        hero_id: &str,
        prompt: &str,
        style: AvatarStyle,
    ) -> Result<Hero, CoreError> {
        let prompt = prompt.trim();
        rules::text_length("prompt", prompt, 1..=rules::AVATAR_PROMPT_MAX).map_err(invalid)?;
        let api = self.api()?;
        let library = self.library().await?;
        // Read before drawing: the realtime change of the row may land before the answer.
        let previous = library
            .hero_row(hero_id)
            .await?
            .and_then(|h| rows::avatar_key(&h.row));
        let body = json!({"heroId": hero_id, "prompt": prompt, "style": style});
        let request_id = uuid::Uuid::new_v4().to_string();
        let avatar: Avatar = api
            .invoke("avatar-generation", &body, 1, &request_id)
            .await?
            .data;
        let image = api.download(&avatar.avatar_url).await?;
        // The function updated the row (avatar_*); read it back so the library has it now,
        // without waiting for the realtime change.
        let mut row = fetch_row(&api, "heroes", hero_id).await?.ok_or_else(gone)?;
        if row.get("avatar_generation_id").is_none_or(Value::is_null) {
            row["avatar_generation_id"] = json!(avatar.generation_id);
        }
        if let Some(key) = rows::avatar_key(&row) {
            library
                .cache()
                .put(&key, image, CacheKind::Permanent)
                .await?;
            if let Some(old) = previous.filter(|old| *old != key) {
                library.cache().remove(&old).await?;
            }
        }
        self.store_hero(row).await
    }

    /// Keeps a row the backend returned and answers it as a hero.
    async fn store_hero(&self, row: Value) -> Result<Hero, CoreError> {
        let library = self.library().await?;
        library.apply_row("heroes", &row).await?;
        self.library_changed("heroes");
        let id = row["id"].as_str().unwrap_or_default();
        let stored = library.hero_row(id).await?.unwrap_or(HeroRow {
            row,
            story_count: 0,
        });
        self.hero_of(&stored)
            .await?
            .ok_or_else(|| CoreError::InvalidResponse("the hero came back incomplete".into()))
    }

    /// The UI's hero for a stored row; fetches a missing avatar picture when the backend answers.
    pub(crate) async fn hero_of(&self, stored: &HeroRow) -> Result<Option<Hero>, CoreError> {
        let cache = self.library().await?.cache();
        let mut cached = false;
        if let Some(key) = rows::avatar_key(&stored.row) {
            cached = cache.contains(&key).await?;
            if !cached
                && let (Ok(api), Some(path)) = (self.api(), stored.row["avatar_path"].as_str())
            {
                match api.download(&format!("hero-avatars/{path}")).await {
                    Ok(image) => {
                        cache.put(&key, image, CacheKind::Permanent).await?;
                        cached = true;
                    }
                    Err(e) => tracing::info!(error = %e, "avatar not fetched; shown later"),
                }
            }
        }
        Ok(rows::hero(&stored.row, stored.story_count, cached))
    }

    /// Reads `table` from the backend and makes the library's rows of this user match it.
    pub(crate) async fn refresh_table(&self, table: &str, user: &str) -> Result<(), CoreError> {
        let rows: Vec<Value> = self.api()?.select(table, "select=*").await?;
        self.library().await?.replace_rows(table, user, &rows).await
    }
}
