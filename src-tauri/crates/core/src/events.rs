//! What the core reports as it works. The core never sees the window: it broadcasts
//! [`CoreEvent`]s and the shell forwards each one to a typed UI event. Tests subscribe the same
//! way the shell does.

use tokio::sync::broadcast;

use crate::backend::BackendStatus;

/// Something the UI may want to show.
#[derive(Clone, Debug, PartialEq)]
pub enum CoreEvent {
    /// The backend connection changed.
    BackendStatus(BackendStatus),
}

/// A subscription to core events. A slow subscriber that falls behind loses the oldest events
/// (each event carries full state, so the latest one is always enough).
pub type EventStream = broadcast::Receiver<CoreEvent>;

/// Fan-out of core events to every subscriber.
#[derive(Debug)]
pub(crate) struct EventHub {
    sender: broadcast::Sender<CoreEvent>,
}

impl EventHub {
    pub(crate) fn new() -> Self {
        let (sender, _) = broadcast::channel(256);
        Self { sender }
    }

    pub(crate) fn subscribe(&self) -> EventStream {
        self.sender.subscribe()
    }

    pub(crate) fn emit(&self, event: CoreEvent) {
        // No subscriber yet is normal at start-up; the status is also kept in a watch.
        let _ = self.sender.send(event);
    }
}
