/**
 * The production `Backend`: supabase-js with the caller's JWT for everything the caller does
 * (row-level security and the storage policies apply), the service role only for telling
 * "not found" from "someone else's", the quota/replay bookkeeping and progress broadcasts
 * (Realtime's REST broadcast endpoint, private topics). Settings come from the environment every
 * Supabase function gets (SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY).
 */
import { createClient, type SupabaseClient } from "npm:@supabase/supabase-js@2.119.2";
import { FnError } from "./envelope.ts";
import type { Backend, Bookkeeping, Caller, Claim, OwnedTable, Row, Spend, Store } from "./store.ts";

export interface SupabaseSettings {
  url: string;
  anonKey: string;
  serviceKey: string;
  /** Broadcast progress on private channels (Realtime authorisation applies); default true. */
  privateProgress: boolean;
}

export function settingsFromEnv(env: { get(name: string): string | undefined }): SupabaseSettings {
  const get = (name: string) => {
    const v = env.get(name);
    if (!v) throw new Error(`${name} is not set (Supabase sets it for every deployed function)`);
    return v;
  };
  return {
    url: get("SUPABASE_URL"),
    anonKey: get("SUPABASE_ANON_KEY"),
    serviceKey: get("SUPABASE_SERVICE_ROLE_KEY"),
    privateProgress: env.get("PROGRESS_PRIVATE") !== "false",
  };
}

const NO_SESSION = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

/** A database or storage failure: logged by the caller, answered as INTERNAL_ERROR with the request id. */
function failed(what: string, error: { message?: string } | null): FnError {
  console.error(`${what} failed: ${error?.message ?? "unknown error"}`);
  return FnError.internal();
}

class SupabaseStore implements Store {
  constructor(private readonly user: SupabaseClient, private readonly service: SupabaseClient) {}

  async row(table: OwnedTable, id: string): Promise<Row | null> {
    const { data, error } = await this.service.from(table).select("*").eq("id", id).maybeSingle();
    if (error) throw failed(`read ${table}`, error);
    return data;
  }

  async saveStory(story: Row, scenes: Row[]): Promise<void> {
    const { error } = await this.user.rpc("save_story", { p_story: story, p_scenes: scenes });
    if (error) throw failed("save_story", error);
  }

  async useCustomEvent(id: string): Promise<void> {
    const { error } = await this.user.rpc("use_custom_event", { p_id: id });
    if (error) throw failed("use_custom_event", error);
  }

  async update(table: "heroes" | "stories" | "story_illustrations", id: string, changes: Row): Promise<Row | null> {
    const { data, error } = await this.user.from(table).update(changes).eq("id", id).select().maybeSingle();
    if (error) throw failed(`update ${table}`, error);
    return data;
  }

  async beginIllustration(storyId: string, sceneNumber: number): Promise<Row> {
    const { data, error } = await this.user.rpc("begin_illustration", {
      p_story_id: storyId,
      p_scene_number: sceneNumber,
    });
    if (error || !data) throw failed("begin_illustration", error);
    return data as Row;
  }

  async upload(
    bucket: string,
    path: string,
    bytes: Uint8Array,
    contentType: string,
    cacheControl: string,
  ): Promise<void> {
    const { error } = await this.user.storage.from(bucket).upload(path, bytes, {
      contentType,
      cacheControl,
      upsert: true,
    });
    if (error) throw failed(`upload to ${bucket}`, error);
  }

  async signedUrl(bucket: string, path: string, seconds: number): Promise<string> {
    const { data, error } = await this.user.storage.from(bucket).createSignedUrl(path, seconds);
    if (error || !data) throw failed(`sign ${bucket}`, error);
    return data.signedUrl;
  }
}

class ServiceBooks implements Bookkeeping {
  constructor(private readonly service: SupabaseClient, private readonly settings: SupabaseSettings) {}

  private async rpc<T>(name: string, args: Row): Promise<T> {
    const { data, error } = await this.service.rpc(name, args);
    if (error) throw failed(name, error);
    return data as T;
  }

  spend(user: string, fn: string, weight: number): Promise<Spend> {
    return this.rpc("spend_quota", { p_user: user, p_function: fn, p_weight: weight });
  }
  async refund(spendId: number): Promise<void> {
    await this.rpc("refund_quota", { p_spend_id: spendId });
  }
  claim(user: string, fn: string, requestId: string): Promise<Claim> {
    return this.rpc("claim_request", { p_user: user, p_function: fn, p_request_id: requestId });
  }
  async finish(user: string, fn: string, requestId: string, status: number, body: unknown): Promise<void> {
    await this.rpc("finish_request", {
      p_user: user,
      p_function: fn,
      p_request_id: requestId,
      p_status: status,
      p_body: body,
    });
  }
  async release(user: string, fn: string, requestId: string): Promise<void> {
    await this.rpc("release_request", { p_user: user, p_function: fn, p_request_id: requestId });
  }

  async broadcast(topic: string, event: string, payload: Row): Promise<void> {
    const response = await fetch(`${this.settings.url}/realtime/v1/api/broadcast`, {
      method: "POST",
      headers: {
        apikey: this.settings.serviceKey,
        authorization: `Bearer ${this.settings.serviceKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ messages: [{ topic, event, payload, private: this.settings.privateProgress }] }),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`broadcast answered HTTP ${response.status}`);
  }
}

export function supabaseBackend(settings: SupabaseSettings): Backend {
  const service = createClient(settings.url, settings.serviceKey, NO_SESSION);
  const books = new ServiceBooks(service, settings);
  return {
    async caller(jwt: string): Promise<Caller> {
      const { data, error } = await service.auth.getUser(jwt);
      if (data?.user) return { user: data.user.id };
      if (error && /expired/i.test(error.message)) return { error: "expired" };
      if (error && /sub claim|missing sub/i.test(error.message)) return { error: "not_a_user" };
      return { error: "invalid" };
    },
    store(jwt: string): Store {
      const user = createClient(settings.url, settings.anonKey, {
        ...NO_SESSION,
        global: { headers: { authorization: `Bearer ${jwt}` } },
      });
      return new SupabaseStore(user, service);
    },
    books,
  };
}
