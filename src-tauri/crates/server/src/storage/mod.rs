//! `/storage/v1`: the app's private buckets (`story-audio`, `hero-avatars`,
//! `story-illustrations`) with Supabase Storage's routes: authenticated download, signed URLs
//! (JWTs with `url` and `exp`), upload with `x-upsert`, info, list, move, copy and delete. A
//! user may touch only objects under a first folder named after its id. Bytes live in files
//! written atomically (temp file, fsync, rename); metadata lives in SQLite.
//!
//! Here: the routes table and the checks every route shares (caller, bucket, object name,
//! access). The handlers live in `routes` (buckets and objects) and `signing` (signed URLs);
//! rows and files in `objects`.

mod error;
mod multipart;
mod objects;
mod routes;
mod signing;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

pub(crate) use error::StorageError;
pub(crate) use objects::{NewObject, put_object, signed_url, write_atomic};
use objects::{Object, file_path, find, sign};
use routes::{
    copy_object, delete_many, delete_one, download, exists, get_bucket, info, list, list_buckets,
    move_object, public, update, upload,
};
use signing::{fetch_signed, sign_many, sign_one};

use crate::clock::iso_micros;
use crate::gateway::{BearerError, Caller, caller};
use crate::jwt::JwtError;
use crate::state::AppState;
/// The buckets, all private.
pub(crate) const BUCKETS: [&str; 3] = ["story-audio", "hero-avatars", "story-illustrations"];

/// The storage routes, mounted at `/storage/v1`.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/bucket", get(list_buckets))
        .route("/bucket/{bucket}", get(get_bucket))
        .route("/object/sign/{bucket}", post(sign_many))
        .route(
            "/object/sign/{bucket}/{*path}",
            post(sign_one).get(fetch_signed),
        )
        .route("/object/authenticated/{bucket}/{*path}", get(download))
        .route("/object/public/{bucket}/{*path}", get(public))
        .route("/object/info/{bucket}/{*path}", get(info))
        .route("/object/list/{bucket}", post(list))
        .route("/object/move", post(move_object))
        .route("/object/copy", post(copy_object))
        .route("/object/{bucket}", axum::routing::delete(delete_many))
        .route(
            "/object/{bucket}/{*path}",
            get(download)
                .head(exists)
                .post(upload)
                .put(update)
                .delete(delete_one),
        )
}

fn storage_caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, StorageError> {
    caller(state, headers).map_err(|e| match e {
        BearerError::Invalid(JwtError::Expired { .. }) => {
            StorageError::invalid_jwt("\"exp\" claim timestamp check failed")
        }
        BearerError::Invalid(JwtError::Malformed) => StorageError::invalid_jwt("jwt malformed"),
        BearerError::Invalid(JwtError::BadSignature) => {
            StorageError::invalid_jwt("invalid signature")
        }
        BearerError::MissingClaims => StorageError::invalid_jwt("jwt claims are missing role"),
    })
}

fn check_bucket(bucket: &str) -> Result<(), StorageError> {
    if BUCKETS.contains(&bucket) {
        Ok(())
    } else {
        Err(StorageError::no_bucket())
    }
}

/// Normalises an object name: no leading slash, no empty, `.` or `..` segments.
fn clean_name(path: &str) -> Result<String, StorageError> {
    let name: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if name.is_empty()
        || path.len() > 1024
        || name
            .iter()
            .any(|s| *s == "." || *s == ".." || s.contains('\\') || s.contains('\0'))
    {
        return Err(StorageError::invalid_key(format!("Invalid key: {path}")));
    }
    Ok(name.join("/"))
}

/// Whether the caller may touch `name` (first folder = its user id).
/// The object at `bucket/path` as the caller may see it: 404 when it does not exist or belongs
/// to someone else (a private bucket never tells which).
async fn visible_object(
    state: &AppState,
    headers: &HeaderMap,
    bucket: &str,
    path: &str,
) -> Result<Object, StorageError> {
    let who = storage_caller(state, headers)?;
    check_bucket(bucket)?;
    let name = clean_name(path)?;
    if !may_access(&who, &name) {
        return Err(StorageError::not_found());
    }
    find(state, bucket, &name)
        .await?
        .ok_or_else(StorageError::not_found)
}

fn may_access(who: &Caller, name: &str) -> bool {
    match who {
        Caller::Service => true,
        Caller::User(u) => name.split('/').next() == Some(u.sub.as_str()),
        Caller::Anon => false,
    }
}

async fn read_limited(
    state: &AppState,
    body: Body,
    limit: usize,
) -> Result<bytes::Bytes, StorageError> {
    let _ = state;
    axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| StorageError::too_large())
}

async fn json_body(state: &AppState, body: Body) -> Result<Value, StorageError> {
    let bytes = read_limited(state, body, state.config.max_json_body).await?;
    if bytes.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(&bytes)
        .map_err(|_| StorageError::new(400, "InvalidRequest", "Bad Request", "body must be JSON"))
}

async fn send_file(
    state: &AppState,
    obj: &Object,
    download: Option<&str>,
) -> Result<Response, StorageError> {
    let path = file_path(state, &obj.bucket, &obj.name);
    let bytes = match tokio::fs::read(&path).await {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StorageError::not_found()),
        Err(e) => return Err(e.into()),
    };
    let mut r = (StatusCode::OK, bytes).into_response();
    let h = r.headers_mut();
    for (k, v) in [
        ("content-type", obj.mimetype.as_str()),
        ("cache-control", obj.cache_control.as_str()),
        ("etag", obj.etag.as_str()),
    ] {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(k, v);
        }
    }
    if let Some(name) = download {
        let file = if name.is_empty() {
            obj.name.rsplit('/').next().unwrap_or("file")
        } else {
            name
        };
        if let Ok(v) = HeaderValue::from_str(&format!(
            "attachment; filename=\"{}\"",
            file.replace('"', "")
        )) {
            h.insert("content-disposition", v);
        }
    }
    Ok(r)
}

#[derive(Deserialize)]
struct DownloadQuery {
    download: Option<String>,
    token: Option<String>,
}
