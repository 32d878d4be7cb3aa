//! The player as the operating system sees it: the media session (media keys, the lock-screen /
//! desktop controls, MPRIS on Linux) and keeping the computer awake while a story plays. Both
//! sit behind small traits so the player's tests need neither D-Bus nor a power manager; the
//! real implementations (souvlaki, keepawake) are behind the `os` feature and are tested on a
//! private D-Bus session (`tests/mpris.rs`).

use crate::player::Remote;
use crate::state::PlaybackStatus;
use crate::track::Artwork;

/// What the media session shows for the open story.
#[derive(Debug, Clone)]
pub struct MediaInfo {
    /// The story's id.
    pub story_id: String,
    /// Title.
    pub title: String,
    /// The hero's name, shown as the artist.
    pub artist: String,
    /// Length in seconds.
    pub duration: f64,
    /// The cover illustration.
    pub artwork: Option<Artwork>,
}

/// The OS media session, driven from the player thread.
pub trait MediaSession {
    /// Shows a story (or none).
    fn show(&mut self, info: Option<&MediaInfo>);
    /// Reports playing/paused/stopped and the position (called at most four times a second).
    fn update(&mut self, status: PlaybackStatus, position: f64);
}

/// Builds the media session on the player thread (some platforms want it created on the thread
/// that uses it). `Remote` sends the OS's requests (play, pause, next, seek…) to the player.
pub type MediaSessionFactory =
    Box<dyn FnOnce(Remote) -> Result<Box<dyn MediaSession>, String> + Send>;

/// Keeps the computer from sleeping while a story plays.
pub trait KeepAwake {
    /// Called when playback starts (`true`) and stops (`false`).
    fn set(&mut self, awake: bool);
}

#[cfg(feature = "os")]
pub use os::{MediaSessionConfig, SystemKeepAwake, os_media_session};

#[cfg(feature = "os")]
mod os {
    //! souvlaki and keepawake.

    use std::path::PathBuf;
    use std::time::Duration;

    use souvlaki::{
        MediaControlEvent, MediaControls, MediaMetadata, MediaPlayback, MediaPosition,
        PlatformConfig, SeekDirection,
    };

    use super::{KeepAwake, MediaInfo, MediaSession};
    use crate::player::{Command, Remote};
    use crate::state::PlaybackStatus;
    use crate::track::Artwork;

    /// How the app appears to the OS media session.
    #[derive(Debug, Clone)]
    pub struct MediaSessionConfig {
        /// The name shown to the user ("InfiniteStories").
        pub display_name: String,
        /// The D-Bus name part on Linux: the service is `org.mpris.MediaPlayer2.<dbus_name>`.
        pub dbus_name: String,
        /// The main window's HWND on Windows (required there), as an integer.
        pub hwnd: Option<usize>,
    }

    struct OsMediaSession {
        controls: MediaControls,
        artwork_dir: PathBuf,
        shown: Option<String>,
    }

    /// A factory for the real media session: souvlaki (MPRIS on Linux over zbus, the system media
    /// transport controls on Windows, the Now Playing center on macOS).
    pub fn os_media_session(config: MediaSessionConfig) -> super::MediaSessionFactory {
        Box::new(move |remote: Remote| {
            let platform = PlatformConfig {
                display_name: &config.display_name,
                dbus_name: &config.dbus_name,
                hwnd: config.hwnd.map(|h| h as *mut std::ffi::c_void),
            };
            let mut controls = MediaControls::new(platform).map_err(|e| format!("{e:?}"))?;
            controls
                .attach(move |event| {
                    if let Some(command) = command_for(event) {
                        remote.post(command);
                    }
                })
                .map_err(|e| format!("{e:?}"))?;
            let artwork_dir = std::env::temp_dir().join("infinite-stories-artwork");
            Ok(Box::new(OsMediaSession {
                controls,
                artwork_dir,
                shown: None,
            }) as Box<dyn MediaSession>)
        })
    }

    /// What an OS request means for the player.
    pub(crate) fn command_for(event: MediaControlEvent) -> Option<Command> {
        Some(match event {
            MediaControlEvent::Play => Command::Play,
            MediaControlEvent::Pause => Command::Pause,
            MediaControlEvent::Toggle => Command::Toggle,
            MediaControlEvent::Stop => Command::Stop,
            MediaControlEvent::Next => Command::Next,
            MediaControlEvent::Previous => Command::Previous,
            MediaControlEvent::Seek(SeekDirection::Forward) => Command::Skip(15.0),
            MediaControlEvent::Seek(SeekDirection::Backward) => Command::Skip(-15.0),
            MediaControlEvent::SeekBy(direction, by) => {
                let s = by.as_secs_f64();
                Command::Skip(if direction == SeekDirection::Forward {
                    s
                } else {
                    -s
                })
            }
            MediaControlEvent::SetPosition(MediaPosition(at)) => Command::Seek(at.as_secs_f64()),
            MediaControlEvent::SetVolume(v) => Command::Volume(v.clamp(0.0, 1.0) as f32),
            _ => return None,
        })
    }

