//! Story writer and scene extractor over chat completions: a prompt carrying the original
//! app's safety rules, a JSON answer validated against the contract's shape, and one repair
//! round in which the model is shown what was wrong.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::{Value, json};

use super::OpenAiClient;
use crate::writer::count_words;
use crate::{
    Emotion, EventSpec, Importance, Language, Result, Scene, SceneExtractor, SceneRequest,
    StoryBrief, StoryDraft, StoryWriter, StorytellerError,
};

/// Story writer over `/chat/completions`.
#[derive(Debug, Clone)]
pub struct OpenAiWriter {
    client: OpenAiClient,
    /// Ask for the story with a JSON schema (`response_format: json_schema`), falling back to
    /// `json_object` once a server refuses the schema.
    schema: Arc<AtomicBool>,
}

impl OpenAiWriter {
    /// A writer using `client` (`response_format: json_object`).
    pub fn new(client: OpenAiClient) -> Self {
        OpenAiWriter {
            client,
            schema: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The same asking for stories in the contract's structure as a JSON schema, which
    /// llama.cpp's server and Ollama (≥ 0.5) enforce while decoding; a server that answers the
    /// schema with 400 is asked again with plain `json_object`, and from then on.
    pub fn with_json_schema(self) -> Self {
        self.schema.store(true, Ordering::SeqCst);
        self
    }

    /// The HTTP client (and its settings).
    pub fn client(&self) -> &OpenAiClient {
        &self.client
    }
}

/// The story's structure as a JSON schema (strict: every field required, nothing else).
pub(crate) fn story_schema() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["title", "content", "scenes"],
        "properties": {
            "title": {"type": "string"},
            "content": {"type": "string"},
            "scenes": {
                "type": "array", "minItems": 3, "maxItems": 8,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["textSegment", "illustrationPrompt", "emotion", "importance"],
                    "properties": {
                        "textSegment": {"type": "string"},
                        "illustrationPrompt": {"type": "string"},
                        "emotion": {"type": "string", "enum": Emotion::ALL.iter().map(|e| e.id()).collect::<Vec<_>>()},
                        "importance": {"type": "string", "enum": Importance::ALL.iter().map(|i| i.id()).collect::<Vec<_>>()}
                    }
                }
            }
        }
    })
}

const SAFETY: &str = "You write gentle bedtime stories for children aged 4 to 10. Rules: the hero is never \
alone, a friendly companion is always there; nothing scary, dark, violent, sad or frightening; no weapons, no \
fighting; problems are solved with kindness, friendship or cleverness; the story ends calm and sleepy. Write as \
a native storyteller of the requested language, with correct grammar and agreement.";

const SHAPE: &str = "Answer with one JSON object only: {\"title\": string, \"content\": string (paragraphs \
separated by a blank line), \"scenes\": [{\"textSegment\": string copied exactly from content, \
\"illustrationPrompt\": string in English (safe, descriptive, warm picture-book style, the hero with the \
companion, no text), \"emotion\": one of joyful|peaceful|exciting|mysterious|heartwarming|adventurous|contemplative, \
\"importance\": one of key|major|minor}]} with 3 to 8 scenes in story order.";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawScene {
    #[serde(alias = "text_segment")]
    text_segment: String,
    #[serde(alias = "illustration_prompt")]
    illustration_prompt: String,
    emotion: Emotion,
    importance: Importance,
}

#[derive(Debug, Deserialize)]
struct RawStory {
    title: String,
    content: String,
    scenes: Vec<RawScene>,
}

#[derive(Debug, Deserialize)]
struct RawScenes {
    scenes: Vec<RawScene>,
}

fn language_name(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::Es => "Spanish",
        Language::Fr => "French",
        Language::De => "German",
        Language::It => "Italian",
    }
}

