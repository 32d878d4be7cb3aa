//! The token manager: hands every request a valid access token and keeps the session alive.
//!
//! Rules (reference §1.7 and the reported failures in §6):
//! * a token with less than 60 s left is refreshed first; expiry is judged on the **server's**
//!   clock (local clock + skew measured from `Date`), so a computer clock an hour off neither
//!   storms `/token` nor signs anyone out;
//! * one refresh at a time: concurrent callers wait (bounded) on one lock and reuse the result
//!   instead of presenting the same refresh token twice;
//! * a commit guard: the session epoch is read before the refresh and checked after; if a
//!   sign-out, sign-in or another refresh landed meanwhile, the late result is discarded (and
//!   the stored session put back to what memory holds), never written over the newer state;
//! * the rotated session is persisted before it is used;
//! * transient refresh failures (network, 5xx, timeout, cancellation) keep the session; terminal
//!   ones (`refresh_token_not_found`, …) first re-read storage (another process may have rotated
//!   the token), then sign out only once the access token has actually expired, and are cached
//!   for 60 s so callers do not hammer `/token`;
//! * callbacks never run under a lock: events go out on a broadcast channel.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};
use tokio::sync::Mutex as AsyncMutex;

use crate::auth::gotrue::{AuthClient, SignUp};
use crate::auth::session::{Session, SessionChange, SessionEvent, SessionInfo};
use crate::auth::store::SessionStore;
use crate::error::CoreError;
use crate::events::{CoreEvent, EventHub};

/// Refresh when less than this is left.
pub const EXPIRY_MARGIN: Duration = Duration::from_secs(60);
/// The auto-refresh tick.
pub const TICK: Duration = Duration::from_secs(30);
/// The ticker refreshes when expiry is within this many ticks.
pub const TICK_THRESHOLD: u32 = 3;
/// Longest wait for the refresh lock before giving up (a stuck holder cannot block forever).
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a terminal refresh failure is remembered for its refresh token.
pub const FAILURE_COOLDOWN: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
struct State {
    session: Option<Arc<Session>>,
    /// Bumped on every commit, sign-in and sign-out.
    epoch: u64,
}

/// A refresh that failed for good, remembered briefly so callers do not hammer the server. The
/// token is a `SecretString`, so this (and the manager holding it) never prints it in `Debug`.
#[derive(Debug)]
struct CachedFailure {
    refresh_token: SecretString,
    until_ms: i64,
    error: CoreError,
}

/// The session owner. Cheap to clone.
#[derive(Clone, Debug)]
pub struct TokenManager {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    auth: AuthClient,
    store: SessionStore,
    events: EventHub,
    state: Mutex<State>,
    refresh_lock: AsyncMutex<()>,
    persist_lock: AsyncMutex<()>,
    failure: Mutex<Option<CachedFailure>>,
}

impl TokenManager {
    /// A manager with no session loaded yet (call [`TokenManager::restore`]).
    pub fn new(auth: AuthClient, store: SessionStore, events: EventHub) -> Self {
        Self {
            inner: Arc::new(Inner {
                auth,
                store,
                events,
                state: Mutex::new(State::default()),
                refresh_lock: AsyncMutex::new(()),
                persist_lock: AsyncMutex::new(()),
                failure: Mutex::new(None),
            }),
        }
    }

