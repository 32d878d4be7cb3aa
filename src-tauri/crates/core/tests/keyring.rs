//! The one test against a real OS keyring (Linux Secret Service through gnome-keyring). It needs
//! a D-Bus session with an unlocked keyring, which a plain CI shell does not have, so it is
//! ignored by default. Run it with (see README):
//!
//! ```sh
//! dbus-run-session -- sh -c 'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null; \
//!   cargo test -p infinite-stories-core --test keyring -- --ignored'
//! ```

use infinite_stories_core::secrets::{ExposeSecret, KeyringStore, SecretStore, SecretString};

#[test]
#[ignore = "needs a D-Bus session with an unlocked Secret Service (run under dbus-run-session + gnome-keyring-daemon, see README)"]
fn the_session_round_trips_through_the_real_secret_service() {
    let service = format!("com.infinitestories.desktop.test.{}", uuid::Uuid::new_v4());
    let store = KeyringStore::new(&service);
    let key = "session/embedded";
    assert!(
        store.get(key).unwrap().is_none(),
        "a fresh service has no entry"
    );

    let value = SecretString::from(r#"{"access_token":"eyJ…","refresh_token":"v2abxq3kz9df"}"#);
    store.set(key, &value).unwrap();
    // A second handle (as after a restart) reads what the first wrote.
    let again = KeyringStore::new(&service);
    assert_eq!(
        again.get(key).unwrap().unwrap().expose_secret(),
        value.expose_secret()
    );

    store.set(key, &SecretString::from("rotated")).unwrap();
    assert_eq!(again.get(key).unwrap().unwrap().expose_secret(), "rotated");

    store.delete(key).unwrap();
    assert!(again.get(key).unwrap().is_none());
    store.delete(key).unwrap();
}
