//! "Move my library to the cloud": copies everything a family made on the connected backend
//! (the embedded one) — heroes, custom events, stories, scenes, narration, pictures, avatars,
//! listening sessions — to a Supabase project, signed in as the family's account there.
//!
//! - [`target`]: the second, authenticated client for the destination;
//! - [`plan`]: what is copied, in which order, and what is rewritten for the new account;
//! - [`copy`]: files uploaded and read back (SHA-256), rows upserted (idempotent);
//! - [`journal`]: progress kept in the local SQLite, so a quit, a network cut or Cancel
//!   resumes where it stopped.
//!
//! The app stays on its current backend: switching to the project is the family's next step in
//! Settings. Progress goes out as [`CoreEvent::Moving`]; the run ends with a [`MoveReport`]
//! (rows counted on both sides per table, files verified, what failed).

mod copy;
mod journal;
mod plan;
mod target;

use std::sync::{Arc, Mutex};

use serde::Serialize;
use tokio::sync::Notify;

pub use target::MoveDestination;

use crate::clock::SharedClock;
use crate::events::{CoreEvent, EventHub};
use crate::{Core, CoreError};

/// Where a move is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MoveStep {
    /// Signing in to the destination.
    Connecting,
    /// Reading what the family has.
    Reading,
    /// Copying files (narration, pictures, avatars).
    Files,
    /// Copying rows.
    Rows,
    /// Counting every table on both sides.
    Verifying,
    /// Finished (see the report).
    Done,
    /// Stopped by a failure; moving again resumes.
    Failed,
    /// Stopped by Cancel; moving again resumes.
    Cancelled,
}

/// A move's progress (`moving://progress`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoveProgress {
    /// Step.
    pub step: MoveStep,
    /// Files and rows handled (copied, already copied before, or failed).
    pub done: u32,
    /// Files and rows to handle.
    pub total: u32,
    /// Bytes of files copied.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_done: u64,
    /// Bytes of every file.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes_total: u64,
    /// Why it stopped, for `failed`.
    pub message: Option<String>,
}

impl MoveProgress {
    fn at(step: MoveStep) -> Self {
        Self {
            step,
            done: 0,
            total: 0,
            bytes_done: 0,
            bytes_total: 0,
            message: None,
        }
    }
}

/// One table counted on both sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TableCount {
    /// Table name.
    pub table: String,
    /// The family's rows on the source.
    pub source: u32,
    /// How many of those the destination has.
    pub target: u32,
}

/// What a finished move did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoveReport {
    /// The destination.
    pub target_url: String,
    /// It carried on from a run cut halfway.
    pub resumed: bool,
    /// Rows per table, source and destination.
    pub tables: Vec<TableCount>,
    /// Files to copy.
    pub files: u32,
    /// Files whose copy read back with the source's SHA-256.
    pub files_verified: u32,
    /// Their bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// What could not be copied, and why.
    pub failures: Vec<String>,
    /// Every row and file is on the destination, verified.
    pub complete: bool,
}

/// What Settings shows when it opens.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoveStatus {
    /// A move is running now.
    pub running: bool,
    /// Its latest progress (or the last run's final one).
    pub progress: Option<MoveProgress>,
    /// The last finished run's report (this session of the app).
    pub report: Option<MoveReport>,
    /// The destination of a run cut halfway, which moving again resumes.
    pub unfinished: Option<String>,
}

/// A running move's cancel switch and the latest progress and report; one per core.
#[derive(Debug, Default)]
pub(crate) struct MoveState {
    inner: Mutex<StateInner>,
}

#[derive(Debug, Default)]
struct StateInner {
    cancel: Option<Arc<Notify>>,
    progress: Option<MoveProgress>,
    report: Option<MoveReport>,
}

impl MoveState {
    fn lock(&self) -> std::sync::MutexGuard<'_, StateInner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Sends progress out and remembers the latest. A library of thousands of stories is hundreds of
/// thousands of rows: the UI gets at most one update per [`Reporter::INTERVAL`] (on the injected
/// clock), plus every change of step and the last item; the status always has the latest.
#[derive(Debug)]
pub(crate) struct Reporter {
    events: EventHub,
    state: Arc<MoveState>,
    clock: SharedClock,
    /// When the last update went out, and its step.
    sent: Mutex<Option<(i64, MoveStep)>>,
}

impl Reporter {
    /// 4 updates a second.
    pub(crate) const INTERVAL_MS: i64 = 250;

    fn new(events: EventHub, state: Arc<MoveState>, clock: SharedClock) -> Self {
        Self {
            events,
            state,
            clock,
            sent: Mutex::new(None),
        }
    }

    pub(crate) fn report(&self, progress: &MoveProgress) {
        self.state.lock().progress = Some(progress.clone());
        let now = self.clock.now_millis();
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        let due = match *sent {
            None => true,
            Some((at, step)) => {
                step != progress.step
                    || progress.done == progress.total
                    || now - at >= Self::INTERVAL_MS
            }
        };
        if due {
            *sent = Some((now, progress.step));
            self.events.emit(CoreEvent::Moving(progress.clone()));
        }
    }
}

/// Clears the running flag however the move ends (finished, failed, or its future dropped).
struct Running(Arc<MoveState>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.lock().cancel = None;
    }
}

