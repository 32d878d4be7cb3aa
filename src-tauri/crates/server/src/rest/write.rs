//! The writing half of `/rest/v1`: inserts (plain and upserts), updates and deletes, with
//! ownership checks, unique keys and PostgREST's write responses.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use super::query::{Prefer, RestQuery};
use super::records::{self, Row, Write};
use super::schema::{self, Owner, Table};
use super::{RestError, body_of, coerce, json_response, set_header, visible};
use crate::gateway::Caller;
use crate::state::AppState;

/// Checks and fills ownership of a new or changed row; returns its owner.
async fn owner_of(
    state: &AppState,
    table: &Table,
    who: &Caller,
    row: &Map<String, Value>,
) -> Result<String, RestError> {
    let me = match who {
        Caller::Anon => {
            return Err(RestError::new(
                401,
                "42501",
                format!("permission denied for table {}", table.name),
            ));
        }
        Caller::Service => None,
        Caller::User(u) => Some(u.sub.as_str()),
    };
    let story_owner = match row.get("story_id").and_then(Value::as_str) {
        Some(story_id) if table.column("story_id").is_some() => {
            match records::by_id(state, &schema::STORIES, story_id).await? {
                Some(story) => Some(story.owner),
                None => {
                    return Err(RestError::new(409, "23503", format!(
                        "insert or update on table \"{}\" violates foreign key constraint \"{}_story_id_fkey\"",
                        table.name, table.name
                    ))
                    .details(format!("Key (story_id)=({story_id}) is not present in table \"stories\".")));
                }
            }
        }
        _ => None,
    };
    let owner = match table.owner {
        Owner::UserId => row
            .get("user_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        Owner::Story => story_owner.clone().unwrap_or_default(),
    };
    if let Some(me) = me
        && (owner != me || story_owner.as_deref().is_some_and(|o| o != me))
    {
        return Err(RestError::rls(table.name));
    }
    Ok(owner)
}

fn duplicate(table: &Table, cols: &[&str], row: &Map<String, Value>) -> RestError {
    let name = if cols == ["id"] {
        format!("{}_pkey", table.name)
    } else {
        format!("{}_{}_key", table.name, cols.join("_"))
    };
    let vals: Vec<String> = cols
        .iter()
        .map(|c| {
            row.get(*c)
                .map(|v| v.to_string().trim_matches('"').to_string())
                .unwrap_or_default()
        })
        .collect();
    RestError::new(
        409,
        "23505",
        format!("duplicate key value violates unique constraint \"{name}\""),
    )
    .details(format!(
        "Key ({})=({}) already exists.",
        cols.join(", "),
        vals.join(", ")
    ))
}

fn write_response(
    status: StatusCode,
    rows: Vec<Map<String, Value>>,
    q: &RestQuery,
    prefer: &Prefer,
    headers: &HeaderMap,
) -> Result<Response, RestError> {
    let n = rows.len();
    let mut r = if prefer.representation {
        let status = if status == StatusCode::NO_CONTENT {
            StatusCode::OK
        } else {
            status
        };
        let body = body_of(rows.into_iter().map(|r| q.project(r)).collect(), headers)?;
        json_response(status, Some(body))
    } else {
        status.into_response()
    };
    let range = if n == 0 {
        "*".to_string()
    } else {
        format!("0-{}", n - 1)
    };
    let total = if prefer.count {
        n.to_string()
    } else {
        "*".into()
    };
    set_header(&mut r, "content-range", &format!("{range}/{total}"));
    if !prefer.applied.is_empty() {
        set_header(&mut r, "preference-applied", &prefer.applied.join(", "));
    }
    Ok(r)
}

pub(super) async fn insert(
    state: &AppState,
    table: &'static Table,
    who: &Caller,
    q: &RestQuery,
    prefer: &Prefer,
    headers: &HeaderMap,
    body: Value,
) -> Result<Response, RestError> {
    let items = match body {
        Value::Array(items) => items,
        Value::Object(_) => vec![body],
        _ => {
            return Err(RestError::new(
                400,
                "PGRST102",
                "All object keys must match",
            ));
        }
    };
    let me = match who {
        Caller::User(u) => Some(u.sub.as_str()),
        Caller::Service => None,
        Caller::Anon => {
            return Err(RestError::new(
                401,
                "42501",
                format!("permission denied for table {}", table.name),
            ));
        }
    };
    let _write = state.records_lock.lock().await;
    let now = state.now_millis();
    let mut writes = Vec::new();
    let mut out = Vec::new();
    let conflict_cols: Vec<String> = q.on_conflict.clone().unwrap_or_else(|| vec!["id".into()]);
    let conflict_cols: Vec<&str> = conflict_cols.iter().map(String::as_str).collect();
    let upsert = prefer.merge || prefer.ignore;
    for item in items {
        let Value::Object(obj) = item else {
            return Err(RestError::new(
                400,
                "PGRST102",
                "All object keys must match",
            ));
        };
        if upsert {
            // Look for the conflicting row first, by the values the client sent.
            let probe = coerce::for_insert(table, &obj, me, now)?;
            if let Some(existing) = records::find_by(state, table, &conflict_cols, &probe).await? {
                if me.is_some_and(|m| existing.owner != m) {
                    return Err(RestError::rls(table.name));
                }
                if prefer.ignore {
                    continue;
                }
                let mut patch = obj.clone();
                patch.remove("id");
                patch.remove("created_at");
                let after = coerce::for_update(table, &existing.body, &patch, now)?;
                owner_of(state, table, who, &after).await?;
                out.push(after.clone());
                writes.push(Write::Update(table, existing, after));
                continue;
            }
        }
        let row = coerce::for_insert(table, &obj, me, now)?;
        let owner = owner_of(state, table, who, &row).await?;
        if records::by_id(state, table, row["id"].as_str().unwrap_or_default())
            .await?
            .is_some()
        {
            return Err(duplicate(table, &["id"], &row));
        }
        for unique in table.uniques {
            if records::find_by(state, table, unique, &row)
                .await?
                .is_some()
            {
                return Err(duplicate(table, unique, &row));
            }
        }
        out.push(row.clone());
        writes.push(Write::Insert(table, Row { owner, body: row }));
    }
    records::commit(state, writes).await?;
    write_response(StatusCode::CREATED, out, q, prefer, headers)
}

/// Refuses a write whose `id` filter names a row that belongs to someone else.
async fn refuse_foreign_targets(
    state: &AppState,
    table: &Table,
    who: &Caller,
    q: &RestQuery,
) -> Result<(), RestError> {
    let Caller::User(u) = who else { return Ok(()) };
    for id in q.targeted_ids() {
        if let Some(row) = records::by_id(state, table, &id).await?
            && row.owner != u.sub
        {
            return Err(RestError::new(
                403,
                "42501",
                format!("permission denied for table {}", table.name),
            )
            .details("the row belongs to another user"));
        }
    }
    Ok(())
}

pub(super) async fn update(
    state: &AppState,
    table: &'static Table,
    who: &Caller,
    q: &RestQuery,
    prefer: &Prefer,
    headers: &HeaderMap,
    body: Value,
) -> Result<Response, RestError> {
    let Value::Object(patch) = body else {
        return Err(RestError::new(400, "PGRST102", "Empty or invalid json"));
    };
    if matches!(who, Caller::Anon) {
        return Err(RestError::new(
            401,
            "42501",
            format!("permission denied for table {}", table.name),
        ));
    }
    if !q.has_filters() {
        return Err(RestError::new(
            400,
            "21000",
            "UPDATE requires a WHERE clause",
        ));
    }
    let _write = state.records_lock.lock().await;
    refuse_foreign_targets(state, table, who, q).await?;
    let now = state.now_millis();
    let mut writes = Vec::new();
    let mut out = Vec::new();
    for row in visible(state, table, who).await? {
        if !q.matches(table, &row.body) {
            continue;
        }
        let after = coerce::for_update(table, &row.body, &patch, now)?;
        owner_of(state, table, who, &after).await?;
        for unique in table.uniques {
            if unique.iter().any(|c| patch.contains_key(*c))
                && let Some(other) = records::find_by(state, table, unique, &after).await?
                && other.id() != row.id()
            {
                return Err(duplicate(table, unique, &after));
            }
        }
        out.push(after.clone());
        writes.push(Write::Update(table, row, after));
    }
    let mut out_sorted = out;
    q.sort(&mut out_sorted);
    records::commit(state, writes).await?;
    write_response(StatusCode::NO_CONTENT, out_sorted, q, prefer, headers)
}

pub(super) async fn delete(
    state: &AppState,
    table: &'static Table,
    who: &Caller,
    q: &RestQuery,
    prefer: &Prefer,
    headers: &HeaderMap,
) -> Result<Response, RestError> {
    if matches!(who, Caller::Anon) {
        return Err(RestError::new(
            401,
            "42501",
            format!("permission denied for table {}", table.name),
        ));
    }
    if !q.has_filters() {
        return Err(RestError::new(
            400,
            "21000",
            "DELETE requires a WHERE clause",
        ));
    }
    let _write = state.records_lock.lock().await;
    refuse_foreign_targets(state, table, who, q).await?;
    let doomed: Vec<Row> = visible(state, table, who)
        .await?
        .into_iter()
        .filter(|r| q.matches(table, &r.body))
        .collect();
    let out: Vec<_> = doomed.iter().map(|r| r.body.clone()).collect();
    records::commit(
        state,
        doomed
            .into_iter()
            .map(|r| Write::Delete(table, r))
            .collect(),
    )
    .await?;
    write_response(StatusCode::NO_CONTENT, out, q, prefer, headers)
}
