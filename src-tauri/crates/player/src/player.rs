//! The player actor: one thread owns the [`Engine`], the output stream, the OS media session and
//! the keep-awake guard. Commands come in over a channel, the state goes out over a watch, and
//! the thread sleeps on its inbox between them: an output stream wakes it when it has room, so
//! nothing polls and nothing in the tests waits on real time.
//!
//! The output is opened when playback starts and dropped when it stops. Samples the device had
//! not played yet when a pause, seek or speed change drops them are taken back from the played
//! time and the position, so resume points, sleep timers and listening sessions count only what
//! was heard. The position in the state is what is being heard (the engine's position less the
//! buffered samples); it is published at most four times a second, everything else at once.

use std::sync::Arc;
use std::sync::mpsc;

use tokio::sync::{oneshot, watch};

use crate::config::PlayerConfig;
use crate::engine::Engine;
use crate::media::{KeepAwake, MediaInfo, MediaSession};
use crate::output::{AudioOutput, OutputStream, Wake};
use crate::state::{ListeningLog, PlaybackStatus, PlayerState};
use crate::{Clock, PlayerError, SleepTimer, Speed, Track};

/// Position updates are published at most this often.
pub const POSITION_INTERVAL_MILLIS: i64 = 250;
/// The reader's −15 s / +15 s.
pub const SKIP_SECONDS: f64 = 15.0;
/// Rendered per step, so the first samples reach the output quickly after a command.
const CHUNK: usize = 1024;

/// A request to the player.
#[derive(Debug, Clone)]
pub enum Command {
    /// Opens `queue[index]` at its `resume_at`; plays at once when `play`.
    Open {
        /// The stories that previous/next move through.
        queue: Vec<Track>,
        /// Which one to open.
        index: usize,
        /// Start playing.
        play: bool,
    },
    /// Play (after the sleep timer: from where the fade began, within two minutes).
    Play,
    /// Pause.
    Pause,
    /// Play or pause.
    Toggle,
    /// Stop and go back to the start.
    Stop,
    /// Go to this many seconds into the story.
    Seek(f64),
    /// Move by this many seconds (±15 from the reader).
    Skip(f64),
    /// The next story in the queue.
    Next,
    /// The previous story, or the start of this one past its first 3 seconds.
    Previous,
    /// Change the speed (same pitch).
    Speed(Speed),
    /// Change the volume (0–1).
    Volume(f32),
    /// Arm or cancel the sleep timer.
    SleepTimer(Option<SleepTimer>),
}

enum Inbox {
    Command(Command, Option<oneshot::Sender<Result<(), PlayerError>>>),
    Remembered(String, oneshot::Sender<Option<f64>>),
    Wake(u64),
    Shutdown(Option<oneshot::Sender<()>>),
}

/// Sends commands to the player without waiting for an answer (media keys, OS controls). It
/// does not keep the player alive.
#[derive(Clone, Debug)]
pub struct Remote(mpsc::Sender<Inbox>);

impl std::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Inbox")
    }
}

impl Remote {
    /// Sends `command`; errors are logged by the player.
    pub fn post(&self, command: Command) {
        let _ = self.0.send(Inbox::Command(command, None));
    }
}

/// Controls the player; `Clone` and cheap. When the last clone is dropped the player closes the
/// listening session and its thread ends.
#[derive(Clone, Debug)]
pub struct PlayerHandle {
    inner: Arc<HandleInner>,
}

#[derive(Debug)]
struct HandleInner {
    tx: mpsc::Sender<Inbox>,
    state: watch::Receiver<PlayerState>,
}

impl Drop for HandleInner {
    fn drop(&mut self) {
        let _ = self.tx.send(Inbox::Shutdown(None));
    }
}

