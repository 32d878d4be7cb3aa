//! The wire models of the edge functions (api-contract §2), defined once in the contract crate
//! and re-exported here under their old paths. The original deployment's snake_case answers are
//! accepted too ([`crate::api::camelize`] rewrites their keys first; the contract's types also
//! take snake_case aliases).

pub use infinite_stories_contract::{
    AudioRequest, Avatar, AvatarGenerationRequest, GeneratedStory, IllustrationBatch,
    IllustrationResult, IllustrationStatus, IllustrationsRequest, Narration, Scene, StoryEvent,
    StoryRequest,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_request_uses_the_seed_encoding() {
        let r = StoryRequest {
            hero_id: "h".into(),
            event: StoryEvent::BuiltIn {
                event: infinite_stories_contract::BuiltInEvent::BedtimeAdventure,
            },
            target_duration: 300,
            language: infinite_stories_contract::Language::En,
            voice: None,
        };
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["event"],
            serde_json::json!({"type":"built_in","data":{"event":"bedtime_adventure"}})
        );
        assert_eq!(json["heroId"], "h");
        assert_eq!(json["targetDuration"], 300);
    }

    #[test]
    fn snake_case_answers_of_the_original_deployment_decode() {
        let snake: serde_json::Value = serde_json::from_str(
            r#"{"story_id":"s","title":"T","content":"c","estimated_duration":60,"word_count":10,
                "scenes":[{"scene_number":1,"text_segment":"a","illustration_prompt":"p","timestamp_seconds":0}]}"#,
        )
        .unwrap();
        let s: GeneratedStory = serde_json::from_value(crate::api::camelize(snake)).unwrap();
        assert_eq!((s.story_id.as_str(), s.scenes[0].scene_number), ("s", 1));
    }
}
