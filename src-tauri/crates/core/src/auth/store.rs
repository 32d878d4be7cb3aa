//! Where the session is kept between runs: one keyring entry per backend profile (so the
//! embedded backend and a Supabase project never see each other's tokens). Keyring calls block
//! on a daemon, so they run on the blocking pool; an unreadable entry is removed, as auth-js
//! does, rather than trusted.

use std::sync::Arc;

use crate::auth::session::Session;
use crate::error::CoreError;
use crate::secrets::SecretStore;

/// The persisted session of one profile.
#[derive(Clone, Debug)]
pub struct SessionStore {
    secrets: Arc<dyn SecretStore>,
    key: String,
}

impl SessionStore {
    /// The store for `profile` (e.g. `embedded`, `supabase/abc.supabase.co`).
    pub fn new(secrets: Arc<dyn SecretStore>, profile: &str) -> Self {
        Self {
            secrets,
            key: format!("session/{profile}"),
        }
    }

    /// The stored session, if any; a corrupt entry is deleted and reads as none.
    pub async fn load(&self) -> Result<Option<Session>, CoreError> {
        let (secrets, key) = (self.secrets.clone(), self.key.clone());
        run_blocking(move || {
            let Some(stored) = secrets.get(&key)? else {
                return Ok(None);
            };
            match Session::from_stored(&stored) {
                Some(session) => Ok(Some(session)),
                None => {
                    tracing::warn!("stored session unreadable; removed");
                    secrets.delete(&key)?;
                    Ok(None)
                }
            }
        })
        .await
    }

    /// Stores `session`, replacing the previous one.
    pub async fn save(&self, session: &Session) -> Result<(), CoreError> {
        let (secrets, key, value) = (self.secrets.clone(), self.key.clone(), session.to_stored());
        run_blocking(move || Ok(secrets.set(&key, &value)?)).await
    }

    /// Removes the stored session.
    pub async fn clear(&self) -> Result<(), CoreError> {
        let (secrets, key) = (self.secrets.clone(), self.key.clone());
        run_blocking(move || Ok(secrets.delete(&key)?)).await
    }
}

async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| CoreError::Storage(format!("keychain task failed: {e}")))?
}
