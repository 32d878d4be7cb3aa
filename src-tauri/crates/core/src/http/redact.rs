//! The request log. Every request is logged at debug level with method, path, status, duration
//! and request id; headers and bodies only in verbose mode, and then with tokens, keys and
//! passwords replaced, so a log file shared for support never carries a credential.

use reqwest::header::HeaderMap;
use serde_json::Value;

/// Header names whose values are never logged.
const SECRET_HEADERS: [&str; 4] = ["authorization", "apikey", "cookie", "set-cookie"];

/// JSON keys whose values are never logged (matched case-insensitively, as substrings).
const SECRET_KEYS: [&str; 5] = ["token", "password", "secret", "apikey", "signedurl"];

/// The placeholder for a removed value.
pub const REDACTED: &str = "[redacted]";

/// Headers as `name: value` lines with secrets replaced.
pub fn redact_headers(headers: &HeaderMap) -> String {
    headers
        .iter()
        .map(|(name, value)| {
            let shown = if SECRET_HEADERS.contains(&name.as_str()) {
                REDACTED
            } else {
                value.to_str().unwrap_or("<binary>")
            };
            format!("{name}: {shown}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A body for the log: JSON with secret fields replaced (and signed-URL tokens cut), other
/// text truncated, binary summarised.
pub fn redact_body(body: &[u8]) -> String {
    match serde_json::from_slice::<Value>(body) {
        Ok(mut json) => {
            redact_json(&mut json);
            let text = json.to_string();
            truncate(&text)
        }
        Err(_) => match std::str::from_utf8(body) {
            Ok(text) => truncate(&redact_query_tokens(text)),
            Err(_) => format!("<{} bytes>", body.len()),
        },
    }
}

fn redact_json(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let k = key.to_ascii_lowercase();
                if SECRET_KEYS.iter().any(|s| k.contains(s)) && !v.is_null() {
                    *v = Value::String(REDACTED.into());
                } else {
                    redact_json(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_json),
        Value::String(s) if s.contains("token=") => *s = redact_query_tokens(s),
        _ => {}
    }
}

/// Cuts `token=…` and `apikey=…` query values out of URLs in text.
pub fn redact_query_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = ["token=", "apikey="]
        .iter()
        .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
        .min()
    {
        let (i, len) = pos;
        out.push_str(&rest[..i + len]);
        out.push_str(REDACTED);
        let after = &rest[i + len..];
        let end = after
            .find(|c: char| c == '&' || c == '"' || c.is_whitespace())
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn truncate(text: &str) -> String {
    const MAX: usize = 2048;
    if text.len() <= MAX {
        return text.to_owned();
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_lose_their_credentials() {
        let mut h = HeaderMap::new();
        h.insert("authorization", "Bearer eyJsecret".parse().unwrap());
        h.insert("apikey", "eyJanon".parse().unwrap());
        h.insert("x-request-id", "r-1".parse().unwrap());
        let shown = redact_headers(&h);
        assert!(!shown.contains("eyJ"), "{shown}");
        assert!(shown.contains("x-request-id: r-1"));
    }

    #[test]
    fn bodies_lose_tokens_passwords_and_signed_url_tokens() {
        let body =
            br#"{"access_token":"eyJa","refresh_token":"r1","user":{"id":"u"},"password":"hunter2",
            "data":{"audioUrl":"http://h/storage/v1/object/sign/a/b.mp3?token=eyJsig&x=1"}}"#;
        let shown = redact_body(body);
        for secret in ["eyJa", "r1\"", "hunter2", "eyJsig"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(
            shown.contains("\"id\":\"u\"") && shown.contains("&x=1"),
            "{shown}"
        );
        assert_eq!(redact_body(&[0xff, 0xfe]), "<2 bytes>");
    }
}
