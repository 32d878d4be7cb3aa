//! One story request type from the UI to the writer: the `GenerateRequest` JSON the UI puts on
//! the IPC bridge (its TypeScript type is generated from the same Rust type) is decoded by the
//! shell's command, sent by the core to `story-generation`, parsed by the embedded server and
//! handed to the storyteller inside its `StoryBrief` — and the writer sees the very value the
//! UI typed, with the hero and the event the ids name loaded beside it.

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use infinite_stories_core::GenerateRequest;
use infinite_stories_core::contract::{BuiltInEvent, EventCategory, StoryEvent};
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::{
    EventSpec, Providers, Result as StResult, StoryBrief, StoryDraft, StoryWriter,
};
use serde_json::{Value, json};

use crate::pipeline::hero;
use crate::support::{Env, env_with};

/// The offline writer, remembering every brief it is given.
#[derive(Debug, Default)]
struct RecordingWriter {
    briefs: Mutex<Vec<StoryBrief>>,
    inner: OfflineWriter,
}

#[async_trait]
impl StoryWriter for RecordingWriter {
    async fn write(&self, brief: &StoryBrief) -> StResult<StoryDraft> {
        self.briefs.lock().unwrap().push(brief.clone());
        self.inner.write(brief).await
    }
}

async fn recording_env() -> (Env, Arc<RecordingWriter>) {
    let writer = Arc::new(RecordingWriter::default());
    let mut providers = Providers::offline();
    providers.writer = writer.clone();
    let env = env_with(|config| config.custom_providers = Some(providers)).await;
    (env, writer)
}

/// What `api.generateStory({request})` sends for the story form (ui/src/lib/ipc/api.ts).
fn typed_in_the_ui(request_id: &str, event: Value) -> Value {
    json!({
        "requestId": request_id,
        "story": {"event": event, "heroId": "", "targetDuration": 420, "language": "fr", "voice": "nova"},
        "narration": false,
        "illustrations": false,
    })
}

async fn generate(env: &Env, writer: &RecordingWriter, ui: Value) -> StoryBrief {
    // The shell's `generate_story` command decodes its argument into the core's type.
    let request: GenerateRequest = serde_json::from_value(ui.clone()).unwrap();
    env.core.generate_story(request.clone()).await.unwrap();
    let briefs = writer.briefs.lock().unwrap().clone();
    let brief = briefs.last().cloned().expect("the writer was called");
    assert_eq!(
        brief.request, request.story,
        "the writer got the UI's request"
    );
    assert_eq!(
        serde_json::to_value(&brief.request).unwrap(),
        ui["story"],
        "and it encodes back to the very JSON the UI sent"
    );
    brief
}

#[tokio::test]
async fn a_built_in_story_request_reaches_the_writer_as_the_ui_typed_it() {
    let (env, writer) = recording_env().await;
    let hero = hero(&env).await;
    let mut ui = typed_in_the_ui(
        "ui-built-in",
        json!({"type": "built_in", "data": {"event": "space_exploration"}}),
    );
    ui["story"]["heroId"] = json!(hero);
    let brief = generate(&env, &writer, ui).await;
    assert_eq!(brief.hero.name, "Luna", "the hero the id names is loaded");
    assert_eq!(
        brief.event,
        EventSpec::BuiltIn(BuiltInEvent::SpaceExploration)
    );
    assert_eq!(brief.target_duration_seconds(), 420);
}

#[tokio::test]
async fn a_custom_story_request_reaches_the_writer_with_its_event_loaded() {
    let (env, writer) = recording_env().await;
    let hero = hero(&env).await;
    let api = env.core.api().unwrap();
    let user = env.core.session().unwrap().user_id;
    let row: Value = api
        .insert(
            "custom_events",
            &json!({"user_id": user, "title": "First day at school", "description": "A brave first day.",
                    "prompt_seed": "a brave first day", "category": "daily_life", "tone": "calming",
                    "age_range": "4_6", "keywords": ["backpack"]}),
        )
        .await
        .unwrap();
    let custom_id = row["id"].as_str().unwrap().to_owned();
    let mut ui = typed_in_the_ui(
        "ui-custom",
        json!({"type": "custom", "data": {"custom_event_id": custom_id}}),
    );
    ui["story"]["heroId"] = json!(hero);
    let brief = generate(&env, &writer, ui).await;
    assert_eq!(
        brief.request.event,
        StoryEvent::Custom {
            custom_event_id: custom_id
        }
    );
    let EventSpec::Custom(custom) = &brief.event else {
        panic!("a custom event is loaded: {:?}", brief.event)
    };
    assert_eq!(custom.title, "First day at school");
    assert_eq!(custom.category, EventCategory::DailyLife);
    assert_eq!(custom.keywords, ["backpack"]);
}
