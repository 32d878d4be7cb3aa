// Realtime through supabase-js: postgres_changes INSERT and UPDATE, broadcast round trip,
// presence sync.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { anonymousClient, client, disconnectAll, subscribed, waiter } from './helpers.js';

after(disconnectAll);

test('a channel receives postgres_changes INSERT and UPDATE for its own rows only', async () => {
  const { c, userId } = await anonymousClient();
  const other = await anonymousClient();
  const events = waiter();
  const channel = c
    .channel(`story-updates-${userId}`)
    .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'stories', filter: `user_id=eq.${userId}` }, (p) => events.push(p))
    .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'stories', filter: `user_id=eq.${userId}` }, (p) => events.push(p));
  await subscribed(channel);
  try {
    await other.c.from('stories').insert({ title: 'Not yours', content: '…' });
    const ins = await c.from('stories').insert({ title: 'Moonlight', content: 'Once upon a time.' }).select().single();
    assert.equal(ins.error, null);
    const inserted = await events.until((e) => e.eventType === 'INSERT', 'INSERT');
    assert.equal(inserted.new.id, ins.data.id);
    assert.equal(inserted.table, 'stories');
    await c.from('stories').update({ is_favorite: true }).eq('id', ins.data.id);
    const updated = await events.until((e) => e.eventType === 'UPDATE', 'UPDATE');
    assert.equal(updated.new.is_favorite, true);
    assert.equal(updated.old.id, ins.data.id);
    assert.ok(events.seen.every((e) => e.new.title !== 'Not yours'), "another user's row leaked");
  } finally {
    await c.removeChannel(channel);
  }
});

test('broadcast round trip with ack', async () => {
  const a = await anonymousClient();
  const b = await anonymousClient();
  const room = `room-${Date.now()}`;
  const got = waiter();
  const rb = b.c.channel(room).on('broadcast', { event: 'cursor-pos' }, (m) => got.push(m));
  await subscribed(rb);
  const ra = a.c.channel(room, { config: { broadcast: { ack: true, self: false } } });
  await subscribed(ra);
  try {
    const status = await ra.send({ type: 'broadcast', event: 'cursor-pos', payload: { x: 120, y: 44 } });
    assert.equal(status, 'ok');
    const m = await got.until((x) => x.event === 'cursor-pos', 'broadcast');
    assert.deepEqual(m.payload, { x: 120, y: 44 });
  } finally {
    await a.c.removeChannel(ra);
    await b.c.removeChannel(rb);
  }
});

test('presence sync shows both devices of one account', async () => {
  // Presence stays within a family's account: two devices signed in as the same user, on
  // presence-<userId>[:<room>].
  const a = await anonymousClient();
  const b = { c: client() };
  const { error } = await b.c.auth.setSession({ access_token: a.session.access_token, refresh_token: a.session.refresh_token });
  if (error) throw error;
  const room = `presence-${a.userId}:${Date.now()}`;
  const syncs = waiter();
  const pa = a.c.channel(room, { config: { presence: { key: 'desktop-1' } } }).on('presence', { event: 'sync' }, () => syncs.push(pa.presenceState()));
  await subscribed(pa);
  const pb = b.c.channel(room, { config: { presence: { key: 'laptop-2' } } });
  await subscribed(pb);
  try {
    assert.equal(await pa.track({ online_at: 'now-a' }), 'ok');
    assert.equal(await pb.track({ online_at: 'now-b' }), 'ok');
    const state = await syncs.until((s) => s['desktop-1'] && s['laptop-2'], 'both presences');
    assert.equal(state['laptop-2'][0].online_at, 'now-b');
  } finally {
    await a.c.removeChannel(pa);
    await b.c.removeChannel(pb);
  }
});
