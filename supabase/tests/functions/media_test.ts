// audio-synthesis, avatar-generation, scene-illustration and extract-scenes against the local
// fake OpenAI server: files in the caller's folder, rows updated, durations measured, word
// timings placed on the text, per-scene failures that do not stop the batch.
import assert from "node:assert/strict";
import { chunks, MAX_CHUNK } from "../../functions/_shared/media.ts";
import { mp3Duration, testStream } from "../../functions/_shared/mp3.ts";
import { audioSynthesis } from "../../functions/audio-synthesis/handler.ts";
import { avatarGeneration } from "../../functions/avatar-generation/handler.ts";
import { extractScenes } from "../../functions/extract-scenes/handler.ts";
import { sceneIllustration } from "../../functions/scene-illustration/handler.ts";
import { USER_A } from "./fake_backend.ts";
import { chatReply, errorReply, STORY, STORY_CONTENT } from "./fake_openai.ts";
import { call, Harness, HERO_A, HERO_B, STORY_A, STORY_B } from "./harness.ts";

type Data = Record<string, unknown>;

Deno.test("MP3 duration is measured from the frames", () => {
  assert.equal(mp3Duration(testStream(100)), (100 * 1152) / 44_100);
  assert.equal(mp3Duration(new TextEncoder().encode("not audio at all")), null);
  const tagged = new Uint8Array(10 + 20 + 417 * 3);
  tagged.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20]);
  tagged.set(testStream(3), 30);
  assert.equal(mp3Duration(tagged), (3 * 1152) / 44_100, "an ID3 tag is skipped");
});

Deno.test("long text is spoken in chunks of whole paragraphs that cover all of it", () => {
  const para = (n: number) => `${"Word ".repeat(n).trim()}.`;
  const text = [para(300), para(300), para(900), para(20)].join("\n\n");
  const parts = chunks(text);
  assert.ok(parts.every((c) => c.text.length <= MAX_CHUNK));
  for (const c of parts) assert.equal(text.slice(c.offset, c.offset + c.text.length), c.text);
  assert.equal(parts.map((c) => c.text).join(" ").split(/\s+/).length, text.split(/\s+/).length);
  // The first two paragraphs share a chunk; the long one is cut (no sentence end: at a space)
  // and its end shares a chunk with the last paragraph.
  assert.equal(parts.length, 3);
  assert.ok(parts[0].text.includes("\n\n") && parts[2].text.endsWith(para(20)));
});

Deno.test("audio-synthesis stores the narration, measures it and updates the story", async () => {
  const h = new Harness();
  try {
    h.openai.speechFrames = 250;
    const serve = h.serve("audio-synthesis", audioSynthesis);
    const res = await call(serve, { storyId: STORY_A, text: STORY_CONTENT, voice: "fable", language: "en" });
    assert.equal(res.status, 200);
    const data = res.json.data as Data;
    const seconds = Math.round((250 * 1152 / 44_100) * 1000) / 1000;
    assert.equal(data.durationSeconds, seconds);
    assert.equal(data.storagePath, `${USER_A}/${STORY_A}/narration.mp3`);
    assert.equal(data.format, "mp3");
    assert.equal(data.voiceUsed, "fable");
    assert.equal(data.fileSizeBytes, 250 * 417);
    assert.equal(data.timingsUrl, undefined, "no word timings without a transcription model");
    assert.match(String(data.audioUrl), /story-audio\/.*narration\.mp3\?token=.*ttl=3600/);
    assert.equal(h.backend.files.get(`story-audio/${USER_A}/${STORY_A}/narration.mp3`)?.contentType, "audio/mpeg");
    const story = h.backend.tables.stories.find((s) => s.id === STORY_A)!;
    assert.equal(story.audio_duration, seconds);
    assert.equal(story.audio_path, data.storagePath);
    const [speech] = h.openai.calls("audio/speech");
    assert.equal(speech.json!.voice, "fable");
    assert.match(String(speech.json!.instructions), /grandparent.*Read in English/);
    const theirs = await call(serve, { storyId: STORY_B, text: "Hello.", voice: "fable", language: "en" });
    assert.equal(theirs.status, 403);
    const voice = await call(serve, { storyId: STORY_A, text: "Hello.", voice: "robot", language: "en" });
    assert.match((voice.json.error as { message: string }).message, /voice must be one of coral, nova/);
  } finally {
    await h.close();
  }
});

