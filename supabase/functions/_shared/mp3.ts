/**
 * Measures an MP3 file by walking its frame headers (no decoder): the duration is the sum of
 * the frames' samples over their sample rate — the same measure as the storyteller's
 * `openai/mp3.rs`, so `durationSeconds` is measured, never estimated from the text.
 */

const V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

/** Duration in seconds, or null when no MPEG layer III frame is found. */
export function mp3Duration(bytes: Uint8Array): number | null {
  let at = 0;
  if (bytes.length > 10 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    const size = [6, 7, 8, 9].reduce((acc, i) => (acc << 7) | (bytes[i] & 0x7f), 0);
    at = 10 + size;
  }
  let seconds = 0;
  let frames = 0;
  while (at + 4 <= bytes.length) {
    const [b0, b1, b2] = [bytes[at], bytes[at + 1], bytes[at + 2]];
    if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) {
      at += 1;
      continue;
    }
    const version = (b1 >> 3) & 0b11; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
    const layer = (b1 >> 1) & 0b11; // 1 = layer III
    const bitrateIndex = b2 >> 4;
    const rateIndex = (b2 >> 2) & 0b11;
    const padding = (b2 >> 1) & 1;
    if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
      at += 1;
      continue;
    }
    const [bitrate, rate, samples] = version === 3
      ? [V1[bitrateIndex], [44_100, 48_000, 32_000][rateIndex], 1152]
      : version === 2
      ? [V2[bitrateIndex], [22_050, 24_000, 16_000][rateIndex], 576]
      : [V2[bitrateIndex], [11_025, 12_000, 8_000][rateIndex], 576];
    const coefficient = version === 3 ? 144 : 72;
    const length = Math.floor((coefficient * bitrate * 1000) / rate) + padding;
    if (length < 4) {
      at += 1;
      continue;
    }
    seconds += samples / rate;
    frames += 1;
    at += length;
  }
  return frames > 0 ? seconds : null;
}

/** A silent MPEG1 layer III stream of `frames` frames at 44.1 kHz, 128 kbit/s (for tests). */
export function testStream(frames: number): Uint8Array {
  const out = new Uint8Array(frames * 417);
  for (let i = 0; i < frames; i++) out.set([0xff, 0xfb, 0x90, 0x64], i * 417);
  return out;
}
