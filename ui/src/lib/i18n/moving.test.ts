// Settings → Move my library to the cloud in five languages: every key of English in each, the
// same functions showing what they are given, every table the core reports named, and each
// language's typography (French spaces, no straight double quotes).
import { describe, expect, it } from 'vitest';
import { MOVING, UI_LANGUAGES } from '$lib/i18n';

type Tree = Record<string, unknown>;

function leaves(tree: Tree, path = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as Tree, `${path}${k}.`) : [[`${path}${k}`, v] as [string, unknown]]);
}

/** Every string, functions called with markers for their arguments. */
function texts(tree: Tree): [string, string][] {
  return leaves(tree).map(([k, v]) => [k, typeof v === 'function' ? String(v(...Array.from({ length: v.length }, (_, i) => `⟨${i}⟩`))) : String(v)]);
}

describe('moving strings', () => {
  it('have every key of English, nothing empty, and show their arguments', () => {
    const en = leaves(MOVING.en).map(([k]) => k).sort();
    for (const lang of UI_LANGUAGES) {
      expect(leaves(MOVING[lang]).map(([k]) => k).sort(), lang).toEqual(en);
      for (const [key, text] of texts(MOVING[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        const fn = leaves(MOVING[lang]).find(([k]) => k === key)?.[1];
        if (typeof fn === 'function') for (let i = 0; i < fn.length; i++) expect(text, `${lang} ${key}`).toContain(`⟨${i}⟩`);
      }
    }
  });

  it('name every table of the report', () => {
    const tables = ['heroes', 'custom_events', 'stories', 'story_scenes', 'story_illustrations', 'listening_sessions'];
    for (const lang of UI_LANGUAGES) expect(Object.keys(MOVING[lang].tableNames).sort(), lang).toEqual([...tables].sort());
  });

  it('follow each language’s typography', () => {
    for (const lang of UI_LANGUAGES.filter((l) => l !== 'en')) {
      expect(texts(MOVING[lang]).filter(([, s]) => s.includes('"')), lang).toEqual([]);
    }
    const prose = (s: string) => s.replace(/\bhttps?:\/\/\S*/g, '');
    expect(texts(MOVING.fr).filter(([, s]) => /[^\u202f\u00a0][?!;:»]|«[^\u00a0]/.test(prose(s))), 'fr spacing').toEqual([]);
  });
});
