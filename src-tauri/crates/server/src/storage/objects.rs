//! Stored objects: metadata rows in SQLite, bytes in files under the data directory written
//! atomically, and the signed download URLs that point at them.

use std::path::{Path as FsPath, PathBuf};

use serde_json::{Value, json};
use sqlx::Row;

use super::StorageError;
use crate::clock::iso_micros;
use crate::state::AppState;

pub(super) fn file_path(state: &AppState, bucket: &str, name: &str) -> PathBuf {
    state.storage_root.join(bucket).join(name)
}

/// Object metadata.
#[derive(Debug, Clone)]
pub(super) struct Object {
    pub id: String,
    pub bucket: String,
    pub name: String,
    pub owner: Option<String>,
    pub size: i64,
    pub mimetype: String,
    pub cache_control: String,
    pub etag: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Object {
    pub(super) fn from_row(r: &sqlx::sqlite::SqliteRow) -> Self {
        Object {
            id: r.get("id"),
            bucket: r.get("bucket"),
            name: r.get("name"),
            owner: r.get("owner_id"),
            size: r.get("size"),
            mimetype: r.get("mimetype"),
            cache_control: r.get("cache_control"),
            etag: r.get("etag"),
            created_at: r.get("created_at"),
            updated_at: r.get("updated_at"),
        }
    }

    pub(super) fn metadata(&self) -> Value {
        json!({"eTag": self.etag, "size": self.size, "mimetype": self.mimetype,
               "cacheControl": self.cache_control, "lastModified": iso_micros(self.updated_at),
               "contentLength": self.size, "httpStatusCode": 200})
    }

    pub(super) fn row_json(&self) -> Value {
        json!({"bucket_id": self.bucket, "name": self.name, "id": self.id, "owner": self.owner,
               "owner_id": self.owner, "created_at": iso_micros(self.created_at),
               "updated_at": iso_micros(self.updated_at), "last_accessed_at": iso_micros(self.updated_at),
               "metadata": self.metadata()})
    }
}

pub(super) async fn find(
    state: &AppState,
    bucket: &str,
    name: &str,
) -> Result<Option<Object>, StorageError> {
    let row = sqlx::query("SELECT * FROM objects WHERE bucket = ? AND name = ?")
        .bind(bucket)
        .bind(name)
        .fetch_optional(&state.db)
        .await?;
    Ok(row.as_ref().map(Object::from_row))
}

/// Where and how to store an object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewObject<'a> {
    pub bucket: &'a str,
    pub name: &'a str,
    pub mimetype: &'a str,
    pub cache_control: &'a str,
    pub owner: Option<&'a str>,
    /// `false` refuses to overwrite an existing object.
    pub upsert: bool,
}

/// Stores an object (used by uploads and by the functions).
pub(crate) async fn put_object(
    state: &AppState,
    object: &NewObject<'_>,
    bytes: &[u8],
) -> Result<String, StorageError> {
    let NewObject {
        bucket,
        name,
        mimetype,
        cache_control,
        owner,
        upsert,
    } = *object;
    let existing = find(state, bucket, name).await?;
    if existing.is_some() && !upsert {
        return Err(StorageError::exists());
    }
    let now = state.now_millis();
    let id = existing
        .as_ref()
        .map(|o| o.id.clone())
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let etag = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(bytes);
        format!(
            "\"{}\"",
            digest
                .iter()
                .take(16)
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        )
    };
    let tmp = state
        .storage_root
        .join(".tmp")
        .join(uuid::Uuid::new_v4().to_string());
    let target = file_path(state, bucket, name);
    let data = bytes.to_vec();
    tokio::task::spawn_blocking(move || write_atomic(&tmp, &target, &data))
        .await
        .map_err(|_| StorageError::internal())??;
    sqlx::query(
        "INSERT INTO objects (bucket, name, id, owner_id, size, mimetype, cache_control, etag, created_at, updated_at) \
         VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (bucket, name) DO UPDATE SET size = excluded.size, \
         mimetype = excluded.mimetype, cache_control = excluded.cache_control, etag = excluded.etag, \
         updated_at = excluded.updated_at, owner_id = excluded.owner_id",
    )
    .bind(bucket)
    .bind(name)
    .bind(&id)
    .bind(owner)
    .bind(bytes.len() as i64)
    .bind(mimetype)
    .bind(cache_control)
    .bind(&etag)
    .bind(now)
    .bind(now)
    .execute(&state.db)
    .await?;
    Ok(id)
}

/// A signed download path relative to `/storage/v1`.
pub(crate) fn sign(state: &AppState, bucket: &str, name: &str, expires_in: i64) -> String {
    let now = state.now_secs();
    let token = state
        .signer
        .sign(&json!({"url": format!("{bucket}/{name}"), "iat": now, "exp": now + expires_in}));
    let encoded: Vec<String> = name
        .split('/')
        .map(|s| {
            url::form_urlencoded::byte_serialize(s.as_bytes())
                .collect::<String>()
                .replace('+', "%20")
        })
        .collect();
    format!("/object/sign/{bucket}/{}?token={token}", encoded.join("/"))
}

/// An absolute signed URL for a function response.
pub(crate) fn signed_url(state: &AppState, bucket: &str, name: &str, expires_in: i64) -> String {
    format!(
        "http://{}/storage/v1{}",
        state.address,
        sign(state, bucket, name, expires_in)
    )
}

/// Writes `bytes` to `tmp`, flushes it to disk, then renames it over `target`, so a crash
/// leaves either the old file or the new one.
pub(crate) fn write_atomic(tmp: &FsPath, target: &FsPath, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(parent) = target.parent() {
        infinite_stories_contract::files::private_dir_all(parent)?;
    }
    let mut f = infinite_stories_contract::files::create_private(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(tmp, target)?;
    if let Some(parent) = target.parent()
        && let Ok(dir) = std::fs::File::open(parent)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}
