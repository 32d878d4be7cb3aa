//! `/auth/v1`: a GoTrue-compatible subset — anonymous and email sign-up (auto-confirmed),
//! password and refresh grants, `GET`/`PUT /user` (an anonymous user upgrades in place and keeps
//! its id and rows), logout scopes, per-IP rate limits.

mod error;
mod password;
mod store;

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

pub(crate) use error::AuthError;
use store::User;

use crate::gateway::{BearerError, Caller, UserClaims, bearer, caller_from_token};
use crate::jwt::JwtError;
use crate::state::AppState;

/// The auth routes, mounted at `/auth/v1`.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/signup", post(signup))
        .route("/token", post(token))
        .route("/user", get(get_user).put(put_user))
        .route("/logout", post(logout))
        .route("/settings", get(settings))
        // HS256 keys are symmetric and never published: the set is empty, as GoTrue's is.
        .route(
            "/.well-known/jwks.json",
            get(|| async { axum::Json(json!({"keys": []})) }),
        )
        .route(
            "/health",
            get(|| async { axum::Json(json!({"name": "GoTrue", "version": crate::VERSION})) }),
        )
}

type Reply = Result<Response, AuthError>;

/// Runs a handler body and renders its error in the shape the request asked for.
fn finish(headers: &HeaderMap, reply: Reply) -> Response {
    let mut response = reply.unwrap_or_else(|e| e.render(headers));
    if let Some(v) = headers.get("x-supabase-api-version") {
        response
            .headers_mut()
            .insert("x-supabase-api-version", v.clone());
    }
    response
}

async fn read_json(state: &AppState, body: Body) -> Result<Value, AuthError> {
    let bytes = axum::body::to_bytes(body, state.config.max_json_body)
        .await
        .map_err(|_| AuthError::new(413, "request_too_large", "Request body too large"))?;
    if bytes.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(&bytes)
        .or_else(|_| form_to_json(&bytes))
        .map_err(|_| AuthError::new(400, "bad_json", "Could not parse request body as JSON"))
}

/// `/token` also accepts form bodies.
fn form_to_json(bytes: &[u8]) -> Result<Value, ()> {
    let map: serde_json::Map<String, Value> = url::form_urlencoded::parse(bytes)
        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
        .collect();
    if map.is_empty() {
        Err(())
    } else {
        Ok(Value::Object(map))
    }
}

fn limit(
    state: &AppState,
    ip: &SocketAddr,
    bucket: &str,
    limit: u32,
    window: std::time::Duration,
) -> Result<(), AuthError> {
    state
        .limiter
        .hit(
            &format!("auth:{bucket}:{}", ip.ip()),
            limit,
            window.as_millis() as i64,
            state.now_millis(),
        )
        .map_err(|_| AuthError::rate_limited())
}

fn str_field<'a>(body: &'a Value, key: &str) -> Option<&'a str> {
    body.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn check_password(password: &str) -> Result<(), AuthError> {
    if password.chars().count() < 6 {
        return Err(AuthError::new(
            422,
            "weak_password",
            "Password should be at least 6 characters.",
        ));
    }
    Ok(())
}

fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !email.contains(char::is_whitespace)
}