    /// The GoTrue client.
    pub fn auth(&self) -> &AuthClient {
        &self.inner.auth
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.inner.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn snapshot(&self) -> (Option<Arc<Session>>, u64) {
        let s = self.state();
        (s.session.clone(), s.epoch)
    }

    fn server_now_ms(&self) -> i64 {
        self.inner.auth.transport().server_now_millis()
    }

    fn emit(&self, change: SessionChange, session: Option<&Session>) {
        self.inner.events.emit(CoreEvent::Session(SessionEvent {
            change,
            session: session.map(Session::info),
        }));
    }

    /// The current session, if signed in.
    pub fn session(&self) -> Option<Arc<Session>> {
        self.state().session.clone()
    }

    /// The session as the UI sees it.
    pub fn info(&self) -> Option<SessionInfo> {
        self.session().map(|s| s.info())
    }

    /// Loads the stored session (at start, or after switching profile) and announces it.
    pub async fn restore(&self) -> Result<Option<SessionInfo>, CoreError> {
        let stored = self.inner.store.load().await?;
        let info = {
            let mut s = self.state();
            s.session = stored.map(Arc::new);
            s.epoch += 1;
            s.session.as_ref().map(|x| x.info())
        };
        self.emit(SessionChange::InitialSession, self.session().as_deref());
        Ok(info)
    }

    /// Makes `session` the signed-in one: persisted first, then used.
    pub async fn adopt(
        &self,
        session: Session,
        change: SessionChange,
    ) -> Result<SessionInfo, CoreError> {
        let _p = self.inner.persist_lock.lock().await;
        self.inner.store.save(&session).await?;
        let session = Arc::new(session);
        {
            let mut s = self.state();
            s.session = Some(session.clone());
            s.epoch += 1;
        }
        self.emit(change, Some(&session));
        Ok(session.info())
    }

    /// Signs in anonymously (first run) with `data` as user metadata.
    pub async fn sign_in_anonymously(&self, data: &Value) -> Result<SessionInfo, CoreError> {
        let session = self.inner.auth.sign_up_anonymously(data).await?;
        self.adopt(session, SessionChange::SignedIn).await
    }

    /// Signs up with email and password. `None` when the backend wants the email confirmed.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &SecretString,
        data: &Value,
    ) -> Result<Option<SessionInfo>, CoreError> {
        match self.inner.auth.sign_up(email, password, data).await? {
            SignUp::Session(s) => Ok(Some(self.adopt(s, SessionChange::SignedIn).await?)),
            SignUp::ConfirmationSent(_) => Ok(None),
        }
    }

