//! Who writes the embedded backend's stories: one [`StoryWriters`] holding the switchable
//! writer the backend's providers use, set from the remembered choice on start and from
//! Settings later; the settings of a local model checked (http(s), plain http only on this
//! computer, a model name) with messages that say what to change.

use std::sync::Arc;
use std::time::Duration;

use infinite_stories_contract::{LocalModelProbe, WriterChoice};
use infinite_stories_core::secrets::{ExposeSecret, SecretStore};
use infinite_stories_core::{CoreError, ErrorCode};
use infinite_stories_storyteller::openai::{LocalModelWriter, SwitchableWriter, is_loopback};
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::{OpenAiConfig, StorytellerError};

use crate::IpcError;

/// The keyring entry of a local model server's key (most need none).
pub const API_KEY: &str = "local-model-api-key";

/// A local model writes slowly on a CPU: a 10-minute story may take minutes.
const TIMEOUT: Duration = Duration::from_secs(600);

/// The writer the embedded backend uses.
#[derive(Debug, Clone, Default)]
pub struct StoryWriters {
    switch: SwitchableWriter,
}

impl StoryWriters {
    /// The writer to put in the backend's providers.
    pub fn writer(&self) -> SwitchableWriter {
        self.switch.clone()
    }

    /// Writes with the local model of `config` from the next story on.
    pub fn use_config(&self, config: OpenAiConfig) -> Result<(), IpcError> {
        let writer = LocalModelWriter::new(config).map_err(storyteller_error)?;
        self.switch.set(Arc::new(writer));
        Ok(())
    }

    /// Back to the built-in writer.
    pub fn use_built_in(&self) {
        self.switch.set(Arc::new(OfflineWriter::new()));
    }

    /// Applies the remembered choice on start (a choice that cannot be used leaves the
    /// built-in writer, and says so in the log).
    pub fn restore(&self, choice: &WriterChoice, secrets: &dyn SecretStore) {
        if let WriterChoice::LocalModel {
            base_url, model, ..
        } = choice
        {
            let key = secrets
                .get(API_KEY)
                .ok()
                .flatten()
                .map(|k| k.expose_secret().to_owned());
            if let Err(e) = config(base_url, model, key).and_then(|c| self.use_config(c)) {
                tracing::warn!("the remembered local model cannot be used: {}", e.message);
            }
        }
    }
}

/// The settings of a local model server, checked.
pub fn config(
    base_url: &str,
    model: &str,
    api_key: Option<String>,
) -> Result<OpenAiConfig, IpcError> {
    let base_url = base_url.trim().trim_end_matches('/');
    let model = model.trim();
    let invalid = |message: String| IpcError::from(CoreError::Validation(message));
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(invalid(format!(
            "\"{base_url}\" is not a server address. Ollama's is http://127.0.0.1:11434/v1, llama.cpp's server http://127.0.0.1:8080/v1."
        )));
    }
    if base_url.starts_with("http://") && !is_loopback(base_url) {
        return Err(invalid(
            "Plain http is only for a server on this computer (127.0.0.1 or localhost). Use https for another computer."
                .into(),
        ));
    }
    if model.is_empty() {
        return Err(invalid(
            "Give the model's name as the server knows it, e.g. llama3.1 (see `ollama list`)."
                .into(),
        ));
    }
    Ok(OpenAiConfig {
        base_url: base_url.to_owned(),
        api_key: api_key.filter(|k| !k.trim().is_empty()),
        chat_model: model.to_owned(),
        speech_model: String::new(),
        image_model: String::new(),
        timeout: TIMEOUT,
    })
}

/// "Test": does the server answer, and does it serve the model.
pub async fn probe(config: &OpenAiConfig) -> LocalModelProbe {
    let probe_config = OpenAiConfig {
        timeout: Duration::from_secs(10),
        ..config.clone()
    };
    match infinite_stories_storyteller::openai::probe(&probe_config).await {
        Ok(found) => {
            let message = if found.model_found {
                format!("The server answered and has {}.", config.chat_model)
            } else if found.models.is_empty() {
                format!(
                    "The server answered but serves no model yet. Get one first, e.g. `ollama pull {}`.",
                    config.chat_model
                )
            } else {
                format!(
                    "The server answered but has no model called {}. It has: {}.",
                    config.chat_model,
                    found.models.join(", ")
                )
            };
            LocalModelProbe {
                reachable: true,
                model_found: found.model_found,
                models: found.models,
                message,
            }
        }
        Err(e) => LocalModelProbe {
            reachable: false,
            models: Vec::new(),
            model_found: false,
            message: format!(
                "No model server answered at {} ({e}). Start Ollama (`ollama serve`) or llama.cpp's server, and check the address.",
                config.base_url
            ),
        },
    }
}

fn storyteller_error(e: StorytellerError) -> IpcError {
    IpcError {
        code: ErrorCode::Validation,
        message: e.to_string(),
        retryable: false,
        retry_after: None,
    }
}
