//! `/functions/v1/<name>`: the contract's five functions on the storyteller providers, with
//! the seed's envelopes, real statuses, per-user hourly quotas (`retryAfter` + `Retry-After`),
//! progress broadcasts, and idempotent retries: the same `X-Request-ID` from the same user
//! within 10 minutes gets the first answer back instead of a second story. A call that fails,
//! times out or is abandoned by its client (cancelled, or the client's own deadline passed, so
//! the connection closed and the handler was dropped) gives its quota back.

mod envelope;
mod illustration;
pub(crate) mod in_flight;
mod media;
mod story;

use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use infinite_stories_contract::IllustrationStatus;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

pub(crate) use envelope::FnError;

use crate::clock::iso_millis;
use crate::gateway::{BearerError, Caller, caller};
use crate::jwt::JwtError;
use crate::rest::records;
use crate::rest::schema::Table;
use crate::state::AppState;

/// How long a reply is replayed for a repeated `X-Request-ID`.
const IDEMPOTENCY_WINDOW_MS: i64 = 10 * 60 * 1000;

/// The five functions.
const FUNCTIONS: [&str; 5] = [
    "story-generation",
    "audio-synthesis",
    "avatar-generation",
    "scene-illustration",
    "extract-scenes",
];

/// The function routes, mounted at `/functions/v1`.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/{name}", any(invoke))
        .route("/{name}/{*rest}", any(invoke_sub))
}

/// A call's context.
pub(crate) struct Call {
    pub state: AppState,
    pub user: String,
    pub request_id: String,
}

impl Call {
    /// Broadcasts progress on the private channel `progress-{requestId}` (as the deployable
    /// project's functions do with `PROGRESS_PRIVATE` at its default).
    pub(crate) fn progress(&self, progress: f64, status: &str) {
        crate::realtime::broadcast(
            &self.state,
            &format!("progress-{}", self.request_id),
            "progress",
            json!({"progress": progress, "status": status, "requestId": self.request_id}),
            Some(&self.user),
            true,
        );
    }

