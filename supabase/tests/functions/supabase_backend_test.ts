// The production backend (functions/_shared/supabase.ts: supabase-js) against a local fake of
// Supabase's HTTP surfaces — GoTrue's /auth/v1/user, PostgREST tables and /rpc, Storage upload and
// sign, Realtime's REST broadcast — answering in their documented shapes. It checks which key
// each call carries (the caller's JWT for writes and uploads, the service role for lookups and
// bookkeeping), and that every RPC's argument names are the SQL functions' parameter names.
import assert from "node:assert/strict";
import { supabaseBackend } from "../../functions/_shared/supabase.ts";

interface Seen {
  method: string;
  path: string;
  search: string;
  auth: string | null;
  apikey: string | null;
  headers: Headers;
  body: string;
}

const ANON = "anon-key";
const SERVICE = "service-key";
const USER_JWT = "user-jwt";

function fakeSupabase() {
  const seen: Seen[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    const s: Seen = {
      method: req.method,
      path: url.pathname,
      search: url.search,
      auth: req.headers.get("authorization"),
      apikey: req.headers.get("apikey"),
      headers: req.headers,
      body: await req.text(),
    };
    seen.push(s);
    const p = url.pathname;
    if (p === "/auth/v1/user") {
      const token = s.auth?.replace(/^Bearer /, "");
      if (token === USER_JWT) return Response.json({ id: "u-1", aud: "authenticated", role: "authenticated" });
      const msg = token === "expired"
        ? "invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired"
        : token === ANON
        ? "invalid claim: missing sub claim"
        : "invalid JWT: unable to parse or verify signature, signature is invalid";
      return Response.json({ code: 403, error_code: "bad_jwt", msg }, { status: 403 });
    }
    if (p.startsWith("/rest/v1/rpc/")) {
      const name = p.slice("/rest/v1/rpc/".length);
      const answers: Record<string, unknown> = {
        spend_quota: { allowed: false, limit: 10, used: 10, retryAfter: 42 },
        claim_request: { state: "done", status: 200, body: { success: true } },
        begin_illustration: { id: "ill-1", status: "pending", retry_count: 0 },
        save_story: "s-1",
      };
      return name in answers ? Response.json(answers[name]) : new Response(null, { status: 204 });
    }
    if (p === "/rest/v1/heroes" && req.method === "GET") {
      return Response.json(url.searchParams.get("id") === "eq.h-1" ? [{ id: "h-1", user_id: "u-2" }] : []);
    }
    if (p === "/rest/v1/stories" && req.method === "PATCH") return Response.json([{ id: "s-1", audio_path: "x" }]);
    if (p.startsWith("/storage/v1/object/sign/")) {
      return Response.json({ signedURL: `/object/sign/${p.slice("/storage/v1/object/sign/".length)}?token=abc` });
    }
    if (p.startsWith("/storage/v1/object/")) return Response.json({ Key: p.slice(19), Id: "obj-1" });
    if (p === "/realtime/v1/api/broadcast") return new Response(null, { status: 202 });
    return Response.json({ message: `no route ${p}` }, { status: 404 });
  });
  return { seen, url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
}

/** Parameter names of each `create or replace function public.<name>(…)` in the migrations. */
async function sqlParameters(): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const dir = new URL("../../migrations/", import.meta.url);
  for await (const f of Deno.readDir(dir)) {
    const sql = await Deno.readTextFile(new URL(f.name, dir));
    for (const m of sql.matchAll(/create or replace function public\.(\w+)\(([^)]*)\)/g)) {
      out.set(m[1], m[2].split(",").map((a) => a.trim().split(/\s+/)[0]).filter(Boolean));
    }
  }
  return out;
}

