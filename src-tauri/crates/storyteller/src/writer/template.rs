//! Fills a sentence template for one hero, companion and event.
//!
//! Placeholders: `{N}` hero name, `{C}` companion name, `{CK}` companion kind ("a little fox"),
//! `{P}`/`{Pc}` subject pronoun (lower/capitalised), `{O}` object pronoun, `{POS}`/`{POSc}`
//! possessive, `{SELF}` reflexive, `{was}`/`{has}` English verbs that agree with the pronoun,
//! `{A1}`/`{A2}` trait adjectives, `{T1}`/`{T2}` trait nouns, `{PLACE_IN}`, `{ET}`,
//! `{ABILITY}`, `{LOOK}`, `{TITLE}`, `{DESC}`, `{KWS}`, the companion's body `{CPAW}`, `{CPAWS}`, `{CWALK}`,
//! `{CCURL}`, the custom event's key phrase `{SEED}` and wish `{GOAL}`, and `{g:masc|fem|neutral}` which picks
//! by the hero's grammatical gender (nested placeholders allowed inside the alternatives);
//! `{r:one|two|three}` picks one variant per story (seeded), so one template reads many ways.
//! In languages other than English a neutral hero's pronoun is replaced by the name (the texts
//! mostly need none: they name the hero once a sentence, see `repetition`), and
//! templates with adjectives are not used for a neutral hero (see `needs_gender`).

use crate::{Language, Pronouns};

/// Everything a template can refer to.
#[derive(Debug, Clone, Default)]
pub(super) struct Slots {
    pub language: Option<Language>,
    pub pronouns: Option<Pronouns>,
    pub name: String,
    pub companion: String,
    pub companion_kind: String,
    pub adj1: String,
    pub adj2: String,
    pub noun1: String,
    pub noun2: String,
    pub place_in: String,
    pub event_title: String,
    pub ability: String,
    pub look: String,
    pub title: String,
    pub description: String,
    pub keywords: String,
    pub companion_paw: String,
    pub companion_paws: String,
    pub companion_walk: String,
    pub companion_curl: String,
    pub seed: String,
    pub goal: String,
    /// Picks among `{r:…|…}` variants; drawn once per story.
    pub variant: u64,
}

impl Slots {
    fn gender(&self) -> usize {
        match self.pronouns {
            Some(Pronouns::He) => 0,
            Some(Pronouns::She) => 1,
            Some(Pronouns::They) | None => 2,
        }
    }

    fn english(&self) -> bool {
        matches!(self.language, Some(Language::En) | None)
    }

    fn pronoun(&self, key: &str) -> String {
        let g = self.gender();
        if self.english() {
            let forms: [&str; 3] = match key {
                "P" => ["he", "she", "they"],
                "Pc" => ["He", "She", "They"],
                "O" => ["him", "her", "them"],
                "POS" => ["his", "her", "their"],
                "POSc" => ["His", "Her", "Their"],
                "SELF" => ["himself", "herself", "themself"],
                "was" => ["was", "was", "were"],
                "has" => ["has", "has", "have"],
                _ => return String::new(),
            };
            return forms[g].to_string();
        }
        let forms: [&str; 2] = match (self.language, key) {
            (Some(Language::Fr), "P") => ["il", "elle"],
            (Some(Language::Fr), "Pc") => ["Il", "Elle"],
            (Some(Language::Es), "P") => ["él", "ella"],
            (Some(Language::Es), "Pc") => ["Él", "Ella"],
            (Some(Language::De), "P") => ["er", "sie"],
            (Some(Language::De), "Pc") => ["Er", "Sie"],
            (Some(Language::It), "P") => ["lui", "lei"],
            (Some(Language::It), "Pc") => ["Lui", "Lei"],
            _ => return String::new(),
        };
        if g == 2 {
            self.name.clone()
        } else {
            forms[g].to_string()
        }
    }

    fn value(&self, key: &str) -> Option<String> {
        let v = match key {
            "N" => self.name.clone(),
            "C" => self.companion.clone(),
            "CK" => self.companion_kind.clone(),
            "A1" => self.adj1.clone(),
            "A2" => self.adj2.clone(),
            "T1" => self.noun1.clone(),
            "T2" => self.noun2.clone(),
            "PLACE_IN" => self.place_in.clone(),
            "ET" => self.event_title.clone(),
            "ABILITY" => self.ability.clone(),
            "LOOK" => self.look.clone(),
            "TITLE" => self.title.clone(),
            "DESC" => self.description.clone(),
            "KWS" => self.keywords.clone(),
            "CPAW" => self.companion_paw.clone(),
            "CPAWS" => self.companion_paws.clone(),
            "CWALK" => self.companion_walk.clone(),
            "CCURL" => self.companion_curl.clone(),
            "SEED" => self.seed.clone(),
            "GOAL" => self.goal.clone(),
            "P" | "Pc" | "O" | "POS" | "POSc" | "SELF" | "was" | "has" => self.pronoun(key),
            _ => return None,
        };
        Some(v)
    }

