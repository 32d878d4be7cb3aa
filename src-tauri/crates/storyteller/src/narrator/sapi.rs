//! Windows speech through SAPI (System.Speech, driven by Windows PowerShell). It exists
//! because Windows has no espeak. Once per narration a `.ps1` script is written; each chunk is
//! an SSML file, and the script runs as
//! `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File narrate.ps1
//! -SsmlPath … -OutPath … -Culture fr-FR -Rate n`: everything arrives through `param(...)`,
//! no path is ever pasted into code. The script picks an installed voice of the culture
//! (falling back to `SelectVoiceByHints`), writes 22,050 Hz 16-bit mono WAV, and prints one
//! `W\t<CharacterPosition>\t<CharacterCount>\t<AudioPosition ms>` line per `SpeakProgress`.
//!
//! Pitch and range are set by `<prosody>` in the SSML, the pace by `SpeechSynthesizer.Rate`.
//! Because SSML is spoken, `CharacterPosition` counts UTF-16 units of the whole SSML document:
//! this module wrote that document and keeps, for every character of the text, where its
//! (escaped) form starts in it, and maps positions back to the text through that table.
//!
//! Compiled and tested on every platform (the tests run a stand-in `powershell.exe`); only
//! Windows narrates through it by default. Never run against real PowerShell/SAPI here.

use std::ffi::OsString;
use std::path::Path;

use super::chunk::Chunk;
use super::voices::VoiceSettings;
use super::{Speech, command};
use crate::{Language, Result, StorytellerError};

/// The program on Windows (Windows PowerShell 5.1, which has System.Speech).
pub(crate) const PROGRAM: &str = "powershell.exe";

const ENGINE: &str = "sapi";

/// The script, written once per narration. `SpeakProgress` is consumed with
/// `Register-ObjectEvent` + `Wait-Event` because System.Speech raises it on a worker thread,
/// where a script-block handler would have no runspace.
pub(crate) const SCRIPT: &str = r#"param(
    [Parameter(Mandatory = $true)][string]$SsmlPath,
    [Parameter(Mandatory = $true)][string]$OutPath,
    [Parameter(Mandatory = $true)][string]$Culture,
    [int]$Rate = 0
)
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Speech
$synth = New-Object System.Speech.Synthesis.SpeechSynthesizer
try {
    $wanted = [System.Globalization.CultureInfo]::GetCultureInfo($Culture)
    $voice = $synth.GetInstalledVoices() |
        Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -eq $wanted.Name } |
        Select-Object -First 1
    if ($voice) {
        $synth.SelectVoice($voice.VoiceInfo.Name)
    } else {
        $synth.SelectVoiceByHints([System.Speech.Synthesis.VoiceGender]::NotSet,
            [System.Speech.Synthesis.VoiceAge]::NotSet, 0, $wanted)
    }
    $synth.Rate = [Math]::Max(-10, [Math]::Min(10, $Rate))
    $format = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(22050,
        [System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen,
        [System.Speech.AudioFormat.AudioChannel]::Mono)
    $synth.SetOutputToWaveFile($OutPath, $format)
    $null = Register-ObjectEvent -InputObject $synth -EventName SpeakProgress -SourceIdentifier Word
    $null = Register-ObjectEvent -InputObject $synth -EventName SpeakCompleted -SourceIdentifier Done
    $ssml = [System.IO.File]::ReadAllText($SsmlPath, [System.Text.Encoding]::UTF8)
    $null = $synth.SpeakSsmlAsync($ssml)
    while ($true) {
        $next = Wait-Event
        Remove-Event -EventIdentifier $next.EventIdentifier
        $a = $next.SourceEventArgs
        if ($next.SourceIdentifier -eq 'Done') {
            if ($a.Error) { throw $a.Error }
            break
        }
        # Integers only: no culture-dependent decimal separator.
        [Console]::Out.WriteLine(('W' + "`t" + $a.CharacterPosition + "`t" + $a.CharacterCount +
            "`t" + [long]$a.AudioPosition.TotalMilliseconds))
    }
    $synth.SetOutputToNull()
} finally {
    $synth.Dispose()
}
"#;

/// The culture asked of SAPI for a language.
pub(crate) fn culture(language: Language) -> &'static str {
    match language {
        Language::En => "en-US",
        Language::Fr => "fr-FR",
        Language::Es => "es-ES",
        Language::De => "de-DE",
        Language::It => "it-IT",
    }
}

