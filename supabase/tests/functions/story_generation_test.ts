// story-generation and the request cycle every function shares: envelopes, statuses, auth,
// quotas, X-Request-ID replay, progress broadcasts, and the provider's failures (429, content
// policy, timeout, 5xx) mapped onto the contract's codes — against the local fake OpenAI server.
import assert from "node:assert/strict";
import { storyGeneration } from "../../functions/story-generation/handler.ts";
import { USER_A, USER_B } from "./fake_backend.ts";
import { chatReply, errorReply, STORY, STORY_CONTENT } from "./fake_openai.ts";
import { API_KEY, call, EVENT_A, Harness, HERO_A, HERO_B, token } from "./harness.ts";

const BODY = {
  heroId: HERO_A,
  event: { type: "built_in", data: { event: "bedtime_adventure" } },
  targetDuration: 300,
  language: "en",
  voice: "coral",
};

async function withHarness(fn: (h: Harness, serve: (req: Request) => Promise<Response>) => Promise<void>) {
  const h = new Harness();
  try {
    await fn(h, h.serve("story-generation", storyGeneration));
  } finally {
    await h.close();
  }
}

Deno.test("a story is written, saved with its scenes and answered in the success envelope", () =>
  withHarness(async (h, serve) => {
    const res = await call(serve, BODY, { requestId: "6f1c2b1e-0000-4000-8000-000000000001" });
    assert.equal(res.status, 200);
    assert.equal(res.json.success, true);
    assert.deepEqual(Object.keys(res.json.meta as object).sort(), ["cached", "processingTime", "requestId"]);
    assert.equal((res.json.meta as { requestId: string }).requestId, "6f1c2b1e-0000-4000-8000-000000000001");
    assert.equal(res.headers.get("x-request-id"), "6f1c2b1e-0000-4000-8000-000000000001");
    const data = res.json.data as {
      storyId: string;
      title: string;
      wordCount: number;
      estimatedDuration: number;
      scenes: { sceneNumber: number; textSegment: string; timestampSeconds: number }[];
    };
    assert.equal(data.title, STORY.title);
    assert.equal(data.wordCount, STORY_CONTENT.split(/\s+/).length);
    assert.equal(data.estimatedDuration, Math.round(data.wordCount * 60 / 136));
    // Scenes in story order (the model sent them out of order), first at 0, increasing.
    assert.deepEqual(data.scenes.map((s) => s.sceneNumber), [1, 2, 3]);
    assert.equal(data.scenes[0].textSegment, "Luna walked into the garden with Pip the hedgehog.");
    assert.equal(data.scenes[0].timestampSeconds, 0);
    assert.ok(data.scenes[1].timestampSeconds > 0 && data.scenes[2].timestampSeconds > data.scenes[1].timestampSeconds);
    const story = h.backend.tables.stories.find((s) => s.id === data.storyId)!;
    assert.equal(story.user_id, USER_A);
    assert.equal(story.event_id, "bedtime_adventure");
    assert.equal(story.voice, "coral");
    assert.equal(h.backend.tables.story_scenes.filter((s) => s.story_id === data.storyId).length, 3);
    // Progress on progress-{requestId}, in order.
    assert.deepEqual(
      h.backend.broadcasts.map((b) => [b.topic, b.payload.progress]),
      [0.05, 0.2, 0.8, 1].map((p) => ["progress-6f1c2b1e-0000-4000-8000-000000000001", p]),
    );
    // The request the provider got: JSON output, the safety rules, the key as a bearer token.
    const [chat] = h.openai.calls("chat/completions");
    assert.equal(chat.headers.get("authorization"), `Bearer ${API_KEY}`);
    assert.deepEqual(chat.json!.response_format, { type: "json_object" });
    const messages = chat.json!.messages as { role: string; content: string }[];
    assert.match(messages[0].content, /never alone/);
    assert.match(messages[1].content, /Hero: Luna .*brave and kind, looks like this: curly red hair/);
    assert.match(messages[1].content, /about 680 words/);
  }));

Deno.test("an answer with too few scenes gets one repair round", () =>
  withHarness(async (h, serve) => {
    h.openai.script("chat/completions", chatReply({ ...STORY, scenes: STORY.scenes.slice(0, 2) }));
    const res = await call(serve, BODY);
    assert.equal(res.status, 200);
    const chats = h.openai.calls("chat/completions");
    assert.equal(chats.length, 2);
    const repair = (chats[1].json!.messages as { content: string }[]).at(-1)!.content;
    assert.match(repair, /there must be 3 to 8 scenes, not 2/);
  }));

