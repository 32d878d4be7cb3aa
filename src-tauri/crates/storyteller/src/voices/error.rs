//! The voice packs' error type: what went wrong while installing or finding a voice, with a
//! code, a message that says what to do, and whether trying again may help — the shell turns it
//! into `{code, message, retryable}`.

use std::path::{Path, PathBuf};

/// Everything installing, importing or finding a voice can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VoiceError {
    /// A file is not what it should be (`INVALID_REQUEST`).
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The catalogue has no such voice (`NOT_FOUND`).
    #[error("the voice catalogue has no voice {0}")]
    NotInCatalogue(String),
    /// No such voice is installed (`NOT_FOUND`).
    #[error("no voice {0} is installed")]
    NotInstalled(String),
    /// The catalogue or a file could not be fetched (`NETWORK_ERROR`, retryable; a partial
    /// download is kept and resumed next time).
    #[error("could not download {url}: {message}")]
    Network {
        /// What was being fetched.
        url: String,
        /// Why it failed.
        message: String,
        /// HTTP status, when the server answered.
        status: Option<u16>,
    },
    /// A downloaded file does not match the catalogue's checksum (`CHECKSUM_MISMATCH`; the
    /// file is deleted, trying again downloads it afresh).
    #[error(
        "{file} is damaged (its {algorithm} is {actual}, the catalogue says {expected}); it was deleted, please try again"
    )]
    Checksum {
        /// The file.
        file: String,
        /// `md5` or `sha256`.
        algorithm: &'static str,
        /// From the catalogue.
        expected: String,
        /// Of the downloaded bytes.
        actual: String,
    },
    /// Not enough disk space (`DISK_FULL`).
    #[error(
        "not enough disk space in {dir} ({needed} more bytes are needed); free some space and try again"
    )]
    DiskFull {
        /// Where the files go.
        dir: PathBuf,
        /// Bytes still to write (0 when the disk filled up while writing).
        needed: u64,
    },
    /// The family cancelled the download (`CANCELLED`; the partial file is kept for resuming).
    #[error("the download was cancelled")]
    Cancelled,
    /// Reading or writing a file failed (`IO_ERROR`).
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl VoiceError {
    pub(crate) fn invalid(path: &Path, message: impl Into<String>) -> Self {
        VoiceError::Invalid {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        VoiceError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The error code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            VoiceError::Invalid { .. } => "INVALID_REQUEST",
            VoiceError::NotInCatalogue(_) | VoiceError::NotInstalled(_) => "NOT_FOUND",
            VoiceError::Network { .. } => "NETWORK_ERROR",
            VoiceError::Checksum { .. } => "CHECKSUM_MISMATCH",
            VoiceError::DiskFull { .. } => "DISK_FULL",
            VoiceError::Cancelled => "CANCELLED",
            VoiceError::Io { .. } => "IO_ERROR",
        }
    }

    /// Whether trying again (after freeing space, for a full disk) may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            VoiceError::Network { status, .. } => {
                !matches!(status, Some(s) if (400..500).contains(s) && *s != 408 && *s != 429)
            }
            VoiceError::Checksum { .. } | VoiceError::DiskFull { .. } | VoiceError::Cancelled => {
                true
            }
            _ => false,
        }
    }
}
