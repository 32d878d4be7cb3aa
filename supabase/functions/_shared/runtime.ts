/**
 * One edge function's request cycle, the same as the embedded backend's (server
 * `functions/mod.rs`): CORS, POST only, `X-Request-ID` (echoed, or made), the caller's JWT, a
 * JSON object body of at most 1 MiB, replay of a finished call with the same request id within
 * 10 minutes (`meta.cached: true`; a concurrent duplicate waits for the first), the per-user
 * quota over a sliding hour (refunded when the call fails), a deadline, and the envelopes.
 */
import { CORS_HEADERS, errorResponse, FnError, successBody, successResponse } from "./envelope.ts";
import type { OpenAiClient } from "./openai.ts";
import type { Backend, Row, Store } from "./store.ts";

export const MAX_JSON_BODY = 1024 * 1024;

/** What a handler gets. */
export interface Call {
  user: string;
  requestId: string;
  store: Store;
  openai: OpenAiClient;
  /** Broadcasts `{progress, status, requestId}` on `progress-{requestId}`; never fails the call. */
  progress(progress: number, status: string): Promise<void>;
}

export type Handler = (call: Call, body: Row) => Promise<unknown>;

export interface Deps {
  backend: Backend;
  openai: OpenAiClient;
  now: () => number;
  /** Waits between polls for a concurrent duplicate. */
  sleep: (ms: number) => Promise<void>;
  /** A promise that rejects when the call has run too long (504 TIMEOUT), and how to call it off. */
  deadline: () => Deadline;
  log: (message: string, fields?: Row) => void;
}

export interface Deadline {
  expired: Promise<never>;
  cancel(): void;
}

/** The production dependencies' deadline: `ms` after the call starts. */
export function deadlineAfter(ms: number): () => Deadline {
  return () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(FnError.timeout("The story engine")), ms);
    });
    return { expired, cancel: () => clearTimeout(timer) };
  };
}

// A duplicate waits at most 2 minutes for the first call (under the platform's 150 s wall clock).
const POLLS = 240;

/** The quota weight of a call: scenes for scene-illustration, else 1. */
function weightOf(name: string, body: Row): number {
  if (name !== "scene-illustration") return 1;
  return Array.isArray(body.scenes) ? Math.max(1, body.scenes.length) : 1;
}

/** Decodes a JWT's claims without verifying it (only to word the 401 well). */
function claims(jwt: string): Row | null {
  try {
    const part = jwt.split(".")[1];
    return JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return null;
  }
}

export function serveFunction(name: string, handler: Handler, deps: Deps): (req: Request) => Promise<Response> {
  return async (req) => {
    const started = deps.now();
    const given = req.headers.get("x-request-id");
    const explicit = given !== null && given.length > 0 && given.length <= 128;
    const requestId = explicit ? given : crypto.randomUUID();
    const timestamp = new Date(started).toISOString();
    if (req.method === "OPTIONS") return new Response("ok", { headers: CORS_HEADERS });
    if (req.method !== "POST") {
      return errorResponse(
        new FnError(405, "INVALID_REQUEST", `${req.method} is not allowed; use POST`),
        requestId,
        timestamp,
      );
    }
    try {
      return await run(name, handler, deps, req, requestId, explicit, started);
    } catch (e) {
      const error = e instanceof FnError ? e : FnError.internal();
      if (!(e instanceof FnError)) deps.log("function failed", { function: name, requestId, error: String(e) });
      return errorResponse(error, requestId, timestamp);
    }
  };
}

async function callerOf(deps: Deps, req: Request): Promise<{ user: string; jwt: string }> {
  const header = req.headers.get("authorization") ?? "";
  const jwt = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!jwt) throw FnError.unauthorized("Sign in first: this function needs a user access token");
  const c = claims(jwt);
  if (c && c.role !== "authenticated" && typeof c.sub !== "string") {
    throw FnError.unauthorized("Sign in first: this function needs a user access token");
  }
  const caller = await deps.backend.caller(jwt);
  if ("user" in caller) return { user: caller.user, jwt };
  if (caller.error === "expired" || (typeof c?.exp === "number" && c.exp * 1000 <= deps.now())) {
    throw FnError.unauthorized("The access token has expired");
  }
  if (caller.error === "not_a_user") {
    throw FnError.unauthorized("Sign in first: this function needs a user access token");
  }
  throw FnError.unauthorized("The access token is not valid");
}

async function readBody(req: Request): Promise<Row> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const tooLarge = () => new FnError(413, "PAYLOAD_TOO_LARGE", `The request body is over ${MAX_JSON_BODY} bytes`);
  if (declared > MAX_JSON_BODY) throw tooLarge();
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.length > MAX_JSON_BODY) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw FnError.invalid("Invalid JSON in request body");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw FnError.invalid("The request body must be a JSON object");
  }
  return body as Row;
}

async function run(
  name: string,
  handler: Handler,
  deps: Deps,
  req: Request,
  requestId: string,
  explicit: boolean,
  started: number,
): Promise<Response> {
  const { user, jwt } = await callerOf(deps, req);
  const body = await readBody(req);
  const books = deps.backend.books;
  if (explicit) {
    for (let poll = 0;; poll++) {
      const claim = await books.claim(user, name, requestId);
      if (claim.state === "claimed") break;
      if (claim.state === "done") {
        const stored = claim.body as { meta?: Row };
        return successResponse({ ...stored, meta: { ...stored.meta, cached: true } }, requestId);
      }
      if (poll >= POLLS) throw FnError.timeout("The first call with this X-Request-ID");
      await deps.sleep(500);
    }
  }
  let spendId: number | undefined;
  try {
    const spend = await books.spend(user, name, weightOf(name, body));
    if (!spend.allowed) throw FnError.rateLimited(spend.retryAfter, name, spend.limit);
    spendId = spend.spendId;
    const call: Call = {
      user,
      requestId,
      store: deps.backend.store(jwt),
      openai: deps.openai,
      progress: async (progress, status) => {
        try {
          await books.broadcast(`progress-${requestId}`, "progress", { progress, status, requestId });
        } catch (e) {
          deps.log("progress broadcast failed", { requestId, error: String(e) });
        }
      },
    };
    const deadline = deps.deadline();
    let data: unknown;
    try {
      data = await Promise.race([handler(call, body), deadline.expired]);
    } finally {
      deadline.cancel();
    }
    const reply = successBody(data, requestId, deps.now() - started);
    if (explicit) await books.finish(user, name, requestId, 200, reply);
    return successResponse(reply, requestId);
  } catch (e) {
    // A failed call does not use up the family's quota, and a retry runs again.
    if (spendId !== undefined) await books.refund(spendId).catch(() => {});
    if (explicit) await books.release(user, name, requestId).catch(() => {});
    throw e;
  }
}