async fn signup(
    State(state): State<AppState>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let reply = async {
        let body = read_json(&state, body).await?;
        let data = body
            .get("data")
            .filter(|d| d.is_object())
            .cloned()
            .unwrap_or_else(|| json!({}));
        let now = state.now_millis();
        let email = str_field(&body, "email");
        let phone = str_field(&body, "phone");
        if phone.is_some() {
            return Err(AuthError::new(
                422,
                "phone_provider_disabled",
                "Phone signups are disabled",
            ));
        }
        let Some(email) = email else {
            limit(
                &state,
                &ip,
                "anonymous",
                state.config.auth_limits.anonymous_signups,
                state.config.auth_limits.anonymous_window,
            )?;
            let user = User {
                id: uuid::Uuid::new_v4().to_string(),
                email: None,
                password_hash: None,
                is_anonymous: true,
                user_metadata: data,
                app_metadata: json!({}),
                created_at: now,
                updated_at: now,
                last_sign_in_at: Some(now),
                email_confirmed_at: None,
            };
            store::insert_user(&state, &user).await?;
            return respond_session(&state, &user.id, "anonymous").await;
        };
        if !valid_email(email) {
            return Err(AuthError::new(
                400,
                "validation_failed",
                "Unable to validate email address: invalid format",
            ));
        }
        let password = str_field(&body, "password")
            .ok_or_else(|| AuthError::validation("Signup requires a valid password"))?;
        check_password(password)?;
        if store::user_by_email(&state, email).await?.is_some() {
            return Err(AuthError::new(
                422,
                "user_already_exists",
                "User already registered",
            ));
        }
        let mut meta = data;
        if let Some(m) = meta.as_object_mut() {
            m.insert("email".into(), json!(email.to_lowercase()));
            m.insert("email_verified".into(), json!(true));
            m.insert("phone_verified".into(), json!(false));
        }
        let id = uuid::Uuid::new_v4().to_string();
        if let Some(m) = meta.as_object_mut() {
            m.insert("sub".into(), json!(id));
        }
        let user = User {
            id,
            email: Some(email.to_lowercase()),
            password_hash: Some(password::hash_blocking(password).await),
            is_anonymous: false,
            user_metadata: meta,
            app_metadata: json!({"provider": "email", "providers": ["email"]}),
            created_at: now,
            updated_at: now,
            last_sign_in_at: Some(now),
            email_confirmed_at: Some(now),
        };
        store::insert_user(&state, &user).await?;
        respond_session(&state, &user.id, "password").await
    }
    .await;
    finish(&headers, reply)
}

async fn respond_session(state: &AppState, user_id: &str, method: &str) -> Reply {
    let (sess, refresh) = store::create_session(state, user_id, method).await?;
    let user = store::user_by_id(state, user_id)
        .await?
        .ok_or_else(AuthError::unexpected)?;
    Ok(axum::Json(store::session_json(state, &user, &sess, &refresh)).into_response())
}

#[derive(Deserialize)]
struct GrantQuery {
    grant_type: Option<String>,
}

async fn token(
    State(state): State<AppState>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
    Query(query): Query<GrantQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let reply = async {
        let body = read_json(&state, body).await?;
        let grant = query
            .grant_type
            .as_deref()
            .or_else(|| str_field(&body, "grant_type"))
            .unwrap_or("");
        limit(
            &state,
            &ip,
            "token",
            state.config.auth_limits.token_requests,
            state.config.auth_limits.token_window,
        )?;
        match grant {
            "password" => {
                let email = str_field(&body, "email").unwrap_or_default();
                let password = str_field(&body, "password").unwrap_or_default();
                let mut user = store::user_by_email(&state, email)
                    .await?
                    .ok_or_else(AuthError::invalid_credentials)?;
                let stored = user.password_hash.clone().unwrap_or_default();
                match password::verify_blocking(password, &stored).await {
                    password::Verdict::Match => {}
                    password::Verdict::Upgrade => {
                        user.password_hash = Some(password::hash_blocking(password).await);
                        store::update_user(&state, &user).await?;
                    }
                    password::Verdict::Mismatch => return Err(AuthError::invalid_credentials()),
                }
                respond_session(&state, &user.id, "password").await
            }
            "refresh_token" => {
                let presented = str_field(&body, "refresh_token").unwrap_or_default();
                if presented.len() < 12
                    || !presented
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    return Err(AuthError::validation("Refresh token is not valid").grant());
                }
                let (sess, refresh) = store::rotate(&state, presented).await?;
                let user = store::user_by_id(&state, &sess.user_id)
                    .await?
                    .ok_or_else(AuthError::unexpected)?;
                Ok(axum::Json(store::session_json(&state, &user, &sess, &refresh)).into_response())
            }
            _ => Err(AuthError::new(400, "invalid_credentials", "unsupported_grant_type").grant()),
        }
    }
    .await;
    finish(&headers, reply)
}