impl PlayerHandle {
    /// Starts the player thread.
    pub fn spawn(config: PlayerConfig) -> Self {
        let (tx, rx) = mpsc::channel();
        let (state_tx, state_rx) = watch::channel(PlayerState::default());
        let remote = Remote(tx.clone());
        let wake_tx = tx.clone();
        std::thread::Builder::new()
            .name("story-player".into())
            .spawn(move || {
                let PlayerConfig {
                    output,
                    clock,
                    listening,
                    media_session,
                    keep_awake,
                } = config;
                let media = media_session.and_then(|factory| match factory(remote) {
                    Ok(session) => Some(session),
                    Err(e) => {
                        tracing::warn!("no OS media session ({e}); media keys will not work");
                        None
                    }
                });
                let mut actor = Actor {
                    engine: Engine::new(clock.clone()),
                    output,
                    stream: None,
                    generation: 0,
                    wake_tx,
                    state_tx,
                    listening,
                    media,
                    keep_awake: keep_awake.map(|k| k as Box<dyn KeepAwake>),
                    clock,
                    last_publish: i64::MIN,
                    output_error: None,
                    scratch: Vec::with_capacity(CHUNK),
                    shown: None,
                    awake: false,
                };
                actor.run(rx);
            })
            .expect("the player thread starts");
        Self {
            inner: Arc::new(HandleInner {
                tx,
                state: state_rx,
            }),
        }
    }

    /// The state: changes arrive at once, the position at most four times a second.
    pub fn subscribe(&self) -> watch::Receiver<PlayerState> {
        self.inner.state.clone()
    }

    /// The current state.
    pub fn state(&self) -> PlayerState {
        self.inner.state.borrow().clone()
    }

    /// A sender for the OS media session or other fire-and-forget callers.
    pub fn remote(&self) -> Remote {
        Remote(self.inner.tx.clone())
    }

    /// Sends `command` and waits until the player has carried it out (for play: until the first
    /// samples are with the output).
    pub async fn send(&self, command: Command) -> Result<(), PlayerError> {
        let (reply, answer) = oneshot::channel();
        self.inner
            .tx
            .send(Inbox::Command(command, Some(reply)))
            .map_err(|_| PlayerError::Stopped)?;
        answer.await.map_err(|_| PlayerError::Stopped)?
    }

    /// Opens one story (no queue); plays at once when `play`.
    pub async fn open(&self, track: Track, play: bool) -> Result<(), PlayerError> {
        self.open_queue(vec![track], 0, play).await
    }

    /// Opens `queue[index]`; previous/next move through `queue`.
    pub async fn open_queue(
        &self,
        queue: Vec<Track>,
        index: usize,
        play: bool,
    ) -> Result<(), PlayerError> {
        self.send(Command::Open { queue, index, play }).await
    }

    /// Plays.
    pub async fn play(&self) -> Result<(), PlayerError> {
        self.send(Command::Play).await
    }

    /// Pauses.
    pub async fn pause(&self) -> Result<(), PlayerError> {
        self.send(Command::Pause).await
    }

    /// Plays or pauses.
    pub async fn toggle(&self) -> Result<(), PlayerError> {
        self.send(Command::Toggle).await
    }

    /// Stops (back to the start; the position is remembered).
    pub async fn stop(&self) -> Result<(), PlayerError> {
        self.send(Command::Stop).await
    }

    /// Goes to `seconds` into the story.
    pub async fn seek(&self, seconds: f64) -> Result<(), PlayerError> {
        self.send(Command::Seek(seconds)).await
    }

    /// −15 s.
    pub async fn back(&self) -> Result<(), PlayerError> {
        self.send(Command::Skip(-SKIP_SECONDS)).await
    }

    /// +15 s.
    pub async fn forward(&self) -> Result<(), PlayerError> {
        self.send(Command::Skip(SKIP_SECONDS)).await
    }

    /// The next story in the queue.
    pub async fn next_story(&self) -> Result<(), PlayerError> {
        self.send(Command::Next).await
    }

    /// The previous story (or the start of this one past its first seconds).
    pub async fn previous_story(&self) -> Result<(), PlayerError> {
        self.send(Command::Previous).await
    }

    /// Sets the speed: one of 0.5, 0.75, 1, 1.25, 1.5, 2.
    pub async fn set_speed(&self, speed: f64) -> Result<(), PlayerError> {
        self.send(Command::Speed(Speed::new(speed)?)).await
    }

    /// Sets the volume, 0 to 1.
    pub async fn set_volume(&self, volume: f32) -> Result<(), PlayerError> {
        self.send(Command::Volume(volume)).await
    }

    /// Arms (or with `None` cancels) the sleep timer.
    pub async fn set_sleep_timer(&self, timer: Option<SleepTimer>) -> Result<(), PlayerError> {
        self.send(Command::SleepTimer(timer)).await
    }

