/**
 * A local fake of the OpenAI wire format on 127.0.0.1:0 (real HTTP): `/chat/completions`,
 * `/audio/speech`, `/audio/transcriptions`, `/images/generations`. Each path answers from a queue
 * of scripted replies (or its default success), and every request is recorded. Replies follow
 * OpenAI's documented shapes: `{choices: [{message: {content}, finish_reason}]}`, raw MP3 bytes,
 * `{words: [{word, start, end}]}`, `{created, data: [{b64_json, revised_prompt}]}`, and errors
 * `{error: {message, type, code}}` with their statuses and `retry-after` headers.
 */
import { testStream } from "../../functions/_shared/mp3.ts";

export type Reply =
  | { kind: "json"; status?: number; body: unknown; headers?: Record<string, string> }
  | { kind: "bytes"; body: Uint8Array; contentType: string }
  | { kind: "hang" };

export interface Recorded {
  path: string;
  headers: Headers;
  json?: Record<string, unknown>;
  form?: FormData;
}

/** A 1×1 PNG (valid signature and IHDR), base64. */
export const PNG_B64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

export function chatReply(content: unknown, finishReason = "stop"): Reply {
  return {
    kind: "json",
    body: {
      id: "chatcmpl-test",
      object: "chat.completion",
      choices: [{
        index: 0,
        message: { role: "assistant", content: typeof content === "string" ? content : JSON.stringify(content) },
        finish_reason: finishReason,
      }],
    },
  };
}

export function errorReply(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return { kind: "json", status, headers, body: { error: { message, type: code, code, param: null } } };
}

export const STORY_CONTENT = "Luna walked into the garden with Pip the hedgehog.\n\n" +
  "They found a lantern glowing under the old oak tree.\n\n" +
  "Luna shared the light with a lost little firefly.\n\n" +
  "Then everyone yawned, and Luna fell asleep under the stars.";

export const STORY = {
  title: "Luna and the Lantern",
  content: STORY_CONTENT,
  scenes: [
    {
      textSegment: "They found a lantern glowing under the old oak tree.",
      illustrationPrompt: "A girl and a hedgehog find a glowing lantern",
      emotion: "mysterious",
      importance: "major",
    },
    {
      textSegment: "Luna walked into the garden with Pip the hedgehog.",
      illustrationPrompt: "A girl and a hedgehog in a garden at dusk",
      emotion: "joyful",
      importance: "key",
    },
    {
      textSegment: "Then everyone yawned, and Luna fell asleep under the stars.",
      illustrationPrompt: "A girl asleep under the stars with a hedgehog",
      emotion: "peaceful",
      importance: "key",
    },
  ],
};

export class FakeOpenAi {
  readonly requests: Recorded[] = [];
  private readonly queues = new Map<string, Reply[]>();
  private readonly server: Deno.HttpServer<Deno.NetAddr>;
  /** Resolves the next time a request is left hanging. */
  private hung: (() => void)[] = [];
  private held: (() => void)[] = [];
  speechFrames = 100;

  constructor() {
    this.server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => this.handle(req));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.server.addr.port}/v1`;
  }

  /** Queues replies for `path` (e.g. "chat/completions"); after them the default success. */
  script(path: string, ...replies: Reply[]): void {
    this.queues.set(path, [...(this.queues.get(path) ?? []), ...replies]);
  }

  /** A promise resolved when a request is received and left hanging. */
  nextHang(): Promise<void> {
    return new Promise((resolve) => this.hung.push(resolve));
  }

  calls(path: string): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }

  private async handle(req: Request): Promise<Response> {
    const path = new URL(req.url).pathname.replace(/^\/v1\//, "");
    const recorded: Recorded = { path, headers: req.headers };
    if ((req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) recorded.form = await req.formData();
    else recorded.json = await req.json();
    this.requests.push(recorded);
    const reply = this.queues.get(path)?.shift() ?? this.success(path);
    if (reply.kind === "hang") {
      this.hung.shift()?.();
      // Held until the client gives up, or the server closes.
      return await new Promise<Response>((resolve) =>
        this.held.push(() => resolve(new Response(null, { status: 499 })))
      );
    }
    if (reply.kind === "bytes") {
      return new Response(reply.body as BodyInit, { headers: { "content-type": reply.contentType } });
    }
    return Response.json(reply.body, { status: reply.status ?? 200, headers: reply.headers });
  }

  private success(path: string): Reply {
    switch (path) {
      case "chat/completions":
        return chatReply(STORY);
      case "audio/speech":
        return { kind: "bytes", body: testStream(this.speechFrames), contentType: "audio/mpeg" };
      case "audio/transcriptions":
        return {
          kind: "json",
          body: {
            text: "Luna walked",
            words: [{ word: "Luna", start: 0.1, end: 0.4 }, { word: "walked", start: 0.45, end: 0.8 }],
          },
        };
      case "images/generations":
        return {
          kind: "json",
          body: { created: 1700000000, data: [{ b64_json: PNG_B64, revised_prompt: "a gentle portrait" }] },
        };
      default:
        return errorReply(404, "not_found", `unknown path ${path}`);
    }
  }

  async close(): Promise<void> {
    for (const release of this.held) release();
    await this.server.shutdown();
  }
}
