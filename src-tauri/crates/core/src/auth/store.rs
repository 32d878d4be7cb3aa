//! Where the session is kept between runs: one keyring entry per backend profile (so the
//! embedded backend and a Supabase project never see each other's tokens). Keyring calls block
//! on a daemon, so they run on the blocking pool; an unreadable entry is removed, as auth-js
//! does, rather than trusted.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::session::Session;
use crate::error::CoreError;
use crate::secrets::{SecretError, SecretStore};

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

/// How long a keyring call may take. Long enough for a person to type the password of a locked
/// keyring into the system's prompt; bounded so that a session with nobody to answer that prompt
/// (a headless desktop, a broken daemon) fails with a keychain error instead of hanging sign-in.
pub const KEYCHAIN_WAIT: Duration = Duration::from_secs(60);

async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    match tokio::time::timeout(KEYCHAIN_WAIT, tokio::task::spawn_blocking(f)).await {
        Ok(joined) => {
            joined.map_err(|e| CoreError::Storage(format!("keychain task failed: {e}")))?
        }
        Err(_) => Err(SecretError::Unavailable(format!(
            "it did not answer within {} seconds",
            KEYCHAIN_WAIT.as_secs()
        ))
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::SecretString;

    /// A keyring whose daemon never answers (e.g. waiting on an unlock prompt nobody sees).
    #[derive(Debug)]
    struct SilentKeyring(std::sync::Mutex<std::sync::mpsc::Receiver<()>>);

    impl SecretStore for SilentKeyring {
        fn get(&self, _: &str) -> Result<Option<SecretString>, SecretError> {
            let _ = self.0.lock().unwrap().recv();
            Ok(None)
        }
        fn set(&self, _: &str, _: &SecretString) -> Result<(), SecretError> {
            let _ = self.0.lock().unwrap().recv();
            Ok(())
        }
        fn delete(&self, _: &str) -> Result<(), SecretError> {
            Ok(())
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_keyring_that_never_answers_is_a_keychain_error_not_a_hang() {
        let (release, rx) = std::sync::mpsc::channel();
        let store = SessionStore::new(Arc::new(SilentKeyring(std::sync::Mutex::new(rx))), "p");
        // Watchdog: if the bound were ever removed, the keyring "answers" after 10 real
        // seconds and the test fails on `unwrap_err` instead of hanging the suite.
        let watchdog = release.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(10));
            let _ = watchdog.send(());
        });
        let load = tokio::spawn(async move { store.load().await });
        // A running blocking task stops the paused clock from advancing by itself, so the test
        // moves it: just short of the bound nothing has happened, at the bound the call fails.
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        tokio::time::advance(KEYCHAIN_WAIT - Duration::from_millis(1)).await;
        assert!(!load.is_finished(), "gave up before the bound");
        tokio::time::advance(Duration::from_millis(1)).await;
        let err = load.await.unwrap().unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Keychain);
        assert!(err.to_string().contains("did not answer"), "{err}");
        release.send(()).unwrap(); // let the blocked thread finish
    }
}
