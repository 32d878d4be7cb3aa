//! How a hero looks, decided once per hero (name + appearance words) so that the avatar and
//! every scene of every story draw the same child: skin, hair colour and style, clothes.

use crate::{AvatarStyle, HeroDraft};

/// A hero's drawing parameters.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Look {
    pub skin: &'static str,
    pub cheek: &'static str,
    pub hair: &'static str,
    pub hair_style: HairStyle,
    pub shirt: &'static str,
    pub trousers: &'static str,
    pub glasses: bool,
}

/// The hair cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HairStyle {
    Short,
    Bob,
    Curly,
    Pigtails,
}

const SKINS: [&str; 6] = [
    "#f9d9c3", "#f1c3a0", "#e0a77f", "#c98b62", "#a5694a", "#7d4e36",
];
const HAIRS: [&str; 6] = [
    "#3b2a20", "#6b4226", "#a0522d", "#e0b15a", "#c1440e", "#1f1a17",
];
const SHIRTS: [&str; 8] = [
    "#ff8a80", "#ffd166", "#6ec6ff", "#9be49b", "#c39bd3", "#ffab73", "#f78fb3", "#4dd0c4",
];
const TROUSERS: [&str; 4] = ["#4a6fa5", "#6d597a", "#3d7a6a", "#8a5a44"];

/// FNV-1a, so a look never changes between runs or machines.
pub(super) fn hash(text: &str) -> u64 {
    crate::contract::hash::fnv1a(text.as_bytes())
}

impl Look {
    /// The look of `hero`: appearance words win, the name decides the rest.
    pub(super) fn of(hero: &HeroDraft) -> Look {
        let h = hash(&hero.name.trim().to_lowercase());
        let text = hero
            .appearance
            .as_deref()
            .unwrap_or_default()
            .to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
        let hair = if has(&[
            "red",
            "ginger",
            "roux",
            "rousse",
            "pelirroj",
            "rothaar",
            "rote haare",
            "rossi",
        ]) {
            HAIRS[4]
        } else if has(&["blond", "golden", "rubi", "bionde", "biondi"]) {
            HAIRS[3]
        } else if has(&["black", "noir", "negro", "schwarz", "neri"]) {
            HAIRS[5]
        } else if has(&["brown", "brun", "castañ", "braun", "castan", "marron"]) {
            HAIRS[1]
        } else {
            HAIRS[(h % 6) as usize]
        };
        let hair_style = if has(&["curl", "boucl", "frisé", "rizad", "locken", "ricci"]) {
            HairStyle::Curly
        } else if has(&[
            "pigtail", "braid", "ponytail", "couette", "tresse", "coleta", "trenza", "zopf",
            "zöpfe", "codin", "trecc",
        ]) {
            HairStyle::Pigtails
        } else if has(&["short", "court", "cort", "kurz", "corti"]) {
            HairStyle::Short
        } else {
            [
                HairStyle::Short,
                HairStyle::Bob,
                HairStyle::Curly,
                HairStyle::Pigtails,
            ][((h >> 8) % 4) as usize]
        };
        let colour_word = |words: &[&str], colour: &'static str| has(words).then_some(colour);
        let shirt = colour_word(&["yellow", "jaune", "amarill", "gelb", "giall"], SHIRTS[1])
            .or_else(|| colour_word(&["blue", "bleu", "azul", "blau", "blu"], SHIRTS[2]))
            .or_else(|| colour_word(&["green", "vert", "verde", "grün"], SHIRTS[3]))
            .or_else(|| colour_word(&["purple", "violet", "morad", "lila", "viola"], SHIRTS[4]))
            .or_else(|| colour_word(&["pink", "rose", "rosa"], SHIRTS[6]))
            .unwrap_or(SHIRTS[((h >> 16) % 8) as usize]);
        let skin = SKINS[((h >> 24) % 6) as usize];
        Look {
            skin,
            cheek: "#ff9e9e",
            hair,
            hair_style,
            shirt,
            trousers: TROUSERS[((h >> 32) % 4) as usize],
            glasses: has(&["glasses", "lunettes", "gafas", "brille", "occhiali"]),
        }
    }
}

/// How lines and fills are drawn in one art style.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ink {
    /// Outline colour and width (width 0: no outline).
    pub line: &'static str,
    pub width: f32,
    /// Opacity of fills (watercolour is translucent).
    pub fill_opacity: f32,
    /// Soft, bleeding edges (watercolour): a wide translucent stroke in the fill colour, which
    /// looks like a blur but costs nothing to render.
    pub bleed: bool,
    /// Warm sepia wash over everything (classic storybook).
    pub sepia: bool,
    /// Shading highlights (3D look).
    pub shading: bool,
}

impl Ink {
    pub(super) fn of(style: AvatarStyle) -> Ink {
        match style {
            AvatarStyle::PictureBook => Ink {
                line: "#3d2c3e",
                width: 6.0,
                fill_opacity: 1.0,
                bleed: false,
                sepia: false,
                shading: false,
            },
            AvatarStyle::Watercolor => Ink {
                line: "none",
                width: 0.0,
                fill_opacity: 0.82,
                bleed: true,
                sepia: false,
                shading: false,
            },
            AvatarStyle::DigitalArt => Ink {
                line: "#2b2550",
                width: 2.5,
                fill_opacity: 1.0,
                bleed: false,
                sepia: false,
                shading: true,
            },
            AvatarStyle::Animated3d => Ink {
                line: "none",
                width: 0.0,
                fill_opacity: 1.0,
                bleed: false,
                sepia: false,
                shading: true,
            },
            AvatarStyle::ClassicStorybook => Ink {
                line: "#5b3a29",
                width: 3.0,
                fill_opacity: 0.95,
                bleed: false,
                sepia: true,
                shading: false,
            },
        }
    }

    /// SVG attributes for a filled shape in this style.
    pub(super) fn paint(&self, fill: &str) -> String {
        if self.bleed {
            format!(
                r##"fill="{fill}" fill-opacity="{}" stroke="{fill}" stroke-opacity="0.3" stroke-width="14" stroke-linejoin="round""##,
                self.fill_opacity
            )
        } else if self.width > 0.0 {
            format!(
                r##"fill="{fill}" fill-opacity="{}" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round""##,
                self.fill_opacity, self.line, self.width
            )
        } else {
            format!(r##"fill="{fill}" fill-opacity="{}""##, self.fill_opacity)
        }
    }
}
