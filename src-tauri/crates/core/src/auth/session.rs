//! The signed-in session: the tokens (held as secrets), the server's expiry and the user. It is
//! read from GoTrue's session JSON and stored in the keyring in the same shape auth-js uses, so
//! a stored value is accepted only when it has an access token, a refresh token and an expiry.

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::CoreError;

/// The user as GoTrue describes them (the fields the app uses).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// User id (uuid); kept when an anonymous user adds an email.
    pub id: String,
    /// Email, absent for anonymous users (GoTrue sends `""`).
    #[serde(default, deserialize_with = "empty_as_none")]
    pub email: Option<String>,
    /// Whether the user signed in anonymously and has not added an email yet.
    #[serde(default)]
    pub is_anonymous: bool,
    /// `data` sent at sign-up (`app_version`, `platform`).
    #[serde(default)]
    pub user_metadata: Value,
}

fn empty_as_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    Ok(s.filter(|s| !s.is_empty()))
}

/// A session. `Debug` shows no token.
#[derive(Clone, Debug)]
pub struct Session {
    /// The JWT sent as bearer.
    pub access_token: SecretString,
    /// The opaque refresh token (rotates on every refresh).
    pub refresh_token: SecretString,
    /// Expiry of the access token, unix seconds by the **server's** clock.
    pub expires_at: i64,
    /// Who is signed in.
    pub user: User,
}

impl Session {
    /// Whether two sessions hold the same refresh token (the commit guard's identity).
    pub fn same_refresh(&self, other: &Session) -> bool {
        self.refresh_token.expose_secret() == other.refresh_token.expose_secret()
    }

    /// Milliseconds of validity left at server time `server_now_ms` (negative once expired).
    pub fn remaining_ms(&self, server_now_ms: i64) -> i64 {
        self.expires_at * 1000 - server_now_ms
    }

    /// What the UI may know about the session.
    pub fn info(&self) -> SessionInfo {
        SessionInfo {
            user_id: self.user.id.clone(),
            email: self.user.email.clone(),
            is_anonymous: self.user.is_anonymous,
            expires_at: self.expires_at,
        }
    }

    /// Reads GoTrue's session JSON; `server_now_secs` fills `expires_at` for old servers that
    /// send only `expires_in`.
    pub fn from_wire(body: &[u8], server_now_secs: i64) -> Result<Self, CoreError> {
        Self::from_wire_with_issue_time(body, server_now_secs).map(|(s, _)| s)
    }

    /// Like [`Session::from_wire`], also returning the server's time at issue (unix seconds,
    /// `expires_at - expires_in`) when both are present: the skew measurement.
    pub fn from_wire_with_issue_time(
        body: &[u8],
        server_now_secs: i64,
    ) -> Result<(Self, Option<i64>), CoreError> {
        #[derive(Deserialize)]
        struct Wire {
            access_token: String,
            refresh_token: String,
            expires_in: Option<i64>,
            expires_at: Option<i64>,
            user: User,
        }
        let w: Wire = serde_json::from_slice(body)
            .map_err(|e| CoreError::InvalidResponse(format!("session: {e}")))?;
        let expires_at = w
            .expires_at
            .or_else(|| w.expires_in.map(|s| server_now_secs + s))
            .ok_or_else(|| CoreError::InvalidResponse("session without expiry".into()))?;
        let issued = w.expires_at.zip(w.expires_in).map(|(at, inn)| at - inn);
        Ok((
            Self {
                access_token: SecretString::from(w.access_token),
                refresh_token: SecretString::from(w.refresh_token),
                expires_at,
                user: w.user,
            },
            issued,
        ))
    }

    /// The stored form (auth-js's shape). Only [`crate::auth::SessionStore`] calls this.
    pub(crate) fn to_stored(&self) -> SecretString {
        let json = serde_json::json!({
            "access_token": self.access_token.expose_secret(),
            "refresh_token": self.refresh_token.expose_secret(),
            "expires_at": self.expires_at,
            "token_type": "bearer",
            "user": self.user,
        });
        SecretString::from(json.to_string())
    }

    /// Reads the stored form; `None` when a required field is missing.
    pub(crate) fn from_stored(stored: &SecretString) -> Option<Self> {
        let json: Value = serde_json::from_str(stored.expose_secret()).ok()?;
        Some(Self {
            access_token: SecretString::from(json.get("access_token")?.as_str()?.to_owned()),
            refresh_token: SecretString::from(json.get("refresh_token")?.as_str()?.to_owned()),
            expires_at: json.get("expires_at")?.as_i64()?,
            user: serde_json::from_value(json.get("user")?.clone()).ok()?,
        })
    }
}

/// The session as the UI sees it (no tokens).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// User id.
    pub user_id: String,
    /// Email, when the account has one.
    pub email: Option<String>,
    /// Anonymous (first-run) account.
    pub is_anonymous: bool,
    /// Access-token expiry, unix seconds (server time).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub expires_at: i64,
}

/// What changed about the session (auth-js's event names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SessionChange {
    /// The stored session was restored at start (or there was none).
    InitialSession,
    /// Signed in or signed up.
    SignedIn,
    /// Signed out (by the person, or because the session ended).
    SignedOut,
    /// The tokens were refreshed.
    TokenRefreshed,
    /// The user changed (e.g. an anonymous user added an email).
    UserUpdated,
}

/// A session event for the UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionEvent {
    /// What happened.
    pub change: SessionChange,
    /// The session after the change.
    pub session: Option<SessionInfo>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"access_token":"eyJ.a.b","token_type":"bearer","expires_in":3600,"expires_at":1787400903,
        "refresh_token":"v2abxq3kz9df","user":{"id":"8f14","aud":"authenticated","email":"","phone":"",
        "is_anonymous":true,"user_metadata":{"platform":"linux"},"app_metadata":{}}}"#;

    #[test]
    fn reads_gotrue_session_json_and_round_trips_the_stored_form() {
        let s = Session::from_wire(BODY.as_bytes(), 0).unwrap();
        assert_eq!(s.expires_at, 1_787_400_903);
        assert_eq!(s.user.email, None, "GoTrue's empty email is no email");
        assert!(s.user.is_anonymous);
        let back = Session::from_stored(&s.to_stored()).unwrap();
        assert!(back.same_refresh(&s));
        assert_eq!(back.user, s.user);
        assert!(
            !format!("{s:?}").contains("v2abxq3kz9df"),
            "Debug never shows tokens"
        );
    }

    #[test]
    fn expiry_from_expires_in_on_old_servers_and_incomplete_stored_values_are_refused() {
        let old = BODY.replace("\"expires_at\":1787400903,", "");
        assert_eq!(
            Session::from_wire(old.as_bytes(), 1000).unwrap().expires_at,
            4600
        );
        assert!(Session::from_stored(&SecretString::from(r#"{"access_token":"a"}"#)).is_none());
        assert!(Session::from_stored(&SecretString::from("not json")).is_none());
    }
}
