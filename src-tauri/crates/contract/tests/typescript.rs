//! The TypeScript the shell's bindings get from the contract (`ts` feature): catalogues as
//! unions of their wire ids, IPC structs with the camelCase field names of ipc-spec.md.
#![cfg(feature = "ts")]

use infinite_stories_contract::*;
use ts_rs::{Config, TS};

fn decl<T: TS>() -> String {
    T::decl(&Config::new().with_large_int("number"))
}

#[test]
fn catalogues_export_as_unions_of_their_wire_ids() {
    assert_eq!(
        decl::<Voice>(),
        r#"type Voice = "coral" | "nova" | "fable" | "alloy" | "echo" | "onyx" | "shimmer";"#
    );
    assert_eq!(
        decl::<AgeRange>(),
        r#"type AgeRange = "2_4" | "4_6" | "6_10" | "all_ages";"#
    );
    assert!(decl::<BuiltInEvent>().contains(r#""bedtime_adventure" | "school_day""#));
    assert!(decl::<AvatarStyle>().contains(r#""animated_3d""#));
}

#[test]
fn ipc_types_use_the_spec_field_names() {
    let hero = decl::<HeroDraft>();
    for field in [
        "name: string",
        "pronouns: Pronouns | null",
        "primaryTrait: Trait",
        "secondaryTrait: Trait",
        "specialAbility: string | null",
        "avatarStyle: AvatarStyle | null",
        "avatarPrompt: string | null",
    ] {
        assert!(hero.contains(field), "{field} missing in {hero}");
    }
    let stored = decl::<Hero>();
    assert!(stored.contains("createdAt: number"), "{stored}");
    // ts-rs inlines the flattened draft: a Hero has every field of a HeroDraft.
    assert!(stored.contains("primaryTrait: Trait"), "{stored}");
    let event = decl::<CustomEvent>();
    assert!(event.contains("lastUsedAt: number | null"), "{event}");
    assert!(decl::<CustomEventDraft>().contains("ageRange: AgeRange"));
    let story_event = decl::<StoryEvent>();
    assert!(
        story_event.contains(r#""type": "built_in""#),
        "{story_event}"
    );
    assert!(story_event.contains("event: BuiltInEvent"), "{story_event}");
    assert!(
        story_event.contains("custom_event_id: string"),
        "{story_event}"
    );
    let check = decl::<SafetyCheck>();
    assert!(check.contains(r#""verdict": "refused""#), "{check}");
    assert!(decl::<Catalogue>().contains("lengthsMinutes: Array<number>"));
    assert!(decl::<StoryDefaults>().contains("lengthMinutes: number"));
    assert!(decl::<VoiceSample>().contains("seconds: number"));
}
