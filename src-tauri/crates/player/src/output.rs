//! Where rendered samples go. [`AudioOutput`] opens a stream for one sample rate; the player
//! opens it when playback starts and drops it when playback stops, because an open device keeps
//! the sound server (or, on ALSA's null device, a whole core) busy. A stream takes samples into a
//! bounded buffer (≈ 250 ms) and calls its [`Wake`] when it has room again, so the player thread
//! sleeps on its inbox instead of polling.
//!
//! [`RodioOutput`] is the real one (rodio's mixer converts mono at the story's rate to whatever
//! the device wants). [`CaptureOutput`] keeps the samples and plays them only when a test or the
//! benchmark says so: the "injected output" the unit tests render into.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use crate::PlayerError;

/// How much audio a stream holds, in seconds: enough to ride over a slow decode, short enough
/// that a pause or a seek is heard at once.
pub const BUFFER_SECONDS: f64 = 0.25;

/// Tells the player thread that an output stream has room (callable from any thread).
#[derive(Clone)]
pub struct Wake(Arc<dyn Fn() + Send + Sync>);

impl Wake {
    /// A wake that calls `f`.
    pub fn new(f: impl Fn() + Send + Sync + 'static) -> Self {
        Self(Arc::new(f))
    }
    /// Wakes the player thread.
    pub fn wake(&self) {
        (self.0)()
    }
}

impl std::fmt::Debug for Wake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wake")
    }
}

/// Opens output streams. Lives on the player thread.
pub trait AudioOutput: Send + 'static {
    /// Opens a stream for mono samples at `sample_rate`. Fails with
    /// [`PlayerError::NoAudioDevice`] when there is no sound device.
    fn open(&mut self, sample_rate: u32, wake: Wake) -> Result<Box<dyn OutputStream>, PlayerError>;
}

/// An open output; dropping it closes the device.
pub trait OutputStream {
    /// Takes as many of `samples` as fit; returns how many.
    fn write(&mut self, samples: &[f32]) -> usize;
    /// Samples taken but not yet heard.
    fn buffered(&self) -> usize;
    /// How many samples it holds at most.
    fn capacity(&self) -> usize;
    /// Drops samples not yet heard (after a seek, so the new position is heard at once).
    fn clear(&mut self);
    /// Sets the volume (0–1), applied as samples leave the buffer so a change is heard at once.
    fn set_volume(&mut self, volume: f32);
}

/// The shared buffer between the player thread and a device callback.
#[derive(Debug)]
struct Feed {
    samples: Mutex<VecDeque<f32>>,
    capacity: usize,
    /// A wake was sent and no write has happened since.
    woken: AtomicBool,
    wake: Wake,
    /// Volume as f32 bits; `gain` ramps towards it over a batch so changes never click.
    volume: AtomicU32,
    gain: Mutex<f32>,
}

impl Feed {
    fn new(sample_rate: u32, wake: Wake) -> Arc<Self> {
        let capacity = (sample_rate as f64 * BUFFER_SECONDS) as usize;
        Arc::new(Self {
            samples: Mutex::new(VecDeque::with_capacity(capacity)),
            capacity,
            woken: AtomicBool::new(false),
            wake,
            volume: AtomicU32::new(1.0f32.to_bits()),
            gain: Mutex::new(1.0),
        })
    }

    fn write(&self, samples: &[f32]) -> usize {
        let mut queue = self.samples.lock().unwrap_or_else(|e| e.into_inner());
        let n = samples.len().min(self.capacity - queue.len());
        queue.extend(&samples[..n]);
        self.woken.store(false, Ordering::SeqCst);
        n
    }