Deno.test("an answer still wrong after the repair is a PROVIDER_ERROR and the quota is given back", () =>
  withHarness(async (h, serve) => {
    h.openai.script("chat/completions", chatReply("not json"), chatReply({ title: "x", content: "y", scenes: [] }));
    const res = await call(serve, BODY);
    assert.equal(res.status, 502);
    assert.equal((res.json.error as { code: string }).code, "PROVIDER_ERROR");
    assert.equal(h.backend.spends.length, 0);
    assert.equal(h.backend.tables.stories.length, 2);
  }));

Deno.test("the provider's 429 is RATE_LIMITED with its Retry-After", () =>
  withHarness(async (h, serve) => {
    h.openai.script(
      "chat/completions",
      errorReply(429, "rate_limit_exceeded", "Rate limit reached", { "retry-after": "7" }),
    );
    const res = await call(serve, BODY);
    assert.equal(res.status, 429);
    const error = res.json.error as { code: string; retryAfter: number; message: string };
    assert.equal(error.code, "RATE_LIMITED");
    assert.equal(error.retryAfter, 7);
    assert.equal(res.headers.get("retry-after"), "7");
    assert.ok(typeof res.json.requestId === "string" && typeof res.json.timestamp === "string");
    assert.equal(h.backend.spends.length, 0, "a failed call does not use up the quota");
  }));

Deno.test("a 429 for an empty account is a PROVIDER_ERROR, not a retry", () =>
  withHarness(async (h, serve) => {
    h.openai.script("chat/completions", errorReply(429, "insufficient_quota", "You exceeded your current quota"));
    const res = await call(serve, BODY);
    assert.equal(res.status, 502);
    assert.equal((res.json.error as { code: string }).code, "PROVIDER_ERROR");
  }));

Deno.test("the provider's content-policy refusal is CONTENT_POLICY_VIOLATION", () =>
  withHarness(async (h, serve) => {
    h.openai.script("chat/completions", errorReply(400, "content_policy_violation", "Your request was rejected"));
    const res = await call(serve, BODY);
    assert.equal(res.status, 400);
    assert.equal((res.json.error as { code: string }).code, "CONTENT_POLICY_VIOLATION");
    h.openai.script("chat/completions", chatReply("{}", "content_filter"));
    const filtered = await call(serve, BODY);
    assert.equal((filtered.json.error as { code: string }).code, "CONTENT_POLICY_VIOLATION");
  }));

Deno.test("a provider that does not answer in time is TIMEOUT 504", () =>
  withHarness(async (h, serve) => {
    h.openai.script("chat/completions", { kind: "hang" });
    h.timeOutNextRequest();
    const res = await call(serve, BODY);
    assert.equal(res.status, 504);
    assert.equal((res.json.error as { code: string }).code, "TIMEOUT");
  }));

Deno.test("a call past the function's own deadline is TIMEOUT 504 and refunded", () =>
  withHarness(async (h, serve) => {
    h.openai.script("chat/completions", { kind: "hang" });
    h.openai.nextHang().then(async () => {
      const { FnError } = await import("../../functions/_shared/envelope.ts");
      h.expired.reject(FnError.timeout("The story engine"));
    });
    const res = await call(serve, BODY);
    assert.equal(res.status, 504);
    assert.deepEqual(res.json.error, {
      code: "TIMEOUT",
      message: "The story engine did not answer in time; please try again",
    });
    assert.equal(h.backend.spends.length, 0);
    h.deadline.abort(new DOMException("cleanup", "TimeoutError"));
  }));

Deno.test("a provider failure is PROVIDER_ERROR 502 and never shows the key", () =>
  withHarness(async (h, serve) => {
    h.openai.script("chat/completions", errorReply(401, "invalid_api_key", `Incorrect API key provided: ${API_KEY}`));
    const res = await call(serve, BODY);
    assert.equal(res.status, 502);
    assert.equal((res.json.error as { code: string }).code, "PROVIDER_ERROR");
    assert.ok(!JSON.stringify(res.json).includes(API_KEY));
    h.openai.script("chat/completions", errorReply(503, "server_error", "overloaded"));
    assert.equal((await call(serve, BODY)).status, 502);
  }));

