/**
 * The story writer and scene extractor over chat completions, as the storyteller's
 * `openai/writer.rs`: a system prompt carrying the original app's safety rules, a JSON answer
 * validated against the contract's shape (3 to 8 scenes, each an exact excerpt of the story,
 * known emotion and importance), one repair round in which the model is shown what was wrong,
 * and scene timestamps at the voice's pace (first 0, increasing).
 */
import { countWords, EMOTIONS, IMPORTANCE, type Language, type Voice, wordsPerMinute } from "./catalog.ts";
import { FnError } from "./envelope.ts";
import type { OpenAiClient } from "./openai.ts";

export const SAFETY =
  "You write gentle bedtime stories for children aged 4 to 10. Rules: the hero is never alone, a friendly " +
  "companion is always there; nothing scary, dark, violent, sad or frightening; no weapons, no fighting; problems " +
  "are solved with kindness, friendship or cleverness; the story ends calm and sleepy. Write as a native " +
  "storyteller of the requested language, with correct grammar and agreement.";

const SHAPE = 'Answer with one JSON object only: {"title": string, "content": string (paragraphs separated by a ' +
  'blank line), "scenes": [{"textSegment": string copied exactly from content, "illustrationPrompt": string in ' +
  'English (safe, descriptive, warm picture-book style, the hero with the companion, no text), "emotion": one of ' +
  `${EMOTIONS.join("|")}, "importance": one of ${IMPORTANCE.join("|")}}]} with 3 to 8 scenes in story order.`;

export interface Scene {
  sceneNumber: number;
  textSegment: string;
  illustrationPrompt: string;
  timestampSeconds: number;
  emotion: string;
  importance: string;
}

export interface HeroSpec {
  name: string;
  pronouns?: string | null;
  primaryTrait: string;
  secondaryTrait: string;
  appearance?: string | null;
  specialAbility?: string | null;
}

export type EventSpec =
  | { kind: "built_in"; id: string }
  | {
    kind: "custom";
    title: string;
    description: string;
    promptSeed: string;
    keywords: string[];
    tone: string;
    category: string;
    ageRange: string;
  };

export interface StoryRequest {
  hero: HeroSpec;
  event: EventSpec;
  targetDuration: number;
  language: Language;
  voice: Voice;
}

export interface StoryDraft {
  title: string;
  content: string;
  estimatedDuration: number;
  wordCount: number;
  scenes: Scene[];
}

const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  es: "Spanish",
  fr: "French",
  de: "German",
  it: "Italian",
};

export function storyPrompt(r: StoryRequest): string {
  const words = Math.round((r.targetDuration * wordsPerMinute(r.voice, r.language)) / 60);
  const h = r.hero;
  const event = r.event.kind === "built_in"
    ? `Event: ${r.event.id.replaceAll("_", " ")}.`
    : `Event: "${r.event.title}". Description: ${r.event.description}. Story idea: ${r.event.promptSeed}. ` +
      `Keywords: ${r.event.keywords.join(", ")}. Tone: ${r.event.tone}. Category: ${r.event.category}. ` +
      `Age range: ${r.event.ageRange}.`;
  return `Write a bedtime story in ${LANGUAGE_NAMES[r.language]} of about ${words} words. Hero: ${h.name} ` +
    `(pronouns: ${h.pronouns ?? "not given, use neutral phrasing"}), who is ${h.primaryTrait} and ${h.secondaryTrait}` +
    `${h.appearance ? `, looks like this: ${h.appearance}` : ""}` +
    `${h.specialAbility ? `, special ability: ${h.specialAbility}` : ""}. ${event} Include a setting, the hero's ` +
    `two traits, two or more small episodes where the traits${h.specialAbility ? " and the special ability" : ""} ` +
    "matter, a companion, a resolution through kindness or cleverness and a calm, sleepy ending.";
}

interface RawScene {
  textSegment?: unknown;
  text_segment?: unknown;
  illustrationPrompt?: unknown;
  illustration_prompt?: unknown;
  emotion?: unknown;
  importance?: unknown;
}

