//! What each event looks like and who keeps the hero company, shared by the writer (English
//! illustration prompts) and the offline illustrator (which draws the same landscape and the
//! same companion the prompt names).

use crate::{BuiltInEvent, CustomEventSpec, EventCategory, EventSpec};

/// The kind of landscape an event takes place in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Landscape {
    Meadow,
    Forest,
    School,
    Party,
    Park,
    RainyWindow,
    Home,
    Snow,
    Sea,
    Clouds,
    Space,
    Garden,
    Mountains,
    Dream,
    Castle,
}

impl Landscape {
    const ALL: [(Landscape, &'static str); 15] = [
        (Landscape::Meadow, "meadow"),
        (Landscape::Forest, "forest"),
        (Landscape::School, "school"),
        (Landscape::Party, "party"),
        (Landscape::Park, "park"),
        (Landscape::RainyWindow, "rainywindow"),
        (Landscape::Home, "home"),
        (Landscape::Snow, "snow"),
        (Landscape::Sea, "sea"),
        (Landscape::Clouds, "clouds"),
        (Landscape::Space, "space"),
        (Landscape::Garden, "garden"),
        (Landscape::Mountains, "mountains"),
        (Landscape::Dream, "dream"),
        (Landscape::Castle, "castle"),
    ];

    /// The landscape a content file names (`landscape = "meadow"`).
    pub(crate) fn from_id(id: &str) -> Option<Landscape> {
        Landscape::ALL
            .iter()
            .find(|(_, name)| *name == id)
            .map(|(l, _)| *l)
    }
}

/// An event's look: landscape, time of day and an English description for prompts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Visual {
    pub landscape: Landscape,
    pub night: bool,
    pub place: &'static str,
}

/// The companion animal (or friend) of a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompanionKind {
    Fox,
    Owl,
    Rabbit,
    Puppy,
    Kitten,
    BearCub,
    Hedgehog,
    Duckling,
    Dragon,
    Turtle,
}

impl CompanionKind {
    pub(crate) const ALL: [CompanionKind; 10] = [
        CompanionKind::Fox,
        CompanionKind::Owl,
        CompanionKind::Rabbit,
        CompanionKind::Puppy,
        CompanionKind::Kitten,
        CompanionKind::BearCub,
        CompanionKind::Hedgehog,
        CompanionKind::Duckling,
        CompanionKind::Dragon,
        CompanionKind::Turtle,
    ];

    /// The id content files name it by (`kinds.bear_cub`, `companions = ["fox"]`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            CompanionKind::Fox => "fox",
            CompanionKind::Owl => "owl",
            CompanionKind::Rabbit => "rabbit",
            CompanionKind::Puppy => "puppy",
            CompanionKind::Kitten => "kitten",
            CompanionKind::BearCub => "bear_cub",
            CompanionKind::Hedgehog => "hedgehog",
            CompanionKind::Duckling => "duckling",
            CompanionKind::Dragon => "dragon",
            CompanionKind::Turtle => "turtle",
        }
    }

    /// The companion kind with this content id.
    pub(crate) fn from_id(id: &str) -> Option<CompanionKind> {
        CompanionKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Index into `Lexicon::companion_kinds`.
    pub(crate) fn index(self) -> usize {
        CompanionKind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(0)
    }

    /// The English words used in prompts (and recognised in them by the illustrator).
    pub(crate) fn english(self) -> &'static str {
        match self {
            CompanionKind::Fox => "little fox",
            CompanionKind::Owl => "small owl",
            CompanionKind::Rabbit => "little rabbit",
            CompanionKind::Puppy => "puppy",
            CompanionKind::Kitten => "kitten",
            CompanionKind::BearCub => "bear cub",
            CompanionKind::Hedgehog => "hedgehog",
            CompanionKind::Duckling => "duckling",
            CompanionKind::Dragon => "baby dragon",
            CompanionKind::Turtle => "sea turtle",
        }
    }

    /// The companion named in an English prompt, if any.
    pub(crate) fn from_prompt(prompt: &str) -> Option<CompanionKind> {
        let lower = prompt.to_lowercase();
        let key = |k: CompanionKind| match k {
            CompanionKind::Fox => "fox",
            CompanionKind::Owl => "owl",
            CompanionKind::Rabbit => "rabbit",
            CompanionKind::Puppy => "puppy",
            CompanionKind::Kitten => "kitten",
            CompanionKind::BearCub => "bear",
            CompanionKind::Hedgehog => "hedgehog",
            CompanionKind::Duckling => "duckling",
            CompanionKind::Dragon => "dragon",
            CompanionKind::Turtle => "turtle",
        };
        CompanionKind::ALL
            .into_iter()
            .filter_map(|k| lower.find(key(k)).map(|at| (at, k)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, k)| k)
    }

    /// Companions that fit an event (its `companions` in `content/events.toml`).
    pub(crate) fn for_event(event: BuiltInEvent) -> &'static [CompanionKind] {
        &crate::writer::event_look(event).companions
    }
}

/// Names a companion may have (language-neutral).
pub(crate) const COMPANION_NAMES: [&str; 14] = [
    "Pip", "Nilo", "Bramble", "Miso", "Tilly", "Pepper", "Moss", "Juniper", "Biscuit", "Clover",
    "Poppy", "Fennel", "Nuvola", "Sprout",
];

