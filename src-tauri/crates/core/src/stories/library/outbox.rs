//! The outbox in the local library (migration 0008): an edit made on this computer — a hero or
//! custom event changed, a star, a listening session, a deletion — is applied to the library and
//! queued here in the same transaction, so quitting between the two cannot lose it. The pusher
//! (`stories/outbox.rs`) sends the queue in order; until a row's change is sent, pulls (REST
//! reads, realtime changes) leave that row as the family edited it here (`apply_row` checks the
//! outbox). A delete from another device still wins: it drops queued edits of the row.

use infinite_stories_contract::clock::civil_from_days;
use serde::Serialize;
use serde_json::Value;
use sqlx::Row;

use super::{Library, ListeningRecord};
use crate::database::storage;
use crate::error::CoreError;

/// What a queued change does on the backend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutboxOp {
    /// `PATCH` the columns, only if the backend's row is not newer than the edit.
    Patch,
    /// Insert or replace the row (listening sessions: one device writes each).
    Upsert,
    /// Delete the row (a story with its stored files).
    Delete,
}

impl OutboxOp {
    fn id(self) -> &'static str {
        match self {
            OutboxOp::Patch => "patch",
            OutboxOp::Upsert => "upsert",
            OutboxOp::Delete => "delete",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "upsert" => OutboxOp::Upsert,
            "delete" => OutboxOp::Delete,
            _ => OutboxOp::Patch,
        }
    }
}

/// One queued change.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxEntry {
    /// Order of the edit.
    pub seq: i64,
    /// Backend table.
    pub table: String,
    /// Row id.
    pub row_id: String,
    /// What to do.
    pub op: OutboxOp,
    /// Columns to set.
    pub body: Value,
    /// When the edit was made (RFC 3339, UTC).
    pub edited_at: String,
    /// Failed pushes so far.
    pub attempts: u32,
    /// Unix ms before which the pusher waits (backoff).
    pub next_try_at: i64,
}

/// A change the backend would not take: kept, and shown to the family.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RefusedChange {
    /// What was changed: `heroes`, `custom_events`, `stories` or `listening_sessions`.
    pub table: String,
    /// Why the backend refused it (the core's message).
    pub message: String,
}

/// What is waiting to be sent (Home's line).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OutboxStatus {
    /// Changes waiting to be sent.
    pub waiting: u32,
    /// Why the last try failed, while some wait (offline, server trouble).
    pub last_error: Option<String>,
    /// Changes the backend refused (kept, not dropped).
    pub refused: Vec<RefusedChange>,
}

/// `millis` as the backend prints timestamps (`2026-12-06T02:13:56.000000Z`), so that the
/// embedded backend (which compares them as text) and PostgreSQL (as `timestamptz`) agree.
pub fn edit_time(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let day = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{:06}Z",
        day / 3600,
        day / 60 % 60,
        day % 60,
        ms * 1000
    )
}

/// The library table holding `table`'s rows and its display column.
fn local_table(table: &str) -> Option<(&'static str, &'static str)> {
    match table {
        "heroes" => Some(("heroes", "name")),
        "custom_events" => Some(("custom_events", "title")),
        "stories" => Some(("stories", "title")),
        _ => None,
    }
}