    /// True when `template` cannot be written gender-free for this hero.
    pub(super) fn unusable(&self, template: &str) -> bool {
        !self.english()
            && self.gender() == 2
            && (template.contains("{A1}") || template.contains("{A2}"))
    }
}

/// Fills `template` and applies the language's small sound rules (English "an", French
/// elision before a vowel-initial name, Spanish "e" before an i-sound); unknown placeholders
/// are left as they are (tests catch them).
pub(super) fn fill(template: &str, slots: &Slots) -> String {
    polish(&fill_raw(template, slots, template), slots)
}

fn polish(text: &str, slots: &Slots) -> String {
    let vowel = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| "AEIOUYÉÈÂÎaeiouyéèâîHh".contains(c))
    };
    let mut out = text.to_string();
    match slots.language {
        Some(Language::Fr) => {
            for name in [&slots.name, &slots.companion] {
                if !name.is_empty() && vowel(name) {
                    for (from, to) in [("de", "d'"), ("que", "qu'"), ("De", "D'"), ("Que", "Qu'")] {
                        out = out.replace(&format!("{from} {name}"), &format!("{to}{name}"));
                    }
                }
            }
        }
        Some(Language::Es) => {
            for name in [&slots.name, &slots.companion] {
                let i_sound = name.starts_with(['I', 'Í', 'i'])
                    || (name.starts_with(['H', 'h']) && name[1..].starts_with(['i', 'í']));
                if i_sound && !name.is_empty() {
                    out = out.replace(&format!(" y {name}"), &format!(" e {name}"));
                }
            }
        }
        Some(Language::En) | None => {
            for article in ["a", "A"] {
                let mut fixed = String::with_capacity(out.len());
                let mut rest = out.as_str();
                let pattern = format!("{article} ");
                while let Some(at) = rest.find(&pattern) {
                    let boundary = at == 0 || !rest[..at].ends_with(char::is_alphanumeric);
                    let next = &rest[at + pattern.len()..];
                    fixed.push_str(&rest[..at]);
                    fixed.push_str(article);
                    if boundary && next.starts_with(['a', 'e', 'i', 'o', 'A', 'E', 'I', 'O']) {
                        fixed.push('n');
                    }
                    fixed.push(' ');
                    rest = next;
                }
                fixed.push_str(rest);
                out = fixed;
            }
        }
        Some(Language::De) => {
            // Genitive of a name that already ends in an s-sound: "Max’ Hut", not "Maxs Hut".
            for name in [&slots.name, &slots.companion] {
                if name.ends_with(['s', 'S', 'ß', 'x', 'X', 'z', 'Z']) {
                    let wrong = format!("{name}s");
                    let mut fixed = String::with_capacity(out.len());
                    let mut rest = out.as_str();
                    while let Some(at) = rest.find(&wrong) {
                        let after = &rest[at + wrong.len()..];
                        fixed.push_str(&rest[..at]);
                        if after.starts_with(char::is_alphanumeric) {
                            fixed.push_str(&wrong);
                        } else {
                            fixed.push_str(name);
                            fixed.push('’');
                        }
                        rest = after;
                    }
                    fixed.push_str(rest);
                    out = fixed;
                }
            }
        }
        Some(Language::It) => {
            // "ad Anna", "ed Emma": the euphonic d before the same vowel.
            for name in [&slots.name, &slots.companion] {
                for (from, to, vowels) in [("a ", "ad ", ['A', 'a']), ("e ", "ed ", ['E', 'e'])] {
                    if !name.starts_with(vowels) {
                        continue;
                    }
                    out = out.replace(&format!(" {from}{name}"), &format!(" {to}{name}"));
                    out = out.replace(&format!("«{from}{name}"), &format!("«{to}{name}"));
                    let capital = |w: &str| w[..1].to_uppercase() + &w[1..];
                    let (from, to) = (capital(from), capital(to));
                    if let Some(rest) = out.strip_prefix(&format!("{from}{name}")) {
                        out = format!("{to}{name}{rest}");
                    }
                    out = out.replace(&format!(". {from}{name}"), &format!(". {to}{name}"));
                }
            }
        }
    }
    out
}

