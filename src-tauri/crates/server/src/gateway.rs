//! The gateway in front of every service, as Supabase's API gateway behaves: the `apikey`
//! (header or query) must be one of this server's keys, the `Host` must be one this server
//! answers to (against DNS rebinding), a browser `Origin` must be the app's. It also works out
//! who is calling from the `Authorization` bearer, which each service then interprets.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::jwt::JwtError;
use crate::state::AppState;

/// Who a request acts as.
#[derive(Debug, Clone)]
pub(crate) enum Caller {
    /// The anon key (or no bearer): sees nothing that is owned.
    Anon,
    /// The service key: bypasses ownership.
    Service,
    /// A signed-in user.
    User(UserClaims),
}

/// The claims of a user access token that the services use.
#[derive(Debug, Clone)]
pub(crate) struct UserClaims {
    pub sub: String,
    pub session_id: String,
}

/// Why a bearer token was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BearerError {
    /// A token that does not verify or parse.
    Invalid(JwtError),
    /// Verifies but lacks `role`, `sub` or `exp`.
    MissingClaims,
}

/// The raw bearer token, if any.
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get("authorization")?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Interprets a token (an API key or a user JWT) as a caller.
pub(crate) fn caller_from_token(state: &AppState, token: &str) -> Result<Caller, BearerError> {
    let claims = state
        .signer
        .verify(token, state.now_secs())
        .map_err(BearerError::Invalid)?;
    let role = claims
        .get("role")
        .and_then(Value::as_str)
        .ok_or(BearerError::MissingClaims)?;
    match role {
        "anon" => Ok(Caller::Anon),
        "service_role" => Ok(Caller::Service),
        _ => {
            if claims.get("exp").and_then(Value::as_i64).is_none() {
                return Err(BearerError::MissingClaims);
            }
            let sub = claims
                .get("sub")
                .and_then(Value::as_str)
                .ok_or(BearerError::MissingClaims)?;
            let session_id = claims
                .get("session_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            Ok(Caller::User(UserClaims {
                sub: sub.to_string(),
                session_id,
            }))
        }
    }
}

/// The caller of a request: no bearer means the anon role.
pub(crate) fn caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, BearerError> {
    match bearer(headers) {
        None => Ok(Caller::Anon),
        Some(token) => caller_from_token(state, token),
    }
}

/// The gateway's refusal; realtime handshakes answer `{"error": …}` as the Realtime server does.
fn reject(path: &str, status: StatusCode, message: &str) -> Response {
    let body = if path.starts_with("/realtime/") {
        json!({ "error": message })
    } else {
        json!({ "message": message })
    };
    (status, axum::Json(body)).into_response()
}

/// Whether the request may skip the API key: the health check and signed-URL downloads
/// (which carry their own token, and are fetched by plain `GET`s).
fn exempt(method: &Method, path: &str) -> bool {
    const SERVICES: [&str; 6] = [
        "/auth/v1",
        "/rest/v1",
        "/storage/v1",
        "/functions/v1",
        "/realtime/v1",
        "/admin/v1",
    ];
    !SERVICES.iter().any(|s| path.starts_with(s))
        || (matches!(*method, Method::GET | Method::HEAD)
            && path.starts_with("/storage/v1/object/sign/"))
}

fn query_apikey(query: Option<&str>) -> Option<String> {
    url::form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == "apikey")
        .map(|(_, v)| v.into_owned())
}

/// The gateway middleware.
pub(crate) async fn gate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let headers = request.headers();
    if !host_allowed(&state, headers) {
        return reject(&path, StatusCode::FORBIDDEN, "Host not allowed");
    }
    if let Some(origin) = headers.get("origin").and_then(|o| o.to_str().ok())
        && !state.config.allowed_origins.iter().any(|o| o == origin)
    {
        return reject(&path, StatusCode::FORBIDDEN, "Origin not allowed");
    }
    if request.method() == Method::OPTIONS || exempt(request.method(), request.uri().path()) {
        return next.run(request).await;
    }
    let key = headers
        .get("apikey")
        .or_else(|| headers.get("x-api-key"))
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| query_apikey(request.uri().query()));
    let Some(key) = key else {
        return reject(
            &path,
            StatusCode::UNAUTHORIZED,
            "No API key found in request",
        );
    };
    if !same_key(&key, &state.anon_key) & !same_key(&key, &state.service_key) {
        return reject(&path, StatusCode::UNAUTHORIZED, "Invalid API key");
    }
    next.run(request).await
}

/// Compares an API key in constant time (no early exit at the first differing byte; both keys
/// are always checked), so response timing says nothing about how much of a guess was right.
fn same_key(presented: &str, key: &str) -> bool {
    use subtle::ConstantTimeEq;
    presented.as_bytes().ct_eq(key.as_bytes()).into()
}

fn host_allowed(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(host) = headers.get("host").and_then(|h| h.to_str().ok()) else {
        // HTTP/1.0 without Host: only a local process could have connected.
        return true;
    };
    let port = state.address.port();
    let loopback = [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    loopback.iter().any(|h| h.eq_ignore_ascii_case(host))
        || state
            .config
            .allowed_hosts
            .iter()
            .any(|h| h.eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use super::same_key;

    #[test]
    fn api_keys_match_only_exactly() {
        assert!(same_key("eyJ.abc.def", "eyJ.abc.def"));
        assert!(!same_key("eyJ.abc.deg", "eyJ.abc.def"));
        assert!(!same_key("eyJ.abc.de", "eyJ.abc.def"));
        assert!(!same_key("", "eyJ.abc.def"));
    }
}
