//! Linux speech through libespeak-ng. Its C API is process-global and not thread-safe, so one
//! dedicated thread owns it and serves jobs from a channel; the synth callback (which runs on
//! that thread) collects samples and word events into a thread-local sink. The same thread
//! also turns text into IPA phonemes for the neural voices (`espeak_TextToPhonemes`, as Piper).

use std::cell::RefCell;
use std::ffi::{CString, c_int, c_short};
use std::sync::{Mutex, OnceLock, mpsc};

use espeakng_sys::*;

use super::Speech;
use super::chunk::Chunk;
use super::voices::VoiceSettings;
use crate::{Result, StorytellerError};

#[cfg_attr(not(feature = "neural"), allow(dead_code))]
enum Job {
    Speak {
        chunks: Vec<(String, usize, bool)>,
        settings: VoiceSettings,
        reply: mpsc::Sender<Result<Speech>>,
    },
    Phonemize {
        voice: String,
        texts: Vec<String>,
        reply: mpsc::Sender<Result<Vec<Clauses>>>,
    },
}

/// One text's clauses: (IPA, the punctuation that closed the clause or a space).
pub(crate) type Clauses = Vec<(String, char)>;

#[derive(Default)]
struct Sink {
    samples: Vec<i16>,
    /// (1-based character position in the chunk, milliseconds into the chunk).
    words: Vec<(i32, i32)>,
}

thread_local! {
    static SINK: RefCell<Sink> = RefCell::new(Sink::default());
}

static WORKER: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();

fn provider(message: impl Into<String>) -> StorytellerError {
    StorytellerError::provider("espeak-ng", message)
}

fn send(job: Job) -> Result<()> {
    let sender = WORKER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        // If the thread cannot start, every job fails below with a closed channel.
        let _ = std::thread::Builder::new()
            .name("espeak-ng".into())
            .spawn(move || run(rx));
        Mutex::new(tx)
    });
    sender
        .lock()
        .map_err(|_| provider("the speech thread stopped"))?
        .send(job)
        .map_err(|_| provider("the speech thread is not running"))
}

