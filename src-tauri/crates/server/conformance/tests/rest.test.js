// PostgREST through supabase-js: insert/select/update/delete on heroes, and isolation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymousClient, newHero } from './helpers.js';

test("from('heroes') insert, select, update, delete", async () => {
  const { c, userId } = await anonymousClient();
  const hero = await newHero(c, 'Luna');
  assert.equal(hero.user_id, userId);
  assert.equal(hero.is_active, true);

  const sel = await c.from('heroes').select('id, name, primary_trait').eq('id', hero.id);
  assert.equal(sel.error, null);
  assert.deepEqual(sel.data, [{ id: hero.id, name: 'Luna', primary_trait: 'brave' }]);

  const upd = await c.from('heroes').update({ appearance: 'a yellow raincoat' }).eq('id', hero.id).select().single();
  assert.equal(upd.error, null);
  assert.equal(upd.data.appearance, 'a yellow raincoat');

  const counted = await c.from('heroes').select('*', { count: 'exact', head: true });
  assert.equal(counted.count, 1);

  const del = await c.from('heroes').delete().eq('id', hero.id);
  assert.equal(del.error, null);
  const after = await c.from('heroes').select('id');
  assert.deepEqual(after.data, []);
});

test('filters, order and range', async () => {
  const { c } = await anonymousClient();
  for (const [name, trait] of [['Ada', 'smart'], ['Bo', 'kind'], ['Cy', 'funny']]) {
    const { error } = await c.from('heroes').insert({ name, primary_trait: trait });
    assert.equal(error, null);
  }
  const page = await c.from('heroes').select('name').order('name', { ascending: false }).range(0, 1);
  assert.deepEqual(page.data.map((r) => r.name), ['Cy', 'Bo']);
  const some = await c.from('heroes').select('name').in('primary_trait', ['smart', 'funny']).order('name');
  assert.deepEqual(some.data.map((r) => r.name), ['Ada', 'Cy']);
  const none = await c.from('heroes').select('name').eq('name', 'Nobody').maybeSingle();
  assert.equal(none.data, null);
  const bad = await c.from('heroes').insert({ name: 'X', primary_trait: 'grumpy' });
  assert.equal(bad.error.code, '23514');
});

test('a second user sees nothing of the first and cannot change it', async () => {
  const a = await anonymousClient();
  const b = await anonymousClient();
  const hero = await newHero(a.c, 'Private');
  const seen = await b.c.from('heroes').select('*');
  assert.deepEqual(seen.data, []);
  const upd = await b.c.from('heroes').update({ name: 'Stolen' }).eq('id', hero.id);
  assert.equal(upd.error.code, '42501');
  assert.equal(upd.status, 403);
  const del = await b.c.from('heroes').delete().eq('id', hero.id);
  assert.equal(del.status, 403);
  const mine = await a.c.from('heroes').select('name').eq('id', hero.id).single();
  assert.equal(mine.data.name, 'Private');
});
