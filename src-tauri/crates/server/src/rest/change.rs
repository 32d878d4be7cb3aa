//! One committed row change, as the realtime hub carries it to `postgres_changes` subscribers.
//! A leaf (it imports only the table definitions), so the hub held in `AppState` does not
//! import the records code, which imports the state.

use serde_json::{Map, Value};

use super::schema::Table;

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    Insert,
    Update,
    Delete,
}

impl ChangeKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Insert => "INSERT",
            ChangeKind::Update => "UPDATE",
            ChangeKind::Delete => "DELETE",
        }
    }
}

/// One committed change, as realtime announces it.
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub table: &'static Table,
    pub kind: ChangeKind,
    pub record: Option<Map<String, Value>>,
    pub old: Option<Map<String, Value>>,
    pub owner: String,
    pub at_ms: i64,
}