/// Speaks `chunks` with `settings` on the espeak thread.
pub(super) fn speak(chunks: &[Chunk<'_>], settings: &VoiceSettings) -> Result<Speech> {
    let (reply, answer) = mpsc::channel();
    send(Job::Speak {
        chunks: chunks
            .iter()
            .map(|c| (c.text.to_string(), c.offset, c.paragraph_end))
            .collect(),
        settings: settings.clone(),
        reply,
    })?;
    answer
        .recv()
        .map_err(|_| provider("the speech thread stopped"))?
}

/// The IPA of each text in espeak-ng voice `voice`, clause by clause.
#[cfg_attr(not(feature = "neural"), allow(dead_code))]
pub(crate) fn phonemize(voice: &str, texts: Vec<String>) -> Result<Vec<Clauses>> {
    let (reply, answer) = mpsc::channel();
    send(Job::Phonemize {
        voice: voice.to_string(),
        texts,
        reply,
    })?;
    answer
        .recv()
        .map_err(|_| provider("the speech thread stopped"))?
}

fn run(jobs: mpsc::Receiver<Job>) {
    // SAFETY: called once, on the only thread that ever touches espeak.
    let rate = unsafe {
        espeak_Initialize(
            espeak_AUDIO_OUTPUT_AUDIO_OUTPUT_SYNCHRONOUS,
            0,
            std::ptr::null(),
            0,
        )
    };
    if rate > 0 {
        // SAFETY: `on_synth` matches the callback signature and only touches thread-local data.
        unsafe { espeak_SetSynthCallback(Some(on_synth)) };
    }
    let not_started = || provider("libespeak-ng could not start (is espeak-ng-data installed?)");
    // The caller may have gone away; nothing to do then.
    for job in jobs {
        match job {
            Job::Speak {
                chunks,
                settings,
                reply,
            } => {
                let result = if rate > 0 {
                    synthesise(&chunks, &settings, rate as u32)
                } else {
                    Err(not_started())
                };
                let _ = reply.send(result);
            }
            Job::Phonemize {
                voice,
                texts,
                reply,
            } => {
                let result = if rate > 0 {
                    to_phonemes(&voice, &texts)
                } else {
                    Err(not_started())
                };
                let _ = reply.send(result);
            }
        }
    }
}

unsafe extern "C" fn on_synth(wav: *mut c_short, count: c_int, events: *mut espeak_EVENT) -> c_int {
    SINK.with(|sink| {
        let mut sink = sink.borrow_mut();
        if !wav.is_null() && count > 0 {
            // SAFETY: espeak hands us `count` valid samples at `wav` for this call.
            sink.samples
                .extend_from_slice(unsafe { std::slice::from_raw_parts(wav, count as usize) });
        }
        let mut event = events;
        while !event.is_null() {
            // SAFETY: the event list is terminated by an espeakEVENT_LIST_TERMINATED entry.
            let e = unsafe { *event };
            if e.type_ == espeak_EVENT_TYPE_espeakEVENT_LIST_TERMINATED {
                break;
            }
            if e.type_ == espeak_EVENT_TYPE_espeakEVENT_WORD {
                sink.words.push((e.text_position, e.audio_position));
            }
            // SAFETY: not past the terminator (checked above).
            event = unsafe { event.add(1) };
        }
    });
    0
}

fn set_voice(name: &str) -> Result<()> {
    let c_name = CString::new(name).map_err(|_| provider("bad voice name"))?;
    // SAFETY: espeak is initialised on this thread; `c_name` outlives the call.
    let ok = unsafe { espeak_SetVoiceByName(c_name.as_ptr()) };
    if ok != espeak_ERROR_EE_OK {
        return Err(provider(format!("voice {name} is not installed")));
    }
    Ok(())
}

fn to_phonemes(voice: &str, texts: &[String]) -> Result<Vec<Clauses>> {
    set_voice(voice)?;
    let mut out = Vec::with_capacity(texts.len());
    for text in texts {
        let c_text =
            CString::new(text.replace('\0', " ")).map_err(|_| provider("text has a NUL byte"))?;
        let bytes = c_text.as_bytes();
        let base = c_text.as_ptr();
        let mut cursor: *const std::ffi::c_void = base.cast();
        let mut clauses = Vec::new();
        let mut guard = 0;
        while !cursor.is_null() && guard <= bytes.len() {
            guard += 1;
            let before = (cursor as usize)
                .saturating_sub(base as usize)
                .min(bytes.len());
            // SAFETY: `cursor` points into `c_text` (NUL-terminated, alive for the loop);
            // espeak advances it past the clause it read, or sets it to NULL at the end.
            let ipa = unsafe {
                espeak_TextToPhonemes(
                    &mut cursor,
                    espeakCHARS_UTF8 as c_int,
                    espeakPHONEMES_IPA as c_int,
                )
            };
            let after = if cursor.is_null() {
                bytes.len()
            } else {
                (cursor as usize)
                    .saturating_sub(base as usize)
                    .min(bytes.len())
            };
            let mut consumed =
                String::from_utf8_lossy(&bytes[before..after.max(before)]).into_owned();
            // espeak may stop just before a clause's comma or semicolon (the next clause then
            // starts with it): count it for this clause.
            let rest = String::from_utf8_lossy(&bytes[after.max(before)..]);
            if let Some(c) = rest
                .trim_start()
                .chars()
                .next()
                .filter(|c| matches!(c, ',' | ';' | ':' | '.' | '?' | '!' | '…'))
            {
                consumed.push(c);
            }
            let ipa = if ipa.is_null() {
                String::new()
            } else {
                // SAFETY: espeak returns a NUL-terminated string valid until its next call.
                unsafe { std::ffi::CStr::from_ptr(ipa) }
                    .to_string_lossy()
                    .into_owned()
            };
            if !ipa.trim().is_empty() {
                clauses.push((ipa, super::phonemes::clause_punctuation(&consumed)));
            }
        }
        out.push(clauses);
    }
    Ok(out)
}

fn synthesise(chunks: &[(String, usize, bool)], s: &VoiceSettings, rate: u32) -> Result<Speech> {
    set_voice(&s.name)?;
    // SAFETY: plain parameter setters.
    unsafe {
        espeak_SetParameter(espeak_PARAMETER_espeakRATE, s.rate, 0);
        espeak_SetParameter(espeak_PARAMETER_espeakPITCH, s.pitch, 0);
        espeak_SetParameter(espeak_PARAMETER_espeakRANGE, s.range, 0);
    }
    let mut speech = Speech {
        samples: Vec::new(),
        sample_rate: rate,
        words: Vec::new(),
    };
    for (text, offset, paragraph_end) in chunks {
        let c_text =
            CString::new(text.replace('\0', " ")).map_err(|_| provider("text has a NUL byte"))?;
        SINK.with(|sink| *sink.borrow_mut() = Sink::default());
        // SAFETY: synchronous mode: the callback has run for the whole text when this returns.
        let status = unsafe {
            espeak_Synth(
                c_text.as_ptr().cast(),
                c_text.as_bytes_with_nul().len(),
                0,
                espeak_POSITION_TYPE_POS_CHARACTER,
                0,
                espeakCHARS_UTF8,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        if status != espeak_ERROR_EE_OK {
            return Err(provider(format!("synthesis failed with status {status}")));
        }
        let sink = SINK.with(|sink| std::mem::take(&mut *sink.borrow_mut()));
        let chunk_start = speech.samples.len() as f64 / f64::from(rate);
        let byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for (position, ms) in sink.words {
            let index = (position.max(1) - 1) as usize;
            if let Some(byte) = byte_of_char.get(index) {
                speech
                    .words
                    .push((offset + byte, chunk_start + f64::from(ms) / 1000.0));
            }
        }
        speech.samples.extend_from_slice(&sink.samples);
        let pause = if *paragraph_end {
            s.paragraph_pause
        } else {
            0.2
        };
        speech
            .samples
            .resize(speech.samples.len() + (pause * f64::from(rate)) as usize, 0);
    }
    Ok(speech)
}
