//! Narration over `/audio/speech` (the seven voices with the original app's style notes,
//! mp3, duration measured from the MP3 frames) and pictures over `/images/generations`
//! (gpt-image-1, base64 PNG).

use async_trait::async_trait;
use base64::Engine;
use serde_json::json;

use super::{OpenAiClient, mp3};
use crate::narrator::chunk::chunks;
use crate::{
    AudioFormat, AvatarRequest, AvatarStyle, IllustrationRequest, Illustrator, ImageOutput,
    Language, NarrationOutput, NarrationRequest, Narrator, Result, StorytellerError, Voice,
};

/// Narrator over `/audio/speech`.
#[derive(Debug, Clone)]
pub struct OpenAiNarrator {
    client: OpenAiClient,
}

impl OpenAiNarrator {
    /// A narrator using `client`.
    pub fn new(client: OpenAiClient) -> Self {
        OpenAiNarrator { client }
    }
}

fn style(voice: Voice) -> &'static str {
    match voice {
        Voice::Coral => "Warm and nurturing, a calm bedtime storyteller.",
        Voice::Nova => "A cheerful, friendly storyteller, still soft for bedtime.",
        Voice::Fable => "A wise, gentle grandparent, slow and cosy.",
        Voice::Alloy => "Clear and neutral, calm and easy to follow.",
        Voice::Echo => "Soft and dreamy, almost a whisper.",
        Voice::Onyx => "A deep, reassuring parent's voice.",
        Voice::Shimmer => "Bright and melodic, gentle and kind.",
    }
}

fn language_clause(language: Language) -> &'static str {
    match language {
        Language::En => "Read in English.",
        Language::Es => "Lee en español con acento natural.",
        Language::Fr => "Lis en français avec un accent naturel.",
        Language::De => "Lies auf Deutsch mit natürlicher Aussprache.",
        Language::It => "Leggi in italiano con pronuncia naturale.",
    }
}

#[async_trait]
impl Narrator for OpenAiNarrator {
    async fn narrate(&self, request: &NarrationRequest) -> Result<NarrationOutput> {
        if request.text.trim().is_empty() {
            return Err(StorytellerError::invalid(
                "text",
                "there is nothing to read",
            ));
        }
        let mut bytes = Vec::new();
        for chunk in chunks(&request.text) {
            let body = json!({
                "model": self.client.config.speech_model,
                "input": chunk.text,
                "voice": request.voice.id(),
                "response_format": "mp3",
                "speed": 0.95,
                "instructions": format!("{} {}", style(request.voice), language_clause(request.language)),
            });
            bytes.extend(
                self.client
                    .post("openai speech", "audio/speech", &body)
                    .await?,
            );
        }
        let duration_seconds = mp3::duration(&bytes).ok_or_else(|| {
            StorytellerError::provider("openai speech", "the answer is not MP3 audio")
        })?;
        Ok(NarrationOutput {
            bytes,
            format: AudioFormat::Mp3,
            duration_seconds,
            timings: Vec::new(),
            voice: request.voice,
        })
    }
}

/// Illustrator over `/images/generations`.
#[derive(Debug, Clone)]
pub struct OpenAiIllustrator {
    client: OpenAiClient,
}

impl OpenAiIllustrator {
    /// An illustrator using `client`.
    pub fn new(client: OpenAiClient) -> Self {
        OpenAiIllustrator { client }
    }

    async fn generate(&self, prompt: String, size: &str) -> Result<ImageOutput> {
        let mut body = json!({"model": self.client.config.image_model, "prompt": prompt, "size": size, "n": 1});
        if self.client.config.image_model.starts_with("dall-e") {
            body["response_format"] = json!("b64_json");
        } else {
            body["quality"] = json!("medium");
        }
        let answer = self
            .client
            .post_json("openai images", "images/generations", &body)
            .await?;
        let item = &answer["data"][0];
        let b64 = item["b64_json"].as_str().ok_or_else(|| {
            StorytellerError::provider("openai images", "the answer has no b64_json image")
        })?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| StorytellerError::provider("openai images", format!("bad base64: {e}")))?;
        if png.len() < 24 || &png[1..4] != b"PNG" {
            return Err(StorytellerError::provider(
                "openai images",
                "the image is not a PNG",
            ));
        }
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        let created = answer["created"].as_u64().unwrap_or_default();
        Ok(ImageOutput {
            generation_id: format!("openai-{created}-{:x}", png.len()),
            revised_prompt: item["revised_prompt"].as_str().map(str::to_string),
            png,
            width,
            height,
            thumbnail_png: None,
        })
    }
}

fn style_words(style: AvatarStyle) -> &'static str {
    match style {
        AvatarStyle::PictureBook => {
            "cartoon picture-book illustration, bold friendly outlines, bright colours"
        }
        AvatarStyle::Watercolor => "soft watercolour illustration, gentle washes, pastel colours",
        AvatarStyle::DigitalArt => "digital character art, clean shapes, glowing light",
        AvatarStyle::Animated3d => "3D animated-film look, soft rounded shapes, warm lighting",
        AvatarStyle::ClassicStorybook => {
            "classic storybook illustration, muted warm colours, fine ink lines"
        }
    }
}

const SAFE: &str = "Child-friendly and gentle, a companion always present, cheerful setting, nothing scary, no text.";

#[async_trait]
impl Illustrator for OpenAiIllustrator {
    async fn illustrate(&self, request: &IllustrationRequest) -> Result<ImageOutput> {
        let hero = &request.hero;
        let look = hero
            .appearance
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        let prompt = format!(
            "{}. The hero {}{look} looks exactly as in earlier pictures. {} {SAFE}",
            style_words(request.style),
            hero.name,
            request.scene.illustration_prompt
        );
        self.generate(prompt, "1024x1024").await
    }

    async fn avatar(&self, request: &AvatarRequest) -> Result<ImageOutput> {
        let hero = &request.hero;
        let prompt = format!(
            "{}. Portrait of {}, a {} and {} child{}. {} {SAFE}",
            style_words(request.style),
            hero.name,
            hero.primary_trait,
            hero.secondary_trait,
            hero.appearance
                .as_deref()
                .map(|a| format!(" with {a}"))
                .unwrap_or_default(),
            request.prompt
        );
        self.generate(prompt, request.size.id()).await
    }
}
