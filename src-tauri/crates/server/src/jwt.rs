//! HS256 JSON Web Tokens: the API keys, user access tokens and signed storage URLs are all
//! signed with the server's one secret. Hand-rolled on `hmac` so the verification rules and the
//! error texts are exactly the ones the protocols expect.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value, json};
use sha2::Sha256;

/// Why a token was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    /// Not three base64url parts of JSON.
    #[error("the token provided is not a valid JWT")]
    Malformed,
    /// The signature does not match the server's secret.
    #[error("signature is invalid")]
    BadSignature,
    /// `exp` is in the past.
    #[error("token is expired")]
    Expired {
        /// How long ago it expired.
        seconds_ago: i64,
    },
}

/// Signs and verifies tokens with one secret.
#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer(<redacted>)")
    }
}

impl Signer {
    /// A signer over `secret`.
    pub fn new(secret: &str) -> Self {
        Signer {
            key: secret.as_bytes().to_vec(),
        }
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC accepts keys of any length.
        Hmac::<Sha256>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!())
    }

    /// Signs `claims` (a JSON object) as a compact HS256 JWT.
    pub fn sign(&self, claims: &Value) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let body = URL_SAFE_NO_PAD.encode(claims.to_string());
        let input = format!("{header}.{body}");
        let mut mac = self.mac();
        mac.update(input.as_bytes());
        let sig = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{input}.{sig}")
    }

    /// Verifies the signature and returns the claims, without looking at `exp`.
    pub fn verify_signature(&self, token: &str) -> Result<Map<String, Value>, JwtError> {
        let mut parts = token.split('.');
        let (Some(h), Some(b), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JwtError::Malformed);
        };
        let header: Value = decode_json(h)?;
        if header.get("alg").and_then(Value::as_str) != Some("HS256") {
            return Err(JwtError::BadSignature);
        }
        let sig = URL_SAFE_NO_PAD.decode(s).map_err(|_| JwtError::Malformed)?;
        let mut mac = self.mac();
        mac.update(h.as_bytes());
        mac.update(b".");
        mac.update(b.as_bytes());
        mac.verify_slice(&sig).map_err(|_| JwtError::BadSignature)?;
        match decode_json(b)? {
            Value::Object(map) => Ok(map),
            _ => Err(JwtError::Malformed),
        }
    }

    /// Verifies signature and expiry against `now` (unix seconds).
    pub fn verify(&self, token: &str, now: i64) -> Result<Map<String, Value>, JwtError> {
        let claims = self.verify_signature(token)?;
        if let Some(exp) = claims.get("exp").and_then(Value::as_i64)
            && exp <= now
        {
            return Err(JwtError::Expired {
                seconds_ago: now - exp,
            });
        }
        Ok(claims)
    }
}

fn decode_json(part: &str) -> Result<Value, JwtError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| JwtError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| JwtError::Malformed)
}

/// The API keys for a secret: long-lived JWTs with role `anon` and `service_role`. The same
/// secret always gives the same keys.
pub(crate) fn api_keys(signer: &Signer) -> (String, String) {
    let claims = |role: &str| {
        json!({"iss": "supabase", "ref": "infinite-stories", "role": role,
               "iat": 1_735_689_600_i64, "exp": 4_102_444_800_i64})
    };
    (
        signer.sign(&claims("anon")),
        signer.sign(&claims("service_role")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_and_rejects_tampering_and_expiry() {
        let signer = Signer::new("a-secret-of-sufficient-length-123");
        let token = signer.sign(&json!({"sub": "u1", "exp": 100}));
        assert_eq!(signer.verify(&token, 50).unwrap()["sub"], "u1");
        assert_eq!(
            signer.verify(&token, 103),
            Err(JwtError::Expired { seconds_ago: 3 })
        );
        let other = Signer::new("another-secret-of-sufficient-length");
        assert_eq!(other.verify(&token, 50), Err(JwtError::BadSignature));
        assert_eq!(signer.verify("abc", 50), Err(JwtError::Malformed));
        let mut forged = token.clone();
        forged.insert(forged.find('.').unwrap() + 2, 'x');
        assert!(signer.verify(&forged, 50).is_err());
    }
}
