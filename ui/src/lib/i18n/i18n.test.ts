// Every language has every key of English, nothing empty, the same functions taking the same
// arguments and showing what they are given; the system language maps to the nearest of the
// five; switching the locale switches what `t` and the catalogue labels read.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Sidebar from '$lib/components/Sidebar.svelte';
import { Theme } from '$lib/services/theme.svelte';
import type { Language } from '$lib/ipc/bindings';
import { EVENTS, LANGUAGES, locale, megabytes as megabytesNow, MILESTONES, nearestLanguage, pages, reader, STRINGS, t, UI_LANGUAGES, voiceText, writerText } from '$lib/i18n';
import { bytes, megabytes, minutes, plural, when } from './format';

const OTHERS = UI_LANGUAGES.filter((l) => l !== 'en');
const FILES = ['main', 'reader', 'pages', 'voices'] as const;
type Tree = Record<string, unknown>;

const NUMBERS = new Set(['n', 'of', 'max', 'k', 'm', 'scene', 'seconds', 'ms', 'speed']);
const RECORD = { name: 'Zoé', style: 'Watercolor', primary: 'Brave', secondary: 'Kind', appearance: 'red boots', ability: 'flies', hero: 'Zoé', event: 'Moon', minutes: 7, voice: 'Coral', pictures: true };

