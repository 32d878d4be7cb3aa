// The UI's words in the current language. Components import from here, never a language file:
// `t` (en.ts's shape), `reader` (en.reader.ts's), `pages` (en.pages.ts's), `voiceText` and
// `writerText` (en.voices.ts's), the catalogue labels (EVENTS, SORTS, …) and the
// formatters. Each is a live view of the current language's strings: reading one inside a
// component or `$derived` subscribes it to `locale`, so switching re-renders everything.
import type { BuiltInEvent, Language, MilestoneId } from '$lib/ipc/bindings';
import { locale } from './locale.svelte';
import * as format from './format';
import { en, type Strings } from './en';
import { es } from './es';
import { fr } from './fr';
import { de } from './de';
import { it } from './it';
import { reader as enReader, type ReaderStrings } from './en.reader';
import { reader as esReader } from './es.reader';
import { reader as frReader } from './fr.reader';
import { reader as deReader } from './de.reader';
import { reader as itReader } from './it.reader';
import { pages as enPages, type PagesStrings } from './en.pages';
import { pages as esPages } from './es.pages';
import { pages as frPages } from './fr.pages';
import { pages as dePages } from './de.pages';
import { pages as itPages } from './it.pages';
import { voices as enVoices, type VoicesStrings } from './en.voices';
import { voices as esVoices } from './es.voices';
import { voices as frVoices } from './fr.voices';
import { voices as deVoices } from './de.voices';
import { voices as itVoices } from './it.voices';
import { advanced as enAdvanced, type AdvancedStrings } from './en.advanced';
import { advanced as esAdvanced } from './es.advanced';
import { advanced as frAdvanced } from './fr.advanced';
import { advanced as deAdvanced } from './de.advanced';
import { advanced as itAdvanced } from './it.advanced';
import { sync as enSync, type SyncStrings } from './en.sync';
import { sync as esSync } from './es.sync';
import { sync as frSync } from './fr.sync';
import { sync as deSync } from './de.sync';
import { sync as itSync } from './it.sync';
import { moving as enMoving, type MovingStrings } from './en.moving';
import { moving as esMoving } from './es.moving';
import { moving as frMoving } from './fr.moving';
import { moving as deMoving } from './de.moving';
import { moving as itMoving } from './it.moving';

export { locale, nearestLanguage, UI_LANGUAGES } from './locale.svelte';
export type { ErrorAction, Strings } from './en';
export type { ReaderStrings } from './en.reader';
export type { PagesStrings } from './en.pages';
export type { VoicesStrings } from './en.voices';
export type { AdvancedStrings } from './en.advanced';
export type { SyncStrings } from './en.sync';
export type { MovingStrings } from './en.moving';

/** Every language's files (the tests walk these). */
export const STRINGS: Record<Language, { main: Strings; reader: ReaderStrings; pages: PagesStrings; voices: VoicesStrings }> = {
  en: { main: en, reader: enReader, pages: enPages, voices: enVoices },
  es: { main: es, reader: esReader, pages: esPages, voices: esVoices },
  fr: { main: fr, reader: frReader, pages: frPages, voices: frVoices },
  de: { main: de, reader: deReader, pages: dePages, voices: deVoices },
  it: { main: it, reader: itReader, pages: itPages, voices: itVoices },
};