    impl OsMediaSession {
        /// A `file://` URL for the artwork (bytes are written to a temporary file once).
        fn cover_url(&self, info: &MediaInfo) -> Option<String> {
            let path = match info.artwork.as_ref()? {
                Artwork::Path(path) => path.clone(),
                Artwork::Bytes(bytes) => {
                    let name: String = info
                        .story_id
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    let extension = match bytes.get(..3) {
                        Some([0x89, b'P', b'N']) => "png",
                        Some([0xFF, 0xD8, 0xFF]) => "jpg",
                        _ => "img",
                    };
                    let path = self.artwork_dir.join(format!("{name}.{extension}"));
                    // Written each time a story is shown: a regenerated cover replaces the old.
                    std::fs::create_dir_all(&self.artwork_dir).ok()?;
                    std::fs::write(&path, bytes).ok()?;
                    path
                }
            };
            let path = path.canonicalize().ok()?;
            Some(format!("file://{}", path.display()))
        }
    }

    impl MediaSession for OsMediaSession {
        fn show(&mut self, info: Option<&MediaInfo>) {
            let Some(info) = info else {
                self.shown = None;
                let _ = self.controls.set_metadata(MediaMetadata::default());
                let _ = self.controls.set_playback(MediaPlayback::Stopped);
                return;
            };
            let cover = self.cover_url(info);
            let result = self.controls.set_metadata(MediaMetadata {
                title: Some(&info.title),
                artist: Some(&info.artist),
                album: Some("InfiniteStories"),
                cover_url: cover.as_deref(),
                duration: Some(Duration::from_secs_f64(info.duration.max(0.0))),
            });
            if let Err(e) = result {
                tracing::warn!("media session: could not show the story: {e:?}");
            }
            self.shown = Some(info.story_id.clone());
        }

        fn update(&mut self, status: PlaybackStatus, position: f64) {
            let progress = Some(MediaPosition(Duration::from_secs_f64(position.max(0.0))));
            let playback = match status {
                PlaybackStatus::Playing => MediaPlayback::Playing { progress },
                PlaybackStatus::Paused => MediaPlayback::Paused { progress },
                PlaybackStatus::Stopped | PlaybackStatus::Ended => MediaPlayback::Stopped,
            };
            if let Err(e) = self.controls.set_playback(playback) {
                tracing::debug!("media session: {e:?}");
            }
        }
    }

    /// Keeps the computer from idling to sleep while playing (keepawake: systemd-logind on
    /// Linux, IOKit on macOS, `SetThreadExecutionState` on Windows). Where the service is missing
    /// (a container, no system bus) it logs once and does nothing: playback is unaffected.
    #[derive(Default)]
    pub struct SystemKeepAwake {
        guard: Option<keepawake::KeepAwake>,
        unavailable: bool,
    }

    impl std::fmt::Debug for SystemKeepAwake {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("SystemKeepAwake")
                .field("held", &self.guard.is_some())
                .field("unavailable", &self.unavailable)
                .finish()
        }
    }

    impl SystemKeepAwake {
        /// Not holding anything yet.
        pub fn new() -> Self {
            Self::default()
        }

        /// Whether the system is being kept awake now.
        pub fn is_held(&self) -> bool {
            self.guard.is_some()
        }
    }

    impl KeepAwake for SystemKeepAwake {
        fn set(&mut self, awake: bool) {
            if !awake {
                self.guard = None;
                return;
            }
            if self.guard.is_some() || self.unavailable {
                return;
            }
            match keepawake::Builder::default()
                .idle(true)
                .reason("Playing a bedtime story")
                .app_name("InfiniteStories")
                .app_reverse_domain("app.infinitestories.desktop")
                .create()
            {
                Ok(guard) => self.guard = Some(guard),
                Err(e) => {
                    self.unavailable = true;
                    tracing::info!(
                        "cannot keep the computer awake while playing ({e}); playback continues"
                    );
                }
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn os_requests_become_player_commands() {
            assert!(matches!(
                command_for(MediaControlEvent::Toggle),
                Some(Command::Toggle)
            ));
            assert!(matches!(
                command_for(MediaControlEvent::SeekBy(
                    SeekDirection::Backward,
                    Duration::from_secs(10)
                )),
                Some(Command::Skip(s)) if s == -10.0
            ));
            assert!(matches!(
                command_for(MediaControlEvent::SetPosition(MediaPosition(Duration::from_secs(
                    42
                )))),
                Some(Command::Seek(s)) if s == 42.0
            ));
            assert!(command_for(MediaControlEvent::Raise).is_none());
        }
    }
}
