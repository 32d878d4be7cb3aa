// The names of every command the UI may call. One list, read by the shell (commands/mod.rs,
// bindings.rs) and by build.rs (which turns each into an `allow-<name>` permission that the
// capability file grants). Plain Rust so build.rs can `include!` it.

/// Names of every command, in the order of `commands::handler`.
pub const NAMES: &[&str] = &["backend_status", "recheck_backend"];
