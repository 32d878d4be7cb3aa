//! The family's own things: heroes (with their avatars) and custom events. Every change goes to
//! the backend over REST first and then into the local library, so the library only ever holds
//! what the backend accepted; lists refresh from the backend when it answers and come from the
//! library when it does not (offline). Custom events pass the storyteller's safety filter
//! before they are saved, here in the core, so no caller can store text the filter refuses.

mod events;
mod heroes;
pub(crate) mod rows;
pub mod safety;

use reqwest::Method;
use serde::Serialize;
use serde_json::Value;

use crate::api::ApiClient;
use crate::error::CoreError;
use crate::events::CoreEvent;
use crate::http::{Request, Service};

pub use rows::parse_timestamp;

/// Which part of the library changed (`library://changed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LibraryPart {
    /// The heroes.
    Heroes,
    /// The custom events.
    CustomEvents,
    /// The stories.
    Stories,
}

impl crate::Core {
    /// Tells every window that `table` changed in the library (a realtime change from another
    /// device, or a change made here).
    pub(crate) fn library_changed(&self, table: &str) {
        let part = match table {
            "heroes" => LibraryPart::Heroes,
            "custom_events" => LibraryPart::CustomEvents,
            "stories" => LibraryPart::Stories,
            _ => return,
        };
        self.inner.events.emit(CoreEvent::LibraryChanged(part));
    }
}

/// A contract rule broken by what the person typed, as the core's validation error (the
/// message names the field in its wire spelling and says what to change).
pub(crate) fn invalid(err: infinite_stories_contract::ContractError) -> CoreError {
    CoreError::Validation(err.to_string())
}

/// `PATCH /rest/v1/<table>?id=eq.<id>` returning the changed row; `None` when no row of this
/// family has that id.
pub(crate) async fn patch_row(
    api: &ApiClient,
    table: &str,
    id: &str,
    columns: &Value,
) -> Result<Option<Value>, CoreError> {
    let request = Request::new(
        Service::Rest,
        Method::PATCH,
        format!("/{table}?id=eq.{}", encode(id)),
    )
    .json(columns)
    .header("prefer", "return=representation")
    .replay_safe();
    let rows: Vec<Value> = api.send(&request).await?.json()?;
    Ok(rows.into_iter().next())
}

/// `DELETE /rest/v1/<table>?id=eq.<id>`; deleting a row that is already gone is not an error.
pub(crate) async fn delete_row(api: &ApiClient, table: &str, id: &str) -> Result<(), CoreError> {
    let request = Request::new(
        Service::Rest,
        Method::DELETE,
        format!("/{table}?id=eq.{}", encode(id)),
    )
    .header("prefer", "return=minimal")
    .replay_safe();
    api.send(&request).await.map(|_| ())
}

/// One row by id (`select=*`), if this family has it.
pub(crate) async fn fetch_row(
    api: &ApiClient,
    table: &str,
    id: &str,
) -> Result<Option<Value>, CoreError> {
    let rows: Vec<Value> = api
        .select(table, &format!("id=eq.{}&select=*", encode(id)))
        .await?;
    Ok(rows.into_iter().next())
}

/// An id as a PostgREST filter value (ids are uuids; anything else is escaped, not trusted).
fn encode(id: &str) -> String {
    url::form_urlencoded::byte_serialize(id.as_bytes()).collect()
}

/// Whether a failure only means "the backend is not reachable now", so a list can fall back
/// to the library.
pub(crate) fn is_unreachable(err: &CoreError) -> bool {
    matches!(
        err,
        CoreError::NotConnected
            | CoreError::BackendUnavailable(_)
            | CoreError::Network(_)
            | CoreError::Offline
            | CoreError::Timeout
            | CoreError::MaxRetriesExceeded { .. }
    ) || matches!(err, CoreError::Server { status, .. } if *status >= 500)
}
