//! The function calls in flight, by (user, function, request id): a retry with the same
//! `X-Request-ID` waits for the first attempt instead of running a second time. This is the
//! state the functions keep in `AppState`; a leaf that imports nothing of the server, so
//! `state.rs` can hold it without the functions importing the state back in a circle.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// In-flight calls by key; each key's gate is held by the attempt that is running.
#[derive(Debug, Default)]
pub(crate) struct InFlight(Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

impl InFlight {
    /// The gate of `key`, made when no attempt with that key is in flight.
    pub(crate) fn gate(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(key.to_owned()).or_default().clone()
    }

    /// Forgets `key` when the returned guard is dropped, however the call ends.
    pub(crate) fn release_on_drop(&self, key: String) -> Release<'_> {
        Release { map: self, key }
    }

    /// How many keys are in flight.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// Forgets an in-flight entry when dropped.
pub(crate) struct Release<'a> {
    map: &'a InFlight,
    key: String,
}

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.map
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_shares_one_gate_until_it_is_released() {
        let in_flight = InFlight::default();
        let first = in_flight.gate("u\0story-generation\0r1");
        let again = in_flight.gate("u\0story-generation\0r1");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(!Arc::ptr_eq(
            &first,
            &in_flight.gate("u\0story-generation\0r2")
        ));
        drop(in_flight.release_on_drop("u\0story-generation\0r1".into()));
        drop(in_flight.release_on_drop("u\0story-generation\0r2".into()));
        assert_eq!(in_flight.len(), 0);
        let fresh = in_flight.gate("u\0story-generation\0r1");
        assert!(!Arc::ptr_eq(&first, &fresh));
    }
}
