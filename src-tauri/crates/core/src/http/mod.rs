//! The request pipeline. Every call to the backend goes through [`Transport::send`]: base URL per
//! service, the headers every Supabase client sends (`apikey`, `Authorization`, `X-Request-ID`,
//! `Content-Type`, `X-Client-Info`), a deadline per call (30 s for ordinary calls, 300 s for
//! the generation functions and file transfers, retries included, on an injected timer), at most
//! six connections to the host, retry of transient failures with the seed's policies and the
//! server's `Retry-After`, a request log with redaction, and a timing per operation. The request
//! id is made once per logical call and reused on every retry, which is what lets the backend
//! answer a retried POST with the first result instead of making a second story.

mod body;
pub mod decode;
pub mod limits;
pub mod redact;
pub mod retry;
pub mod tls;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use tokio::sync::Semaphore;
use tokio::time::Instant;

pub use decode::Service;
pub use limits::{LimitStatus, RateLimits};
pub use retry::RetryPolicy;

use body::{BodyError, body_cap, describe, read_capped, transport_error};

use crate::clock::{SharedClock, SharedSleeper, TokioSleeper};
use crate::config::BackendEndpoint;
use crate::error::CoreError;
use crate::monitor::PerformanceMonitor;

/// Deadline of an ordinary call (auth, tables), retries included; also the connect timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Deadline of a file transfer (storage), retries included.
pub const RESOURCE_TIMEOUT: Duration = Duration::from_secs(300);
/// Deadline of a generation function call (story, narration, pictures, scenes): the backend
/// allows a provider 300 s, so the client waits as long instead of giving up at 30 s.
pub const GENERATION_TIMEOUT: Duration = Duration::from_secs(300);
/// Connections to the backend host at once.
pub const MAX_CONNECTIONS: usize = 6;
/// `X-Client-Info`.
pub const CLIENT_INFO: &str = concat!(
    "infinite-stories-desktop/",
    env!("CARGO_PKG_VERSION"),
    "; runtime=rust"
);

/// What the backend's health route answers.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Health {
    /// `ok` when the backend is ready.
    pub status: String,
    /// The backend's version.
    pub version: String,
}

/// Which bearer a request carries.
#[derive(Clone, Copy, Debug)]
pub enum Bearer<'a> {
    /// The project's API key (signed out, or auth endpoints).
    ApiKey,
    /// A user's access token.
    User(&'a SecretString),
}

/// One logical call, rebuilt for every attempt.
#[derive(Clone, Debug)]
pub struct Request {
    /// Which service.
    pub service: Service,
    /// HTTP method.
    pub method: Method,
    /// Path below the service prefix, with query (`/signup`, `/stories?select=*`).
    pub path: String,
    /// JSON body.
    pub body: Option<Bytes>,
    /// Extra headers (`Prefer`, `Accept`, `X-Supabase-Api-Version`…).
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Retry policy.
    pub policy: RetryPolicy,
    /// A non-idempotent method the server deduplicates by `X-Request-ID` (edge functions,
    /// refresh with parent reuse): may be retried.
    pub replay_safe: bool,
    /// Function name, for rate-limit messages.
    pub function: Option<&'static str>,
    /// The call's deadline, every attempt and wait between them included.
    pub timeout: Duration,
}

impl Request {
    /// A request with the default policy and no body.
    pub fn new(service: Service, method: Method, path: impl Into<String>) -> Self {
        Self {
            service,
            method,
            path: path.into(),
            body: None,
            headers: Vec::new(),
            policy: RetryPolicy::DEFAULT,
            replay_safe: false,
            function: None,
            timeout: match service {
                Service::Functions => GENERATION_TIMEOUT,
                Service::Storage => RESOURCE_TIMEOUT,
                _ => REQUEST_TIMEOUT,
            },
        }
    }

    /// With a deadline other than the service's.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// With a JSON body.
    pub fn json(mut self, body: &impl serde::Serialize) -> Self {
        self.body = Some(Bytes::from(serde_json::to_vec(body).unwrap_or_default()));
        self
    }

    /// With a raw body of `content_type` (a file upload); it replaces the JSON content type.
    pub fn bytes(mut self, body: Bytes, content_type: &str) -> Self {
        self.body = Some(body);
        if let Ok(v) = HeaderValue::from_str(content_type) {
            self.headers
                .retain(|(n, _)| n != reqwest::header::CONTENT_TYPE);
            self.headers.push((reqwest::header::CONTENT_TYPE, v));
        }
        self
    }

    /// With a header.
    pub fn header(mut self, name: &'static str, value: &str) -> Self {
        if let Ok(v) = HeaderValue::from_str(value) {
            self.headers.push((HeaderName::from_static(name), v));
        }
        self
    }