/** Checks scenes against `content`, numbers them in story order and times them at `wpm`. */
export function validateScenes(raw: unknown, content: string, wpm: number, problems: string[]): Scene[] {
  const list = Array.isArray(raw) ? raw as RawScene[] : [];
  if (list.length < 3 || list.length > 8) problems.push(`there must be 3 to 8 scenes, not ${list.length}`);
  const placed: { at: number; scene: Omit<Scene, "sceneNumber" | "timestampSeconds"> }[] = [];
  list.forEach((s, i) => {
    const segment = String(s?.textSegment ?? s?.text_segment ?? "").trim();
    const prompt = s?.illustrationPrompt ?? s?.illustration_prompt;
    if (typeof prompt !== "string" || prompt.trim() === "") problems.push(`scene ${i + 1} has no illustrationPrompt`);
    if (!(EMOTIONS as readonly unknown[]).includes(s?.emotion)) {
      problems.push(`scene ${i + 1} emotion is not one of ${EMOTIONS.join(", ")}`);
    }
    if (!(IMPORTANCE as readonly unknown[]).includes(s?.importance)) {
      problems.push(`scene ${i + 1} importance is not one of ${IMPORTANCE.join(", ")}`);
    }
    const at = segment === "" ? -1 : content.indexOf(segment);
    if (at < 0) {
      problems.push(`scene ${i + 1} textSegment is not an exact excerpt of content`);
      return;
    }
    placed.push({
      at,
      scene: {
        textSegment: segment,
        illustrationPrompt: String(prompt ?? ""),
        emotion: String(s.emotion),
        importance: String(s.importance),
      },
    });
  });
  placed.sort((a, b) => a.at - b.at);
  const unique = placed.filter((p, i) => i === 0 || p.at !== placed[i - 1].at);
  return unique.map((p, i) => ({
    sceneNumber: i + 1,
    ...p.scene,
    timestampSeconds: i === 0 ? 0 : Math.round((countWords(content.slice(0, p.at)) * 600) / wpm) / 10,
  }));
}

/** Asks, validates with `check`, and asks once more with the problems if needed. */
type Checked<T> = { ok: T } | { problems: string[] };

async function ask<T>(
  openai: OpenAiClient,
  system: string,
  user: string,
  check: (answer: string) => Checked<T>,
): Promise<T> {
  const messages = [{ role: "system", content: system }, { role: "user", content: user }];
  const first = await openai.chat(messages);
  const result = check(first);
  if ("ok" in result) return result.ok;
  messages.push({ role: "assistant", content: first });
  messages.push({
    role: "user",
    content: `That answer had problems: ${result.problems.join("; ")}. Return the corrected JSON object only.`,
  });
  const second = check(await openai.chat(messages));
  if ("problems" in second) {
    throw FnError.provider("openai chat", `the answer was still invalid after a repair: ${second.problems.join("; ")}`);
  }
  return second.ok;
}

function parse(answer: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(answer);
    return typeof v === "object" && v !== null ? v : null;
  } catch {
    return null;
  }
}

export function writeStory(openai: OpenAiClient, request: StoryRequest): Promise<StoryDraft> {
  const wpm = wordsPerMinute(request.voice, request.language);
  return ask(openai, `${SAFETY} ${SHAPE}`, storyPrompt(request), (answer): Checked<StoryDraft> => {
    const raw = parse(answer);
    if (!raw) return { problems: ["invalid JSON for the required shape"] };
    const problems: string[] = [];
    const title = typeof raw.title === "string" ? raw.title.trim() : "";
    const content = typeof raw.content === "string" ? raw.content : "";
    if (!title || !content.trim()) problems.push("title and content must not be empty");
    const scenes = validateScenes(raw.scenes, content, wpm, problems);
    if (problems.length > 0) return { problems };
    const wordCount = countWords(content);
    return { ok: { title, content, wordCount, estimatedDuration: Math.round((wordCount * 60) / wpm), scenes } };
  });
}

export function extractScenes(
  openai: OpenAiClient,
  r: { storyContent: string; storyDuration: number; heroName: string; eventContext: string },
): Promise<Scene[]> {
  const wpm = (Math.max(1, countWords(r.storyContent)) * 60) / Math.max(1, r.storyDuration);
  const system = `${SAFETY} Answer with one JSON object only: {"scenes": [...]} where each scene has textSegment ` +
    `(copied exactly from the story), illustrationPrompt, emotion and importance as described: ${SHAPE}`;
  const user =
    `Pick 3 to 8 illustrated moments of this story about ${r.heroName} (${r.eventContext}):\n\n${r.storyContent}`;
  return ask(openai, system, user, (answer): Checked<Scene[]> => {
    const raw = parse(answer);
    if (!raw) return { problems: ["invalid JSON"] };
    const problems: string[] = [];
    const scenes = validateScenes(raw.scenes, r.storyContent, wpm, problems);
    return problems.length > 0 ? { problems } : { ok: scenes };
  });
}
