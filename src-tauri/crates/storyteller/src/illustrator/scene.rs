//! A scene as an SVG: sky and light from the emotion and the time of the story, the event's
//! landscape and props, then the hero and the companion. No text, ever.

use super::figures::{companion, hero};
use super::landscape::landscape;
use super::look::{Ink, Look};
use crate::Emotion;
use crate::scenery::{CompanionKind, Landscape, Visual};

/// A tiny deterministic RNG (xorshift) for positions; the same scene always looks the same.
pub(super) struct Dice(u64);

impl Dice {
    pub(super) fn new(seed: u64) -> Self {
        Dice(seed | 1)
    }

    pub(super) fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 10_000) as f32 / 10_000.0
    }

    pub(super) fn range(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * self.next()
    }
}

/// Everything a scene picture depends on.
pub(super) struct SceneSpec<'a> {
    pub visual: Visual,
    pub emotion: Emotion,
    pub night: bool,
    pub sleepy: bool,
    pub look: &'a Look,
    pub ink: Ink,
    pub companion: CompanionKind,
    pub seed: u64,
}

fn sky(emotion: Emotion, night: bool) -> (&'static str, &'static str) {
    if night {
        return match emotion {
            Emotion::Mysterious => ("#1b1f4d", "#5a4a99"),
            Emotion::Heartwarming => ("#26306b", "#b36b8e"),
            Emotion::Contemplative => ("#1f2a55", "#6a7bb0"),
            _ => ("#1e2356", "#4e5fa8"),
        };
    }
    match emotion {
        Emotion::Joyful => ("#8fd3ff", "#fff4c2"),
        Emotion::Peaceful => ("#b9d8f5", "#ffe3d3"),
        Emotion::Exciting => ("#7fe0e6", "#ffc2e0"),
        Emotion::Mysterious => ("#8c9ee8", "#e9c6f2"),
        Emotion::Heartwarming => ("#ffb38a", "#ffe6a8"),
        Emotion::Adventurous => ("#7ec8ff", "#d6f5d0"),
        Emotion::Contemplative => ("#b7c4e0", "#e8dcf2"),
    }
}

/// The whole scene SVG (1024 × 1024).
pub(super) fn scene_svg(spec: &SceneSpec<'_>) -> String {
    let mut dice = Dice::new(spec.seed);
    let ink = &spec.ink;
    let underwater = spec.visual.landscape == Landscape::Sea;
    let space = spec.visual.landscape == Landscape::Space;
    let night = (spec.night || space) && !underwater;
    let (top, bottom) = if underwater {
        ("#2aa7c9", "#bff3f0")
    } else {
        sky(spec.emotion, night)
    };
    let mut s = String::with_capacity(16_000);
    s += r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">"##;
    s += &format!(
        r##"<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="{top}"/><stop offset="1" stop-color="{bottom}"/></linearGradient><radialGradient id="glow"><stop offset="0" stop-color="#fff7c2" stop-opacity="0.95"/><stop offset="1" stop-color="#fff7c2" stop-opacity="0"/></radialGradient><radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#3b2412" stop-opacity="0.45"/></radialGradient></defs>"##
    );
    s += "<g>";
    s += r##"<rect width="1024" height="1024" fill="url(#sky)"/>"##;
    // Light: sun by day, moon and stars by night.
    if night {
        for _ in 0..40 {
            let (x, y, r) = (
                dice.range(20.0, 1004.0),
                dice.range(20.0, 560.0),
                dice.range(1.5, 4.5),
            );
            s += &format!(
                r##"<circle cx="{x:.0}" cy="{y:.0}" r="{r:.1}" fill="#fff8d6" fill-opacity="{:.2}"/>"##,
                dice.range(0.5, 1.0)
            );
        }
        let (mx, my) = (dice.range(640.0, 880.0), dice.range(120.0, 220.0));
        s += &format!(
            r##"<circle cx="{mx:.0}" cy="{my:.0}" r="150" fill="url(#glow)"/><circle cx="{mx:.0}" cy="{my:.0}" r="62" fill="#fff4c4"/><circle cx="{:.0}" cy="{:.0}" r="12" fill="#f0e2a8"/><circle cx="{:.0}" cy="{:.0}" r="8" fill="#f0e2a8"/><circle cx="{:.0}" cy="{:.0}" r="6" fill="#f0e2a8"/>"##,
            mx - 18.0,
            my - 10.0,
            mx + 22.0,
            my + 16.0,
            mx + 8.0,
            my - 28.0
        );
    } else if !underwater {
        let (sx, sy) = (dice.range(140.0, 880.0), dice.range(110.0, 190.0));
        s += &format!(
            r##"<circle cx="{sx:.0}" cy="{sy:.0}" r="190" fill="url(#glow)"/><circle cx="{sx:.0}" cy="{sy:.0}" r="70" fill="#ffe27a"/>"##
        );
        for _ in 0..3 {
            s += &cloud(
                dice.range(60.0, 960.0),
                dice.range(200.0, 380.0),
                dice.range(0.7, 1.3),
                "#ffffff",
                0.9,
            );
        }
    }
    s += &landscape(spec, &mut dice, night);
    // The hero and the companion, side by side on the ground line.
    let shift = dice.range(-60.0, 60.0);
    let ground = if underwater { 880.0 } else { 900.0 };
    s += &format!(
        r##"<ellipse cx="{:.0}" cy="{:.0}" rx="120" ry="20" fill="#000" fill-opacity="0.12"/>"##,
        420.0 + shift,
        ground
    );
    s += &hero(spec.look, ink, 420.0 + shift, ground, 1.25, spec.sleepy);
    s += &companion(
        spec.companion,
        ink,
        650.0 + shift,
        ground,
        1.35,
        spec.sleepy,
    );
    s += "</g>";
    if ink.sepia {
        s += r##"<rect width="1024" height="1024" fill="#d9b77e" fill-opacity="0.18"/><rect width="1024" height="1024" fill="url(#vignette)"/><rect x="18" y="18" width="988" height="988" rx="24" fill="none" stroke="#7a5235" stroke-width="10"/>"##;
    }
    if ink.bleed {
        for _ in 0..60 {
            s += &format!(
                r##"<circle cx="{:.0}" cy="{:.0}" r="{:.0}" fill="#ffffff" fill-opacity="0.08"/>"##,
                dice.range(0.0, 1024.0),
                dice.range(0.0, 1024.0),
                dice.range(10.0, 60.0)
            );
        }
    }
    s += "</svg>";
    s
}

pub(super) fn cloud(x: f32, y: f32, scale: f32, colour: &str, opacity: f32) -> String {
    format!(
        r##"<g transform="translate({x:.0} {y:.0}) scale({scale:.2})" fill="{colour}" fill-opacity="{opacity}"><ellipse cx="0" cy="0" rx="90" ry="38"/><circle cx="-40" cy="-18" r="36"/><circle cx="12" cy="-34" r="46"/><circle cx="56" cy="-12" r="32"/></g>"##
    )
}
