//! Running an external speech program (`say`, `powershell.exe`) for the engines that have no
//! library: a unique scratch directory per narration, and every failure turned into a
//! `PROVIDER_ERROR` that says what to do. Nothing here panics.

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

use super::wav::{Wav, wav_samples};
use crate::{Result, StorytellerError};

/// A fresh directory under `scratch`, removed when dropped (so two narrations never share one).
pub(super) fn scratch_dir(engine: &str, scratch: &Path) -> Result<TempDir> {
    tempfile::Builder::new()
        .prefix(&format!("infinite-stories-{engine}-"))
        .tempdir_in(scratch)
        .map_err(|e| {
            StorytellerError::provider(
                engine,
                format!(
                    "could not create a scratch directory in {}: {e}; check that it exists and \
                     is writable",
                    scratch.display()
                ),
            )
        })
}

/// Writes a scratch file.
pub(super) fn write(engine: &str, path: &Path, contents: &str) -> Result<()> {
    std::fs::write(path, contents).map_err(|e| {
        StorytellerError::provider(engine, format!("could not write {}: {e}", path.display()))
    })
}

/// Runs `program` with `args` to completion (no stdin) and returns its output when it
/// succeeded. `missing` is the advice given when the program cannot be found, `failed` when it
/// ran and failed.
pub(super) fn run<I, S>(
    engine: &str,
    program: &Path,
    args: I,
    missing: &str,
    failed: &str,
) -> Result<Output>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            let message = match e.kind() {
                ErrorKind::NotFound => format!("{} was not found: {missing}", program.display()),
                ErrorKind::PermissionDenied => {
                    format!("{} could not be run (permission denied)", program.display())
                }
                _ => format!("{} could not be started: {e}", program.display()),
            };
            StorytellerError::provider(engine, message)
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let detail: String = stderr.trim().chars().take(400).collect();
        return Err(StorytellerError::provider(
            engine,
            format!(
                "{} {}{}{detail} ({failed})",
                program.display(),
                output.status,
                if detail.is_empty() { "" } else { ": " },
            ),
        ));
    }
    Ok(output)
}

/// The samples of the WAV file the program wrote at `path`.
pub(super) fn read_wav(engine: &str, path: &Path) -> Result<Wav> {
    let bytes = std::fs::read(path).map_err(|e| {
        StorytellerError::provider(
            engine,
            format!(
                "the speech program wrote no audio at {}: {e}",
                path.display()
            ),
        )
    })?;
    wav_samples(&bytes).map_err(|e| {
        StorytellerError::provider(
            engine,
            format!("unreadable audio from the speech program: {e}"),
        )
    })
}

/// Appends one chunk's audio and the pause after it (the voice's paragraph pause at the end
/// of a paragraph, a short breath otherwise) to `speech`, checking the sample rate.
pub(super) fn append(
    engine: &str,
    speech: &mut super::Speech,
    wav: Wav,
    chunk: &super::chunk::Chunk<'_>,
    settings: &super::voices::VoiceSettings,
) -> Result<()> {
    let pause_seconds = if chunk.paragraph_end {
        settings.paragraph_pause
    } else {
        0.2
    };
    if speech.sample_rate == 0 {
        speech.sample_rate = wav.sample_rate;
    } else if speech.sample_rate != wav.sample_rate {
        return Err(StorytellerError::provider(
            engine,
            format!(
                "the speech program changed sample rate from {} to {} Hz",
                speech.sample_rate, wav.sample_rate
            ),
        ));
    }
    speech.samples.extend_from_slice(&wav.samples);
    let pause = (pause_seconds * f64::from(speech.sample_rate)) as usize;
    speech.samples.resize(speech.samples.len() + pause, 0);
    Ok(())
}