    /// Signs in with email and password.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
    ) -> Result<SessionInfo, CoreError> {
        let session = self.inner.auth.sign_in(email, password).await?;
        self.adopt(session, SessionChange::SignedIn).await
    }

    /// Adds email and password to the signed-in anonymous user: same user id, same rows.
    pub async fn link_email(
        &self,
        email: &str,
        password: &SecretString,
    ) -> Result<SessionInfo, CoreError> {
        let token = self
            .access_token()
            .await?
            .ok_or_else(CoreError::unauthorized)?;
        self.inner
            .auth
            .update_user(
                &token,
                &json!({"email": email, "password": password.expose_secret()}),
            )
            .await?;
        // A refresh re-issues the JWT with `is_anonymous: false` and the new user.
        let current = self.session().ok_or_else(CoreError::unauthorized)?;
        let refreshed = self.refresh_from(&current.access_token).await?;
        self.emit(SessionChange::UserUpdated, Some(&refreshed));
        Ok(refreshed.info())
    }

    /// Signs out: local state is always cleared (memory, then keyring); `/logout` is best effort.
    pub async fn sign_out(&self) -> Result<(), CoreError> {
        let old = {
            let mut s = self.state();
            s.epoch += 1;
            s.session.take()
        };
        *self.inner.failure.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.emit(SessionChange::SignedOut, None);
        let cleared = {
            let _p = self.inner.persist_lock.lock().await;
            // Only clear if nobody signed in again in the meantime.
            if self.state().session.is_none() {
                self.inner.store.clear().await
            } else {
                Ok(())
            }
        };
        if let Some(old) = old
            && let Err(e) = self.inner.auth.logout(&old.access_token).await
        {
            tracing::info!(error = %e, "logout call failed; the local session is cleared anyway");
        }
        cleared
    }

    /// Whether the backend still knows the session. `false`, with the session dropped (memory
    /// and keyring), when it answers that the token and the refresh token are unknown — e.g. the
    /// embedded backend's data was erased while the keyring kept the session, or the session
    /// belongs to another install. Network failures are errors, and the session is kept.
    pub async fn validate(&self) -> Result<bool, CoreError> {
        let Some(session) = self.session() else {
            return Ok(false);
        };
        match self.inner.auth.user(&session.access_token).await {
            Ok(_) => Ok(true),
            Err(e) if is_terminal(&e) => match self.refresh_from(&session.access_token).await {
                Ok(_) => Ok(true),
                Err(e) if is_terminal(&e) => {
                    tracing::info!("the backend no longer knows the stored session; it is dropped");
                    self.sign_out().await?;
                    Ok(false)
                }
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// A valid access token for a request: `None` when signed out (the caller then uses the API
    /// key). Refreshes first when less than 60 s are left; if that refresh fails but the token
    /// is still valid, the token is used anyway.
    pub async fn access_token(&self) -> Result<Option<SecretString>, CoreError> {
        let Some(session) = self.session() else {
            return Ok(None);
        };
        let now = self.server_now_ms();
        if session.remaining_ms(now) > EXPIRY_MARGIN.as_millis() as i64 {
            return Ok(Some(session.access_token.clone()));
        }
        match self.refresh_from(&session.access_token).await {
            Ok(fresh) => Ok(Some(fresh.access_token.clone())),
            Err(e) => match self.session() {
                Some(s) if s.remaining_ms(self.server_now_ms()) > 0 => {
                    Ok(Some(s.access_token.clone()))
                }
                _ => Err(e),
            },
        }
    }

    /// Called after the backend refused `rejected` with 401: a token newer than `rejected`
    /// is returned as is; otherwise one refresh.
    pub async fn after_rejection(
        &self,
        rejected: &SecretString,
    ) -> Result<SecretString, CoreError> {
        self.refresh_from(rejected)
            .await
            .map(|s| s.access_token.clone())
    }

    /// Refreshes the session unless it already moved past `seen` (single flight).
    pub async fn refresh_from(&self, seen: &SecretString) -> Result<Arc<Session>, CoreError> {
        let _guard = tokio::time::timeout(LOCK_TIMEOUT, self.inner.refresh_lock.lock())
            .await
            .map_err(|_| CoreError::Timeout)?;
        let (session, epoch) = self.snapshot();
        let session = session.ok_or_else(CoreError::unauthorized)?;
        if session.access_token.expose_secret() != seen.expose_secret() {
            // Someone refreshed (or signed in) while we waited: use theirs.
            return Ok(session);
        }
        if let Some(err) = self.cached_failure(&session) {
            if session.remaining_ms(self.server_now_ms()) <= 0 {
                self.sign_out_locally(epoch).await;
            }
            return Err(err);
        }
        match self.inner.auth.refresh(&session.refresh_token).await {
            Ok(fresh) => self.commit(epoch, fresh).await,
            Err(e) if is_terminal(&e) => self.terminal(epoch, &session, e).await,
            Err(e) => {
                tracing::info!(error = %e, "refresh failed; keeping the session and trying again later");
                Err(e)
            }
        }
    }

    /// Persists and installs a refreshed session unless the state moved on meanwhile.
    async fn commit(&self, epoch: u64, fresh: Session) -> Result<Arc<Session>, CoreError> {
        let _p = self.inner.persist_lock.lock().await;
        if self.state().epoch != epoch {
            tracing::info!("refresh result discarded: the session changed while it was in flight");
            return self.session().ok_or_else(CoreError::unauthorized);
        }
        if let Err(e) = self.inner.store.save(&fresh).await {
            // The server hands back this child if the parent is presented again after a restart.
            tracing::warn!(error = %e, "the refreshed session could not be saved");
        }
        let fresh = Arc::new(fresh);
        let committed = {
            let mut s = self.state();
            if s.epoch == epoch {
                s.session = Some(fresh.clone());
                s.epoch += 1;
                true
            } else {
                false
            }
        };
        if !committed {
            // A sign-out landed while we were writing: put storage back to what memory holds.
            match self.session() {
                Some(current) => self.inner.store.save(&current).await?,
                None => self.inner.store.clear().await?,
            }
            return self.session().ok_or_else(CoreError::unauthorized);
        }
        *self.inner.failure.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.emit(SessionChange::TokenRefreshed, Some(&fresh));
        Ok(fresh)
    }

    async fn terminal(
        &self,
        epoch: u64,
        used: &Session,
        err: CoreError,
    ) -> Result<Arc<Session>, CoreError> {
        // Another holder of the same keyring entry may have rotated the token: adopt theirs.
        if let Ok(Some(stored)) = self.inner.store.load().await
            && !stored.same_refresh(used)
        {
            tracing::info!("refresh token was rotated elsewhere; adopting the stored session");
            return self.commit(epoch, stored).await;
        }
        *self.inner.failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(CachedFailure {
            refresh_token: used.refresh_token.clone(),
            until_ms: self.server_now_ms() + FAILURE_COOLDOWN.as_millis() as i64,
            error: err.clone(),
        });
        let expired = used.remaining_ms(self.server_now_ms()) <= 0;
        if expired && self.state().epoch == epoch {
            tracing::warn!(code = ?err.backend_code(), "session ended by the server; signing out");
            self.sign_out_locally(epoch).await;
        }
        Err(err)
    }

    async fn sign_out_locally(&self, epoch: u64) {
        let removed = {
            let mut s = self.state();
            if s.epoch != epoch {
                return;
            }
            s.epoch += 1;
            s.session.take().is_some()
        };
        if removed {
            self.emit(SessionChange::SignedOut, None);
            let _p = self.inner.persist_lock.lock().await;
            if self.state().session.is_none()
                && let Err(e) = self.inner.store.clear().await
            {
                tracing::warn!(error = %e, "could not remove the ended session");
            }
        }
    }

    fn cached_failure(&self, session: &Session) -> Option<CoreError> {
        let cache = self.inner.failure.lock().unwrap_or_else(|e| e.into_inner());
        let f = cache.as_ref()?;
        (f.refresh_token.expose_secret() == session.refresh_token.expose_secret()
            && f.until_ms > self.server_now_ms())
        .then(|| f.error.clone())
    }

    /// One auto-refresh tick: refreshes when expiry is within three ticks (≈ 90 s).
    pub async fn tick(&self) {
        let Some(session) = self.session() else {
            return;
        };
        let window = (TICK * TICK_THRESHOLD).as_millis() as i64;
        if session.remaining_ms(self.server_now_ms()) > window {
            return;
        }
        if let Err(e) = self.refresh_from(&session.access_token).await {
            tracing::debug!(error = %e, "auto-refresh tick failed; the next tick tries again");
        }
    }

    /// Runs [`TokenManager::tick`] every 30 s until the returned task is aborted. A failed
    /// tick never stops the ticker.
    pub fn spawn_auto_refresh(&self) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(TICK);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                interval.tick().await;
                this.tick().await;
            }
        })
    }
}

