//! Time as the server sees it. Every expiry, quota window and timestamp goes through a [`Clock`]
//! (the contract's, shared with the core) so tests can move time forward instead of sleeping;
//! this module adds the timestamp formats GoTrue, PostgREST and realtime print.

use infinite_stories_contract::clock::civil_from_days;
pub use infinite_stories_contract::clock::{
    Clock, ManualClock, SharedClock, SystemClock, iso_micros,
};

/// RFC 3339 UTC with milliseconds (realtime `commit_timestamp`).
pub fn iso_millis(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
}

/// Seconds since the epoch → (year, month, day, hour, minute, second), proleptic Gregorian.
fn civil(secs: i64) -> (i64, u32, u32, i64, i64, i64) {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    (y, m, d, rem / 3600, (rem % 3600) / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(iso_micros(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(iso_millis(1_787_397_303_412), "2026-08-22T11:15:03.412Z");
        assert_eq!(iso_micros(951_782_400_001), "2000-02-29T00:00:00.001000Z");
    }
}
