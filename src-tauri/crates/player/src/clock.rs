//! Wall-clock time, injected. The player measures *played* time by counting the samples it hands
//! to the output (so the sleep timer and positions are exact and need no clock); the wall clock
//! is only for what happens while nothing plays: the two-minute window after the sleep timer
//! stops, how long a pause lasted, listening-session timestamps and the ≤ 4 Hz throttle of
//! position updates. Tests use [`ManualClock`] and never wait. The clock itself is the
//! contract's, the one the core and the server use.

pub use infinite_stories_contract::clock::{Clock, ManualClock, SystemClock};