    /// Where a story was left this run (pause, stop, another story, the sleep timer), if
    /// part-way; the reader offers to continue from there.
    pub async fn remembered(&self, story_id: &str) -> Result<Option<f64>, PlayerError> {
        let (reply, answer) = oneshot::channel();
        self.inner
            .tx
            .send(Inbox::Remembered(story_id.to_string(), reply))
            .map_err(|_| PlayerError::Stopped)?;
        answer.await.map_err(|_| PlayerError::Stopped)
    }

    /// Closes the listening session, the output and the thread; waits until done.
    pub async fn shutdown(&self) {
        let (done, finished) = oneshot::channel();
        if self.inner.tx.send(Inbox::Shutdown(Some(done))).is_ok() {
            let _ = finished.await;
        }
    }
}

struct Actor {
    engine: Engine,
    output: Box<dyn AudioOutput>,
    stream: Option<(Box<dyn OutputStream>, u32)>,
    /// Wakes from streams already closed are ignored.
    generation: u64,
    wake_tx: mpsc::Sender<Inbox>,
    state_tx: watch::Sender<PlayerState>,
    listening: Box<dyn ListeningLog>,
    media: Option<Box<dyn MediaSession>>,
    keep_awake: Option<Box<dyn KeepAwake>>,
    clock: Arc<dyn Clock>,
    last_publish: i64,
    output_error: Option<String>,
    scratch: Vec<f32>,
    shown: Option<String>,
    awake: bool,
}

impl Actor {
    fn run(&mut self, rx: mpsc::Receiver<Inbox>) {
        while let Ok(message) = rx.recv() {
            match message {
                Inbox::Command(command, reply) => {
                    let result = self.command(command);
                    if let Err(e) = &result {
                        tracing::debug!("player: {e}");
                    }
                    // Publish first: whoever awaited the command reads the state it made.
                    self.after();
                    if let Some(reply) = reply {
                        let _ = reply.send(result);
                    }
                    continue;
                }
                Inbox::Remembered(story_id, reply) => {
                    let _ = reply.send(self.engine.remembered(&story_id));
                }
                Inbox::Wake(generation) => {
                    if generation == self.generation
                        && let Err(e) = self.pump()
                    {
                        tracing::warn!("player: {e}");
                    }
                }
                Inbox::Shutdown(done) => {
                    self.discard_unheard(true);
                    let _ = self.engine.stop();
                    self.close();
                    self.after();
                    if let Some(done) = done {
                        let _ = done.send(());
                    }
                    return;
                }
            }
            self.after();
        }
    }

    fn command(&mut self, command: Command) -> Result<(), PlayerError> {
        let playing = self.engine.status() == PlaybackStatus::Playing;
        match command {
            Command::Open { queue, index, play } => {
                self.discard_unheard(true);
                self.engine.open(queue, index, play)?;
            }
            Command::Play => self.engine.play()?,
            Command::Pause => {
                self.discard_unheard(true);
                self.engine.pause();
            }
            Command::Toggle if playing => {
                self.discard_unheard(true);
                self.engine.pause();
            }
            Command::Toggle => self.engine.play()?,
            Command::Stop => {
                self.discard_unheard(true);
                self.engine.stop()?;
            }
            Command::Seek(seconds) => {
                self.discard_unheard(false);
                self.engine.seek(seconds)?;
            }
            Command::Skip(delta) => {
                self.discard_unheard(true);
                self.engine.skip(delta)?;
            }
            Command::Next => {
                self.discard_unheard(true);
                self.engine.next_story()?;
            }
            Command::Previous => {
                self.discard_unheard(true);
                self.engine.previous_story()?;
            }
            Command::Speed(speed) => {
                self.discard_unheard(true);
                self.engine.set_speed(speed);
            }
            Command::Volume(volume) => {
                self.engine.set_volume(volume)?;
                if let Some((stream, _)) = &mut self.stream {
                    stream.set_volume(volume);
                }
            }
            Command::SleepTimer(timer) => {
                // The timer counts from what is heard now, not from what is already buffered.
                self.discard_unheard(true);
                self.engine.set_sleep_timer(timer)?;
            }
        }
        self.pump()
    }

    /// Drops what the output holds but has not played, and gives it back to the engine.
    fn discard_unheard(&mut self, rewind: bool) {
        let Some((stream, _)) = &mut self.stream else {
            return;
        };
        let unheard = stream.buffered();
        stream.clear();
        if let Err(e) = self.engine.unheard(unheard, rewind) {
            tracing::warn!("player: {e}");
        }
    }

