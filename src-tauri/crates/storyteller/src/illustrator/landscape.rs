//! The event landscapes: hills, trees, houses, sea, clouds, space and their props, drawn
//! behind the hero and the companion. Positions vary with the scene's dice, so two scenes of
//! one story share a place without being copies.

use super::look::Ink;
use super::scene::{Dice, SceneSpec, cloud};
use crate::scenery::Landscape;

fn hills(s: &mut String, far: &str, near: &str, dice: &mut Dice) {
    let a = dice.range(560.0, 640.0);
    let b = dice.range(600.0, 700.0);
    *s += &format!(
        r##"<path d="M0 {a:.0} Q256 {:.0} 512 {b:.0} T1024 {:.0} V1024 H0 Z" fill="{far}"/>"##,
        a - 120.0,
        a - 30.0
    );
    *s += &format!(
        r##"<path d="M0 760 Q300 {:.0} 620 760 T1024 740 V1024 H0 Z" fill="{near}"/>"##,
        dice.range(660.0, 720.0)
    );
}

fn tree(x: f32, y: f32, scale: f32, leaf: &str, ink: &Ink) -> String {
    format!(
        r##"<g transform="translate({x:.0} {y:.0}) scale({scale:.2})"><rect x="-16" y="-120" width="32" height="120" rx="10" {}/><circle cx="0" cy="-170" r="80" {}/><circle cx="-55" cy="-130" r="50" {}/><circle cx="55" cy="-130" r="50" {}/></g>"##,
        ink.paint("#8b5e3c"),
        ink.paint(leaf),
        ink.paint(leaf),
        ink.paint(leaf)
    )
}

fn flowers(s: &mut String, dice: &mut Dice, n: usize, y0: f32) {
    for _ in 0..n {
        let (x, y) = (dice.range(20.0, 1004.0), dice.range(y0, 1010.0));
        let c = ["#ff8fab", "#ffd166", "#ffffff", "#c39bd3", "#8ecae6"]
            [(dice.next() * 5.0) as usize % 5];
        *s += &format!(
            r##"<circle cx="{x:.0}" cy="{y:.0}" r="9" fill="{c}"/><circle cx="{x:.0}" cy="{y:.0}" r="3.5" fill="#ffb703"/>"##
        );
    }
}

