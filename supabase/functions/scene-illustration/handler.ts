/**
 * `scene-illustration` (api-contract §2.4): one `story_illustrations` row per scene, upserted
 * `pending` first (unique per story and scene, so a re-run replaces and bumps retry_count), then
 * moved through `processing` to `completed` or `failed` — every step a realtime UPDATE. One
 * failed scene does not stop the others; the answer says `completed`, `partial` or `failed`.
 */
import { EMOTIONS, fields, IMPORTANCE, num, oneOf, str, type Style, STYLES } from "../_shared/catalog.ts";
import { FnError } from "../_shared/envelope.ts";
import { illustrationPrompt } from "../_shared/media.ts";
import { heroOf, owned } from "../_shared/rows.ts";
import type { Call } from "../_shared/runtime.ts";
import type { Row } from "../_shared/store.ts";
import type { Scene } from "../_shared/writer.ts";
import { URL_TTL } from "../audio-synthesis/handler.ts";

function scene(value: unknown, i: number): Scene {
  if (typeof value !== "object" || value === null) throw FnError.invalid(`scenes[${i}] must be an object`);
  const f = fields(value as Row, {
    sceneNumber: { alias: "scene_number", required: true },
    textSegment: { alias: "text_segment", required: true },
    illustrationPrompt: { alias: "illustration_prompt", required: true },
    timestampSeconds: { alias: "timestamp_seconds", required: true },
    emotion: { required: true },
    importance: { required: true },
  });
  const n = num(f.sceneNumber, `scenes[${i}].sceneNumber`);
  if (!Number.isInteger(n) || n < 1) throw FnError.invalid(`scenes[${i}].sceneNumber must be a whole number from 1`);
  return {
    sceneNumber: n,
    textSegment: str(f.textSegment, `scenes[${i}].textSegment`),
    illustrationPrompt: str(f.illustrationPrompt, `scenes[${i}].illustrationPrompt`),
    timestampSeconds: num(f.timestampSeconds, `scenes[${i}].timestampSeconds`),
    emotion: oneOf(f.emotion, EMOTIONS, `scenes[${i}].emotion`),
    importance: oneOf(f.importance, IMPORTANCE, `scenes[${i}].importance`),
  };
}

export async function sceneIllustration(call: Call, body: Row): Promise<unknown> {
  const f = fields(body, {
    storyId: { alias: "story_id", required: true },
    heroId: { alias: "hero_id", required: true },
    scenes: { required: true },
  });
  if (!Array.isArray(f.scenes)) throw FnError.invalid("Invalid request: scenes must be an array");
  const scenes = f.scenes.map(scene);
  if (scenes.length < 1 || scenes.length > 10) throw FnError.invalid("scenes must hold 1 to 10 scenes");
  const story = await owned(call, "stories", f.storyId, "storyId");
  const heroRow = await owned(call, "heroes", f.heroId, "heroId");
  const storyId = story.id as string;
  const hero = heroOf(heroRow);
  const style: Style = (STYLES as readonly unknown[]).includes(heroRow.avatar_style)
    ? heroRow.avatar_style as Style
    : "picture_book";
  scenes.sort((a, b) => a.sceneNumber - b.sceneNumber);
  const rows: Row[] = [];
  for (const s of scenes) rows.push(await call.store.beginIllustration(storyId, s.sceneNumber));
  const results: Row[] = [];
  const total = scenes.length;
  for (const [i, s] of scenes.entries()) {
    await call.progress(i / total, `Drawing scene ${i + 1} of ${total}…`);
    const id = rows[i].id as string;
    await call.store.update("story_illustrations", id, { status: "processing" });
    try {
      const image = await call.openai.image(illustrationPrompt(style, hero, s.illustrationPrompt), "1024x1024");
      const path = `${call.user}/${storyId}/scene_${s.sceneNumber}.png`;
      await call.store.upload("story-illustrations", path, image.png, "image/png", "86400");
      const url = await call.store.signedUrl("story-illustrations", path, URL_TTL);
      await call.store.update("story_illustrations", id, {
        status: "completed",
        image_url: url,
        image_path: path,
        generation_id: image.generationId,
        error_message: null,
      });
      results.push({
        sceneNumber: s.sceneNumber,
        status: "completed",
        imageUrl: url,
        storagePath: path,
        generationId: image.generationId,
      });
    } catch (e) {
      const message = e instanceof FnError ? e.message : "the picture could not be made";
      await call.store.update("story_illustrations", id, { status: "failed", error_message: message });
      results.push({ sceneNumber: s.sceneNumber, status: "failed", errorMessage: message });
    }
  }
  const completed = results.filter((r) => r.status === "completed").length;
  const status = completed === total ? "completed" : completed === 0 ? "failed" : "partial";
  await call.progress(1.0, "The pictures are ready");
  return { illustrations: results, status, totalScenes: total, completedScenes: completed };
}
