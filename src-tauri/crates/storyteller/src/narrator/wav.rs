//! Reads the 16-bit mono PCM WAV files that `say` and SAPI write: walks the RIFF chunks (a
//! `LIST` or `fact` chunk may come before `data`; odd-sized chunks are padded to even), checks
//! the `fmt ` chunk and returns the samples. Compiled on every platform so it is tested on Linux.
//! Also writes such files (the neural voices' raw speech, for listening and measuring).

/// The samples of a WAV file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Wav {
    pub sample_rate: u32,
    pub samples: Vec<i16>,
}

/// A 16-bit mono PCM RIFF/WAVE file of `samples` at `sample_rate`.
pub fn wav_bytes(samples: &[i16], sample_rate: u32) -> Vec<u8> {
    let data = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&sample_rate.to_le_bytes());
    out.extend_from_slice(&(sample_rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

/// The 16-bit mono PCM content of a RIFF/WAVE file, or why it cannot be read.
pub(crate) fn wav_samples(wav: &[u8]) -> Result<Wav, String> {
    if wav.len() < 12 || &wav[..4] != b"RIFF" || &wav[8..12] != b"WAVE" {
        return Err("not a RIFF/WAVE file".into());
    }
    let mut at = 12usize;
    let mut format: Option<(u16, u16, u32, u16)> = None;
    while let Some(header) = wav.get(at..at + 8) {
        let size = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
        let body_start = at + 8;
        let body = &wav[body_start..body_start.saturating_add(size).min(wav.len())];
        match &header[..4] {
            b"fmt " if body.len() >= 16 => {
                let u16_at = |i: usize| u16::from_le_bytes([body[i], body[i + 1]]);
                let rate = u32::from_le_bytes([body[4], body[5], body[6], body[7]]);
                format = Some((u16_at(0), u16_at(2), rate, u16_at(14)));
            }
            b"data" => {
                let Some((tag, channels, sample_rate, bits)) = format else {
                    return Err("the data chunk comes before any fmt chunk".into());
                };
                // 1 = PCM, 0xFFFE = WAVE_FORMAT_EXTENSIBLE (PCM in practice at 16 bits).
                if !matches!(tag, 1 | 0xFFFE) || channels != 1 || bits != 16 || sample_rate == 0 {
                    return Err(format!(
                        "expected 16-bit mono PCM, got format {tag}, {channels} channel(s), \
                         {bits} bits at {sample_rate} Hz"
                    ));
                }
                let samples = body
                    .chunks_exact(2)
                    .map(|b| i16::from_le_bytes([b[0], b[1]]))
                    .collect();
                return Ok(Wav {
                    sample_rate,
                    samples,
                });
            }
            _ => {}
        }
        at = body_start.saturating_add(size).saturating_add(size & 1);
    }
    Err("the WAV file has no data chunk".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(id: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = id.to_vec();
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(body);
        if body.len() % 2 == 1 {
            out.push(0);
        }
        out
    }

    fn fmt(channels: u16, rate: u32, bits: u16) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend_from_slice(&1u16.to_le_bytes());
        body.extend_from_slice(&channels.to_le_bytes());
        body.extend_from_slice(&rate.to_le_bytes());
        let block = channels * bits / 8;
        body.extend_from_slice(&(rate * u32::from(block)).to_le_bytes());
        body.extend_from_slice(&block.to_le_bytes());
        body.extend_from_slice(&bits.to_le_bytes());
        chunk(b"fmt ", &body)
    }

    fn riff(chunks: &[Vec<u8>]) -> Vec<u8> {
        let body: Vec<u8> = chunks.concat();
        let mut out = b"RIFF".to_vec();
        out.extend_from_slice(&(body.len() as u32 + 4).to_le_bytes());
        out.extend_from_slice(b"WAVE");
        out.extend_from_slice(&body);
        out
    }

    fn pcm(samples: &[i16]) -> Vec<u8> {
        samples.iter().flat_map(|s| s.to_le_bytes()).collect()
    }

    #[test]
    fn written_wavs_read_back_and_match_soxs_layout() {
        let samples: Vec<i16> = (0..1_001)
            .map(|i| (i * 37 % 2_000 - 1_000) as i16)
            .collect();
        let bytes = wav_bytes(&samples, 22_050);
        assert_eq!(bytes.len(), 44 + 2 * samples.len());
        assert_eq!(&bytes[36..40], b"data");
        let read = wav_samples(&bytes).unwrap();
        assert_eq!((read.sample_rate, read.samples), (22_050, samples));
    }

    #[test]
    fn reads_a_plain_wav() {
        let wav = riff(&[
            fmt(1, 22_050, 16),
            chunk(b"data", &pcm(&[0, 1, -1, i16::MAX])),
        ]);
        let read = wav_samples(&wav).unwrap();
        assert_eq!(read.sample_rate, 22_050);
        assert_eq!(read.samples, [0, 1, -1, i16::MAX]);
    }

    #[test]
    fn skips_a_list_chunk_and_odd_sized_padding_before_data() {
        // A 5-byte LIST chunk (padded to 6) and a 3-byte odd chunk before the data.
        let wav = riff(&[
            fmt(1, 16_000, 16),
            chunk(b"LIST", b"INFOx"),
            chunk(b"junk", b"abc"),
            chunk(b"data", &pcm(&[7, -7, 300])),
        ]);
        let read = wav_samples(&wav).unwrap();
        assert_eq!((read.sample_rate, read.samples), (16_000, vec![7, -7, 300]));
    }

    #[test]
    fn a_truncated_data_chunk_keeps_the_whole_samples() {
        let mut wav = riff(&[fmt(1, 22_050, 16), chunk(b"data", &pcm(&[1, 2, 3, 4]))]);
        wav.truncate(wav.len() - 3);
        assert_eq!(wav_samples(&wav).unwrap().samples, [1, 2]);
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        assert!(wav_samples(b"not a wav at all").is_err());
        let stereo = riff(&[fmt(2, 22_050, 16), chunk(b"data", &pcm(&[1, 2]))]);
        assert!(wav_samples(&stereo).unwrap_err().contains("mono"));
        let eight_bit = riff(&[fmt(1, 22_050, 8), chunk(b"data", &[1, 2])]);
        assert!(wav_samples(&eight_bit).is_err());
        let no_data = riff(&[fmt(1, 22_050, 16)]);
        assert!(wav_samples(&no_data).unwrap_err().contains("no data"));
        let no_fmt = riff(&[chunk(b"data", &pcm(&[1]))]);
        assert!(wav_samples(&no_fmt).is_err());
        // A chunk size pointing far past the end must not panic.
        let mut huge = riff(&[fmt(1, 22_050, 16)]);
        huge.extend_from_slice(b"LIST\xff\xff\xff\xff");
        assert!(wav_samples(&huge).is_err());
    }
}
