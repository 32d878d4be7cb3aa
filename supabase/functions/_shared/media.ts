/**
 * Narration and pictures over the OpenAI-compatible API, as the storyteller's `openai/media.rs`:
 * the seven voices with their style notes and a per-language clause, text spoken in chunks of
 * whole paragraphs (sentences within a long one), the MP3 measured frame by frame; word
 * timings when the provider gives them (a transcription model with word timestamps), mapped
 * back onto the text's characters; illustration and avatar prompts with the safety wording.
 */
import type { Language, Style, Voice } from "./catalog.ts";
import { FnError } from "./envelope.ts";
import { mp3Duration } from "./mp3.ts";
import type { OpenAiClient } from "./openai.ts";
import type { HeroSpec } from "./writer.ts";

/** Longest chunk sent to `/audio/speech`, in characters (the API takes 4,096). */
export const MAX_CHUNK = 4000;

const STYLE_NOTES: Record<Voice, string> = {
  coral: "Warm and nurturing, a calm bedtime storyteller.",
  nova: "A cheerful, friendly storyteller, still soft for bedtime.",
  fable: "A wise, gentle grandparent, slow and cosy.",
  alloy: "Clear and neutral, calm and easy to follow.",
  echo: "Soft and dreamy, almost a whisper.",
  onyx: "A deep, reassuring parent's voice.",
  shimmer: "Bright and melodic, gentle and kind.",
};

const LANGUAGE_CLAUSES: Record<Language, string> = {
  en: "Read in English.",
  es: "Lee en español con acento natural.",
  fr: "Lis en français avec un accent naturel.",
  de: "Lies auf Deutsch mit natürlicher Aussprache.",
  it: "Leggi in italiano con pronuncia naturale.",
};

export interface Chunk {
  text: string;
  /** Offset of the chunk in the whole text, in UTF-16 units. */
  offset: number;
}

/** Paragraphs packed into chunks of at most `max` characters; a longer paragraph is cut after a sentence. */
export function chunks(text: string, max = MAX_CHUNK): Chunk[] {
  const pieces: Chunk[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const para = m[0];
    const lead = para.length - para.trimStart().length;
    let rest = para.trim();
    let offset = m.index! + lead;
    while (rest.length > max) {
      const window = rest.slice(0, max);
      const cut = Math.max(...[".", "!", "?", "…"].map((p) => window.lastIndexOf(p))) + 1;
      const at = cut > 0 ? cut : window.lastIndexOf(" ") > 0 ? window.lastIndexOf(" ") : max;
      pieces.push({ text: rest.slice(0, at).trim(), offset });
      const skipped = rest.slice(at);
      offset += at + (skipped.length - skipped.trimStart().length);
      rest = skipped.trimStart();
    }
    if (rest) pieces.push({ text: rest, offset });
  }
  // Pack neighbouring paragraphs while they fit.
  const out: Chunk[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (
      last && last.text.length + 2 + p.text.length <= max &&
      text.slice(last.offset, p.offset + p.text.length).length <= max
    ) {
      last.text = text.slice(last.offset, p.offset + p.text.length);
    } else {
      out.push({ ...p });
    }
  }
  return out;
}

export interface WordTiming {
  word: string;
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
}

export interface Narration {
  bytes: Uint8Array;
  durationSeconds: number;
  timings: WordTiming[];
}

const fold = (w: string) => w.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "");

/** Places transcribed words on the chunk's words (character offsets in code points of the whole text). */
export function align(
  text: string,
  chunk: Chunk,
  words: { word: string; start: number; end: number }[],
  shift: number,
): WordTiming[] {
  const tokens = [...chunk.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({
    folded: fold(m[0]),
    start: chunk.offset + m.index!,
    end: chunk.offset + m.index! + m[0].length,
  }));
  const cp = (i: number) => [...text.slice(0, i)].length;
  const out: WordTiming[] = [];
  let next = 0;
  for (const w of words) {
    const f = fold(w.word);
    if (!f) continue;
    // Look a few words ahead: the transcript may skip or merge a word.
    for (let k = next; k < Math.min(tokens.length, next + 4); k++) {
      if (tokens[k].folded === f) {
        out.push({
          word: text.slice(tokens[k].start, tokens[k].end),
          start: Math.round((w.start + shift) * 1000) / 1000,
          end: Math.round((w.end + shift) * 1000) / 1000,
          charStart: cp(tokens[k].start),
          charEnd: cp(tokens[k].end),
        });
        next = k + 1;
        break;
      }
    }
  }
  return out;
}

export async function narrate(
  openai: OpenAiClient,
  text: string,
  voice: Voice,
  language: Language,
): Promise<Narration> {
  const parts: Uint8Array[] = [];
  const timings: WordTiming[] = [];
  let elapsed = 0;
  for (const chunk of chunks(text)) {
    const audio = await openai.speech(chunk.text, voice, `${STYLE_NOTES[voice]} ${LANGUAGE_CLAUSES[language]}`);
    const seconds = mp3Duration(audio);
    if (seconds === null) throw FnError.provider("openai speech", "the answer is not MP3 audio");
    const words = await openai.words(audio, language);
    if (words) timings.push(...align(text, chunk, words, elapsed));
    elapsed += seconds;
    parts.push(audio);
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  const durationSeconds = mp3Duration(bytes);
  if (durationSeconds === null) throw FnError.provider("openai speech", "the answer is not MP3 audio");
  return { bytes, durationSeconds: Math.round(durationSeconds * 1000) / 1000, timings };
}

const STYLE_WORDS: Record<Style, string> = {
  picture_book: "cartoon picture-book illustration, bold friendly outlines, bright colours",
  watercolor: "soft watercolour illustration, gentle washes, pastel colours",
  digital_art: "digital character art, clean shapes, glowing light",
  animated_3d: "3D animated-film look, soft rounded shapes, warm lighting",
  classic_storybook: "classic storybook illustration, muted warm colours, fine ink lines",
};

const SAFE = "Child-friendly and gentle, a companion always present, cheerful setting, nothing scary, no text.";

export function illustrationPrompt(style: Style, hero: HeroSpec, scenePrompt: string): string {
  const look = hero.appearance ? ` (${hero.appearance})` : "";
  return `${
    STYLE_WORDS[style]
  }. The hero ${hero.name}${look} looks exactly as in earlier pictures. ${scenePrompt} ${SAFE}`;
}

export function avatarPrompt(style: Style, hero: HeroSpec, prompt: string): string {
  const look = hero.appearance ? ` with ${hero.appearance}` : "";
  return `${
    STYLE_WORDS[style]
  }. Portrait of ${hero.name}, a ${hero.primaryTrait} and ${hero.secondaryTrait} child${look}. ${prompt} ${SAFE}`;
}
