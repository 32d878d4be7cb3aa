//! The standalone `infinite-stories-server` binary, for development, tests and the supabase-js
//! conformance suite. Flags override environment variables; everything has a default.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use infinite_stories_server::{OpenAiConfig, ProviderKind, ServerConfig, serve};

const HELP: &str = "\
infinite-stories-server — the embedded Supabase-compatible backend, standalone

USAGE: infinite-stories-server [FLAGS]

  --addr <ip:port>            INFINITE_STORIES_ADDR        bind address (default 127.0.0.1:54321)
  --data-dir <path>           INFINITE_STORIES_DATA_DIR    data directory (default ./server-data)
  --jwt-secret <secret>       INFINITE_STORIES_JWT_SECRET  HS256 secret (default: generated, stored in the data dir)
  --token-ttl <secs>          INFINITE_STORIES_TOKEN_TTL   access-token lifetime (default 3600)
  --refresh-reuse <secs>      INFINITE_STORIES_REFRESH_REUSE  refresh reuse interval (default 10)
  --quota <function=n>        INFINITE_STORIES_QUOTAS      per-user hourly quota, e.g. story-generation=10 (repeatable;
                                                          env: comma-separated)
  --auth-token-limit <n>      INFINITE_STORIES_AUTH_TOKEN_LIMIT   /token requests per IP per 5 min (default 150)
  --auth-anon-limit <n>       INFINITE_STORIES_AUTH_ANON_LIMIT    anonymous sign-ups per IP per hour (default 30)
  --allow-origin <origin>     INFINITE_STORIES_ALLOW_ORIGINS (comma-separated) extra CORS origin (repeatable)
  --allow-host <host:port>    INFINITE_STORIES_ALLOW_HOSTS (comma-separated)   extra accepted Host header (repeatable)
  --faults                    INFINITE_STORIES_FAULTS=1    enable the fault-injection endpoint (/admin/v1/faults)
  --openai-base-url <url>     INFINITE_STORIES_OPENAI_BASE_URL  use an OpenAI-compatible provider for all content
  --openai-key-env <VAR>      name of the env var holding the API key (default OPENAI_API_KEY)
  --openai-chat-model <m> / --openai-speech-model <m> / --openai-image-model <m>
  --print-keys                print {url, anonKey, serviceKey} as one JSON line on stdout once listening
  -h, --help

The keys are also written to <data-dir>/keys.json (owner-only permissions).";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn fail(msg: &str) -> ! {
    eprintln!("infinite-stories-server: {msg}\n\n{HELP}");
    std::process::exit(2)
}

fn parse<T: std::str::FromStr>(flag: &str, v: &str) -> T {
    v.parse()
        .unwrap_or_else(|_| fail(&format!("{flag}: cannot read {v:?}")))
}

