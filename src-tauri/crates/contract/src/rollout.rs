//! The rollout between the two ways of making stories: a family's bucket is the project's FNV-1a
//! hash of its user id modulo 100, so the same family always lands in the same bucket, on every
//! device and release, and `rolloutPercent` % of the buckets (0..percent) are on the backend
//! mode. Raising the percentage only moves families from direct to backend, never back.

use crate::direct::{StoryMode, StoryModeChoice, StoryModeSettings};
use crate::hash::fnv1a;

/// The family's rollout bucket, 0–99.
pub fn bucket(user_id: &str) -> u8 {
    (fnv1a(user_id.as_bytes()) % 100) as u8
}

/// The way `user_id`'s stories are made under `settings`.
pub fn decide_mode(user_id: &str, settings: &StoryModeSettings) -> StoryMode {
    match settings.choice {
        StoryModeChoice::Backend => StoryMode::Backend,
        StoryModeChoice::Direct => StoryMode::Direct,
        StoryModeChoice::Automatic if bucket(user_id) < settings.rollout_percent => {
            StoryMode::Backend
        }
        StoryModeChoice::Automatic => StoryMode::Direct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn automatic(percent: u8) -> StoryModeSettings {
        StoryModeSettings {
            rollout_percent: percent,
            ..StoryModeSettings::default()
        }
    }

    fn ids() -> impl Iterator<Item = String> {
        (0..10_000).map(|i| format!("8c1e{i:04x}-5b7a-4f0e-9d7c-{:012x}", i * 7919))
    }

    #[test]
    fn a_family_always_gets_the_same_mode() {
        let settings = automatic(37);
        for id in ids().take(500) {
            let first = decide_mode(&id, &settings);
            assert!((0..20).all(|_| decide_mode(&id, &settings) == first));
            assert_eq!(bucket(&id), bucket(&id.clone()));
        }
        // Pinned: a bucket must not change between releases (FNV-1a, not std's hasher).
        assert_eq!(bucket(""), (0xcbf2_9ce4_8422_2325_u64 % 100) as u8);
    }

    #[test]
    fn the_backend_share_is_the_percentage_over_ten_thousand_families() {
        for percent in [0u8, 10, 25, 50, 90, 100] {
            let settings = automatic(percent);
            let backend = ids()
                .filter(|id| decide_mode(id, &settings) == StoryMode::Backend)
                .count();
            let share = backend as f64 / 100.0;
            assert!(
                (share - f64::from(percent)).abs() <= 2.0,
                "{percent} %: {share} % on the backend"
            );
        }
        let none = automatic(0);
        assert!(ids().all(|id| decide_mode(&id, &none) == StoryMode::Direct));
        let all = automatic(100);
        assert!(ids().all(|id| decide_mode(&id, &all) == StoryMode::Backend));
    }

    #[test]
    fn raising_the_percentage_only_moves_families_to_the_backend() {
        let (low, high) = (automatic(30), automatic(60));
        for id in ids() {
            if decide_mode(&id, &low) == StoryMode::Backend {
                assert_eq!(decide_mode(&id, &high), StoryMode::Backend, "{id}");
            }
        }
    }

    #[test]
    fn a_fixed_choice_ignores_the_rollout() {
        let mut settings = automatic(100);
        settings.choice = StoryModeChoice::Direct;
        assert!(
            ids()
                .take(100)
                .all(|id| decide_mode(&id, &settings) == StoryMode::Direct)
        );
        settings.choice = StoryModeChoice::Backend;
        settings.rollout_percent = 0;
        assert!(
            ids()
                .take(100)
                .all(|id| decide_mode(&id, &settings) == StoryMode::Backend)
        );
    }

    #[test]
    fn settings_read_camel_case_and_fill_defaults() {
        let s: StoryModeSettings =
            serde_json::from_str(r#"{"choice":"direct","rolloutPercent":40}"#).unwrap();
        assert_eq!(s.choice, StoryModeChoice::Direct);
        assert_eq!(s.rollout_percent, 40);
        assert_eq!(s.chat_model, "gpt-4o-mini");
        let json = serde_json::to_value(StoryModeSettings::default()).unwrap();
        assert_eq!(json["rolloutPercent"], 100);
        assert_eq!(json["choice"], "automatic");
        assert!(json.get("apiKey").is_none());
    }
}