pub(super) fn landscape(spec: &SceneSpec<'_>, dice: &mut Dice, night: bool) -> String {
    let ink = &spec.ink;
    let mut s = String::new();
    let dim = |day: &'static str, dark: &'static str| if night { dark } else { day };
    match spec.visual.landscape {
        Landscape::Meadow | Landscape::Park => {
            hills(
                &mut s,
                dim("#9ad28a", "#3d6b5a"),
                dim("#7cc46d", "#2f5a4a"),
                dice,
            );
            s += &tree(
                dice.range(120.0, 220.0),
                770.0,
                1.3,
                dim("#5fae5a", "#2e5c45"),
                ink,
            );
            if spec.visual.landscape == Landscape::Park {
                s += &format!(
                    r##"<g stroke="#6b4a2f" stroke-width="8" fill="none"><path d="M760 560 L720 780 M900 560 L940 780 M750 560 H910"/><path d="M810 560 V700 M850 560 V700"/></g><rect x="800" y="700" width="60" height="12" rx="4" {}/>"##,
                    ink.paint("#e76f51")
                );
            }
            if night {
                for _ in 0..14 {
                    let (x, y) = (dice.range(60.0, 980.0), dice.range(520.0, 820.0));
                    s += &format!(
                        r##"<circle cx="{x:.0}" cy="{y:.0}" r="14" fill="url(#glow)"/><circle cx="{x:.0}" cy="{y:.0}" r="3.5" fill="#fff59d"/>"##
                    );
                }
            }
            flowers(&mut s, dice, 26, 780.0);
        }
        Landscape::Forest => {
            hills(
                &mut s,
                dim("#7fbf7a", "#2f5a4a"),
                dim("#6aa86a", "#284c40"),
                dice,
            );
            for i in 0..5 {
                let x = 60.0 + i as f32 * 230.0 + dice.range(-30.0, 30.0);
                s += &tree(
                    x,
                    760.0 - dice.range(0.0, 40.0),
                    dice.range(1.0, 1.5),
                    ["#4f9d69", "#3f8f5f", "#5fb37a"][i % 3],
                    ink,
                );
            }
            for _ in 0..7 {
                let (x, y) = (dice.range(40.0, 980.0), dice.range(820.0, 990.0));
                s += &format!(
                    r##"<circle cx="{x:.0}" cy="{:.0}" r="34" fill="url(#glow)"/><rect x="{:.0}" y="{:.0}" width="10" height="22" fill="#f5ebe0"/><path d="M{:.0} {:.0} q17 -28 34 0 z" {}/>"##,
                    y - 10.0,
                    x - 5.0,
                    y - 4.0,
                    x - 17.0,
                    y - 2.0,
                    ink.paint("#ff7f7f")
                );
            }
        }
        Landscape::School | Landscape::Castle | Landscape::Home => {
            hills(
                &mut s,
                dim("#a8d89a", "#3d6b5a"),
                dim("#8cc97d", "#2f5a4a"),
                dice,
            );
            let (x, y) = (dice.range(600.0, 700.0), 640.0);
            match spec.visual.landscape {
                Landscape::School => {
                    s += &format!(
                        r##"<rect x="{x:.0}" y="{y:.0}" width="300" height="200" {}/><path d="M{:.0} {y:.0} L{:.0} {:.0} L{:.0} {y:.0} Z" {}/><rect x="{:.0}" y="{:.0}" width="60" height="100" rx="28" {}/><rect x="{:.0}" y="{:.0}" width="60" height="50" rx="6" {}/><rect x="{:.0}" y="{:.0}" width="60" height="50" rx="6" {}/><circle cx="{:.0}" cy="{:.0}" r="16" {}/>"##,
                        ink.paint("#ffe0b2"),
                        x - 20.0,
                        x + 150.0,
                        y - 120.0,
                        x + 320.0,
                        ink.paint("#e76f51"),
                        x + 120.0,
                        y + 100.0,
                        ink.paint("#d62828"),
                        x + 30.0,
                        y + 50.0,
                        ink.paint("#bde0fe"),
                        x + 210.0,
                        y + 50.0,
                        ink.paint("#bde0fe"),
                        x + 150.0,
                        y - 50.0,
                        ink.paint("#ffd166")
                    );
                }
                Landscape::Castle => {
                    for (dx, h) in [(0.0, 260.0), (90.0, 200.0), (180.0, 260.0)] {
                        s += &format!(
                            r##"<rect x="{:.0}" y="{:.0}" width="90" height="{h}" {}/><path d="M{:.0} {:.0} l45 -70 l45 70 Z" {}/><path d="M{:.0} {:.0} v-50 l30 12 l-30 12" fill="#ff8fab" stroke="#6b4a2f" stroke-width="3"/>"##,
                            x + dx,
                            840.0 - h,
                            ink.paint("#e9d8c4"),
                            x + dx,
                            840.0 - h,
                            ink.paint("#7b9acc"),
                            x + dx + 45.0,
                            770.0 - h,
                        );
                    }
                    s += &format!(
                        r##"<circle cx="{:.0}" cy="720" r="30" {}/><path d="M{:.0} 720 v-18 M{:.0} 720 h14" stroke="#3d2c3e" stroke-width="4"/><rect x="{:.0}" y="770" width="50" height="70" rx="24" {}/>"##,
                        x + 135.0,
                        ink.paint("#fffdf0"),
                        x + 135.0,
                        x + 135.0,
                        x + 110.0,
                        ink.paint("#8b5e3c")
                    );
                }
                _ => {
                    s += &format!(
                        r##"<rect x="{x:.0}" y="{y:.0}" width="260" height="200" {}/><path d="M{:.0} {y:.0} L{:.0} {:.0} L{:.0} {y:.0} Z" {}/><rect x="{:.0}" y="{:.0}" width="30" height="60" {}/><rect x="{:.0}" y="{:.0}" width="60" height="56" rx="6" fill="#ffd66b"/><rect x="{:.0}" y="{:.0}" width="60" height="56" rx="6" fill="#ffd66b"/><rect x="{:.0}" y="{:.0}" width="56" height="90" rx="26" {}/>"##,
                        ink.paint("#f4d6b8"),
                        x - 20.0,
                        x + 130.0,
                        y - 130.0,
                        x + 280.0,
                        ink.paint("#b5654a"),
                        x + 190.0,
                        y - 110.0,
                        ink.paint("#b5654a"),
                        x + 30.0,
                        y + 40.0,
                        x + 170.0,
                        y + 40.0,
                        x + 102.0,
                        y + 110.0,
                        ink.paint("#6d597a")
                    );
                    s += &cloud(x + 205.0, y - 150.0, 0.35, "#ffffff", 0.6);
                }
            }
            s += &tree(
                dice.range(110.0, 200.0),
                780.0,
                1.1,
                dim("#5fae5a", "#2e5c45"),
                ink,
            );
            flowers(&mut s, dice, 18, 820.0);
        }
        Landscape::Party => {
            hills(&mut s, "#a8e6a1", "#8fd694", dice);
            s += r##"<path d="M0 300 Q512 420 1024 300" fill="none" stroke="#8d6e63" stroke-width="4"/>"##;
            for i in 0..12 {
                let x = 40.0 + i as f32 * 85.0;
                let y = 300.0 + 120.0 * (1.0 - ((x - 512.0) / 512.0).powi(2)) * 0.8;
                let c = ["#ff6b6b", "#ffd166", "#4dd0e1", "#b388ff"][i % 4];
                s += &format!(
                    r##"<path d="M{:.0} {:.0} l40 0 l-20 46 Z" fill="{c}"/>"##,
                    x - 20.0,
                    y
                );
            }
            for i in 0..5 {
                let (x, y) = (dice.range(80.0, 950.0), dice.range(380.0, 560.0));
                let c = ["#ff6b6b", "#ffd166", "#4dd0e1", "#b388ff", "#f78fb3"][i];
                s += &format!(
                    r##"<path d="M{x:.0} {:.0} q-12 60 6 130" fill="none" stroke="#777" stroke-width="2"/><ellipse cx="{x:.0}" cy="{y:.0}" rx="38" ry="48" {}/><ellipse cx="{:.0}" cy="{:.0}" rx="9" ry="14" fill="#fff" fill-opacity="0.5"/>"##,
                    y + 48.0,
                    ink.paint(c),
                    x - 12.0,
                    y - 16.0
                );
            }
            s += &format!(
                r##"<rect x="760" y="760" width="200" height="20" rx="6" {}/><rect x="800" y="680" width="120" height="80" rx="14" {}/><rect x="800" y="700" width="120" height="14" fill="#ff8fab"/><rect x="856" y="646" width="8" height="34" fill="#ffd166"/><circle cx="860" cy="640" r="8" fill="#ff9f1c"/>"##,
                ink.paint("#c9a27e"),
                ink.paint("#fff1e6")
            );
        }
        Landscape::RainyWindow => {
            s += &format!(
                r##"<rect width="1024" height="1024" fill="#f3e3d3"/><rect x="190" y="90" width="644" height="520" rx="20" {}/><rect x="220" y="120" width="584" height="460" fill="url(#sky)"/>"##,
                ink.paint("#b08968")
            );
            for _ in 0..70 {
                let (x, y) = (dice.range(230.0, 790.0), dice.range(130.0, 560.0));
                s += &format!(
                    r##"<path d="M{x:.0} {y:.0} l-6 20" stroke="#5fa8d3" stroke-width="3" stroke-linecap="round"/>"##
                );
            }
            s += &cloud(400.0, 200.0, 1.1, "#cfd8e3", 0.95);
            s += &cloud(650.0, 240.0, 0.9, "#cfd8e3", 0.95);
            s += &format!(
                r##"<path d="M512 120 V580 M220 350 H804" stroke="#b08968" stroke-width="14"/><rect x="0" y="760" width="1024" height="264" fill="#e0c3a3"/><ellipse cx="512" cy="900" rx="420" ry="70" fill="#c77dff" fill-opacity="0.35"/><path d="M80 820 L230 560 L380 820 Z" {}/><path d="M230 560 L230 820" stroke="#ffd166" stroke-width="6"/>"##,
                ink.paint("#ffafcc")
            );
        }
        Landscape::Snow => {
            hills(
                &mut s,
                dim("#eef4ff", "#9fb0d9"),
                dim("#ffffff", "#c9d4f0"),
                dice,
            );
            let x = dice.range(760.0, 860.0);
            s += &format!(
                r##"<path d="M{x:.0} 420 L{:.0} 760 L{:.0} 760 Z" {}/><path d="M{x:.0} 400 l14 28 l30 4 l-22 20 l6 30 l-28 -14 l-28 14 l6 -30 l-22 -20 l30 -4 Z" fill="#ffd166"/>"##,
                x - 150.0,
                x + 150.0,
                ink.paint("#2d6a4f")
            );
            for i in 0..8 {
                let (bx, by) = (x + dice.range(-90.0, 90.0), 520.0 + i as f32 * 28.0);
                s += &format!(
                    r##"<circle cx="{bx:.0}" cy="{by:.0}" r="11" fill="{}"/>"##,
                    ["#ff6b6b", "#ffd166", "#4dd0e1", "#f78fb3"][i % 4]
                );
            }
            for lx in [120.0, 300.0] {
                s += &format!(
                    r##"<rect x="{lx}" y="560" width="10" height="200" fill="#4a4e69"/><circle cx="{}" cy="550" r="60" fill="url(#glow)"/><rect x="{}" y="530" width="34" height="40" rx="8" fill="#ffe8a3" stroke="#4a4e69" stroke-width="4"/>"##,
                    lx + 5.0,
                    lx - 12.0
                );
            }
            for _ in 0..60 {
                s += &format!(
                    r##"<circle cx="{:.0}" cy="{:.0}" r="{:.1}" fill="#ffffff" fill-opacity="0.9"/>"##,
                    dice.range(0.0, 1024.0),
                    dice.range(0.0, 1000.0),
                    dice.range(2.0, 6.0)
                );
            }
        }
        Landscape::Sea => {
            for i in 0..5 {
                let x = 120.0 + i as f32 * 200.0;
                s += &format!(
                    r##"<path d="M{x:.0} 0 L{:.0} 0 L{:.0} 1024 L{:.0} 1024 Z" fill="#ffffff" fill-opacity="0.08"/>"##,
                    x + 60.0,
                    x + 180.0,
                    x + 40.0
                );
            }
            s += r##"<path d="M0 820 Q256 760 512 800 T1024 780 V1024 H0 Z" fill="#f2d7a6"/>"##;
            for i in 0..6 {
                let x = 60.0 + i as f32 * 180.0 + dice.range(-20.0, 20.0);
                let c = ["#ff7f9f", "#ffb347", "#c77dff"][i % 3];
                s += &format!(
                    r##"<path d="M{x:.0} 830 q-30 -90 0 -160 q30 70 0 160 M{x:.0} 830 q40 -70 70 -110" fill="none" stroke="{c}" stroke-width="16" stroke-linecap="round"/><path d="M{:.0} 840 q20 -120 -10 -220" fill="none" stroke="#2a9d8f" stroke-width="10" stroke-linecap="round"/>"##,
                    x + 90.0
                );
            }
            for _ in 0..6 {
                let (x, y) = (dice.range(80.0, 940.0), dice.range(180.0, 560.0));
                let c = ["#ffd166", "#ff8fab", "#4dd0e1"][(dice.next() * 3.0) as usize % 3];
                s += &format!(
                    r##"<g transform="translate({x:.0} {y:.0})"><ellipse rx="34" ry="20" {}/><path d="M30 0 l26 -18 v36 Z" {}/><circle cx="-16" cy="-4" r="4" fill="#2d2233"/></g>"##,
                    ink.paint(c),
                    ink.paint(c)
                );
            }
            for _ in 0..24 {
                s += &format!(
                    r##"<circle cx="{:.0}" cy="{:.0}" r="{:.0}" fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="3"/>"##,
                    dice.range(0.0, 1024.0),
                    dice.range(0.0, 800.0),
                    dice.range(5.0, 16.0)
                );
            }
            s += &format!(
                r##"<rect x="820" y="760" width="140" height="90" rx="10" {}/><path d="M820 770 q70 -60 140 0" {}/><rect x="880" y="780" width="20" height="24" fill="#ffd166"/>"##,
                ink.paint("#a0522d"),
                ink.paint("#8b4513")
            );
        }
        Landscape::Clouds | Landscape::Dream => {
            let dream = spec.visual.landscape == Landscape::Dream;
            if dream {
                for (x, y, r) in [(180.0, 180.0, 40.0), (860.0, 300.0, 26.0)] {
                    s += &format!(
                        r##"<circle cx="{x}" cy="{y}" r="{}" fill="url(#glow)"/><circle cx="{x}" cy="{y}" r="{r}" fill="#ffe9f3"/>"##,
                        r * 2.5
                    );
                }
                for (x, y) in [(260.0, 440.0), (780.0, 470.0)] {
                    s += &format!(
                        r##"<path d="M{:.0} {y:.0} h180 q-30 90 -90 110 q-60 -20 -90 -110 Z" {}/><ellipse cx="{x:.0}" cy="{y:.0}" rx="92" ry="18" {}/>"##,
                        x - 90.0,
                        ink.paint("#b8a1d9"),
                        ink.paint("#9be49b")
                    );
                    s += &tree(x, y, 0.45, "#f7a8c4", ink);
                }
            } else {
                let x = dice.range(620.0, 720.0);
                for (dx, h) in [(0.0, 300.0), (110.0, 380.0), (220.0, 300.0)] {
                    s += &format!(
                        r##"<rect x="{:.0}" y="{:.0}" width="100" height="{h}" rx="40" fill="#ffffff" fill-opacity="0.95"/><path d="M{:.0} {:.0} l50 -80 l50 80 Z" fill="#ffc8dd"/>"##,
                        x + dx,
                        760.0 - h,
                        x + dx,
                        760.0 - h
                    );
                }
            }
            for i in 0..7 {
                s += &cloud(
                    i as f32 * 170.0,
                    860.0 + (i % 2) as f32 * 40.0,
                    2.0,
                    "#ffffff",
                    0.97,
                );
            }
            for _ in 0..5 {
                s += &cloud(
                    dice.range(0.0, 1024.0),
                    dice.range(260.0, 420.0),
                    dice.range(0.5, 0.9),
                    "#ffffff",
                    0.8,
                );
            }
        }
        Landscape::Space => {
            s += &format!(
                r##"<circle cx="220" cy="300" r="90" {}/><ellipse cx="220" cy="300" rx="150" ry="30" fill="none" stroke="#ffd166" stroke-width="10" transform="rotate(-15 220 300)"/><circle cx="820" cy="520" r="50" {}/><circle cx="560" cy="200" r="28" {}/>"##,
                ink.paint("#ff9f9f"),
                ink.paint("#8ecae6"),
                ink.paint("#c39bd3")
            );
            s += &format!(
                r##"<g transform="translate(820 380) rotate(25)"><path d="M0 -110 q46 40 40 130 h-80 q-6 -90 40 -130 Z" {}/><circle cx="0" cy="-30" r="20" {}/><path d="M-40 20 l-30 40 h30 Z M40 20 l30 40 h-30 Z" {}/><path d="M-20 22 q20 70 40 0" fill="#ffb703"/></g>"##,
                ink.paint("#e9ecef"),
                ink.paint("#8ecae6"),
                ink.paint("#ef476f")
            );
            s += &format!(
                r##"<path d="M0 800 Q512 700 1024 800 V1024 H0 Z" {}/>"##,
                ink.paint("#b8b3d9")
            );
            for _ in 0..8 {
                s += &format!(
                    r##"<ellipse cx="{:.0}" cy="{:.0}" rx="{:.0}" ry="10" fill="#9d97c7"/>"##,
                    dice.range(40.0, 980.0),
                    dice.range(820.0, 1000.0),
                    dice.range(20.0, 50.0)
                );
            }
        }
        Landscape::Garden => {
            hills(&mut s, "#b5e48c", "#99d98c", dice);
            for i in 0..4 {
                let x = 90.0 + i as f32 * 280.0 + dice.range(-30.0, 30.0);
                let h = dice.range(380.0, 560.0);
                let c = ["#ff8fab", "#ffd166", "#c39bd3", "#ff9f1c"][i];
                s += &format!(
                    r##"<path d="M{x:.0} 1024 Q{:.0} {:.0} {x:.0} {:.0}" fill="none" stroke="#52b788" stroke-width="22"/>"##,
                    x + 40.0,
                    1024.0 - h / 2.0,
                    1024.0 - h
                );
                for k in 0..6 {
                    let a = k as f32 * std::f32::consts::PI / 3.0;
                    s += &format!(
                        r##"<ellipse cx="{:.0}" cy="{:.0}" rx="60" ry="34" transform="rotate({:.0} {:.0} {:.0})" {}/>"##,
                        x + a.cos() * 60.0,
                        1024.0 - h + a.sin() * 60.0,
                        a.to_degrees(),
                        x + a.cos() * 60.0,
                        1024.0 - h + a.sin() * 60.0,
                        ink.paint(c)
                    );
                }
                s += &format!(
                    r##"<circle cx="{x:.0}" cy="{:.0}" r="40" fill="#ffb703"/>"##,
                    1024.0 - h
                );
            }
            for _ in 0..10 {
                s += &format!(
                    r##"<circle cx="{:.0}" cy="{:.0}" r="12" fill="#e0fbfc" fill-opacity="0.8" stroke="#ffffff" stroke-width="2"/>"##,
                    dice.range(0.0, 1024.0),
                    dice.range(600.0, 1000.0)
                );
            }
        }
        Landscape::Mountains => {
            s += &format!(
                r##"<path d="M-40 720 L200 380 L420 720 Z" {}/><path d="M300 740 L600 300 L900 740 Z" {}/><path d="M700 740 L930 420 L1100 740 Z" {}/>"##,
                ink.paint(dim("#95d5b2", "#40916c")),
                ink.paint(dim("#74c69d", "#2d6a4f")),
                ink.paint(dim("#95d5b2", "#40916c"))
            );
            s += r##"<path d="M560 360 L600 300 L640 360 Q600 380 560 360 Z" fill="#ffffff"/>"##;
            if !night {
                s += r##"<g fill="none" stroke-width="18" stroke-opacity="0.75"><path d="M80 720 A440 440 0 0 1 960 720" stroke="#ff6b6b"/><path d="M98 720 A422 422 0 0 1 942 720" stroke="#ffd166"/><path d="M116 720 A404 404 0 0 1 924 720" stroke="#06d6a0"/><path d="M134 720 A386 386 0 0 1 906 720" stroke="#4cc9f0"/></g>"##;
            }
            s += &format!(
                r##"<path d="M0 760 Q512 690 1024 760 V1024 H0 Z" {}/><path d="M780 760 q80 -150 160 0 Z" fill="#4a4e69" fill-opacity="0.8"/>"##,
                ink.paint(dim("#80b918", "#2b9348"))
            );
            flowers(&mut s, dice, 18, 800.0);
        }
    }
    s
}