fn story_prompt(request: &StoryBrief) -> String {
    let hero = &request.hero;
    let words = (f64::from(request.target_duration_seconds())
        * request.voice().words_per_minute(request.language())
        / 60.0)
        .round();
    let event = match &request.event {
        EventSpec::BuiltIn(e) => format!("Event: {}.", e.id().replace('_', " ")),
        EventSpec::Custom(c) => format!(
            "Event: \"{}\". Description: {}. Story idea: {}. Keywords: {}. Tone: {}. Category: {}. Age range: {}.",
            c.title,
            c.description,
            c.prompt_seed,
            c.keywords.join(", "),
            c.tone,
            c.category,
            c.age_range
        ),
    };
    format!(
        "Write a bedtime story in {} of about {words} words. Hero: {} (pronouns: {}), who is {} and {}{}{}. {event} \
         Include a setting, the hero's two traits, two or more small episodes where the traits{} matter, a \
         companion, a resolution through kindness or cleverness and a calm, sleepy ending.",
        language_name(request.language()),
        hero.name,
        hero.pronouns
            .map_or("not given, use neutral phrasing", |p| p.id()),
        hero.primary_trait,
        hero.secondary_trait,
        hero.appearance
            .as_deref()
            .map(|a| format!(", looks like this: {a}"))
            .unwrap_or_default(),
        hero.special_ability
            .as_deref()
            .map(|a| format!(", special ability: {a}"))
            .unwrap_or_default(),
        if hero.special_ability.is_some() {
            " and the special ability"
        } else {
            ""
        },
    )
}

/// Checks scenes against `content` and turns them into contract scenes timed at `wpm`.
fn validate_scenes(
    raw: Vec<RawScene>,
    content: &str,
    wpm: f64,
    problems: &mut Vec<String>,
) -> Vec<Scene> {
    if !(3..=8).contains(&raw.len()) {
        problems.push(format!("there must be 3 to 8 scenes, not {}", raw.len()));
    }
    let mut placed: Vec<(usize, RawScene)> = Vec::new();
    for (i, scene) in raw.into_iter().enumerate() {
        let segment = scene.text_segment.trim();
        match content.find(segment).filter(|_| !segment.is_empty()) {
            Some(at) => placed.push((at, scene)),
            None => problems.push(format!(
                "scene {} textSegment is not an exact excerpt of content",
                i + 1
            )),
        }
    }
    placed.sort_by_key(|(at, _)| *at);
    placed.dedup_by_key(|(at, _)| *at);
    placed
        .into_iter()
        .enumerate()
        .map(|(i, (at, s))| Scene {
            scene_number: i as u32 + 1,
            text_segment: s.text_segment.trim().to_string(),
            illustration_prompt: s.illustration_prompt,
            timestamp_seconds: if i == 0 {
                0.0
            } else {
                (count_words(&content[..at]) as f64 * 600.0 / wpm).round() / 10.0
            },
            emotion: s.emotion,
            importance: s.importance,
        })
        .collect()
}

impl OpenAiWriter {
    async fn chat(&self, messages: &[Value], schema: Option<&Value>) -> Result<String> {
        let format = |schema: Option<&Value>| match schema {
            Some(schema) => json!({"type": "json_schema", "json_schema": {
                "name": "bedtime_story", "strict": true, "schema": schema}}),
            None => json!({"type": "json_object"}),
        };
        let schema = schema.filter(|_| self.schema.load(Ordering::SeqCst));
        let mut body = json!({
            "model": self.client.config.chat_model,
            "messages": messages,
            "response_format": format(schema),
            "temperature": 0.9,
        });
        let mut answer = self
            .client
            .post_json("openai chat", "chat/completions", &body)
            .await;
        if schema.is_some()
            && let Err(StorytellerError::Provider {
                status: Some(400), ..
            }) = &answer
        {
            tracing::info!("the server refused response_format json_schema; using json_object");
            self.schema.store(false, Ordering::SeqCst);
            body["response_format"] = format(None);
            answer = self
                .client
                .post_json("openai chat", "chat/completions", &body)
                .await;
        }
        let answer = answer?;
        if answer["choices"][0]["finish_reason"] == "content_filter" {
            return Err(StorytellerError::ContentPolicy {
                message: "The story provider declined this idea. Try a gentler description.".into(),
            });
        }
        answer["choices"][0]["message"]["content"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| {
                StorytellerError::provider("openai chat", "the answer has no message content")
            })
    }

