// Checks the Settings form makes before asking the core (the core checks again): a Supabase
// project address must be https, except on this computer; a PIN is 4 to 8 digits.

import { STRINGS } from '$lib/i18n';

/** The rules' messages (the current language's are passed in; English otherwise). */
export type RuleWords = (typeof STRINGS)['en']['pages']['settings']['rules'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why this project address cannot be used, or null when it can. */
export function projectUrlProblem(raw: string, words: RuleWords = STRINGS.en.pages.settings.rules): string | null {
  const text = raw.trim();
  if (!text) return words.urlEmpty;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return words.urlInvalid;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  if (url.protocol === 'http:') return words.urlHttp;
  return words.urlScheme;
}

/** Why this PIN cannot be used, or null. */
export function pinProblem(pin: string, words: RuleWords = STRINGS.en.pages.settings.rules): string | null {
  return /^\d{4,8}$/.test(pin) ? null : words.pin;
}
