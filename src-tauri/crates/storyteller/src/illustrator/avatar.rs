//! Hero portraits in the five art styles: the same child as in the scenes, on a backdrop
//! that carries the style.

use super::figures::{companion, hero};
use super::look::{Ink, Look, hash};
use super::scene::{Dice, cloud};
use crate::scenery::CompanionKind;
use crate::{AvatarStyle, HeroDraft};

/// The portrait SVG for `hero` in `style` (deterministic).
pub(super) fn avatar_svg(hero_data: &HeroDraft, style: AvatarStyle) -> String {
    let look = Look::of(hero_data);
    let ink = Ink::of(style);
    let mut dice = Dice::new(hash(&format!("{}|{}", hero_data.name, style)));
    let mut s = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">"##,
    );
    s += &format!(
        r##"<defs><radialGradient id="bg" cx="0.5" cy="0.4" r="0.7"><stop offset="0" stop-color="{}"/><stop offset="1" stop-color="{}"/></radialGradient><radialGradient id="glow"><stop offset="0" stop-color="#fff7c2" stop-opacity="0.9"/><stop offset="1" stop-color="#fff7c2" stop-opacity="0"/></radialGradient></defs>"##,
        match style {
            AvatarStyle::PictureBook => "#fff3b0",
            AvatarStyle::Watercolor => "#fdf0f5",
            AvatarStyle::DigitalArt => "#a5b4fc",
            AvatarStyle::Animated3d => "#c7f9f1",
            AvatarStyle::ClassicStorybook => "#f5e6c8",
        },
        match style {
            AvatarStyle::PictureBook => "#ffb4a2",
            AvatarStyle::Watercolor => "#cde7f0",
            AvatarStyle::DigitalArt => "#5b3cc4",
            AvatarStyle::Animated3d => "#4ea8de",
            AvatarStyle::ClassicStorybook => "#d9b98c",
        }
    );
    s += r##"<rect width="1024" height="1024" fill="url(#bg)"/>"##;
    match style {
        AvatarStyle::PictureBook => {
            s += r##"<circle cx="512" cy="470" r="360" fill="#ffe066"/>"##;
            for _ in 0..30 {
                let c =
                    ["#ff6b6b", "#4dd0e1", "#b388ff", "#06d6a0"][(dice.next() * 4.0) as usize % 4];
                s += &format!(
                    r##"<rect x="{:.0}" y="{:.0}" width="16" height="8" rx="3" fill="{c}" transform="rotate({:.0} 0 0)"/>"##,
                    dice.range(40.0, 980.0),
                    dice.range(40.0, 980.0),
                    dice.range(-8.0, 8.0)
                );
            }
        }
        AvatarStyle::Watercolor => {
            s += r##"<g>"##;
            for _ in 0..9 {
                let c =
                    ["#ffc8dd", "#bde0fe", "#cdb4db", "#caffbf"][(dice.next() * 4.0) as usize % 4];
                s += &format!(
                    r##"<ellipse cx="{:.0}" cy="{:.0}" rx="{:.0}" ry="{:.0}" fill="{c}" fill-opacity="0.45"/>"##,
                    dice.range(100.0, 920.0),
                    dice.range(100.0, 900.0),
                    dice.range(120.0, 260.0),
                    dice.range(90.0, 200.0)
                );
            }
            s += "</g>";
        }
        AvatarStyle::DigitalArt => {
            for _ in 0..40 {
                let (x, y) = (dice.range(20.0, 1000.0), dice.range(20.0, 1000.0));
                s += &format!(
                    r##"<path d="M{x:.0} {:.0} l4 10 l10 4 l-10 4 l-4 10 l-4 -10 l-10 -4 l10 -4 Z" fill="#fff" fill-opacity="{:.2}"/>"##,
                    y - 14.0,
                    dice.range(0.4, 0.9)
                );
            }
            s += r##"<circle cx="512" cy="520" r="330" fill="none" stroke="#f0abfc" stroke-width="10" stroke-opacity="0.7"/>"##;
        }
        AvatarStyle::Animated3d => {
            s += r##"<ellipse cx="512" cy="1000" rx="420" ry="80" fill="#ffffff" fill-opacity="0.5"/>"##;
            s += &cloud(200.0, 220.0, 1.2, "#ffffff", 0.8);
            s += &cloud(820.0, 300.0, 0.9, "#ffffff", 0.8);
        }
        AvatarStyle::ClassicStorybook => {
            s += r##"<rect x="60" y="60" width="904" height="904" rx="30" fill="none" stroke="#8b5e3c" stroke-width="14"/><rect x="86" y="86" width="852" height="852" rx="20" fill="none" stroke="#8b5e3c" stroke-width="4"/>"##;
            for (x, y) in [(86.0, 86.0), (938.0, 86.0), (86.0, 938.0), (938.0, 938.0)] {
                s += &format!(r##"<circle cx="{x}" cy="{y}" r="22" fill="#c08552"/>"##);
            }
        }
    }
    s += r##"<ellipse cx="512" cy="985" rx="220" ry="26" fill="#000" fill-opacity="0.12"/>"##;
    s += "<g>";
    s += &hero(&look, &ink, 512.0, 985.0, 2.35, false);
    s += "</g>";
    // A tiny friend peeks in at the corner, so the hero is never alone.
    let friend = CompanionKind::ALL[(hash(&hero_data.name) % 8) as usize];
    s += &companion(friend, &ink, 850.0, 990.0, 0.9, false);
    if ink.sepia {
        s += r##"<rect width="1024" height="1024" fill="#d9b77e" fill-opacity="0.15"/>"##;
    }
    s += "</svg>";
    s
}