/** Arguments to call a string function with, by its parameters' names (types are compiled away). */
function sampleArgs(fn: (...a: never[]) => unknown): unknown[] {
  const source = fn.toString();
  const head = /^(function\b|\()/.test(source) ? source.slice(source.indexOf('(') + 1, source.indexOf(')')) : source.slice(0, source.indexOf('=>'));
  const names = head.split(',').map((p) => p.trim()).filter(Boolean);
  return Array.from({ length: fn.length }, (_, i) => {
    const name = names[i] ?? '';
    if (NUMBERS.has(name)) return i + 3;
    if (name.length === 1 && 'pc'.includes(name)) return RECORD;
    return `⟨Arg${i}⟩`;
  });
}

/** Everything wrong with `other` compared with `en`, as "lang: path — problem" lines. */
function compare(lang: Language, file: string, en: unknown, other: unknown, path: string, out: string[]): void {
  const at = `${lang}: ${file}.${path}`;
  if (other === undefined) return void out.push(`${at} — missing (English: ${JSON.stringify(typeof en === 'function' ? en.toString().slice(0, 60) : en)})`);
  if (typeof en === 'string') {
    if (typeof other !== 'string') return void out.push(`${at} — should be a string`);
    if (en !== '' && other.trim() === '') out.push(`${at} — empty`);
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    if (holes(en).join() !== holes(other).join()) out.push(`${at} — placeholders ${holes(other)} instead of ${holes(en)}`);
    return;
  }
  if (typeof en === 'function') {
    if (typeof other !== 'function') return void out.push(`${at} — should be a function`);
    if (other.length !== en.length) return void out.push(`${at} — takes ${other.length} arguments instead of ${en.length}`);
    const args = sampleArgs(en as () => unknown);
    const a = (en as (...x: unknown[]) => unknown)(...args);
    const b = (other as (...x: unknown[]) => unknown)(...args);
    if (typeof a !== typeof b) return void out.push(`${at} — returns ${typeof b} instead of ${typeof a}`);
    if (typeof a === 'string' && typeof b === 'string') {
      if (b.trim() === '') out.push(`${at} — returns an empty string`);
      // Whatever English shows of its string arguments (a name, a title), the translation shows too.
      for (const arg of args) if (typeof arg === 'string' && a.includes(arg) && !b.toLowerCase().includes(arg.toLowerCase())) out.push(`${at} — drops its argument ${arg}`);
    }
    return;
  }
  if (Array.isArray(en)) {
    if (!Array.isArray(other) || other.length !== en.length) return void out.push(`${at} — should be a list of ${en.length}`);
    en.forEach((v, i) => compare(lang, file, v, other[i], `${path}[${i}]`, out));
    return;
  }
  if (en && typeof en === 'object') {
    if (!other || typeof other !== 'object') return void out.push(`${at} — should be an object`);
    for (const key of Object.keys(en)) compare(lang, file, (en as Tree)[key], (other as Tree)[key], path ? `${path}.${key}` : key, out);
    for (const key of Object.keys(other)) if (!(key in (en as Tree))) out.push(`${at}${path ? '.' : ''}${key} — not in English`);
    return;
  }
  if (en !== other) out.push(`${at} — ${JSON.stringify(other)} instead of ${JSON.stringify(en)}`);
}

/** Every string of a tree (functions called with sample arguments), with its path. */
function strings(node: unknown, path = ''): [string, string][] {
  // An error's `action` is what the screen offers to do, not words.
  if (typeof node === 'string') return path.endsWith('.action') ? [] : [[path, node]];
  if (typeof node === 'function') {
    const out = (node as (...a: unknown[]) => unknown)(...sampleArgs(node as () => unknown));
    return typeof out === 'string' ? [[`${path}()`, out]] : [];
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

afterEach(() => locale.set(null));

describe('the translations', () => {
  it('have every key of English, nothing empty, the same functions and arguments', () => {
    const problems: string[] = [];
    for (const lang of OTHERS) {
      for (const file of FILES) compare(lang, file, STRINGS.en[file], STRINGS[lang][file], '', problems);
    }
    expect(problems, `translations that need work:\n${problems.join('\n')}`).toEqual([]);
  });

  it('reports a missing key by language and path', () => {
    const problems: string[] = [];
    const { title: _dropped, ...home } = STRINGS.fr.main.home;
    compare('fr', 'main', STRINGS.en.main, { ...STRINGS.fr.main, home }, '', problems);
    expect(problems).toEqual([expect.stringMatching(/^fr: main\.home\.title — missing/)]);
  });

  it('are translated, not copied from English', () => {
    // Names and addresses read the same in every language.
    const kept = new Set(['app.name', 'writer.addressHint']);
    for (const lang of OTHERS) {
      for (const file of ['main', 'voices'] as const) {
        const en = new Map(strings(STRINGS.en[file]));
        const same = strings(STRINGS[lang][file]).filter(([path, s]) => en.get(path) === s && s.length > 12 && !kept.has(path));
        expect(same, `${lang} ${file} strings identical to English`).toEqual([]);
      }
    }
  });

  it('follow each language’s typography', () => {
    const all = (lang: Language) => FILES.flatMap((f) => strings(STRINGS[lang][f], f));
    for (const lang of OTHERS) {
      expect(all(lang).filter(([, s]) => s.includes('"')), `${lang}: straight double quotes`).toEqual([]);
    }
    // French: a (narrow) no-break space before ? ! : ; and inside « » (clocks and web addresses aside).
    const prose = (s: string) => s.replace(/\d:\d/g, '').replace(/\bhttps?:\/\/\S*/g, '');
    expect(all('fr').filter(([, s]) => /[^\u202f\u00a0][?!;:»]|«[^\u00a0]/.test(prose(s))), 'fr spacing').toEqual([]);
    // Spanish opens its questions.
    expect(all('es').filter(([, s]) => s.includes('?') && !s.includes('¿')), 'es ¿').toEqual([]);
    // German quotes are „…“.
    expect(all('de').filter(([, s]) => /«|»/.test(s)), 'de quotes').toEqual([]);
  });
});

describe('the system language', () => {
  it('maps to the nearest of the five, else English', () => {
    expect(nearestLanguage(['fr-CA'])).toBe('fr');
    expect(nearestLanguage(['pt-BR'])).toBe('en');
    expect(nearestLanguage(['pt-BR', 'de-AT', 'fr'])).toBe('de');
    expect(nearestLanguage(['es_MX.UTF-8'])).toBe('es');
    expect(nearestLanguage(['IT'])).toBe('it');
    expect(nearestLanguage(['en-GB'])).toBe('en');
    expect(nearestLanguage(['C'])).toBe('en');
    expect(nearestLanguage([])).toBe('en');
  });

  it('is what Automatic follows (jsdom reports en-US)', () => {
    expect(locale.system).toBe('en');
    locale.set(null);
    expect(locale.current).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the current language', () => {
  it('switches t, the reader, the pages, the catalogue labels and <html lang>', () => {
    locale.set('de');
    expect(t.home.title).toBe('Bereit für die Geschichte heute Abend?');
    expect(reader.play).toBe('Abspielen');
    expect(pages.tonight.title).toBe('Heute Abend');
    expect(EVENTS.friendly_dragon_encounter).toEqual({ name: 'Freundlicher Drache', icon: '🐉' });
    expect(Object.keys(EVENTS)).toHaveLength(21);
    expect(MILESTONES.streak_7.icon).toBe('🔥');
    expect(voiceText.title).toBe('Stimmen');
    expect(voiceText.installed('en_US-joe-medium')).toBe('en_US-joe-medium ist installiert und liest ab jetzt die Geschichten vor.');
    expect(writerText.builtIn).toBe('Der eingebaute Autor');
    expect(megabytesNow(63_206_368)).toBe('63,2 MB');
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('uiLanguage')).toBe('de');
    locale.set('fr');
    expect(t.areas.settings.label).toBe('Réglages');
    expect(Object.entries(EVENTS)[0]).toEqual(['bedtime_adventure', { name: 'Aventure du coucher', icon: '🌙' }]);
    locale.set(null);
    expect(t.areas.settings.label).toBe('Settings');
    expect(voiceText.title).toBe('Voices');
    expect(writerText.title).toBe('Who writes the stories');
    expect(localStorage.getItem('uiLanguage')).toBeNull();
  });

  it('re-renders a mounted component without remounting it', () => {
    const sidebar = mount(Sidebar, { target: document.body, props: { current: 'home', onnavigate: () => {}, theme: new Theme() } });
    const labels = () => [...document.querySelectorAll('nav li span')].map((s) => s.textContent);
    expect(labels()).toEqual(['Home', 'Heroes', 'New story', 'Library', 'Journey', 'Settings']);
    const first = document.querySelector('nav li button');
    locale.set('de');
    flushSync();
    expect(labels()).toEqual(['Start', 'Helden', 'Neue Geschichte', 'Bibliothek', 'Reise', 'Einstellungen']);
    expect(document.querySelector('nav')?.getAttribute('aria-label')).toBe('Hauptmenü');
    expect(document.querySelector('nav li button')).toBe(first);
    locale.set('it');
    flushSync();
    expect(labels()[5]).toBe('Impostazioni');
    unmount(sidebar);
  });

  it('names every language in its own name', () => {
    expect(Object.values(LANGUAGES)).toEqual(['English', 'Español', 'Français', 'Deutsch', 'Italiano']);
  });
});

describe('plurals, numbers and dates', () => {
  it('use each language’s plural rules', () => {
    expect(STRINGS.en.main.heroes.stories(1)).toBe('1 story');
    expect(STRINGS.en.main.heroes.stories(2)).toBe('2 stories');
    expect(STRINGS.fr.main.heroes.stories(1)).toBe('1 histoire');
    expect(STRINGS.de.main.heroes.stories(3)).toBe('3 Geschichten');
    expect(STRINGS.it.main.picker.usage(1, null)).toBe('Usato 1 volta');
    expect(STRINGS.es.main.picker.usage(4, null)).toBe('Usado 4 veces');
    // French counts 0 as singular; English does not.
    expect(plural('fr', 0, { one: 'minute', other: 'minutes' })).toBe('0 minute');
    expect(plural('en', 0, { one: 'minute', other: 'minutes' })).toBe('0 minutes');
    expect(plural('de', 1234, { one: 'Geschichte', other: 'Geschichten' })).toBe('1.234 Geschichten');
  });

  it('write durations, sizes and days as the language does', () => {
    expect(minutes('en', 7 * 60)).toBe('7 min');
    expect(minutes('de', 65 * 60)).toBe('1 Std. 05 Min.');
    expect(bytes('fr', 1.5 * 1024 * 1024)).toBe('1,5\u202fMo');
    expect(bytes('en', 1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(bytes('de', 12.4 * 1024 * 1024)).toBe('12 MB');
    expect(bytes('en', 0)).toBe('0 B');
    expect(bytes('fr', 512)).toBe('512 o');
    // Download sizes are decimal megabytes, as the voice catalogue states them.
    expect(megabytes('en', 63_206_368)).toBe('63.2 MB');
    expect(megabytes('fr', 26_546_675)).toBe('26,5\u202fMo');
    expect(megabytes('de', 27_773_237)).toBe('27,8 MB');
    const now = new Date(2026, 11, 4, 20).getTime();
    expect(when('en', now - 3600_000, now)).toBe('Today');
    expect(when('es', now - 86_400_000, now)).toBe('Ayer');
    expect(when('de', now - 3 * 86_400_000, now)).toBe('Vor 3 Tagen');
    expect(when('it', new Date(2026, 10, 1).getTime(), now)).toBe('1 nov 2026');
  });
});