    fn buffered(&self) -> usize {
        self.samples.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    fn clear(&self) {
        self.samples
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    fn set_volume(&self, volume: f32) {
        self.volume.store(volume.to_bits(), Ordering::SeqCst);
    }

    /// Takes up to `n` samples for the device; wakes the player at half full and when it has
    /// just run empty (so a finished story's tail is known to be heard).
    fn take(&self, n: usize, out: &mut Vec<f32>) {
        let start = out.len();
        let left = {
            let mut queue = self.samples.lock().unwrap_or_else(|e| e.into_inner());
            let n = n.min(queue.len());
            out.extend(queue.drain(..n));
            queue.len()
        };
        let taken = out.len() - start;
        if taken > 0 {
            let target = f32::from_bits(self.volume.load(Ordering::SeqCst));
            let mut gain = self.gain.lock().unwrap_or_else(|e| e.into_inner());
            // A 64-sample ramp (a few ms): no click, and the new volume is heard at once.
            let ramp = taken.min(64);
            let step = (target - *gain) / ramp as f32;
            for (i, s) in out[start..].iter_mut().enumerate() {
                if i < ramp {
                    *gain += step;
                }
                *s *= *gain;
            }
            *gain = target;
        }
        let emptied = taken > 0 && left == 0;
        if (left <= self.capacity / 2 && !self.woken.swap(true, Ordering::SeqCst)) || emptied {
            self.wake.wake();
        }
    }
}

/// The computer's default sound device, through rodio (cpal).
#[derive(Debug, Default)]
pub struct RodioOutput;

struct RodioStream {
    feed: Arc<Feed>,
    _stream: rodio::OutputStream,
}

/// A rodio source that plays what the feed holds, and silence when it runs dry (the stream is
/// dropped when playback stops, so that silence is only ever a momentary underrun).
struct FeedSource {
    feed: Arc<Feed>,
    rate: u32,
    local: Vec<f32>,
    at: usize,
}

impl Iterator for FeedSource {
    type Item = f32;
    fn next(&mut self) -> Option<f32> {
        if self.at == self.local.len() {
            self.local.clear();
            self.at = 0;
            // A few milliseconds at a time: one lock per batch, not per sample.
            self.feed.take(64, &mut self.local);
            if self.local.is_empty() {
                return Some(0.0);
            }
        }
        self.at += 1;
        Some(self.local[self.at - 1])
    }
}

impl rodio::Source for FeedSource {
    fn current_span_len(&self) -> Option<usize> {
        None
    }
    fn channels(&self) -> rodio::ChannelCount {
        1
    }
    fn sample_rate(&self) -> rodio::SampleRate {
        self.rate
    }
    fn total_duration(&self) -> Option<std::time::Duration> {
        None
    }
}

impl AudioOutput for RodioOutput {
    fn open(&mut self, sample_rate: u32, wake: Wake) -> Result<Box<dyn OutputStream>, PlayerError> {
        let mut stream = rodio::OutputStreamBuilder::open_default_stream()
            .map_err(|e| PlayerError::NoAudioDevice(e.to_string()))?;
        stream.log_on_drop(false);
        let feed = Feed::new(sample_rate, wake);
        stream.mixer().add(FeedSource {
            feed: feed.clone(),
            rate: sample_rate,
            local: Vec::with_capacity(64),
            at: 0,
        });
        Ok(Box::new(RodioStream {
            feed,
            _stream: stream,
        }))
    }
}

impl OutputStream for RodioStream {
    fn write(&mut self, samples: &[f32]) -> usize {
        self.feed.write(samples)
    }
    fn buffered(&self) -> usize {
        self.feed.buffered()
    }
    fn capacity(&self) -> usize {
        self.feed.capacity
    }
    fn clear(&mut self) {
        self.feed.clear()
    }
    fn set_volume(&mut self, volume: f32) {
        self.feed.set_volume(volume)
    }
}

/// An output that keeps everything: tests and the benchmark decide when samples are "heard".
/// Clone it before handing it to the player to keep a handle on the same buffer.
#[derive(Debug, Clone, Default)]
pub struct CaptureOutput(Arc<(Mutex<Capture>, Condvar)>);

#[derive(Debug, Default)]
struct Capture {
    feed: Option<Arc<Feed>>,
    rate: u32,
    heard: Vec<f32>,
    opened: u32,
    no_device: bool,
    /// Samples written in total, and when the first write after an open or a clear happened.
    written: u64,
    first_write: Option<Instant>,
}

/// One capture stream (the open "device").
struct CaptureStream(Arc<(Mutex<Capture>, Condvar)>, Arc<Feed>);

impl CaptureOutput {
    /// A capture output.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Capture> {
        self.0.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes the next opens fail as if there were no sound device (or work again).
    pub fn set_no_device(&self, no_device: bool) {
        self.lock().no_device = no_device;
    }

    /// Whether a stream is open.
    pub fn is_open(&self) -> bool {
        self.lock().feed.is_some()
    }

    /// How many times a stream was opened.
    pub fn opened(&self) -> u32 {
        self.lock().opened
    }

    /// The rate of the open (or last) stream.
    pub fn sample_rate(&self) -> u32 {
        self.lock().rate
    }

    /// Samples waiting in the open stream.
    pub fn buffered(&self) -> usize {
        self.lock().feed.as_ref().map_or(0, |f| f.buffered())
    }

    /// "Plays" up to `samples` of what the open stream holds (moving them to [`Self::heard`])
    /// and wakes the player like a device would. Returns how many were played.
    pub fn play(&self, samples: usize) -> usize {
        let feed = self.lock().feed.clone();
        let Some(feed) = feed else { return 0 };
        let mut out = Vec::with_capacity(samples);
        feed.take(samples, &mut out);
        let n = out.len();
        self.lock().heard.extend(out);
        n
    }

    /// Everything played so far.
    pub fn heard(&self) -> Vec<f32> {
        self.lock().heard.clone()
    }

    /// Forgets what was played.
    pub fn clear_heard(&self) {
        self.lock().heard.clear();
    }

    /// Samples written by the player in total.
    pub fn written(&self) -> u64 {
        self.lock().written
    }

    /// Waits (for the benchmark) until the first write after an open or a clear, and returns
    /// when it happened.
    pub fn wait_first_write(&self) -> Instant {
        let (lock, ready) = &*self.0;
        let mut capture = lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(at) = capture.first_write {
                return at;
            }
            capture = ready.wait(capture).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Forgets the first-write time (before a measurement).
    pub fn reset_first_write(&self) {
        self.lock().first_write = None;
    }
}

impl AudioOutput for CaptureOutput {
    fn open(&mut self, sample_rate: u32, wake: Wake) -> Result<Box<dyn OutputStream>, PlayerError> {
        let mut capture = self.lock();
        if capture.no_device {
            return Err(PlayerError::NoAudioDevice("no sound device (test)".into()));
        }
        let feed = Feed::new(sample_rate, wake);
        capture.feed = Some(feed.clone());
        capture.rate = sample_rate;
        capture.opened += 1;
        capture.first_write = None;
        drop(capture);
        Ok(Box::new(CaptureStream(self.0.clone(), feed)))
    }
}

impl OutputStream for CaptureStream {
    fn write(&mut self, samples: &[f32]) -> usize {
        let n = self.1.write(samples);
        let (lock, ready) = &*self.0;
        let mut capture = lock.lock().unwrap_or_else(|e| e.into_inner());
        capture.written += n as u64;
        if n > 0 && capture.first_write.is_none() {
            capture.first_write = Some(Instant::now());
            ready.notify_all();
        }
        n
    }
    fn buffered(&self) -> usize {
        self.1.buffered()
    }
    fn capacity(&self) -> usize {
        self.1.capacity
    }
    fn clear(&mut self) {
        self.1.clear();
        self.0
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .first_write = None;
    }
    fn set_volume(&mut self, volume: f32) {
        self.1.set_volume(volume)
    }
}

impl Drop for CaptureStream {
    fn drop(&mut self) {
        let mut capture = self.0.0.lock().unwrap_or_else(|e| e.into_inner());
        if capture
            .feed
            .as_ref()
            .is_some_and(|f| Arc::ptr_eq(f, &self.1))
        {
            capture.feed = None;
        }
    }
}