fn set_quota(config: &mut ServerConfig, spec: &str) {
    let (name, n) = spec
        .split_once('=')
        .unwrap_or_else(|| fail(&format!("--quota: expected function=n, got {spec:?}")));
    let n: u32 = parse("--quota", n.trim());
    let q = &mut config.quotas;
    match name.trim() {
        "story-generation" => q.story_generation = n,
        "audio-synthesis" => q.audio_synthesis = n,
        "avatar-generation" => q.avatar_generation = n,
        "scene-illustration" => q.scene_illustration = n,
        "extract-scenes" => q.extract_scenes = n,
        other => fail(&format!("--quota: unknown function {other:?}")),
    }
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let mut addr: SocketAddr = parse(
        "INFINITE_STORIES_ADDR",
        &env("INFINITE_STORIES_ADDR").unwrap_or_else(|| "127.0.0.1:54321".into()),
    );
    let data_dir = env("INFINITE_STORIES_DATA_DIR").unwrap_or_else(|| "server-data".into());
    let mut config = ServerConfig::loopback(PathBuf::from(data_dir));
    config.jwt_secret = env("INFINITE_STORIES_JWT_SECRET");
    if let Some(v) = env("INFINITE_STORIES_TOKEN_TTL") {
        config.access_token_ttl = Duration::from_secs(parse("INFINITE_STORIES_TOKEN_TTL", &v));
    }
    if let Some(v) = env("INFINITE_STORIES_REFRESH_REUSE") {
        config.refresh_reuse_interval =
            Duration::from_secs(parse("INFINITE_STORIES_REFRESH_REUSE", &v));
    }
    for spec in env("INFINITE_STORIES_QUOTAS")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
    {
        set_quota(&mut config, spec);
    }
    if let Some(v) = env("INFINITE_STORIES_AUTH_TOKEN_LIMIT") {
        config.auth_limits.token_requests = parse("INFINITE_STORIES_AUTH_TOKEN_LIMIT", &v);
    }
    if let Some(v) = env("INFINITE_STORIES_AUTH_ANON_LIMIT") {
        config.auth_limits.anonymous_signups = parse("INFINITE_STORIES_AUTH_ANON_LIMIT", &v);
    }
    config.allowed_origins.extend(
        env("INFINITE_STORIES_ALLOW_ORIGINS")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(String::from),
    );
    config.allowed_hosts.extend(
        env("INFINITE_STORIES_ALLOW_HOSTS")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(String::from),
    );
    config.faults_enabled = env("INFINITE_STORIES_FAULTS").is_some_and(|v| v == "1" || v == "true");
    let mut openai_base = env("INFINITE_STORIES_OPENAI_BASE_URL");
    let mut key_env = "OPENAI_API_KEY".to_string();
    let (mut chat, mut speech, mut image) = (None, None, None);
    let mut print_keys = false;

    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| fail(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                return;
            }
            "--addr" => addr = parse("--addr", &value()),
            "--data-dir" => config.data_dir = PathBuf::from(value()),
            "--jwt-secret" => config.jwt_secret = Some(value()),
            "--token-ttl" => {
                config.access_token_ttl = Duration::from_secs(parse("--token-ttl", &value()))
            }
            "--refresh-reuse" => {
                config.refresh_reuse_interval =
                    Duration::from_secs(parse("--refresh-reuse", &value()))
            }
            "--quota" => set_quota(&mut config, &value()),
            "--auth-token-limit" => {
                config.auth_limits.token_requests = parse("--auth-token-limit", &value())
            }
            "--auth-anon-limit" => {
                config.auth_limits.anonymous_signups = parse("--auth-anon-limit", &value())
            }
            "--allow-origin" => config.allowed_origins.push(value()),
            "--allow-host" => config.allowed_hosts.push(value()),
            "--faults" => config.faults_enabled = true,
            "--openai-base-url" => openai_base = Some(value()),
            "--openai-key-env" => key_env = value(),
            "--openai-chat-model" => chat = Some(value()),
            "--openai-speech-model" => speech = Some(value()),
            "--openai-image-model" => image = Some(value()),
            "--print-keys" => print_keys = true,
            other => fail(&format!("unknown flag {other}")),
        }
    }
    config.bind = addr;
    if let Some(base) = openai_base {
        let mut openai = OpenAiConfig::openai(env(&key_env).unwrap_or_default());
        if openai.api_key.as_deref() == Some("") {
            openai.api_key = None;
        }
        openai.base_url = base;
        if let Some(m) = chat {
            openai.chat_model = m;
        }
        if let Some(m) = speech {
            openai.speech_model = m;
        }
        if let Some(m) = image {
            openai.image_model = m;
        }
        config.providers.writer = ProviderKind::OpenAi;
        config.providers.narrator = ProviderKind::OpenAi;
        config.providers.illustrator = ProviderKind::OpenAi;
        config.providers.openai = Some(openai);
    }
    let data_dir = config.data_dir.clone();
    let server = match serve(config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("infinite-stories-server: cannot start: {e}");
            std::process::exit(1);
        }
    };
    let keys = serde_json::json!({"url": server.url(), "anonKey": server.anon_key(), "serviceKey": server.service_key()});
    let keys_path = data_dir.join("keys.json");
    let written = infinite_stories_contract::files::create_private(&keys_path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, keys.to_string().as_bytes()));
    if let Err(e) = written {
        eprintln!(
            "infinite-stories-server: cannot write {}: {e}",
            keys_path.display()
        );
    }
    if print_keys {
        println!("{keys}");
    }
    eprintln!(
        "infinite-stories-server listening on {} (keys in {})",
        server.url(),
        keys_path.display()
    );
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminated() => {}
    }
    server.shutdown().await;
}

/// Resolves on SIGTERM (Unix); never elsewhere.
async fn terminated() {
    #[cfg(unix)]
    if let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
    {
        term.recv().await;
        return;
    }
    std::future::pending::<()>().await
}