    /// With a retry policy.
    pub fn policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Marks a POST as safe to retry (the server deduplicates it by request id).
    pub fn replay_safe(mut self) -> Self {
        self.replay_safe = true;
        self
    }

    fn may_retry(&self) -> bool {
        self.replay_safe
            || matches!(
                self.method,
                Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
            )
    }

    /// `METHOD /prefix/route` without the query and with ids and storage file paths as route
    /// templates: the operation name for logs and timings (it never names a user or a file).
    pub fn operation(&self) -> String {
        let path = format!("{}{}", self.service.prefix(), self.path);
        format!("{} {}", self.method, crate::monitor::route_template(&path))
    }
}

/// A successful answer.
#[derive(Clone, Debug)]
pub struct Response {
    /// HTTP status (2xx).
    pub status: u16,
    /// Response headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
    /// The request id the call carried.
    pub request_id: String,
}

impl Response {
    /// Decodes the body as JSON; a body that does not parse is an invalid response.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, CoreError> {
        serde_json::from_slice(&self.body).map_err(|e| CoreError::InvalidResponse(format!("{e}")))
    }
}

/// The HTTP transport to one backend. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Transport {
    inner: Arc<TransportInner>,
}

#[derive(Debug)]
struct TransportInner {
    endpoint: BackendEndpoint,
    api_key: SecretString,
    http: reqwest::Client,
    /// The TLS policy of an https profile, shared with the realtime socket.
    tls: Option<Arc<rustls::ClientConfig>>,
    clock: SharedClock,
    sleeper: SharedSleeper,
    /// What call deadlines wait on.
    timer: SharedSleeper,
    monitor: Arc<PerformanceMonitor>,
    connections: Semaphore,
    /// Server time minus local time, from the last `Date` header (ms).
    skew_ms: AtomicI64,
    /// Set once a session answer measured the skew: from then on `Date` headers are ignored
    /// (the token clock is the one that matters, and `Date` has one-second resolution).
    skew_from_session: AtomicBool,
    offline: AtomicBool,
    verbose: AtomicBool,
}

/// Options for building a transport.
#[derive(Clone, Debug, Default)]
pub struct TransportOptions {
    /// How to wait between retries (default: tokio's timer).
    pub sleeper: Option<SharedSleeper>,
    /// What call deadlines wait on (default: tokio's timer).
    pub timer: Option<SharedSleeper>,
    /// SPKI SHA-256 pins (base64) for https backends; empty = normal certificate checks only.
    pub pins: Vec<String>,
    /// Extra root certificates (DER), e.g. a test CA.
    pub extra_roots: Vec<Vec<u8>>,
}

