// The supabase-js half of the side-by-side benchmark: the same workload as
// examples/side_by_side.rs, against the same server. Prints one JSON object.
// Usage: node bench.mjs <base url> <anon key> <service key> (the service key sends the
// progress broadcasts: only the server writes a generation's progress)
import { createClient } from '@supabase/supabase-js';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const [url, key, serviceKey] = process.argv.slice(2);
const CONCURRENCY = 16;
const FUNCTION_CALLS = 2000;
const REPLAYED_CALLS = 5000;
const REST_READS = 5000;
const EVENTS = 2000;
const STORY = 'Luna walked into the whispering forest. The trees hummed a gentle song. '
  + 'She met a small fox who had lost his way home. Together they followed the fireflies across '
  + 'the silver stream. At the old oak they found the fox\'s family waiting. Luna waved goodbye '
  + 'and walked home under the stars, happy and sleepy.';

const nowMs = () => performance.timeOrigin + performance.now();

function summary(total, secs, latencies) {
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.round((latencies.length - 1) * q)];
  return { count: total, perSecond: total / secs, p50Ms: p(0.5), p99Ms: p(0.99) };
}

async function run(total, call) {
  let next = 0;
  const latencies = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, worker) => {
    while (next++ < total) {
      const t = performance.now();
      if (!(await call(worker))) throw new Error('a request failed');
      latencies.push(performance.now() - t);
    }
  }));
  return summary(total, (performance.now() - started) / 1000, latencies);
}

const c = createClient(url, key, {
  auth: { persistSession: false, autoRefreshToken: true, detectSessionInUrl: false },
  realtime: { transport: WebSocket, params: { log_level: 'error' } },
});
const { data: signIn, error } = await c.auth.signInAnonymously();
if (error) throw error;
await c.from('heroes').insert({ user_id: signIn.user.id, name: 'Luna', primary_trait: 'brave' });

// Idle: signed in, realtime joined, nothing in flight for 2 s.
const latencies = [];
let done;
const allReceived = new Promise((resolve) => { done = resolve; });
const channel = c.channel('progress-bench');
channel.on('broadcast', { event: 'progress' }, ({ payload }) => {
  latencies.push(nowMs() - payload.t);
  if (latencies.length === EVENTS) done();
});
await new Promise((resolve) => channel.subscribe((status) => { if (status === 'SUBSCRIBED') resolve(); }));
await new Promise((resolve) => setTimeout(resolve, 2000));
const kib = (field) => Number(readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n')
  .find((l) => l.startsWith(field)).split(/\s+/)[1]);
const idle = { rssKiB: Math.round(process.memoryUsage().rss / 1024), pssKiB: kib('Pss:') };

const body = { storyContent: STORY, storyDuration: 120, heroName: 'Luna', eventContext: 'bedtime' };
const functions = await run(FUNCTION_CALLS, async () => {
  const { error } = await c.functions.invoke('extract-scenes', { body });
  return !error;
});

// The cheap path: each worker repeats its own request id, answered from the stored reply.
const ids = Array.from({ length: CONCURRENCY }, (_, w) => `bench-replay-js-${w}`);
for (const id of ids) {
  const { error } = await c.functions.invoke('extract-scenes', { body, headers: { 'X-Request-ID': id } });
  if (error) throw error;
}
const replayed = await run(REPLAYED_CALLS, async (worker) => {
  const { error } = await c.functions.invoke('extract-scenes', {
    body, headers: { 'X-Request-ID': ids[worker] },
  });
  return !error;
});

const rest = await run(REST_READS, async () => {
  const { error } = await c.from('heroes').select('*');
  return !error;
});

const started = performance.now();
let sent = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (sent++ < EVENTS) {
    const r = await fetch(`${url}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: key, authorization: `Bearer ${serviceKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ topic: 'progress-bench', event: 'progress', payload: { t: nowMs() } }] }),
    });
    if (!r.ok) throw new Error(`broadcast ${r.status}`);
  }
}));
await allReceived;
const realtime = summary(EVENTS, (performance.now() - started) / 1000, latencies);
console.log(JSON.stringify({
  client: '@supabase/supabase-js (Node ' + process.version + ')',
  functions, replayed, rest, realtime, idle, rssKiB: Math.round(process.memoryUsage().rss / 1024),
}));
process.exit(0);
