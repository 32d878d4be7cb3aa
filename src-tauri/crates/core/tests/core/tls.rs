//! TLS for https profiles against local TLS servers with a generated certificate: TLS 1.3
//! is required, and a pinned SPKI hash must match the server's key — for requests and for the
//! realtime socket (`wss://`), which gets the transport's own rustls config.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use infinite_stories_core::clock::SystemClock;
use infinite_stories_core::http::tls::spki_sha256;
use infinite_stories_core::http::{Transport, TransportOptions};
use infinite_stories_core::monitor::PerformanceMonitor;
use infinite_stories_core::realtime::{
    ChannelState, RealtimeClient, RealtimeStatus, SocketState, Subscription,
};
use infinite_stories_core::secrets::{MemoryStore, SecretString};
use infinite_stories_core::{
    BackendEndpoint, BackendMode, BackendState, Core, CoreOptions, ErrorCode,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::scripted::{accept, echo_bindings, next_join};

const WRONG_PIN: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/// A fresh self-signed certificate for `localhost` and a server config offering TLS 1.3 only
/// or TLS 1.2 only; returns the acceptor and the certificate (DER, the test CA).
fn acceptor(tls13: bool) -> (tokio_rustls::TlsAcceptor, Vec<u8>) {
    let generated = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let cert_der = generated.cert.der().to_vec();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        generated.signing_key.serialize_der(),
    ));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let versions: &[&rustls::SupportedProtocolVersion] = if tls13 {
        &[&rustls::version::TLS13]
    } else {
        &[&rustls::version::TLS12]
    };
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(versions)
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(cert_der.clone())], key)
        .unwrap();
    (tokio_rustls::TlsAcceptor::from(Arc::new(config)), cert_der)
}

/// A one-route HTTPS server on 127.0.0.1:0 (answers /health), TLS 1.3 or 1.2 only.
async fn tls_server(tls13: bool) -> (std::net::SocketAddr, Vec<u8>) {
    let (acceptor, cert_der) = acceptor(tls13);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut buf = [0u8; 2048];
                let _ = tls.read(&mut buf).await;
                let body = r#"{"status":"ok","version":"tls-test"}"#;
                let reply = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.write_all(reply.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    (addr, cert_der)
}

/// A TLS WebSocket server on 127.0.0.1:0 (TLS 1.3 or 1.2 only) speaking enough Phoenix to
/// answer joins and heartbeats; counts the WebSockets it opened (a refused handshake opens none).
async fn wss_server(tls13: bool) -> (std::net::SocketAddr, Vec<u8>, Arc<AtomicU32>) {
    let (acceptor, cert_der) = acceptor(tls13);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let opened = Arc::new(AtomicU32::new(0));
    let counter = opened.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let counter = counter.clone();
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut ws) = tokio_tungstenite::accept_async(tls).await else {
                    return;
                };
                counter.fetch_add(1, Ordering::SeqCst);
                while let Some(join) = next_join(&mut ws).await {
                    let bindings = echo_bindings(&join, 7);
                    accept(&mut ws, &join, bindings).await;
                }
            });
        }
    });
    (addr, cert_der, opened)
}

fn transport(addr: std::net::SocketAddr, root: &[u8], pins: Vec<String>) -> Transport {
    let endpoint = BackendEndpoint::parse(
        BackendMode::Supabase,
        &format!("https://localhost:{}", addr.port()),
    )
    .unwrap();
    let options = TransportOptions {
        sleeper: None,
        timer: None,
        pins,
        extra_roots: vec![root.to_vec()],
    };
    Transport::new(
        endpoint,
        SecretString::from("k"),
        Arc::new(SystemClock),
        Arc::new(PerformanceMonitor::new()),
        &options,
    )
    .unwrap()
}

#[tokio::test]
async fn https_with_tls13_and_the_right_pin_connects() {
    let (addr, cert) = tls_server(true).await;
    assert_eq!(
        transport(addr, &cert, vec![])
            .health()
            .await
            .unwrap()
            .version,
        "tls-test"
    );
    let pin = spki_sha256(&cert).unwrap();
    assert_eq!(
        transport(addr, &cert, vec![pin])
            .health()
            .await
            .unwrap()
            .version,
        "tls-test"
    );
}

