/**
 * The contract's catalogues (api-contract §6) with their wire ids, and request-field checking
 * that names the field to fix — camelCase canonical, snake_case aliases accepted, unknown
 * fields refused — as the embedded backend's serde models do.
 */
import { FnError } from "./envelope.ts";
import type { Row } from "./store.ts";

export const BUILT_IN_EVENTS = [
  "bedtime_adventure",
  "school_day",
  "birthday",
  "weekend_explorer",
  "rainy_day",
  "family_time",
  "making_friends",
  "learning_something_new",
  "helping_others",
  "holiday_adventure",
  "magical_forest_adventure",
  "friendly_dragon_encounter",
  "underwater_treasure_hunt",
  "cloud_castle_journey",
  "time_travel_mission",
  "space_exploration",
  "miniature_world_discovery",
  "weather_wizard_training",
  "animal_language_learning",
  "dream_world_adventure",
  "starlight_train",
] as const;
export const LANGUAGES = ["en", "es", "fr", "de", "it"] as const;
export const VOICES = ["coral", "nova", "fable", "alloy", "echo", "onyx", "shimmer"] as const;
export const EMOTIONS = [
  "joyful",
  "peaceful",
  "exciting",
  "mysterious",
  "heartwarming",
  "adventurous",
  "contemplative",
] as const;
export const IMPORTANCE = ["key", "major", "minor"] as const;
export const STYLES = ["picture_book", "watercolor", "digital_art", "animated_3d", "classic_storybook"] as const;
export const SIZES = ["1024x1024", "1792x1024", "1024x1792"] as const;
export const QUALITIES = ["low", "medium", "high"] as const;

export type Language = typeof LANGUAGES[number];
export type Voice = typeof VOICES[number];
export type Style = typeof STYLES[number];

/** The bedtime pace of a voice in a language (storyteller `Voice::words_per_minute`). */
export function wordsPerMinute(voice: Voice, language: Language): number {
  const base = { coral: 136, nova: 140, fable: 126, alloy: 138, echo: 130, onyx: 132, shimmer: 140 }[voice];
  return base * (language === "de" ? 0.9 : 1);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The fields of `body` by their camelCase names. `spec` maps each field to its snake_case alias
 * (or null) and whether it is required.
 */
export function fields(body: Row, spec: Record<string, { alias?: string; required?: boolean }>): Row {
  const byName = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) {
    byName.set(name, name);
    if (s.alias) byName.set(s.alias, name);
  }
  const out: Row = {};
  for (const [key, value] of Object.entries(body)) {
    const name = byName.get(key);
    if (!name) {
      const expected = Object.keys(spec).map((k) => `\`${k}\``).join(", ");
      throw FnError.invalid(`Invalid request: unknown field \`${key}\`, expected one of ${expected}`);
    }
    out[name] = value;
  }
  for (const [name, s] of Object.entries(spec)) {
    if (s.required && (out[name] === undefined || out[name] === null)) {
      throw FnError.invalid(`Invalid request: missing field \`${name}\``);
    }
  }
  return out;
}

export function str(value: unknown, field: string): string {
  if (typeof value !== "string") throw FnError.invalid(`Invalid request: ${field} must be a string`);
  return value;
}

export function num(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw FnError.invalid(`Invalid request: ${field} must be a number`);
  }
  return value;
}

export function uuid(value: unknown, field: string): string {
  const s = str(value, field);
  if (!UUID.test(s)) throw FnError.invalid(`${field} must be a UUID`);
  return s.toLowerCase();
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw FnError.invalid(`${field} must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}
