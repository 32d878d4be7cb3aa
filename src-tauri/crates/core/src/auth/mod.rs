//! Authentication: the GoTrue client ([`AuthClient`]), the session and its keyring storage
//! ([`SessionStore`]), and the [`TokenManager`] that keeps a valid token for every request.

pub mod gotrue;
pub mod session;
pub mod store;
pub mod tokens;

pub use gotrue::{AuthClient, SignUp};
pub use session::{Session, SessionChange, SessionEvent, SessionInfo, User};
pub use store::SessionStore;
pub use tokens::TokenManager;
