// The names of every command the UI may call. One list, read by the shell (commands/mod.rs,
// bindings.rs) and by build.rs (which turns each into an `allow-<name>` permission that the
// capability file grants). Plain Rust so build.rs can `include!` it.

/// Names of every command, in the order of `commands::handler`.
pub const NAMES: &[&str] = &[
    "backend_status",
    "recheck_backend",
    "use_supabase_project",
    "use_embedded_backend",
    "session",
    "sign_in_anonymously",
    "sign_up",
    "sign_in",
    "link_email",
    "sign_out",
    "generate_story",
    "cancel_generation",
    "retry_illustration",
    "generate_avatar",
    "create_hero",
    "list_heroes",
    "list_stories",
    "get_story",
    "sync_library",
    "cache_status",
    "clear_cache",
    "limits",
    "realtime_status",
    "diagnostics",
    "set_verbose_logging",
];
