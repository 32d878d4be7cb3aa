//! The app's own `media` URI scheme: illustrations, avatars and narration reach the webview from
//! the core's local cache, not over the loopback backend, so a story that is offline-ready shows
//! its pictures with the backend stopped and no network. The UI builds the address with
//! `convertFileSrc(key, 'media')` (`media://localhost/<key>`, or `http://media.localhost/<key>`
//! on Windows).
//!
//! Only media keys are served (`illustration:…`, `avatar:…`, `audio:…`): the cache also holds
//! API answers, which a page has no business reading.

use infinite_stories_core::Core;
use tauri::http::{Response, StatusCode, header};

/// Cache-key prefixes the scheme serves.
const SERVED: &[&str] = &["illustration:", "avatar:", "audio:"];

/// The response for `media://localhost/<percent-encoded key>`.
pub async fn respond(core: &Core, path: &str) -> Response<Vec<u8>> {
    let key = percent_encoding::percent_decode_str(path.trim_start_matches('/'))
        .decode_utf8_lossy()
        .into_owned();
    if !SERVED.iter().any(|p| key.starts_with(p)) {
        return status(StatusCode::NOT_FOUND);
    }
    match core.media(&key).await {
        Ok(Some(bytes)) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, sniff(&bytes))
            .header(header::CACHE_CONTROL, "no-cache")
            .body(bytes.to_vec())
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Ok(None) => status(StatusCode::NOT_FOUND),
        Err(e) => {
            tracing::warn!(error = %e, "media could not be read from the cache");
            status(StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut r = Response::new(Vec::new());
    *r.status_mut() = code;
    r
}

/// The content type from the first bytes (the cache keeps bytes, not types).
pub fn sniff(bytes: &[u8]) -> &'static str {
    match bytes {
        [0x89, b'P', b'N', b'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => "image/webp",
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'A',
            b'V',
            b'E',
            ..,
        ] => "audio/wav",
        [b'O', b'g', b'g', b'S', ..] => "audio/ogg",
        [b'I', b'D', b'3', ..] | [0xFF, 0xFB | 0xF3 | 0xF2, ..] => "audio/mpeg",
        [b'<', ..] => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::sniff;

    #[test]
    fn types_are_told_from_the_first_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), "image/png");
        assert_eq!(sniff(b"OggS\0\x02"), "audio/ogg");
        assert_eq!(sniff(b"ID3\x04"), "audio/mpeg");
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), "audio/wav");
        assert_eq!(sniff(b"\0\0"), "application/octet-stream");
    }
}