Deno.test("the 11th story in an hour is refused with retryAfter, and the hour slides", () =>
  withHarness(async (h, serve) => {
    for (let i = 0; i < 10; i++) {
      assert.equal((await call(serve, BODY)).status, 200, `story ${i + 1}`);
      h.backend.now += 60_000;
    }
    const refused = await call(serve, BODY);
    assert.equal(refused.status, 429);
    const error = refused.json.error as { code: string; retryAfter: number; details: unknown };
    assert.equal(error.code, "RATE_LIMITED");
    assert.equal(error.retryAfter, 3600 - 600, "until the first story leaves the hour");
    assert.deepEqual(error.details, { function: "story-generation", limit: 10, window: "1h" });
    assert.equal(refused.headers.get("retry-after"), "3000");
    assert.equal(h.openai.calls("chat/completions").length, 10, "the refused call never reached the provider");
    assert.equal(
      (await call(serve, { ...BODY, heroId: HERO_B }, { user: USER_B })).status,
      200,
      "B has a quota of B's own",
    );
    h.backend.now += 3000_000;
    assert.equal((await call(serve, BODY)).status, 200, "after the first story left the hour");
  }));

Deno.test("the same X-Request-ID gets the first answer back, marked cached, without a second story", () =>
  withHarness(async (h, serve) => {
    const id = "0b7f9a39-2b0c-4c59-9a0e-5b8d1c6f7e21";
    const first = await call(serve, BODY, { requestId: id });
    const second = await call(serve, BODY, { requestId: id });
    assert.equal(second.status, 200);
    assert.deepEqual(second.json.data, first.json.data);
    assert.equal((first.json.meta as { cached: boolean }).cached, false);
    assert.equal((second.json.meta as { cached: boolean }).cached, true);
    assert.equal(h.openai.calls("chat/completions").length, 1);
    assert.equal(h.backend.spends.length, 1);
    assert.equal(h.backend.tables.stories.length, 3);
    // Another user's identical id is another call.
    h.backend.tables.heroes.push({
      id: "bbbbbbbb-1111-4000-8000-00000000000b",
      user_id: USER_B,
      name: "Ben",
      primary_trait: "kind",
    });
    const other = await call(serve, { ...BODY, heroId: "bbbbbbbb-1111-4000-8000-00000000000b" }, {
      user: USER_B,
      requestId: id,
    });
    assert.equal((other.json.meta as { cached: boolean }).cached, false);
  }));

Deno.test("a duplicate while the first call runs waits for it", () =>
  withHarness(async (h, serve) => {
    const id = "1c8e0a4a-3d1f-4d6a-8b1f-6c9e2d7f8a32";
    h.backend.claims.set(`${USER_A}/story-generation/${id}`, { state: "running" });
    const original = h.backend.claim.bind(h.backend);
    h.backend.claim = (user, fn, rid) => {
      // The first call finishes while the duplicate waits.
      if (h.sleeps === 2) {
        h.backend.finish(user, fn, rid, 200, {
          success: true,
          data: { storyId: "s" },
          meta: { requestId: rid, processingTime: 1, cached: false },
        });
      }
      return original(user, fn, rid);
    };
    const res = await call(serve, BODY, { requestId: id });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.data, { storyId: "s" });
    assert.equal((res.json.meta as { cached: boolean }).cached, true);
    assert.equal(h.sleeps, 2);
    assert.equal(h.openai.requests.length, 0);
  }));

Deno.test("callers without a valid user token are UNAUTHORIZED", () =>
  withHarness(async (_h, serve) => {
    const none = await call(serve, BODY, { user: null });
    assert.equal(none.status, 401);
    assert.match((none.json.error as { message: string }).message, /Sign in first/);
    const anon = await call(serve, BODY, { auth: `Bearer ${token("x", { role: "anon", sub: undefined })}` });
    assert.equal(anon.status, 401);
    assert.match((anon.json.error as { message: string }).message, /Sign in first/);
    const expired = await call(serve, BODY, { auth: `Bearer ${token(USER_A, { exp: 1000 })}` });
    assert.equal(expired.status, 401);
    assert.match((expired.json.error as { message: string }).message, /expired/);
    const garbage = await call(serve, BODY, { auth: "Bearer not-a-jwt" });
    assert.equal(garbage.status, 401);
    assert.equal((garbage.json.error as { code: string }).code, "UNAUTHORIZED");
  }));

