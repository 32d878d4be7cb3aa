//! Users, sessions and refresh tokens in the database, and the JSON GoTrue returns for them.

use rand::Rng;
use serde_json::{Value, json};
use sqlx::Row;

use super::error::AuthError;
use crate::clock::iso_micros;
use crate::state::AppState;

/// A user row.
#[derive(Debug, Clone)]
pub(crate) struct User {
    pub id: String,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub is_anonymous: bool,
    pub user_metadata: Value,
    pub app_metadata: Value,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_sign_in_at: Option<i64>,
    pub email_confirmed_at: Option<i64>,
}

impl User {
    fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        let meta = |col: &str| -> Result<Value, sqlx::Error> {
            let text: String = row.try_get(col)?;
            Ok(serde_json::from_str(&text).unwrap_or_else(|_| json!({})))
        };
        Ok(User {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            password_hash: row.try_get("password_hash")?,
            is_anonymous: row.try_get::<i64, _>("is_anonymous")? != 0,
            user_metadata: meta("user_metadata")?,
            app_metadata: meta("app_metadata")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
            last_sign_in_at: row.try_get("last_sign_in_at")?,
            email_confirmed_at: row.try_get("email_confirmed_at")?,
        })
    }

    /// GoTrue's user object.
    pub(crate) fn to_json(&self) -> Value {
        let email = self.email.clone().unwrap_or_default();
        let mut user = json!({
            "id": self.id, "aud": "authenticated", "role": "authenticated",
            "email": email, "phone": "",
            "app_metadata": self.app_metadata, "user_metadata": self.user_metadata,
            "identities": [],
            "created_at": iso_micros(self.created_at), "updated_at": iso_micros(self.updated_at),
            "is_anonymous": self.is_anonymous,
        });
        if let Some(t) = self.email_confirmed_at {
            user["email_confirmed_at"] = json!(iso_micros(t));
            user["confirmed_at"] = json!(iso_micros(t));
        }
        if let Some(t) = self.last_sign_in_at {
            user["last_sign_in_at"] = json!(iso_micros(t));
        }
        if !self.is_anonymous && !email.is_empty() {
            let ts = iso_micros(self.created_at);
            user["identities"] = json!([{
                "identity_id": self.id, "id": self.id, "user_id": self.id,
                "identity_data": {"email": email, "sub": self.id, "email_verified": true, "phone_verified": false},
                "provider": "email", "last_sign_in_at": ts, "created_at": ts, "updated_at": ts, "email": email,
            }]);
        }
        user
    }
}

pub(crate) async fn user_by_id(state: &AppState, id: &str) -> Result<Option<User>, AuthError> {
    let row = sqlx::query("SELECT * FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(&state.db)
        .await?;
    Ok(row.as_ref().map(User::from_row).transpose()?)
}

pub(crate) async fn user_by_email(
    state: &AppState,
    email: &str,
) -> Result<Option<User>, AuthError> {
    let row = sqlx::query("SELECT * FROM users WHERE email = ?")
        .bind(email.to_lowercase())
        .fetch_optional(&state.db)
        .await?;
    Ok(row.as_ref().map(User::from_row).transpose()?)
}

pub(crate) async fn insert_user(state: &AppState, user: &User) -> Result<(), AuthError> {
    sqlx::query(
        "INSERT INTO users (id, email, password_hash, is_anonymous, user_metadata, app_metadata, \
         created_at, updated_at, last_sign_in_at, email_confirmed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
    )
    .bind(&user.id)
    .bind(user.email.as_ref().map(|e| e.to_lowercase()))
    .bind(&user.password_hash)
    .bind(i64::from(user.is_anonymous))
    .bind(user.user_metadata.to_string())
    .bind(user.app_metadata.to_string())
    .bind(user.created_at)
    .bind(user.updated_at)
    .bind(user.last_sign_in_at)
    .bind(user.email_confirmed_at)
    .execute(&state.db)
    .await?;
    Ok(())
}

pub(crate) async fn update_user(state: &AppState, user: &User) -> Result<(), AuthError> {
    sqlx::query(
        "UPDATE users SET email = ?, password_hash = ?, is_anonymous = ?, user_metadata = ?, \
         app_metadata = ?, updated_at = ?, last_sign_in_at = ?, email_confirmed_at = ? WHERE id = ?",
    )
    .bind(user.email.as_ref().map(|e| e.to_lowercase()))
    .bind(&user.password_hash)
    .bind(i64::from(user.is_anonymous))
    .bind(user.user_metadata.to_string())
    .bind(user.app_metadata.to_string())
    .bind(user.updated_at)
    .bind(user.last_sign_in_at)
    .bind(user.email_confirmed_at)
    .bind(&user.id)
    .execute(&state.db)
    .await?;
    Ok(())
}

/// A new opaque refresh token (32 lowercase alphanumerics).
pub(crate) fn new_refresh_token() -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..32)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}

/// A session row.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub id: String,
    pub user_id: String,
    pub amr_method: String,
    pub amr_at: i64,
}