async fn enqueue(
    conn: &mut sqlx::SqliteConnection,
    user: &str,
    table: &str,
    id: &str,
    op: OutboxOp,
    body: &Value,
    edited_at: &str,
) -> Result<(), CoreError> {
    sqlx::query(
        "INSERT INTO outbox (user_id, tbl, row_id, op, body, edited_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(user)
    .bind(table)
    .bind(id)
    .bind(op.id())
    .bind(body.to_string())
    .bind(edited_at)
    .execute(conn)
    .await
    .map_err(storage)?;
    Ok(())
}

impl Library {
    /// Applies `columns` to `user`'s row `id` of `table` ("heroes", "custom_events",
    /// "stories") here and queues them, in one transaction. `false` when the family has no such
    /// row here.
    pub async fn queue_edit(
        &self,
        user: &str,
        table: &str,
        id: &str,
        columns: &Value,
    ) -> Result<bool, CoreError> {
        let Some((tbl, label)) = local_table(table) else {
            return Ok(false);
        };
        let now = self.clock.now_millis();
        let mut tx = infinite_stories_contract::sqlite::begin_write(&self.pool)
            .await
            .map_err(storage)?;
        let data: Option<String> = sqlx::query_scalar(&format!(
            "SELECT data FROM {tbl} WHERE id = ?1 AND user_id = ?2"
        ))
        .bind(id)
        .bind(user)
        .fetch_optional(&mut *tx)
        .await
        .map_err(storage)?;
        let Some(data) = data else {
            return Ok(false);
        };
        let mut row: Value =
            serde_json::from_str(&data).unwrap_or_else(|_| Value::Object(Default::default()));
        if let (Some(row), Some(set)) = (row.as_object_mut(), columns.as_object()) {
            for (k, v) in set {
                row.insert(k.clone(), v.clone());
            }
        }
        let shown = row
            .get(label)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let favorite = row
            .get("is_favorite")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let sql = if tbl == "stories" {
            format!(
                "UPDATE {tbl} SET {label} = ?2, data = ?3, updated_at = ?4, is_favorite = ?5 WHERE id = ?1"
            )
        } else {
            format!("UPDATE {tbl} SET {label} = ?2, data = ?3, updated_at = ?4 WHERE id = ?1")
        };
        sqlx::query(&sql)
            .bind(id)
            .bind(shown)
            .bind(row.to_string())
            .bind(now)
            .bind(favorite)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
        enqueue(
            &mut tx,
            user,
            table,
            id,
            OutboxOp::Patch,
            columns,
            &edit_time(now),
        )
        .await?;
        tx.commit().await.map_err(storage)?;
        Ok(true)
    }

    /// Removes `user`'s row `id` of `table` here and queues its deletion, in one transaction;
    /// edits of the row still queued are dropped (the delete supersedes them). `false` when the
    /// family has no such row here. A story's cached files are removed after the commit.
    pub async fn queue_delete(&self, user: &str, table: &str, id: &str) -> Result<bool, CoreError> {
        let Some((tbl, _)) = local_table(table) else {
            return Ok(false);
        };
        let keys = if tbl == "stories" {
            self.cache_keys_of(id).await?
        } else {
            Vec::new()
        };
        let now = self.clock.now_millis();
        let mut tx = infinite_stories_contract::sqlite::begin_write(&self.pool)
            .await
            .map_err(storage)?;
        let done = sqlx::query(&format!("DELETE FROM {tbl} WHERE id = ?1 AND user_id = ?2"))
            .bind(id)
            .bind(user)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM outbox WHERE tbl = ?1 AND row_id = ?2 AND op = 'patch'")
            .bind(table)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
        enqueue(
            &mut tx,
            user,
            table,
            id,
            OutboxOp::Delete,
            &Value::Object(Default::default()),
            &edit_time(now),
        )
        .await?;
        tx.commit().await.map_err(storage)?;
        for key in keys
            .into_iter()
            .chain(["audio", "story", "timings"].map(|k| format!("{k}:{id}")))
        {
            self.cache.remove(&key).await?;
        }
        Ok(true)
    }

    /// Records a listening session here (as [`Library::record_listening`]) and queues its row
    /// for the backend in the same transaction. Repeats of one session (every pause) replace
    /// its queued row instead of adding one.
    pub async fn queue_listening(
        &self,
        user: &str,
        record: &ListeningRecord,
        row: &Value,
    ) -> Result<(), CoreError> {
        let now = self.clock.now_millis();
        let mut tx = infinite_stories_contract::sqlite::begin_write(&self.pool)
            .await
            .map_err(storage)?;
        self.write_listening(&mut tx, record).await?;
        let replaced = sqlx::query(
            "UPDATE outbox SET body = ?2, edited_at = ?3 WHERE seq = (SELECT MAX(seq) FROM outbox \
             WHERE tbl = 'listening_sessions' AND row_id = ?1 AND refused = 0)",
        )
        .bind(&record.session_id)
        .bind(row.to_string())
        .bind(edit_time(now))
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
        if replaced.rows_affected() == 0 {
            enqueue(
                &mut tx,
                user,
                "listening_sessions",
                &record.session_id,
                OutboxOp::Upsert,
                row,
                &edit_time(now),
            )
            .await?;
        }
        tx.commit().await.map_err(storage)?;
        Ok(())
    }

    /// `user`'s queued changes not refused, oldest first.
    pub async fn outbox(&self, user: &str) -> Result<Vec<OutboxEntry>, CoreError> {
        let rows = sqlx::query(
            "SELECT seq, tbl, row_id, op, body, edited_at, attempts, next_try_at FROM outbox \
             WHERE user_id = ?1 AND refused = 0 ORDER BY seq",
        )
        .bind(user)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        Ok(rows
            .iter()
            .map(|r| OutboxEntry {
                seq: r.get("seq"),
                table: r.get("tbl"),
                row_id: r.get("row_id"),
                op: OutboxOp::parse(r.get("op")),
                body: serde_json::from_str(r.get("body")).unwrap_or(Value::Null),
                edited_at: r.get("edited_at"),
                attempts: u32::try_from(r.get::<i64, _>("attempts")).unwrap_or(0),
                next_try_at: r.get("next_try_at"),
            })
            .collect())
    }

    /// The backend took change `seq` (or made it moot): it leaves the outbox.
    pub async fn outbox_sent(&self, seq: i64) -> Result<(), CoreError> {
        sqlx::query("DELETE FROM outbox WHERE seq = ?1")
            .bind(seq)
            .execute(&self.pool)
            .await
            .map_err(storage)?;
        Ok(())
    }

    /// Change `seq` could not be sent (`error`); the next try waits until `next_try_at`.
    pub async fn outbox_failed(
        &self,
        seq: i64,
        error: &str,
        next_try_at: i64,
    ) -> Result<(), CoreError> {
        sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_try_at = ?3 WHERE seq = ?1")
            .bind(seq)
            .bind(error)
            .bind(next_try_at)
            .execute(&self.pool)
            .await
            .map_err(storage)?;
        Ok(())
    }

    /// The backend refused change `seq` (`error`): kept and shown, no longer pushed, and no
    /// longer shielding its row from pulls.
    pub async fn outbox_refused(&self, seq: i64, error: &str) -> Result<(), CoreError> {
        sqlx::query("UPDATE outbox SET refused = 1, last_error = ?2 WHERE seq = ?1")
            .bind(seq)
            .bind(error)
            .execute(&self.pool)
            .await
            .map_err(storage)?;
        Ok(())
    }

    /// What `user` has waiting and what was refused.
    pub async fn outbox_status(&self, user: &str) -> Result<OutboxStatus, CoreError> {
        let rows = sqlx::query(
            "SELECT tbl, refused, last_error FROM outbox WHERE user_id = ?1 ORDER BY seq",
        )
        .bind(user)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        let mut status = OutboxStatus::default();
        for r in &rows {
            let error: Option<String> = r.get("last_error");
            if r.get::<bool, _>("refused") {
                status.refused.push(RefusedChange {
                    table: r.get("tbl"),
                    message: error.unwrap_or_default(),
                });
            } else {
                status.waiting += 1;
                if status.last_error.is_none() {
                    status.last_error = error;
                }
            }
        }
        Ok(status)
    }

    /// Whether row `id` of `table` has a change waiting here.
    pub async fn has_queued(&self, table: &str, id: &str) -> Result<bool, CoreError> {
        sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE tbl = ?1 AND row_id = ?2 AND refused = 0)",
        )
        .bind(table)
        .bind(id)
        .fetch_one(&self.pool)
        .await
        .map_err(storage)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::edit_time;
    use crate::stories::library::scratch as library;

    fn hero(name: &str) -> serde_json::Value {
        json!({"id": "h1", "user_id": "u", "name": name, "primary_trait": "brave"})
    }

    #[test]
    fn edit_times_print_as_the_backend_prints_its_timestamps() {
        assert_eq!(edit_time(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(edit_time(951_782_400_001), "2000-02-29T00:00:00.001000Z");
        assert_eq!(edit_time(1_787_397_303_412), "2026-08-22T11:15:03.412000Z");
    }

    #[tokio::test]
    async fn a_pull_never_overwrites_a_queued_edit_until_it_is_sent() {
        let (_dir, lib) = library().await;
        lib.apply_row("heroes", &hero("Luna")).await.unwrap();
        assert!(
            lib.queue_edit("u", "heroes", "h1", &json!({"name": "Luna Star"}))
                .await
                .unwrap()
        );
        assert!(
            !lib.queue_edit("other", "heroes", "h1", &json!({"name": "X"}))
                .await
                .unwrap(),
            "another family's row is not edited"
        );
        lib.apply_row("heroes", &hero("Luna from elsewhere"))
            .await
            .unwrap();
        let row = lib.hero_row("h1").await.unwrap().unwrap().row;
        assert_eq!(row["name"], "Luna Star");
        assert_eq!(row["primary_trait"], "brave", "other columns kept");

        let queued = lib.outbox("u").await.unwrap();
        assert_eq!(queued.len(), 1);
        lib.outbox_sent(queued[0].seq).await.unwrap();
        lib.apply_row("heroes", &hero("Luna from elsewhere"))
            .await
            .unwrap();
        assert_eq!(
            lib.hero_row("h1").await.unwrap().unwrap().row["name"],
            "Luna from elsewhere"
        );
    }

    #[tokio::test]
    async fn a_delete_from_elsewhere_drops_queued_edits_and_a_local_delete_is_not_undone_by_a_pull()
    {
        let (_dir, lib) = library().await;
        lib.apply_row("heroes", &hero("Luna")).await.unwrap();
        lib.queue_edit("u", "heroes", "h1", &json!({"name": "Luna Star"}))
            .await
            .unwrap();
        lib.delete_row("heroes", "h1").await.unwrap();
        assert!(
            lib.outbox("u").await.unwrap().is_empty(),
            "delete beats edit"
        );

        lib.apply_row("heroes", &hero("Luna")).await.unwrap();
        assert!(lib.queue_delete("u", "heroes", "h1").await.unwrap());
        lib.apply_row("heroes", &hero("Luna")).await.unwrap();
        assert!(
            lib.hero_row("h1").await.unwrap().is_none(),
            "not brought back"
        );
        let status = lib.outbox_status("u").await.unwrap();
        assert_eq!(status.waiting, 1);
    }

    #[tokio::test]
    async fn listening_repeats_replace_their_queued_row_and_refusals_are_kept() {
        let (_dir, lib) = library().await;
        lib.apply_row(
            "stories",
            &json!({"id": "s1", "user_id": "u", "title": "T", "content": "c"}),
        )
        .await
        .unwrap();
        for seconds in [10.0, 20.0, 30.0] {
            let record = crate::ListeningRecord {
                session_id: "l1".into(),
                story_id: "s1".into(),
                seconds,
                ..Default::default()
            };
            lib.queue_listening(
                "u",
                &record,
                &json!({"id": "l1", "seconds_listened": seconds}),
            )
            .await
            .unwrap();
        }
        let queued = lib.outbox("u").await.unwrap();
        assert_eq!(queued.len(), 1, "{queued:?}");
        assert_eq!(queued[0].body["seconds_listened"], 30.0);

        lib.outbox_refused(queued[0].seq, "The backend said no.")
            .await
            .unwrap();
        let status = lib.outbox_status("u").await.unwrap();
        assert_eq!((status.waiting, status.refused.len()), (0, 1));
        assert_eq!(status.refused[0].message, "The backend said no.");
    }
}
