//! Takes one file out of a ZIP archive (a Python wheel, which is how the ONNX Runtime library
//! is published on PyPI): finds it in the central directory and inflates it to disk. Enough of
//! the format for wheels (stored or deflated members, no ZIP64, no encryption), nothing more.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::VoiceError;
use super::download::write_error;

fn u16_at(b: &[u8], i: usize) -> usize {
    usize::from(u16::from_le_bytes([b[i], b[i + 1]]))
}

fn u32_at(b: &[u8], i: usize) -> u64 {
    u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]))
}

/// Extracts `member` (its path inside the archive) of `archive` to `to`.
pub(crate) fn extract(archive: &Path, member: &str, to: &Path) -> Result<(), VoiceError> {
    let bad = |m: &str| VoiceError::invalid(archive, format!("not a usable ZIP archive: {m}"));
    let io = |e| VoiceError::io(archive, e);
    let mut file = File::open(archive).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
    let tail_len = len.min(65_557);
    file.seek(SeekFrom::Start(len - tail_len)).map_err(io)?;
    let mut tail = vec![0u8; tail_len as usize];
    file.read_exact(&mut tail).map_err(io)?;
    let eocd = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or_else(|| bad("no end of central directory"))?;
    let entries = u16_at(&tail, eocd + 10);
    let dir_size = u32_at(&tail, eocd + 12);
    let dir_offset = u32_at(&tail, eocd + 16);
    if dir_offset + dir_size > len {
        return Err(bad("the central directory is past the end"));
    }
    file.seek(SeekFrom::Start(dir_offset)).map_err(io)?;
    let mut dir = vec![0u8; dir_size as usize];
    file.read_exact(&mut dir).map_err(io)?;
    let mut at = 0usize;
    for _ in 0..entries {
        if dir.len() < at + 46 || dir[at..at + 4] != [0x50, 0x4b, 0x01, 0x02] {
            return Err(bad("a damaged central directory"));
        }
        let method = u16_at(&dir, at + 10);
        let compressed = u32_at(&dir, at + 20);
        let size = u32_at(&dir, at + 24);
        let (name_len, extra_len, comment_len) = (
            u16_at(&dir, at + 28),
            u16_at(&dir, at + 30),
            u16_at(&dir, at + 32),
        );
        let local = u32_at(&dir, at + 42);
        let name = dir
            .get(at + 46..at + 46 + name_len)
            .ok_or_else(|| bad("a damaged central directory"))?;
        if name == member.as_bytes() {
            let mut header = [0u8; 30];
            file.seek(SeekFrom::Start(local)).map_err(io)?;
            file.read_exact(&mut header).map_err(io)?;
            if header[..4] != [0x50, 0x4b, 0x03, 0x04] {
                return Err(bad("a damaged local header"));
            }
            let data = local + 30 + (u16_at(&header, 26) + u16_at(&header, 28)) as u64;
            file.seek(SeekFrom::Start(data)).map_err(io)?;
            let raw = (&mut file).take(compressed);
            let mut reader: Box<dyn Read> = match method {
                0 => Box::new(raw),
                8 => Box::new(flate2::read::DeflateDecoder::new(raw)),
                m => return Err(bad(&format!("compression method {m} is not supported"))),
            };
            let partial = to.with_extension("extracting");
            let mut out = File::create(&partial).map_err(|e| write_error(&partial, e))?;
            let copied = std::io::copy(&mut reader, &mut out).map_err(|e| {
                if e.kind() == std::io::ErrorKind::InvalidInput
                    || e.kind() == std::io::ErrorKind::InvalidData
                {
                    bad(&format!("{member} does not inflate: {e}"))
                } else {
                    write_error(&partial, e)
                }
            })?;
            out.flush().map_err(|e| write_error(&partial, e))?;
            if copied != size {
                let _ = std::fs::remove_file(&partial);
                return Err(bad(&format!(
                    "{member} has {copied} bytes, expected {size}"
                )));
            }
            std::fs::rename(&partial, to).map_err(|e| VoiceError::io(to, e))?;
            return Ok(());
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Err(bad(&format!("{member} is not in it")))
}
