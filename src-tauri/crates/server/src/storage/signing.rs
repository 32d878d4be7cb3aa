//! Signed URLs of `/storage/v1`: signing one or many objects (JWTs carrying `url` and `exp`)
//! and serving a signed URL's object without a session.

use super::*;

/// The longest a signed URL may live: ten years, in seconds (far past any use, and far from
/// overflowing an expiry time).
const MAX_EXPIRES_IN: i64 = 10 * 365 * 24 * 3600;

/// `expiresIn` of a signing request: whole seconds from 1 to [`MAX_EXPIRES_IN`].
fn expires_in(body: &Value) -> Result<i64, StorageError> {
    match body.get("expiresIn").and_then(Value::as_i64) {
        Some(n) if (1..=MAX_EXPIRES_IN).contains(&n) => Ok(n),
        _ => Err(StorageError::new(
            400,
            "InvalidRequest",
            "Bad Request",
            format!("body/expiresIn must be a whole number of seconds from 1 to {MAX_EXPIRES_IN}"),
        )),
    }
}

pub(super) async fn sign_one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((bucket, path)): Path<(String, String)>,
    body: Body,
) -> Result<Response, StorageError> {
    let body = json_body(&state, body).await?;
    let ttl = expires_in(&body)?;
    let obj = visible_object(&state, &headers, &bucket, &path).await?;
    Ok(axum::Json(json!({"signedURL": sign(&state, &bucket, &obj.name, ttl)})).into_response())
}

pub(super) async fn sign_many(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(bucket): Path<String>,
    body: Body,
) -> Result<Response, StorageError> {
    let who = storage_caller(&state, &headers)?;
    check_bucket(&bucket)?;
    let body = json_body(&state, body).await?;
    let ttl = expires_in(&body)?;
    let mut out = Vec::new();
    for p in body
        .get("paths")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let p = p.as_str().unwrap_or_default().to_string();
        let ok = match clean_name(&p) {
            Ok(name)
                if may_access(&who, &name) && find(&state, &bucket, &name).await?.is_some() =>
            {
                Some(name)
            }
            _ => None,
        };
        out.push(match ok {
            Some(name) => json!({"error": null, "path": p, "signedURL": sign(&state, &bucket, &name, ttl)}),
            None => json!({"error": "Either the object does not exist or you do not have access to it", "path": p, "signedURL": null}),
        });
    }
    Ok(axum::Json(out).into_response())
}

pub(super) async fn fetch_signed(
    State(state): State<AppState>,
    Path((bucket, path)): Path<(String, String)>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, StorageError> {
    check_bucket(&bucket)?;
    let name = clean_name(&path)?;
    let token = q.token.as_deref().ok_or_else(|| {
        StorageError::invalid_jwt("querystring must have required property 'token'")
    })?;
    let claims = state
        .signer
        .verify(token, state.now_secs())
        .map_err(|e| match e {
            JwtError::Expired { .. } => StorageError::invalid_jwt("jwt expired"),
            _ => StorageError::invalid_jwt("invalid signature"),
        })?;
    if claims.get("url").and_then(Value::as_str) != Some(format!("{bucket}/{name}").as_str()) {
        return Err(StorageError::invalid_jwt(
            "Invalid signature for this object",
        ));
    }
    let obj = find(&state, &bucket, &name)
        .await?
        .ok_or_else(StorageError::not_found)?;
    send_file(&state, &obj, q.download.as_deref()).await
}