impl Core {
    /// Copies the family's library to `destination` (see the module doc). Resumes a run to the
    /// same destination and account that was cut halfway. Only one move runs at a time.
    pub async fn move_library(
        &self,
        destination: MoveDestination,
    ) -> Result<MoveReport, CoreError> {
        let state = self.inner.moving.clone();
        let cancel = {
            let mut s = state.lock();
            if s.cancel.is_some() {
                return Err(CoreError::Validation(
                    "The library is already being moved. Wait for it to finish, or cancel it."
                        .into(),
                ));
            }
            let cancel = Arc::new(Notify::new());
            s.cancel = Some(cancel.clone());
            cancel
        };
        let _running = Running(state.clone());
        let reporter = Reporter::new(
            self.inner.events.clone(),
            state.clone(),
            self.inner.options.clock.clone(),
        );
        let result = tokio::select! {
            biased;
            () = cancel.notified() => Err(CoreError::Cancelled),
            r = self.run_move(&destination, &reporter) => r,
        };
        let last = state.lock().progress.clone();
        let mut end = last.unwrap_or_else(|| MoveProgress::at(MoveStep::Connecting));
        match &result {
            Ok(report) => {
                end.step = MoveStep::Done;
                state.lock().report = Some(report.clone());
            }
            Err(CoreError::Cancelled) => end.step = MoveStep::Cancelled,
            Err(e) => {
                end.step = MoveStep::Failed;
                end.message = Some(e.to_string());
            }
        }
        reporter.report(&end);
        match &result {
            Ok(r) => tracing::info!(
                files = r.files,
                verified = r.files_verified,
                failures = r.failures.len(),
                complete = r.complete,
                "library moved"
            ),
            Err(e) => tracing::warn!(error = %e, "library move stopped"),
        }
        result
    }

    /// Stops the running move (it resumes at the next [`Core::move_library`]). Whether one ran.
    pub fn cancel_move_library(&self) -> bool {
        match self.inner.moving.lock().cancel.clone() {
            Some(cancel) => {
                cancel.notify_one();
                true
            }
            None => false,
        }
    }

    /// Whether a move runs, its progress, the last report, and a run left unfinished.
    pub async fn move_status(&self) -> MoveStatus {
        let (running, progress, report) = {
            let s = self.inner.moving.lock();
            (s.cancel.is_some(), s.progress.clone(), s.report.clone())
        };
        let unfinished = match (self.user_id(), self.library().await) {
            (Ok(user), Ok(library)) => journal::Journal::unfinished(library.pool(), &user)
                .await
                .ok()
                .flatten()
                .map(|u| u.target),
            _ => None,
        };
        MoveStatus {
            running,
            progress,
            report,
            unfinished,
        }
    }

    async fn run_move(
        &self,
        destination: &MoveDestination,
        reporter: &Reporter,
    ) -> Result<MoveReport, CoreError> {
        reporter.report(&MoveProgress::at(MoveStep::Connecting));
        let source = self.api()?;
        let source_user = self.user_id()?;
        let library = self.library().await?;
        let target = target::connect(&self.inner.options, destination).await?;
        if same_backend(&source, &target) {
            return Err(CoreError::Validation(
                "That project is the backend this library is already on. Type the address of \
                 the Supabase project to move it to."
                    .into(),
            ));
        }
        reporter.report(&MoveProgress::at(MoveStep::Reading));
        let plan = plan::read(&source, &source_user).await?;
        let journal = journal::Journal::new(
            library.pool().clone(),
            &source_user,
            target.endpoint.base_url.as_str(),
        );
        let clock = self.inner.options.clock.clone();
        let resumed = journal.begin(&target.user_id, clock.now_millis()).await?;
        let now = move || clock.now_millis();
        let report = copy::Run {
            source: &source,
            source_user: &source_user,
            target: &target,
            journal: &journal,
            reporter,
            now: &now,
        }
        .run(&plan, resumed)
        .await?;
        journal
            .finish(self.inner.options.clock.now_millis())
            .await?;
        Ok(report)
    }
}

fn same_backend(source: &crate::ApiClient, target: &target::Target) -> bool {
    source.transport().endpoint().base_url == target.endpoint.base_url
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn progress_reaches_the_ui_four_times_a_second_and_at_every_step() {
        let clock = crate::clock::ManualClock::new();
        let events = EventHub::new();
        let mut seen = events.subscribe();
        let state = Arc::new(MoveState::default());
        let reporter = Reporter::new(events, state.clone(), clock.clone());
        let at = |step, done| MoveProgress {
            done,
            total: 1000,
            ..MoveProgress::at(step)
        };
        for done in 0..100 {
            reporter.report(&at(MoveStep::Files, done));
            clock.advance(Duration::from_millis(10));
        }
        reporter.report(&at(MoveStep::Rows, 100));
        reporter.report(&at(MoveStep::Rows, 1000));
        let mut sent = Vec::new();
        while let Ok(CoreEvent::Moving(p)) = seen.try_recv() {
            sent.push((p.step, p.done));
        }
        // 0, 25, 50, 75 (every 250 ms of the second), the new step, the last item.
        assert_eq!(
            sent,
            [
                (MoveStep::Files, 0),
                (MoveStep::Files, 25),
                (MoveStep::Files, 50),
                (MoveStep::Files, 75),
                (MoveStep::Rows, 100),
                (MoveStep::Rows, 1000),
            ]
        );
        assert_eq!(state.lock().progress.as_ref().unwrap().done, 1000);
    }
}
