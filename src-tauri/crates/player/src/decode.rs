//! Narration bytes → mono samples, packet by packet, with sample-exact seeking. Symphonia is used
//! directly (rather than through rodio's `Decoder`) so the player knows the exact story position
//! of every sample it produces; that is what positions, word highlighting and resume points rest
//! on. Narration is speech, so several channels are averaged to one: the time-stretch then runs
//! once, and the output device spreads it to every speaker.

use std::io::Cursor;
use std::sync::Arc;

use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{CODEC_TYPE_NULL, Decoder, DecoderOptions};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::{FormatOptions, FormatReader, SeekMode, SeekTo};
use symphonia::core::io::{MediaSourceStream, MediaSourceStreamOptions};
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use crate::PlayerError;

/// A decoding narration.
pub(crate) struct Narration {
    format: Box<dyn FormatReader>,
    decoder: Box<dyn Decoder>,
    track_id: u32,
    sample_rate: u32,
    frames: u64,
    buffer: Option<SampleBuffer<f32>>,
    /// After a seek: the first frame wanted; earlier decoded frames are dropped.
    target: Option<u64>,
}

impl std::fmt::Debug for Narration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Narration")
            .field("sample_rate", &self.sample_rate)
            .field("frames", &self.frames)
            .finish()
    }
}

fn decode_error(e: SymphoniaError) -> PlayerError {
    PlayerError::Decode(e.to_string())
}

impl Narration {
    /// Opens Ogg Vorbis, MP3 or WAV bytes.
    pub(crate) fn open(bytes: Arc<[u8]>) -> Result<Self, PlayerError> {
        if bytes.is_empty() {
            return Err(PlayerError::Decode("the audio is empty".into()));
        }
        let mut hint = Hint::new();
        match bytes.get(..4) {
            Some(b"OggS") => hint.with_extension("ogg"),
            Some(b"RIFF") => hint.with_extension("wav"),
            _ => hint.with_extension("mp3"),
        };
        let stream = MediaSourceStream::new(
            Box::new(Cursor::new(bytes)),
            MediaSourceStreamOptions::default(),
        );
        let probed = symphonia::default::get_probe()
            .format(
                &hint,
                stream,
                &FormatOptions {
                    enable_gapless: true,
                    ..Default::default()
                },
                &MetadataOptions::default(),
            )
            .map_err(|e| PlayerError::Decode(format!("not Ogg Vorbis, MP3 or WAV: {e}")))?;
        let mut format = probed.format;
        let track = format
            .tracks()
            .iter()
            .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
            .ok_or_else(|| PlayerError::Decode("no audio track".into()))?;
        let track_id = track.id;
        let params = track.codec_params.clone();
        let sample_rate = params
            .sample_rate
            .ok_or_else(|| PlayerError::Decode("no sample rate".into()))?;
        let decoder = symphonia::default::get_codecs()
            .make(&params, &DecoderOptions::default())
            .map_err(decode_error)?;
        let frames = match params.n_frames {
            Some(n) if n > 0 => n,
            // No length in the headers (an MP3 without a Xing frame): count the packets, which
            // costs a read of the bytes but no decoding, then go back to the start.
            _ => {
                let mut total = 0;
                loop {
                    match format.next_packet() {
                        Ok(p) if p.track_id() == track_id => total = p.ts() + p.dur(),
                        Ok(_) => {}
                        Err(_) => break,
                    }
                }
                format
                    .seek(SeekMode::Accurate, SeekTo::TimeStamp { ts: 0, track_id })
                    .map_err(decode_error)?;
                total
            }
        };
        Ok(Self {
            format,
            decoder,
            track_id,
            sample_rate,
            frames,
            buffer: None,
            target: None,
        })
    }

    /// Samples per second.
    pub(crate) fn sample_rate(&self) -> u32 {
        self.sample_rate
    }

    /// The length in frames.
    pub(crate) fn frames(&self) -> u64 {
        self.frames
    }

    /// Appends the next packet's samples (mono) to `out`. `Ok(false)` at the end.
    pub(crate) fn next_chunk(&mut self, out: &mut Vec<f32>) -> Result<bool, PlayerError> {
        loop {
            let packet = match self.format.next_packet() {
                Ok(p) => p,
                Err(SymphoniaError::IoError(e))
                    if e.kind() == std::io::ErrorKind::UnexpectedEof =>
                {
                    return Ok(false);
                }
                Err(SymphoniaError::ResetRequired) => return Ok(false),
                Err(e) => return Err(decode_error(e)),
            };
            if packet.track_id() != self.track_id {
                continue;
            }
            let decoded = match self.decoder.decode(&packet) {
                Ok(d) => d,
                // A damaged packet: skip it, as players do, rather than stop the story.
                Err(SymphoniaError::DecodeError(e)) => {
                    tracing::debug!("skipped a damaged audio packet: {e}");
                    continue;
                }
                Err(e) => return Err(decode_error(e)),
            };
            let spec = *decoded.spec();
            let channels = spec.channels.count().max(1);
            let capacity = decoded.capacity() as u64;
            let buffer = match &mut self.buffer {
                Some(b) if b.capacity() as u64 >= capacity * channels as u64 => b,
                slot => slot.insert(SampleBuffer::new(capacity, spec)),
            };
            buffer.copy_interleaved_ref(decoded);
            let samples = buffer.samples();
            let frames = samples.len() / channels;
            // Frames before a seek target are decoded (the codec needs them) but not heard.
            let skip = match self.target {
                Some(target) => {
                    let ts = packet.ts();
                    if ts + frames as u64 <= target {
                        continue;
                    }
                    self.target = None;
                    target.saturating_sub(ts) as usize
                }
                None => 0,
            };
            if channels == 1 {
                out.extend_from_slice(&samples[skip..]);
            } else {
                let scale = 1.0 / channels as f32;
                out.extend(
                    samples
                        .chunks_exact(channels)
                        .skip(skip)
                        .map(|frame| frame.iter().sum::<f32>() * scale),
                );
            }
            return Ok(true);
        }
    }

    /// Moves to `frame` (clamped to the length); the next chunk starts exactly there.
    pub(crate) fn seek(&mut self, frame: u64) -> Result<(), PlayerError> {
        let frame = frame.min(self.frames);
        let seeked = self
            .format
            .seek(
                SeekMode::Accurate,
                SeekTo::TimeStamp {
                    ts: frame,
                    track_id: self.track_id,
                },
            )
            .map_err(decode_error)?;
        self.decoder.reset();
        self.target = Some(seeked.required_ts.max(frame));
        Ok(())
    }
}
