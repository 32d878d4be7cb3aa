// Which of the five languages the UI speaks, as reactive state: the family's choice from
// Settings, else the system's language (the webview's `navigator.languages`) mapped to the
// nearest of the five, else English. Reading `locale.current` inside a component or `$derived`
// subscribes it, so switching the language re-renders the whole UI without a restart.
import type { Language } from '$lib/ipc/bindings';

/** The UI languages, in the order Settings lists them (the contract's `Language` catalogue). */
export const UI_LANGUAGES: readonly Language[] = ['en', 'es', 'fr', 'de', 'it'];

/** Remembered on this computer too, so the first paint is already in the right language. */
const KEY = 'uiLanguage';

function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (UI_LANGUAGES as readonly string[]).includes(x);
}

/**
 * The nearest UI language to a list of BCP 47 tags in order of preference (`fr-CA` → `fr`,
 * `de_AT.UTF-8` → `de`); English when none of them is one of the five (`pt-BR` → `en`).
 */
export function nearestLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const primary = tag.trim().toLowerCase().split(/[-_.@]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The system's languages as the webview reports them. */
function systemTags(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}

function saved(): Language | null {
  const value = globalThis.localStorage?.getItem(KEY);
  return isLanguage(value) ? value : null;
}

export class Locale {
  /** The family's choice; `null` follows the system. */
  choice = $state<Language | null>(saved());
  /** The system's language, mapped to the nearest of the five. */
  system = $state<Language>(nearestLanguage(systemTags()));

  constructor() {
    this.#apply();
  }

  /** The language the UI is in now. */
  get current(): Language {
    return this.choice ?? this.system;
  }

  /** Follows `choice` (`null` = the system) from now on, and remembers it on this computer. */
  set(choice: Language | null): void {
    this.choice = choice;
    if (choice === null) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, choice);
    this.#apply();
  }

  #apply(): void {
    const root = globalThis.document?.documentElement;
    if (root) root.lang = this.current;
  }
}

/** The one locale of the app. */
export const locale = new Locale();