/// `SpeechSynthesizer.Rate` (-10..10) for a pace: rate 0 is about 170 words per minute and
/// ten steps triple or third it (approximate, as SAPI documents it).
pub(crate) fn rate(words_per_minute: f64) -> i32 {
    let steps = 10.0 * (words_per_minute / 170.0).ln() / 3f64.ln();
    (steps.round() as i32).clamp(-10, 10)
}

/// One chunk as SSML, with, for each character of the chunk, (UTF-16 position where it starts
/// in the SSML, its byte offset in the chunk).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ssml {
    pub document: String,
    pub positions: Vec<(usize, usize)>,
    /// UTF-16 position just past the text.
    pub text_end: usize,
}

impl Ssml {
    /// The byte offset in the chunk of the character at UTF-16 `position` of the document.
    pub(crate) fn byte_at(&self, position: usize) -> Option<usize> {
        if position >= self.text_end {
            return None;
        }
        let index = self.positions.partition_point(|(p, _)| *p <= position);
        index.checked_sub(1).map(|i| self.positions[i].1)
    }
}

/// The SSML for `chunk` in `settings`' language, pitch and range.
pub(crate) fn ssml(chunk: &str, settings: &VoiceSettings) -> Ssml {
    let pitch = (settings.pitch - 50) / 2;
    let range = settings.range - 50;
    let mut document = format!(
        "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" \
         xml:lang=\"{}\"><prosody pitch=\"{pitch:+}%\" range=\"{range:+}%\">",
        culture(settings.language)
    );
    let mut at = document.encode_utf16().count();
    let mut positions = Vec::with_capacity(chunk.len());
    for (byte, c) in chunk.char_indices() {
        positions.push((at, byte));
        let escaped = match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            // Not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\n' | '\r' | '\t') => " ".to_string(),
            c => c.to_string(),
        };
        at += escaped.encode_utf16().count();
        document.push_str(&escaped);
    }
    document.push_str("</prosody></speak>");
    Ssml {
        document,
        positions,
        text_end: at,
    }
}

/// The arguments for one chunk.
pub(crate) fn invocation(
    script: &Path,
    ssml_file: &Path,
    out: &Path,
    settings: &VoiceSettings,
) -> Vec<OsString> {
    vec![
        "-NoProfile".into(),
        "-NonInteractive".into(),
        "-ExecutionPolicy".into(),
        "Bypass".into(),
        "-File".into(),
        script.as_os_str().to_owned(),
        "-SsmlPath".into(),
        ssml_file.as_os_str().to_owned(),
        "-OutPath".into(),
        out.as_os_str().to_owned(),
        "-Culture".into(),
        culture(settings.language).into(),
        "-Rate".into(),
        rate(settings.words_per_minute).to_string().into(),
    ]
}

/// Word starts (byte offset in the chunk, seconds into the chunk) from the script's output.
pub(crate) fn parse_progress(stdout: &str, ssml: &Ssml) -> Vec<(usize, f64)> {
    stdout
        .lines()
        .filter_map(|line| {
            let mut fields = line.trim_end_matches('\r').split('\t');
            if fields.next()? != "W" {
                return None;
            }
            let position: usize = fields.next()?.trim().parse().ok()?;
            let _count: usize = fields.next()?.trim().parse().ok()?;
            let ms: f64 = fields.next()?.trim().parse().ok()?;
            Some((ssml.byte_at(position)?, ms.max(0.0) / 1000.0))
        })
        .collect()
}

