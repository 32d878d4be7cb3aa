//! Where secrets live. Tokens and keys are stored only through a [`SecretStore`]: the OS keyring
//! in the app (macOS Keychain, Windows Credential Manager, Linux Secret Service), an in-memory
//! store in tests. Values travel as [`SecretString`], whose `Debug` is redacted and which cannot
//! be serialised, so a token cannot end up in a log line, a settings file or the cache.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

pub use secrecy::{ExposeSecret, SecretString};

use crate::error::ErrorCode;

/// Why the keychain could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The platform keychain refused or is not available (locked, no Secret Service…).
    #[error(
        "The app could not use this computer's password store ({0}). Unlock it (or sign in to \
         your desktop session) and try again."
    )]
    Unavailable(String),
    /// There is no password store at all (a Linux desktop without a Secret Service).
    #[error(
        "This computer has no password store to keep your sign-in in ({0}). Install one (on \
         Linux: gnome-keyring, or KWallet on KDE; any Secret Service provider works), sign in \
         to your desktop again, then restart the app."
    )]
    NoPasswordStore(String),
    /// A stored value is not what the app wrote (edited by hand or from another version).
    #[error("A saved sign-in could not be read ({0}); you will need to sign in again.")]
    Corrupt(String),
}

impl SecretError {
    /// The code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        ErrorCode::Keychain
    }
}

/// A place for secrets, keyed by name. Calls may block (the OS keyring talks to a daemon), so
/// async callers run them on a blocking thread.
pub trait SecretStore: Send + Sync + Debug {
    /// The secret stored under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<SecretString>, SecretError>;
    /// Stores `value` under `key`, replacing any previous value.
    fn set(&self, key: &str, value: &SecretString) -> Result<(), SecretError>;
    /// Removes `key`; removing a missing key is not an error.
    fn delete(&self, key: &str) -> Result<(), SecretError>;
    /// Where `key` is kept (for Settings to say); the keyring unless a store says otherwise.
    fn location(&self, _key: &str) -> crate::session_file::SessionStorage {
        crate::session_file::SessionStorage::Keyring
    }
}

/// The OS keyring (keyring v3 with the platform-native backends).
#[derive(Debug, Clone)]
pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    /// A store whose entries are grouped under `service` (the app identifier, e.g.
    /// `com.infinitestories.desktop`, plus the build kind so dev and release never share).
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    fn entry(&self, key: &str) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, key).map_err(|e| SecretError::Unavailable(e.to_string()))
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, key: &str) -> Result<Option<SecretString>, SecretError> {
        match self.entry(key)?.get_password() {
            Ok(value) => Ok(Some(SecretString::from(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(keyring::Error::BadEncoding(_)) => Err(SecretError::Corrupt("not text".into())),
            Err(e) => Err(SecretError::Unavailable(e.to_string())),
        }
    }

    fn set(&self, key: &str, value: &SecretString) -> Result<(), SecretError> {
        self.entry(key)?
            .set_password(value.expose_secret())
            .map_err(|e| SecretError::Unavailable(e.to_string()))
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(SecretError::Unavailable(e.to_string())),
        }
    }
}

/// An in-memory store for tests; it can be told to fail the next writes (a locked keychain).
#[derive(Debug, Default)]
pub struct MemoryStore {
    values: Mutex<HashMap<String, SecretString>>,
    failing_writes: AtomicU32,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes the next `n` `set` calls fail as a locked keychain would.
    pub fn fail_next_writes(&self, n: u32) {
        self.failing_writes.store(n, Ordering::SeqCst);
    }

    /// Number of stored keys (tests check that sign-out leaves nothing behind).
    pub fn len(&self) -> usize {
        self.values.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<SecretString>, SecretError> {
        let values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        Ok(values.get(key).cloned())
    }

    fn set(&self, key: &str, value: &SecretString) -> Result<(), SecretError> {
        let failing = self
            .failing_writes
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if failing {
            return Err(SecretError::Unavailable("the keychain is locked".into()));
        }
        let mut values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        values.insert(key.to_owned(), value.clone());
        Ok(())
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        self.values
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_round_trips_and_deletes() {
        let store = MemoryStore::new();
        assert!(store.get("s").unwrap().is_none());
        store.set("s", &SecretString::from("tok")).unwrap();
        assert_eq!(store.get("s").unwrap().unwrap().expose_secret(), "tok");
        store.delete("s").unwrap();
        store.delete("s").unwrap();
        assert!(store.is_empty());
    }

    #[test]
    fn a_locked_memory_store_fails_then_recovers() {
        let store = MemoryStore::new();
        store.fail_next_writes(1);
        let err = store.set("s", &SecretString::from("x")).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Keychain);
        store.set("s", &SecretString::from("x")).unwrap();
    }

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let secret = SecretString::from("eyJhbGciOi.secret");
        let shown = format!("{secret:?}");
        assert!(!shown.contains("eyJ"), "{shown}");
    }
}