    /// The caller's row of `table`, or NOT_FOUND / FORBIDDEN.
    pub(crate) async fn owned(
        &self,
        table: &'static Table,
        id: &str,
        what: &str,
    ) -> Result<records::Row, FnError> {
        if uuid::Uuid::parse_str(id).is_err() {
            return Err(FnError::invalid(format!("{what}Id must be a UUID")));
        }
        let row = records::by_id(&self.state, table, id)
            .await?
            .ok_or_else(|| FnError::not_found(&capitalise(what)))?;
        if row.owner != self.user {
            return Err(FnError::forbidden(what));
        }
        Ok(row)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Parses a request body into `T`, naming the offending field on failure.
pub(crate) fn parse<T: DeserializeOwned>(body: &Value) -> Result<T, FnError> {
    infinite_stories_contract::wire::from_json(body)
        .map_err(|e| FnError::invalid(format!("Invalid request: {e}")))
}

async fn invoke_sub(
    state: State<AppState>,
    Path((name, _rest)): Path<(String, String)>,
    method: axum::http::Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    invoke(state, Path(name), method, headers, body).await
}

async fn invoke(
    State(state): State<AppState>,
    Path(name): Path<String>,
    method: axum::http::Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let started = Instant::now();
    let request_id = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128)
        .map(str::to_string);
    let explicit_id = request_id.is_some();
    let request_id = request_id.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let timestamp = iso_millis(state.now_millis());
    let mut response = if !FUNCTIONS.contains(&name.as_str()) {
        (
            StatusCode::NOT_FOUND,
            axum::Json(json!({"code": "NOT_FOUND", "message": "Requested function was not found"})),
        )
            .into_response()
    } else if method != axum::http::Method::POST {
        FnError::new(
            405,
            "INVALID_REQUEST",
            format!("{method} is not allowed; use POST"),
        )
        .respond(&request_id, &timestamp)
    } else {
        match run(
            &state,
            &name,
            &headers,
            body,
            &request_id,
            explicit_id,
            started,
        )
        .await
        {
            Ok(r) => r,
            Err(e) => e.respond(&request_id, &timestamp),
        }
    };
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

fn user_of(state: &AppState, headers: &HeaderMap) -> Result<String, FnError> {
    match caller(state, headers) {
        Ok(Caller::User(u)) => Ok(u.sub),
        Ok(_) => Err(FnError::unauthorized(
            "Sign in first: this function needs a user access token",
        )),
        Err(BearerError::Invalid(JwtError::Expired { .. })) => {
            Err(FnError::unauthorized("The access token has expired"))
        }
        Err(_) => Err(FnError::unauthorized("The access token is not valid")),
    }
}

async fn run(
    state: &AppState,
    name: &str,
    headers: &HeaderMap,
    body: Body,
    request_id: &str,
    explicit_id: bool,
    started: Instant,
) -> Result<Response, FnError> {
    let user = user_of(state, headers)?;
    let bytes = axum::body::to_bytes(body, state.config.max_json_body)
        .await
        .map_err(|_| {
            FnError::new(
                413,
                "PAYLOAD_TOO_LARGE",
                format!(
                    "The request body is over {} bytes",
                    state.config.max_json_body
                ),
            )
        })?;
    let body: Value = serde_json::from_slice(&bytes)
        .map_err(|_| FnError::invalid("Invalid JSON in request body"))?;
    if !body.is_object() {
        return Err(FnError::invalid("The request body must be a JSON object"));
    }
    // Idempotent retries: one attempt at a time per request id, and a stored reply wins.
    let key = format!("{user}\u{0}{name}\u{0}{request_id}");
    let gate = explicit_id.then(|| state.in_flight.gate(&key));
    // Declared before the lock guard so it runs after the lock is released.
    let _release = explicit_id.then(|| state.in_flight.release_on_drop(key.clone()));
    let _held = match &gate {
        Some(g) => Some(g.lock().await),
        None => None,
    };
    if explicit_id && let Some(reply) = stored_reply(state, &user, name, request_id).await? {
        return Ok(reply);
    }
    let weight = if name == "scene-illustration" {
        body.get("scenes")
            .and_then(Value::as_array)
            .map(|a| a.len().max(1))
            .unwrap_or(1) as u32
    } else {
        1
    };
    let mut spend = Spend {
        state,
        rowid: Some(spend_quota(state, &user, name, weight).await?),
    };
    let call = Call {
        state: state.clone(),
        user: user.clone(),
        request_id: request_id.to_string(),
    };
    let work = async {
        match name {
            "story-generation" => story::generate(&call, &body).await,
            "extract-scenes" => story::extract(&call, &body).await,
            "audio-synthesis" => media::narrate(&call, &body).await,
            "avatar-generation" => media::avatar(&call, &body).await,
            "scene-illustration" => illustration::illustrate(&call, &body).await,
            _ => Err(FnError::not_found("Function")),
        }
    };
    let result = match tokio::time::timeout(state.config.function_timeout, work).await {
        Ok(result) => result,
        Err(_) => Err(FnError::new(
            504,
            "TIMEOUT",
            "The story engine did not answer in time; please try again",
        )),
    };
    let data = match result {
        Ok(data) => data,
        Err(e) => {
            // A failed call does not use up the family's quota.
            spend.refund().await?;
            return Err(e);
        }
    };
    spend.settle().await?;
    let body = envelope::success(data, request_id, started.elapsed().as_millis());
    if explicit_id {
        sqlx::query("INSERT OR REPLACE INTO function_replies (user_id, function, request_id, status, body, at) VALUES (?,?,?,?,?,?)")
            .bind(&user)
            .bind(name)
            .bind(request_id)
            .bind(200_i64)
            .bind(body.to_string())
            .bind(state.now_millis())
            .execute(&state.db)
            .await?;
    }
    Ok(axum::Json(body).into_response())
}

/// A call's quota spending, refunded unless the call succeeded: on failure at once, and when
/// the call is dropped half-way (its client went away) from a task of its own.
struct Spend<'a> {
    state: &'a AppState,
    rowid: Option<i64>,
}

impl Spend<'_> {
    async fn refund(&mut self) -> Result<(), sqlx::Error> {
        if let Some(rowid) = self.rowid.take() {
            refund_spend(self.state, rowid).await?;
        }
        Ok(())
    }

    /// The call succeeded: its spending stays.
    async fn settle(&mut self) -> Result<(), sqlx::Error> {
        if let Some(rowid) = self.rowid.take() {
            sqlx::query("UPDATE quota_spend SET settled = 1 WHERE rowid = ?")
                .bind(rowid)
                .execute(&self.state.db)
                .await?;
        }
        Ok(())
    }
}

impl Drop for Spend<'_> {
    fn drop(&mut self) {
        let Some(rowid) = self.rowid.take() else {
            return;
        };
        let state = self.state.clone();
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Err(e) = refund_spend(&state, rowid).await {
                    tracing::warn!(error = %e, "could not refund an abandoned call's quota");
                }
            });
        }
    }
}

async fn refund_spend(state: &AppState, rowid: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM quota_spend WHERE rowid = ?")
        .bind(rowid)
        .execute(&state.db)
        .await
        .map(|_| ())
}

