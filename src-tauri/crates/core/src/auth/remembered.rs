//! The session remembered from the last run, known before the backend answers.
//!
//! Connecting reads the stored session only after the backend's health check, so until then —
//! a second or more for the embedded backend at start-up, for ever when a Supabase project is
//! out of reach — nobody was signed in and the family's library (which belongs to a user id)
//! could not be read: Home waited for the backend and a cloud family offline saw no stories.
//! The stored session's *identity* (user id, email, anonymous; never its tokens) is read from
//! the keyring first, so the library, tonight's shortcut and playback of what is already here
//! work at once; requests still wait for the connected profile and its token manager.

use crate::auth::{SessionChange, SessionEvent, SessionInfo, SessionStore};
use crate::{Core, CoreError, CoreEvent};

/// The identity stored for one backend profile.
#[derive(Clone, Debug)]
pub(crate) struct Remembered {
    profile: String,
    session: SessionInfo,
}

impl Core {
    /// Reads the session stored for `profile` (`embedded`, `supabase/<host>`: the keyring, no
    /// network) and announces it, so [`Core::session`] answers before [`Core::connect`] has.
    /// A later connect to that profile takes over with the real token manager.
    pub async fn remember_session(&self, profile: &str) -> Option<SessionInfo> {
        let store = SessionStore::new(self.inner.options.secrets.clone(), profile);
        let session = match store.load().await {
            Ok(stored) => stored.map(|s| s.info()),
            Err(e) => {
                tracing::warn!(error = %e, "the stored session could not be read");
                None
            }
        };
        *self.remembered_slot() = session.clone().map(|session| Remembered {
            profile: profile.to_owned(),
            session,
        });
        if self.profile_is_unset() && session.is_some() {
            self.inner.events.emit(CoreEvent::Session(SessionEvent {
                change: SessionChange::InitialSession,
                session: session.clone(),
            }));
        }
        session
    }

    /// The remembered session, while it belongs to the profile last asked for.
    pub(crate) fn remembered_session(&self) -> Option<SessionInfo> {
        let wanted = self
            .inner
            .endpoint
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|e| e.profile_id());
        let slot = self.remembered_slot();
        let remembered = slot.as_ref()?;
        match wanted {
            Some(profile) if profile != remembered.profile => None,
            _ => Some(remembered.session.clone()),
        }
    }

    pub(crate) fn forget_remembered(&self) -> Option<Remembered> {
        self.remembered_slot().take()
    }

    /// Signs out of a profile this run never reached: its stored session is removed.
    pub(crate) async fn sign_out_remembered(
        &self,
        remembered: Remembered,
    ) -> Result<(), CoreError> {
        SessionStore::new(self.inner.options.secrets.clone(), &remembered.profile)
            .clear()
            .await?;
        self.inner.events.emit(CoreEvent::Session(SessionEvent {
            change: SessionChange::SignedOut,
            session: None,
        }));
        Ok(())
    }

    fn remembered_slot(&self) -> std::sync::RwLockWriteGuard<'_, Option<Remembered>> {
        self.inner
            .remembered
            .write()
            .unwrap_or_else(|e| e.into_inner())
    }

    fn profile_is_unset(&self) -> bool {
        self.inner
            .profile
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_none()
    }
}
