/**
 * `extract-scenes` (api-contract §2.5): 3 to 8 illustrated moments of a story written or
 * edited elsewhere, picked by the chat model and checked against the text.
 */
import { fields, num, str } from "../_shared/catalog.ts";
import { FnError } from "../_shared/envelope.ts";
import type { Call } from "../_shared/runtime.ts";
import type { Row } from "../_shared/store.ts";
import { extractScenes as extract } from "../_shared/writer.ts";

export async function extractScenes(call: Call, body: Row): Promise<unknown> {
  const f = fields(body, {
    storyContent: { alias: "story_content", required: true },
    storyDuration: { alias: "story_duration", required: true },
    heroName: { alias: "hero_name", required: true },
    eventContext: { alias: "event_context" },
  });
  const storyContent = str(f.storyContent, "storyContent");
  if (!storyContent.trim()) throw FnError.invalid("storyContent must not be empty");
  if ([...storyContent].length > 50_000) throw FnError.invalid("storyContent must be at most 50,000 characters");
  const storyDuration = num(f.storyDuration, "storyDuration");
  if (!(storyDuration > 0 && storyDuration <= 7200)) {
    throw FnError.invalid("storyDuration must be between 0 and 7200 seconds");
  }
  const heroName = str(f.heroName, "heroName");
  if (!heroName.trim()) throw FnError.invalid("heroName must not be empty");
  const eventContext = f.eventContext === undefined ? "" : str(f.eventContext, "eventContext");
  const scenes = await extract(call.openai, { storyContent, storyDuration, heroName, eventContext });
  return { scenes, sceneCount: scenes.length };
}
