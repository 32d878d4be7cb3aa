//! The story content as data: every language's sentences, read from the TOML files under the
//! crate's `content/` folder, embedded at compile time and parsed once.
//!
//! `content/<kind>.toml` is the catalogue of one kind of content: the ids of each pool in the
//! order a story shuffles them (the order is part of what a seed means) and each item's tags
//! (`needs`, `place`), once for every language; `content/<language>/<kind>.toml` tells each item
//! in that language under the same id, so no list is linked to another by position.
//! `content/<language>/words.toml` holds the word lists that are not translations of one another.
//! Loading checks every catalogue id against every language, every placeholder, every tag and
//! every key nobody reads; `tests::the_content_is_complete_in_every_language` fails naming the
//! file, the id and what is wrong. A problem never stops a story: the item is left out.

use std::collections::HashSet;
use std::sync::LazyLock;

use toml::{Table, Value};

use super::lexicon::{EventWords, Item, Lexicon, Pool, TraitWords, Words};
use super::needs::{ANY, NAMES, NONE, Need};
use super::template::unknown_placeholders;
use crate::scenery::{CompanionKind, Landscape};
use crate::{BuiltInEvent, EventTone, Language, Trait};

/// One file of content, embedded: the kind of content and its text.
type Embedded = (&'static str, &'static str);