/// The signed-in user of a `/user` or `/logout` request, with GoTrue's errors.
async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<(UserClaims, User), AuthError> {
    let token = bearer(headers).ok_or_else(|| {
        AuthError::new(
            401,
            "no_authorization",
            "This endpoint requires a valid Bearer token",
        )
    })?;
    let claims = match caller_from_token(state, token) {
        Ok(Caller::User(claims)) => claims,
        Ok(_) => {
            return Err(AuthError::new(
                403,
                "bad_jwt",
                "invalid claim: missing sub claim",
            ));
        }
        Err(BearerError::Invalid(JwtError::Expired { .. })) => {
            return Err(AuthError::new(
                403,
                "bad_jwt",
                "invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired",
            ));
        }
        Err(_) => {
            return Err(AuthError::new(
                403,
                "bad_jwt",
                "invalid JWT: unable to parse or verify signature, token is malformed",
            ));
        }
    };
    if store::session(state, &claims.session_id).await?.is_none() {
        return Err(AuthError::new(
            403,
            "session_not_found",
            "Session from session_id claim in JWT does not exist",
        ));
    }
    let user = store::user_by_id(state, &claims.sub)
        .await?
        .ok_or_else(|| {
            AuthError::new(
                403,
                "user_not_found",
                "User from sub claim in JWT does not exist",
            )
        })?;
    Ok((claims, user))
}

async fn get_user(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let reply = async {
        let (_, user) = signed_in(&state, &headers).await?;
        Ok(axum::Json(user.to_json()).into_response())
    }
    .await;
    finish(&headers, reply)
}

async fn put_user(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let reply = async {
        let (_, mut user) = signed_in(&state, &headers).await?;
        let body = read_json(&state, body).await?;
        let now = state.now_millis();
        if let Some(email) = str_field(&body, "email") {
            let email = email.to_lowercase();
            if !valid_email(&email) {
                return Err(AuthError::new(400, "validation_failed", "Unable to validate email address: invalid format"));
            }
            if user.email.as_deref() != Some(email.as_str()) {
                if store::user_by_email(&state, &email).await?.is_some() {
                    return Err(AuthError::new(422, "email_exists", "A user with this email address has already been registered"));
                }
                user.email = Some(email.clone());
                user.email_confirmed_at = Some(now);
                if let Some(m) = user.user_metadata.as_object_mut() {
                    m.insert("email".into(), json!(email));
                    m.insert("email_verified".into(), json!(true));
                    m.insert("sub".into(), json!(user.id));
                }
            }
        }
        if let Some(password) = str_field(&body, "password") {
            check_password(password)?;
            if user.email.is_none() {
                return Err(AuthError::new(422, "validation_failed", "Updating password of an anonymous user without an email or phone is not allowed"));
            }
            user.password_hash = Some(password::hash_blocking(password).await);
        }
        if let Some(data) = body.get("data").and_then(Value::as_object)
            && let Some(m) = user.user_metadata.as_object_mut()
        {
            for (k, v) in data {
                if v.is_null() { m.remove(k); } else { m.insert(k.clone(), v.clone()); }
            }
        }
        if user.is_anonymous && user.email.is_some() && user.password_hash.is_some() {
            user.is_anonymous = false;
            user.app_metadata = json!({"provider": "email", "providers": ["email"]});
        }
        user.updated_at = now;
        store::update_user(&state, &user).await?;
        Ok(axum::Json(user.to_json()).into_response())
    }
    .await;
    finish(&headers, reply)
}

#[derive(Deserialize)]
struct LogoutQuery {
    scope: Option<String>,
}

async fn logout(
    State(state): State<AppState>,
    Query(q): Query<LogoutQuery>,
    headers: HeaderMap,
) -> Response {
    let reply = async {
        let (claims, user) = signed_in(&state, &headers).await?;
        let sql = match q.scope.as_deref().unwrap_or("global") {
            "global" => "DELETE FROM sessions WHERE user_id = ?1",
            "local" => "DELETE FROM sessions WHERE user_id = ?1 AND id = ?2",
            "others" => "DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2",
            _ => {
                return Err(AuthError::validation(
                    "Parameter scope must be one of global, local, others",
                ));
            }
        };
        sqlx::query(sql)
            .bind(&user.id)
            .bind(&claims.session_id)
            .execute(&state.db)
            .await?;
        Ok(StatusCode::NO_CONTENT.into_response())
    }
    .await;
    finish(&headers, reply)
}

async fn settings() -> Response {
    axum::Json(json!({
        "external": {"anonymous_users": true, "email": true, "phone": false},
        "disable_signup": false, "mailer_autoconfirm": true, "phone_autoconfirm": false,
    }))
    .into_response()
}
