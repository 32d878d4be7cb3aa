// The five functions through functions.invoke, on the server's default (offline) providers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { FunctionsHttpError } from '@supabase/supabase-js';
import { anonymousClient, newHero } from './helpers.js';

async function story(c, heroId, requestId = randomUUID()) {
  const res = await c.functions.invoke('story-generation', {
    body: { heroId, event: { type: 'built_in', data: { event: 'bedtime_adventure' } }, targetDuration: 300, language: 'en', voice: 'coral' },
    headers: { 'X-Request-ID': requestId },
  });
  assert.equal(res.error, null, res.error && (await res.error.context.text()));
  return res.data;
}

test('story-generation returns the envelope and stores the story', async () => {
  const { c } = await anonymousClient();
  const hero = await newHero(c);
  const requestId = randomUUID();
  const body = await story(c, hero.id, requestId);
  assert.equal(body.success, true);
  assert.equal(body.meta.requestId, requestId);
  const d = body.data;
  assert.ok(d.storyId && d.title && d.content);
  assert.ok(d.scenes.length >= 3 && d.scenes.length <= 8, `${d.scenes.length} scenes`);
  assert.equal(d.scenes[0].timestampSeconds, 0);
  const row = await c.from('stories').select('id, title').eq('id', d.storyId).single();
  assert.equal(row.data.title, d.title);

  const again = await story(c, hero.id, requestId);
  assert.equal(again.data.storyId, d.storyId, 'a retried request id returns the first story');
});

test('extract-scenes', async () => {
  const { c } = await anonymousClient();
  const storyContent = 'Luna found a lantern.\n\nShe followed the fireflies to the hill.\n\nThe moon smiled, and Luna went home to sleep.';
  const res = await c.functions.invoke('extract-scenes', { body: { storyContent, storyDuration: 90, heroName: 'Luna', eventContext: 'bedtime adventure' } });
  assert.equal(res.error, null, res.error && (await res.error.context.text()));
  assert.equal(res.data.data.sceneCount, res.data.data.scenes.length);
  assert.ok(res.data.data.sceneCount >= 1);
});

test('audio-synthesis', async () => {
  const { c } = await anonymousClient();
  const hero = await newHero(c);
  const s = await story(c, hero.id);
  const res = await c.functions.invoke('audio-synthesis', { body: { storyId: s.data.storyId, text: s.data.content.slice(0, 400), voice: 'coral', language: 'en' } });
  assert.equal(res.error, null, res.error && (await res.error.context.text()));
  const d = res.data.data;
  assert.ok(d.durationSeconds > 0);
  const audio = await fetch(d.audioUrl);
  assert.equal(audio.status, 200);
  assert.equal((await audio.arrayBuffer()).byteLength, d.fileSizeBytes);
});

test('avatar-generation', async () => {
  const { c } = await anonymousClient();
  const hero = await newHero(c);
  const res = await c.functions.invoke('avatar-generation', { body: { heroId: hero.id, prompt: 'a cheerful girl with a red scarf', style: 'watercolor' } });
  assert.equal(res.error, null, res.error && (await res.error.context.text()));
  assert.ok(res.data.data.generationId);
  const row = await c.from('heroes').select('avatar_path').eq('id', hero.id).single();
  assert.equal(row.data.avatar_path, res.data.data.storagePath);
});

test('scene-illustration', async () => {
  const { c } = await anonymousClient();
  const hero = await newHero(c);
  const s = await story(c, hero.id);
  const res = await c.functions.invoke('scene-illustration', { body: { storyId: s.data.storyId, heroId: hero.id, scenes: s.data.scenes.slice(0, 2) } });
  assert.equal(res.error, null, res.error && (await res.error.context.text()));
  assert.equal(res.data.data.totalScenes, 2);
  assert.equal(res.data.data.status, 'completed', JSON.stringify(res.data.data.illustrations));
  const rows = await c.from('story_illustrations').select('scene_number, status').eq('story_id', s.data.storyId).order('scene_number');
  assert.deepEqual(rows.data.map((r) => r.status), res.data.data.illustrations.map((i) => i.status));
});

test('errors reach the caller with status and body', async () => {
  const { c } = await anonymousClient();
  const res = await c.functions.invoke('story-generation', { body: { heroId: randomUUID(), event: { type: 'built_in', data: { event: 'birthday' } }, targetDuration: 300, language: 'en' } });
  assert.ok(res.error instanceof FunctionsHttpError);
  assert.equal(res.error.context.status, 404);
  const body = await res.error.context.json();
  assert.equal(body.error.code, 'NOT_FOUND');
  assert.ok(body.requestId);
});