Deno.test("supabase.ts uses the caller's JWT for writes and the service role for bookkeeping", async () => {
  const fake = fakeSupabase();
  try {
    const backend = supabaseBackend({ url: fake.url, anonKey: ANON, serviceKey: SERVICE, privateProgress: true });
    assert.deepEqual(await backend.caller(USER_JWT), { user: "u-1" });
    assert.deepEqual(await backend.caller("expired"), { error: "expired" });
    assert.deepEqual(await backend.caller(ANON), { error: "not_a_user" });
    assert.deepEqual(await backend.caller("forged"), { error: "invalid" });

    const store = backend.store(USER_JWT);
    assert.deepEqual(await store.row("heroes", "h-1"), { id: "h-1", user_id: "u-2" });
    assert.equal(await store.row("heroes", "h-2"), null);
    const lookup = fake.seen.find((s) => s.path === "/rest/v1/heroes")!;
    assert.equal(lookup.auth, `Bearer ${SERVICE}`, "owner lookups run as the service role");

    await store.saveStory({ id: "s-1" }, [{ scene_number: 1 }]);
    await store.useCustomEvent("e-1");
    assert.deepEqual(await store.update("stories", "s-1", { audio_path: "x" }), { id: "s-1", audio_path: "x" });
    assert.deepEqual(await store.beginIllustration("s-1", 2), { id: "ill-1", status: "pending", retry_count: 0 });
    await store.upload("story-audio", "u-1/s-1/narration.mp3", new Uint8Array([1, 2, 3]), "audio/mpeg", "3600");
    const signed = await store.signedUrl("story-audio", "u-1/s-1/narration.mp3", 3600);
    assert.match(
      signed,
      /^http:\/\/127\.0\.0\.1:\d+\/storage\/v1\/object\/sign\/story-audio\/u-1\/s-1\/narration\.mp3\?token=abc$/,
    );
    const writes = fake.seen.filter((s) =>
      s.path.startsWith("/rest/v1/rpc/save_story") || s.path.startsWith("/rest/v1/rpc/use_custom_event") ||
      s.path.startsWith("/rest/v1/rpc/begin_illustration") || (s.path === "/rest/v1/stories" && s.method === "PATCH") ||
      s.path.startsWith("/storage/v1/object/")
    );
    assert.equal(writes.length, 6);
    for (const w of writes) {
      assert.equal(w.auth, `Bearer ${USER_JWT}`, `${w.method} ${w.path} runs as the caller`);
      assert.equal(w.apikey, ANON);
    }
    const upload = writes.find((w) => w.path === "/storage/v1/object/story-audio/u-1/s-1/narration.mp3")!;
    assert.equal(upload.headers.get("x-upsert"), "true");
    assert.equal(upload.body.length, 3);
    const patch = writes.find((w) => w.method === "PATCH")!;
    assert.equal(patch.search, "?id=eq.s-1&select=*");

    const books = backend.books;
    assert.deepEqual(await books.spend("u-1", "story-generation", 1), {
      allowed: false,
      limit: 10,
      used: 10,
      retryAfter: 42,
    });
    await books.refund(7);
    assert.deepEqual(await books.claim("u-1", "story-generation", "r-1"), {
      state: "done",
      status: 200,
      body: { success: true },
    });
    await books.finish("u-1", "story-generation", "r-1", 200, { success: true });
    await books.release("u-1", "story-generation", "r-1");
    await books.broadcast("progress-r-1", "progress", { progress: 0.5 });
    const bookkeeping = fake.seen.filter((s) =>
      ["spend_quota", "refund_quota", "claim_request", "finish_request", "release_request"].some((n) =>
        s.path === `/rest/v1/rpc/${n}`
      ) || s.path === "/realtime/v1/api/broadcast"
    );
    assert.equal(bookkeeping.length, 6);
    for (const b of bookkeeping) assert.equal(b.auth, `Bearer ${SERVICE}`, `${b.path} runs as the service role`);
    const broadcast = fake.seen.find((s) => s.path === "/realtime/v1/api/broadcast")!;
    assert.deepEqual(JSON.parse(broadcast.body), {
      messages: [{ topic: "progress-r-1", event: "progress", payload: { progress: 0.5 }, private: true }],
    });

    // Every RPC names exactly the SQL function's parameters (defaults may be left out).
    const params = await sqlParameters();
    for (const call of fake.seen.filter((s) => s.path.startsWith("/rest/v1/rpc/"))) {
      const name = call.path.slice("/rest/v1/rpc/".length);
      const sent = Object.keys(JSON.parse(call.body)).sort();
      const declared = params.get(name);
      assert.ok(declared, `no SQL function public.${name} in the migrations`);
      const required = declared.filter((p) => !(name === "claim_request" && p === "p_stale_after"));
      assert.deepEqual(sent, [...required].sort(), `rpc ${name}: sends ${sent}, SQL declares ${declared}`);
    }
  } finally {
    await fake.close();
  }
});

Deno.test("a failing database write is an INTERNAL_ERROR, not a leak of the database's message", async () => {
  const fake = fakeSupabase();
  try {
    const backend = supabaseBackend({ url: fake.url, anonKey: ANON, serviceKey: SERVICE, privateProgress: false });
    const original = console.error;
    const logged: string[] = [];
    console.error = (...a: unknown[]) => logged.push(a.join(" "));
    try {
      await assert.rejects(backend.store(USER_JWT).update("heroes", "h-1", { name: "x" }), (e: { code?: string }) => {
        assert.equal(e.code, "INTERNAL_ERROR");
        return true;
      });
    } finally {
      console.error = original;
    }
    assert.match(logged.join("\n"), /update heroes failed/);
  } finally {
    await fake.close();
  }
});