macro_rules! embed {
    ($dir:literal, $($kind:literal),+) => {
        [$(($kind, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/content/", $dir, $kind, ".toml")))),+]
    };
}

/// The catalogues: ids, order and tags, for every language.
const CATALOGUES: [Embedded; 8] = embed!(
    "",
    "openings",
    "scenery",
    "companions",
    "acts",
    "moments",
    "events",
    "endings",
    "custom"
);

macro_rules! language {
    ($language:expr, $dir:literal) => {
        (
            $language,
            embed!(
                $dir,
                "openings",
                "scenery",
                "companions",
                "acts",
                "moments",
                "events",
                "endings",
                "custom",
                "words"
            ),
        )
    };
}

/// Every story language's files: one line registers a language.
const LANGUAGES: [(Language, [Embedded; 9]); 5] = [
    language!(Language::En, "en/"),
    language!(Language::Fr, "fr/"),
    language!(Language::Es, "es/"),
    language!(Language::De, "de/"),
    language!(Language::It, "it/"),
];

/// A parsed file and the name problems are reported under.
struct File {
    name: String,
    table: Table,
}

/// The parsed files; the texts of every `Lexicon` borrow from them.
struct Files {
    catalogues: Vec<(&'static str, File)>,
    languages: Vec<(Language, Vec<(&'static str, File)>)>,
    problems: Vec<String>,
}

static FILES: LazyLock<Files> = LazyLock::new(|| {
    let mut problems = Vec::new();
    let mut parse = |dir: &str, (kind, text): Embedded| {
        let name = format!("content/{dir}{kind}.toml");
        let table = text.parse::<Table>().unwrap_or_else(|e| {
            problems.push(format!("{name}: not valid TOML: {e}"));
            Table::new()
        });
        (kind, File { name, table })
    };
    let catalogues = CATALOGUES.iter().map(|e| parse("", *e)).collect();
    let languages = LANGUAGES
        .iter()
        .map(|(language, files)| {
            let dir = format!("{}/", language.id());
            (*language, files.iter().map(|e| parse(&dir, *e)).collect())
        })
        .collect();
    Files {
        catalogues,
        languages,
        problems,
    }
});

/// What a built-in event looks like, for illustration prompts and the offline illustrator.
#[derive(Debug, Clone)]
pub(crate) struct EventLook {
    pub landscape: Landscape,
    pub night: bool,
    /// The English description of the picture.
    pub picture: &'static str,
    /// The companions that fit the event.
    pub companions: Vec<CompanionKind>,
}

/// Everything loaded, and what was wrong with it.
struct Content {
    lexicons: Vec<(Language, Lexicon)>,
    looks: Vec<EventLook>,
    #[cfg_attr(not(test), allow(dead_code))]
    problems: Vec<String>,
}

static CONTENT: LazyLock<Content> = LazyLock::new(|| {
    let files = &*FILES;
    let mut loader = Loader {
        language: Language::En,
        problems: files.problems.clone(),
        read: HashSet::new(),
    };
    let looks = BuiltInEvent::ALL
        .iter()
        .map(|e| loader.look(files, *e))
        .collect();
    let lexicons = files
        .languages
        .iter()
        .map(|(language, own)| {
            loader.language = *language;
            (*language, loader.lexicon(files, own))
        })
        .collect();
    loader.unread(files);
    for problem in &loader.problems {
        tracing::error!("story content: {problem}");
    }
    Content {
        lexicons,
        looks,
        problems: loader.problems,
    }
});

/// One language's story grammar.
pub(super) fn lexicon(language: Language) -> &'static Lexicon {
    let lexicons = &CONTENT.lexicons;
    lexicons
        .iter()
        .find(|(l, _)| *l == language)
        .or(lexicons.first())
        .map(|(_, lex)| lex)
        .expect("the content registers at least one language")
}

/// How a built-in event looks.
pub(crate) fn event_look(event: BuiltInEvent) -> &'static EventLook {
    let at = BuiltInEvent::ALL
        .iter()
        .position(|e| *e == event)
        .unwrap_or(0);
    &CONTENT.looks[at]
}

/// Everything wrong with the content: "file: where — what" (empty when it is complete).
#[cfg(test)]
pub(super) fn problems() -> &'static [String] {
    &CONTENT.problems
}

/// A catalogue entry: an id and its tags.
struct Entry {
    id: &'static str,
    needs: Need,
    outdoors: bool,
    daylight: bool,
    /// The languages that tell it, when not all of them do (`only = ["es", "it"]`).
    only: Vec<&'static str>,
}

struct Loader {
    /// The language whose files are being read.
    language: Language,
    problems: Vec<String>,
    /// (file, dotted path) of every key the writer reads.
    read: HashSet<(String, String)>,
}

fn lookup<'a>(table: &'a Table, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut value = table.get(parts.next()?)?;
    for part in parts {
        value = value.as_table()?.get(part)?;
    }
    Some(value)
}

fn file<'a>(files: &'a [(&'static str, File)], kind: &str) -> &'a File {
    &files
        .iter()
        .find(|(k, _)| *k == kind)
        .expect("every kind is embedded")
        .1
}

impl Loader {
    fn problem(&mut self, file: &File, at: &str, what: impl std::fmt::Display) {
        self.problems.push(format!("{}: {at} — {what}", file.name));
    }

    fn mark(&mut self, file: &File, path: &str) {
        self.read.insert((file.name.clone(), path.to_string()));
    }

    /// The ids and tags of the pool at `path` of a catalogue.
    fn entries(&mut self, cat: &'static File, path: &str) -> Vec<Entry> {
        self.mark(cat, path);
        let Some(list) = lookup(&cat.table, path).and_then(Value::as_array) else {
            self.problem(cat, path, "missing: a list of ids is expected");
            return Vec::new();
        };
        let mut seen = HashSet::new();
        let mut entries = Vec::new();
        for value in list {
            let Some(entry) = self.entry(cat, path, value) else {
                continue;
            };
            if !seen.insert(entry.id) {
                self.problem(
                    cat,
                    &format!("{path}.{}", entry.id),
                    "the id is listed twice",
                );
                continue;
            }
            entries.push(entry);
        }
        entries
    }

    fn entry(&mut self, cat: &'static File, path: &str, value: &'static Value) -> Option<Entry> {
        let mut entry = Entry {
            id: "",
            needs: ANY,
            outdoors: false,
            daylight: false,
            only: Vec::new(),
        };
        let table = match value {
            Value::String(id) => {
                entry.id = id;
                return Some(entry);
            }
            Value::Table(table) => table,
            other => {
                self.problem(
                    cat,
                    path,
                    format!("{other} is neither an id nor {{ id = … }}"),
                );
                return None;
            }
        };
        let Some(id) = table.get("id").and_then(Value::as_str) else {
            self.problem(cat, path, format!("{value} has no id"));
            return None;
        };
        entry.id = id;
        let at = format!("{path}.{id}");
        for (tag, value) in table {
            match (tag.as_str(), value) {
                ("id", _) => {}
                ("needs", Value::Array(names)) if !names.is_empty() => {
                    entry.needs = NONE;
                    for name in names {
                        match NAMES.iter().find(|(n, _)| Some(*n) == name.as_str()) {
                            Some((_, need)) => entry.needs = entry.needs | *need,
                            None => self.problem(
                                cat,
                                &at,
                                format!(
                                    "unknown need {name}: use \"comfort\", \"cross\", \"mend\" \
                                     or \"think\""
                                ),
                            ),
                        }
                    }
                }
                ("place", Value::String(place)) if place == "outdoors" => entry.outdoors = true,
                ("place", Value::String(place)) if place == "anywhere" => {}
                ("time", Value::String(time)) if time == "day" => entry.daylight = true,
                ("time", Value::String(time)) if time == "any" => {}
                ("only", Value::Array(languages)) => {
                    for language in languages {
                        match language.as_str().filter(|l| Language::IDS.contains(l)) {
                            Some(id) => entry.only.push(id),
                            None => self.problem(
                                cat,
                                &at,
                                format!("only: {language} is not a story language"),
                            ),
                        }
                    }
                }
                _ => self.problem(
                    cat,
                    &at,
                    format!(
                        "unknown tag {tag} = {value}: use needs = [\"comfort\", \"cross\", \"mend\", \"think\"] \
                         or place = \"outdoors\" | \"anywhere\" or time = \"day\" | \"any\" or only = \
                         [\"<language>\", …]"
                    ),
                ),
            }
        }
        Some(entry)
    }

    /// The pool at `path`: the catalogue's ids, in its order, told in `own`. `pairs`: every
    /// item is "first || second".
    fn pool(&mut self, cat: &'static File, own: &'static File, path: &str, pairs: bool) -> Pool {
        let entries = self.entries(cat, path);
        self.mark(own, path);
        let Some(texts) = lookup(&own.table, path).and_then(Value::as_table) else {
            self.problem(
                own,
                &format!("[{path}]"),
                "missing: a table of id = \"text\"",
            );
            return Vec::new();
        };
        for id in texts.keys() {
            if !entries.iter().any(|e| e.id == id) {
                self.problem(
                    own,
                    &format!("{path}.{id}"),
                    format!("not in {} (add it there, with its tags)", cat.name),
                );
            }
        }
        let mut pool = Vec::new();
        for entry in entries {
            let at = format!("{path}.{}", entry.id);
            if !entry.only.is_empty() && !entry.only.contains(&self.language.id()) {
                if texts.contains_key(entry.id) {
                    let only = entry.only.join(", ");
                    self.problem(own, &at, format!("{} tells it only in {only}", cat.name));
                }
                continue;
            }
            let Some(text) = texts.get(entry.id) else {
                self.problem(own, &at, format!("missing (listed in {})", cat.name));
                continue;
            };
            let Some(text) = self.checked(own, &at, text) else {
                continue;
            };
            if pairs && text.matches(" || ").count() != 1 {
                self.problem(
                    own,
                    &at,
                    "needs exactly one \" || \" between its two halves",
                );
            }
            pool.push(Item {
                id: entry.id,
                text,
                needs: entry.needs,
                outdoors: entry.outdoors,
                daylight: entry.daylight,
            });
        }
        pool
    }

    /// A text whose placeholders are all known.
    fn checked(&mut self, own: &File, at: &str, value: &'static Value) -> Option<&'static str> {
        let Some(text) = value.as_str() else {
            self.problem(own, at, format!("{value} is not a text"));
            return None;
        };
        for unknown in unknown_placeholders(text) {
            self.problem(own, at, format!("unknown placeholder {unknown}"));
        }
        Some(text)
    }

    /// One text at `path` (a title, an adjective).
    fn text(&mut self, own: &'static File, path: &str) -> &'static str {
        self.mark(own, path);
        match lookup(&own.table, path) {
            Some(value) => self.checked(own, path, value).unwrap_or_default(),
            None => {
                self.problem(own, path, "missing");
                ""
            }
        }
    }

    /// A word list of one language.
    fn words(&mut self, own: &'static File, key: &str) -> Words {
        self.mark(own, key);
        let list = lookup(&own.table, key).and_then(Value::as_array);
        let words: Words = list
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if words.is_empty() {
            self.problem(own, key, "missing: a list of words is expected");
        }
        words
    }

    fn look(&mut self, files: &'static Files, event: BuiltInEvent) -> EventLook {
        let cat = file(&files.catalogues, "events");
        let id = event.id();
        let mut look = EventLook {
            landscape: Landscape::Meadow,
            night: false,
            picture: "",
            companions: CompanionKind::ALL[..8].to_vec(),
        };
        for key in ["landscape", "night", "picture", "companions"] {
            self.mark(cat, &format!("{id}.{key}"));
        }
        let Some(table) = cat.table.get(id).and_then(Value::as_table) else {
            self.problem(
                cat,
                &format!("[{id}]"),
                "missing: every built-in event needs its table",
            );
            return look;
        };
        match table
            .get("landscape")
            .and_then(Value::as_str)
            .and_then(Landscape::from_id)
        {
            Some(landscape) => look.landscape = landscape,
            None => self.problem(
                cat,
                &format!("{id}.landscape"),
                "missing or unknown landscape",
            ),
        }
        look.night = table.get("night").and_then(Value::as_bool).unwrap_or(false);
        match table.get("picture").and_then(Value::as_str) {
            Some(picture) => look.picture = picture,
            None => self.problem(cat, &format!("{id}.picture"), "missing"),
        }
        if let Some(kinds) = table.get("companions").and_then(Value::as_array) {
            let kinds: Vec<CompanionKind> = kinds
                .iter()
                .filter_map(|k| {
                    let kind = k.as_str().and_then(CompanionKind::from_id);
                    if kind.is_none() {
                        self.problem(
                            cat,
                            &format!("{id}.companions"),
                            format!("unknown companion {k}"),
                        );
                    }
                    kind
                })
                .collect();
            if !kinds.is_empty() {
                look.companions = kinds;
            }
        }
        look
    }

    fn lexicon(&mut self, files: &'static Files, own: &'static [(&'static str, File)]) -> Lexicon {
        let cat = |kind| file(&files.catalogues, kind);
        let own = |kind| file(own, kind);
        let (o, s, c) = (
            (cat("openings"), own("openings")),
            (cat("scenery"), own("scenery")),
            (cat("companions"), own("companions")),
        );
        let (a, m, e, n, x) = (
            (cat("acts"), own("acts")),
            (cat("moments"), own("moments")),
            (cat("events"), own("events")),
            (cat("endings"), own("endings")),
            (cat("custom"), own("custom")),
        );
        let words = own("words");
        let mut kinds = Vec::new();
        let mut bodies = Vec::new();
        for kind in CompanionKind::ALL {
            let at = |key: &str| format!("kinds.{}.{key}", kind.id());
            kinds.push(self.text(c.1, &at("name")));
            bodies.push(["paw", "paws", "walk", "curl"].map(|key| self.text(c.1, &at(key))));
        }
        self.mark(c.0, "kinds");
        let traits = Trait::ALL
            .iter()
            .map(|t| {
                let at = |key: &str| format!("traits.{}.{key}", t.id());
                TraitWords {
                    adj_m: self.text(a.1, &at("adj_m")),
                    adj_f: self.text(a.1, &at("adj_f")),
                    noun: self.text(a.1, &at("noun")),
                    acts: self.pool(a.0, a.1, &at("acts"), false),
                }
            })
            .collect();
        let tones = EventTone::ALL
            .iter()
            .map(|t| self.pool(x.0, x.1, &format!("tones.{}", t.id()), false))
            .collect();
        let events = BuiltInEvent::ALL
            .iter()
            .map(|ev| {
                let at = |key: &str| format!("{}.{key}", ev.id());
                EventWords {
                    title: self.text(e.1, &at("title")),
                    place_in: self.text(e.1, &at("place_in")),
                    situation: self.pool(e.0, e.1, &at("situations"), true),
                    moments: self.pool(e.0, e.1, &at("moments"), true),
                }
            })
            .collect();
        Lexicon {
            titles: self.pool(o.0, o.1, "titles", false),
            openings: self.pool(o.0, o.1, "openings", false),
            intros_adj: self.pool(o.0, o.1, "intros_adj", false),
            intros_noun: self.pool(o.0, o.1, "intros_noun", false),
            looks: self.pool(o.0, o.1, "looks", false),
            settings: self.pool(s.0, s.1, "settings", false),
            details: self.pool(s.0, s.1, "details", false),
            transitions: self.pool(s.0, s.1, "transitions", false),
            chapters: self.pool(s.0, s.1, "chapters", false),
            companion_intros: self.pool(c.0, c.1, "intros", false),
            companion_lines: self.pool(c.0, c.1, "lines", false),
            wonders: self.pool(c.0, c.1, "wonders", false),
            companion_kinds: kinds,
            companion_bodies: bodies,
            traits,
            teamwork: self.pool(a.0, a.1, "teamwork", false),
            ability: self.pool(a.0, a.1, "ability", false),
            obstacles: self.pool(m.0, m.1, "obstacles", true),
            kindness: self.pool(n.0, n.1, "kindness", false),
            cleverness: self.pool(n.0, n.1, "cleverness", false),
            returns: self.pool(n.0, n.1, "returns", false),
            sleepy: self.pool(n.0, n.1, "sleepy", false),
            finals: self.pool(n.0, n.1, "finals", false),
            custom_situation: self.pool(x.0, x.1, "situation", false),
            custom_keywords: self.pool(x.0, x.1, "keywords", false),
            custom_seed: self.pool(x.0, x.1, "seed", false),
            custom_goal: self.pool(x.0, x.1, "goal", false),
            custom_seed_resolution: self.pool(x.0, x.1, "seed_resolution", false),
            custom_goal_resolution: self.pool(x.0, x.1, "goal_resolution", false),
            custom_moments: self.pool(x.0, x.1, "moments", true),
            custom_goal_moments: self.pool(x.0, x.1, "goal_moments", true),
            tones,
            events,
            and: self.text(words, "and"),
            episode_leads: self.words(words, "episode_leads"),
            detail_leads: self.words(words, "detail_leads"),
            wish_markers: self.words(words, "wish_markers"),
            seed_fillers: self.words(words, "seed_fillers"),
            sleep_words: self.words(words, "sleep_words"),
        }
    }

    /// Reports every key of every file that nothing reads (a misspelt pool or event).
    fn unread(&mut self, files: &Files) {
        let all = files
            .catalogues
            .iter()
            .chain(files.languages.iter().flat_map(|(_, f)| f.iter()));
        for (_, file) in all {
            let mut stack: Vec<(String, &Table)> = vec![(String::new(), &file.table)];
            while let Some((prefix, table)) = stack.pop() {
                for (key, value) in table {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    if self.read.contains(&(file.name.clone(), path.clone())) {
                        continue;
                    }
                    match value {
                        Value::Table(inner) => stack.push((path, inner)),
                        _ => self.problems.push(format!(
                            "{}: {path} — not used by the writer (misspelt, or an event, trait \
                             or tone the contract does not have?)",
                            file.name
                        )),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