/// Speaks `chunks` with `program` (normally [`PROGRAM`]), scratch files under `scratch`.
pub(crate) fn speak(
    program: &Path,
    scratch: &Path,
    chunks: &[Chunk<'_>],
    settings: &VoiceSettings,
) -> Result<Speech> {
    let dir = command::scratch_dir(ENGINE, scratch)?;
    let script = dir.path().join("narrate.ps1");
    command::write(ENGINE, &script, SCRIPT)?;
    let mut speech = Speech::default();
    for (i, chunk) in chunks.iter().enumerate() {
        let ssml_file = dir.path().join(format!("chunk{i}.ssml"));
        let out = dir.path().join(format!("chunk{i}.wav"));
        let document = ssml(chunk.text, settings);
        command::write(ENGINE, &ssml_file, &document.document)?;
        let output = command::run(
            ENGINE,
            program,
            invocation(&script, &ssml_file, &out, settings),
            "narration on Windows needs Windows PowerShell (powershell.exe) on the PATH",
            &format!(
                "is a {} voice installed? Settings → Time & language → Speech → Manage voices",
                culture(settings.language)
            ),
        )?;
        let stdout = String::from_utf8(output.stdout).map_err(|_| {
            StorytellerError::provider(ENGINE, "the speech script printed something unreadable")
        })?;
        let wav = command::read_wav(ENGINE, &out)?;
        let start = speech.samples.len() as f64 / f64::from(wav.sample_rate);
        let length = wav.samples.len() as f64 / f64::from(wav.sample_rate);
        for (byte, seconds) in parse_progress(&stdout, &document) {
            speech
                .words
                .push((chunk.offset + byte, start + seconds.min(length)));
        }
        command::append(ENGINE, &mut speech, wav, chunk, settings)?;
    }
    let _ = dir.close();
    Ok(speech)
}

#[cfg(test)]
mod tests {
    use super::super::voices::settings;
    use super::*;
    use crate::Voice;

    #[test]
    fn ssml_escapes_the_text_and_maps_positions_back() {
        let chunk = "Tom & «Zoé» said <hi> \"it's 🌙\" — fin";
        let s = ssml(chunk, &settings(Voice::Coral, Language::Fr));
        assert!(s.document.contains("xml:lang=\"fr-FR\""));
        assert!(
            s.document
                .contains("Tom &amp; «Zoé» said &lt;hi&gt; &quot;it&apos;s 🌙&quot;")
        );
        assert!(!s.document.contains("<hi>"));
        let utf16: Vec<u16> = s.document.encode_utf16().collect();
        for (byte, c) in chunk.char_indices() {
            let at = s.positions.iter().find(|(_, b)| *b == byte).unwrap().0;
            assert_eq!(s.byte_at(at), Some(byte));
            if c.is_alphanumeric() {
                let found = String::from_utf16(&utf16[at..at + c.len_utf16()]).unwrap();
                assert_eq!(found, c.to_string());
            }
        }
        // Inside an entity: the escaped character. Markup: nothing.
        let amp = s.positions.iter().find(|(_, b)| *b == 4).unwrap().0;
        assert_eq!(s.byte_at(amp + 2), Some(4));
        assert_eq!(s.byte_at(0), None);
        assert_eq!(s.byte_at(s.text_end), None);
    }

    #[test]
    fn progress_lines_become_word_starts() {
        let chunk = "Sleep well, Zoé";
        let s = ssml(chunk, &settings(Voice::Echo, Language::En));
        let pos = |word: &str| {
            let byte = chunk.find(word).unwrap();
            s.positions.iter().find(|(_, b)| *b == byte).unwrap().0
        };
        let stdout = format!(
            "noise\r\nW\t{}\t5\t0\r\nW\t{}\t5\t420\r\nW\tbad\t1\t1\r\nW\t{}\t3\t1234.5\r\nW\t0\t1\t5\n",
            pos("Sleep"),
            pos("well"),
            pos("Zoé")
        );
        assert_eq!(
            parse_progress(&stdout, &s),
            [(0, 0.0), (6, 0.42), (12, 1.2345)]
        );
    }

    #[test]
    fn the_invocation_passes_everything_as_parameters() {
        let args: Vec<String> = invocation(
            Path::new("C:\\Temp\\it's\\narrate.ps1"),
            Path::new("C:\\Temp\\it's\\chunk0.ssml"),
            Path::new("C:\\Temp\\it's\\chunk0.wav"),
            &settings(Voice::Fable, Language::De),
        )
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
        assert_eq!(
            args[..6],
            [
                "-NoProfile",
                "-NonInteractive",
                "-ExecutionPolicy",
                "Bypass",
                "-File",
                "C:\\Temp\\it's\\narrate.ps1"
            ]
        );
        assert_eq!(args[10..12], ["-Culture", "de-DE"]);
        assert_eq!(args[12], "-Rate");
        assert!(SCRIPT.starts_with("param("));
        for needed in [
            "SpeakProgress",
            "GetInstalledVoices",
            "SelectVoiceByHints",
            "SetOutputToWaveFile",
            "SpeakSsmlAsync",
            "AudioChannel]::Mono",
        ] {
            assert!(SCRIPT.contains(needed), "{needed}");
        }
    }

    #[test]
    fn rates_and_voices_are_distinct() {
        assert_eq!(rate(170.0), 0);
        assert_eq!(rate(510.0), 10);
        assert_eq!(rate(20.0), -10);
        assert!(rate(126.0) < rate(140.0));
        for language in Language::ALL {
            let docs: Vec<String> = Voice::ALL
                .iter()
                .map(|v| ssml("Hello", &settings(*v, *language)).document)
                .collect();
            for (i, d) in docs.iter().enumerate() {
                assert!(!docs[i + 1..].contains(d), "{d}");
            }
        }
    }
}