Deno.test("someone else's hero is FORBIDDEN, an unknown one NOT_FOUND, a malformed id INVALID_REQUEST", () =>
  withHarness(async (h, serve) => {
    const theirs = await call(serve, { ...BODY, heroId: HERO_B });
    assert.equal(theirs.status, 403);
    assert.deepEqual(theirs.json.error, { code: "FORBIDDEN", message: "This hero belongs to someone else" });
    const unknown = await call(serve, { ...BODY, heroId: "cccccccc-1111-4000-8000-000000000003" });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.json.error as { message: string }).message, "Hero not found");
    const bad = await call(serve, { ...BODY, heroId: "42" });
    assert.equal(bad.status, 400);
    assert.match((bad.json.error as { message: string }).message, /heroId must be a UUID/);
    assert.equal(h.openai.requests.length, 0);
    assert.equal(h.backend.spends.length, 0, "refused calls are refunded");
  }));

Deno.test("bad requests say which field to fix", () =>
  withHarness(async (_h, serve) => {
    const message = async (body: unknown, opts = {}) => {
      const res = await call(serve, body, opts);
      return `${res.status} ${(res.json.error as { code: string; message: string }).code} ${
        (res.json.error as { message: string }).message
      }`;
    };
    assert.match(
      await message({ ...BODY, heroID: HERO_A }),
      /^400 INVALID_REQUEST Invalid request: unknown field `heroID`/,
    );
    assert.match(await message({ ...BODY, targetDuration: 30 }), /^400 .*targetDuration must be between 60 and 900/);
    assert.match(await message({ ...BODY, language: "nl" }), /^400 .*language must be one of en, es, fr, de, it/);
    assert.match(
      await message({ ...BODY, event: { type: "built_in", data: { event: "zombies" } } }),
      /unknown built-in event 'zombies'/,
    );
    assert.match(await message({ heroId: HERO_A }), /missing field `event`/);
    assert.match(await message(null, { raw: "{not json" }), /^400 INVALID_REQUEST Invalid JSON in request body/);
    assert.match(await message(null, { raw: "[1, 2]" }), /must be a JSON object/);
    assert.match(
      await message(null, { raw: JSON.stringify({ pad: "x".repeat(1024 * 1024) }) }),
      /^413 PAYLOAD_TOO_LARGE/,
    );
    const get = await call(serve, null, { method: "GET" });
    assert.equal(get.status, 405);
    const snake = await call(serve, { hero_id: HERO_A, event: BODY.event, target_duration: 300, language: "en" });
    assert.equal(snake.status, 200, "snake_case aliases are accepted");
  }));

Deno.test("CORS preflight answers ok", () =>
  withHarness(async (_h, serve) => {
    const res = await serve(new Request("http://functions.test/fn", { method: "OPTIONS" }));
    assert.equal(res.status, 200);
    assert.match(res.headers.get("access-control-allow-headers")!, /x-request-id/);
    await res.body?.cancel();
  }));

Deno.test("a custom event is checked by the safety filter: mild words rewritten, harmful ones refused", () =>
  withHarness(async (h, serve) => {
    const custom = { ...BODY, event: { type: "custom", data: { custom_event_id: EVENT_A } } };
    const ok = await call(serve, custom);
    assert.equal(ok.status, 200);
    const prompt = (h.openai.calls("chat/completions")[0].json!.messages as { content: string }[])[1].content;
    assert.match(prompt, /Story idea: a story about a surprising first day/);
    assert.equal(h.backend.tables.custom_events[0].usage_count, 1);
    const story = h.backend.tables.stories.at(-1)!;
    assert.equal(story.custom_event_id, EVENT_A);
    assert.equal(story.event_type, "custom");
    h.backend.tables.custom_events[0].prompt_seed = "Luna prend un couteau";
    const refused = await call(serve, { ...custom, language: "fr" });
    assert.equal(refused.status, 400);
    const error = refused.json.error as { code: string; message: string };
    assert.equal(error.code, "CONTENT_POLICY_VIOLATION");
    assert.match(error.message, /couteau/);
    assert.match(error.message, /histoire du soir/);
    assert.equal(h.openai.calls("chat/completions").length, 1, "refused text never reaches the provider");
  }));
