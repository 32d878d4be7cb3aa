//! Authentication: the GoTrue client ([`AuthClient`]), the session and its keyring storage
//! ([`SessionStore`]), the [`TokenManager`] that keeps a valid token for every request, and the
//! session part of the [`Core`] API.

pub mod gotrue;
mod remembered;
pub mod session;
pub mod store;
pub mod tokens;

pub use gotrue::{AuthClient, SignUp};
pub(crate) use remembered::Remembered;
pub use session::{Session, SessionChange, SessionEvent, SessionInfo, User};
pub use store::SessionStore;
pub use tokens::TokenManager;

use secrecy::SecretString;

use crate::{Core, CoreError, user_metadata};

// The session part of the [`Core`] API: first-run anonymous sign-in, email sign-up and sign-in,
// upgrading an anonymous account, sign-out, and the OS's online/offline signal.
impl Core {
    /// The signed-in session (no tokens), if any.
    /// Before the backend has answered (or when it never does) this is the session stored
    /// for the profile being connected, so the family's library opens offline.
    pub fn session(&self) -> Option<SessionInfo> {
        match self.tokens() {
            Ok(tokens) => tokens.info(),
            Err(_) => self.remembered_session(),
        }
    }

    /// The session, signing in anonymously first when there is none (the app's first run).
    pub async fn ensure_session(&self) -> Result<SessionInfo, CoreError> {
        match self.session() {
            Some(s) => Ok(s),
            None => self.sign_in_anonymously().await,
        }
    }

    /// The session to start with once a backend is connected: the stored one if the backend
    /// still knows it, else — as on a first run — a new guest. A stored email session the backend
    /// refuses is dropped and the family is asked to sign in again (no guest is made for them).
    pub async fn start_session(&self) -> Result<SessionInfo, CoreError> {
        if let Some(stored) = self.session() {
            if self.tokens()?.validate().await? {
                return self.session().ok_or_else(CoreError::unauthorized);
            }
            if !stored.is_anonymous {
                return Err(CoreError::unauthorized());
            }
        }
        self.sign_in_anonymously().await
    }

    /// A new anonymous user.
    pub async fn sign_in_anonymously(&self) -> Result<SessionInfo, CoreError> {
        self.tokens()?.sign_in_anonymously(&user_metadata()).await
    }

    /// Email sign-up with `app_version` and `platform` as user metadata. `None` when the backend
    /// asks for the email to be confirmed first.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
    ) -> Result<Option<SessionInfo>, CoreError> {
        self.tokens()?
            .sign_up(
                email.trim(),
                &SecretString::from(password.to_owned()),
                &user_metadata(),
            )
            .await
    }

    /// Email sign-in.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<SessionInfo, CoreError> {
        self.tokens()?
            .sign_in(email.trim(), &SecretString::from(password.to_owned()))
            .await
    }

    /// Turns the anonymous account into an email account (same user, stories kept).
    pub async fn link_email(&self, email: &str, password: &str) -> Result<SessionInfo, CoreError> {
        self.tokens()?
            .link_email(email.trim(), &SecretString::from(password.to_owned()))
            .await
    }

    /// Signs out; local state is always cleared, even offline.
    pub async fn sign_out(&self) -> Result<(), CoreError> {
        let remembered = self.forget_remembered();
        match (self.tokens(), remembered) {
            (Ok(tokens), _) => tokens.sign_out().await,
            // Never connected this run: the stored session goes without telling the backend.
            (Err(_), Some(remembered)) => self.sign_out_remembered(remembered).await,
            (Err(e), None) => Err(e),
        }
    }

    /// The OS reports the network went away or came back. Offline calls fail at once; coming
    /// back triggers an immediate token check instead of waiting for the next tick.
    pub async fn set_offline(&self, offline: bool) {
        let Ok(profile) = self.profile() else { return };
        profile.api.transport().set_offline(offline);
        if !offline {
            profile.api.tokens().tick().await;
        }
    }
}
