//! Rows of the contract's tables in SQLite (JSON documents keyed by table and id, with the
//! owner resolved at write time), written in one transaction per request and announced to the
//! realtime hub after commit. The functions write through here too, so every change reaches
//! `postgres_changes` subscribers the same way.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use sqlx::Row as _;

pub(crate) use super::change::{Change, ChangeKind};
use super::query::{SQL_COLUMNS, SqlWindow};
use super::schema::{STORIES, STORY_CHILDREN, Table};
use crate::realtime::HubEvent;
use crate::state::AppState;

/// A stored row and its owner.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub owner: String,
    pub body: Map<String, Value>,
}

impl Row {
    pub(crate) fn id(&self) -> &str {
        self.body
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// One write of a request.
#[derive(Debug, Clone)]
pub(crate) enum Write {
    Insert(&'static Table, Row),
    Update(&'static Table, Row, Map<String, Value>),
    Delete(&'static Table, Row),
}

fn parse_row(r: &sqlx::sqlite::SqliteRow) -> Result<Row, sqlx::Error> {
    let body: String = r.try_get("body")?;
    let body = match serde_json::from_str(&body) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    Ok(Row {
        owner: r.try_get("owner_id")?,
        body,
    })
}

/// Rows of `table`, oldest first; only `owner`'s when given.
pub(crate) async fn all(
    state: &AppState,
    table: &Table,
    owner: Option<&str>,
) -> Result<Vec<Row>, sqlx::Error> {
    let rows =
        match owner {
            Some(owner) => sqlx::query(
                "SELECT owner_id, body FROM records WHERE tbl = ? AND owner_id = ? ORDER BY seq",
            )
            .bind(table.name)
            .bind(owner)
            .fetch_all(&state.db)
            .await?,
            None => {
                sqlx::query("SELECT owner_id, body FROM records WHERE tbl = ? ORDER BY seq")
                    .bind(table.name)
                    .fetch_all(&state.db)
                    .await?
            }
        };
    rows.iter().map(parse_row).collect()
}

/// Rows of `table` as [`all`] reads them, each body cut down to `id` and `columns`: what a
/// filter, an order and a page need. A request for the changes since a moment over 10,000
/// stories otherwise parsed every story's text (20 MB) to answer with none of them.
pub(crate) async fn all_narrowed(
    state: &AppState,
    table: &Table,
    owner: Option<&str>,
    columns: &[&'static str],
    window: Option<&SqlWindow>,
) -> Result<Vec<Row>, sqlx::Error> {
    let sql = narrowed_sql(owner.is_some(), columns, window);
    let mut query = sqlx::query(&sql).bind(table.name);
    if let Some(owner) = owner {
        query = query.bind(owner);
    }
    if let Some(w) = window {
        for (_, _, value) in &w.conditions {
            query = query.bind(value);
        }
        if w.pages() {
            // SQLite: a negative limit is none.
            let limit = w.limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
            query = query
                .bind(limit)
                .bind(i64::try_from(w.offset).unwrap_or(i64::MAX));
        }
    }
    query
        .fetch_all(&state.db)
        .await?
        .iter()
        .map(parse_row)
        .collect()
}

/// The SQL of [`all_narrowed`]: binds the table, the owner (when `by_owner`), the window's
/// values, then its limit and offset (when it pages).
fn narrowed_sql(by_owner: bool, columns: &[&'static str], window: Option<&SqlWindow>) -> String {
    // Column names come from the schema (static, `[a-z_]`); `->` keeps each value's JSON type
    // (a boolean stays a boolean), and a missing one is `null`, as a filter reads it. The
    // table's own columns are read from the index, without the body.
    let fields: String = columns
        .iter()
        .filter(|c| **c != "id")
        .map(|c| match SQL_COLUMNS.contains(c) {
            true => format!(", '{c}', {c}"),
            false => format!(", '{c}', body -> '$.{c}'"),
        })
        .collect();
    let mut sql = format!(
        "SELECT owner_id, json_object('id', id{fields}) AS body FROM records WHERE tbl = ?{}",
        if by_owner { " AND owner_id = ?" } else { "" }
    );
    let mut order = " ORDER BY seq".to_owned();
    if let Some(w) = window {
        for (column, op, _) in &w.conditions {
            sql.push_str(&format!(" AND {column} {op} ?"));
        }
        if !w.order.is_empty() {
            order = format!(" ORDER BY {}", w.order.join(", "));
        }
    }
    sql.push_str(&order);
    if window.is_some_and(SqlWindow::pages) {
        sql.push_str(" LIMIT ? OFFSET ?");
    }
    sql
}

/// The whole bodies of the rows of `table` with these ids, by id (a row gone meanwhile is
/// missing).
pub(crate) async fn bodies(
    state: &AppState,
    table: &Table,
    ids: &[&str],
) -> Result<HashMap<String, Map<String, Value>>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT owner_id, body FROM records WHERE tbl = ? AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(table.name)
    .bind(Value::from(ids).to_string())
    .fetch_all(&state.db)
    .await?;
    rows.iter()
        .map(|r| parse_row(r).map(|row| (row.id().to_owned(), row.body)))
        .collect()
}

/// The row of `table` with this id, whoever owns it.
pub(crate) async fn by_id(
    state: &AppState,
    table: &Table,
    id: &str,
) -> Result<Option<Row>, sqlx::Error> {
    let row = sqlx::query("SELECT owner_id, body FROM records WHERE tbl = ? AND id = ?")
        .bind(table.name)
        .bind(id)
        .fetch_optional(&state.db)
        .await?;
    row.as_ref().map(parse_row).transpose()
}

/// The row of `table` whose `columns` equal those of `probe`, whoever owns it.
pub(crate) async fn find_by(
    state: &AppState,
    table: &Table,
    columns: &[&str],
    probe: &Map<String, Value>,
) -> Result<Option<Row>, sqlx::Error> {
    if columns == ["id"] {
        return match probe.get("id").and_then(Value::as_str) {
            Some(id) => by_id(state, table, id).await,
            None => Ok(None),
        };
    }
    let mut sql = String::from("SELECT owner_id, body FROM records WHERE tbl = ?");
    for c in columns {
        sql.push_str(&format!(" AND json_extract(body, '$.{c}') = ?"));
    }
    let mut q = sqlx::query(&sql).bind(table.name);
    for c in columns {
        q = match probe.get(*c) {
            Some(Value::String(s)) => q.bind(s.clone()),
            Some(Value::Number(n)) if n.is_i64() => q.bind(n.as_i64()),
            Some(Value::Number(n)) => q.bind(n.as_f64()),
            Some(Value::Bool(b)) => q.bind(i64::from(*b)),
            _ => return Ok(None),
        };
    }
    let row = q.fetch_optional(&state.db).await?;
    row.as_ref().map(parse_row).transpose()
}

/// Applies `writes` in one transaction (deleting a story takes its scenes, illustrations and
/// listening sessions with it), then announces every change.
pub(crate) async fn commit(
    state: &AppState,
    writes: Vec<Write>,
) -> Result<Vec<Change>, sqlx::Error> {
    let now = state.now_millis();
    let mut changes = Vec::new();
    let mut tx = infinite_stories_contract::sqlite::begin_write(&state.db).await?;
    for write in writes {
        match write {
            Write::Insert(table, row) => {
                sqlx::query(
                    "INSERT INTO records (tbl, id, owner_id, seq, body) VALUES (?, ?, ?, \
                     (SELECT IFNULL(MAX(seq), 0) + 1 FROM records WHERE tbl = ?), ?)",
                )
                .bind(table.name)
                .bind(row.id())
                .bind(&row.owner)
                .bind(table.name)
                .bind(Value::Object(row.body.clone()).to_string())
                .execute(&mut *tx)
                .await?;
                changes.push(Change {
                    table,
                    kind: ChangeKind::Insert,
                    record: Some(row.body),
                    old: None,
                    owner: row.owner,
                    at_ms: now,
                });
            }
            Write::Update(table, before, after) => {
                let after_id = after
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or(before.id())
                    .to_string();
                sqlx::query("UPDATE records SET id = ?, body = ? WHERE tbl = ? AND id = ?")
                    .bind(&after_id)
                    .bind(Value::Object(after.clone()).to_string())
                    .bind(table.name)
                    .bind(before.id())
                    .execute(&mut *tx)
                    .await?;
                changes.push(Change {
                    table,
                    kind: ChangeKind::Update,
                    record: Some(after),
                    old: Some(before.body),
                    owner: before.owner,
                    at_ms: now,
                });
            }
            Write::Delete(table, row) => {
                if std::ptr::eq(table, &STORIES) {
                    for child in STORY_CHILDREN {
                        let rows = sqlx::query(
                            "SELECT owner_id, body FROM records WHERE tbl = ? AND json_extract(body, '$.story_id') = ?",
                        )
                        .bind(child.name)
                        .bind(row.id())
                        .fetch_all(&mut *tx)
                        .await?;
                        for r in rows.iter().map(parse_row) {
                            let r = r?;
                            sqlx::query("DELETE FROM records WHERE tbl = ? AND id = ?")
                                .bind(child.name)
                                .bind(r.id())
                                .execute(&mut *tx)
                                .await?;
                            changes.push(Change {
                                table: child,
                                kind: ChangeKind::Delete,
                                record: None,
                                old: Some(r.body),
                                owner: r.owner,
                                at_ms: now,
                            });
                        }
                    }
                }
                sqlx::query("DELETE FROM records WHERE tbl = ? AND id = ?")
                    .bind(table.name)
                    .bind(row.id())
                    .execute(&mut *tx)
                    .await?;
                changes.push(Change {
                    table,
                    kind: ChangeKind::Delete,
                    record: None,
                    old: Some(row.body),
                    owner: row.owner,
                    at_ms: now,
                });
            }
        }
    }
    tx.commit().await?;
    for change in &changes {
        state
            .hub
            .publish(HubEvent::Change(Arc::new(change.clone())));
    }
    Ok(changes)
}

/// Re-reads `table`'s row `id` under the records lock, applies the changes `edit` computes from
/// its current body, moves `updated_at` to now and commits. `None` if the row is gone.
pub(crate) async fn patch(
    state: &AppState,
    table: &'static Table,
    id: &str,
    edit: impl FnOnce(&Map<String, Value>) -> Map<String, Value>,
) -> Result<Option<Row>, sqlx::Error> {
    patch_with(state, table, id, |current| Ok(edit(current))).await
}

/// [`patch`] for a table whose rows the contract types as `T` (`StoryRow`, `IllustrationRow`):
/// `edit` changes the typed row, and the stored row is what `T` serialises to. A stored row that
/// does not read as `T` is reported as a decode error and left as it is.
pub(crate) async fn patch_as<T: Serialize + DeserializeOwned>(
    state: &AppState,
    table: &'static Table,
    id: &str,
    edit: impl FnOnce(&mut T),
) -> Result<Option<T>, sqlx::Error> {
    let row = patch_with(state, table, id, |current| {
        let mut typed: T = typed(current.clone())?;
        edit(&mut typed);
        body_of(&typed)
    })
    .await?;
    row.map(|r| typed(r.body)).transpose()
}

/// A stored body read as the contract's row type.
pub(crate) fn typed<T: DeserializeOwned>(body: Map<String, Value>) -> Result<T, sqlx::Error> {
    serde_json::from_value(Value::Object(body)).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// The body a contract row type is stored as.
pub(crate) fn body_of<T: Serialize>(row: &T) -> Result<Map<String, Value>, sqlx::Error> {
    match serde_json::to_value(row) {
        Ok(Value::Object(body)) => Ok(body),
        Ok(_) => Err(sqlx::Error::Protocol(
            "a row type did not serialise to a JSON object".into(),
        )),
        Err(e) => Err(sqlx::Error::Decode(Box::new(e))),
    }
}

async fn patch_with(
    state: &AppState,
    table: &'static Table,
    id: &str,
    edit: impl FnOnce(&Map<String, Value>) -> Result<Map<String, Value>, sqlx::Error>,
) -> Result<Option<Row>, sqlx::Error> {
    let _w = state.records_lock.lock().await;
    let Some(before) = by_id(state, table, id).await? else {
        return Ok(None);
    };
    let mut after = before.body.clone();
    for (k, v) in edit(&before.body)? {
        after.insert(k, v);
    }
    after.insert(
        "updated_at".into(),
        Value::String(crate::clock::iso_micros(state.now_millis())),
    );
    let owner = before.owner.clone();
    commit(state, vec![Write::Update(table, before, after.clone())]).await?;
    Ok(Some(Row { owner, body: after }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan of `sql` with `binds`, one line per step.
    async fn plan(pool: &sqlx::SqlitePool, sql: &str, binds: &[&str]) -> String {
        let explain = format!("EXPLAIN QUERY PLAN {sql}");
        let mut q = sqlx::query(&explain);
        for b in binds {
            q = q.bind(*b);
        }
        let rows = q.fetch_all(pool).await.unwrap();
        rows.iter()
            .map(|r| r.get::<String, _>("detail"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The SQL a REST read of `query` on stories runs (as `read` builds it) and its plan.
    async fn plan_of(pool: &sqlx::SqlitePool, query: &str, binds: &[&str]) -> String {
        let headers = axum::http::HeaderMap::new();
        let q = super::super::query::RestQuery::parse(&STORIES, Some(query), &headers).unwrap();
        let window = q.sql_window(false).expect("done in SQL");
        let sql = narrowed_sql(true, &q.selected_columns(&STORIES), Some(&window));
        plan(pool, &sql, binds).await
    }

    /// The app's sync reads what changed since a moment, and pages of ids, at every start (its
    /// very queries): the first from the index on (table, owner, updated_at, id) without reading
    /// a row's body, the second from the id on, in order, a page's rows only.
    #[tokio::test]
    async fn the_syncs_reads_come_from_the_index_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (pool, _, _) = crate::db::open(dir.path(), 0).await.unwrap();
        let since = "2026-12-01T00:00:00Z";
        let changed =
            format!("select=*&updated_at=gte.{since}&order=updated_at.asc,id.asc&limit=1000");
        let p = plan_of(&pool, &changed, &["stories", "u1", since, "1000", "0"]).await;
        // (SQLite may sort the rows that changed by id; those are few.)
        assert!(p.contains("COVERING INDEX records_owner_updated"), "{p}");
        let ids = "select=id&id=gt.s00100&order=id.asc&limit=1000";
        let p = plan_of(&pool, ids, &["stories", "u1", "s00100", "1000", "0"]).await;
        // Searched from the id on, in the order of an index, so it stops after the page.
        assert!(p.contains("SEARCH") && !p.contains("TEMP B-TREE"), "{p}");
        // A column of the body is read from the body.
        let titles = "select=title&id=gt.s00100&order=id.asc&limit=1000";
        let p = plan_of(&pool, titles, &["stories", "u1", "s00100", "1000", "0"]).await;
        assert!(!p.contains("COVERING INDEX"), "{p}");
    }
}