pub(crate) async fn session(state: &AppState, id: &str) -> Result<Option<Session>, AuthError> {
    let row = sqlx::query("SELECT id, user_id, amr_method, amr_at FROM sessions WHERE id = ?")
        .bind(id)
        .fetch_optional(&state.db)
        .await?;
    Ok(row.map(|r| Session {
        id: r.get("id"),
        user_id: r.get("user_id"),
        amr_method: r.get("amr_method"),
        amr_at: r.get("amr_at"),
    }))
}

/// Creates a session and its first refresh token.
pub(crate) async fn create_session(
    state: &AppState,
    user_id: &str,
    amr_method: &str,
) -> Result<(Session, String), AuthError> {
    let now = state.now_millis();
    let session = Session {
        id: uuid::Uuid::new_v4().to_string(),
        user_id: user_id.to_string(),
        amr_method: amr_method.to_string(),
        amr_at: now / 1000,
    };
    let token = new_refresh_token();
    let mut tx = infinite_stories_contract::sqlite::begin_write(&state.db).await?;
    sqlx::query(
        "INSERT INTO sessions (id, user_id, amr_method, amr_at, created_at) VALUES (?,?,?,?,?)",
    )
    .bind(&session.id)
    .bind(user_id)
    .bind(amr_method)
    .bind(session.amr_at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO refresh_tokens (token, session_id, parent, created_at) VALUES (?,?,NULL,?)",
    )
    .bind(&token)
    .bind(&session.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE users SET last_sign_in_at = ? WHERE id = ?")
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((session, token))
}

/// Refresh-token rotation with parent reuse, a reuse interval and family revocation
/// (reference §1.5). Returns the session and the refresh token to hand out.
pub(crate) async fn rotate(
    state: &AppState,
    presented: &str,
) -> Result<(Session, String), AuthError> {
    let _serialised = state.auth_lock.lock().await;
    let now = state.now_millis();
    let row = sqlx::query("SELECT session_id, revoked_at FROM refresh_tokens WHERE token = ?")
        .bind(presented)
        .fetch_optional(&state.db)
        .await?;
    let Some(row) = row else {
        return Err(AuthError::new(
            400,
            "refresh_token_not_found",
            "Invalid Refresh Token: Refresh Token Not Found",
        )
        .grant());
    };
    let session_id: String = row.get("session_id");
    let revoked_at: Option<i64> = row.get("revoked_at");
    let Some(sess) = session(state, &session_id).await? else {
        return Err(AuthError::new(
            400,
            "session_not_found",
            "Invalid Refresh Token: No Valid Session Found",
        )
        .grant());
    };
    match revoked_at {
        None => {
            let child = new_refresh_token();
            let mut tx = infinite_stories_contract::sqlite::begin_write(&state.db).await?;
            sqlx::query("UPDATE refresh_tokens SET revoked_at = ? WHERE token = ?")
                .bind(now)
                .bind(presented)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO refresh_tokens (token, session_id, parent, created_at) VALUES (?,?,?,?)")
                .bind(&child)
                .bind(&session_id)
                .bind(presented)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok((sess, child))
        }
        Some(revoked) => {
            let active: Option<String> = sqlx::query_scalar(
                "SELECT token FROM refresh_tokens WHERE session_id = ? AND revoked_at IS NULL \
                 ORDER BY created_at DESC LIMIT 1",
            )
            .bind(&session_id)
            .fetch_optional(&state.db)
            .await?;
            let active_parent: Option<String> = match &active {
                Some(t) => {
                    sqlx::query_scalar("SELECT parent FROM refresh_tokens WHERE token = ?")
                        .bind(t)
                        .fetch_one(&state.db)
                        .await?
                }
                None => None,
            };
            let within_window =
                now - revoked < state.config.refresh_reuse_interval.as_millis() as i64;
            match active {
                Some(active) if active_parent.as_deref() == Some(presented) || within_window => {
                    Ok((sess, active))
                }
                _ => {
                    sqlx::query("DELETE FROM sessions WHERE id = ?")
                        .bind(&session_id)
                        .execute(&state.db)
                        .await?;
                    tracing::warn!(session = %session_id, "refresh token reused after the reuse interval: session revoked");
                    Err(AuthError::new(
                        400,
                        "refresh_token_already_used",
                        "Invalid Refresh Token: Already Used",
                    )
                    .grant())
                }
            }
        }
    }
}

/// Builds the session JSON (and signs a fresh access token) for a session and refresh token.
pub(crate) fn session_json(
    state: &AppState,
    user: &User,
    sess: &Session,
    refresh_token: &str,
) -> Value {
    let now = state.now_secs();
    let exp = now + state.config.access_token_ttl.as_secs() as i64;
    let claims = json!({
        "iss": format!("http://{}/auth/v1", state.address),
        "sub": user.id, "aud": "authenticated", "exp": exp, "iat": now,
        "email": user.email.clone().unwrap_or_default(), "phone": "",
        "app_metadata": user.app_metadata, "user_metadata": user.user_metadata,
        "role": "authenticated", "aal": "aal1",
        "amr": [{"method": sess.amr_method, "timestamp": sess.amr_at}],
        "session_id": sess.id, "is_anonymous": user.is_anonymous,
    });
    json!({
        "access_token": state.signer.sign(&claims),
        "token_type": "bearer",
        "expires_in": exp - now,
        "expires_at": exp,
        "refresh_token": refresh_token,
        "user": user.to_json(),
    })
}
