//! `/rest/v1/<table>`: the PostgREST subset the app and supabase-js use, over the contract's
//! tables, with owner-only rows: a user reads only rows it owns (or whose story it owns), and
//! writing someone else's row is `403 42501`.

pub(crate) mod change;
mod coerce;
mod error;
pub(crate) mod filter;
mod query;
pub(crate) mod records;
pub(crate) mod schema;
mod write;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Map, Value};

pub(crate) use error::RestError;
use query::{Prefer, RestQuery};
use records::Row;
use schema::Table;

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
                write::insert(&state, table, &who, &query, &prefer, &headers, body).await
            }
            Method::PATCH => {
                let body = read_body(&state, body).await?;
                write::update(&state, table, &who, &query, &prefer, &headers, body).await
            }
            Method::DELETE => write::delete(&state, table, &who, &query, &prefer, &headers).await,
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

/// [`visible`], each row cut down to `columns` (and `id`), filtered and paged by `window`.
async fn visible_narrowed(
    state: &AppState,
    table: &Table,
    who: &Caller,
    columns: &[&'static str],
    window: Option<&query::SqlWindow>,
) -> Result<Vec<Row>, RestError> {
    let owner = match who {
        Caller::Anon => return Ok(Vec::new()),
        Caller::Service => None,
        Caller::User(u) => Some(u.sub.as_str()),
    };
    Ok(records::all_narrowed(state, table, owner, columns, window).await?)
}

/// The whole rows of a page read narrowed, in its order (a row deleted meanwhile is left out).
async fn whole(
    state: &AppState,
    table: &Table,
    page: Vec<Map<String, Value>>,
) -> Result<Vec<Map<String, Value>>, RestError> {
    let ids: Vec<&str> = page
        .iter()
        .filter_map(|r| r.get("id").and_then(Value::as_str))
        .collect();
    let mut bodies = records::bodies(state, table, &ids).await?;
    Ok(ids.iter().filter_map(|id| bodies.remove(*id)).collect())
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
    // A narrowed read (a filter or a page) first reads only the columns it filters, orders and
    // selects by, then the whole bodies of the page's rows when it selects `*`. One by `id` and
    // `updated_at` alone is filtered, ordered and paged in SQL, from an index.
    let narrowed = q.narrowed_columns(table);
    let window = narrowed.as_ref().and_then(|_| q.sql_window(prefer.count));
    let rows = match (&narrowed, &window) {
        (Some(_), Some(w)) => {
            let columns = q.selected_columns(table);
            visible_narrowed(state, table, who, &columns, Some(w)).await?
        }
        (Some(columns), None) => visible_narrowed(state, table, who, columns, None).await?,
        (None, _) => visible(state, table, who).await?,
    };
    let mut rows: Vec<Map<String, Value>> = rows.into_iter().map(|r| r.body).collect();
    if window.is_none() {
        rows.retain(|r| q.matches(table, r));
        q.sort(&mut rows);
    }
    let total = rows.len();
    let offset = q.offset.unwrap_or(0);
    if prefer.count && offset > 0 && offset >= total {
        return Err(
            RestError::new(416, "PGRST103", "Requested range not satisfiable").details(format!(
                "An offset of {offset} was requested, but there are only {total} rows."
            )),
        );
    }
    let (skip, take) = match window {
        Some(_) => (0, usize::MAX),
        None => (offset, q.limit.unwrap_or(usize::MAX)),
    };
    let mut page: Vec<_> = rows.into_iter().skip(skip).take(take).collect();
    if narrowed.is_some() && q.select.is_none() && !page.is_empty() {
        page = whole(state, table, page).await?;
    }
    let mut page: Vec<_> = page
        .into_iter()
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
    let body = body_of(page, headers)?;
    let mut r = json_response(status, if head { None } else { Some(body) });
    if head {
        set_header(&mut r, "content-type", "application/json; charset=utf-8");
    }
    set_header(&mut r, "content-range", &format!("{range}/{total_s}"));
    if !prefer.applied.is_empty() {
        set_header(&mut r, "preference-applied", &prefer.applied.join(", "));
    }
    Ok(r)
}
