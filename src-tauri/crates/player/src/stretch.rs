//! Speed without a pitch change: WSOLA (waveform-similarity overlap-add), streaming, mono.
//!
//! Resampling would make a 2× narrator squeak and a 0.5× one growl. WSOLA instead cuts the input
//! into overlapping 40 ms frames, takes them `speed` times further apart than it lays them down
//! (20 ms apart, Hann-windowed, so the windows sum to one), and nudges each frame by up to
//! ±12 ms to where its waveform best continues the previous one. The pitch periods inside each
//! frame are untouched, so the voice keeps its pitch; only the number of periods changes.
//!
//! At 1× the nudge is never needed: every frame sits exactly where the previous one left off and
//! the output is the input (after a 20 ms fade-in at a start or seek, which also de-clicks).
//! Tolerance ±12 ms covers a full pitch period of voices down to about 85 Hz.

/// A streaming time-stretcher for one mono signal.
#[derive(Debug)]
pub(crate) struct Stretcher {
    frame: usize,
    hop: usize,
    tolerance: usize,
    window: Vec<f32>,
    speed: f64,
    /// Input not yet needed is dropped; `input[0]` is input sample `input_start`.
    input: Vec<f32>,
    input_start: u64,
    /// Set by [`Stretcher::finish`]: where the real input ends (zeros follow it).
    input_end: Option<u64>,
    /// Where the next frame would start at exactly `speed`.
    nominal: f64,
    /// Where the previous frame started (it continues naturally at `previous + hop`).
    previous: Option<u64>,
    /// Overlap-add accumulator, one frame long.
    acc: Vec<f32>,
    /// Output left to give once the input has ended (so the length is input / speed).
    remaining: Option<u64>,
    produced_since_speed: u64,
    nominal_at_speed: f64,
}

impl Stretcher {
    /// A stretcher for a signal at `sample_rate`, starting at input sample `at`.
    pub(crate) fn new(sample_rate: u32, at: u64) -> Self {
        let hop = ((sample_rate as f64 * 0.020).round() as usize).max(16);
        let frame = hop * 2;
        let tolerance = ((sample_rate as f64 * 0.012).round() as usize).max(4);
        let window = (0..frame)
            .map(|i| {
                (0.5 - 0.5 * (2.0 * std::f64::consts::PI * i as f64 / frame as f64).cos()) as f32
            })
            .collect();
        let mut stretcher = Self {
            frame,
            hop,
            tolerance,
            window,
            speed: 1.0,
            input: Vec::new(),
            input_start: at,
            input_end: None,
            nominal: at as f64,
            previous: None,
            acc: vec![0.0; frame],
            remaining: None,
            produced_since_speed: 0,
            nominal_at_speed: at as f64,
        };
        stretcher.reset(at);
        stretcher
    }

    /// Forgets everything; input will continue from sample `at` (after a seek).
    pub(crate) fn reset(&mut self, at: u64) {
        self.input.clear();
        self.input_start = at;
        self.input_end = None;
        self.nominal = at as f64;
        self.previous = None;
        self.acc.iter_mut().for_each(|s| *s = 0.0);
        self.remaining = None;
        self.produced_since_speed = 0;
        self.nominal_at_speed = at as f64;
    }

    /// Changes the speed from the next frame on.
    pub(crate) fn set_speed(&mut self, speed: f64) {
        self.speed = speed;
        self.nominal_at_speed = self.nominal;
        self.produced_since_speed = 0;
        if let Some(end) = self.input_end {
            let left = (end as f64 - self.nominal).max(0.0) / speed;
            self.remaining = Some(left.ceil() as u64);
        }
    }

    /// Whether [`Stretcher::pull`] needs more input before it can give more output.
    pub(crate) fn wants_input(&self) -> bool {
        self.input_end.is_none() && !self.frame_ready()
    }

    /// Adds input.
    pub(crate) fn push(&mut self, samples: &[f32]) {
        self.input.extend_from_slice(samples);
    }

    /// Says the input has ended: the rest is flushed, and the output stops at input / speed.
    pub(crate) fn finish(&mut self) {
        if self.input_end.is_some() {
            return;
        }
        let end = self.input_start + self.input.len() as u64;
        self.input_end = Some(end);
        self.input.extend(std::iter::repeat_n(
            0.0,
            self.frame * 2 + self.tolerance * 2,
        ));
        let left = (end as f64 - self.nominal).max(0.0) / self.speed;
        self.remaining = Some(left.ceil() as u64);
    }

    /// Whether all output has been given after [`Stretcher::finish`].
    pub(crate) fn is_drained(&self) -> bool {
        self.remaining == Some(0)
    }

    fn frame_ready(&self) -> bool {
        let target = self.nominal.round() as u64;
        let hi = target + self.tolerance as u64;
        let natural = self.previous.map_or(target, |p| p + self.hop as u64);
        let need = hi.max(natural) + self.frame as u64;
        need <= self.input_start + self.input.len() as u64
    }