    /// Asks, validates with `check`, and asks once more with the problems if needed.
    async fn ask<T>(
        &self,
        system: &str,
        user: String,
        schema: Option<&Value>,
        check: impl Fn(&str) -> std::result::Result<T, Vec<String>>,
    ) -> Result<T> {
        let mut messages = vec![
            json!({"role": "system", "content": system}),
            json!({"role": "user", "content": user}),
        ];
        let first = self.chat(&messages, schema).await?;
        let problems = match check(&first) {
            Ok(value) => return Ok(value),
            Err(problems) => problems,
        };
        messages.push(json!({"role": "assistant", "content": first}));
        messages.push(json!({"role": "user", "content": format!(
            "That answer had problems: {}. Return the corrected JSON object only.", problems.join("; ")
        )}));
        let second = self.chat(&messages, schema).await?;
        check(&second).map_err(|problems| {
            StorytellerError::provider(
                "openai chat",
                format!(
                    "the answer was still invalid after a repair: {}",
                    problems.join("; ")
                ),
            )
        })
    }
}

#[async_trait]
impl StoryWriter for OpenAiWriter {
    async fn write(&self, request: &StoryBrief) -> Result<StoryDraft> {
        request.request.validate()?;
        let wpm = request.voice().words_per_minute(request.language());
        let system = format!("{SAFETY} {SHAPE}");
        let schema = story_schema();
        self.ask(&system, story_prompt(request), Some(&schema), |answer| {
            let raw: RawStory = serde_json::from_str(answer)
                .map_err(|e| vec![format!("invalid JSON for the required shape: {e}")])?;
            let mut problems = Vec::new();
            if raw.title.trim().is_empty() || raw.content.trim().is_empty() {
                problems.push("title and content must not be empty".to_string());
            }
            let scenes = validate_scenes(raw.scenes, &raw.content, wpm, &mut problems);
            if !problems.is_empty() {
                return Err(problems);
            }
            let word_count = count_words(&raw.content);
            Ok(StoryDraft {
                title: raw.title.trim().to_string(),
                estimated_duration: (word_count as f64 * 60.0 / wpm).round(),
                word_count,
                content: raw.content,
                scenes,
                note: None,
            })
        })
        .await
    }
}

#[async_trait]
impl SceneExtractor for OpenAiWriter {
    async fn extract(&self, request: &SceneRequest) -> Result<Vec<Scene>> {
        let content = request.story_content.as_str();
        if content.trim().is_empty() {
            return Err(StorytellerError::invalid(
                "storyContent",
                "the story text is empty",
            ));
        }
        let words = count_words(content).max(1) as f64;
        let wpm = words * 60.0 / request.story_duration.max(1.0);
        let system = format!(
            "{SAFETY} Answer with one JSON object only: {{\"scenes\": [...]}} where each scene has textSegment (copied \
             exactly from the story), illustrationPrompt, emotion and importance as described: {SHAPE}"
        );
        let user = format!(
            "Pick 3 to 8 illustrated moments of this story about {} ({}):\n\n{content}",
            request.hero_name, request.event_context
        );
        self.ask(&system, user, None, |answer| {
            let raw: RawScenes =
                serde_json::from_str(answer).map_err(|e| vec![format!("invalid JSON: {e}")])?;
            let mut problems = Vec::new();
            let scenes = validate_scenes(raw.scenes, content, wpm, &mut problems);
            if problems.is_empty() {
                Ok(scenes)
            } else {
                Err(problems)
            }
        })
        .await
    }
}
