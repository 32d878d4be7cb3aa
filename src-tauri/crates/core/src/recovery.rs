//! What happens after a damaged database was set aside (the contract's
//! `sqlite::open_or_recover` moved it and made a fresh one): the family is told, in the
//! backend status's notices (`backend://status`, and `backend_status` for a window that opens
//! later), what happened and where the old file is kept; and a fresh local library is brought
//! back from the backend as soon as a session can read it.

use std::path::Path;
use std::sync::Arc;

use infinite_stories_contract::sqlite::Recovered;
use tokio::sync::broadcast::error::RecvError;

use crate::family::LibraryPart;
use crate::*;

/// Which database was set aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damaged {
    /// The core's `core.sqlite` (the library on this computer and the cache's index).
    Library,
    /// The embedded backend's `server.db` (accounts, and the stories kept on this computer's
    /// built-in server).
    Server,
}

/// The words a parent reads.
pub fn message(what: Damaged, moved_to: &Path) -> String {
    let at = moved_to.display();
    match what {
        Damaged::Library => format!(
            "The library on this computer could not be read (its file was damaged), so the app \
             set it aside and started a new one. The old file is kept at {at} in case it is \
             needed. Your stories, heroes and events are being brought back from the story server."
        ),
        Damaged::Server => format!(
            "The built-in story server's database could not be read (its file was damaged), so \
             the app set it aside and started a new one. The old file is kept at {at} for \
             recovery. Accounts and stories that were only in it are not in the new one; sign in \
             again or start as a new family."
        ),
    }
}

/// The words a parent reads when the check after start-up found the library damaged.
pub const DAMAGED_LIBRARY: &str = "Part of the library on this computer is damaged. Quit the app \
     and open it again: it will set the damaged file aside and bring your stories, heroes and \
     events back from the story server.";

/// How long after the library opens its page-by-page check starts. It reads the whole file
/// (0.24–0.4 s of one core at 10,000 stories): run at once, it took that core from the window
/// and the web view while Home was starting on a two-core machine.
pub const LIBRARY_CHECK_DELAY: std::time::Duration = std::time::Duration::from_secs(20);

impl Core {
    /// Runs the library's page-by-page check beside the app once start-up is over (it reads
    /// every page: too slow for start-up); a damaged file is marked for the next start and the
    /// family told to restart.
    pub(crate) fn check_library_later(&self, check: crate::database::Check) {
        let weak = Arc::downgrade(&self.inner);
        let timer = self.timer();
        tokio::spawn(async move {
            timer.sleep(LIBRARY_CHECK_DELAY).await;
            let Some(reason) = check.run().await else {
                return;
            };
            tracing::error!(%reason, "the library failed its check; set aside at the next start");
            if let Some(inner) = weak.upgrade() {
                let core = Core { inner };
                core.inner
                    .notices
                    .write()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(DAMAGED_LIBRARY.to_owned());
                let status = core.inner.status.borrow().clone();
                core.publish(status);
            }
        });
    }

    /// The notices so far (what [`BackendStatus::notices`] carries), `None` when there are none.
    pub(crate) fn notices(&self) -> Option<Vec<String>> {
        let notices = self
            .inner
            .notices
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        (!notices.is_empty()).then_some(notices)
    }

    /// Tells the family a database was found damaged and set aside: logged, added to the
    /// backend status's notices and published at once.
    pub fn report_recovered(&self, what: Damaged, recovered: &Recovered) {
        tracing::error!(
            database = ?what,
            moved_to = %recovered.moved_to.display(),
            reason = %recovered.reason,
            "a damaged database was set aside and a fresh one made"
        );
        self.inner
            .notices
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .push(message(what, &recovered.moved_to));
        let status = self.inner.status.borrow().clone();
        self.publish(status);
    }

    /// Fills a fresh library from the backend: now when a session can read it, else after the
    /// next sign-in. Announces each part as changed, so open lists read again. Holds the core
    /// weakly: a core dropped meanwhile ends it.
    pub(crate) fn resync_after_recovery(&self) {
        let weak = Arc::downgrade(&self.inner);
        let mut events = self.events();
        tokio::spawn(async move {
            loop {
                let Some(inner) = weak.upgrade() else { return };
                let core = Core { inner };
                if core.session().is_some() {
                    match core.sync_library().await {
                        Ok(()) => {
                            tracing::info!("the fresh library was filled from the backend");
                            for part in [
                                LibraryPart::Heroes,
                                LibraryPart::CustomEvents,
                                LibraryPart::Stories,
                            ] {
                                core.inner.events.emit(CoreEvent::LibraryChanged(part));
                            }
                            return;
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "the fresh library could not be filled yet")
                        }
                    }
                }
                drop(core);
                loop {
                    match events.recv().await {
                        Ok(CoreEvent::Session(_)) | Err(RecvError::Lagged(_)) => break,
                        Ok(_) => {}
                        Err(RecvError::Closed) => return,
                    }
                }
            }
        });
    }
}
