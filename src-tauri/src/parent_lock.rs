//! The parent lock: an optional 4–8 digit PIN, hashed with argon2id into the keyring (never in
//! `settings.json`), that guards settings changes, deleting and custom events. Unlocking lasts
//! ten minutes; the child can always pick and play stories.

use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use infinite_stories_core::secrets::{ExposeSecret, SecretError, SecretString};
use infinite_stories_core::settings::ParentLock;
use infinite_stories_core::{Core, CoreError, ErrorCode};
use tauri::{AppHandle, Manager, Runtime};

use crate::IpcError;

/// The keyring entry of the PIN's hash.
const PIN_KEY: &str = "parent-pin";
/// How long an unlock lasts.
const UNLOCK_MS: i64 = 10 * 60 * 1000;

/// Until when the lock is open (managed state; memory only, so a restart locks again).
#[derive(Debug, Default)]
pub struct Unlocked(Mutex<Option<i64>>);

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn stored_hash<R: Runtime>(app: &AppHandle<R>) -> Result<Option<String>, IpcError> {
    let core = app.state::<Core>();
    match core.secrets().get(PIN_KEY) {
        Ok(hash) => Ok(hash.map(|h| h.expose_secret().to_owned())),
        // No password store at all: no PIN can have been set.
        Err(SecretError::NoPasswordStore(_)) => Ok(None),
        Err(e) => Err(CoreError::from(e).into()),
    }
}

fn until<R: Runtime>(app: &AppHandle<R>) -> Option<i64> {
    let state = app.try_state::<Unlocked>()?;
    let until = *state.0.lock().unwrap_or_else(|e| e.into_inner());
    until.filter(|&u| u > now_ms())
}

fn set_until<R: Runtime>(app: &AppHandle<R>, value: Option<i64>) {
    if let Some(state) = app.try_state::<Unlocked>() {
        *state.0.lock().unwrap_or_else(|e| e.into_inner()) = value;
    }
}

/// The lock now.
pub fn status<R: Runtime>(app: &AppHandle<R>) -> Result<ParentLock, IpcError> {
    let enabled = stored_hash(app)?.is_some();
    Ok(ParentLock {
        enabled,
        unlocked_until: if enabled { until(app) } else { None },
    })
}

/// Fails with `LOCKED` while a PIN is set and not unlocked.
pub fn guard<R: Runtime>(app: &AppHandle<R>) -> Result<(), IpcError> {
    if stored_hash(app)?.is_some() && until(app).is_none() {
        return Err(IpcError {
            code: ErrorCode::Locked,
            message: "This is behind the parent lock. Ask a grown-up to unlock it with the PIN."
                .into(),
            retryable: false,
            retry_after: None,
        });
    }
    Ok(())
}

fn invalid(message: &str) -> IpcError {
    IpcError::from(CoreError::Validation(message.into()))
}

fn verify(hash: &str, pin: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Sets, changes (`current` required when one is set) or removes (`pin` null) the PIN.
pub fn set_pin<R: Runtime>(
    app: &AppHandle<R>,
    pin: Option<String>,
    current: Option<String>,
) -> Result<ParentLock, IpcError> {
    if let Some(hash) = stored_hash(app)? {
        match current {
            Some(c) if verify(&hash, &c) => {}
            Some(_) => return Err(invalid("That PIN isn't right")),
            None => return Err(invalid("currentPin: type the PIN you have now first")),
        }
    }
    let core = app.state::<Core>();
    match pin {
        None => {
            core.secrets().delete(PIN_KEY).map_err(CoreError::from)?;
            set_until(app, None);
        }
        Some(pin) => {
            if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid("pin: use 4 to 8 digits"));
            }
            let salt = SaltString::generate(&mut password_hash::rand_core::OsRng);
            let hash = Argon2::default()
                .hash_password(pin.as_bytes(), &salt)
                .map_err(|e| invalid(&format!("pin: could not be hashed ({e})")))?
                .to_string();
            core.secrets()
                .set(PIN_KEY, &SecretString::from(hash))
                .map_err(CoreError::from)?;
            set_until(app, Some(now_ms() + UNLOCK_MS));
        }
    }
    status(app)
}

/// Opens the lock for ten minutes.
pub fn unlock<R: Runtime>(app: &AppHandle<R>, pin: &str) -> Result<ParentLock, IpcError> {
    match stored_hash(app)? {
        Some(hash) if verify(&hash, pin) => set_until(app, Some(now_ms() + UNLOCK_MS)),
        Some(_) => return Err(invalid("That PIN isn't right")),
        None => {}
    }
    status(app)
}

/// Closes the lock at once.
pub fn lock<R: Runtime>(app: &AppHandle<R>) -> Result<ParentLock, IpcError> {
    set_until(app, None);
    status(app)
}

/// Forgets the PIN (erasing all data).
pub fn forget<R: Runtime>(app: &AppHandle<R>) -> Result<(), IpcError> {
    app.state::<Core>()
        .secrets()
        .delete(PIN_KEY)
        .map_err(CoreError::from)?;
    set_until(app, None);
    Ok(())
}