/// The look of a built-in event (its `landscape`, `night` and `picture` in
/// `content/events.toml`).
pub(crate) fn visual(event: BuiltInEvent) -> Visual {
    let look = crate::writer::event_look(event);
    Visual {
        landscape: look.landscape,
        night: look.night,
        place: look.picture,
    }
}

/// The built-in event whose places and moments best fit a custom event: first from words in
/// its text (five languages), then from its category.
pub(crate) fn base_event(custom: &CustomEventSpec) -> BuiltInEvent {
    use BuiltInEvent as E;
    let text = format!(
        "{} {} {} {}",
        custom.title,
        custom.description,
        custom.prompt_seed,
        custom.keywords.join(" ")
    )
    .to_lowercase();
    const TRIGGERS: &[(&[&str], BuiltInEvent)] = &[
        (
            &[
                "school",
                "école",
                "escuela",
                "colegio",
                "schule",
                "scuola",
                "classe",
                "kindergarten",
                "maternelle",
            ],
            E::SchoolDay,
        ),
        (
            &[
                "birthday",
                "anniversaire",
                "cumpleaños",
                "geburtstag",
                "compleanno",
                "party",
                "fête",
                "fiesta",
                "festa",
            ],
            E::Birthday,
        ),
        (
            &["rain", "pluie", "lluvia", "regen", "pioggia"],
            E::RainyDay,
        ),
        (
            &["dragon", "drache", "drago", "dragón"],
            E::FriendlyDragonEncounter,
        ),
        (
            &[
                "sea", "ocean", "beach", "mer", "plage", "océan", "mar", "playa", "meer", "strand",
                "mare", "spiaggia",
            ],
            E::UnderwaterTreasureHunt,
        ),
        (
            &[
                "space", "rocket", "planet", "espace", "fusée", "planète", "espacio", "cohete",
                "weltraum", "rakete", "spazio", "razzo",
            ],
            E::SpaceExploration,
        ),
        (
            &[
                "forest", "forêt", "bosque", "wald", "bosco", "foresta", "tree", "arbre", "baum",
                "albero", "árbol",
            ],
            E::MagicalForestAdventure,
        ),
        (
            &[
                "snow",
                "christmas",
                "neige",
                "noël",
                "nieve",
                "navidad",
                "schnee",
                "weihnacht",
                "neve",
                "natale",
                "holiday",
                "vacances",
                "vacaciones",
                "ferien",
                "vacanz",
            ],
            E::HolidayAdventure,
        ),
        (
            &["friend", "ami", "amig", "freund", "amic"],
            E::MakingFriends,
        ),
        (
            &[
                "dog", "cat", "animal", "chien", "chat", "perro", "gato", "hund", "katze", "tier",
                "cane", "gatto",
            ],
            E::AnimalLanguageLearning,
        ),
        (
            &[
                "camp", "tent", "tente", "tienda", "zelt", "tenda", "garden", "jardin", "jardín",
                "garten", "giardino",
            ],
            E::WeekendExplorer,
        ),
        (
            &[
                "grand", "mum", "dad", "family", "famille", "familia", "familie", "famiglia",
                "mamá", "papá", "maman", "papa", "mama", "nonn", "oma", "opa", "abuel",
            ],
            E::FamilyTime,
        ),
        (
            &["help", "aider", "ayudar", "helfen", "aiutare"],
            E::HelpingOthers,
        ),
        (
            &["learn", "apprend", "aprend", "lernen", "impar"],
            E::LearningSomethingNew,
        ),
        (
            &[
                "dream", "rêve", "sueño", "traum", "sogno", "sleep", "dormir", "schlaf", "dormire",
                "night", "nuit", "noche", "nacht", "notte",
            ],
            E::BedtimeAdventure,
        ),
    ];
    for (words, event) in TRIGGERS {
        if words.iter().any(|w| text.contains(w)) {
            return *event;
        }
    }
    match custom.category {
        EventCategory::DailyLife => E::FamilyTime,
        EventCategory::Adventure => E::WeekendExplorer,
        EventCategory::EmotionalGrowth => E::MakingFriends,
        EventCategory::Learning => E::LearningSomethingNew,
        EventCategory::Celebration => E::Birthday,
        EventCategory::Challenge => E::HelpingOthers,
        EventCategory::Imagination => E::DreamWorldAdventure,
        EventCategory::Custom => E::BedtimeAdventure,
    }
}

/// The built-in event that sets the look of any event.
pub(crate) fn event_base(event: &EventSpec) -> BuiltInEvent {
    match event {
        EventSpec::BuiltIn(e) => *e,
        EventSpec::Custom(c) => base_event(c),
    }
}

/// The built-in event an English prompt talks about, by its place words (for illustrations
/// requested without an event).
pub(crate) fn event_from_prompt(prompt: &str) -> Option<BuiltInEvent> {
    let lower = prompt.to_lowercase();
    BuiltInEvent::ALL.iter().copied().find(|e| {
        let place = visual(*e).place;
        let key = place
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        lower.contains(&key)
    })
}
