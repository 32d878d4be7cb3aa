//! The hero and the companion animals as SVG groups, drawn around their feet so a scene can
//! place and scale them.

use super::look::{HairStyle, Ink, Look};
use crate::scenery::CompanionKind;

/// The hero standing at (`x`, `y`) (feet), `scale` 1 ≈ 300 px tall.
pub(super) fn hero(look: &Look, ink: &Ink, x: f32, y: f32, scale: f32, sleepy: bool) -> String {
    let p = |fill: &str| ink.paint(fill);
    let mut s = format!(r##"<g transform="translate({x} {y}) scale({scale})">"##);
    // Legs and shoes.
    s += &format!(
        r##"<rect x="-42" y="-100" width="34" height="96" rx="16" {}/>"##,
        p(look.trousers)
    );
    s += &format!(
        r##"<rect x="8" y="-100" width="34" height="96" rx="16" {}/>"##,
        p(look.trousers)
    );
    s += &format!(
        r##"<ellipse cx="-28" cy="-4" rx="26" ry="13" {}/><ellipse cx="28" cy="-4" rx="26" ry="13" {}/>"##,
        p("#5a4a6b"),
        p("#5a4a6b")
    );
    // Arms behind the body, hands.
    s += &format!(
        r##"<rect x="-88" y="-200" width="30" height="100" rx="15" transform="rotate(18 -73 -200)" {}/>"##,
        p(look.shirt)
    );
    s += &format!(
        r##"<rect x="58" y="-200" width="30" height="100" rx="15" transform="rotate(-18 73 -200)" {}/>"##,
        p(look.shirt)
    );
    s += &format!(
        r##"<circle cx="-100" cy="-108" r="17" {}/><circle cx="100" cy="-108" r="17" {}/>"##,
        p(look.skin),
        p(look.skin)
    );
    // Body (a soft tunic) and collar.
    s += &format!(
        r##"<path d="M-52 -205 Q0 -222 52 -205 L68 -92 Q0 -76 -68 -92 Z" {}/>"##,
        p(look.shirt)
    );
    s += r##"<path d="M-20 -210 Q0 -190 20 -210" fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="6" stroke-linecap="round"/>"##;
    s += r##"<path d="M0 -168 l7 14 l15 2 l-11 10 l3 15 l-14 -7 l-14 7 l3 -15 l-11 -10 l15 -2 Z" fill="#ffffff" fill-opacity="0.85"/>"##;
    // At bedtime the hero is wrapped in a starry blanket.
    if sleepy {
        s += &format!(
            r##"<path d="M-100 -214 Q0 -246 100 -214 Q120 -100 112 0 Q0 18 -112 0 Q-120 -100 -100 -214 Z" {}/>"##,
            p("#b8c0ff")
        );
        for (x, y) in [
            (-60, -170),
            (30, -190),
            (-20, -110),
            (60, -80),
            (-70, -50),
            (10, -40),
        ] {
            s += &format!(r##"<circle cx="{x}" cy="{y}" r="7" fill="#fff6c8"/>"##);
        }
    }
    // Neck and head.
    s += &format!(
        r##"<rect x="-14" y="-226" width="28" height="26" {}/>"##,
        p(look.skin)
    );
    if look.hair_style == HairStyle::Bob || look.hair_style == HairStyle::Pigtails {
        s += &format!(
            r##"<path d="M-78 -270 Q-84 -196 -46 -196 L46 -196 Q84 -196 78 -270 Z" {}/>"##,
            p(look.hair)
        );
    }
    if look.hair_style == HairStyle::Pigtails {
        s += &format!(
            r##"<circle cx="-86" cy="-250" r="26" {}/><circle cx="86" cy="-250" r="26" {}/>"##,
            p(look.hair),
            p(look.hair)
        );
        s += r##"<circle cx="-70" cy="-262" r="8" fill="#ff6f91"/><circle cx="70" cy="-262" r="8" fill="#ff6f91"/>"##;
    }
    s += &format!(r##"<circle cx="0" cy="-280" r="70" {}/>"##, p(look.skin));
    s += &format!(
        r##"<circle cx="-68" cy="-276" r="12" {}/><circle cx="68" cy="-276" r="12" {}/>"##,
        p(look.skin),
        p(look.skin)
    );
    // Hair on top.
    match look.hair_style {
        HairStyle::Curly => {
            for (cx, cy, r) in [
                (-52, -318, 26),
                (-24, -344, 28),
                (10, -350, 28),
                (42, -336, 26),
                (62, -306, 22),
                (-66, -290, 18),
            ] {
                s += &format!(
                    r##"<circle cx="{cx}" cy="{cy}" r="{r}" {}/>"##,
                    p(look.hair)
                );
            }
        }
        _ => {
            s += &format!(
                r##"<path d="M-72 -282 Q-76 -356 0 -356 Q76 -356 72 -282 Q40 -318 8 -304 Q-30 -322 -72 -282 Z" {}/>"##,
                p(look.hair)
            );
        }
    }
    // Face.
    if sleepy {
        s += r##"<path d="M-34 -282 Q-24 -272 -14 -282 M14 -282 Q24 -272 34 -282" fill="none" stroke="#3d2c3e" stroke-width="5" stroke-linecap="round"/>"##;
    } else {
        s += r##"<ellipse cx="-24" cy="-284" rx="9" ry="12" fill="#2d2233"/><ellipse cx="24" cy="-284" rx="9" ry="12" fill="#2d2233"/><circle cx="-21" cy="-288" r="3.5" fill="#fff"/><circle cx="27" cy="-288" r="3.5" fill="#fff"/>"##;
    }
    s += &format!(
        r##"<circle cx="-40" cy="-258" r="12" fill="{}" fill-opacity="0.45"/><circle cx="40" cy="-258" r="12" fill="{}" fill-opacity="0.45"/>"##,
        look.cheek, look.cheek
    );
    s += r##"<path d="M-18 -250 Q0 -234 18 -250" fill="none" stroke="#7a3b3b" stroke-width="5" stroke-linecap="round"/>"##;
    if look.glasses {
        s += r##"<g fill="none" stroke="#4b3b5b" stroke-width="4"><circle cx="-24" cy="-284" r="18"/><circle cx="24" cy="-284" r="18"/><path d="M-6 -286 L6 -286"/></g>"##;
    }
    if ink.shading {
        s +=
            r##"<ellipse cx="-26" cy="-318" rx="22" ry="12" fill="#ffffff" fill-opacity="0.35"/>"##;
    }
    s += "</g>";
    s
}

/// A companion sitting at (`x`, `y`) (feet), `scale` 1 ≈ 160 px tall; eyes closed when `sleepy`.
pub(super) fn companion(
    kind: CompanionKind,
    ink: &Ink,
    x: f32,
    y: f32,
    scale: f32,
    sleepy: bool,
) -> String {
    use CompanionKind::*;
    let p = |fill: &str| ink.paint(fill);
    let (body, belly) = match kind {
        Fox => ("#f28c38", "#fff3e0"),
        Owl => ("#a47551", "#f3e1c7"),
        Rabbit => ("#d9d4cf", "#fbf7f2"),
        Puppy => ("#d9a066", "#fff1dc"),
        Kitten => ("#9aa0a6", "#eef0f2"),
        BearCub => ("#8d5b3c", "#d8b08c"),
        Hedgehog => ("#8a6a4f", "#f1d9b5"),
        Duckling => ("#ffd84d", "#fff3b0"),
        Dragon => ("#7fd1ae", "#fff1a8"),
        Turtle => ("#6cbf84", "#d9f2c9"),
    };
    let mut s = format!(r##"<g transform="translate({x} {y}) scale({scale})">"##);
    // Tails and back parts first.
    match kind {
        Fox => {
            s += &format!(
                r##"<path d="M40 -30 Q120 -40 110 -110 Q80 -60 30 -60 Z" {}/><path d="M104 -96 Q116 -110 110 -120 Q96 -104 92 -92 Z" fill="#fff"/>"##,
                p(body)
            )
        }
        Kitten => {
            s += &format!(
                r##"<path d="M40 -20 Q110 -20 96 -100" fill="none" stroke="{body}" stroke-width="16" stroke-linecap="round"/>"##
            )
        }
        Puppy => {
            s += &format!(
                r##"<path d="M44 -40 Q86 -60 80 -90" fill="none" stroke="{body}" stroke-width="14" stroke-linecap="round"/>"##
            )
        }
        Rabbit => s += r##"<circle cx="52" cy="-30" r="18" fill="#ffffff"/>"##,
        Dragon => {
            s += &format!(
                r##"<path d="M40 -20 Q110 -10 120 -60 L100 -50 Q90 -30 40 -40 Z" {}/><path d="M-20 -110 Q-90 -170 -70 -90 Q-50 -110 -20 -90 Z" {}/><path d="M20 -110 Q90 -170 70 -90 Q50 -110 20 -90 Z" {}/>"##,
                p(body),
                p("#b7e9d2"),
                p("#b7e9d2")
            )
        }
        Hedgehog => {
            let mut spikes = String::from("M-70 -40");
            for i in 0..9 {
                let a = std::f32::consts::PI * (1.0 - i as f32 / 8.0);
                let (ox, oy) = (a.cos() * 86.0, -50.0 - a.sin() * 70.0);
                let (ix, iy) = ((a - 0.17).cos() * 62.0, -50.0 - (a - 0.17).sin() * 50.0);
                spikes += &format!(" L{ox:.0} {oy:.0} L{ix:.0} {iy:.0}");
            }
            spikes += " Z";
            s += &format!(r##"<path d="{spikes}" {}/>"##, p(body));
        }
        Turtle => {
            s += &format!(
                r##"<ellipse cx="0" cy="-46" rx="78" ry="50" {}/><path d="M-40 -70 L0 -86 L40 -70 L40 -34 L0 -20 L-40 -34 Z" fill="none" stroke="#5a4a2a" stroke-width="4"/>"##,
                p("#a07b4f")
            )
        }
        _ => {}
    }
    // Body.
    let (bw, bh) = match kind {
        Owl => (58.0, 70.0),
        Duckling => (46.0, 40.0),
        Turtle => (0.0, 0.0),
        Hedgehog => (52.0, 40.0),
        _ => (48.0, 56.0),
    };
    if bw > 0.0 {
        s += &format!(
            r##"<ellipse cx="0" cy="{}" rx="{bw}" ry="{bh}" {}/>"##,
            -bh,
            p(body)
        );
        s += &format!(
            r##"<ellipse cx="0" cy="{}" rx="{}" ry="{}" fill="{belly}" fill-opacity="0.95"/>"##,
            -bh * 0.8,
            bw * 0.55,
            bh * 0.6
        );
    }
    // Head position.
    let (hx, hy, hr) = match kind {
        Owl => (0.0, -118.0, 0.0),
        Duckling => (0.0, -104.0, 34.0),
        Turtle => (-84.0, -50.0, 28.0),
        Hedgehog => (-56.0, -44.0, 30.0),
        _ => (0.0, -124.0, 40.0),
    };
    // Ears and head extras behind the head.
    match kind {
        Fox | Kitten => {
            s += &format!(
                r##"<path d="M{} {} l-10 -46 l36 22 Z" {}/><path d="M{} {} l10 -46 l-36 22 Z" {}/>"##,
                hx - 26.0,
                hy - 14.0,
                p(body),
                hx + 26.0,
                hy - 14.0,
                p(body)
            )
        }
        Rabbit => {
            s += &format!(
                r##"<ellipse cx="{}" cy="{}" rx="12" ry="42" {}/><ellipse cx="{}" cy="{}" rx="12" ry="42" {}/><ellipse cx="{}" cy="{}" rx="5" ry="28" fill="#ffc1cc"/><ellipse cx="{}" cy="{}" rx="5" ry="28" fill="#ffc1cc"/>"##,
                hx - 16.0,
                hy - 60.0,
                p(body),
                hx + 16.0,
                hy - 60.0,
                p(body),
                hx - 16.0,
                hy - 60.0,
                hx + 16.0,
                hy - 60.0
            )
        }
        BearCub => {
            s += &format!(
                r##"<circle cx="{}" cy="{}" r="15" {}/><circle cx="{}" cy="{}" r="15" {}/>"##,
                hx - 30.0,
                hy - 30.0,
                p(body),
                hx + 30.0,
                hy - 30.0,
                p(body)
            )
        }
        Dragon => {
            s += &format!(
                r##"<path d="M{} {} l-6 -30 l16 18 Z" {}/><path d="M{} {} l6 -30 l-16 18 Z" {}/>"##,
                hx - 16.0,
                hy - 30.0,
                p("#ffe08a"),
                hx + 16.0,
                hy - 30.0,
                p("#ffe08a")
            )
        }
        Owl => {
            s += &format!(
                r##"<path d="M-44 -128 l-8 -40 l30 24 Z" {}/><path d="M44 -128 l8 -40 l-30 24 Z" {}/>"##,
                p(body),
                p(body)
            )
        }
        _ => {}
    }
    if hr > 0.0 {
        s += &format!(r##"<circle cx="{hx}" cy="{hy}" r="{hr}" {}/>"##, p(body));
    }
    match kind {
        Puppy => {
            s += &format!(
                r##"<ellipse cx="{}" cy="{}" rx="14" ry="30" transform="rotate(20 {} {})" {}/><ellipse cx="{}" cy="{}" rx="14" ry="30" transform="rotate(-20 {} {})" {}/>"##,
                hx - 38.0,
                hy + 4.0,
                hx - 38.0,
                hy + 4.0,
                p("#8d5b3c"),
                hx + 38.0,
                hy + 4.0,
                hx + 38.0,
                hy + 4.0,
                p("#8d5b3c")
            )
        }
        Fox => {
            s += &format!(
                r##"<path d="M{} {} Q{} {} {} {} Q{} {} {} {} Z" fill="#fff"/>"##,
                hx - 30.0,
                hy + 6.0,
                hx,
                hy + 46.0,
                hx + 30.0,
                hy + 6.0,
                hx,
                hy + 20.0,
                hx - 30.0,
                hy + 6.0
            )
        }
        BearCub => {
            s += &format!(
                r##"<ellipse cx="{hx}" cy="{}" rx="18" ry="13" fill="{belly}"/>"##,
                hy + 14.0
            )
        }
        _ => {}
    }
    // Eyes, beak or nose, cheeks.
    let eye = if kind == Owl { 16.0 } else { 7.0 };
    let (ex, ey) = (if kind == Owl { 22.0 } else { 14.0 }, hy - 4.0);
    if kind == Owl {
        s += &format!(
            r##"<circle cx="-{ex}" cy="{ey}" r="24" fill="#fff8e7"/><circle cx="{ex}" cy="{ey}" r="24" fill="#fff8e7"/>"##
        );
    }
    if sleepy {
        for cx in [hx - ex, hx + ex] {
            s += &format!(
                r##"<path d="M{} {ey} q{eye} {eye} {} 0" fill="none" stroke="#2d2233" stroke-width="3.5" stroke-linecap="round"/>"##,
                cx - eye,
                eye * 2.0
            );
        }
    } else {
        s += &format!(
            r##"<circle cx="{}" cy="{ey}" r="{eye}" fill="#2d2233"/><circle cx="{}" cy="{ey}" r="{eye}" fill="#2d2233"/>"##,
            hx - ex,
            hx + ex
        );
        s += &format!(
            r##"<circle cx="{}" cy="{}" r="2.5" fill="#fff"/><circle cx="{}" cy="{}" r="2.5" fill="#fff"/>"##,
            hx - ex + 2.0,
            ey - 3.0,
            hx + ex + 2.0,
            ey - 3.0
        );
    }
    match kind {
        Owl | Duckling => {
            s += &format!(
                r##"<path d="M{} {} l10 12 l10 -12 Z" fill="#ff9f1c"/>"##,
                hx - 10.0,
                ey + 12.0
            )
        }
        _ => {
            s += &format!(
                r##"<ellipse cx="{hx}" cy="{}" rx="6" ry="4.5" fill="#3d2c3e"/><path d="M{} {} Q{hx} {} {} {}" fill="none" stroke="#3d2c3e" stroke-width="3" stroke-linecap="round"/>"##,
                ey + 14.0,
                hx - 8.0,
                ey + 22.0,
                ey + 28.0,
                hx + 8.0,
                ey + 22.0
            )
        }
    }
    s += &format!(
        r##"<circle cx="{}" cy="{}" r="7" fill="#ff9e9e" fill-opacity="0.5"/><circle cx="{}" cy="{}" r="7" fill="#ff9e9e" fill-opacity="0.5"/>"##,
        hx - ex - 10.0,
        ey + 16.0,
        hx + ex + 10.0,
        ey + 16.0
    );
    if kind == Kitten {
        s += &format!(
            r##"<path d="M{} {} l-26 -4 M{} {} l-26 4 M{} {} l26 -4 M{} {} l26 4" stroke="#5a5a5a" stroke-width="2"/>"##,
            hx - 12.0,
            ey + 16.0,
            hx - 12.0,
            ey + 20.0,
            hx + 12.0,
            ey + 16.0,
            hx + 12.0,
            ey + 20.0
        );
    }
    s += "</g>";
    s
}
