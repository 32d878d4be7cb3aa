import { describe, expect, it } from 'vitest';
import type { Scene } from '$lib/ipc/bindings';
import type { WordTiming } from '$lib/ipc/bindings';
import { byteToIndex, formatTime, layoutText, orderedScenes, sceneAt, timedWords, wordAt } from './readAlong';

/** Timings the way Rust sends them: UTF-8 byte offsets of each word. */
function timingsFor(content: string, secondsPerWord = 0.5): WordTiming[] {
  const enc = new TextEncoder();
  return [...content.matchAll(/\p{L}[\p{L}'’]*/gu)].map((m, i) => {
    const charStart = enc.encode(content.slice(0, m.index)).length;
    return {
      word: m[0],
      start: i * secondsPerWord,
      end: i * secondsPerWord + secondsPerWord * 0.8,
      charStart,
      charEnd: charStart + enc.encode(m[0]).length,
    };
  });
}

const scene = (sceneNumber: number, timestampSeconds: number): Scene => ({
  sceneNumber,
  timestampSeconds,
  textSegment: '',
  illustrationPrompt: '',
  emotion: 'peaceful',
  importance: 'major',
});

describe('byteToIndex', () => {
  it('is the identity for ASCII', () => {
    const at = byteToIndex('hello moon');
    expect([0, 1, 6, 10].map(at)).toEqual([0, 1, 6, 10]);
  });

  it('maps byte offsets after accents, CJK and emoji to JS indices', () => {
    const content = 'Zoé a vu la lune 🌙 et 月.';
    const at = byteToIndex(content);
    const enc = new TextEncoder();
    for (const word of ['a', 'vu', 'lune', 'et', '月', '.']) {
      const js = content.indexOf(word);
      const byte = enc.encode(content.slice(0, js)).length;
      expect(byte).not.toBe(js); // the two offsets really differ here
      expect(at(byte)).toBe(js);
    }
    expect(at(enc.encode(content).length)).toBe(content.length);
    expect(at(10_000)).toBe(content.length);
    expect(at(-3)).toBe(0);
  });

  it('maps a byte inside a multi-byte character to that character', () => {
    const at = byteToIndex('aé');
    expect(at(1)).toBe(1);
    expect(at(2)).toBe(1);
    expect(at(3)).toBe(2);
  });
});

describe('timedWords', () => {
  it('locates every French word where it is in the text', () => {
    const content = "L'été, Chloé rêvait près de la fenêtre.\n\nÀ côté, le chat ronronnait.";
    const words = timedWords(content, timingsFor(content));
    const texts = words.map((w) => content.slice(w.from, w.to));
    expect(texts).toEqual(timingsFor(content).map((t) => t.word));
    expect(texts).toContain('fenêtre');
    expect(texts).toContain('À');
  });

  it('drops empty or reversed entries and orders by time', () => {
    const words = timedWords('ab cd', [
      { word: 'cd', start: 1, end: 1.5, charStart: 3, charEnd: 5 },
      { word: '', start: 0.5, end: 0.6, charStart: 2, charEnd: 2 },
      { word: 'ab', start: 0, end: 0.4, charStart: 0, charEnd: 2 },
    ]);
    expect(words).toEqual([
      { start: 0, end: 0.4, from: 0, to: 2 },
      { start: 1, end: 1.5, from: 3, to: 5 },
    ]);
  });
});

describe('wordAt', () => {
  const words = [0, 0.4, 0.9, 1.5, 2.2].map((start) => ({ start, end: start + 0.3, from: 0, to: 1 }));

  it('is -1 before the first word', () => {
    expect(wordAt(words, -1)).toBe(-1);
    expect(wordAt([], 3)).toBe(-1);
  });

  it('is the last word started, on and between boundaries', () => {
    expect(wordAt(words, 0)).toBe(0);
    expect(wordAt(words, 0.39)).toBe(0);
    expect(wordAt(words, 0.4)).toBe(1);
    expect(wordAt(words, 1.49)).toBe(2);
    expect(wordAt(words, 1.8)).toBe(3); // in the pause after word 3
    expect(wordAt(words, 99)).toBe(4);
  });

  it('agrees with a linear scan over a long story', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ start: i * 0.37, end: i * 0.37 + 0.3, from: 0, to: 1 }));
    for (const p of [0, 0.36, 0.37, 100.5, 1849.6, 1849.63, 5000]) {
      const linear = many.reduce((found, w, i) => (w.start <= p ? i : found), -1);
      expect(wordAt(many, p)).toBe(linear);
    }
  });
});

describe('sceneAt', () => {
  const scenes = orderedScenes([scene(3, 80), scene(1, 0), scene(2, 42.5), scene(4, 120)]);

  it('orders scenes by timestamp', () => {
    expect(scenes.map((s) => s.sceneNumber)).toEqual([1, 2, 3, 4]);
  });

  it('is the latest scene whose timestamp ≤ position', () => {
    expect(sceneAt(scenes, 0)).toBe(0);
    expect(sceneAt(scenes, 42.49)).toBe(0);
    expect(sceneAt(scenes, 42.5)).toBe(1);
    expect(sceneAt(scenes, 119)).toBe(2);
    expect(sceneAt(scenes, 500)).toBe(3);
  });

  it('shows the first scene before any timestamp and nothing without scenes', () => {
    expect(sceneAt(orderedScenes([scene(1, 5), scene(2, 9)]), 2)).toBe(0);
    expect(sceneAt([], 10)).toBe(-1);
  });
});

describe('formatTime', () => {
  it('writes minutes and seconds, hours when needed', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(5.9)).toBe('0:05');
    expect(formatTime(192)).toBe('3:12');
    expect(formatTime(420)).toBe('7:00');
    expect(formatTime(3725)).toBe('1:02:05');
  });

  it('reads nonsense as 0:00', () => {
    expect(formatTime(-4)).toBe('0:00');
    expect(formatTime(Number.NaN)).toBe('0:00');
    expect(formatTime(Infinity)).toBe('0:00');
  });
});

describe('layoutText', () => {
  it('cuts paragraphs into plain text and narrated words, losing nothing', () => {
    const content = 'Once, Élodie smiled.\n\nThe moon — round — rose.\n';
    const { words, paragraphs, paragraphOfWord } = layoutText(content, timingsFor(content));
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.map((p) => p.segments.map((s) => s.text).join(''))).toEqual([
      'Once, Élodie smiled.',
      'The moon — round — rose.',
    ]);
    const narrated = paragraphs.flatMap((p) => p.segments.filter((s) => s.word !== null).map((s) => s.text));
    expect(narrated).toEqual(['Once', 'Élodie', 'smiled', 'The', 'moon', 'round', 'rose']);
    expect(words).toHaveLength(7);
    expect(paragraphOfWord).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('shows the text without timings as plain paragraphs', () => {
    const { paragraphs, words } = layoutText('One.\nTwo.', []);
    expect(words).toEqual([]);
    expect(paragraphs.map((p) => p.segments)).toEqual([
      [{ text: 'One.', word: null }],
      [{ text: 'Two.', word: null }],
    ]);
  });
});
