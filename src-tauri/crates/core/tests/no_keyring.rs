//! The session on a desktop with a D-Bus session but no Secret Service (no gnome-keyring, no
//! KWallet), against the real keyring crate: the embedded session falls back to the owner-only
//! file, a Supabase session fails with what to install. It needs a private D-Bus session with
//! nothing on it, so it is ignored by default; `scripts/test.sh` runs it as:
//!
//! ```sh
//! dbus-run-session -- cargo test -p infinite-stories-core --test no_keyring -- --ignored
//! ```

use std::sync::Arc;

use infinite_stories_core::secrets::{ExposeSecret, KeyringStore, SecretStore, SecretString};
use infinite_stories_core::session_file::{
    EMBEDDED_SESSION_KEY, FILE_NAME, KeyringOrFile, SessionStorage,
};

#[test]
#[ignore = "needs a private D-Bus session without a Secret Service (run under dbus-run-session)"]
fn without_a_secret_service_the_embedded_session_falls_back_to_a_file() {
    let service = format!("com.infinitestories.desktop.test.{}", uuid::Uuid::new_v4());
    let keyring = Arc::new(KeyringStore::new(&service));
    let probe = keyring.set("probe", &SecretString::from("x"));
    assert!(
        probe.is_err(),
        "a Secret Service answered: run under a bare dbus-run-session"
    );
    println!("the keyring says: {}", probe.unwrap_err());

    let dir = tempfile::tempdir().unwrap();
    let store = KeyringOrFile::new(keyring.clone(), dir.path());
    assert!(store.get(EMBEDDED_SESSION_KEY).unwrap().is_none());
    store
        .set(EMBEDDED_SESSION_KEY, &SecretString::from("tokens"))
        .unwrap();
    assert_eq!(store.location(EMBEDDED_SESSION_KEY), SessionStorage::File);
    let again = KeyringOrFile::new(keyring.clone(), dir.path());
    let read = again.get(EMBEDDED_SESSION_KEY).unwrap().unwrap();
    assert_eq!(read.expose_secret(), "tokens");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(FILE_NAME))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let cloud = "session/supabase/abc.supabase.co";
    let err = store.set(cloud, &SecretString::from("tokens")).unwrap_err();
    assert!(err.to_string().contains("gnome-keyring"), "{err}");
    assert_eq!(store.location(cloud), SessionStorage::Unavailable);
    let stored = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(!stored.contains("supabase"));
}
