//! Where the session goes on a computer with no password store. A Linux desktop without a
//! Secret Service (no gnome-keyring, no KWallet) cannot keep a session in the keyring, and the
//! app would sign up and then forget it at once. The embedded backend's session only protects
//! data that lies in the same data directory, so for that profile [`KeyringOrFile`] keeps it in
//! a file there instead, readable by this user only (created with mode 0600 from its first
//! byte, replaced atomically). A Supabase profile's session protects an account in the cloud:
//! it still needs the keyring, and without one the error says what to install.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::secrets::{ExposeSecret, SecretError, SecretStore, SecretString};

/// The keyring key of the embedded backend's session (`session/<profile id>`).
pub const EMBEDDED_SESSION_KEY: &str = "session/embedded";

/// The file the embedded session is kept in when no keyring answers.
pub const FILE_NAME: &str = "session.json";

/// Where a profile's session is kept, for Settings to say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SessionStorage {
    /// The computer's password store (Keychain, Credential Manager, Secret Service).
    #[default]
    Keyring,
    /// No password store answered: a file in the app's data folder, readable only by this user
    /// (embedded backend only).
    File,
    /// No password store answered and this profile cannot use a file: signing in will fail
    /// until one is installed.
    Unavailable,
}

/// A small JSON file of secrets, owner-only.
#[derive(Debug, Clone)]
pub struct SessionFile {
    path: PathBuf,
    lock: Arc<Mutex<()>>,
}

impl SessionFile {
    /// The file [`FILE_NAME`] in `dir` (created when first written).
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
            lock: Arc::new(Mutex::new(())),
        }
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> Result<BTreeMap<String, String>, SecretError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|_| SecretError::Corrupt("the session file is not the app's".into())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(SecretError::Unavailable(format!(
                "the session file could not be read: {e}"
            ))),
        }
    }

    fn write(&self, values: &BTreeMap<String, String>) -> Result<(), SecretError> {
        let fail = |e: std::io::Error| {
            SecretError::Unavailable(format!("the session file could not be written: {e}"))
        };
        if values.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(fail(e)),
            };
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        infinite_stories_contract::files::private_dir_all(dir).map_err(fail)?;
        // tempfile creates with 0600 on Unix (owner-only from the first byte); the rename
        // replaces the old file whole, so a crash never leaves half a session.
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
        let json = serde_json::to_vec(values).unwrap_or_default();
        tmp.write_all(&json).map_err(fail)?;
        tmp.as_file().sync_all().map_err(fail)?;
        tmp.persist(&self.path).map_err(|e| fail(e.error))?;
        Ok(())
    }
}

impl SecretStore for SessionFile {
    fn get(&self, key: &str) -> Result<Option<SecretString>, SecretError> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        Ok(self.read()?.remove(key).map(SecretString::from))
    }

    fn set(&self, key: &str, value: &SecretString) -> Result<(), SecretError> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut values = self.read().unwrap_or_default();
        values.insert(key.to_owned(), value.expose_secret().to_owned());
        self.write(&values)
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut values = self.read().unwrap_or_default();
        values.remove(key);
        self.write(&values)
    }

    fn location(&self, _key: &str) -> SessionStorage {
        SessionStorage::File
    }
}

/// The keyring, with the embedded session falling back to a [`SessionFile`] when the keyring
/// does not answer; other keys fail with what to install.
#[derive(Debug)]
pub struct KeyringOrFile {
    keyring: Arc<dyn SecretStore>,
    file: SessionFile,
    /// Where each key was last found or put.
    used: Mutex<BTreeMap<String, SessionStorage>>,
}

impl KeyringOrFile {
    /// `keyring` first; the embedded session in `dir`/[`FILE_NAME`] when it fails.
    pub fn new(keyring: Arc<dyn SecretStore>, dir: &Path) -> Self {
        Self {
            keyring,
            file: SessionFile::new(dir),
            used: Mutex::new(BTreeMap::new()),
        }
    }

    fn note(&self, key: &str, storage: SessionStorage) {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_owned(), storage);
    }

    /// The keyring failed with `err` for `key`: use the file when allowed, else say what to do.
    fn no_keyring(&self, key: &str, err: SecretError) -> Result<(), SecretError> {
        match err {
            SecretError::Unavailable(detail) if key == EMBEDDED_SESSION_KEY => {
                if self.location(key) != SessionStorage::File {
                    tracing::warn!(%detail, file = %self.file.path().display(),
                        "no password store answered; the embedded session is kept in an owner-only file");
                }
                self.note(key, SessionStorage::File);
                Ok(())
            }
            SecretError::Unavailable(detail) => {
                self.note(key, SessionStorage::Unavailable);
                Err(SecretError::NoPasswordStore(detail))
            }
            other => Err(other),
        }
    }
}

impl SecretStore for KeyringOrFile {
    fn get(&self, key: &str) -> Result<Option<SecretString>, SecretError> {
        match self.keyring.get(key) {
            Ok(Some(value)) => {
                self.note(key, SessionStorage::Keyring);
                Ok(Some(value))
            }
            Ok(None) if key == EMBEDDED_SESSION_KEY => {
                // Kept in the file while the keyring was away: still there until the next save.
                let stored = self.file.get(key)?;
                let storage = if stored.is_some() {
                    SessionStorage::File
                } else {
                    SessionStorage::Keyring
                };
                self.note(key, storage);
                Ok(stored)
            }
            Ok(None) => {
                self.note(key, SessionStorage::Keyring);
                Ok(None)
            }
            Err(e) => {
                self.no_keyring(key, e)?;
                self.file.get(key)
            }
        }
    }