/// The placeholders of `template` that `fill` does not know, as written ("{NAME}"), and an
/// unclosed brace as "{" (the content check reports them with the file and the id).
pub(super) fn unknown_placeholders(template: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = template;
    let slots = Slots::default();
    while let Some(open) = rest.find('{') {
        let Some(close) = matching_brace(&rest[open..]) else {
            unknown.push("{".to_string());
            break;
        };
        let inner = &rest[open + 1..open + close];
        if let Some(parts) = inner
            .strip_prefix("r:")
            .or_else(|| inner.strip_prefix("g:"))
        {
            for part in split_top_level(parts) {
                unknown.extend(unknown_placeholders(part));
            }
        } else if slots.value(inner).is_none() {
            unknown.push(format!("{{{inner}}}"));
        }
        rest = &rest[open + close + 1..];
    }
    unknown
}

/// `salt` is the whole template, so equal variant lists in different templates choose apart.
fn fill_raw(template: &str, slots: &Slots, salt: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = matching_brace(&rest[open..]) else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &rest[open + 1..open + close];
        if let Some(variants) = inner.strip_prefix("r:") {
            let parts = split_top_level(variants);
            let at = variant_index(slots.variant ^ text_hash(salt), variants, parts.len());
            out.push_str(&fill_raw(parts[at], slots, salt));
        } else if let Some(alternatives) = inner.strip_prefix("g:") {
            let parts = split_top_level(alternatives);
            let chosen = parts
                .get(slots.gender())
                .or(parts.last())
                .copied()
                .unwrap_or("");
            out.push_str(&fill_raw(chosen, slots, salt));
        } else if let Some(value) = slots.value(inner) {
            out.push_str(&value);
        } else {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Which of `n` variants of `text` this story uses: a hash of the story's variant seed and
/// the text, so every template varies independently and the same seed always reads the same.
fn variant_index(variant: u64, text: &str, n: usize) -> usize {
    let mut hash = (variant ^ text_hash(text)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    hash ^= hash >> 31;
    (hash % n.max(1) as u64) as usize
}

fn text_hash(text: &str) -> u64 {
    crate::contract::hash::fnv1a(text.as_bytes())
}

fn matching_brace(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn split_top_level(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(language: Language, pronouns: Option<Pronouns>) -> Slots {
        Slots {
            language: Some(language),
            pronouns,
            name: "Luna".into(),
            ..Slots::default()
        }
    }

    #[test]
    fn gender_alternatives_and_pronouns_agree() {
        let t = "{Pc} {g:était fatigué|était fatiguée|sentait venir le sommeil}.";
        assert_eq!(
            fill(t, &slots(Language::Fr, Some(Pronouns::She))),
            "Elle était fatiguée."
        );
        assert_eq!(
            fill(t, &slots(Language::Fr, Some(Pronouns::He))),
            "Il était fatigué."
        );
        assert_eq!(
            fill(t, &slots(Language::Fr, None)),
            "Luna sentait venir le sommeil."
        );
        let en = "{Pc} {was} sure of {SELF}.";
        assert_eq!(
            fill(en, &slots(Language::En, Some(Pronouns::They))),
            "They were sure of themself."
        );
    }

    #[test]
    fn sound_rules_fix_articles_and_elision() {
        let mut en = slots(Language::En, None);
        en.adj1 = "adventurous".into();
        assert_eq!(
            fill("She was a {A1} child, a hero.", &en),
            "She was an adventurous child, a hero."
        );
        let mut fr = slots(Language::Fr, None);
        fr.name = "Emma".into();
        assert_eq!(
            fill("La main de {N} et ce que {N} voit.", &fr),
            "La main d'Emma et ce qu'Emma voit."
        );
        let mut es = slots(Language::Es, None);
        es.name = "Inés".into();
        assert_eq!(fill("Pip y {N} juegan.", &es), "Pip e Inés juegan.");
        let mut de = slots(Language::De, None);
        de.name = "Max".into();
        de.companion = "Moss".into();
        assert_eq!(
            fill("{N}s Hut, {C}s Pfote und {N}sonne.", &de),
            "Max’ Hut, Moss’ Pfote und Maxsonne."
        );
        let mut it = slots(Language::It, None);
        it.name = "Anna".into();
        it.companion = "Emma".into();
        assert_eq!(
            fill("Disse a {N} e {C}. A {N} piaceva.", &it),
            "Disse ad Anna ed Emma. Ad Anna piaceva."
        );
    }

    #[test]
    fn nested_placeholders_inside_alternatives_are_filled() {
        let t = "{g:sein|ihr|{N}s} Herz";
        assert_eq!(fill(t, &slots(Language::De, None)), "Lunas Herz");
        assert_eq!(
            fill(t, &slots(Language::De, Some(Pronouns::She))),
            "ihr Herz"
        );
    }

    #[test]
    fn adjective_templates_are_unusable_for_neutral_heroes_outside_english() {
        assert!(slots(Language::Fr, None).unusable("{N} était {A1}."));
        assert!(!slots(Language::En, None).unusable("{N} was {A1}."));
        assert!(!slots(Language::Fr, Some(Pronouns::She)).unusable("{N} était {A1}."));
    }
}
