//! Turns an error answer into a [`CoreError`], whatever shape the backend used: the functions
//! envelope (camelCase or the original deployment's snake_case), the gateway's bare
//! `{message}`, Supabase's platform function errors, GoTrue's three shapes (versioned
//! `{code, message}`, legacy `{code: 400, error_code, msg}`, OAuth `{error, error_description}`),
//! PostgREST `{code, details, hint, message}` and Storage's `{statusCode: "404", …}` which is
//! sent with HTTP 400 (so Storage errors are mapped by the body's status, not the HTTP one).

use serde_json::Value;

use crate::error::CoreError;

/// Which service answered: decides how an ambiguous body is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// GoTrue, `/auth/v1`.
    Auth,
    /// PostgREST, `/rest/v1`.
    Rest,
    /// Storage, `/storage/v1`.
    Storage,
    /// Edge functions, `/functions/v1`.
    Functions,
    /// Anything else (health).
    Other,
}

impl Service {
    /// The path prefix of the service.
    pub fn prefix(self) -> &'static str {
        match self {
            Service::Auth => "/auth/v1",
            Service::Rest => "/rest/v1",
            Service::Storage => "/storage/v1",
            Service::Functions => "/functions/v1",
            Service::Other => "",
        }
    }
}

/// Decodes a non-2xx answer. `retry_after` is the parsed `Retry-After` header, if any;
/// `function` names the edge function, for rate-limit messages.
pub fn decode_error(
    service: Service,
    status: u16,
    body: &[u8],
    retry_after: Option<u64>,
    function: Option<&str>,
) -> CoreError {
    let json: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);

    // Functions envelope: {"error": {"code", "message", "retryAfter"|"retry_after"}, "requestId"}.
    if let Some(err) = json.get("error").filter(|e| e.is_object()) {
        let code = text(err.get("code")).unwrap_or_default();
        let message = text(err.get("message"));
        let retry = err
            .get("retryAfter")
            .or_else(|| err.get("retry_after"))
            .and_then(Value::as_u64)
            .or(retry_after);
        let request_id = text(json.get("requestId").or_else(|| json.get("request_id")));
        return from_function_code(status, &code, message, retry, request_id, function);
    }

    // Storage: the real status is the string `statusCode` in the body.
    if let Some(sc) = json.get("statusCode") {
        let real = sc
            .as_str()
            .and_then(|s| s.parse::<u16>().ok())
            .or_else(|| sc.as_u64().map(|n| n as u16))
            .unwrap_or(status);
        let code = text(json.get("code")).or_else(|| text(json.get("error")));
        let message = text(json.get("message"));
        return from_status(real, code, message, retry_after, function, None);
    }

    // GoTrue: message = msg | message | error_description | error; code = string code |
    // error_code | error (OAuth style).
    let message = text(json.get("msg"))
        .or_else(|| text(json.get("message")))
        .or_else(|| text(json.get("error_description")))
        .or_else(|| text(json.get("error")));
    let code = text(json.get("error_code"))
        .or_else(|| text(json.get("code")))
        .or_else(|| text(json.get("error")));
    let code = match (service, code.as_deref(), message.as_deref()) {
        // OAuth style carries the real reason only in the description.
        (_, Some("invalid_grant"), Some(m)) => Some(oauth_reason(m).to_owned()),
        _ => code,
    };
    if service == Service::Auth
        && let Some(c) = code.as_deref()
    {
        return from_auth_code(status, c, message, retry_after);
    }
    if let Some(c) = code.as_deref()
        && (c.starts_with("PGRST")
            || (c.len() == 5 && c.chars().all(|ch| ch.is_ascii_alphanumeric())))
    {
        return from_postgrest_code(status, c, message, retry_after);
    }
    from_status(status, code, message, retry_after, function, None)
}

/// An OAuth-style description ("Invalid Refresh Token: Refresh Token Not Found") → the code a
/// versioned server would have sent.
fn oauth_reason(description: &str) -> &'static str {
    let d = description.to_ascii_lowercase();
    if d.contains("not found") {
        "refresh_token_not_found"
    } else if d.contains("already used") {
        "refresh_token_already_used"
    } else if d.contains("no valid session") {
        "session_not_found"
    } else if d.contains("expired") {
        "session_expired"
    } else {
        "invalid_grant"
    }
}

