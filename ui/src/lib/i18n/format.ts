// Numbers, plurals, clocks, durations and dates in a given language, through `Intl`. The
// language files use these, so the words stay in the language files and the rules here.
import type { Language } from '$lib/ipc/bindings';

/** Forms of a noun by plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Language, Intl.PluralRules>();

/** The form of a noun for `n` in `lang` (Intl.PluralRules: French 0 is singular, English not). */
export function pluralForm(lang: Language, n: number, forms: PluralForms): string {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return forms[r.select(n)] ?? forms.other;
}

/** "3 stories", "1 histoire": the number (in the language's digits) and the noun's form. */
export function plural(lang: Language, n: number, forms: PluralForms): string {
  return `${number(lang, n)} ${pluralForm(lang, n, forms)}`;
}

/** A number as the language writes it ("1,234.5", "1.234,5", "1 234,5"). */
export function number(lang: Language, n: number, digits = 0): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
}

/** "3:12" (minutes:seconds, rounding up so a countdown reaches 0:00 only at the end). */
export function clockUp(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "3:12" (minutes:seconds, rounding down: a position in a story). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "7 min", "1 h 05 min" ("1 Std. 05 Min." in German). */
export function minutes(lang: Language, seconds: number): string {
  const m = Math.round(seconds / 60);
  const unit = (u: 'hour' | 'minute', v: number, pad = false) =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short', minimumIntegerDigits: pad ? 2 : 1 }).format(v);
  if (m < 60) return unit('minute', m);
  return `${unit('hour', Math.floor(m / 60))} ${unit('minute', m % 60, true)}`;
}

/** "12.4 MB", "12,4 Mo". */
export function bytes(lang: Language, n: number): string {
  // Intl's short "byte" is a word in some languages ("0 byte"); a size reads "0 B" ("0 o").
  if (n < 1024) return `${number(lang, n)} ${lang === 'fr' ? 'o' : 'B'}`;
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[u],
    unitDisplay: 'short',
    maximumFractionDigits: v < 10 ? 1 : 0,
    minimumFractionDigits: v < 10 ? 1 : 0,
  }).format(v);
}

/**
 * "63.2 MB", "63,2 Mo": decimal megabytes (10⁶ bytes) with one decimal, as voice catalogues
 * and download pages state their sizes (`bytes` counts in 1024s for the cache's figures).
 */
export function megabytes(lang: Language, n: number): string {
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: 'megabyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(n / 1_000_000);
}

/** "4 Dec" / "4 déc." (day and short month). */
export function shortDate(lang: Language, ms: number): string {
  return new Date(ms).toLocaleDateString(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'short' });
}

/** "Today", "Yesterday", "3 days ago", or a date ("Hoy", "Ayer", "Vor 3 Tagen", …). */
export function when(lang: Language, ms: number, now: number): string {
  const days = Math.floor((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days < 7) {
    const text = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-Math.max(0, days), 'day');
    return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
  }
  return new Date(ms).toLocaleDateString(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'short', year: 'numeric' });
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
