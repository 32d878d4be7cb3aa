//! Password hashing: argon2id (memory-hard, OWASP's 19 MiB / 2 passes / 1 lane) in the PHC string
//! format. Accounts made before argon2id carry a PBKDF2-HMAC-SHA256 hash; it still verifies (in
//! constant time) and [`Verdict::Upgrade`] tells the sign-in to re-hash the password with argon2id
//! there and then, so old hashes disappear as people sign in. Neither ever stores or logs the
//! password. Hashing is CPU- and memory-heavy: callers run it on a blocking thread.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

fn pbkdf2(password: &[u8], salt: &[u8], iterations: u32) -> [u8; 32] {
    let prf = Hmac::<Sha256>::new_from_slice(password).unwrap_or_else(|_| unreachable!());
    let mut u = prf.clone();
    u.update(salt);
    u.update(&1u32.to_be_bytes());
    let mut block: [u8; 32] = u.finalize().into_bytes().into();
    let mut out = block;
    for _ in 1..iterations {
        let mut m = prf.clone();
        m.update(&block);
        block = m.finalize().into_bytes().into();
        for (o, b) in out.iter_mut().zip(block.iter()) {
            *o ^= b;
        }
    }
    out
}

/// Hashes a password for storage (argon2id, PHC string).
pub(crate) fn hash(password: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let salt =
        SaltString::encode_b64(&bytes).unwrap_or_else(|_| unreachable!("16 bytes fit a salt"));
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .unwrap_or_else(|_| unreachable!("default argon2id parameters are valid"))
        .to_string()
}

/// [`hash`] on a blocking thread (argon2id takes tens of milliseconds and 19 MiB).
pub(crate) async fn hash_blocking(password: &str) -> String {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash(&password))
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

/// [`verify`] on a blocking thread.
pub(crate) async fn verify_blocking(password: &str, stored: &str) -> Verdict {
    let (password, stored) = (password.to_owned(), stored.to_owned());
    tokio::task::spawn_blocking(move || verify(&password, &stored))
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

/// What a stored hash says about a presented password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// It matches.
    Match,
    /// It matches a legacy hash: store [`hash`] of it in place of the old one.
    Upgrade,
    /// It does not match (or the stored hash is unreadable).
    Mismatch,
}

/// Checks `password` against a stored hash of either kind.
pub(crate) fn verify(password: &str, stored: &str) -> Verdict {
    if let Ok(parsed) = PasswordHash::new(stored)
        && parsed.algorithm.as_str() == "argon2id"
    {
        return match Argon2::default().verify_password(password.as_bytes(), &parsed) {
            Ok(()) => Verdict::Match,
            Err(_) => Verdict::Mismatch,
        };
    }
    if verify_pbkdf2(password, stored) {
        Verdict::Upgrade
    } else {
        Verdict::Mismatch
    }
}

/// The pre-argon2id hash: `pbkdf2-sha256$<iterations>$<salt>$<key>`.
fn verify_pbkdf2(password: &str, stored: &str) -> bool {
    let mut parts = stored.split('$');
    let (Some("pbkdf2-sha256"), Some(iter), Some(salt), Some(key)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Ok(iter), Ok(salt), Ok(key)) = (
        iter.parse::<u32>(),
        STANDARD_NO_PAD.decode(salt),
        STANDARD_NO_PAD.decode(key),
    ) else {
        return false;
    };
    let got = pbkdf2(password.as_bytes(), &salt, iter);
    got.len() == key.len()
        && got
            .iter()
            .zip(key.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legacy(password: &str) -> String {
        let salt = b"0123456789abcdef";
        let key = pbkdf2(password.as_bytes(), salt, 4096);
        format!(
            "pbkdf2-sha256$4096${}${}",
            STANDARD_NO_PAD.encode(salt),
            STANDARD_NO_PAD.encode(key)
        )
    }

    #[test]
    fn new_hashes_are_argon2id_with_owasp_parameters() {
        let stored = hash("correct horse");
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert_eq!(verify("correct horse", &stored), Verdict::Match);
        assert_eq!(verify("wrong horse", &stored), Verdict::Mismatch);
        assert!(!stored.contains("correct"));
        assert_ne!(hash("correct horse"), stored, "a fresh salt each time");
    }

    #[test]
    fn legacy_pbkdf2_hashes_verify_and_ask_for_an_upgrade() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64) starts 55 ac 04 6e.
        assert_eq!(
            &pbkdf2(b"passwd", b"salt", 1)[..4],
            &[0x55, 0xac, 0x04, 0x6e]
        );
        let stored = legacy("correct horse");
        assert_eq!(verify("correct horse", &stored), Verdict::Upgrade);
        assert_eq!(verify("wrong horse", &stored), Verdict::Mismatch);
        assert_eq!(verify("x", "garbage"), Verdict::Mismatch);
        assert_eq!(verify("x", "$argon2id$v=19$nonsense"), Verdict::Mismatch);
    }
}
