//! The live realtime sockets, counted so shutdown can wait for their close frames.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Notify;

/// Counts live realtime sockets so shutdown can wait for their close frames.
#[derive(Debug, Default)]
pub(crate) struct SocketCount {
    live: AtomicUsize,
    idle: Notify,
}

/// Held by a running socket.
#[derive(Debug)]
pub(crate) struct SocketTicket(Arc<SocketCount>);

impl Drop for SocketTicket {
    fn drop(&mut self) {
        if self.0.live.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl SocketCount {
    /// Registers a socket until the ticket is dropped.
    pub(crate) fn enter(self: &Arc<Self>) -> SocketTicket {
        self.live.fetch_add(1, Ordering::SeqCst);
        SocketTicket(self.clone())
    }

    /// Returns once no socket is live.
    pub(crate) async fn wait_idle(&self) {
        loop {
            let notified = self.idle.notified();
            if self.live.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}