Deno.test("audio-synthesis writes word timings when the provider gives them", async () => {
  const h = new Harness({ transcriptionModel: "whisper-1" });
  try {
    const serve = h.serve("audio-synthesis", audioSynthesis);
    const text = "Luna walked home.\n\nPip walked too.";
    h.openai.script("audio/transcriptions", {
      kind: "json",
      body: {
        words: [{ word: "Luna", start: 0.1, end: 0.4 }, { word: "walked", start: 0.5, end: 0.9 }, {
          word: "home",
          start: 1,
          end: 1.3,
        }],
      },
    });
    const res = await call(serve, { storyId: STORY_A, text, voice: "coral", language: "en" });
    assert.equal(res.status, 200);
    const data = res.json.data as Data;
    assert.ok(typeof data.timingsUrl === "string");
    const timings = JSON.parse(
      new TextDecoder().decode(h.backend.files.get(`story-audio/${USER_A}/${STORY_A}/timings.json`)!.bytes),
    );
    assert.deepEqual(timings[0], { word: "Luna", start: 0.1, end: 0.4, charStart: 0, charEnd: 4 });
    assert.deepEqual(
      timings.map((t: { word: string }) => t.word),
      ["Luna", "walked", "home", "Luna", "walked"].slice(0, timings.length),
    );
    const [form] = h.openai.calls("audio/transcriptions");
    assert.equal(form.form!.get("timestamp_granularities[]"), "word");
    assert.equal(form.form!.get("model"), "whisper-1");
  } finally {
    await h.close();
  }
});

Deno.test("avatar-generation refuses a harmful prompt before the provider sees it", async () => {
  const h = new Harness();
  try {
    const serve = h.serve("avatar-generation", avatarGeneration);
    const refused = await call(serve, { heroId: HERO_A, prompt: "Luna holding a sword and a gun" });
    assert.equal(refused.status, 400);
    const error = refused.json.error as { code: string; message: string };
    assert.equal(error.code, "CONTENT_POLICY_VIOLATION");
    assert.match(error.message, /gun/);
    assert.equal(h.openai.requests.length, 0);
    const ok = await call(serve, {
      heroId: HERO_A,
      prompt: "Luna in a scary costume",
      style: "watercolor",
      size: "1024x1792",
      quality: "high",
    });
    assert.equal(ok.status, 200);
    const data = ok.json.data as Data;
    assert.equal(data.storagePath, `${USER_A}/${HERO_A}/avatar.png`);
    assert.equal(data.imageSize, "1x1");
    assert.equal(data.revisedPrompt, "a gentle portrait");
    const [image] = h.openai.calls("images/generations");
    assert.equal(image.json!.size, "1024x1792");
    assert.match(
      String(image.json!.prompt),
      /watercolour.*Portrait of Luna, a brave and kind child with curly red hair\. Luna in a surprising costume/,
    );
    const hero = h.backend.tables.heroes.find((r) => r.id === HERO_A)!;
    assert.equal(hero.avatar_prompt, "Luna in a surprising costume");
    assert.equal(hero.avatar_style, "watercolor");
    assert.equal(hero.avatar_generation_id, data.generationId);
    const style = await call(serve, { heroId: HERO_A, prompt: "Luna", style: "oil" });
    assert.match((style.json.error as { message: string }).message, /style must be one of picture_book/);
    const theirs = await call(serve, { heroId: HERO_B, prompt: "Theo" });
    assert.equal(theirs.status, 403);
  } finally {
    await h.close();
  }
});

