// The scripted library behind the browser harness: a few dozen stories in five languages (with
// the text that full-text search looks through), and a generator for a 10,000-story library.
import type { BuiltInEvent, Language, LibraryCard, ListeningState } from './bindings';

export type MockLibraryStory = LibraryCard & { text: string };

export const HEROES = [
  { id: 'hero-mia', name: 'Mia' },
  { id: 'hero-leo', name: 'Leo' },
  { id: 'hero-noor', name: 'Noor' },
];

const EVENTS: BuiltInEvent[] = [
  'bedtime_adventure', 'magical_forest_adventure', 'friendly_dragon_encounter', 'rainy_day', 'birthday',
  'space_exploration', 'underwater_treasure_hunt', 'making_friends', 'cloud_castle_journey', 'school_day',
];

/** [language, title, text] — the reader mock's three stories come first so cards open in the Reader. */
const SCRIPT: [Language, string, string][] = [
  ['en', 'The Moon Garden', 'Mia tiptoed past the window where the moon was watering silver flowers in the garden.'],
  ['en', 'The Quiet Lake', 'Leo rowed across the quiet lake while the stars hummed a sleepy tune.'],
  ['en', 'Owl Lanterns', 'The owls lit tiny lanterns so Noor could find her way home through the wood.'],
  ['en', 'The Dragon Who Was Afraid of the Dark', 'A small green dragon asked Mia to stay until the night light glowed.'],
  ['en', 'A Birthday on a Cloud', 'Leo blew out seven candles on a cake that floated above the cloud castle.'],
  ['en', 'The Rainy Day Library', 'Rain tapped the roof while Noor built a fort of pillows and books.'],
  ['en', 'Rocket to the Sleepy Planet', 'Mia steered the cardboard rocket to a planet where everyone yawned.'],
  ['en', 'The Treasure Under the Waves', 'A friendly octopus showed Leo a chest full of shining shells.'],
  ['es', 'El dragón y la luna', 'Mía encontró un dragón pequeño que tenía miedo de la oscuridad y le cantó una canción.'],
  ['es', 'La tortuga que quería volar', 'Leo ayudó a una tortuga a subir a la colina para ver las estrellas fugaces.'],
  ['es', 'Un día de lluvia en casa', 'Noor escuchó la lluvia y preparó chocolate caliente con su abuela.'],
  ['es', 'El castillo en las nubes', 'Un búho sabio guió a Mía hasta un castillo de algodón en el cielo.'],
  ['es', 'Mañana de cumpleaños', 'Leo despertó con globos de colores y un pastel de fresas.'],
  ['fr', 'Le jardin de la lune', 'Mia a traversé le jardin où la lune arrosait des fleurs argentées.'],
  ['fr', 'Le dragon qui avait peur du noir', 'Un petit dragon vert a demandé à Léo une veilleuse pour dormir.'],
  ['fr', 'La forêt des lucioles', 'Noor a suivi les lucioles jusqu’à une clairière pleine de champignons lumineux.'],
  ['fr', 'Un trésor sous la mer', 'Une pieuvre amicale a montré à Mia un coffre rempli de coquillages.'],
  ['fr', 'L’école des sorciers du temps', 'Léo a appris à faire tomber une neige très douce sur la cour de l’école.'],
  ['de', 'Der Mondgarten', 'Mia schlich am Fenster vorbei, wo der Mond silberne Blumen goss.'],
  ['de', 'Der Drache, der sich im Dunkeln fürchtete', 'Ein kleiner grüner Drache bat Leo, das Nachtlicht anzulassen.'],
  ['de', 'Regentag im Baumhaus', 'Noor hörte dem Regen zu und zählte die Tropfen auf dem Fenster.'],
  ['de', 'Die Reise zur Wolkenburg', 'Eine freundliche Möwe trug Mia bis zur Wolkenburg über dem Meer.'],
  ['de', 'Geburtstag im Weltraum', 'Leo feierte seinen Geburtstag mit Sternschnuppen und einer Rakete aus Karton.'],
  ['it', 'Il giardino della luna', 'Mia camminava nel giardino dove la luna annaffiava fiori d’argento.'],
  ['it', 'Il drago gentile', 'Un piccolo drago verde chiese a Leo di restare finché la lucina era accesa.'],
  ['it', 'Una giornata di pioggia', 'Noor ascoltava la pioggia e disegnava arcobaleni sul vetro.'],
  ['it', 'Il tesoro sotto il mare', 'Un polpo simpatico mostrò a Mia uno scrigno pieno di conchiglie.'],
  ['it', 'Il castello tra le nuvole', 'Leo salì una scala di nuvole fino a un castello che profumava di pane.'],
  ['en', 'The Snail Who Won the Race', 'Noor cheered as the slowest snail crossed the finish line by moonlight.'],
  ['en', 'Making Friends With the Wind', 'Mia flew a kite and the wind told her stories from far away.'],
];

const DAY = 86_400_000;
/** "Now" in the harness: fixed so screenshots and tests do not change with the clock. */
export const MOCK_NOW = Date.UTC(2026, 11, 4, 19, 30);

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function card(i: number, language: Language, title: string, text: string, id?: string): MockLibraryStory {
  const hero = HEROES[i % HEROES.length]!;
  const listening: ListeningState = i % 4 === 0 ? 'new' : i % 4 === 1 ? 'finished' : i % 4 === 2 ? 'listening' : 'finished';
  const createdAt = MOCK_NOW - i * DAY * 0.8 - 3_600_000;
  return {
    id: id ?? slug(title),
    title,
    heroId: hero.id,
    heroName: hero.name,
    event: { type: 'built_in', data: { event: EVENTS[i % EVENTS.length]! } },
    lengthSeconds: [300, 420, 600][i % 3]!,
    language,
    createdAt,
    lastHeardAt: listening === 'new' ? null : createdAt + ((i * 7) % 5) * DAY + 3_600_000,
    listening,
    isFavorite: i % 5 === 1,
    offlineReady: i % 6 !== 3,
    coverKey: i % 7 === 5 ? null : `illustration:${id ?? slug(title)}:1`,
    snippet: null,
    text,
  };
}

/** The few dozen scripted stories, newest first. */
export function scriptedLibrary(): MockLibraryStory[] {
  const ids = ['moon-garden', 'quiet-lake', 'owl-lanterns'];
  return SCRIPT.map(([language, title, text], i) => card(i, language, title, text, ids[i]));
}

/** A library of `n` stories (the scroll test): numbered titles, the scripted texts repeated. */
export function generatedLibrary(n: number): MockLibraryStory[] {
  const out: MockLibraryStory[] = [];
  for (let i = 0; i < n; i++) {
    const [language, title, text] = SCRIPT[i % SCRIPT.length]!;
    out.push(card(i, language, `${title} #${i + 1}`, text, `story-${i + 1}`));
  }
  return out;
}

/** Accent- and case-insensitive form for matching, as FTS5's unicode61 remove_diacritics does. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const PICTURES = ['window', 'path', 'owl', 'fireflies', 'bed', 'lake'];

/** The harness's media resolver for library covers: one of the reader's fixture pictures. */
export function pagesPicture(key: string): string {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `/tests/fixtures/reader/${PICTURES[h % PICTURES.length]}.svg`;
}
