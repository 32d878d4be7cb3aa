//! A server per test on 127.0.0.1:0 with a manual clock, fake content providers and fault
//! injection on, plus small client helpers.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use infinite_stories_server::clock::ManualClock;
use infinite_stories_server::{Providers, ServerConfig, ServerHandle, serve};
use infinite_stories_storyteller::{
    AudioFormat, AvatarRequest, Emotion, IllustrationRequest, Illustrator, ImageOutput, Importance,
    Language, NarrationOutput, NarrationRequest, Narrator, Result as StResult, SafetyFilter,
    SafetyVerdict, Scene, SceneExtractor, SceneRequest, StoryBrief, StoryDraft, StoryWriter,
    StorytellerError, WordTiming,
};
use serde_json::{Value, json};

pub struct TestServer {
    pub handle: ServerHandle,
    pub clock: Arc<ManualClock>,
    pub http: reqwest::Client,
    pub dir: tempfile::TempDir,
}

pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    pub user_id: String,
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    pub async fn start_with(tweak: impl FnOnce(&mut ServerConfig)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self::start_in(dir, tweak).await
    }

    pub async fn start_in(dir: tempfile::TempDir, tweak: impl FnOnce(&mut ServerConfig)) -> Self {
        let clock = ManualClock::new();
        let mut config = ServerConfig::loopback(dir.path().join("backend"));
        config.clock = clock.clone();
        config.faults_enabled = true;
        config.custom_providers = Some(fake_providers());
        tweak(&mut config);
        let handle = serve(config).await.unwrap();
        TestServer {
            handle,
            clock,
            http: reqwest::Client::new(),
            dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.handle.address(), path)
    }

    pub fn anon_key(&self) -> &str {
        self.handle.anon_key()
    }

    /// A request with the anon key as `apikey`.
    pub fn req(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header("apikey", self.anon_key())
    }

    /// A request as a signed-in user.
    pub fn as_user(
        &self,
        method: reqwest::Method,
        path: &str,
        s: &Session,
    ) -> reqwest::RequestBuilder {
        self.req(method, path).bearer_auth(&s.access_token)
    }

    /// `GET path` as a signed-in user, read as JSON (the rows most tests read back).
    pub async fn get_json(&self, path: &str, s: &Session) -> Value {
        self.as_user(reqwest::Method::GET, path, s)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// The status of `method path` as a signed-in user.
    pub async fn status_of(&self, method: reqwest::Method, path: &str, s: &Session) -> u16 {
        self.as_user(method, path, s)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    /// Adds a fault rule (the service key's `/admin/v1/faults`).
    pub async fn fault(&self, rule: Value) -> reqwest::Response {
        self.req(reqwest::Method::POST, "/admin/v1/faults")
            .bearer_auth(self.handle.service_key())
            .json(&rule)
            .send()
            .await
            .unwrap()
    }

    /// Removes every fault rule.
    pub async fn clear_faults(&self) {
        let res = self
            .req(reqwest::Method::DELETE, "/admin/v1/faults")
            .bearer_auth(self.handle.service_key())
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{}", res.status());
    }

    pub async fn anonymous(&self) -> Session {
        let res = self
            .req(reqwest::Method::POST, "/auth/v1/signup")
            .json(&json!({"data": {}}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        session_of(&res.json().await.unwrap())
    }

    pub async fn email_user(&self, email: &str) -> Session {
        let res = self
            .req(reqwest::Method::POST, "/auth/v1/signup")
            .json(&json!({"email": email, "password": "secret-123", "data": {"app_version": "1.0", "platform": "linux"}}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        session_of(&res.json().await.unwrap())
    }

    /// Creates a hero for `s` and returns its id.
    pub async fn hero(&self, s: &Session, name: &str) -> String {
        let res = self
            .as_user(reqwest::Method::POST, "/rest/v1/heroes", s)
            .header("prefer", "return=representation")
            .json(&json!({"name": name, "primary_trait": "brave", "secondary_trait": "kind"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let rows: Value = res.json().await.unwrap();
        rows[0]["id"].as_str().unwrap().to_string()
    }

    pub async fn invoke(&self, s: &Session, name: &str, body: Value) -> reqwest::Response {
        self.as_user(reqwest::Method::POST, &format!("/functions/v1/{name}"), s)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub fn advance(&self, d: Duration) {
        self.clock.advance(d);
    }
}

pub fn session_of(v: &Value) -> Session {
    Session {
        access_token: v["access_token"].as_str().unwrap().to_string(),
        refresh_token: v["refresh_token"].as_str().unwrap().to_string(),
        user_id: v["user"]["id"].as_str().unwrap().to_string(),
    }
}

pub fn fake_providers() -> Providers {
    Providers {
        writer: Arc::new(FakeWriter),
        scenes: Arc::new(FakeWriter),
        narrator: Arc::new(FakeNarrator),
        illustrator: Arc::new(FakeIllustrator),
        safety: Arc::new(FakeSafety),
    }
}

fn scenes(n: u32, duration: f64) -> Vec<Scene> {
    (1..=n)
        .map(|i| Scene {
            scene_number: i,
            text_segment: format!("Part {i} of the story."),
            illustration_prompt: format!("A gentle picture-book scene number {i}"),
            timestamp_seconds: duration * f64::from(i - 1) / f64::from(n),
            emotion: Emotion::Peaceful,
            importance: Importance::Major,
        })
        .collect()
}

#[derive(Debug)]
pub struct FakeWriter;

#[async_trait]
impl StoryWriter for FakeWriter {
    async fn write(&self, r: &StoryBrief) -> StResult<StoryDraft> {
        if r.hero.name == "Sleepy" {
            // A provider that never answers.
            std::future::pending::<()>().await;
        }
        let content = format!(
            "Once upon a time {} had a {} adventure.",
            r.hero.name,
            r.event.context()
        );
        Ok(StoryDraft {
            title: format!("{} and the {}", r.hero.name, r.event.context()),
            word_count: content.split_whitespace().count(),
            content,
            scenes: scenes(3, f64::from(r.target_duration_seconds())),
            estimated_duration: f64::from(r.target_duration_seconds()),
            note: None,
        })
    }
}

#[async_trait]
impl SceneExtractor for FakeWriter {
    async fn extract(&self, r: &SceneRequest) -> StResult<Vec<Scene>> {
        Ok(scenes(4, r.story_duration))
    }
}

#[derive(Debug)]
pub struct FakeNarrator;

#[async_trait]
impl Narrator for FakeNarrator {
    async fn narrate(&self, r: &NarrationRequest) -> StResult<NarrationOutput> {
        if r.text.contains("PROVIDER_DOWN") {
            return Err(StorytellerError::provider("fake tts", "down"));
        }
        Ok(NarrationOutput {
            bytes: b"OggS-fake-audio".to_vec(),
            format: AudioFormat::Ogg,
            duration_seconds: 12.5,
            timings: vec![WordTiming {
                word: "Once".into(),
                start: 0.0,
                end: 0.4,
                char_start: 0,
                char_end: 4,
            }],
            voice: r.voice,
        })
    }
}

#[derive(Debug)]
pub struct FakeIllustrator;

fn png(tag: &str) -> ImageOutput {
    ImageOutput {
        png: format!("\u{89}PNG-{tag}").into_bytes(),
        width: 1024,
        height: 1024,
        thumbnail_png: None,
        generation_id: format!("gen-{tag}"),
        revised_prompt: None,
    }
}

#[async_trait]
impl Illustrator for FakeIllustrator {
    async fn illustrate(&self, r: &IllustrationRequest) -> StResult<ImageOutput> {
        if r.scene.illustration_prompt.contains("FAIL") {
            return Err(StorytellerError::provider("fake images", "refused to draw"));
        }
        Ok(png(&format!("scene-{}", r.scene.scene_number)))
    }

    async fn avatar(&self, _r: &AvatarRequest) -> StResult<ImageOutput> {
        Ok(png("avatar"))
    }
}

#[derive(Debug)]
pub struct FakeSafety;

#[async_trait]
impl SafetyFilter for FakeSafety {
    async fn check(&self, text: &str, _language: Language) -> StResult<SafetyVerdict> {
        Ok(if text.contains("scary") {
            SafetyVerdict::Refused {
                message: "Let's keep it gentle: try a friendly description.".into(),
            }
        } else {
            SafetyVerdict::Pass
        })
    }
}