impl Transport {
    /// A transport for `endpoint` using `api_key`.
    pub fn new(
        endpoint: BackendEndpoint,
        api_key: SecretString,
        clock: SharedClock,
        monitor: Arc<PerformanceMonitor>,
        options: &TransportOptions,
    ) -> Result<Self, CoreError> {
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!(
                "infinite-stories-desktop/",
                env!("CARGO_PKG_VERSION")
            ))
            .pool_max_idle_per_host(MAX_CONNECTIONS)
            .connect_timeout(REQUEST_TIMEOUT);
        let tls = if endpoint.base_url.scheme() == "https" {
            let config = Arc::new(tls::client_config(&options.pins, &options.extra_roots)?);
            builder = builder
                .https_only(true)
                .use_preconfigured_tls(rustls::ClientConfig::clone(&config));
            Some(config)
        } else {
            None
        };
        let http = builder
            .build()
            .map_err(|e| CoreError::Network(e.to_string()))?;
        Ok(Self {
            inner: Arc::new(TransportInner {
                endpoint,
                api_key,
                http,
                tls,
                clock,
                sleeper: options
                    .sleeper
                    .clone()
                    .unwrap_or_else(|| Arc::new(TokioSleeper)),
                timer: options
                    .timer
                    .clone()
                    .unwrap_or_else(|| Arc::new(TokioSleeper)),
                monitor,
                connections: Semaphore::new(MAX_CONNECTIONS),
                skew_ms: AtomicI64::new(0),
                skew_from_session: AtomicBool::new(false),
                offline: AtomicBool::new(false),
                verbose: AtomicBool::new(false),
            }),
        })
    }

    /// The backend this transport talks to.
    pub fn endpoint(&self) -> &BackendEndpoint {
        &self.inner.endpoint
    }

    /// The TLS policy of an https profile (TLS 1.3 minimum, the profile's pins and roots), for
    /// the realtime socket to use exactly what the requests use; `None` for plain loopback http.
    pub fn tls_config(&self) -> Option<Arc<rustls::ClientConfig>> {
        self.inner.tls.clone()
    }

    /// The project API key.
    pub fn api_key(&self) -> &SecretString {
        &self.inner.api_key
    }

    /// The injected clock.
    pub fn clock(&self) -> &SharedClock {
        &self.inner.clock
    }

    /// The injected sleeper.
    pub fn sleeper(&self) -> &SharedSleeper {
        &self.inner.sleeper
    }

    /// The timings.
    pub fn monitor(&self) -> &Arc<PerformanceMonitor> {
        &self.inner.monitor
    }

    /// The server's time now as best known: the local clock corrected by the skew measured from
    /// the last `Date` header (so a computer clock an hour off does not expire fresh tokens).
    pub fn server_now_millis(&self) -> i64 {
        self.inner.clock.now_millis() + self.inner.skew_ms.load(Ordering::Relaxed)
    }

    /// Records that the server's token clock reads `server_ms` now, from a session answer
    /// (`expires_at - expires_in`). This measurement wins over `Date` headers.
    pub fn observe_session_time(&self, server_ms: i64) {
        self.inner.skew_from_session.store(true, Ordering::Relaxed);
        self.store_skew(server_ms);
    }

    /// Records a `Date` header's time (used until a session answer measured the skew).
    pub fn observe_server_time(&self, server_ms: i64) {
        if !self.inner.skew_from_session.load(Ordering::Relaxed) {
            self.store_skew(server_ms);
        }
    }

    /// Differences under 2 s are rounding and latency, and ignored.
    fn store_skew(&self, server_ms: i64) {
        let skew = server_ms - self.inner.clock.now_millis();
        let skew = if skew.abs() < 2_000 { 0 } else { skew };
        self.inner.skew_ms.store(skew, Ordering::Relaxed);
    }

    /// The OS says the computer is (not) offline. While offline, calls fail at once with
    /// [`CoreError::Offline`] instead of burning time on doomed retries.
    pub fn set_offline(&self, offline: bool) {
        self.inner.offline.store(offline, Ordering::SeqCst);
    }

    /// Whether the transport believes it is offline.
    pub fn is_offline(&self) -> bool {
        self.inner.offline.load(Ordering::SeqCst)
    }

    /// Logs headers and (redacted) bodies at debug level too.
    pub fn set_verbose(&self, verbose: bool) {
        self.inner.verbose.store(verbose, Ordering::Relaxed);
    }

    /// The URL of a service path.
    pub fn url(&self, service: Service, path: &str) -> String {
        format!(
            "{}{}{}",
            self.inner.endpoint.base_url.as_str().trim_end_matches('/'),
            service.prefix(),
            path
        )
    }

    /// Asks the backend whether it is up (one attempt, short timeout).
    pub async fn health(&self) -> Result<Health, CoreError> {
        let response = self
            .inner
            .http
            .get(self.inner.endpoint.url("/health"))
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .map_err(|e| transport_error(&e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(decode::from_status(
                status.as_u16(),
                None,
                None,
                None,
                None,
                None,
            ));
        }
        let health: Health = response
            .json()
            .await
            .map_err(|e| CoreError::InvalidResponse(describe(&e)))?;
        if health.status != "ok" {
            return Err(CoreError::InvalidResponse(format!(
                "health status \"{}\"",
                health.status
            )));
        }
        Ok(health)
    }

    /// Sends `request` with a new request id, retrying transient failures per its policy.
    pub async fn send(&self, request: &Request, bearer: Bearer<'_>) -> Result<Response, CoreError> {
        self.send_with_id(request, bearer, &uuid::Uuid::new_v4().to_string())
            .await
    }

    /// Sends `request` under `request_id` (reused across retries and a 401 replay), giving up
    /// with [`CoreError::Timeout`] when its deadline passes (the connection is then closed, so
    /// the backend stops the work and gives its quota back).
    pub async fn send_with_id(
        &self,
        request: &Request,
        bearer: Bearer<'_>,
        request_id: &str,
    ) -> Result<Response, CoreError> {
        let deadline = self.inner.timer.sleep(request.timeout);
        tokio::select! {
            biased;
            result = self.send_attempts(request, bearer, request_id) => result,
            () = deadline => {
                tracing::debug!(request_id, operation = %request.operation(), timeout_s = request.timeout.as_secs(), "call deadline passed");
                Err(CoreError::Timeout)
            }
        }
    }

    async fn send_attempts(
        &self,
        request: &Request,
        bearer: Bearer<'_>,
        request_id: &str,
    ) -> Result<Response, CoreError> {
        let mut attempt = 0;
        loop {
            if self.is_offline() {
                return Err(CoreError::Offline);
            }
            attempt += 1;
            let (err, retry_after) = match self.attempt(request, bearer, request_id, attempt).await
            {
                Ok(response) => return Ok(response),
                Err(failure) => failure,
            };
            let last = attempt >= request.policy.max_attempts;
            if !err.is_transient() || !request.may_retry() || self.is_offline() {
                return Err(err);
            }
            if last {
                return Err(if attempt > 1 {
                    CoreError::MaxRetriesExceeded {
                        attempts: attempt,
                        last: Box::new(err),
                    }
                } else {
                    err
                });
            }
            let Some(wait) = request.policy.wait(attempt, retry_after) else {
                return Err(err);
            };
            tracing::debug!(request_id, attempt, wait_ms = wait.as_millis() as u64, error = %err, "retrying");
            self.inner.sleeper.sleep(wait).await;
        }
    }

    /// One attempt; on failure the error and the server's `Retry-After`, if any.
    async fn attempt(
        &self,
        request: &Request,
        bearer: Bearer<'_>,
        request_id: &str,
        attempt: u32,
    ) -> Result<Response, (CoreError, Option<u64>)> {
        let inner = &self.inner;
        let _permit = inner
            .connections
            .acquire()
            .await
            .map_err(|_| (CoreError::Cancelled, None))?;
        let url = self.url(request.service, &request.path);
        let token = match bearer {
            Bearer::ApiKey => inner.api_key.expose_secret(),
            Bearer::User(t) => t.expose_secret(),
        };
        let mut builder = inner
            .http
            .request(request.method.clone(), url)
            .header("apikey", inner.api_key.expose_secret())
            .header("authorization", format!("Bearer {token}"))
            .header("x-request-id", request_id)
            .header("x-client-info", CLIENT_INFO);
        if attempt > 1 {
            builder = builder.header("x-retry-count", (attempt - 1).to_string());
        }
        if let Some(body) = &request.body {
            // JSON unless the caller set its own type (file uploads).
            if !request
                .headers
                .iter()
                .any(|(n, _)| n == reqwest::header::CONTENT_TYPE)
            {
                builder = builder.header("content-type", "application/json");
            }
            builder = builder.body(body.clone());
        }
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let operation = request.operation();
        let verbose = inner.verbose.load(Ordering::Relaxed);
        if verbose && let Some(built) = builder.try_clone().and_then(|b| b.build().ok()) {
            tracing::debug!(request_id, headers = %redact::redact_headers(built.headers()),
                body = %request.body.as_deref().map(redact::redact_body).unwrap_or_default(), "request");
        }
        let started = Instant::now();
        let cap = body_cap(request.service);
        let result = async {
            let response = builder.send().await.map_err(BodyError::Transport)?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = read_capped(response, cap).await?;
            Ok::<_, BodyError>((status, headers, body))
        }
        .await;
        let took = started.elapsed();
        inner.monitor.record(&operation, took);
        inner.monitor.recent.push(crate::monitor::RequestRecord {
            at: inner.clock.now_millis() - took.as_millis() as i64,
            method: request.method.to_string(),
            path: format!("{}{}", request.service.prefix(), request.path),
            status: result.as_ref().ok().map(|(status, _, _)| *status),
            duration_ms: took.as_secs_f64() * 1000.0,
            request_id: request_id.to_owned(),
        });
        let (status, headers, body) = match result {
            Ok(parts) => parts,
            Err(e) => {
                let err = match &e {
                    BodyError::Transport(e) => transport_error(e),
                    BodyError::TooLarge => CoreError::InvalidResponse(format!(
                        "the backend's answer is larger than the {} MiB this app accepts for it",
                        cap >> 20
                    )),
                };
                tracing::debug!(%operation, request_id, attempt, duration_ms = took.as_millis() as u64, error = %err, "request failed");
                return Err((err, None));
            }
        };
        if let Some(server_ms) = headers
            .get("date")
            .and_then(|d| d.to_str().ok())
            .and_then(|d| httpdate::parse_http_date(d).ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        {
            self.observe_server_time(server_ms.as_millis() as i64);
        }
        tracing::debug!(%operation, status, request_id, attempt, duration_ms = took.as_millis() as u64, "request");
        if verbose {
            tracing::debug!(request_id, headers = %redact::redact_headers(&headers), body = %redact::redact_body(&body), "response");
        }
        if (200..300).contains(&status) {
            return Ok(Response {
                status,
                headers,
                body,
                request_id: request_id.to_owned(),
            });
        }
        let retry_after = headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| retry::parse_retry_after(v, self.server_now_millis()));
        let relay = headers
            .get("x-relay-error")
            .is_some_and(|v| v.as_bytes() == b"true");
        let err = if relay {
            CoreError::Server {
                status,
                code: Some("RELAY_ERROR".into()),
                message: None,
                request_id: None,
            }
        } else {
            decode::decode_error(
                request.service,
                status,
                &body,
                retry_after,
                request.function,
            )
        };
        Err((err, retry_after))
    }
}
