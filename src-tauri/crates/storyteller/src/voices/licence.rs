//! What a voice's licence allows. Piper's catalogue has no licence field: the licence is read
//! from the voice's model card (`* License: CC0`), or from our catalogue's own `licence` field,
//! or from a short list of voices whose dataset licence is well known. A voice that is not
//! openly licensed is never bundled with the app, and the catalogue offers open ones first.

use serde::{Deserialize, Serialize};

/// How freely a voice may be used and shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Openness {
    /// Public domain, CC0, CC BY(-SA), MIT, Apache: may be redistributed.
    Open,
    /// Non-commercial or research-only: a family may use it, the app never ships it.
    Restricted,
    /// The licence could not be read: treated as restricted.
    Unknown,
}

impl Openness {
    /// Sort rank: open first.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Openness::Open => 0,
            Openness::Unknown => 1,
            Openness::Restricted => 2,
        }
    }
}

/// A voice's licence as shown in Settings → Voices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Licence {
    /// As written, e.g. `CC0` or `CC BY-NC-SA 4.0`.
    pub name: String,
    /// What it allows.
    pub openness: Openness,
}

impl Licence {
    /// A licence nobody could read.
    pub fn unknown() -> Licence {
        Licence {
            name: "unknown (see the model card)".into(),
            openness: Openness::Unknown,
        }
    }

    /// Classifies a licence name.
    pub fn named(name: &str) -> Licence {
        let lower = name.to_ascii_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        let restricted = has("nc")
            || lower.contains("non-commercial")
            || lower.contains("noncommercial")
            || lower.contains("research")
            || has("nd");
        let open = has("cc0")
            || lower.contains("public domain")
            || has("mit")
            || has("apache")
            || (has("cc") && has("by"))
            || lower.starts_with("cc-by")
            || has("unlicense");
        let openness = if restricted {
            Openness::Restricted
        } else if open {
            Openness::Open
        } else {
            Openness::Unknown
        };
        Licence {
            name: name.trim().to_string(),
            openness,
        }
    }

    /// The licence stated in a Piper model card (`* License: CC0`), or unknown.
    pub fn from_model_card(card: &str) -> Licence {
        card.lines()
            .find_map(|line| {
                let line = line.trim().trim_start_matches(['*', '-', ' ']);
                let (label, value) = line.split_once(':')?;
                let label = label.trim().to_ascii_lowercase();
                (label == "license" || label == "licence")
                    .then(|| value.trim())
                    .filter(|v| !v.is_empty())
                    .map(Licence::named)
            })
            .unwrap_or_else(Licence::unknown)
    }

    /// Whether the app may ship this voice to others.
    pub fn redistributable(&self) -> bool {
        self.openness == Openness::Open
    }
}

/// Voices whose dataset licence is well known (their model cards say so too).
pub(crate) fn known(key: &str) -> Option<Licence> {
    let name = key.split('-').nth(1)?;
    let licence = match name {
        "joe" => "CC0",
        "ljspeech" => "Public Domain",
        "libritts" | "libritts_r" => "CC BY 4.0",
        _ => return None,
    };
    Some(Licence::named(licence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licences_are_read_from_model_cards_and_classified() {
        let card = "# Model card for joe (medium)\n\n* Language: en_US\n\n## Dataset\n\n* URL: https://x\n* License: CC0\n";
        let joe = Licence::from_model_card(card);
        assert_eq!((joe.name.as_str(), joe.openness), ("CC0", Openness::Open));
        assert!(joe.redistributable());
        for (name, openness) in [
            ("CC BY 4.0", Openness::Open),
            ("CC-BY-SA-4.0", Openness::Open),
            ("Public Domain", Openness::Open),
            ("MIT", Openness::Open),
            ("CC BY-NC-SA 4.0", Openness::Restricted),
            ("Creative Commons non-commercial", Openness::Restricted),
            ("See URL", Openness::Unknown),
        ] {
            assert_eq!(Licence::named(name).openness, openness, "{name}");
        }
        assert_eq!(
            Licence::from_model_card("no licence here").openness,
            Openness::Unknown
        );
        assert!(!Licence::unknown().redistributable());
        assert_eq!(known("en_US-joe-medium").unwrap().openness, Openness::Open);
    }
}
