/**
 * An OpenAI-compatible API client (OpenAI, or any server with the same wire format): chat
 * completions with JSON output, `/audio/speech`, `/images/generations` and, when a
 * transcription model is configured, `/audio/transcriptions` with word timestamps. Failures map
 * onto the contract's codes exactly as the storyteller's `openai/client.rs` maps them:
 * 429 + Retry-After → RATE_LIMITED (insufficient_quota → PROVIDER_ERROR), a content-policy 400 →
 * CONTENT_POLICY_VIOLATION, timeouts/408/504 → TIMEOUT, 401/403/5xx and the rest → PROVIDER_ERROR.
 * The key comes from the function's secrets and never appears in an error or a log.
 */
import { FnError } from "./envelope.ts";

export interface OpenAiConfig {
  baseUrl: string;
  apiKey?: string;
  chatModel: string;
  speechModel: string;
  imageModel: string;
  /** Word timings from `/audio/transcriptions` (e.g. whisper-1); none when unset. */
  transcriptionModel?: string;
  timeoutMs: number;
}

/** The configuration from the function's environment (secrets: `supabase secrets set`). */
export function configFromEnv(env: { get(name: string): string | undefined }): OpenAiConfig {
  const timeout = Number(env.get("OPENAI_TIMEOUT_MS") ?? "120000");
  return {
    baseUrl: env.get("OPENAI_BASE_URL") ?? "https://api.openai.com/v1",
    apiKey: env.get("OPENAI_API_KEY") || undefined,
    chatModel: env.get("OPENAI_CHAT_MODEL") ?? "gpt-4o-mini",
    speechModel: env.get("OPENAI_SPEECH_MODEL") ?? "gpt-4o-mini-tts",
    imageModel: env.get("OPENAI_IMAGE_MODEL") ?? "gpt-image-1",
    transcriptionModel: env.get("OPENAI_TRANSCRIPTION_MODEL") || undefined,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 120000,
  };
}

export interface GeneratedImage {
  png: Uint8Array;
  width: number;
  height: number;
  generationId: string;
  revisedPrompt?: string;
}

export interface TranscribedWord {
  word: string;
  start: number;
  end: number;
}

export class OpenAiClient {
  /**
   * `deadline` makes each request's abort signal (default: the configured timeout); tests pass
   * one they abort themselves, so nothing waits on a clock.
   */
  constructor(
    readonly config: OpenAiConfig,
    private readonly deadline: () => AbortSignal = () => AbortSignal.timeout(config.timeoutMs),
    private readonly fetcher: typeof fetch = fetch,
  ) {
    if (!/^https?:\/\//.test(config.baseUrl)) {
      throw new Error("OPENAI_BASE_URL must start with http:// or https://");
    }
  }

  private url(path: string): string {
    return `${this.config.baseUrl.replace(/\/+$/, "")}/${path}`;
  }

  /** POSTs `body` (JSON, or a form) and returns the raw successful answer. */
  async post(what: string, path: string, body: unknown): Promise<Uint8Array> {
    const headers: Record<string, string> = {};
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    let payload: BodyInit;
    if (body instanceof FormData) {
      payload = body;
    } else {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    let response: Response;
    let bytes: Uint8Array;
    try {
      response = await this.fetcher(this.url(path), {
        method: "POST",
        headers,
        body: payload,
        signal: this.deadline(),
      });
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      if (e instanceof DOMException && (e.name === "TimeoutError" || e.name === "AbortError")) {
        throw FnError.timeout(what);
      }
      throw FnError.provider(what, "cannot reach the server");
    }
    if (response.ok) return bytes;
    throw httpError(what, response.status, retryAfter(response.headers), bytes);
  }

  async postJson(what: string, path: string, body: unknown): Promise<Record<string, unknown>> {
    const bytes = await this.post(what, path, body);
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw FnError.provider(what, "the answer is not JSON");
    }
  }

  /** One chat completion with `response_format: json_object`; answers the message text. */
  async chat(messages: { role: string; content: string }[]): Promise<string> {
    const answer = await this.postJson("openai chat", "chat/completions", {
      model: this.config.chatModel,
      messages,
      response_format: { type: "json_object" },
      temperature: 0.9,
    });
    const choice = (answer.choices as { finish_reason?: string; message?: { content?: unknown } }[] | undefined)?.[0];
    if (choice?.finish_reason === "content_filter") {
      throw FnError.contentPolicy("The story provider declined this idea. Try a gentler description.");
    }
    const content = choice?.message?.content;
    if (typeof content !== "string") throw FnError.provider("openai chat", "the answer has no message content");
    return content;
  }