    fn set(&self, key: &str, value: &SecretString) -> Result<(), SecretError> {
        match self.keyring.set(key, value) {
            Ok(()) => {
                self.note(key, SessionStorage::Keyring);
                if key == EMBEDDED_SESSION_KEY {
                    // The keyring works (again): no copy stays on disk.
                    self.file.delete(key)?;
                }
                Ok(())
            }
            Err(e) => {
                self.no_keyring(key, e)?;
                self.file.set(key, value)
            }
        }
    }

    fn delete(&self, key: &str) -> Result<(), SecretError> {
        let from_keyring = self.keyring.delete(key);
        if key == EMBEDDED_SESSION_KEY {
            self.file.delete(key)?;
            return match from_keyring {
                Err(SecretError::Unavailable(_)) | Ok(()) => Ok(()),
                Err(e) => Err(e),
            };
        }
        from_keyring.or_else(|e| self.no_keyring(key, e))
    }

    fn location(&self, key: &str) -> SessionStorage {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .copied()
            .unwrap_or_default()
    }
}

impl crate::Core {
    /// Where the session of the backend last asked for is kept; `None` before any was.
    pub fn session_storage(&self) -> Option<SessionStorage> {
        let endpoint = self
            .inner
            .endpoint
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()?;
        let key = format!("session/{}", endpoint.profile_id());
        Some(self.inner.options.secrets.location(&key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A keyring that fails the way keyring v3 does with no Secret Service on the session bus.
    #[derive(Debug)]
    struct NoSecretService;

    impl SecretStore for NoSecretService {
        fn get(&self, _: &str) -> Result<Option<SecretString>, SecretError> {
            Err(unavailable())
        }
        fn set(&self, _: &str, _: &SecretString) -> Result<(), SecretError> {
            Err(unavailable())
        }
        fn delete(&self, _: &str) -> Result<(), SecretError> {
            Err(unavailable())
        }
    }

    fn unavailable() -> SecretError {
        SecretError::Unavailable(
            "Platform secure storage failure: DBus error: The name org.freedesktop.secrets was \
             not provided by any .service files"
                .into(),
        )
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn without_a_keyring_the_embedded_session_goes_to_an_owner_only_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = KeyringOrFile::new(Arc::new(NoSecretService), dir.path());
        assert_eq!(store.get(EMBEDDED_SESSION_KEY).unwrap().map(|_| ()), None);
        assert_eq!(store.location(EMBEDDED_SESSION_KEY), SessionStorage::File);
        store
            .set(EMBEDDED_SESSION_KEY, &SecretString::from("tokens"))
            .unwrap();
        let path = dir.path().join(FILE_NAME);
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        // A new start reads it back.
        let again = KeyringOrFile::new(Arc::new(NoSecretService), dir.path());
        let value = again.get(EMBEDDED_SESSION_KEY).unwrap().unwrap();
        assert_eq!(value.expose_secret(), "tokens");
        again.delete(EMBEDDED_SESSION_KEY).unwrap();
        assert!(!path.exists(), "signing out leaves no file");
    }

    #[test]
    fn a_supabase_session_without_a_keyring_says_what_to_install() {
        let dir = tempfile::tempdir().unwrap();
        let store = KeyringOrFile::new(Arc::new(NoSecretService), dir.path());
        let key = "session/supabase/abc.supabase.co";
        let err = store.set(key, &SecretString::from("tokens")).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("gnome-keyring"), "{message}");
        assert!(message.contains("KWallet"), "{message}");
        assert_eq!(err.code(), crate::ErrorCode::Keychain);
        assert_eq!(store.location(key), SessionStorage::Unavailable);
        assert!(store.get(key).is_err());
        assert!(!dir.path().join(FILE_NAME).exists(), "never on disk");
    }

    #[test]
    fn with_a_keyring_nothing_is_written_to_disk_and_a_file_left_over_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        SessionFile::new(dir.path())
            .set(EMBEDDED_SESSION_KEY, &SecretString::from("old"))
            .unwrap();
        let keyring = Arc::new(crate::secrets::MemoryStore::new());
        let store = KeyringOrFile::new(keyring.clone(), dir.path());
        // Kept in the file while the keyring was away: still found.
        let old = store.get(EMBEDDED_SESSION_KEY).unwrap().unwrap();
        assert_eq!(old.expose_secret(), "old");
        assert_eq!(store.location(EMBEDDED_SESSION_KEY), SessionStorage::File);
        store
            .set(EMBEDDED_SESSION_KEY, &SecretString::from("new"))
            .unwrap();
        assert_eq!(
            store.location(EMBEDDED_SESSION_KEY),
            SessionStorage::Keyring
        );
        assert!(!dir.path().join(FILE_NAME).exists());
        assert_eq!(keyring.len(), 1);
    }
}
