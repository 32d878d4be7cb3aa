//! TLS for https profiles against a local TLS server with a generated certificate: TLS 1.3
//! is required, and a pinned SPKI hash must match the server's key.

use std::sync::Arc;

use infinite_stories_core::clock::SystemClock;
use infinite_stories_core::http::tls::spki_sha256;
use infinite_stories_core::http::{Transport, TransportOptions};
use infinite_stories_core::monitor::PerformanceMonitor;
use infinite_stories_core::secrets::SecretString;
use infinite_stories_core::{BackendEndpoint, BackendMode, ErrorCode};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A one-route HTTPS server on 127.0.0.1:0 (answers /health), TLS 1.3 or 1.2 only.
async fn tls_server(tls13: bool) -> (std::net::SocketAddr, Vec<u8>) {
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
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
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

fn transport(addr: std::net::SocketAddr, root: &[u8], pins: Vec<String>) -> Transport {
    let endpoint = BackendEndpoint::parse(
        BackendMode::Supabase,
        &format!("https://localhost:{}", addr.port()),
    )
    .unwrap();
    let options = TransportOptions {
        sleeper: None,
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
    let wrong = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".to_owned();
    let err = transport(addr, &cert, vec![wrong])
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
