//! A story writer on a model the family runs on their own computer (Ollama, llama.cpp's
//! server, any OpenAI-compatible server on loopback): the story is asked for in the contract's
//! structure as a JSON schema, the answer is checked (shape, scenes, then the safety filter on
//! every word of it), and when it is unusable — the server does not answer, the JSON is
//! malformed even after a repair, or the safety filter refuses it — the built-in writer writes
//! the story instead, with a note that says so. [`probe`] tells Settings whether the server
//! answers and serves the model; [`SwitchableWriter`] lets Settings change the writer of a
//! running backend.

use std::sync::{Arc, RwLock};

use async_trait::async_trait;

use super::{OpenAiClient, OpenAiWriter};
use crate::safety::OfflineSafety;
use crate::writer::OfflineWriter;
use crate::{
    EventSpec, OpenAiConfig, Result, SafetyVerdict, StoryBrief, StoryDraft, StoryWriter,
    StorytellerError,
};

/// Writes with a local model, falling back to the built-in writer.
#[derive(Debug, Clone)]
pub struct LocalModelWriter {
    model: OpenAiWriter,
    offline: OfflineWriter,
    safety: OfflineSafety,
}

/// What [`probe`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelProbe {
    /// The models the server lists on `/models`.
    pub models: Vec<String>,
    /// Whether the chosen one is among them (Ollama lists `llama3.1:latest` for `llama3.1`).
    pub model_found: bool,
}

/// Whether `host` is this computer (no key needed, nothing leaves it).
pub fn is_loopback(base_url: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(base_url) else {
        return false;
    };
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Asks the server at `config.base_url` which models it serves (`GET /models`).
pub async fn probe(config: &OpenAiConfig) -> Result<ModelProbe> {
    let client = OpenAiClient::new(config.clone())?;
    let answer = client.get_json("local model", "models").await?;
    let models: Vec<String> = answer["data"]
        .as_array()
        .ok_or_else(|| {
            StorytellerError::provider(
                "local model",
                "the server answered /models without a `data` list: is this an OpenAI-compatible \
                 address ending in /v1?",
            )
        })?
        .iter()
        .filter_map(|m| m["id"].as_str().map(str::to_string))
        .collect();
    let wanted = config.chat_model.trim();
    let model_found = models
        .iter()
        .any(|m| m == wanted || m.strip_suffix(":latest") == Some(wanted));
    Ok(ModelProbe {
        models,
        model_found,
    })
}

impl LocalModelWriter {
    /// A writer on the server and model of `config`; `INVALID_REQUEST` when the address is not
    /// http(s) or the model has no name.
    pub fn new(config: OpenAiConfig) -> Result<Self> {
        if config.chat_model.trim().is_empty() {
            return Err(StorytellerError::invalid(
                "model",
                "give the model's name as the server knows it, e.g. llama3.1",
            ));
        }
        Ok(LocalModelWriter {
            model: OpenAiWriter::new(OpenAiClient::new(config)?).with_json_schema(),
            offline: OfflineWriter::new(),
            safety: OfflineSafety::new(),
        })
    }

    /// Why the model's story cannot be used, or `None` when it can.
    fn unsafe_reason(&self, draft: &StoryDraft, request: &StoryBrief) -> Option<String> {
        let language = request.language();
        let mut texts = vec![draft.title.as_str(), draft.content.as_str()];
        texts.extend(draft.scenes.iter().map(|s| s.illustration_prompt.as_str()));
        texts
            .iter()
            .find_map(|text| match self.safety.check_text(text, language) {
                SafetyVerdict::Pass => None,
                SafetyVerdict::Rewritten { changes, .. } => Some(format!(
                    "the safety filter found words a bedtime story should not have ({})",
                    changes.join("; ")
                )),
                SafetyVerdict::Refused { message } => {
                    Some(format!("the safety filter refused it ({message})"))
                }
            })
    }

    async fn fallback(&self, request: &StoryBrief, why: String) -> Result<StoryDraft> {
        tracing::warn!("local model story unusable, the built-in writer takes over: {why}");
        let mut draft = self.offline.write(request).await?;
        draft.note = Some(format!(
            "The local model's story could not be used ({why}), so the built-in writer wrote this one."
        ));
        Ok(draft)
    }
}

#[async_trait]
impl StoryWriter for LocalModelWriter {
    async fn write(&self, request: &StoryBrief) -> Result<StoryDraft> {
        // A custom event the filter refuses is refused here too; one it rewrites kindly is
        // what the model sees.
        let request = match request.event {
            EventSpec::Custom(_) => self.offline.safe_request(request)?,
            EventSpec::BuiltIn(_) => request.clone(),
        };
        let draft = match self.model.write(&request).await {
            Ok(draft) => draft,
            Err(e @ StorytellerError::InvalidRequest { .. }) => return Err(e),
            Err(e) => return self.fallback(&request, e.to_string()).await,
        };
        match self.unsafe_reason(&draft, &request) {
            None => Ok(draft),
            Some(why) => self.fallback(&request, why).await,
        }
    }
}

/// A writer Settings can change while the backend runs (the offline one to start with).
#[derive(Debug, Clone)]
pub struct SwitchableWriter {
    current: Arc<RwLock<Arc<dyn StoryWriter>>>,
}

impl Default for SwitchableWriter {
    fn default() -> Self {
        SwitchableWriter {
            current: Arc::new(RwLock::new(Arc::new(OfflineWriter::new()))),
        }
    }
}

impl SwitchableWriter {
    /// Starts with the built-in writer.
    pub fn new() -> Self {
        SwitchableWriter::default()
    }

    /// Writes the next stories with `writer`.
    pub fn set(&self, writer: Arc<dyn StoryWriter>) {
        if let Ok(mut current) = self.current.write() {
            *current = writer;
        }
    }

    fn get(&self) -> Arc<dyn StoryWriter> {
        match self.current.read() {
            Ok(w) => w.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

#[async_trait]
impl StoryWriter for SwitchableWriter {
    async fn write(&self, request: &StoryBrief) -> Result<StoryDraft> {
        self.get().write(request).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_addresses_are_recognised() {
        for url in [
            "http://127.0.0.1:11434/v1",
            "http://localhost:8080/v1",
            "http://[::1]:8080/v1",
            "http://127.0.0.2/v1",
        ] {
            assert!(is_loopback(url), "{url}");
        }
        for url in [
            "http://192.168.1.2:11434/v1",
            "https://api.openai.com/v1",
            "nonsense",
        ] {
            assert!(!is_loopback(url), "{url}");
        }
    }
}
