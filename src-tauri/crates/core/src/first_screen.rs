//! The window's first screen before the library sync of start-up.
//!
//! At start-up the first realtime join syncs the library: with 10,000 stories that is a dozen
//! reads of a family's story ids, page by page, and the work of applying them, on the same two
//! cores the window is starting on. Measured in the real window (README, "A library of 10,000
//! stories"), it cost the interactive Home about 45 ms of a 0.4 s cold start. Nothing on Home
//! needs it (Home reads the local library), so the shell asks the core to hold that catch-up
//! until the UI says its first screen is shown, and never longer than [`FIRST_SCREEN_WAIT`] (a
//! UI that never says so, or a window started hidden, still gets its sync). A core no shell
//! asked to hold never waits.
//!
//! The wait is in the realtime loop (`realtime/live.rs`), so the realtime changes and session
//! changes that arrive meanwhile wait in their channels (1,024 and 256 deep) and are handled
//! after the sync, which reads every change since the last one anyway.

use std::time::Duration;

use tokio::sync::watch;

use crate::clock::SharedSleeper;

/// The longest the start-up sync waits for the first screen.
pub const FIRST_SCREEN_WAIT: Duration = Duration::from_secs(3);

/// Whether the first screen is shown (open) or background work still waits for it (held).
#[derive(Debug)]
pub(crate) struct FirstScreen(watch::Sender<bool>);

impl Default for FirstScreen {
    /// Open: nothing waits.
    fn default() -> Self {
        Self(watch::Sender::new(true))
    }
}

impl FirstScreen {
    /// From now on, [`FirstScreen::wait`] waits for [`FirstScreen::shown`] (at most `limit`).
    pub(crate) fn hold(&self) {
        self.0.send_replace(false);
    }

    /// The first screen is shown: whatever waits goes on, and nothing waits again.
    pub(crate) fn shown(&self) {
        self.0.send_replace(true);
    }

    /// Whether something waits in [`FirstScreen::wait`] now (each wait holds the one receiver).
    pub(crate) fn waiting(&self) -> bool {
        self.0.receiver_count() > 0
    }

    /// Returns once the first screen is shown, or `limit` after it was called on `timer` (and
    /// then holds nothing more: a UI that never said so costs one wait, not one per rejoin);
    /// at once when nothing is held.
    pub(crate) async fn wait(&self, timer: &SharedSleeper, limit: Duration) {
        let mut open = self.0.subscribe();
        if *open.borrow_and_update() {
            return;
        }
        tokio::select! {
            _ = open.wait_for(|shown| *shown) => {}
            () = timer.sleep(limit) => {
                tracing::debug!("no first screen yet; syncing anyway");
                self.shown();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::clock::{ManualClock, ManualTimer};

    async fn settle() {
        for _ in 0..20 {
            tokio::task::yield_now().await;
        }
    }

    fn spawn_wait(
        gate: &Arc<FirstScreen>,
        timer: &Arc<ManualTimer>,
    ) -> tokio::task::JoinHandle<()> {
        let (gate, timer) = (gate.clone(), timer.clone() as SharedSleeper);
        tokio::spawn(async move { gate.wait(&timer, FIRST_SCREEN_WAIT).await })
    }

    /// A wait that should end now: a regression fails here instead of hanging the suite.
    async fn ends(wait: tokio::task::JoinHandle<()>, what: &str) {
        tokio::time::timeout(Duration::from_secs(5), wait)
            .await
            .unwrap_or_else(|_| panic!("{what}"))
            .unwrap();
    }

    #[tokio::test]
    async fn nothing_held_nothing_waits() {
        let timer = ManualTimer::new(ManualClock::new());
        let gate = Arc::new(FirstScreen::default());
        ends(spawn_wait(&gate, &timer), "waited with nothing held").await;
        assert!(!gate.waiting());
    }

    #[tokio::test]
    async fn held_it_waits_for_the_first_screen() {
        let timer = ManualTimer::new(ManualClock::new());
        let gate = Arc::new(FirstScreen::default());
        gate.hold();
        let waiting = spawn_wait(&gate, &timer);
        settle().await;
        assert!(!waiting.is_finished(), "went on before the first screen");
        assert!(gate.waiting());
        gate.shown();
        ends(waiting, "still waiting after the first screen").await;
        assert!(!gate.waiting());
        // Shown once, shown for good.
        ends(
            spawn_wait(&gate, &timer),
            "waited again after the first screen",
        )
        .await;
    }

    #[tokio::test]
    async fn a_first_screen_that_never_comes_holds_nothing_past_the_limit() {
        let timer = ManualTimer::new(ManualClock::new());
        let gate = Arc::new(FirstScreen::default());
        gate.hold();
        let waiting = spawn_wait(&gate, &timer);
        settle().await;
        timer.advance(FIRST_SCREEN_WAIT - Duration::from_millis(1));
        settle().await;
        assert!(!waiting.is_finished(), "went on before the limit");
        timer.advance(Duration::from_millis(1));
        ends(waiting, "still waiting after the limit").await;
        // The limit passed once: the next rejoin's sync does not wait again.
        ends(spawn_wait(&gate, &timer), "waited again after the limit").await;
    }
}
