/**
 * `story-generation` (api-contract §2.1): the caller's hero and event — built-in, or their own
 * custom event, its text passed through the safety filter first — become a story written by the
 * chat model, saved with its scenes in one transaction (realtime INSERTs), with progress
 * broadcasts on `progress-{requestId}`.
 */
import { BUILT_IN_EVENTS, fields, LANGUAGES, num, oneOf, str, type Voice, VOICES } from "../_shared/catalog.ts";
import { FnError } from "../_shared/envelope.ts";
import { heroOf, owned } from "../_shared/rows.ts";
import type { Call } from "../_shared/runtime.ts";
import { checkText, type Language } from "../_shared/safety.ts";
import type { Row } from "../_shared/store.ts";
import { type EventSpec, writeStory } from "../_shared/writer.ts";

/** `text` as the safety filter lets it through (rewritten kindly), or CONTENT_POLICY_VIOLATION. */
export function safe(text: string, language: Language): string {
  const verdict = checkText(text, language);
  if (verdict.kind === "refused") throw FnError.contentPolicy(verdict.message);
  return verdict.kind === "rewritten" ? verdict.text : text;
}

export async function storyGeneration(call: Call, body: Row): Promise<unknown> {
  const f = fields(body, {
    heroId: { alias: "hero_id", required: true },
    event: { required: true },
    targetDuration: { alias: "target_duration", required: true },
    language: { required: true },
    voice: {},
  });
  const target = num(f.targetDuration, "targetDuration");
  if (target < 60 || target > 900) throw FnError.invalid("targetDuration must be between 60 and 900 seconds");
  const language = oneOf(f.language, LANGUAGES, "language");
  const voice: Voice = f.voice === undefined || f.voice === null ? "coral" : oneOf(f.voice, VOICES, "voice");
  const event = fields(typeof f.event === "object" && f.event !== null ? f.event as Row : {}, {
    type: { required: true },
    data: { required: true },
  });
  if (typeof event.data !== "object" || Array.isArray(event.data)) {
    throw FnError.invalid("event.data must be an object");
  }
  const data = event.data as Row;
  await call.progress(0.05, "Getting ready…");
  const heroRow = await owned(call, "heroes", f.heroId, "heroId");
  const hero = heroOf(heroRow);
  hero.appearance = hero.appearance ? safe(hero.appearance, language) : hero.appearance;
  hero.specialAbility = hero.specialAbility ? safe(hero.specialAbility, language) : hero.specialAbility;
  let spec: EventSpec;
  let customId: string | null = null;
  let eventId: string | null = null;
  const kind = str(event.type, "event.type");
  if (kind === "built_in") {
    const id = data.event;
    if (typeof id !== "string") throw FnError.invalid("event.data.event is required for a built_in event");
    if (!(BUILT_IN_EVENTS as readonly string[]).includes(id)) {
      throw FnError.invalid(`event.data.event: unknown built-in event '${id}'`);
    }
    spec = { kind: "built_in", id };
    eventId = id;
  } else if (kind === "custom") {
    const id = data.custom_event_id ?? data.customEventId;
    if (typeof id !== "string") throw FnError.invalid("event.data.custom_event_id is required for a custom event");
    const row = await owned(call, "custom_events", id, "customEventId");
    customId = row.id as string;
    spec = {
      kind: "custom",
      title: safe(String(row.title ?? ""), language),
      description: safe(String(row.description ?? ""), language),
      promptSeed: safe(String(row.prompt_seed ?? ""), language),
      keywords: (Array.isArray(row.keywords) ? row.keywords.map(String) : []).map((k) => safe(k, language)),
      tone: String(row.tone ?? "balanced"),
      category: String(row.category ?? "custom"),
      ageRange: String(row.age_range ?? "all_ages"),
    };
  } else {
    throw FnError.invalid(`event.type must be built_in or custom, not '${kind}'`);
  }
  await call.progress(0.2, "Writing the story…");
  const targetDuration = Math.round(target);
  const draft = await writeStory(call.openai, { hero, event: spec, targetDuration, language, voice });
  await call.progress(0.8, "Saving the story…");
  const storyId = crypto.randomUUID();
  await call.store.saveStory(
    {
      id: storyId,
      user_id: call.user,
      hero_id: heroRow.id,
      custom_event_id: customId,
      event_type: kind,
      event_id: eventId,
      title: draft.title,
      content: draft.content,
      language,
      voice,
      target_duration: targetDuration,
      estimated_duration: draft.estimatedDuration,
      word_count: draft.wordCount,
    },
    draft.scenes.map((s) => ({
      story_id: storyId,
      scene_number: s.sceneNumber,
      text_segment: s.textSegment,
      illustration_prompt: s.illustrationPrompt,
      timestamp_seconds: s.timestampSeconds,
      emotion: s.emotion,
      importance: s.importance,
    })),
  );
  if (customId) await call.store.useCustomEvent(customId);
  await call.progress(1.0, "Your story is ready");
  return {
    storyId,
    title: draft.title,
    content: draft.content,
    estimatedDuration: draft.estimatedDuration,
    wordCount: draft.wordCount,
    scenes: draft.scenes,
  };
}
