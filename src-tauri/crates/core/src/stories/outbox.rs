//! Pushing the outbox ([`Core::push_outbox`]): the changes made on this computer, sent to the
//! backend in the order they were made, when it answers. The conflict rule (also in the core's
//! README, "Two-way sync"):
//!
//! - an edit is a `PATCH … ?id=eq.<id>&updated_at=lte.<edit time>`: it lands only if the
//!   backend's row was not changed after the edit was made, so an older edit never overwrites a
//!   newer one. When it does not land, the backend's row (the newer one) is taken here;
//! - a delete beats an edit: a queued delete is sent unconditionally, and an edit whose row is
//!   gone on the backend is dropped and the row removed here;
//! - a pull (sync or realtime) never overwrites a row with an edit still queued.
//!
//! Each push is one request (no transport retries: an edit made offline returns at once); one
//! that cannot reach the backend waits (2 s, doubling to 5 min) and the run stops there, so
//! later changes never overtake it. A change the backend refuses (a 4xx) is kept and shown
//! ([`OutboxStatus::refused`]), not dropped; so is one that failed [`MAX_ATTEMPTS`] times while
//! the backend answered.

use std::time::Duration;

use reqwest::Method;
use serde_json::Value;

use super::library::outbox::{OutboxEntry, OutboxOp, OutboxStatus};
use crate::family::{fetch_row, is_unreachable};
use crate::http::{Request, RetryPolicy, Service};
use crate::*;

/// The first wait after a failed push.
pub const FIRST_BACKOFF: Duration = Duration::from_secs(2);
/// The longest wait between tries.
pub const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// Failed pushes with the backend answering (rate limited, timing out) before a change is
/// kept as refused. An unreachable backend never uses these up: offline for a week is fine.
pub const MAX_ATTEMPTS: u32 = 8;

/// The wait after the `attempts`-th failed push: 2 s, 4 s, 8 s … at most 5 minutes.
pub fn backoff(attempts: u32) -> Duration {
    let doubled = FIRST_BACKOFF.saturating_mul(1u32 << attempts.saturating_sub(1).min(16));
    doubled.min(MAX_BACKOFF)
}

/// What became of one change on the backend.
enum Outcome {
    /// Taken; the backend's row when it sent one back.
    Taken(Option<Value>),
    /// Not taken because the backend's row is newer: that row.
    Newer(Value),
    /// The row is gone on the backend.
    Gone,
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

async fn send(api: &ApiClient, user: &str, entry: &OutboxEntry) -> Result<Outcome, CoreError> {
    let id = encode(&entry.row_id);
    match entry.op {
        OutboxOp::Patch => {
            let request = Request::new(
                Service::Rest,
                Method::PATCH,
                format!(
                    "/{}?id=eq.{id}&updated_at=lte.{}",
                    entry.table,
                    encode(&entry.edited_at)
                ),
            )
            .json(&entry.body)
            .header("prefer", "return=representation")
            .policy(RetryPolicy::NONE)
            .replay_safe();
            let rows: Vec<Value> = api.send(&request).await?.json()?;
            if let Some(row) = rows.into_iter().next() {
                return Ok(Outcome::Taken(Some(row)));
            }
            Ok(match fetch_row(api, &entry.table, &entry.row_id).await? {
                Some(row) => Outcome::Newer(row),
                None => Outcome::Gone,
            })
        }
        OutboxOp::Upsert => {
            let request = Request::new(
                Service::Rest,
                Method::POST,
                format!("/{}?on_conflict=id", entry.table),
            )
            .json(&entry.body)
            .header("prefer", "resolution=merge-duplicates,return=minimal")
            .policy(RetryPolicy::NONE)
            .replay_safe();
            api.send(&request).await?;
            Ok(Outcome::Taken(None))
        }
        OutboxOp::Delete => {
            if entry.table == "stories" {
                for bucket in crate::stories::shelf::STORY_BUCKETS {
                    crate::stories::shelf::delete_folder(
                        api,
                        bucket,
                        &format!("{user}/{}", entry.row_id),
                    )
                    .await?;
                }
            }
            let request = Request::new(
                Service::Rest,
                Method::DELETE,
                format!("/{}?id=eq.{id}", entry.table),
            )
            .header("prefer", "return=minimal")
            .policy(RetryPolicy::NONE)
            .replay_safe();
            api.send(&request).await?;
            Ok(Outcome::Taken(None))
        }
    }
}

/// Whether a failed push should be tried again later (rather than kept as refused).
fn try_again(err: &CoreError) -> bool {
    err.is_retryable() || matches!(err, CoreError::Unauthorized { .. })
}

impl Core {
    /// Sends the queued changes of the signed-in family now, oldest first (a realtime join: the
    /// backend answers again), and says what is left.
    pub async fn push_outbox(&self) -> Result<OutboxStatus, CoreError> {
        self.push(true).await
    }

