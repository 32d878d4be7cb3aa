//! The offline illustrator: valid PNGs of the right size with a thumbnail, different pictures
//! for different events and emotions, the same hero look across a story, avatars in the five
//! styles that are deterministic per hero.

use infinite_stories_storyteller::illustrator::{IMAGE_SIZE, OfflineIllustrator, THUMBNAIL_SIZE};
use infinite_stories_storyteller::{
    AvatarRequest, AvatarStyle, BuiltInEvent, Emotion, EventSpec, HeroDraft, IllustrationRequest,
    ImageOutput, ImageSize, Importance, Scene, Trait,
};

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let n = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (n(16), n(20))
}

fn scene(emotion: Emotion, prompt: &str) -> Scene {
    Scene {
        scene_number: 2,
        text_segment: "…".into(),
        illustration_prompt: prompt.into(),
        timestamp_seconds: 30.0,
        emotion,
        importance: Importance::Major,
    }
}

fn draw(event: BuiltInEvent, emotion: Emotion) -> ImageOutput {
    OfflineIllustrator::new()
        .illustrate_now(&IllustrationRequest {
            scene: scene(
                emotion,
                "Luna, together with a friendly little fox called Pip, exploring.",
            ),
            hero: HeroDraft::new("Luna", Trait::Brave, Trait::Kind)
                .with_appearance("curly red hair"),
            event: Some(EventSpec::BuiltIn(event)),
            story_key: "story-1".into(),
            style: AvatarStyle::PictureBook,
            previous_generation_id: None,
        })
        .unwrap()
}

#[test]
fn scenes_are_valid_pngs_with_thumbnails() {
    let out = draw(BuiltInEvent::Birthday, Emotion::Joyful);
    assert_eq!(png_size(&out.png), (IMAGE_SIZE, IMAGE_SIZE));
    assert_eq!((out.width, out.height), (1024, 1024));
    assert_eq!(
        png_size(out.thumbnail_png.as_ref().unwrap()),
        (THUMBNAIL_SIZE, THUMBNAIL_SIZE)
    );
    assert!(
        out.png.len() > 20_000,
        "a real picture, not an empty canvas"
    );
}

#[test]
fn pictures_differ_by_event_and_by_emotion_and_repeat_exactly() {
    let events = [
        BuiltInEvent::SpaceExploration,
        BuiltInEvent::UnderwaterTreasureHunt,
        BuiltInEvent::HolidayAdventure,
    ];
    let pictures: Vec<Vec<u8>> = events
        .iter()
        .map(|e| draw(*e, Emotion::Peaceful).png)
        .collect();
    assert_ne!(pictures[0], pictures[1]);
    assert_ne!(pictures[1], pictures[2]);
    let calm = draw(BuiltInEvent::WeekendExplorer, Emotion::Peaceful);
    let lively = draw(BuiltInEvent::WeekendExplorer, Emotion::Exciting);
    assert_ne!(calm.png, lively.png);
    assert_eq!(
        calm.png,
        draw(BuiltInEvent::WeekendExplorer, Emotion::Peaceful).png,
        "deterministic"
    );
}

#[test]
fn avatars_come_in_five_styles_and_are_deterministic_per_hero() {
    let illustrator = OfflineIllustrator::new();
    let avatar = |name: &str, style| {
        illustrator
            .avatar_now(&AvatarRequest {
                hero: HeroDraft::new(name, Trait::Curious, Trait::Funny),
                prompt: String::new(),
                style,
                size: ImageSize::Square,
                previous_generation_id: None,
            })
            .unwrap()
    };
    let styles: Vec<ImageOutput> = AvatarStyle::ALL
        .iter()
        .map(|s| avatar("Noah", *s))
        .collect();
    for (i, a) in styles.iter().enumerate() {
        assert_eq!(png_size(&a.png), (1024, 1024));
        for b in &styles[i + 1..] {
            assert_ne!(a.png, b.png, "two styles look the same");
        }
    }
    assert_eq!(avatar("Noah", AvatarStyle::Watercolor).png, styles[1].png);
    assert_ne!(avatar("Ava", AvatarStyle::PictureBook).png, styles[0].png);
}