#[tokio::test]
async fn a_wrong_pin_is_refused() {
    let (addr, cert) = tls_server(true).await;
    let err = transport(addr, &cert, vec![WRONG_PIN.to_owned()])
        .health()
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network, "{err:?}");
}

#[tokio::test]
async fn a_tls12_only_server_is_refused() {
    let (addr, cert) = tls_server(false).await;
    let err = transport(addr, &cert, vec![]).health().await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network, "{err:?}");
}

/// A realtime client for the https profile at `addr`, on the transport's own TLS config (what
/// `Core::connect` hands it), subscribed to one channel and connecting.
fn realtime(transport: &Transport) -> (RealtimeClient, String) {
    let tls = transport.tls_config();
    assert!(tls.is_some(), "an https transport has a TLS config");
    let rt = RealtimeClient::spawn_with_tls(
        transport.endpoint().base_url.as_str(),
        SecretString::from("key"),
        Arc::new(|_| Box::pin(async { None })),
        crate::support::fast_realtime(),
        tls,
    );
    let topic = rt.subscribe(Subscription::StoryInserts {
        user_id: "u".into(),
    });
    rt.connect();
    (rt, topic)
}

/// Waits (bounded) for a status that satisfies `done`.
async fn status_until(
    rt: &RealtimeClient,
    done: impl Fn(&RealtimeStatus) -> bool,
) -> RealtimeStatus {
    let mut w = rt.watch_status();
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let s = w.borrow_and_update().clone();
            if done(&s) {
                return s;
            }
            w.changed().await.unwrap();
        }
    })
    .await
    .unwrap_or_else(|_| panic!("status never came: {:?}", rt.status()))
}

/// Two failed attempts in a row: the refusal is not a one-off, and it is what the status says.
async fn refused_twice(rt: &RealtimeClient) -> RealtimeStatus {
    let status = status_until(rt, |s| s.attempt >= 2 && s.message.is_some()).await;
    assert_eq!(status.connections, 0, "{status:?}");
    assert_ne!(status.state, SocketState::Connected, "{status:?}");
    assert!(
        status
            .channels
            .iter()
            .all(|c| !matches!(c.state, ChannelState::Joined | ChannelState::Ready)),
        "{status:?}"
    );
    status
}

#[tokio::test]
async fn wss_with_tls13_and_the_right_pin_joins() {
    let (addr, cert, opened) = wss_server(true).await;
    let pin = spki_sha256(&cert).unwrap();
    let (rt, topic) = realtime(&transport(addr, &cert, vec![pin]));
    let status = status_until(&rt, |s| {
        s.state == SocketState::Connected
            && s.channels
                .iter()
                .any(|c| c.topic == topic && c.state == ChannelState::Joined)
    })
    .await;
    assert_eq!(status.connections, 1, "{status:?}");
    assert_eq!(status.message, None, "{status:?}");
    assert_eq!(opened.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn wss_with_a_wrong_pin_never_connects_and_says_why() {
    let (addr, cert, opened) = wss_server(true).await;
    // The test CA is trusted, so only the pin stands in the way.
    let (rt, _) = realtime(&transport(addr, &cert, vec![WRONG_PIN.to_owned()]));
    let status = refused_twice(&rt).await;
    let message = status.message.unwrap();
    assert!(
        message.starts_with("Live updates are unavailable") && message.contains("pinned key"),
        "{message}"
    );
    assert_eq!(opened.load(Ordering::SeqCst), 0, "no WebSocket was opened");
}

#[tokio::test]
async fn wss_to_a_tls12_only_server_is_refused() {
    let (addr, cert, opened) = wss_server(false).await;
    // The server itself works: a client that allows TLS 1.2 and trusts the CA gets a socket.
    let mut roots = rustls::RootCertStore::empty();
    roots.add(CertificateDer::from(cert.clone())).unwrap();
    let lenient = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_protocol_versions(&[&rustls::version::TLS12, &rustls::version::TLS13])
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let (mut ws, _) = tokio_tungstenite::connect_async_tls_with_config(
        format!("wss://localhost:{}/realtime/v1/websocket", addr.port()),
        None,
        false,
        Some(tokio_tungstenite::Connector::Rustls(Arc::new(lenient))),
    )
    .await
    .unwrap();
    ws.close(None).await.unwrap();
    assert_eq!(opened.load(Ordering::SeqCst), 1);

    // The realtime client, on the profile's policy, refuses it (and the same CA is trusted).
    let (rt, _) = realtime(&transport(addr, &cert, vec![]));
    let status = refused_twice(&rt).await;
    let message = status.message.unwrap();
    assert!(
        message.starts_with("Live updates are unavailable") && message.contains("ProtocolVersion"),
        "{message}"
    );
    assert_eq!(opened.load(Ordering::SeqCst), 1, "no WebSocket was opened");
}

/// A TLS 1.3 terminator on `listener` in front of the real embedded backend (each TLS
/// connection is piped to the backend's plain port): an https profile for `Core::connect`.
/// Returns the certificate and a count of TLS handshakes it completed.
fn tls_in_front_of(
    listener: tokio::net::TcpListener,
    backend: std::net::SocketAddr,
) -> (Vec<u8>, Arc<AtomicU32>) {
    let (acceptor, cert_der) = acceptor(true);
    let handshakes = Arc::new(AtomicU32::new(0));
    let counter = handshakes.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let counter = counter.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                counter.fetch_add(1, Ordering::SeqCst);
                let Ok(mut upstream) = tokio::net::TcpStream::connect(backend).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut upstream).await;
            });
        }
    });
    (cert_der, handshakes)
}

