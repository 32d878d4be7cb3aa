//! The HTTP side of the OpenAI-compatible providers: one `reqwest` client, the bearer key,
//! and the mapping of failures onto the contract's codes (429 + Retry-After → RATE_LIMITED,
//! content-policy refusals → CONTENT_POLICY_VIOLATION, timeouts → TIMEOUT, the rest →
//! PROVIDER_ERROR).

use reqwest::StatusCode;
use serde_json::Value;

use crate::{OpenAiConfig, Result, StorytellerError};

/// Shared HTTP client and settings; cheap to clone.
#[derive(Debug, Clone)]
pub struct OpenAiClient {
    http: reqwest::Client,
    pub(super) config: OpenAiConfig,
}

impl OpenAiClient {
    /// A client for `config`.
    pub fn new(config: OpenAiConfig) -> Result<Self> {
        if !(config.base_url.starts_with("http://") || config.base_url.starts_with("https://")) {
            return Err(StorytellerError::invalid(
                "openai.baseUrl",
                "must start with http:// or https://",
            ));
        }
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .build()
            .map_err(|e| {
                StorytellerError::Internal(format!("cannot build the HTTP client: {e}"))
            })?;
        Ok(OpenAiClient { http, config })
    }

    /// The settings it was made with.
    pub fn config(&self) -> &OpenAiConfig {
        &self.config
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{}", self.config.base_url.trim_end_matches('/'), path)
    }

    /// POSTs JSON and returns the raw successful body.
    pub(super) async fn post(&self, what: &str, path: &str, body: &Value) -> Result<Vec<u8>> {
        let mut request = self.http.post(self.url(path)).json(body);
        if let Some(key) = &self.config.api_key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.map_err(|e| transport(what, &e))?;
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let bytes = response.bytes().await.map_err(|e| transport(what, &e))?;
        if status.is_success() {
            return Ok(bytes.to_vec());
        }
        Err(http_error(what, status, retry_after, &bytes))
    }

    /// GETs `path` and parses a JSON answer (e.g. `models`).
    pub(super) async fn get_json(&self, what: &str, path: &str) -> Result<Value> {
        let mut request = self.http.get(self.url(path));
        if let Some(key) = &self.config.api_key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.map_err(|e| transport(what, &e))?;
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let bytes = response.bytes().await.map_err(|e| transport(what, &e))?;
        if !status.is_success() {
            return Err(http_error(what, status, retry_after, &bytes));
        }
        serde_json::from_slice(&bytes)
            .map_err(|e| StorytellerError::provider(what, format!("answer is not JSON: {e}")))
    }

    /// POSTs JSON and parses a JSON answer.
    pub(super) async fn post_json(&self, what: &str, path: &str, body: &Value) -> Result<Value> {
        let bytes = self.post(what, path, body).await?;
        serde_json::from_slice(&bytes)
            .map_err(|e| StorytellerError::provider(what, format!("answer is not JSON: {e}")))
    }
}

fn transport(what: &str, e: &reqwest::Error) -> StorytellerError {
    if e.is_timeout() {
        StorytellerError::Timeout {
            provider: what.to_string(),
        }
    } else {
        StorytellerError::provider(what, format!("cannot reach the server: {e}"))
    }
}

/// `Retry-After` in seconds (also OpenAI's `retry-after-ms`), rounded up.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<u64> {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(seconds) = text("retry-after").and_then(|v| v.parse::<f64>().ok()) {
        return Some(seconds.ceil().max(0.0) as u64);
    }
    text("retry-after-ms")
        .and_then(|v| v.parse::<f64>().ok())
        .map(|ms| (ms / 1000.0).ceil().max(0.0) as u64)
}

fn http_error(
    what: &str,
    status: StatusCode,
    retry_after: Option<u64>,
    body: &[u8],
) -> StorytellerError {
    let json: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let error = &json["error"];
    let message = error["message"].as_str().unwrap_or("").to_string();
    let code = error["code"]
        .as_str()
        .or(error["type"].as_str())
        .unwrap_or("");
    let policy = ["content_policy", "moderation_blocked", "safety"]
        .iter()
        .any(|k| code.contains(k) || message.contains(k));
    match status {
        StatusCode::TOO_MANY_REQUESTS if code == "insufficient_quota" => StorytellerError::Provider {
            provider: what.into(),
            message: "the account has no quota left".into(),
            status: Some(429),
        },
        StatusCode::TOO_MANY_REQUESTS => StorytellerError::RateLimited { retry_after: retry_after.or(Some(60)) },
        StatusCode::BAD_REQUEST if policy => StorytellerError::ContentPolicy {
            message: "The picture or story request was declined by the provider's safety rules. Try a gentler, simpler description.".into(),
        },
        StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => StorytellerError::Timeout { provider: what.into() },
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => StorytellerError::Provider {
            provider: what.into(),
            message: "the API key was refused".into(),
            status: Some(status.as_u16()),
        },
        _ => StorytellerError::Provider {
            provider: what.into(),
            message: if message.is_empty() { format!("HTTP {status}") } else { message },
            status: Some(status.as_u16()),
        },
    }
}
