//! The bucket and object handlers of `/storage/v1`: list and read buckets; upload (with
//! `x-upsert`), download, `HEAD`, info, list, delete, move and copy objects.

use super::*;

pub(super) async fn list_buckets(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StorageError> {
    storage_caller(&state, &headers)?;
    let list: Vec<Value> = BUCKETS.iter().map(|b| bucket_json(b)).collect();
    Ok(axum::Json(list).into_response())
}

fn bucket_json(b: &str) -> Value {
    json!({"id": b, "name": b, "owner": "", "public": false, "file_size_limit": 52_428_800,
           "allowed_mime_types": null, "created_at": "2026-01-01T00:00:00.000000Z", "updated_at": "2026-01-01T00:00:00.000000Z"})
}

pub(super) async fn get_bucket(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(bucket): Path<String>,
) -> Result<Response, StorageError> {
    storage_caller(&state, &headers)?;
    check_bucket(&bucket)?;
    Ok(axum::Json(bucket_json(&bucket)).into_response())
}

async fn write_upload(
    state: AppState,
    headers: HeaderMap,
    bucket: String,
    path: String,
    body: Body,
    upsert: bool,
) -> Result<Response, StorageError> {
    let who = storage_caller(&state, &headers)?;
    check_bucket(&bucket)?;
    let name = clean_name(&path)?;
    if !may_access(&who, &name) {
        return Err(StorageError::denied());
    }
    if let Some(len) = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        && len > state.config.max_upload
    {
        return Err(StorageError::too_large());
    }
    let raw = read_limited(&state, body, state.config.max_upload).await?;
    let header = |k: &str| {
        headers
            .get(k)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header("content-type").unwrap_or_else(|| "application/octet-stream".into());
    let (bytes, mime, cache) = if content_type.starts_with("multipart/form-data") {
        let form = multipart::parse(&content_type, &raw).ok_or_else(|| {
            StorageError::new(
                400,
                "InvalidRequest",
                "Bad Request",
                "the multipart body has no file",
            )
        })?;
        let cache = form.cache_control.map(|c| format!("max-age={c}"));
        (form.file, form.content_type, cache)
    } else {
        (raw.to_vec(), content_type, header("cache-control"))
    };
    let mime = mime.as_str();
    let cache = cache.as_deref().unwrap_or("max-age=3600");
    let owner = match &who {
        Caller::User(u) => Some(u.sub.clone()),
        _ => name.split('/').next().map(str::to_string),
    };
    let id = put_object(
        &state,
        &NewObject {
            bucket: &bucket,
            name: &name,
            mimetype: mime,
            cache_control: cache,
            owner: owner.as_deref(),
            upsert,
        },
        &bytes,
    )
    .await?;
    Ok(axum::Json(json!({"Id": id, "Key": format!("{bucket}/{name}")})).into_response())
}

pub(super) async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((bucket, path)): Path<(String, String)>,
    body: Body,
) -> Result<Response, StorageError> {
    let upsert = headers
        .get("x-upsert")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    write_upload(state, headers, bucket, path, body, upsert).await
}

pub(super) async fn update(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((bucket, path)): Path<(String, String)>,
    body: Body,
) -> Result<Response, StorageError> {
    visible_object(&state, &headers, &bucket, &path).await?;
    write_upload(state, headers, bucket, path, body, true).await
}

pub(super) async fn download(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((bucket, path)): Path<(String, String)>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, StorageError> {
    let obj = visible_object(&state, &headers, &bucket, &path).await?;
    send_file(&state, &obj, q.download.as_deref()).await
}

pub(super) async fn exists(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((bucket, path)): Path<(String, String)>,
) -> Response {
    let found = async {
        let who = storage_caller(&state, &headers).ok()?;
        let name = clean_name(&path).ok()?;
        if !BUCKETS.contains(&bucket.as_str()) || !may_access(&who, &name) {
            return None;
        }
        find(&state, &bucket, &name).await.ok().flatten()
    }
    .await;
    match found {
        Some(obj) => {
            let mut r = StatusCode::OK.into_response();
            if let Ok(v) = HeaderValue::from_str(&obj.mimetype) {
                r.headers_mut().insert("content-type", v);
            }
            r.headers_mut()
                .insert("content-length", HeaderValue::from(obj.size));
            r
        }
        None => StatusCode::BAD_REQUEST.into_response(),
    }
}

pub(super) async fn public(
    Path((bucket, _path)): Path<(String, String)>,
) -> Result<Response, StorageError> {
    check_bucket(&bucket)?;
    // Every bucket is private: children's stories are never world-readable by URL.
    Err(StorageError::no_bucket())
}

pub(super) async fn info(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((bucket, path)): Path<(String, String)>,
) -> Result<Response, StorageError> {
    let o = visible_object(&state, &headers, &bucket, &path).await?;
    Ok(axum::Json(json!({
        "id": o.id, "name": o.name, "version": o.etag, "bucket_id": o.bucket, "size": o.size,
        "content_type": o.mimetype, "cache_control": o.cache_control, "etag": o.etag,
        "metadata": {}, "last_modified": iso_micros(o.updated_at), "created_at": iso_micros(o.created_at),
    }))
    .into_response())
}

pub(super) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(bucket): Path<String>,
    body: Body,
) -> Result<Response, StorageError> {
    let who = storage_caller(&state, &headers)?;
    check_bucket(&bucket)?;
    let body = json_body(&state, body).await?;
    let prefix = body
        .get("prefix")
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim_matches('/')
        .to_string();
    let limit = body.get("limit").and_then(Value::as_u64).unwrap_or(100) as usize;
    let offset = body.get("offset").and_then(Value::as_u64).unwrap_or(0) as usize;
    let search = body
        .get("search")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_lowercase();
    let desc = body.pointer("/sortBy/order").and_then(Value::as_str) == Some("desc");
    let rows = sqlx::query("SELECT * FROM objects WHERE bucket = ? ORDER BY name")
        .bind(&bucket)
        .fetch_all(&state.db)
        .await?;
    let base = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}/")
    };
    let mut folders: Vec<String> = Vec::new();
    let mut files: Vec<Object> = Vec::new();
    for obj in rows.iter().map(Object::from_row) {
        if !may_access(&who, &obj.name) {
            continue;
        }
        let Some(rest) = obj.name.strip_prefix(&base) else {
            continue;
        };
        match rest.split_once('/') {
            Some((folder, _)) => {
                if !folders.iter().any(|f| f == folder) {
                    folders.push(folder.to_string());
                }
            }
            None => files.push(obj.clone()),
        }
    }
    let mut entries: Vec<(String, Value)> = folders
        .into_iter()
        .map(|f| (f.clone(), json!({"name": f, "id": null, "updated_at": null, "created_at": null, "last_accessed_at": null, "metadata": null})))
        .chain(files.into_iter().map(|o| {
            let short = o.name.rsplit('/').next().unwrap_or_default().to_string();
            let mut v = o.row_json();
            v["name"] = json!(short);
            (short, v)
        }))
        .filter(|(n, _)| search.is_empty() || n.to_lowercase().contains(&search))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if desc {
        entries.reverse();
    }
    let page: Vec<Value> = entries
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(_, v)| v)
        .collect();
    Ok(axum::Json(page).into_response())
}