    /// Appends as much output as the input allows (whole hops) to `out`; returns how many.
    pub(crate) fn pull(&mut self, out: &mut Vec<f32>) -> usize {
        let before = out.len();
        while self.remaining != Some(0) && self.frame_ready() {
            let target = self.nominal.round() as u64;
            let start = match self.previous {
                Some(previous) if self.speed != 1.0 => self.best_start(target, previous),
                Some(previous) => previous + self.hop as u64,
                None => target,
            };
            let offset = (start - self.input_start) as usize;
            let segment = &self.input[offset..offset + self.frame];
            for ((a, w), x) in self.acc.iter_mut().zip(&self.window).zip(segment) {
                *a += w * x;
            }
            let mut give = self.hop;
            if let Some(remaining) = &mut self.remaining {
                give = give.min(*remaining as usize);
                *remaining -= give as u64;
            }
            out.extend_from_slice(&self.acc[..give]);
            self.acc.copy_within(self.hop.., 0);
            let hop = self.hop;
            self.acc[self.frame - hop..]
                .iter_mut()
                .for_each(|s| *s = 0.0);
            self.previous = Some(start);
            // Nominal positions come from the count since the last speed change, not a running
            // sum, so rounding never drifts the length.
            self.produced_since_speed += 1;
            self.nominal = self.nominal_at_speed
                + self.produced_since_speed as f64 * self.hop as f64 * self.speed;
            self.trim();
        }
        out.len() - before
    }

    /// The start in `[target - tolerance, target + tolerance]` whose frame best matches the
    /// natural continuation of the previous frame (normalised cross-correlation, every second
    /// sample: plenty for speech, half the work).
    fn best_start(&self, target: u64, previous: u64) -> u64 {
        let natural = previous + self.hop as u64;
        let lo = target
            .saturating_sub(self.tolerance as u64)
            .max(self.input_start);
        let hi = target + self.tolerance as u64;
        let reference = &self.input[(natural - self.input_start) as usize..][..self.frame];
        let mut best = (f32::MIN, target);
        for candidate in lo..=hi {
            let x = &self.input[(candidate - self.input_start) as usize..][..self.frame];
            let (mut dot, mut energy) = (0.0f32, 1e-9f32);
            for (a, b) in x.iter().step_by(2).zip(reference.iter().step_by(2)) {
                dot += a * b;
                energy += a * a;
            }
            let score = dot / energy.sqrt();
            if score > best.0 {
                best = (score, candidate);
            }
        }
        best.1
    }

    /// Drops input no later frame can reach.
    fn trim(&mut self) {
        let target = self.nominal.round() as u64;
        let keep = target
            .saturating_sub(self.tolerance as u64)
            .min(self.previous.map_or(target, |p| p + self.hop as u64))
            .max(self.input_start);
        let drop = (keep - self.input_start) as usize;
        if drop >= 8192 {
            self.input.drain(..drop);
            self.input_start = keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stretch(input: &[f32], rate: u32, speed: f64) -> Vec<f32> {
        let mut s = Stretcher::new(rate, 0);
        s.set_speed(speed);
        let mut out = Vec::new();
        for chunk in input.chunks(1000) {
            s.push(chunk);
            s.pull(&mut out);
        }
        s.finish();
        s.pull(&mut out);
        assert!(s.is_drained());
        out
    }

    fn sine(freq: f64, rate: u32, seconds: f64) -> Vec<f32> {
        (0..(rate as f64 * seconds) as usize)
            .map(|i| (2.0 * std::f64::consts::PI * freq * i as f64 / rate as f64).sin() as f32)
            .collect()
    }

    /// Zero crossings per second / 2 = frequency, for a clean tone.
    fn frequency(signal: &[f32], rate: u32) -> f64 {
        let s = &signal[signal.len() / 10..signal.len() * 9 / 10];
        let crossings = s.windows(2).filter(|w| w[0] < 0.0 && w[1] >= 0.0).count();
        crossings as f64 * rate as f64 / s.len() as f64
    }

    #[test]
    fn normal_speed_gives_the_input_back() {
        let input = sine(220.0, 22_050, 1.0);
        let out = stretch(&input, 22_050, 1.0);
        assert_eq!(out.len(), input.len());
        let hop = 441;
        for (i, (a, b)) in out.iter().zip(&input).enumerate().skip(hop) {
            assert!((a - b).abs() < 1e-5, "sample {i}: {a} vs {b}");
        }
    }

    #[test]
    fn other_speeds_change_length_not_pitch() {
        let input = sine(180.0, 22_050, 3.0);
        for speed in [0.5, 0.75, 1.25, 1.5, 2.0] {
            let out = stretch(&input, 22_050, speed);
            let expected = input.len() as f64 / speed;
            assert!(
                (out.len() as f64 - expected).abs() <= 1.0,
                "{speed}: {} vs {expected}",
                out.len()
            );
            let f = frequency(&out, 22_050);
            assert!((f - 180.0).abs() < 180.0 * 0.02, "{speed}: {f} Hz");
        }
    }

    #[test]
    fn a_speed_change_midway_keeps_going() {
        let input = sine(200.0, 22_050, 2.0);
        let mut s = Stretcher::new(22_050, 0);
        let mut out = Vec::new();
        s.push(&input[..22_050]);
        s.pull(&mut out);
        s.set_speed(2.0);
        s.push(&input[22_050..]);
        s.finish();
        s.pull(&mut out);
        // About one second at 1×, then one second of input in half a second.
        assert!((out.len() as i64 - 33_075).abs() < 500, "{}", out.len());
        assert!((frequency(&out, 22_050) - 200.0).abs() < 4.0);
    }
}