/** An object that is always the current language's `pick(...)`, read afresh on every access. */
function live<T extends object>(pick: (lang: Language) => T): T {
  const now = () => pick(locale.current) as Record<PropertyKey, unknown>;
  return new Proxy({} as T, {
    get: (_, key) => now()[key],
    has: (_, key) => key in now(),
    ownKeys: () => Reflect.ownKeys(now()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(now(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/** The current language's main strings. */
export const t: Strings = live((l) => STRINGS[l].main);
/** The reader's strings. */
export const reader: ReaderStrings = live((l) => STRINGS[l].reader);
/** The other pages' strings. */
export const pages: PagesStrings = live((l) => STRINGS[l].pages);
/** Settings → Voices (natural voices). */
export const voiceText: VoicesStrings['natural'] = live((l) => STRINGS[l].voices.natural);
/** Settings → Who writes the stories. */
export const writerText: VoicesStrings['writer'] = live((l) => STRINGS[l].voices.writer);

/** Settings → Advanced (how stories are made), per language. */
export const ADVANCED: Record<Language, AdvancedStrings> = {
  en: enAdvanced, es: esAdvanced, fr: frAdvanced, de: deAdvanced, it: itAdvanced,
};
/** Settings → Advanced. */
export const advancedText: AdvancedStrings = live((l) => ADVANCED[l]);
const SYNC: Record<Language, SyncStrings> = { en: enSync, es: esSync, fr: frSync, de: deSync, it: itSync };
/** Home's line about changes waiting to be sent (two-way sync). */
export const syncText: SyncStrings = live((l) => SYNC[l]);
/** Settings → Move my library to the cloud, per language (kept apart from STRINGS). */
export const MOVING: Record<Language, MovingStrings> = { en: enMoving, es: esMoving, fr: frMoving, de: deMoving, it: itMoving };
/** Settings → Move my library to the cloud. */
export const movingText: MovingStrings = live((l) => MOVING[l]);

/** Each language in its own name, the same whatever the UI's language. */
export const LANGUAGES: Record<Language, string> = {
  en: 'English', es: 'Español', fr: 'Français', de: 'Deutsch', it: 'Italiano',
};

const EVENT_ICONS: Record<BuiltInEvent, string> = {
  bedtime_adventure: '🌙', school_day: '🎒', birthday: '🎂', weekend_explorer: '🧭', rainy_day: '🌧️',
  family_time: '🏡', making_friends: '🤝', learning_something_new: '💡', helping_others: '💛',
  holiday_adventure: '🏖️', magical_forest_adventure: '🌲', friendly_dragon_encounter: '🐉',
  underwater_treasure_hunt: '🐙', cloud_castle_journey: '🏰', time_travel_mission: '⏳',
  space_exploration: '🚀', miniature_world_discovery: '🍄', weather_wizard_training: '⛅',
  animal_language_learning: '🦊', dream_world_adventure: '💭', starlight_train: '🚂',
};

const MILESTONE_ICONS: Record<MilestoneId, string> = {
  first_story: '🌱', stories_5: '⭐', stories_10: '🌟', stories_25: '📚', stories_50: '🏆',
  listening_1h: '⏰', listening_5h: '🎧', streak_7: '🔥', streak_30: '🌕',
};

const eventsByLanguage = Object.fromEntries(
  Object.entries(STRINGS).map(([l, s]) => [
    l,
    Object.fromEntries(
      (Object.keys(EVENT_ICONS) as BuiltInEvent[]).map((id) => [id, { name: s.pages.events[id], icon: EVENT_ICONS[id] }]),
    ),
  ]),
) as Record<Language, Record<BuiltInEvent, { name: string; icon: string }>>;
const milestonesByLanguage = Object.fromEntries(
  Object.entries(STRINGS).map(([l, s]) => [
    l,
    Object.fromEntries(
      (Object.keys(MILESTONE_ICONS) as MilestoneId[]).map((id) => [id, { ...s.pages.milestones[id], icon: MILESTONE_ICONS[id] }]),
    ),
  ]),
) as Record<Language, Record<MilestoneId, { name: string; hint: string; icon: string }>>;

/** Short event names with their icons (the library's cards and filter). */
export const EVENTS = live((l) => eventsByLanguage[l]);
/** Milestones with their icons. */
export const MILESTONES = live((l) => milestonesByLanguage[l]);
export const LISTENING = live((l) => STRINGS[l].pages.listening);
export const SORTS = live((l) => STRINGS[l].pages.sorts);
export const VOICES = live((l) => STRINGS[l].pages.voices);
export const THEMES = live((l) => STRINGS[l].pages.themes);

/** "3:12". */
export const clock = format.clock;
/** "7 min", "1 h 05 min" in the current language. */
export const minutes = (seconds: number) => format.minutes(locale.current, seconds);
/** "12.4 MB" in the current language. */
export const bytes = (n: number) => format.bytes(locale.current, n);
/** "63.2 MB" (decimal, one decimal: a download's size) in the current language. */
export const megabytes = (n: number) => format.megabytes(locale.current, n);
/** "Today", "Yesterday", "3 days ago", or a date, in the current language. */
export const when = (ms: number, now: number) => format.when(locale.current, ms, now);
