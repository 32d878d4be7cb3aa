//! The authenticated backend client: every function, REST and storage call of the app goes
//! through [`ApiClient::send`], which takes a valid token from the [`TokenManager`], replays a
//! call once after a 401 with a refreshed token (same request id), retries a "JWT issued at
//! future" briefly instead of treating it as a logout, spends client-side rate-limit tokens
//! before an edge function is called, and unwraps the functions' `{success, data, meta}`
//! envelope.

pub mod models;

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::auth::TokenManager;
use crate::error::CoreError;
use crate::events::{CoreEvent, EventHub};
use crate::http::{Bearer, Health, RateLimits, Request, Response, RetryPolicy, Service, Transport};

/// Rewrites `snake_case` object keys to `camelCase`, recursively (the original deployment
/// answered `story_id`, `timestamp_seconds`…); camelCase keys are left as they are.
pub fn camelize(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let mut out = String::with_capacity(k.len());
                    let mut upper = false;
                    for c in k.chars() {
                        if c == '_' && !out.is_empty() {
                            upper = true;
                        } else if upper {
                            out.extend(c.to_uppercase());
                            upper = false;
                        } else {
                            out.push(c);
                        }
                    }
                    (out, camelize(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(camelize).collect()),
        other => other,
    }
}

/// A function's answer with its meta.
#[derive(Clone, Debug)]
pub struct Invoked<T> {
    /// The `data` of the envelope.
    pub data: T,
    /// The request id the call carried (and the server echoed).
    pub request_id: String,
}

/// The backend client. Cheap to clone.
#[derive(Clone, Debug)]
pub struct ApiClient {
    transport: Transport,
    tokens: TokenManager,
    limits: Arc<RateLimits>,
    events: EventHub,
}

impl ApiClient {
    /// A client over `transport` using `tokens` and `limits`.
    pub fn new(
        transport: Transport,
        tokens: TokenManager,
        limits: Arc<RateLimits>,
        events: EventHub,
    ) -> Self {
        Self {
            transport,
            tokens,
            limits,
            events,
        }
    }

    /// The transport underneath.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// The token manager.
    pub fn tokens(&self) -> &TokenManager {
        &self.tokens
    }

    /// The client-side limits.
    pub fn limits(&self) -> &Arc<RateLimits> {
        &self.limits
    }

    /// Asks the backend whether it is up.
    pub async fn health(&self) -> Result<Health, CoreError> {
        self.transport.health().await
    }

    /// Sends `request` as the signed-in user (or with the API key when signed out) under a
    /// new request id.
    pub async fn send(&self, request: &Request) -> Result<Response, CoreError> {
        self.send_with_id(request, &uuid::Uuid::new_v4().to_string())
            .await
    }

    /// Sends `request` under `request_id`: one 401 replay after a refresh, and up to three
    /// short waits when the server finds the token "issued in the future" (its clock is behind).
    pub async fn send_with_id(
        &self,
        request: &Request,
        request_id: &str,
    ) -> Result<Response, CoreError> {
        let mut token = self.tokens.access_token().await?;
        let mut replayed = false;
        let mut future_waits = 0;
        loop {
            let bearer = token.as_ref().map_or(Bearer::ApiKey, Bearer::User);
            let err = match self
                .transport
                .send_with_id(request, bearer, request_id)
                .await
            {
                Ok(response) => return Ok(response),
                Err(err) => err,
            };
            let CoreError::Unauthorized { code, message } = &err else {
                return Err(err);
            };
            let Some(used) = token.as_ref() else {
                return Err(err);
            };
            let issued_in_future = code.as_deref() == Some("PGRST303")
                && message.as_deref().is_some_and(|m| m.contains("future"));
            if issued_in_future && future_waits < 3 {
                future_waits += 1;
                self.transport.sleeper().sleep(Duration::from_secs(1)).await;
                continue;
            }
            if replayed {
                return Err(err);
            }
            replayed = true;
            token = Some(self.tokens.after_rejection(used).await?);
        }
    }

