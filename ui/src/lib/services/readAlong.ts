// Read-along arithmetic, kept pure so it is tested without a player: which scene and which word
// belong to a playback position, where the narrator's words sit in the text (their offsets come
// from Rust as UTF-8 byte offsets, which differ from JS string indices as soon as a word has an
// accent), and how a time is written.
import type { Scene } from '$lib/ipc/bindings';
import type { WordTiming } from '$lib/ipc/bindings';

/** A narrated word, located by JS string indices [from, to) into the story's content. */
export type TimedWord = { start: number; end: number; from: number; to: number };

/** A run of text; `word` is the index of its TimedWord, or null for text the narrator did not time. */
export type Segment = { text: string; word: number | null };

export type Paragraph = { from: number; to: number; segments: Segment[] };

export type TextLayout = {
  words: TimedWord[];
  paragraphs: Paragraph[];
  /** For each word index, the paragraph it is in. */
  paragraphOfWord: number[];
};

function utf8Length(codePoint: number): number {
  if (codePoint <= 0x7f) return 1;
  if (codePoint <= 0x7ff) return 2;
  if (codePoint <= 0xffff) return 3;
  return 4;
}

/**
 * A function from a UTF-8 byte offset into `content` to the JS string index of the same place
 * (the UTF-16 index of the character the byte belongs to). Built once per story; offsets past
 * the end map to `content.length`.
 */
export function byteToIndex(content: string): (byte: number) => number {
  const map: number[] = [];
  let index = 0;
  for (const char of content) {
    const bytes = utf8Length(char.codePointAt(0) ?? 0);
    for (let k = 0; k < bytes; k++) map.push(index);
    index += char.length;
  }
  map.push(content.length);
  return (byte) => (byte <= 0 ? 0 : byte >= map.length ? content.length : (map[byte] ?? content.length));
}

/** The narrator's timings located in JS indices, in time order; unusable entries dropped. */
export function timedWords(content: string, timings: readonly WordTiming[]): TimedWord[] {
  const at = byteToIndex(content);
  return timings
    .map((t) => ({ start: t.start, end: t.end, from: at(t.charStart), to: at(t.charEnd) }))
    .filter((w) => w.to > w.from && Number.isFinite(w.start) && w.end >= w.start)
    .sort((a, b) => a.start - b.start);
}

/**
 * The index of the word being said at `position`: the last word whose start ≤ position (it
 * stays lit through the pause after it), or -1 before the first word. Binary search: called
 * on every position update of stories with thousands of words.
 */
export function wordAt(words: readonly TimedWord[], position: number): number {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid]?.start ?? Infinity) <= position) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Scenes in the order they are told. */
export function orderedScenes(scenes: readonly Scene[]): Scene[] {
  return [...scenes].sort((a, b) => a.timestampSeconds - b.timestampSeconds || a.sceneNumber - b.sceneNumber);
}

/**
 * The index (into `ordered`, sorted by timestamp) of the scene shown at `position`: the latest
 * whose timestamp ≤ position; the first scene before any timestamp; -1 when there are none.
 */
export function sceneAt(ordered: readonly Scene[], position: number): number {
  if (ordered.length === 0) return -1;
  let found = 0;
  for (let i = 0; i < ordered.length; i++) {
    if ((ordered[i]?.timestampSeconds ?? Infinity) <= position) found = i;
    else break;
  }
  return found;
}

/** 192 → "3:12"; 3725 → "1:02:05". Whole seconds, rounded down; nonsense reads as 0:00. */
export function formatTime(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The story's paragraphs (separated by line breaks), each cut into runs of plain text and
 * narrated words, so the reader can light one word and seek when a word is tapped.
 */
export function layoutText(content: string, timings: readonly WordTiming[]): TextLayout {
  const words = timedWords(content, timings);
  // Text order, remembering each word's index in time order.
  const byPosition = words.map((w, i) => ({ ...w, i })).sort((a, b) => a.from - b.from);
  const paragraphOfWord = new Array<number>(words.length).fill(0);
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  let next = 0;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    const from = m.index;
    const to = from + m[0].length;
    if (m[0].trim() === '') continue;
    const segments: Segment[] = [];
    let cursor = from;
    while (next < byPosition.length && (byPosition[next]?.from ?? Infinity) < to) {
      const w = byPosition[next++]!;
      if (w.from < cursor) continue; // overlaps the previous word
      if (w.from > cursor) segments.push({ text: content.slice(cursor, w.from), word: null });
      const end = Math.min(w.to, to);
      segments.push({ text: content.slice(w.from, end), word: w.i });
      paragraphOfWord[w.i] = paragraphs.length;
      cursor = end;
    }
    if (cursor < to) segments.push({ text: content.slice(cursor, to), word: null });
    paragraphs.push({ from, to, segments });
  }
  return { words, paragraphs, paragraphOfWord };
}