Deno.test("scene-illustration moves each row pending → processing → completed|failed and reports partial", async () => {
  const h = new Harness();
  try {
    const serve = h.serve("scene-illustration", sceneIllustration);
    const scenes = [2, 1, 3].map((n) => ({
      sceneNumber: n,
      textSegment: `Scene ${n}.`,
      illustrationPrompt: `Picture ${n}`,
      timestampSeconds: n * 10,
      emotion: "joyful",
      importance: "key",
    }));
    // Scenes are drawn in order: 1 succeeds, 2 is refused by the provider, 3 succeeds.
    h.openai.script("images/generations", {
      kind: "json",
      body: {
        created: 1,
        data: [{
          b64_json: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        }],
      },
    }, errorReply(400, "moderation_blocked", "Your request was rejected by the safety system"));
    const res = await call(serve, { storyId: STORY_A, heroId: HERO_A, scenes }, {
      requestId: "5d1f3c1a-0000-4000-8000-0000000000aa",
    });
    assert.equal(res.status, 200);
    const data = res.json.data as {
      status: string;
      totalScenes: number;
      completedScenes: number;
      illustrations: Data[];
    };
    assert.equal(data.status, "partial");
    assert.equal(data.totalScenes, 3);
    assert.equal(data.completedScenes, 2);
    assert.deepEqual(data.illustrations.map((i) => [i.sceneNumber, i.status]), [[1, "completed"], [2, "failed"], [
      3,
      "completed",
    ]]);
    assert.match(String(data.illustrations[1].errorMessage), /safety rules/);
    const rows = h.backend.tables.story_illustrations;
    assert.equal(rows.length, 3);
    for (const row of rows) {
      const last = row.scene_number === 2 ? "failed" : "completed";
      assert.deepEqual(h.backend.illustrationHistory.get(row.id as string), ["pending", "processing", last]);
    }
    assert.equal(h.backend.spends[0].weight, 3, "the quota counts scenes");
    assert.match(
      String(h.openai.calls("images/generations")[0].json!.prompt),
      /watercolour.*The hero Luna \(curly red hair\).*Picture 1/,
    );
    // A re-run of the failed scene 2 replaces its row and counts the retry.
    const again = await call(serve, { storyId: STORY_A, heroId: HERO_A, scenes: [scenes[0]] });
    assert.equal((again.json.data as { status: string }).status, "completed");
    assert.equal(rows.length, 3);
    const two = rows.find((r) => r.scene_number === 2)!;
    assert.equal(two.retry_count, 1);
    assert.equal(two.status, "completed");
    assert.equal(rows.find((r) => r.scene_number === 1)!.retry_count, 0);
    const eleven = await call(serve, { storyId: STORY_A, heroId: HERO_A, scenes: Array(11).fill(scenes[0]) });
    assert.match((eleven.json.error as { message: string }).message, /1 to 10 scenes/);
    const theirs = await call(serve, { storyId: STORY_B, heroId: HERO_A, scenes });
    assert.deepEqual(theirs.json.error, { code: "FORBIDDEN", message: "This story belongs to someone else" });
  } finally {
    await h.close();
  }
});

Deno.test("extract-scenes picks scenes from the given text", async () => {
  const h = new Harness();
  try {
    const serve = h.serve("extract-scenes", extractScenes);
    h.openai.script("chat/completions", chatReply({ scenes: STORY.scenes }));
    const res = await call(serve, {
      storyContent: STORY_CONTENT,
      storyDuration: 20,
      heroName: "Luna",
      eventContext: "bedtime adventure",
    });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const data = res.json.data as { sceneCount: number; scenes: { sceneNumber: number; timestampSeconds: number }[] };
    assert.equal(data.sceneCount, 3);
    assert.deepEqual(data.scenes.map((s) => s.sceneNumber), [1, 2, 3]);
    assert.ok(
      data.scenes[2].timestampSeconds > 10 && data.scenes[2].timestampSeconds < 20,
      "timed at the story's own pace",
    );
    const empty = await call(serve, { storyContent: " ", storyDuration: 20, heroName: "Luna" });
    assert.match((empty.json.error as { message: string }).message, /storyContent must not be empty/);
  } finally {
    await h.close();
  }
});