    /// [`Core::push_outbox`], but a change waiting out its backoff is not tried before its time
    /// (the retry timer, and after each edit).
    pub(crate) async fn push_due(&self) -> Result<OutboxStatus, CoreError> {
        self.push(false).await
    }

    async fn push(&self, now: bool) -> Result<OutboxStatus, CoreError> {
        let _one_at_a_time = self.inner.outbox.lock().await;
        let user = self.user_id()?;
        let library = self.library().await?;
        let api = self.api();
        for entry in library.outbox(&user).await? {
            let time = self.inner.options.clock.now_millis();
            if !now && entry.next_try_at > time {
                break;
            }
            let api = match &api {
                Ok(api) => api,
                Err(e) => {
                    let wait = backoff(entry.attempts + 1).as_millis() as i64;
                    library
                        .outbox_failed(entry.seq, &e.to_string(), time + wait)
                        .await?;
                    break;
                }
            };
            match send(api, &user, &entry).await {
                Ok(outcome) => {
                    library.outbox_sent(entry.seq).await?;
                    match outcome {
                        Outcome::Taken(Some(row)) => library.apply_row(&entry.table, &row).await?,
                        Outcome::Taken(None) => {}
                        Outcome::Newer(row) => {
                            tracing::info!(
                                table = %entry.table,
                                "an edit made here was older than the backend's row; the newer one kept"
                            );
                            library.apply_row(&entry.table, &row).await?;
                        }
                        Outcome::Gone => {
                            tracing::info!(table = %entry.table, "an edited row was deleted elsewhere; the delete wins");
                            if entry.table == "stories" {
                                library.remove_story(&entry.row_id).await?;
                            } else {
                                library.delete_row(&entry.table, &entry.row_id).await?;
                            }
                        }
                    }
                    self.library_changed(&entry.table);
                }
                Err(e)
                    if try_again(&e)
                        && (is_unreachable(&e) || entry.attempts + 1 < MAX_ATTEMPTS) =>
                {
                    tracing::info!(error = %e, "a queued change waits for the backend");
                    let wait = backoff(entry.attempts + 1).as_millis() as i64;
                    library
                        .outbox_failed(entry.seq, &e.to_string(), time + wait)
                        .await?;
                    break;
                }
                Err(e) => {
                    tracing::warn!(table = %entry.table, error = %e, "the backend refused a queued change; kept");
                    library.outbox_refused(entry.seq, &e.to_string()).await?;
                    self.library_changed(&entry.table);
                }
            }
        }
        library.outbox_status(&user).await
    }

    /// What the signed-in family has waiting to be sent, and what the backend refused.
    /// Nothing waits before anyone signed in.
    pub async fn outbox_status(&self) -> Result<OutboxStatus, CoreError> {
        let Some(session) = self.session() else {
            return Ok(OutboxStatus::default());
        };
        let user = session.user_id;
        self.library().await?.outbox_status(&user).await
    }

    /// After an edit was queued: tries to send it now, so that online nothing waits. A backend
    /// that does not answer only leaves it queued (the call still succeeds: the edit is kept).
    pub(crate) async fn push_soon(&self) {
        if let Err(e) = self.push_due().await {
            tracing::info!(error = %e, "queued changes not pushed yet");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_at_two_seconds_doubles_and_stops_at_five_minutes() {
        let waits: Vec<u64> = (1..=10).map(|a| backoff(a).as_secs()).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
        assert_eq!(backoff(1000), MAX_BACKOFF);
    }
}
