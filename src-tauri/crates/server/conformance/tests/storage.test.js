// Storage through supabase-js: upload, signed URL download, authenticated download, isolation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymousClient } from './helpers.js';

test('upload, then download through a signed URL and directly', async () => {
  const { c, userId } = await anonymousClient();
  const bucket = c.storage.from('story-audio');
  const path = `${userId}/story-1/narration.ogg`;
  const bytes = Buffer.from('OggS not really audio');
  const up = await bucket.upload(path, bytes, { contentType: 'audio/ogg', upsert: true });
  assert.equal(up.error, null);
  assert.equal(up.data.path, path);

  const signed = await bucket.createSignedUrl(path, 60);
  assert.equal(signed.error, null);
  const res = await fetch(signed.data.signedUrl);
  assert.equal(res.status, 200);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), bytes);

  const dl = await bucket.download(path);
  assert.equal(dl.error, null);
  assert.deepEqual(Buffer.from(await dl.data.arrayBuffer()), bytes);

  const list = await bucket.list(`${userId}/story-1`);
  assert.deepEqual(list.data.map((f) => f.name), ['narration.ogg']);

  const dup = await bucket.upload(path, bytes);
  assert.ok(dup.error, 'no overwrite without upsert');
  assert.equal(dup.error.statusCode, '409');
});

test('a Blob upload (multipart form) round-trips', async () => {
  const { c, userId } = await anonymousClient();
  const bucket = c.storage.from('story-illustrations');
  const path = `${userId}/s/scene_1.png`;
  const blob = new Blob([Buffer.from('\x89PNG fake')], { type: 'image/png' });
  const up = await bucket.upload(path, blob, { upsert: true });
  assert.equal(up.error, null);
  const dl = await bucket.download(path);
  assert.equal(dl.error, null);
  assert.equal(dl.data.type, 'image/png');
  assert.equal(await dl.data.text(), '\x89PNG fake');
});

test("a user cannot read another user's files", async () => {
  const a = await anonymousClient();
  const b = await anonymousClient();
  const path = `${a.userId}/h/avatar.png`;
  assert.equal((await a.c.storage.from('hero-avatars').upload(path, Buffer.from('png'))).error, null);
  const stolen = await b.c.storage.from('hero-avatars').download(path);
  assert.ok(stolen.error);
  const sign = await b.c.storage.from('hero-avatars').createSignedUrl(path, 60);
  assert.ok(sign.error);
});
