//! The live part of the [`Core`] API (beside the realtime client it drives): realtime channels and the background tasks that forward
//! realtime status, push refreshed tokens and keep the library in step.

use std::sync::Arc;

use crate::realtime::{RealtimeClient, RealtimeStatus, Subscription};
use crate::*;

impl Core {
    /// The realtime client of the connected backend.
    pub fn realtime(&self) -> Result<RealtimeClient, CoreError> {
        Ok(self.profile()?.realtime.clone())
    }

    /// The realtime connection now.
    pub fn realtime_status(&self) -> Option<RealtimeStatus> {
        self.profile().ok().map(|p| p.realtime.status())
    }

    /// Subscribes to one of the app's channels; returns its topic.
    pub fn subscribe(&self, subscription: Subscription) -> Result<String, CoreError> {
        Ok(self.profile()?.realtime.subscribe(subscription))
    }

    /// Leaves a channel.
    pub fn unsubscribe(&self, topic: &str) -> Result<(), CoreError> {
        self.profile()?.realtime.unsubscribe(topic);
        Ok(())
    }

    /// Announces this device on a presence channel (coalesced to the server's rate limit).
    pub fn track_presence(&self, topic: &str, payload: serde_json::Value) -> Result<(), CoreError> {
        self.profile()?.realtime.track(topic, payload);
        Ok(())
    }

    /// Leaves every channel.
    pub fn unsubscribe_all(&self) -> Result<(), CoreError> {
        self.profile()?.realtime.unsubscribe_all();
        Ok(())
    }

    /// Forwards realtime status changes as core events.
    pub(crate) fn forward_realtime(
        &self,
        realtime: &RealtimeClient,
    ) -> tokio::task::JoinHandle<()> {
        let mut status = realtime.watch_status();
        let events = self.inner.events.clone();
        tokio::spawn(async move {
            while status.changed().await.is_ok() {
                let now = status.borrow_and_update().clone();
                events.emit(CoreEvent::Realtime(now));
            }
        })
    }

    /// Keeps the library in step with realtime: subscribes the user's story inserts once signed
    /// in, applies every change, and refetches after each (re)join since changes made while the
    /// socket was away are never replayed (reported_30).
    pub(crate) fn keep_library_in_step(
        &self,
        realtime: &RealtimeClient,
    ) -> tokio::task::JoinHandle<()> {
        let weak = Arc::downgrade(&self.inner);
        let mut events = self.inner.events.subscribe();
        let mut messages = realtime.messages();
        let realtime = realtime.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    event = events.recv() => match event {
                        Ok(CoreEvent::Session(e)) => {
                            if let Some(s) = e.session {
                                realtime.subscribe(Subscription::FamilyChanges { user_id: s.user_id.clone() });
                                realtime.subscribe(Subscription::StoryInserts { user_id: s.user_id });
                            }
                        }
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                        _ => {}
                    },
                    message = messages.recv() => {
                        let Some(inner) = weak.upgrade() else { return };
                        let core = Core { inner };
                        match message {
                            Ok(realtime::RealtimeMessage::Change { table, change, record, old_record, .. }) => {
                                let Ok(library) = core.library().await else { continue };
                                let result = if change == "DELETE" {
                                    library.delete_row(&table, old_record["id"].as_str().unwrap_or_default()).await
                                } else {
                                    library.apply_row(&table, &record).await
                                };
                                match result {
                                    Ok(()) => core.library_changed(&table),
                                    Err(e) => tracing::warn!(error = %e, "could not apply a realtime change"),
                                }
                            }
                            Ok(realtime::RealtimeMessage::Rejoined { topic }) if topic.starts_with("realtime:story-updates-") => {
                                // The backend answers again: first what was edited here while
                                // away, then what changed elsewhere (the catch-up). At start-up,
                                // once the window's first screen is shown (changes that arrive
                                // meanwhile wait in the channel, and the sync covers them).
                                core.after_first_screen().await;
                                if let Err(e) = core.push_outbox().await {
                                    tracing::info!(error = %e, "outbox push after rejoin failed");
                                }
                                if let Err(e) = core.sync_library().await {
                                    tracing::info!(error = %e, "library refetch after rejoin failed");
                                }
                            }
                            Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                            _ => {}
                        }
                    }
                }
            }
        })
    }

    /// Tries the outbox again every couple of seconds while changes wait; each change's own
    /// backoff (on the injected clock) decides whether it is sent.
    pub(crate) fn retry_outbox(&self) -> tokio::task::JoinHandle<()> {
        let weak = Arc::downgrade(&self.inner);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(crate::stories::outbox::FIRST_BACKOFF).await;
                let Some(inner) = weak.upgrade() else { return };
                let core = Core { inner };
                let waiting = core.outbox_status().await.is_ok_and(|s| s.waiting > 0);
                if waiting && let Err(e) = core.push_due().await {
                    tracing::debug!(error = %e, "outbox retry");
                }
            }
        })
    }

    /// Pushes refreshed tokens to the realtime channels as soon as the session changes.
    pub(crate) fn push_tokens_to(&self, realtime: &RealtimeClient) -> tokio::task::JoinHandle<()> {
        let mut events = self.inner.events.subscribe();
        let realtime = realtime.clone();
        tokio::spawn(async move {
            loop {
                match events.recv().await {
                    Ok(CoreEvent::Session(_)) => realtime.token_changed(),
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(_) => return,
                }
            }
        })
    }
}
