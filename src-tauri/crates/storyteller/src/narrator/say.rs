//! macOS speech through the system `say` command (16-bit WAV out; no word events, so no
//! timings). Isolated here so the Linux build never sees it.

use std::process::Command;

use super::Speech;
use super::chunk::Chunk;
use super::voices::VoiceSettings;
use crate::{Result, StorytellerError};

pub(super) fn speak(chunks: &[Chunk<'_>], settings: &VoiceSettings) -> Result<Speech> {
    let dir = std::env::temp_dir().join(format!("infinite-stories-say-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| StorytellerError::Internal(e.to_string()))?;
    let mut speech = Speech {
        samples: Vec::new(),
        sample_rate: 22_050,
        words: Vec::new(),
    };
    for (i, chunk) in chunks.iter().enumerate() {
        let out = dir.join(format!("chunk{i}.wav"));
        let status = Command::new("say")
            .args(["-r", &settings.rate.to_string(), "-o"])
            .arg(&out)
            .args([
                "--file-format=WAVE",
                "--data-format=LEI16@22050",
                chunk.text,
            ])
            .status()
            .map_err(|e| StorytellerError::provider("say", e.to_string()))?;
        if !status.success() {
            return Err(StorytellerError::provider(
                "say",
                format!("exited with {status}"),
            ));
        }
        let wav = std::fs::read(&out).map_err(|e| StorytellerError::Internal(e.to_string()))?;
        speech.samples.extend(super::wav_samples(&wav));
        speech.samples.resize(
            speech.samples.len() + (settings.paragraph_pause * 22_050.0) as usize,
            0,
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(speech)
}
