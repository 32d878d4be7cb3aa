//! Shared by the player's tests: real audio made here (a WAV written sample by sample, or the
//! storyteller's offline narrator speaking a sentence), and pitch measured by autocorrelation.
#![allow(dead_code)]

use std::sync::Arc;

use infinite_stories_player::Track;
use infinite_stories_storyteller::narrator::OfflineNarrator;
use infinite_stories_storyteller::{Language, NarrationRequest, Voice};

/// 16-bit mono PCM WAV bytes.
pub fn wav(rate: u32, samples: &[f32]) -> Arc<[u8]> {
    wav_channels(rate, 1, samples)
}

/// 16-bit PCM WAV bytes with `channels` interleaved channels.
pub fn wav_channels(rate: u32, channels: u16, samples: &[f32]) -> Arc<[u8]> {
    let data = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + data as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&channels.to_le_bytes());
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2 * channels as u32).to_le_bytes());
    out.extend_from_slice(&(2 * channels).to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&((s.clamp(-1.0, 1.0) * 32767.0) as i16).to_le_bytes());
    }
    out.into()
}

/// A steady tone of `seconds` at `rate` (amplitude 0.5).
pub fn tone(rate: u32, seconds: f64, freq: f64) -> Vec<f32> {
    (0..(rate as f64 * seconds).round() as usize)
        .map(|i| (0.5 * (2.0 * std::f64::consts::PI * freq * i as f64 / rate as f64).sin()) as f32)
        .collect()
}

/// A track of a steady 200 Hz tone at 8 kHz (cheap to decode, easy to check).
pub fn tone_track(id: &str, seconds: f64) -> Track {
    track(id, wav(8_000, &tone(8_000, seconds, 200.0)))
}

/// A track with these bytes.
pub fn track(id: &str, audio: Arc<[u8]>) -> Track {
    Track {
        story_id: id.into(),
        title: format!("Story {id}"),
        artist: "Luna".into(),
        artwork: None,
        audio,
        resume_at: None,
    }
}

/// Real narration: the offline narrator (espeak-ng → Ogg Vorbis, mono 22,050 Hz).
pub fn narration(text: &str) -> Arc<[u8]> {
    OfflineNarrator::new()
        .narrate_now(&NarrationRequest {
            text: text.into(),
            voice: Voice::Coral,
            language: Language::En,
        })
        .expect("the offline narrator speaks")
        .bytes
        .into()
}

/// Root-mean-square level.
pub fn rms(samples: &[f32]) -> f32 {
    (samples.iter().map(|s| s * s).sum::<f32>() / samples.len().max(1) as f32).sqrt()
}

/// The median fundamental frequency of the voiced parts, by normalised autocorrelation over
/// 40 ms frames (voiced: loud enough and a clear period between 70 and 400 Hz).
pub fn median_pitch(samples: &[f32], rate: u32) -> f64 {
    let frame = (rate as f64 * 0.040) as usize;
    let (min_lag, max_lag) = ((rate / 400) as usize, (rate / 70) as usize);
    let loudest = samples.chunks(frame).map(rms).fold(0.0f32, f32::max);
    let mut pitches = Vec::new();
    for start in (0..samples.len().saturating_sub(frame + max_lag)).step_by(frame / 2) {
        let x = &samples[start..start + frame + max_lag];
        if rms(&x[..frame]) < loudest * 0.3 {
            continue;
        }
        let energy: f32 = x[..frame].iter().map(|s| s * s).sum();
        let scores: Vec<f32> = (min_lag..=max_lag)
            .map(|lag| {
                let r: f32 = (0..frame).map(|i| x[i] * x[i + lag]).sum();
                let e2: f32 = x[lag..lag + frame].iter().map(|s| s * s).sum();
                r / (energy * e2).sqrt().max(1e-9)
            })
            .collect();
        let best = scores.iter().copied().fold(0.0f32, f32::max);
        if best < 0.7 {
            continue;
        }
        // The first peak near the best, not a multiple of the period (octave errors).
        let lag = (1..scores.len() - 1)
            .find(|&i| {
                scores[i] >= best * 0.9 && scores[i] >= scores[i - 1] && scores[i] >= scores[i + 1]
            })
            .unwrap_or(0);
        pitches.push(rate as f64 / (min_lag + lag) as f64);
    }
    assert!(pitches.len() >= 10, "only {} voiced frames", pitches.len());
    pitches.sort_by(|a, b| a.partial_cmp(b).unwrap());
    pitches[pitches.len() / 2]
}

/// Points ALSA's default device at `asoundrc` (e.g. the null device, or a card that does not
/// exist) through a fresh `XDG_CONFIG_HOME`; keep the folder alive for the test. Call it before
/// any other thread exists (it sets an environment variable).
#[cfg(target_os = "linux")]
pub fn alsa_default(asoundrc: &str) -> tempfile::TempDir {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("alsa")).unwrap();
    std::fs::write(config.path().join("alsa/asoundrc"), asoundrc).unwrap();
    // SAFETY: the caller runs this before any other thread exists in its test binary.
    unsafe { std::env::set_var("XDG_CONFIG_HOME", config.path()) };
    config
}