  /** MP3 speech for one chunk of text. */
  speech(input: string, voice: string, instructions: string): Promise<Uint8Array> {
    return this.post("openai speech", "audio/speech", {
      model: this.config.speechModel,
      input,
      voice,
      response_format: "mp3",
      speed: 0.95,
      instructions,
    });
  }

  /** Word timestamps of `mp3`, or null when no transcription model is configured. */
  async words(mp3: Uint8Array, language: string): Promise<TranscribedWord[] | null> {
    if (!this.config.transcriptionModel) return null;
    const form = new FormData();
    form.append("file", new Blob([mp3 as BlobPart], { type: "audio/mpeg" }), "narration.mp3");
    form.append("model", this.config.transcriptionModel);
    form.append("language", language);
    form.append("response_format", "verbose_json");
    form.append("timestamp_granularities[]", "word");
    const answer = await this.postJson("openai transcription", "audio/transcriptions", form);
    const words = answer.words;
    if (!Array.isArray(words)) return null;
    return words.filter((w) =>
      typeof w?.word === "string" && typeof w?.start === "number" && typeof w?.end === "number"
    );
  }

  /** One PNG from `/images/generations` (base64 answer). */
  async image(prompt: string, size: string): Promise<GeneratedImage> {
    const body: Record<string, unknown> = { model: this.config.imageModel, prompt, size, n: 1 };
    if (this.config.imageModel.startsWith("dall-e")) body.response_format = "b64_json";
    else body.quality = "medium";
    const answer = await this.postJson("openai images", "images/generations", body);
    const item = (answer.data as { b64_json?: unknown; revised_prompt?: unknown }[] | undefined)?.[0];
    if (typeof item?.b64_json !== "string") throw FnError.provider("openai images", "the answer has no b64_json image");
    let png: Uint8Array;
    try {
      png = Uint8Array.from(atob(item.b64_json), (c) => c.charCodeAt(0));
    } catch {
      throw FnError.provider("openai images", "bad base64");
    }
    if (png.length < 24 || png[1] !== 0x50 || png[2] !== 0x4e || png[3] !== 0x47) {
      throw FnError.provider("openai images", "the image is not a PNG");
    }
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    const created = typeof answer.created === "number" ? answer.created : 0;
    return {
      png,
      width: view.getUint32(16),
      height: view.getUint32(20),
      generationId: `openai-${created}-${png.length.toString(16)}`,
      revisedPrompt: typeof item.revised_prompt === "string" ? item.revised_prompt : undefined,
    };
  }
}

/** `Retry-After` in seconds (also OpenAI's `retry-after-ms`), rounded up. */
function retryAfter(headers: Headers): number | undefined {
  const seconds = Number.parseFloat(headers.get("retry-after") ?? "");
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms)) return Math.max(0, Math.ceil(ms / 1000));
  return undefined;
}

function httpError(what: string, status: number, retry: number | undefined, body: Uint8Array): FnError {
  let error: { message?: unknown; code?: unknown; type?: unknown } = {};
  try {
    error = JSON.parse(new TextDecoder().decode(body))?.error ?? {};
  } catch { /* not JSON */ }
  const message = typeof error.message === "string" ? error.message : "";
  const code = typeof error.code === "string" ? error.code : typeof error.type === "string" ? error.type : "";
  const policy = ["content_policy", "moderation_blocked", "safety"].some((k) =>
    code.includes(k) || message.includes(k)
  );
  if (status === 429 && code === "insufficient_quota") {
    return FnError.provider(what, "the account has no quota left");
  }
  if (status === 429) {
    const after = retry ?? 60;
    return new FnError(
      429,
      "RATE_LIMITED",
      `The story engine is busy; try again in ${after} s`,
      { provider: what },
      after,
    );
  }
  if (status === 400 && policy) {
    return FnError.contentPolicy(
      "The picture or story request was declined by the provider's safety rules. Try a gentler, simpler description.",
    );
  }
  if (status === 408 || status === 504) return FnError.timeout(what);
  if (status === 401 || status === 403) return FnError.provider(what, "the API key was refused");
  return FnError.provider(what, message || `HTTP ${status}`);
}
