//! The contract's catalogues (api-contract §6) as closed Rust enums with their stable wire ids.
//!
//! Every enum serialises to the id the wire uses (`brave`, `bedtime_adventure`, `coral`…) and
//! parses from it with `FromStr`, so the server never matches display strings.

use serde::{Deserialize, Serialize};

/// Declares a catalogue enum with its wire ids, `ALL`, `id()`, `Display` and `FromStr`.
macro_rules! catalogue {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant),+
        }

        impl $name {
            /// Every value, in catalogue order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable wire id.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::StorytellerError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok($name::$variant),)+
                    other => Err(crate::StorytellerError::invalid(
                        stringify!($name),
                        format!("unknown value '{other}'"),
                    )),
                }
            }
        }
    };
}

catalogue!(
    /// The five story languages.
    Language { En => "en", Es => "es", Fr => "fr", De => "de", It => "it" }
);

catalogue!(
    /// The ten hero traits; the same list serves the primary and the secondary trait.
    Trait {
        Brave => "brave", Kind => "kind", Curious => "curious", Funny => "funny", Smart => "smart",
        Adventurous => "adventurous", Creative => "creative", Helpful => "helpful",
        Gentle => "gentle", Magical => "magical",
    }
);

catalogue!(
    /// Optional hero pronouns, used for grammatical agreement (she/he/they).
    Pronouns { She => "she", He => "he", They => "they" }
);

catalogue!(
    /// The seven narration voices; `Coral` is the default.
    Voice {
        Coral => "coral", Nova => "nova", Fable => "fable", Alloy => "alloy", Echo => "echo",
        Onyx => "onyx", Shimmer => "shimmer",
    }
);

catalogue!(
    /// The seven scene emotions.
    Emotion {
        Joyful => "joyful", Peaceful => "peaceful", Exciting => "exciting",
        Mysterious => "mysterious", Heartwarming => "heartwarming",
        Adventurous => "adventurous", Contemplative => "contemplative",
    }
);

catalogue!(
    /// How much a scene matters to the story.
    Importance { Key => "key", Major => "major", Minor => "minor" }
);

catalogue!(
    /// The five avatar art styles.
    AvatarStyle {
        PictureBook => "picture_book", Watercolor => "watercolor", DigitalArt => "digital_art",
        Animated3d => "animated_3d", ClassicStorybook => "classic_storybook",
    }
);

catalogue!(
    /// Requested image sizes (offline images are always square, see `ImageOutput`).
    ImageSize { Square => "1024x1024", Landscape => "1792x1024", Portrait => "1024x1792" }
);

// Enums made by `catalogue!` cannot carry `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Voice {
    fn default() -> Self {
        Voice::Coral
    }
}

// Enums made by `catalogue!` cannot carry `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for AvatarStyle {
    fn default() -> Self {
        AvatarStyle::PictureBook
    }
}

// Enums made by `catalogue!` cannot carry `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for ImageSize {
    fn default() -> Self {
        ImageSize::Square
    }
}

impl Voice {
    /// Calm bedtime pace of this voice in words per minute for `language`.
    ///
    /// The offline writer sizes a story with it and the offline narrator speaks at it, so a
    /// story written for 420 s narrates in about 420 s. German words are longer than the others',
    /// hence its lower factor.
    pub fn words_per_minute(self, language: Language) -> f64 {
        let base = match self {
            Voice::Coral => 136.0,
            Voice::Nova => 140.0,
            Voice::Fable => 126.0,
            Voice::Alloy => 138.0,
            Voice::Echo => 130.0,
            Voice::Onyx => 132.0,
            Voice::Shimmer => 140.0,
        };
        let factor = match language {
            Language::En | Language::Fr | Language::Es | Language::It => 1.0,
            Language::De => 0.9,
        };
        base * factor
    }
}