/// What a call says about a picture that a stopped or killed process left half-drawn.
pub(crate) const INTERRUPTED: &str =
    "Interrupted: the app stopped while this picture was being drawn. Try it again.";

/// Settles the work a killed or stopped process left behind, before the server serves: every
/// illustration still `pending` or `processing` becomes `failed` (retryable, with
/// [`INTERRUPTED`]), and every call's unsettled quota spending is refunded. Returns how many
/// illustrations and spendings were settled.
pub(crate) async fn settle_interrupted(state: &AppState) -> Result<(u64, u64), sqlx::Error> {
    let now = crate::clock::iso_micros(state.now_millis());
    let pictures = sqlx::query(
        "UPDATE records SET body = json_set(body, '$.status', ?4, '$.error_message', ?1, \
         '$.updated_at', ?2) WHERE tbl = ?3 AND json_extract(body, '$.status') IN (?5, ?6)",
    )
    .bind(INTERRUPTED)
    .bind(&now)
    .bind(crate::rest::schema::STORY_ILLUSTRATIONS.name)
    .bind(IllustrationStatus::Failed.id())
    .bind(IllustrationStatus::Pending.id())
    .bind(IllustrationStatus::Processing.id())
    .execute(&state.db)
    .await?
    .rows_affected();
    let spent = sqlx::query("DELETE FROM quota_spend WHERE settled = 0")
        .execute(&state.db)
        .await?
        .rows_affected();
    if pictures + spent > 0 {
        tracing::info!(pictures, spent, "settled work interrupted by the last stop");
    }
    Ok((pictures, spent))
}

async fn stored_reply(
    state: &AppState,
    user: &str,
    name: &str,
    request_id: &str,
) -> Result<Option<Response>, FnError> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT status, body FROM function_replies WHERE user_id = ? AND function = ? AND request_id = ? AND at > ?",
    )
    .bind(user)
    .bind(name)
    .bind(request_id)
    .bind(state.now_millis() - IDEMPOTENCY_WINDOW_MS)
    .fetch_optional(&state.db)
    .await?;
    Ok(row.map(|(status, body)| {
        let status = StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK);
        let mut body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        body["meta"]["cached"] = json!(true);
        (status, axum::Json(body)).into_response()
    }))
}

/// Records `weight` units of `function` for `user`, or refuses with RATE_LIMITED when the
/// sliding hour is full. Returns the spend's rowid (deleted again if the call fails).
async fn spend_quota(
    state: &AppState,
    user: &str,
    function: &str,
    weight: u32,
) -> Result<i64, FnError> {
    let q = &state.config.quotas;
    let limit = match function {
        "story-generation" => q.story_generation,
        "audio-synthesis" => q.audio_synthesis,
        "avatar-generation" => q.avatar_generation,
        "scene-illustration" => q.scene_illustration,
        _ => q.extract_scenes,
    };
    let now = state.now_millis();
    let window = q.window.as_millis() as i64;
    let _serialised = state.records_lock.lock().await;
    // Housekeeping: spending older than the window and replies older than the replay window
    // can never matter again.
    sqlx::query("DELETE FROM quota_spend WHERE user_id = ? AND function = ? AND at <= ?")
        .bind(user)
        .bind(function)
        .bind(now - window)
        .execute(&state.db)
        .await?;
    sqlx::query("DELETE FROM function_replies WHERE user_id = ? AND at <= ?")
        .bind(user)
        .bind(now - IDEMPOTENCY_WINDOW_MS)
        .execute(&state.db)
        .await?;
    let spent: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT weight, at FROM quota_spend WHERE user_id = ? AND function = ? AND at > ? ORDER BY at",
    )
    .bind(user)
    .bind(function)
    .bind(now - window)
    .fetch_all(&state.db)
    .await?;
    let used: i64 = spent.iter().map(|(w, _)| w).sum();
    if used + i64::from(weight) > i64::from(limit) {
        // Wait until enough of the oldest spending has left the window.
        let mut freed = 0;
        let mut until = now + window;
        for (w, at) in &spent {
            freed += w;
            if used - freed + i64::from(weight) <= i64::from(limit) {
                until = at + window;
                break;
            }
        }
        let retry = ((until - now).max(1000) + 999) / 1000;
        return Err(FnError::rate_limited(retry as u64, function, limit));
    }
    let id = sqlx::query(
        "INSERT INTO quota_spend (user_id, function, weight, at, settled) VALUES (?,?,?,?,0)",
    )
    .bind(user)
    .bind(function)
    .bind(i64::from(weight))
    .bind(now)
    .execute(&state.db)
    .await?
    .last_insert_rowid();
    Ok(id)
}
