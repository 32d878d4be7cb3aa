/**
 * An in-memory stand-in for Supabase behind the functions' `Backend` interface (the real one,
 * supabase-js over PostgREST/Storage/Auth/Realtime, cannot run here). It keeps the semantics the
 * handlers rely on — owner checks, the pending → processing → completed|failed history of each
 * illustration, quotas over a sliding hour on an injected clock, request-id claims — and records
 * uploads and broadcasts so tests can look at them. The SQL those semantics come from is tested
 * on PostgreSQL by the pgTAP suite.
 */
import type {
  Backend,
  Bookkeeping,
  Caller,
  Claim,
  OwnedTable,
  Row,
  Spend,
  Store,
} from "../../functions/_shared/store.ts";

export const USER_A = "aaaaaaaa-0000-4000-8000-000000000001";
export const USER_B = "bbbbbbbb-0000-4000-8000-000000000002";

/** An unsigned JWT with `claims` (the fake trusts the `sub`, as Auth would after verifying). */
export function jwt(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}.signature`;
}

export const QUOTAS: Record<string, number> = {
  "story-generation": 10,
  "audio-synthesis": 15,
  "avatar-generation": 8,
  "scene-illustration": 25,
  "extract-scenes": 20,
};

export class FakeBackend implements Backend, Bookkeeping {
  readonly tables: Record<string, Row[]> = {
    heroes: [],
    custom_events: [],
    stories: [],
    story_scenes: [],
    story_illustrations: [],
  };
  readonly files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  readonly broadcasts: { topic: string; event: string; payload: Row }[] = [];
  /** Every status an illustration row went through, by row id. */
  readonly illustrationHistory = new Map<string, string[]>();
  readonly spends: { id: number; user: string; fn: string; weight: number; at: number }[] = [];
  readonly claims = new Map<string, { state: "running" | "done"; status?: number; body?: unknown }>();
  private nextSpend = 1;
  now = Date.parse("2026-12-04T20:00:00Z");
  books: Bookkeeping = this;

  caller(token: string): Promise<Caller> {
    try {
      const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      if (typeof claims.exp === "number" && claims.exp * 1000 <= this.now) return Promise.resolve({ error: "expired" });
      if (typeof claims.sub !== "string") return Promise.resolve({ error: "not_a_user" });
      return Promise.resolve({ user: claims.sub });
    } catch {
      return Promise.resolve({ error: "invalid" });
    }
  }

  store(token: string): Store {
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return new FakeStore(this, claims.sub);
  }

  spend(user: string, fn: string, weight: number): Promise<Spend> {
    const hour = 3600_000;
    const live = this.spends.filter((s) => s.user === user && s.fn === fn && s.at > this.now - hour);
    const used = live.reduce((n, s) => n + s.weight, 0);
    const limit = QUOTAS[fn];
    if (used + weight > limit) {
      let freed = 0;
      let until = this.now + hour;
      for (const s of live) {
        freed += s.weight;
        if (used - freed + weight <= limit) {
          until = s.at + hour;
          break;
        }
      }
      return Promise.resolve({ allowed: false, limit, retryAfter: Math.max(1, Math.ceil((until - this.now) / 1000)) });
    }
    const id = this.nextSpend++;
    this.spends.push({ id, user, fn, weight, at: this.now });
    return Promise.resolve({ allowed: true, spendId: id });
  }

  refund(spendId: number): Promise<void> {
    const i = this.spends.findIndex((s) => s.id === spendId);
    if (i >= 0) this.spends.splice(i, 1);
    return Promise.resolve();
  }

  claim(user: string, fn: string, requestId: string): Promise<Claim> {
    const key = `${user}/${fn}/${requestId}`;
    const c = this.claims.get(key);
    if (!c) {
      this.claims.set(key, { state: "running" });
      return Promise.resolve({ state: "claimed" });
    }
    return Promise.resolve(
      c.state === "done" ? { state: "done", status: c.status!, body: c.body } : { state: "running" },
    );
  }

  finish(user: string, fn: string, requestId: string, status: number, body: unknown): Promise<void> {
    this.claims.set(`${user}/${fn}/${requestId}`, { state: "done", status, body: structuredClone(body) });
    return Promise.resolve();
  }

  release(user: string, fn: string, requestId: string): Promise<void> {
    this.claims.delete(`${user}/${fn}/${requestId}`);
    return Promise.resolve();
  }

  broadcast(topic: string, event: string, payload: Row): Promise<void> {
    this.broadcasts.push({ topic, event, payload });
    return Promise.resolve();
  }
}

class FakeStore implements Store {
  constructor(private readonly db: FakeBackend, private readonly user: string) {}

  private ownsStory(storyId: unknown): boolean {
    return this.db.tables.stories.some((s) => s.id === storyId && s.user_id === this.user);
  }

  row(table: OwnedTable, id: string): Promise<Row | null> {
    return Promise.resolve(this.db.tables[table].find((r) => r.id === id) ?? null);
  }

  saveStory(story: Row, scenes: Row[]): Promise<void> {
    if (story.user_id !== this.user) throw new Error("RLS: not the caller's story");
    this.db.tables.stories.push({ ...story });
    for (const s of scenes) this.db.tables.story_scenes.push({ id: crypto.randomUUID(), ...s });
    return Promise.resolve();
  }

  useCustomEvent(id: string): Promise<void> {
    const row = this.db.tables.custom_events.find((r) => r.id === id && r.user_id === this.user);
    if (row) row.usage_count = Number(row.usage_count ?? 0) + 1;
    return Promise.resolve();
  }

  update(table: "heroes" | "stories" | "story_illustrations", id: string, changes: Row): Promise<Row | null> {
    const row = this.db.tables[table].find((r) =>
      r.id === id && (table === "story_illustrations" ? this.ownsStory(r.story_id) : r.user_id === this.user)
    );
    if (!row) return Promise.resolve(null);
    Object.assign(row, changes);
    if (table === "story_illustrations" && typeof changes.status === "string") {
      this.db.illustrationHistory.get(id)?.push(changes.status);
    }
    return Promise.resolve({ ...row });
  }

  beginIllustration(storyId: string, sceneNumber: number): Promise<Row> {
    if (!this.ownsStory(storyId)) throw new Error("RLS: not the caller's story");
    const rows = this.db.tables.story_illustrations;
    let row = rows.find((r) => r.story_id === storyId && r.scene_number === sceneNumber);
    if (row) {
      Object.assign(row, {
        status: "pending",
        error_message: null,
        retry_count: Number(row.retry_count) + 1,
        previous_generation_id: row.generation_id ?? null,
      });
    } else {
      row = {
        id: crypto.randomUUID(),
        story_id: storyId,
        scene_number: sceneNumber,
        status: "pending",
        retry_count: 0,
      };
      rows.push(row);
      this.db.illustrationHistory.set(row.id as string, []);
    }
    this.db.illustrationHistory.get(row.id as string)!.push("pending");
    return Promise.resolve({ ...row });
  }

  upload(bucket: string, path: string, bytes: Uint8Array, contentType: string): Promise<void> {
    if (path.split("/")[0] !== this.user) throw new Error("storage policy: not the caller's folder");
    this.db.files.set(`${bucket}/${path}`, { bytes, contentType });
    return Promise.resolve();
  }

  signedUrl(bucket: string, path: string, seconds: number): Promise<string> {
    return Promise.resolve(
      `https://project.supabase.co/storage/v1/object/sign/${bucket}/${path}?token=t&ttl=${seconds}`,
    );
  }
}
