//! Reading an answer off the connection: the cap on a response body (refused as it arrives,
//! never buffered whole) and what a transport failure is called, without the URL (whose query
//! may carry a token).

use bytes::Bytes;

use super::Service;
use crate::error::CoreError;

/// The most a response body may hold: files (narration, pictures) up to 256 MiB, any other answer
/// 32 MiB. A larger body is refused as it arrives (by its `Content-Length` or once the bytes read
/// pass the cap), never buffered whole, so a broken or hostile server cannot fill memory.
pub(super) fn body_cap(service: Service) -> usize {
    match service {
        Service::Storage => 256 << 20,
        _ => 32 << 20,
    }
}

/// Why a response body could not be read.
pub(super) enum BodyError {
    Transport(reqwest::Error),
    TooLarge,
}

pub(super) async fn read_capped(
    mut response: reqwest::Response,
    cap: usize,
) -> Result<Bytes, BodyError> {
    if response.content_length().is_some_and(|n| n > cap as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = bytes::BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Transport)? {
        if body.len() + chunk.len() > cap {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Maps a reqwest failure onto the taxonomy (timeout, or a network failure).
pub(super) fn transport_error(err: &reqwest::Error) -> CoreError {
    if err.is_timeout() {
        CoreError::Timeout
    } else {
        CoreError::Network(describe(err))
    }
}

/// A short description of a reqwest error without the URL (whose query may carry a token).
pub(super) fn describe(err: &reqwest::Error) -> String {
    let kind = if err.is_timeout() {
        "timed out"
    } else if err.is_connect() {
        "connection refused"
    } else if err.is_decode() {
        "unreadable body"
    } else if err.is_body() {
        "connection dropped"
    } else {
        "request failed"
    };
    kind.to_owned()
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::{BodyError, read_capped};

    /// A one-shot loopback server answering with `len` bytes, announced by `Content-Length` or
    /// not (then the body runs until the connection closes).
    async fn serve(len: usize, announce: bool) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let (mut tcp, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 4096];
            let _ = tcp.read(&mut buf).await;
            let head = if announce {
                format!("HTTP/1.1 200 OK\r\ncontent-length: {len}\r\n\r\n")
            } else {
                "HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n".to_owned()
            };
            let _ = tcp.write_all(head.as_bytes()).await;
            let _ = tcp.write_all(&vec![b'x'; len]).await;
        });
        url
    }

    async fn read(len: usize, announce: bool, cap: usize) -> Result<usize, &'static str> {
        let response = reqwest::get(serve(len, announce).await).await.unwrap();
        match read_capped(response, cap).await {
            Ok(body) => Ok(body.len()),
            Err(BodyError::TooLarge) => Err("too large"),
            Err(BodyError::Transport(_)) => Err("transport"),
        }
    }

    #[tokio::test]
    async fn a_body_past_the_cap_is_refused_announced_or_not() {
        assert_eq!(read(1000, true, 1024).await, Ok(1000));
        assert_eq!(read(1000, false, 1024).await, Ok(1000));
        assert_eq!(read(200_000, true, 1024).await, Err("too large"));
        assert_eq!(read(200_000, false, 1024).await, Err("too large"));
    }
}