#[tokio::test]
async fn core_connect_over_https_runs_realtime_on_the_profiles_pinned_policy() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut config = infinite_stories_server::ServerConfig::loopback(dir.path());
    // The backend sees the terminator's Host.
    config.allowed_hosts = vec![format!("localhost:{}", addr.port())];
    let server = infinite_stories_server::serve(config).await.unwrap();
    let (cert, handshakes) = tls_in_front_of(listener, server.address());
    let profile = |pins: Vec<String>| {
        let mut endpoint = BackendEndpoint::parse(
            BackendMode::Supabase,
            &format!("https://localhost:{}", addr.port()),
        )
        .unwrap()
        .with_api_key(server.anon_key());
        endpoint.pins = pins;
        endpoint
    };
    let core = |roots: Vec<Vec<u8>>| {
        Core::with_options(CoreOptions {
            timer: None,
            secrets: Arc::new(MemoryStore::new()),
            clock: Arc::new(SystemClock),
            sleeper: None,
            realtime: crate::support::fast_realtime(),
            data_dir: None,
            extra_roots: roots,
        })
    };

    // The right pin, the test CA trusted: requests and the socket both get through the TLS
    // terminator, and the signed-in user's channel joins on the real backend. (Without the
    // profile's config the socket would not trust the test CA and never connect.)
    let pinned = core(vec![cert.clone()]);
    let status = pinned
        .connect(profile(vec![spki_sha256(&cert).unwrap()]))
        .await;
    assert_eq!(status.state, BackendState::Connected, "{status:?}");
    pinned.ensure_session().await.unwrap();
    let rt = pinned.realtime().unwrap();
    let status = status_until(&rt, |s| {
        s.state == SocketState::Connected
            && s.channels.iter().any(|c| {
                c.topic.starts_with("realtime:story-updates-")
                    && matches!(c.state, ChannelState::Joined | ChannelState::Ready)
            })
    })
    .await;
    assert_eq!(status.connections, 1, "{status:?}");
    assert!(
        handshakes.load(Ordering::SeqCst) >= 2,
        "requests and socket"
    );

    // A wrong pin: the profile is refused before anything (socket included) is started.
    let refused = core(vec![cert.clone()]);
    let status = refused.connect(profile(vec![WRONG_PIN.to_owned()])).await;
    assert_ne!(status.state, BackendState::Connected, "{status:?}");
    assert!(refused.realtime().is_err());
}
