//! The custom events part of the [`Core`] API: check, save (create or edit), delete, favourite
//! and list. Every save runs the safety filter again: a refused draft is a `CONTENT_POLICY`
//! error and a softened one is stored softened, whatever the caller checked before. Usage count
//! and last use are kept by the backend when a story is written for the event; the list reads
//! them back.

use infinite_stories_contract::{CustomEvent, CustomEventDraft, Language, SafetyCheck};
use serde_json::{Value, json};

use super::{delete_row, invalid, is_unreachable, patch_row, rows, safety};
use crate::*;

fn gone() -> CoreError {
    CoreError::NotFound("That event isn't in your library any more.".into())
}

impl Core {
    /// The safety filter's answer about a draft written for stories in `language`: pass, the
    /// gentler version to save instead, or a kind refusal saying what to change. Offline.
    pub fn check_custom_event(
        &self,
        draft: &CustomEventDraft,
        language: Language,
    ) -> Result<SafetyCheck, CoreError> {
        draft.validate().map_err(invalid)?;
        Ok(safety::check(&draft.clone().trimmed(), language).0)
    }

    /// The family's custom events, favourites first. Refreshed from the backend when it answers
    /// (usage counts change as stories are written), from the library when it does not.
    pub async fn list_custom_events(&self) -> Result<Vec<CustomEvent>, CoreError> {
        let user = self.user_id()?;
        match self.refresh_table("custom_events", &user).await {
            Ok(()) => {}
            Err(e) if is_unreachable(&e) => {
                tracing::info!(error = %e, "events listed from the library (backend not reachable)");
            }
            Err(e) => return Err(e),
        }
        Ok(self
            .library()
            .await?
            .custom_event_rows(&user)
            .await?
            .iter()
            .filter_map(rows::custom_event)
            .collect())
    }

    /// Creates (`id` = `None`) or edits a custom event, after the safety filter: a refused draft
    /// fails with `CONTENT_POLICY` and its message, a softened one is saved softened.
    pub async fn save_custom_event(
        &self,
        id: Option<&str>,
        draft: CustomEventDraft,
        language: Language,
    ) -> Result<CustomEvent, CoreError> {
        draft.validate().map_err(invalid)?;
        let (verdict, safe) = safety::check(&draft.trimmed(), language);
        if let SafetyCheck::Refused { message } = verdict {
            return Err(CoreError::ContentPolicy(message));
        }
        let mut columns = rows::custom_event_columns(&safe);
        let row: Value = match id {
            None => {
                self.ensure_session().await?;
                columns["user_id"] = json!(self.user_id()?);
                self.api()?.insert("custom_events", &columns).await?
            }
            Some(id) => return self.edit_custom_event(id, &columns).await,
        };
        self.store_custom_event(row).await
    }

    /// Stars or unstars a custom event (offline too: the star waits in the outbox).
    pub async fn set_custom_event_favorite(
        &self,
        id: &str,
        favorite: bool,
    ) -> Result<CustomEvent, CoreError> {
        self.edit_custom_event(id, &json!({"is_favorite": favorite}))
            .await
    }

    /// Deletes a custom event here and (through the outbox) on the backend; stories written
    /// for it stay in the library.
    pub async fn delete_custom_event(&self, id: &str) -> Result<(), CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        if library.queue_delete(&user, "custom_events", id).await? {
            self.push_soon().await;
        } else {
            delete_row(&self.api()?, "custom_events", id).await?;
        }
        self.library_changed("custom_events");
        Ok(())
    }

    /// Changes `columns` of an event: in the library at once and on the backend through the
    /// outbox; an event only on the backend is changed there.
    async fn edit_custom_event(&self, id: &str, columns: &Value) -> Result<CustomEvent, CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        if !library
            .queue_edit(&user, "custom_events", id, columns)
            .await?
        {
            let row = patch_row(&self.api()?, "custom_events", id, columns)
                .await?
                .ok_or_else(gone)?;
            return self.store_custom_event(row).await;
        }
        self.library_changed("custom_events");
        self.push_soon().await;
        library
            .custom_event_rows(&user)
            .await?
            .iter()
            .find(|r| r["id"].as_str() == Some(id))
            .and_then(rows::custom_event)
            .ok_or_else(gone)
    }

    async fn store_custom_event(&self, row: Value) -> Result<CustomEvent, CoreError> {
        self.library()
            .await?
            .apply_row("custom_events", &row)
            .await?;
        self.library_changed("custom_events");
        rows::custom_event(&row)
            .ok_or_else(|| CoreError::InvalidResponse("the event came back incomplete".into()))
    }
}
