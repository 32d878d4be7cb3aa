//! `/rest/v1/<table>`: the PostgREST subset the app and supabase-js use, over the contract's
//! tables, with owner-only rows: a user reads only rows it owns (or whose story it owns), and
//! writing someone else's row is `403 42501`.

mod coerce;
mod error;
pub(crate) mod filter;
mod query;
pub(crate) mod records;
pub(crate) mod schema;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Map, Value};

pub(crate) use error::RestError;
use query::{Prefer, RestQuery};
use records::{Row, Write};
use schema::{Owner, Table};

use crate::gateway::{BearerError, Caller, caller};
use crate::jwt::JwtError;
use crate::state::AppState;

/// The REST routes, mounted at `/rest/v1`.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/{table}", any(dispatch))
}

async fn dispatch(
    State(state): State<AppState>,
    Path(table): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let table = schema::table(&table).ok_or_else(|| RestError::unknown_table(&table))?;
        let who = rest_caller(&state, &headers)?;
        let query = RestQuery::parse(table, uri.query(), &headers)?;
        let prefer = Prefer::parse(&headers);
        match method {
            Method::GET | Method::HEAD => {
                read(
                    &state,
                    table,
                    &who,
                    &query,
                    &prefer,
                    &headers,
                    method == Method::HEAD,
                )
                .await
            }
            Method::POST => {
                let body = read_body(&state, body).await?;
                insert(&state, table, &who, &query, &prefer, &headers, body).await
            }
            Method::PATCH => {
                let body = read_body(&state, body).await?;
                update(&state, table, &who, &query, &prefer, &headers, body).await
            }
            Method::DELETE => delete(&state, table, &who, &query, &prefer, &headers).await,
            _ => Err(RestError::new(
                405,
                "PGRST117",
                format!("Unsupported HTTP method: {method}"),
            )),
        }
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

fn rest_caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, RestError> {
    caller(state, headers).map_err(|e| match e {
        BearerError::Invalid(JwtError::Expired { .. }) => {
            RestError::new(401, "PGRST303", "JWT expired")
        }
        BearerError::Invalid(JwtError::Malformed) => {
            RestError::new(401, "PGRST301", "Expected 3 parts in JWT; got 1")
                .hint("JWT could not be decoded")
        }
        BearerError::Invalid(_) => RestError::new(401, "PGRST301", "JWSError JWSInvalidSignature"),
        BearerError::MissingClaims => {
            RestError::new(401, "PGRST301", "JWT claims are missing role")
        }
    })
}

async fn read_body(state: &AppState, body: Body) -> Result<Value, RestError> {
    let bytes = axum::body::to_bytes(body, state.config.max_json_body)
        .await
        .map_err(|_| RestError::new(413, "PGRST413", "Payload Too Large"))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| RestError::new(400, "PGRST102", format!("Empty or invalid json: {e}")))
}

/// Rows the caller can see.
async fn visible(state: &AppState, table: &Table, who: &Caller) -> Result<Vec<Row>, RestError> {
    Ok(match who {
        Caller::Anon => Vec::new(),
        Caller::Service => records::all(state, table, None).await?,
        Caller::User(u) => records::all(state, table, Some(&u.sub)).await?,
    })
}

fn json_response(status: StatusCode, body: Option<Value>) -> Response {
    match body {
        Some(v) => {
            let mut r = (status, v.to_string()).into_response();
            r.headers_mut().insert(
                "content-type",
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            r
        }
        None => status.into_response(),
    }
}

fn wants_object(headers: &HeaderMap) -> bool {
    headers
        .get("accept")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/vnd.pgrst.object+json"))
}

/// Shapes the rows as an array, or as one object for `Accept: vnd.pgrst.object+json`.
fn body_of(rows: Vec<Map<String, Value>>, headers: &HeaderMap) -> Result<Value, RestError> {
    if wants_object(headers) {
        if rows.len() != 1 {
            return Err(RestError::new(
                406,
                "PGRST116",
                "JSON object requested, multiple (or no) rows returned",
            )
            .details(format!("The result contains {} rows", rows.len())));
        }
        return Ok(Value::Object(rows.into_iter().next().unwrap_or_default()));
    }
    Ok(Value::Array(rows.into_iter().map(Value::Object).collect()))
}

fn set_header(r: &mut Response, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        r.headers_mut().insert(name, v);
    }
}

async fn read(
    state: &AppState,
    table: &Table,
    who: &Caller,
    q: &RestQuery,
    prefer: &Prefer,
    headers: &HeaderMap,
    head: bool,
) -> Result<Response, RestError> {
    let mut rows: Vec<Map<String, Value>> = visible(state, table, who)
        .await?
        .into_iter()
        .map(|r| r.body)
        .filter(|r| q.matches(table, r))
        .collect();
    q.sort(&mut rows);
    let total = rows.len();
    let offset = q.offset.unwrap_or(0);
    if prefer.count && offset > 0 && offset >= total {
        return Err(
            RestError::new(416, "PGRST103", "Requested range not satisfiable").details(format!(
                "An offset of {offset} was requested, but there are only {total} rows."
            )),
        );
    }
    let mut page: Vec<_> = rows
        .into_iter()
        .skip(offset)
        .take(q.limit.unwrap_or(usize::MAX))
        .map(|r| {
            let id = r.get("id").cloned();
            (id, q.project(r))
        })
        .collect();
    for embed in &q.embeds {
        let children = visible(state, embed.table, who).await?;
        for (id, row) in page.iter_mut() {
            let related: Vec<Value> = children
                .iter()
                .filter(|c| id.is_some() && c.body.get(embed.fk) == id.as_ref())
                .map(|c| {
                    let body = c.body.clone();
                    Value::Object(match &embed.select {
                        None => body,
                        Some(cols) => cols
                            .iter()
                            .map(|k| (k.clone(), body.get(k).cloned().unwrap_or(Value::Null)))
                            .collect(),
                    })
                })
                .collect();
            row.insert(embed.table.name.to_string(), Value::Array(related));
        }
    }
    let page: Vec<_> = page.into_iter().map(|(_, r)| r).collect();
    let range = if page.is_empty() {
        "*".to_string()
    } else {
        format!("{}-{}", offset, offset + page.len() - 1)
    };
    let total_s = if prefer.count {
        total.to_string()
    } else {
        "*".into()
    };
    let status = if prefer.count && page.len() < total {
        StatusCode::PARTIAL_CONTENT
    } else {
        StatusCode::OK
    };
    let n = page.len();
    let body = body_of(page, headers)?;
    let mut r = json_response(status, if head { None } else { Some(body) });
    if head {
        set_header(&mut r, "content-type", "application/json; charset=utf-8");
    }
    set_header(&mut r, "content-range", &format!("{range}/{total_s}"));
    if !prefer.applied.is_empty() {
        set_header(&mut r, "preference-applied", &prefer.applied.join(", "));
    }
    let _ = n;
    Ok(r)
}

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

async fn insert(
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

async fn update(
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

async fn delete(
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