    /// Keeps the output fed while playing; opens it when playback starts and closes it when
    /// playback stops (after a finished story's last samples are heard).
    fn pump(&mut self) -> Result<(), PlayerError> {
        loop {
            if self.engine.status() != PlaybackStatus::Playing {
                // Commands that stop playback have already dropped what was buffered; samples
                // left here are a story's end or the sleep fade's tail: let them be heard.
                let draining = self.stream.as_ref().is_some_and(|(s, _)| s.buffered() > 0);
                if !draining {
                    self.close();
                }
                return Ok(());
            }
            let Some(rate) = self.engine.sample_rate() else {
                return Ok(());
            };
            if self.stream.as_ref().is_none_or(|(_, r)| *r != rate) {
                self.close();
                self.open(rate)?;
            }
            let Some((stream, _)) = &mut self.stream else {
                return Ok(());
            };
            let room = stream.capacity() - stream.buffered();
            if room == 0 {
                return Ok(());
            }
            self.scratch.clear();
            let rendered = match self.engine.render(&mut self.scratch, room.min(CHUNK)) {
                Ok(n) => n,
                Err(e) => {
                    self.engine.pause();
                    self.close();
                    return Err(e);
                }
            };
            stream.write(&self.scratch);
            if rendered == 0 && self.engine.status() == PlaybackStatus::Playing {
                // Another story at the same rate with nothing decoded yet: try once more.
                if self.engine.sample_rate() == Some(rate) {
                    return Ok(());
                }
            }
        }
    }

    fn open(&mut self, rate: u32) -> Result<(), PlayerError> {
        self.generation += 1;
        let generation = self.generation;
        let tx = self.wake_tx.clone();
        let wake = Wake::new(move || {
            let _ = tx.send(Inbox::Wake(generation));
        });
        match self.output.open(rate, wake) {
            Ok(mut stream) => {
                stream.set_volume(self.engine.state(0).volume);
                self.stream = Some((stream, rate));
                self.output_error = None;
                Ok(())
            }
            Err(e) => {
                tracing::warn!("player: {e}");
                self.engine.pause();
                self.output_error = Some(e.to_string());
                Err(e)
            }
        }
    }

    fn close(&mut self) {
        if self.stream.take().is_some() {
            self.generation += 1;
        }
    }

    /// After every message: sessions out, OS media session and keep-awake, state published.
    fn after(&mut self) {
        for session in self.engine.take_sessions() {
            self.listening.record(session);
        }
        let latency = self.stream.as_ref().map_or(0, |(s, _)| s.buffered());
        let mut state = self.engine.state(latency);
        state.output_error = self.output_error.clone();
        if latency > 0 && !state.playing {
            // A story's end or the sleep fade still being heard: ended once it has been.
            state.status = PlaybackStatus::Playing;
            state.playing = true;
        }
        let playing = state.playing;
        if playing != self.awake {
            self.awake = playing;
            if let Some(keep_awake) = &mut self.keep_awake {
                keep_awake.set(playing);
            }
        }
        let story = state.story.as_ref().map(|s| s.story_id.clone());
        if story != self.shown {
            self.shown = story;
            let info = self.engine.track().map(|t| MediaInfo {
                story_id: t.story_id.clone(),
                title: t.title.clone(),
                artist: t.artist.clone(),
                duration: state.duration,
                artwork: t.artwork.clone(),
            });
            if let Some(media) = &mut self.media {
                media.show(info.as_ref());
            }
        }
        let now = self.clock.now_millis();
        let changed = {
            let previous = self.state_tx.borrow();
            // A jump (a seek) or any move while not playing is news; steady progress is not.
            !same_but_time(&previous, &state)
                || (!state.playing && previous.position != state.position)
                || (state.position - previous.position).abs() > 1.0
        };
        let due = now.saturating_sub(self.last_publish) >= POSITION_INTERVAL_MILLIS;
        if changed || (due && *self.state_tx.borrow() != state) {
            self.last_publish = now;
            if let Some(media) = &mut self.media {
                media.update(state.status, state.position);
            }
            self.state_tx.send_replace(state);
        }
    }
}

/// Equal apart from what moves continuously while playing (position, timer countdown).
fn same_but_time(a: &PlayerState, b: &PlayerState) -> bool {
    let strip = |s: &PlayerState| {
        let mut s = s.clone();
        s.position = 0.0;
        if let Some(t) = &mut s.sleep_timer {
            t.remaining_seconds = 0.0;
        }
        s
    };
    strip(a) == strip(b)
}
