//! What the core reports as it works. The core never sees the window: it broadcasts
//! [`CoreEvent`]s and the shell forwards each one to a typed UI event. Tests subscribe the same
//! way the shell does.

use tokio::sync::broadcast;

use crate::auth::SessionEvent;
use crate::backend::BackendStatus;
use crate::http::LimitStatus;
use crate::realtime::RealtimeStatus;
use crate::stories::progress::GenerationProgress;

/// Something the UI may want to show. Non-exhaustive: the shell's bridge keeps a fallback arm so
/// a new event never breaks its build.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum CoreEvent {
    /// The backend connection changed.
    BackendStatus(BackendStatus),
    /// Signed in, out, refreshed… (`session://changed`).
    Session(SessionEvent),
    /// A client-side limit was spent or refilled (`limits://changed`).
    Limits(Vec<LimitStatus>),
    /// The realtime connection or a channel changed (`realtime://status`).
    Realtime(RealtimeStatus),
    /// A story generation moved on (`story://progress`).
    Progress(GenerationProgress),
    /// Heroes, custom events or stories changed in the library, here or on another device
    /// (`library://changed`): lists showing them read them again.
    LibraryChanged(crate::family::LibraryPart),
    /// The library move to a Supabase project moved on (`moving://progress`).
    Moving(crate::moving::MoveProgress),
}

/// A subscription to core events. A slow subscriber that falls behind loses the oldest events
/// (each event carries full state, so the latest one is always enough).
pub type EventStream = broadcast::Receiver<CoreEvent>;

/// Fan-out of core events to every subscriber.
#[derive(Clone, Debug)]
pub struct EventHub {
    sender: broadcast::Sender<CoreEvent>,
}

impl Default for EventHub {
    fn default() -> Self {
        Self::new()
    }
}

impl EventHub {
    /// A hub with no subscribers.
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(256);
        Self { sender }
    }

    /// A new subscription.
    pub fn subscribe(&self) -> EventStream {
        self.sender.subscribe()
    }

    /// Sends `event` to every subscriber.
    pub fn emit(&self, event: CoreEvent) {
        // No subscriber yet is normal at start-up; the status is also kept in a watch.
        let _ = self.sender.send(event);
    }
}
