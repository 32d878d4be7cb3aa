/**
 * What the functions need from Supabase, behind interfaces so the handlers can be tested
 * without it: `Store` is the caller's view (their JWT, so row-level security applies to every
 * write and upload) plus service-role reads that tell "not found" from "someone else's";
 * `Bookkeeping` is the service role's quotas, request-id replay and progress broadcasts.
 * `supabase.ts` implements both with supabase-js; the tests use an in-memory fake.
 */

export type Row = Record<string, unknown>;

export type OwnedTable = "heroes" | "custom_events" | "stories";

export interface Store {
  /** The row `id` of `table` whoever owns it (service role), or null. */
  row(table: OwnedTable, id: string): Promise<Row | null>;
  /** Inserts a story and its scenes in one transaction, as the caller. */
  saveStory(story: Row, scenes: Row[]): Promise<void>;
  /** Counts one more use of a custom event (usage_count + 1, last_used_at = now). */
  useCustomEvent(id: string): Promise<void>;
  /** Applies `changes` to a row of the caller's; null when it is gone. */
  update(table: "heroes" | "stories" | "story_illustrations", id: string, changes: Row): Promise<Row | null>;
  /** Upserts the `pending` illustration row of one scene (a re-run bumps retry_count). */
  beginIllustration(storyId: string, sceneNumber: number): Promise<Row>;
  /** Uploads (overwriting) a file into the caller's folder of `bucket`. */
  upload(bucket: string, path: string, bytes: Uint8Array, contentType: string, cacheControl: string): Promise<void>;
  /** A signed URL for `path`, valid `seconds`. */
  signedUrl(bucket: string, path: string, seconds: number): Promise<string>;
}

export type Spend =
  | { allowed: true; spendId: number }
  | { allowed: false; retryAfter: number; limit: number };

export type Claim =
  | { state: "claimed" }
  | { state: "running" }
  | { state: "done"; status: number; body: unknown };

export interface Bookkeeping {
  spend(user: string, fn: string, weight: number): Promise<Spend>;
  refund(spendId: number): Promise<void>;
  claim(user: string, fn: string, requestId: string): Promise<Claim>;
  finish(user: string, fn: string, requestId: string, status: number, body: unknown): Promise<void>;
  release(user: string, fn: string, requestId: string): Promise<void>;
  /** Sends a broadcast on a (private) Realtime topic. */
  broadcast(topic: string, event: string, payload: Row): Promise<void>;
}

export type Caller = { user: string } | { error: "expired" | "invalid" | "not_a_user" };

export interface Backend {
  /** Who the bearer token belongs to (verified with Supabase Auth). */
  caller(jwt: string): Promise<Caller>;
  /** The caller's store. */
  store(jwt: string): Store;
  books: Bookkeeping;
}
