//! TLS for https backends: TLS 1.3 only, the Mozilla root set (plus any extra roots a test or a
//! self-hosted deployment adds), and optional certificate pinning by the SHA-256 of the leaf
//! certificate's SubjectPublicKeyInfo (base64, the HPKP/OkHttp convention), checked after the
//! normal chain validation so a pin can only narrow what is trusted, never widen it.
//!
//! This is the one place the TLS policy lives: the HTTP transport (reqwest) and the realtime
//! socket (tokio-tungstenite, `wss://`) are both built from [`client_config`], and a connected
//! profile hands the very same `Arc<ClientConfig>` to both (see `Transport::tls_config`).

use std::sync::Arc;

use base64::Engine;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, Error as TlsError, RootCertStore, SignatureScheme};
use sha2::{Digest, Sha256};

use crate::error::CoreError;

/// The rustls configuration for https and wss: TLS 1.3 minimum, roots, optional SPKI pins.
pub fn client_config(
    pins: &[String],
    extra_roots: &[Vec<u8>],
) -> Result<rustls::ClientConfig, CoreError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for der in extra_roots {
        roots.add(CertificateDer::from(der.clone())).map_err(|e| {
            CoreError::Validation(format!("The extra certificate could not be used ({e})."))
        })?;
    }
    let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| CoreError::Validation(format!("TLS setup failed ({e}).")))?;
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(|e| CoreError::Validation(format!("TLS setup failed ({e}).")))?;
    let config = if pins.is_empty() {
        builder.with_webpki_verifier(webpki).with_no_client_auth()
    } else {
        let pins = pins.iter().map(|p| p.trim().to_owned()).collect();
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(PinnedVerifier {
                inner: webpki,
                pins,
            }))
            .with_no_client_auth()
    };
    Ok(config)
}

/// The base64 SHA-256 of a DER certificate's SubjectPublicKeyInfo.
pub fn spki_sha256(cert_der: &[u8]) -> Option<String> {
    let (_, cert) = x509_parser::parse_x509_certificate(cert_der).ok()?;
    let digest = Sha256::digest(cert.public_key().raw);
    Some(base64::engine::general_purpose::STANDARD.encode(digest))
}

#[derive(Debug)]
struct PinnedVerifier {
    inner: Arc<WebPkiServerVerifier>,
    pins: Vec<String>,
}

impl ServerCertVerifier for PinnedVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        let verified = self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )?;
        match spki_sha256(end_entity) {
            Some(hash) if self.pins.contains(&hash) => Ok(verified),
            _ => Err(TlsError::General(
                "certificate does not match the pinned key".into(),
            )),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}
