//! Measures an MP3 file by walking its frame headers (no decoder needed): the duration is the
//! sum of the frames' samples over their sample rate.

/// Duration in seconds, or `None` when no MPEG audio frame is found.
pub(crate) fn duration(bytes: &[u8]) -> Option<f64> {
    let mut at = 0;
    if bytes.len() > 10 && &bytes[..3] == b"ID3" {
        let size = bytes[6..10]
            .iter()
            .fold(0usize, |acc, b| (acc << 7) | usize::from(b & 0x7f));
        at = 10 + size;
    }
    let mut seconds = 0.0;
    let mut frames = 0;
    while at + 4 <= bytes.len() {
        let h = &bytes[at..at + 4];
        if h[0] != 0xff || h[1] & 0xe0 != 0xe0 {
            at += 1;
            continue;
        }
        let version = (h[1] >> 3) & 0b11; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
        let layer = (h[1] >> 1) & 0b11; // 1 = layer III
        let bitrate_index = usize::from(h[2] >> 4);
        let rate_index = usize::from((h[2] >> 2) & 0b11);
        let padding = usize::from((h[2] >> 1) & 1);
        if version == 1
            || layer != 1
            || bitrate_index == 0
            || bitrate_index == 15
            || rate_index == 3
        {
            at += 1;
            continue;
        }
        const V1: [u32; 15] = [
            0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
        ];
        const V2: [u32; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
        let (bitrate, base_rate, samples) = match version {
            3 => (
                V1[bitrate_index],
                [44_100, 48_000, 32_000][rate_index],
                1152.0,
            ),
            2 => (
                V2[bitrate_index],
                [22_050, 24_000, 16_000][rate_index],
                576.0,
            ),
            _ => (
                V2[bitrate_index],
                [11_025, 12_000, 8_000][rate_index],
                576.0,
            ),
        };
        let coefficient = if version == 3 { 144 } else { 72 };
        let length = (coefficient * bitrate * 1000 / base_rate) as usize + padding;
        if length < 4 {
            at += 1;
            continue;
        }
        seconds += samples / f64::from(base_rate);
        frames += 1;
        at += length;
    }
    (frames > 0).then_some(seconds)
}

/// A silent-ish MPEG1 layer III stream of `frames` frames at 44.1 kHz, 128 kbit/s (for tests).
#[doc(hidden)]
pub fn test_stream(frames: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..frames {
        let mut frame = vec![0u8; 417];
        frame[..4].copy_from_slice(&[0xff, 0xfb, 0x90, 0x64]);
        out.extend(frame);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_add_up_to_the_duration() {
        let d = duration(&test_stream(100)).unwrap();
        assert!((d - 100.0 * 1152.0 / 44_100.0).abs() < 1e-9);
        assert_eq!(duration(b"not audio at all"), None);
    }
}
