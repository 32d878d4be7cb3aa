//! The player's errors. Each has a stable code the UI can branch on, a message a parent can act
//! on, and whether trying again may help; the shell maps them to `{code, message, retryable}`
//! like every other domain error.

/// Errors of the player.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlayerError {
    /// No sound device could be opened (a server, a broken driver, headphones unplugged).
    #[error(
        "No sound device is available ({0}). The story's text and pictures are still here; \
         connect speakers or headphones, then press play again."
    )]
    NoAudioDevice(String),
    /// The narration could not be decoded.
    #[error("This story's narration could not be played ({0}). Download the story again.")]
    Decode(String),
    /// A command had a value the player cannot use; the message says which values work.
    #[error("{0}")]
    InvalidRequest(String),
    /// The command needs a story and none is open.
    #[error("No story is open in the player. Open a story first.")]
    NothingLoaded,
    /// The player thread has stopped (the app is closing).
    #[error("The player has stopped. Restart the app to play stories again.")]
    Stopped,
}

impl PlayerError {
    /// The stable code of this error, in the project's `SCREAMING_SNAKE_CASE` style.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoAudioDevice(_) => "NO_AUDIO_DEVICE",
            Self::Decode(_) => "AUDIO_DECODE",
            Self::InvalidRequest(_) => "INVALID_REQUEST",
            Self::NothingLoaded => "NOTHING_LOADED",
            Self::Stopped => "PLAYER_STOPPED",
        }
    }

    /// Whether the same command may succeed later without changing anything in the app.
    pub fn retryable(&self) -> bool {
        matches!(self, Self::NoAudioDevice(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_messages_say_what_to_do() {
        let e = PlayerError::NoAudioDevice("DeviceNotAvailable".into());
        assert_eq!(e.code(), "NO_AUDIO_DEVICE");
        assert!(e.retryable());
        assert!(e.to_string().contains("text and pictures are still here"));
        assert!(!PlayerError::Decode("x".into()).retryable());
        assert_eq!(PlayerError::NothingLoaded.code(), "NOTHING_LOADED");
    }
}