/// Refresh failures that mean the refresh token itself is no good.
fn is_terminal(err: &CoreError) -> bool {
    matches!(err, CoreError::Unauthorized { .. })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::clock::SystemClock;
    use crate::config::BackendEndpoint;
    use crate::http::{Transport, TransportOptions};
    use crate::monitor::PerformanceMonitor;
    use crate::secrets::MemoryStore;

    #[test]
    fn a_remembered_failure_never_prints_its_refresh_token() {
        let f = CachedFailure {
            refresh_token: SecretString::from("rt-very-secret-123".to_owned()),
            until_ms: 1,
            error: CoreError::Storage("x".into()),
        };
        let shown = format!("{f:?}");
        assert!(!shown.contains("rt-very-secret-123"), "{shown}");
        assert!(shown.contains("until_ms"), "{shown}");
    }

    /// reported_12: a refresh stuck on a server that never answers holds the refresh lock; a
    /// second caller gives up after the bounded wait instead of hanging, and the session stays.
    #[tokio::test(start_paused = true)]
    async fn reported_12_every_lock_wait_is_bounded() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                held.push(socket); // accept, never answer
            }
        });
        let endpoint = BackendEndpoint::embedded(addr).with_api_key("k");
        let transport = Transport::new(
            endpoint,
            SecretString::from("k"),
            Arc::new(SystemClock),
            Arc::new(PerformanceMonitor::new()),
            &TransportOptions::default(),
        )
        .unwrap();
        let store = SessionStore::new(Arc::new(MemoryStore::new()), "embedded");
        let body = format!(
            r#"{{"access_token":"a.b.c","refresh_token":"r1","expires_at":{},"user":{{"id":"u"}}}}"#,
            SystemClock.now_millis_for_tests() / 1000 + 3600
        );
        store
            .save(&Session::from_wire(body.as_bytes(), 0).unwrap())
            .await
            .unwrap();
        let tm = TokenManager::new(AuthClient::new(transport), store, EventHub::new());
        tm.restore().await.unwrap();
        let seen = tm.session().unwrap().access_token.clone();

        let stuck = {
            let (tm, seen) = (tm.clone(), seen.clone());
            tokio::spawn(async move { tm.refresh_from(&seen).await })
        };
        tokio::task::yield_now().await; // the first refresh takes the lock
        let started = tokio::time::Instant::now();
        let err = tm.refresh_from(&seen).await.unwrap_err();
        assert!(matches!(err, CoreError::Timeout), "{err:?}");
        assert_eq!(started.elapsed(), LOCK_TIMEOUT);
        assert!(tm.session().is_some(), "the session is kept");
        stuck.abort();
    }
}
