/**
 * `avatar-generation` (api-contract §2.3): a portrait of the caller's hero in one of five
 * styles; the family's prompt goes through the safety filter first (refused →
 * CONTENT_POLICY_VIOLATION with what to change, mild words rewritten), the PNG is stored at
 * `{userId}/{heroId}/avatar.png` and the hero's `avatar_*` columns are updated.
 */
import { fields, oneOf, QUALITIES, SIZES, str, type Style, STYLES } from "../_shared/catalog.ts";
import { FnError } from "../_shared/envelope.ts";
import { avatarPrompt } from "../_shared/media.ts";
import { heroOf, owned } from "../_shared/rows.ts";
import type { Call } from "../_shared/runtime.ts";
import { checkText } from "../_shared/safety.ts";
import type { Row } from "../_shared/store.ts";
import { URL_TTL } from "../audio-synthesis/handler.ts";

export async function avatarGeneration(call: Call, body: Row): Promise<unknown> {
  const f = fields(body, {
    heroId: { alias: "hero_id", required: true },
    prompt: { required: true },
    style: {},
    size: {},
    quality: {},
    previousGenerationId: { alias: "previous_generation_id" },
  });
  const prompt = str(f.prompt, "prompt");
  const length = [...prompt.trim()].length;
  if (length < 1 || length > 1000) throw FnError.invalid("prompt must be 1 to 1000 characters");
  const style: Style = f.style == null ? "picture_book" : oneOf(f.style, STYLES, "style");
  const size = f.size == null ? "1024x1024" : oneOf(f.size, SIZES, "size");
  if (f.quality != null) oneOf(f.quality, QUALITIES, "quality");
  const heroRow = await owned(call, "heroes", f.heroId, "heroId");
  const verdict = checkText(prompt, "en");
  if (verdict.kind === "refused") throw FnError.contentPolicy(verdict.message);
  const safePrompt = verdict.kind === "rewritten" ? verdict.text : prompt;
  await call.progress(0.2, "Drawing the portrait…");
  const image = await call.openai.image(avatarPrompt(style, heroOf(heroRow), safePrompt), size);
  const heroId = heroRow.id as string;
  const path = `${call.user}/${heroId}/avatar.png`;
  await call.store.upload("hero-avatars", path, image.png, "image/png", "86400");
  const url = await call.store.signedUrl("hero-avatars", path, URL_TTL);
  const updated = await call.store.update("heroes", heroId, {
    avatar_url: url,
    avatar_path: path,
    avatar_prompt: safePrompt,
    avatar_generation_id: image.generationId,
    avatar_style: style,
  });
  if (!updated) throw FnError.notFound("Hero");
  await call.progress(1.0, "The portrait is ready");
  const data: Row = {
    avatarUrl: url,
    storagePath: path,
    generationId: image.generationId,
    fileSizeBytes: image.png.length,
    imageSize: `${image.width}x${image.height}`,
  };
  if (image.revisedPrompt) data.revisedPrompt = image.revisedPrompt;
  return data;
}