async fn remove(
    state: &AppState,
    who: &Caller,
    bucket: &str,
    names: Vec<String>,
) -> Result<Vec<Value>, StorageError> {
    let mut deleted = Vec::new();
    for raw in names {
        let Ok(name) = clean_name(&raw) else { continue };
        if !may_access(who, &name) {
            continue;
        }
        if let Some(obj) = find(state, bucket, &name).await? {
            sqlx::query("DELETE FROM objects WHERE bucket = ? AND name = ?")
                .bind(bucket)
                .bind(&name)
                .execute(&state.db)
                .await?;
            let _ = tokio::fs::remove_file(file_path(state, bucket, &name)).await;
            deleted.push(obj.row_json());
        }
    }
    Ok(deleted)
}

pub(super) async fn delete_many(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(bucket): Path<String>,
    body: Body,
) -> Result<Response, StorageError> {
    let who = storage_caller(&state, &headers)?;
    check_bucket(&bucket)?;
    let body = json_body(&state, body).await?;
    let names: Vec<String> = body
        .get("prefixes")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    Ok(axum::Json(remove(&state, &who, &bucket, names).await?).into_response())
}

pub(super) async fn delete_one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((bucket, path)): Path<(String, String)>,
) -> Result<Response, StorageError> {
    let who = storage_caller(&state, &headers)?;
    check_bucket(&bucket)?;
    let deleted = remove(&state, &who, &bucket, vec![path]).await?;
    if deleted.is_empty() {
        return Err(StorageError::not_found());
    }
    Ok(axum::Json(json!({"message": "Successfully deleted"})).into_response())
}

async fn relocate(
    state: AppState,
    headers: HeaderMap,
    body: Body,
    keep_source: bool,
) -> Result<Response, StorageError> {
    let who = storage_caller(&state, &headers)?;
    let body = json_body(&state, body).await?;
    let field = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_string);
    let bucket = field("bucketId").ok_or_else(StorageError::no_bucket)?;
    check_bucket(&bucket)?;
    let dest_bucket = field("destinationBucket").unwrap_or_else(|| bucket.clone());
    check_bucket(&dest_bucket)?;
    let from = clean_name(&field("sourceKey").unwrap_or_default())?;
    let to = clean_name(&field("destinationKey").unwrap_or_default())?;
    if !may_access(&who, &from) || !may_access(&who, &to) {
        return Err(StorageError::not_found());
    }
    let obj = find(&state, &bucket, &from)
        .await?
        .ok_or_else(StorageError::not_found)?;
    let bytes = tokio::fs::read(file_path(&state, &bucket, &from)).await?;
    put_object(
        &state,
        &NewObject {
            bucket: &dest_bucket,
            name: &to,
            mimetype: &obj.mimetype,
            cache_control: &obj.cache_control,
            owner: obj.owner.as_deref(),
            upsert: false,
        },
        &bytes,
    )
    .await?;
    if !keep_source {
        remove(&state, &Caller::Service, &bucket, vec![from]).await?;
        return Ok(axum::Json(json!({"message": "Successfully moved"})).into_response());
    }
    Ok(axum::Json(json!({"Key": format!("{dest_bucket}/{to}")})).into_response())
}

pub(super) async fn move_object(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, StorageError> {
    relocate(state, headers, body, false).await
}

pub(super) async fn copy_object(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, StorageError> {
    relocate(state, headers, body, true).await
}
