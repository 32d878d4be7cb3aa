/**
 * Test harness: a function served exactly as `Deno.serve` would serve it (`serveFunction`), on
 * the in-memory backend and a real OpenAI client pointed at the local fake server. Time is the
 * backend's clock; the OpenAI deadline is an abort signal the test fires itself.
 */
import { OpenAiClient, type OpenAiConfig } from "../../functions/_shared/openai.ts";
import { type Handler, serveFunction } from "../../functions/_shared/runtime.ts";
import type { Row } from "../../functions/_shared/store.ts";
import { FakeBackend, jwt, USER_A, USER_B } from "./fake_backend.ts";
import { FakeOpenAi } from "./fake_openai.ts";

export const HERO_A = "aaaaaaaa-1111-4000-8000-000000000001";
export const HERO_B = "bbbbbbbb-1111-4000-8000-000000000002";
export const EVENT_A = "aaaaaaaa-2222-4000-8000-000000000001";
export const STORY_A = "aaaaaaaa-3333-4000-8000-000000000001";
export const STORY_B = "bbbbbbbb-3333-4000-8000-000000000002";
export const API_KEY = "sk-test-secret-key-never-shown";

export class Harness {
  readonly backend = new FakeBackend();
  readonly openai = new FakeOpenAi();
  /** Aborting this makes the OpenAI request in flight time out. */
  deadline = new AbortController();
  readonly logs: string[] = [];
  /** Rejecting this ends the call in flight with the function's own deadline. */
  readonly expired = Promise.withResolvers<never>();
  sleeps = 0;

  constructor(extra: Partial<OpenAiConfig> = {}) {
    const t = this.backend.tables;
    t.heroes.push(
      {
        id: HERO_A,
        user_id: USER_A,
        name: "Luna",
        primary_trait: "brave",
        secondary_trait: "kind",
        appearance: "curly red hair",
        avatar_style: "watercolor",
      },
      { id: HERO_B, user_id: USER_B, name: "Theo", primary_trait: "funny", secondary_trait: "smart" },
    );
    t.custom_events.push({
      id: EVENT_A,
      user_id: USER_A,
      title: "First day at school",
      description: "Luna starts at a new school",
      prompt_seed: "a story about a scary first day",
      keywords: ["backpack"],
      tone: "calming",
      category: "learning",
      age_range: "4_6",
      usage_count: 0,
    });
    t.stories.push(
      {
        id: STORY_A,
        user_id: USER_A,
        hero_id: HERO_A,
        title: "Luna",
        content: "x",
        event_type: "built_in",
        event_id: "bedtime_adventure",
      },
      { id: STORY_B, user_id: USER_B, hero_id: HERO_B, title: "Theo", content: "x" },
    );
    this.client = new OpenAiClient(
      {
        baseUrl: this.openai.baseUrl,
        apiKey: API_KEY,
        chatModel: "gpt-test",
        speechModel: "tts-test",
        imageModel: "gpt-image-1",
        timeoutMs: 1,
        ...extra,
      },
      () => this.deadline.signal,
    );
  }

  private readonly client: OpenAiClient;

  serve(name: string, handler: Handler): (req: Request) => Promise<Response> {
    return serveFunction(name, handler, {
      backend: this.backend,
      openai: this.client,
      now: () => this.backend.now,
      sleep: () => {
        this.sleeps += 1;
        return Promise.resolve();
      },
      deadline: () => ({ expired: this.expired.promise, cancel: () => {} }),
      log: (message, fields) => this.logs.push(JSON.stringify({ message, ...fields })),
    });
  }

  /** Makes the request in flight at the fake time out, as soon as it arrives. */
  timeOutNextRequest(): void {
    this.openai.nextHang().then(() => this.deadline.abort(new DOMException("The operation timed out", "TimeoutError")));
  }

  async close(): Promise<void> {
    await this.openai.close();
  }
}

export function token(user: string, extra: Row = {}): string {
  return jwt({
    sub: user,
    role: "authenticated",
    aud: "authenticated",
    exp: Date.parse("2026-12-05T00:00:00Z") / 1000,
    ...extra,
  });
}

export async function call(
  fn: (req: Request) => Promise<Response>,
  body: unknown,
  opts: { user?: string | null; requestId?: string; method?: string; auth?: string; raw?: string } = {},
): Promise<{ status: number; headers: Headers; json: Row }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const user = opts.user === undefined ? USER_A : opts.user;
  if (opts.auth !== undefined) headers.authorization = opts.auth;
  else if (user) headers.authorization = `Bearer ${token(user)}`;
  if (opts.requestId) headers["x-request-id"] = opts.requestId;
  const method = opts.method ?? "POST";
  const res = await fn(
    new Request("http://functions.test/fn", {
      method,
      headers,
      body: method === "GET" ? undefined : opts.raw ?? JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text && text !== "ok" ? JSON.parse(text) : {} };
}
