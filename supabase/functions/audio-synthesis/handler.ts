/**
 * `audio-synthesis` (api-contract §2.2): narration of the caller's story in one of the seven
 * voices, stored privately at `{userId}/{storyId}/narration.mp3` (word timings beside it when
 * the provider gives them), its length measured from the MP3, the story's `audio_*` columns
 * updated (a realtime UPDATE) and a 1-hour signed URL returned.
 */
import { fields, LANGUAGES, oneOf, str, VOICES } from "../_shared/catalog.ts";
import { FnError } from "../_shared/envelope.ts";
import { narrate } from "../_shared/media.ts";
import { owned } from "../_shared/rows.ts";
import type { Call } from "../_shared/runtime.ts";
import type { Row } from "../_shared/store.ts";

/** Signed URLs in function responses live an hour. */
export const URL_TTL = 3600;

export async function audioSynthesis(call: Call, body: Row): Promise<unknown> {
  const f = fields(body, {
    storyId: { alias: "story_id", required: true },
    text: { required: true },
    voice: { required: true },
    language: { required: true },
  });
  const text = str(f.text, "text");
  if (!text.trim()) throw FnError.invalid("text must not be empty");
  if ([...text].length > 50_000) throw FnError.invalid("text must be at most 50,000 characters");
  const voice = oneOf(f.voice, VOICES, "voice");
  const language = oneOf(f.language, LANGUAGES, "language");
  const story = await owned(call, "stories", f.storyId, "storyId");
  const storyId = story.id as string;
  await call.progress(0.1, "Recording the narration…");
  const out = await narrate(call.openai, text, voice, language);
  await call.progress(0.8, "Saving the narration…");
  const path = `${call.user}/${storyId}/narration.mp3`;
  await call.store.upload("story-audio", path, out.bytes, "audio/mpeg", "3600");
  const audioUrl = await call.store.signedUrl("story-audio", path, URL_TTL);
  let timingsUrl: string | null = null;
  if (out.timings.length > 0) {
    const tpath = `${call.user}/${storyId}/timings.json`;
    await call.store.upload(
      "story-audio",
      tpath,
      new TextEncoder().encode(JSON.stringify(out.timings)),
      "application/json",
      "3600",
    );
    timingsUrl = await call.store.signedUrl("story-audio", tpath, URL_TTL);
  }
  const updated = await call.store.update("stories", storyId, {
    audio_url: audioUrl,
    audio_path: path,
    audio_duration: out.durationSeconds,
    audio_voice: voice,
    timings_url: timingsUrl,
  });
  if (!updated) throw FnError.notFound("Story");
  await call.progress(1.0, "The narration is ready");
  const data: Row = {
    audioUrl,
    storagePath: path,
    durationSeconds: out.durationSeconds,
    fileSizeBytes: out.bytes.length,
    voiceUsed: voice,
    format: "mp3",
  };
  if (timingsUrl) data.timingsUrl = timingsUrl;
  return data;
}