    /// Calls edge function `name` with `body`. `spend` client-side tokens are taken first (the
    /// number of scenes for illustrations, 1 otherwise); the call is retried with the
    /// aggressive policy, safely because the server deduplicates by request id. Its deadline is
    /// [`crate::http::GENERATION_TIMEOUT`]. The tokens come back when the call is refused before
    /// any work, times out or is cancelled (the backend then stops and refunds its quota too).
    pub async fn invoke<T: DeserializeOwned>(
        &self,
        name: &'static str,
        body: &impl Serialize,
        spend: u32,
        request_id: &str,
    ) -> Result<Invoked<T>, CoreError> {
        self.limits
            .acquire(name, spend)
            .inspect_err(|_| self.emit_limits())?;
        self.emit_limits();
        // Dropped with the call when it is cancelled half-way: the tokens come back.
        let mut refund = Refund {
            api: self,
            name,
            spend,
        };
        let mut request = Request::new(Service::Functions, Method::POST, format!("/{name}"))
            .json(body)
            .policy(RetryPolicy::AGGRESSIVE)
            .replay_safe();
        request.function = Some(name);
        let response = match self.send_with_id(&request, request_id).await {
            Ok(r) => r,
            Err(e) => {
                if matches!(
                    e,
                    CoreError::Server { .. }
                        | CoreError::MaxRetriesExceeded { .. }
                        | CoreError::Network(_)
                        | CoreError::RateLimited { .. }
                ) {
                    // The backend may have done (and counted) the work.
                    refund.spend = 0;
                }
                return Err(e);
            }
        };
        refund.spend = 0;
        let envelope: Value = response.json()?;
        let data = envelope
            .get("data")
            .cloned()
            .ok_or_else(|| CoreError::InvalidResponse(format!("{name}: no data in the answer")))?;
        let data = serde_json::from_value(camelize(data))
            .map_err(|e| CoreError::InvalidResponse(format!("{name}: {e}")))?;
        Ok(Invoked {
            data,
            request_id: response.request_id,
        })
    }

    /// `GET /rest/v1/<table>?<query>`.
    pub async fn select<T: DeserializeOwned>(
        &self,
        table: &str,
        query: &str,
    ) -> Result<Vec<T>, CoreError> {
        let request = Request::new(Service::Rest, Method::GET, format!("/{table}?{query}"));
        self.send(&request).await?.json()
    }

    /// `POST /rest/v1/<table>` returning the inserted row. Not retried on failure (PostgREST
    /// does not deduplicate inserts).
    pub async fn insert<T: DeserializeOwned>(
        &self,
        table: &str,
        row: &impl Serialize,
    ) -> Result<T, CoreError> {
        let request = Request::new(Service::Rest, Method::POST, format!("/{table}"))
            .json(row)
            .header("prefer", "return=representation")
            .header("accept", "application/vnd.pgrst.object+json");
        self.send(&request).await?.json()
    }

    /// Upserts `row` into `table` by primary key (`Prefer: resolution=merge-duplicates`).
    /// Idempotent, so it is retried like a read.
    pub async fn upsert(&self, table: &str, row: &impl Serialize) -> Result<(), CoreError> {
        let request = Request::new(
            Service::Rest,
            Method::POST,
            format!("/{table}?on_conflict=id"),
        )
        .json(row)
        .header("prefer", "resolution=merge-duplicates,return=minimal")
        .replay_safe();
        self.send(&request).await.map(|_| ())
    }

    /// Downloads a file: a signed URL (absolute, or relative to the backend) or a storage path
    /// `bucket/path` fetched as the user.
    pub async fn download(&self, url_or_path: &str) -> Result<bytes::Bytes, CoreError> {
        let base = self.transport.url(Service::Storage, "");
        let path = if let Some(rest) = url_or_path.strip_prefix(&base) {
            rest.to_owned()
        } else if url_or_path.starts_with("http") {
            // A signed URL on another host shape: take its path below /storage/v1.
            let url = url::Url::parse(url_or_path)
                .map_err(|e| CoreError::InvalidResponse(e.to_string()))?;
            let path = url
                .path()
                .strip_prefix("/storage/v1")
                .unwrap_or(url.path())
                .to_owned();
            match url.query() {
                Some(q) => format!("{path}?{q}"),
                None => path,
            }
        } else {
            format!(
                "/object/authenticated/{}",
                url_or_path.trim_start_matches('/')
            )
        };
        let request = Request::new(Service::Storage, Method::GET, path);
        Ok(self.send(&request).await?.body)
    }

    fn emit_limits(&self) {
        self.events.emit(CoreEvent::Limits(self.limits.status()));
    }
}

/// Gives a function call's client-side tokens back when dropped with `spend` left.
struct Refund<'a> {
    api: &'a ApiClient,
    name: &'static str,
    spend: u32,
}

impl Drop for Refund<'_> {
    fn drop(&mut self) {
        if self.spend > 0 {
            self.api.limits.refund(self.name, self.spend);
            self.api.emit_limits();
        }
    }
}
