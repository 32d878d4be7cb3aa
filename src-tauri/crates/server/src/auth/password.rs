//! Password hashing: PBKDF2-HMAC-SHA256 with a random salt, compared in constant time.
//! The iteration count is modest because the server only listens on loopback and runs inside
//! the app; the hash still never stores or logs the password.

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

const ITERATIONS: u32 = 4096;

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

/// Hashes a password for storage.
pub(crate) fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let key = pbkdf2(password.as_bytes(), &salt, ITERATIONS);
    format!(
        "pbkdf2-sha256${ITERATIONS}${}${}",
        STANDARD_NO_PAD.encode(salt),
        STANDARD_NO_PAD.encode(key)
    )
}

/// Whether `password` matches a stored hash.
pub(crate) fn verify(password: &str, stored: &str) -> bool {
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

    #[test]
    fn matches_rfc_7914_vector_and_verifies() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64) starts 55 ac 04 6e.
        assert_eq!(
            &pbkdf2(b"passwd", b"salt", 1)[..4],
            &[0x55, 0xac, 0x04, 0x6e]
        );
        let stored = hash("correct horse");
        assert!(verify("correct horse", &stored));
        assert!(!verify("wrong horse", &stored));
        assert!(!stored.contains("correct"));
    }
}
