//! The `multipart/form-data` upload storage-js sends for `Blob`/`File` bodies: the file under an
//! empty field name (or any part with a filename), plus `cacheControl` and `metadata` fields.

/// The parts of an upload form the server uses.
#[derive(Debug, PartialEq)]
pub(crate) struct Form {
    pub file: Vec<u8>,
    pub content_type: String,
    /// Seconds, from the `cacheControl` field.
    pub cache_control: Option<String>,
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Parses `body` with the boundary from `content_type`; `None` if no file part is found.
pub(crate) fn parse(content_type: &str, body: &[u8]) -> Option<Form> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut file = None;
    let mut cache_control = None;
    let mut at = find(body, delimiter.as_bytes(), 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            break;
        }
        let head_start = at + 2; // CRLF after the delimiter
        let head_end = find(body, b"\r\n\r\n", head_start)?;
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), head_end + 4)?;
        let head = String::from_utf8_lossy(&body[head_start..head_end]).to_string();
        let content = &body[head_end + 4..next];
        let lower = head.to_ascii_lowercase();
        let disposition = lower
            .lines()
            .find(|l| l.starts_with("content-disposition:"))
            .unwrap_or("");
        let name = disposition
            .split(';')
            .map(str::trim)
            .find_map(|p| p.strip_prefix("name="))
            .map(|n| n.trim_matches('"'));
        let has_filename = disposition.contains("filename=");
        if has_filename || name == Some("") {
            let mime = head
                .lines()
                .find(|l| l.to_ascii_lowercase().starts_with("content-type:"))
                .map(|l| l["content-type:".len()..].trim().to_string())
                .unwrap_or_else(|| "application/octet-stream".into());
            file = Some((content.to_vec(), mime));
        } else if name == Some("cachecontrol") {
            cache_control = Some(String::from_utf8_lossy(content).trim().to_string());
        }
        at = next + 2 + delimiter.len();
    }
    let (file, content_type) = file?;
    Some(Form {
        file,
        content_type,
        cache_control,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_file_and_cache_control_of_a_storage_js_form() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"cacheControl\"\r\n\r\n3600\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"\"; filename=\"blob\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x00bytes\r\n--XyZ--\r\n";
        let form = parse("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(form.file, b"\x89PNG\r\n\x00bytes");
        assert_eq!(form.content_type, "image/png");
        assert_eq!(form.cache_control.as_deref(), Some("3600"));
        assert!(parse("multipart/form-data; boundary=XyZ", b"--XyZ--\r\n").is_none());
        assert!(parse("multipart/form-data", body).is_none());
    }
}
