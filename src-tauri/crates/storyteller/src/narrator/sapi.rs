//! Windows speech through SAPI (System.Speech via PowerShell, 16-bit WAV out; no word
//! events, so no timings). Isolated here so the Linux build never sees it.

use std::process::Command;

use super::Speech;
use super::chunk::Chunk;
use super::voices::VoiceSettings;
use crate::{Result, StorytellerError};

pub(super) fn speak(chunks: &[Chunk<'_>], settings: &VoiceSettings) -> Result<Speech> {
    let dir = std::env::temp_dir().join(format!("infinite-stories-sapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| StorytellerError::Internal(e.to_string()))?;
    let mut speech = Speech {
        samples: Vec::new(),
        sample_rate: 22_050,
        words: Vec::new(),
    };
    // SAPI rate is -10..10 around ~180 wpm.
    let rate = ((settings.rate - 180) / 10).clamp(-10, 10);
    for (i, chunk) in chunks.iter().enumerate() {
        let (text, out) = (
            dir.join(format!("chunk{i}.txt")),
            dir.join(format!("chunk{i}.wav")),
        );
        std::fs::write(&text, chunk.text).map_err(|e| StorytellerError::Internal(e.to_string()))?;
        let script = format!(
            "Add-Type -AssemblyName System.Speech; $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; \
             $s.Rate = {rate}; $f = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(22050, 16, 1); \
             $s.SetOutputToWaveFile('{}', $f); $s.Speak([IO.File]::ReadAllText('{}')); $s.Dispose()",
            out.display(),
            text.display()
        );
        let status = Command::new("powershell")
            .args(["-NoProfile", "-Command", &script])
            .status()
            .map_err(|e| StorytellerError::provider("sapi", e.to_string()))?;
        if !status.success() {
            return Err(StorytellerError::provider(
                "sapi",
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