fn from_function_code(
    status: u16,
    code: &str,
    message: Option<String>,
    retry_after: Option<u64>,
    request_id: Option<String>,
    function: Option<&str>,
) -> CoreError {
    match code {
        "INVALID_REQUEST" | "PAYLOAD_TOO_LARGE" | "VALIDATION_ERROR" => CoreError::Validation(
            message.unwrap_or_else(|| "Something in the request needs changing.".into()),
        ),
        "CONTENT_POLICY_VIOLATION" => CoreError::ContentPolicy(message.unwrap_or_else(|| {
            "That story idea can't be used for a children's story. Try different words.".into()
        })),
        "UNAUTHORIZED" => CoreError::Unauthorized {
            code: Some(code.into()),
            message,
        },
        "NOT_FOUND" | "FORBIDDEN" => not_found(message),
        "RATE_LIMITED" => CoreError::RateLimited {
            what: function.map(str::to_owned),
            retry_after,
        },
        _ => CoreError::Server {
            status,
            code: (!code.is_empty()).then(|| code.to_owned()),
            message,
            request_id,
        },
    }
}

fn from_auth_code(
    status: u16,
    code: &str,
    message: Option<String>,
    retry_after: Option<u64>,
) -> CoreError {
    match code {
        "invalid_credentials" => CoreError::Validation(
            "That email and password don't match. Please check them and try again.".into(),
        ),
        "user_already_exists" | "email_exists" => CoreError::Validation(
            "This email already has an account. Sign in instead, or use another email.".into(),
        ),
        "weak_password" => CoreError::Validation(format!(
            "Please choose a stronger password{}",
            message
                .map(|m| format!(": {m}"))
                .unwrap_or_else(|| ".".into())
        )),
        "email_not_confirmed" => {
            CoreError::Validation("Please confirm your email first (check your inbox).".into())
        }
        "validation_failed"
        | "email_address_invalid"
        | "signup_disabled"
        | "anonymous_provider_disabled" => {
            CoreError::Validation(message.unwrap_or_else(|| "Please check what you typed.".into()))
        }
        "over_request_rate_limit" | "over_email_send_rate_limit" => CoreError::RateLimited {
            what: Some("sign-in".into()),
            retry_after,
        },
        "refresh_token_not_found"
        | "refresh_token_already_used"
        | "session_not_found"
        | "session_expired"
        | "bad_jwt"
        | "no_authorization"
        | "invalid_grant"
        | "user_banned" => CoreError::Unauthorized {
            code: Some(code.into()),
            message,
        },
        _ => from_status(status, Some(code.into()), message, retry_after, None, None),
    }
}

fn from_postgrest_code(
    status: u16,
    code: &str,
    message: Option<String>,
    retry_after: Option<u64>,
) -> CoreError {
    match code {
        "PGRST301" | "PGRST302" | "PGRST303" => CoreError::Unauthorized {
            code: Some(code.into()),
            message,
        },
        "PGRST116" | "PGRST205" | "42P01" => not_found(message),
        "42501" => not_found(None),
        "23505" => CoreError::Validation("That already exists.".into()),
        "23503" | "23502" | "PGRST204" | "22P02" => CoreError::Validation(
            message.unwrap_or_else(|| "Something in the request needs changing.".into()),
        ),
        _ => from_status(status, Some(code.into()), message, retry_after, None, None),
    }
}

/// The mapping by status alone, for bodies that say nothing more.
pub(crate) fn from_status(
    status: u16,
    code: Option<String>,
    message: Option<String>,
    retry_after: Option<u64>,
    function: Option<&str>,
    request_id: Option<String>,
) -> CoreError {
    match status {
        401 => CoreError::Unauthorized { code, message },
        403 | 404 => not_found(message.filter(|_| status == 404)),
        429 => CoreError::RateLimited {
            what: function.map(str::to_owned),
            retry_after,
        },
        400 | 409 | 413 | 422 => CoreError::Validation(
            message.unwrap_or_else(|| "Something in the request needs changing.".into()),
        ),
        _ => CoreError::Server {
            status,
            code,
            message,
            request_id,
        },
    }
}

