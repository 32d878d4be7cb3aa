//! Compresses speech to Ogg Vorbis and measures the result by decoding it again, so the
//! duration the app shows is the duration of the file it plays.

use std::io::Cursor;
use std::num::{NonZeroU8, NonZeroU32};

use vorbis_rs::{VorbisBitrateManagementStrategy, VorbisEncoderBuilder};

use crate::{Result, StorytellerError};

/// Vorbis quality for speech: mono 22 kHz at about 26 kbit/s keeps 7 minutes under 2 MB.
const QUALITY: f32 = -0.1;

/// Mono 16-bit samples → Ogg Vorbis bytes.
pub fn ogg_vorbis(samples: &[i16], sample_rate: u32) -> Result<Vec<u8>> {
    let err =
        |e: vorbis_rs::VorbisError| StorytellerError::Internal(format!("vorbis encoder: {e}"));
    let rate = NonZeroU32::new(sample_rate)
        .ok_or_else(|| StorytellerError::Internal("sample rate 0".into()))?;
    let mut builder =
        VorbisEncoderBuilder::new_with_serial(rate, NonZeroU8::MIN, Vec::new(), 0x5354_4f52);
    builder.bitrate_management_strategy(VorbisBitrateManagementStrategy::QualityVbr {
        target_quality: QUALITY,
    });
    let mut encoder = builder.build().map_err(err)?;
    let floats: Vec<f32> = samples.iter().map(|s| f32::from(*s) / 32_768.0).collect();
    for block in floats.chunks(8_192) {
        encoder.encode_audio_block([block]).map_err(err)?;
    }
    encoder.finish().map_err(err)
}

/// Duration of an Ogg Vorbis file in seconds, by decoding every packet.
pub fn measure_ogg(bytes: &[u8]) -> Result<f64> {
    let err = |e: lewton::VorbisError| {
        StorytellerError::Internal(format!("cannot decode narration: {e}"))
    };
    let mut reader = lewton::inside_ogg::OggStreamReader::new(Cursor::new(bytes)).map_err(err)?;
    let (rate, channels) = (
        reader.ident_hdr.audio_sample_rate,
        reader.ident_hdr.audio_channels.max(1),
    );
    let mut frames = 0usize;
    while let Some(packet) = reader.read_dec_packet_itl().map_err(err)? {
        frames += packet.len() / usize::from(channels);
    }
    Ok(frames as f64 / f64::from(rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tone_survives_the_round_trip_with_its_duration() {
        let rate = 22_050;
        let samples: Vec<i16> = (0..rate * 3)
            .map(|i| ((i as f32 * 0.05).sin() * 8_000.0) as i16)
            .collect();
        let ogg = ogg_vorbis(&samples, rate as u32).unwrap();
        assert_eq!(&ogg[..4], b"OggS");
        let seconds = measure_ogg(&ogg).unwrap();
        assert!((seconds - 3.0).abs() < 0.05, "{seconds}");
    }
}
