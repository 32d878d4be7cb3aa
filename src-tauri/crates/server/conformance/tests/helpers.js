// Shared setup for the conformance tests: a fresh official supabase-js client per call,
// pointed at the standalone server that run.sh started.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';

export const url = process.env.SUPABASE_URL;
export const anonKey = process.env.SUPABASE_ANON_KEY;
if (!url || !anonKey) {
  throw new Error('SUPABASE_URL and SUPABASE_ANON_KEY must be set (run ./run.sh)');
}

const made = [];

/** Disconnects every client's realtime socket so the test process can exit. */
export function disconnectAll() {
  for (const c of made.splice(0)) c.realtime.disconnect();
}

/** A new client with its own in-memory session. */
export function client() {
  const c = createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket, params: { log_level: 'error' } },
  });
  made.push(c);
  return c;
}

/** A client signed in anonymously, with its user id. */
export async function anonymousClient() {
  const c = client();
  const { data, error } = await c.auth.signInAnonymously();
  if (error) throw error;
  return { c, userId: data.user.id, session: data.session };
}

export function uniqueEmail(tag) {
  return `${tag}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Resolves when `predicate(value)` holds for a value pushed to the returned `push`. */
export function waiter(timeoutMs = 8000) {
  const seen = [];
  let wake = () => {};
  return {
    push(v) {
      seen.push(v);
      wake();
    },
    seen,
    async until(predicate, what) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = seen.find(predicate);
        if (hit) return hit;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for ${what}; saw ${JSON.stringify(seen)}`);
        await new Promise((resolve) => {
          const t = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    },
  };
}

/** Subscribes a channel and waits for SUBSCRIBED. */
export function subscribed(channel) {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve(channel);
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT' || status === 'CLOSED') {
        reject(new Error(`channel ${channel.topic}: ${status} ${err?.message ?? ''}`));
      }
    });
  });
}

export async function newHero(c, name = 'Luna') {
  const { data, error } = await c.from('heroes').insert({ name, primary_trait: 'brave', secondary_trait: 'kind' }).select().single();
  if (error) throw error;
  return data;
}