fn not_found(message: Option<String>) -> CoreError {
    CoreError::NotFound(
        message
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "That isn't in your library (it may have been deleted).".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn dec(service: Service, status: u16, body: &str) -> CoreError {
        decode_error(
            service,
            status,
            body.as_bytes(),
            None,
            Some("story-generation"),
        )
    }

    #[test]
    fn functions_envelope_in_both_casings() {
        let e = decode_error(
            Service::Functions,
            429,
            br#"{"error":{"code":"RATE_LIMITED","message":"m","retryAfter":360},"requestId":"r"}"#,
            None,
            Some("story-generation"),
        );
        assert_eq!(e.code(), ErrorCode::RateLimited);
        assert_eq!(e.retry_after(), Some(360));
        let e = dec(
            Service::Functions,
            429,
            r#"{"error":{"code":"RATE_LIMITED","retry_after":7},"request_id":"r"}"#,
        );
        assert_eq!(e.retry_after(), Some(7));
        let e = dec(
            Service::Functions,
            400,
            r#"{"error":{"code":"CONTENT_POLICY_VIOLATION","message":"Let's keep it gentle"}}"#,
        );
        assert_eq!(e.code(), ErrorCode::ContentPolicy);
        assert_eq!(e.to_string(), "Let's keep it gentle");
        let e = dec(
            Service::Functions,
            404,
            r#"{"error":{"code":"NOT_FOUND","message":"Hero not found"}}"#,
        );
        assert_eq!(
            (e.code(), e.to_string()),
            (ErrorCode::NotFound, "Hero not found".into())
        );
        let e = dec(
            Service::Functions,
            500,
            r#"{"error":{"code":"INTERNAL_ERROR","message":"x"},"requestId":"req-9"}"#,
        );
        assert!(matches!(&e, CoreError::Server { request_id: Some(r), .. } if r == "req-9"));
    }

    #[test]
    fn the_three_gotrue_shapes() {
        let versioned = dec(
            Service::Auth,
            400,
            r#"{"code":"refresh_token_not_found","message":"Invalid Refresh Token: Refresh Token Not Found"}"#,
        );
        let legacy = dec(
            Service::Auth,
            400,
            r#"{"code":400,"error_code":"refresh_token_not_found","msg":"Invalid Refresh Token: Refresh Token Not Found"}"#,
        );
        let oauth = dec(
            Service::Auth,
            400,
            r#"{"error":"invalid_grant","error_description":"Invalid Refresh Token: Refresh Token Not Found"}"#,
        );
        for e in [&versioned, &legacy, &oauth] {
            assert_eq!(e.code(), ErrorCode::Unauthorized, "{e:?}");
            assert_eq!(e.backend_code(), Some("refresh_token_not_found"), "{e:?}");
        }
        let wrong = dec(
            Service::Auth,
            400,
            r#"{"code":"invalid_credentials","message":"Invalid login credentials"}"#,
        );
        assert_eq!(wrong.code(), ErrorCode::Validation);
        let limited = decode_error(
            Service::Auth,
            429,
            br#"{"code":"over_request_rate_limit","message":"x"}"#,
            Some(30),
            None,
        );
        assert_eq!(
            (limited.code(), limited.retry_after()),
            (ErrorCode::RateLimited, Some(30))
        );
    }

    #[test]
    fn postgrest_errors() {
        let e = dec(
            Service::Rest,
            401,
            r#"{"code":"PGRST303","details":null,"hint":null,"message":"JWT issued at future"}"#,
        );
        assert_eq!(e.backend_code(), Some("PGRST303"));
        let e = dec(
            Service::Rest,
            409,
            r#"{"code":"23505","details":"Key","hint":null,"message":"dup"}"#,
        );
        assert_eq!(e.code(), ErrorCode::Validation);
        let e = dec(
            Service::Rest,
            503,
            r#"{"code":"PGRST002","details":null,"hint":null,"message":"schema cache"}"#,
        );
        assert!(e.is_transient());
    }

    #[test]
    fn reported_37_storage_errors_map_by_body_status_code() {
        let e = dec(
            Service::Storage,
            400,
            r#"{"statusCode":"404","code":"NoSuchKey","error":"not_found","message":"Object not found"}"#,
        );
        assert_eq!(e.code(), ErrorCode::NotFound);
        let e = dec(
            Service::Storage,
            400,
            r#"{"statusCode":"403","code":"AccessDenied","error":"Unauthorized","message":"new row violates row-level security policy"}"#,
        );
        assert_eq!(
            e.code(),
            ErrorCode::NotFound,
            "403 in the body, not 400 validation"
        );
        let e = dec(
            Service::Storage,
            500,
            r#"{"statusCode":"500","error":"internal","message":"x"}"#,
        );
        assert!(e.is_transient());
    }

    #[test]
    fn gateway_and_platform_shapes_and_garbage() {
        let e = dec(
            Service::Rest,
            401,
            r#"{"message":"No API key found in request"}"#,
        );
        assert_eq!(e.code(), ErrorCode::Unauthorized);
        let e = dec(
            Service::Functions,
            401,
            r#"{"code":401,"message":"Invalid JWT"}"#,
        );
        assert_eq!(e.code(), ErrorCode::Unauthorized);
        let e = dec(Service::Functions, 503, "<html>bad gateway</html>");
        assert!(e.is_transient());
        let e = dec(Service::Other, 418, "");
        assert_eq!(e.code(), ErrorCode::Server);
    }
}
