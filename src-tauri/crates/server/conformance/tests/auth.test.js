// Auth through supabase-js: anonymous, email sign-up and sign-in, refresh, upgrade, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { client, anonymousClient, uniqueEmail, newHero } from './helpers.js';

test('anonymous sign-in gives an anonymous session', async () => {
  const { c, session } = await anonymousClient();
  assert.equal(session.user.is_anonymous, true);
  assert.equal(session.token_type, 'bearer');
  const { data, error } = await c.auth.getUser();
  assert.equal(error, null);
  assert.equal(data.user.id, session.user.id);
  assert.equal(data.user.is_anonymous, true);
});

test('email sign-up (auto-confirmed) and password sign-in', async () => {
  const email = uniqueEmail('signup');
  const c = client();
  const up = await c.auth.signUp({ email, password: 'secret-123', options: { data: { app_version: '1.0', platform: 'linux' } } });
  assert.equal(up.error, null);
  assert.ok(up.data.session, 'auto-confirm returns a session');
  assert.equal(up.data.user.user_metadata.platform, 'linux');
  const d = client();
  const signIn = await d.auth.signInWithPassword({ email, password: 'secret-123' });
  assert.equal(signIn.error, null);
  assert.equal(signIn.data.user.id, up.data.user.id);
  assert.equal(signIn.data.user.email, email);

  const wrong = await client().auth.signInWithPassword({ email, password: 'nope-nope' });
  assert.equal(wrong.error.status, 400);
  assert.equal(wrong.error.code, 'invalid_credentials');
  const again = await client().auth.signUp({ email, password: 'secret-123' });
  assert.equal(again.error.code, 'user_already_exists');
});

test('refresh rotates the refresh token and keeps the user', async () => {
  const { c, session } = await anonymousClient();
  const { data, error } = await c.auth.refreshSession();
  assert.equal(error, null);
  assert.notEqual(data.session.refresh_token, session.refresh_token);
  assert.equal(data.session.user.id, session.user.id);
  const user = await c.auth.getUser();
  assert.equal(user.data.user.id, session.user.id);
});

test('an anonymous user upgrades to email and keeps its id and rows', async () => {
  const { c, userId } = await anonymousClient();
  const hero = await newHero(c, 'Upgrade');
  const email = uniqueEmail('upgrade');
  const { data, error } = await c.auth.updateUser({ email, password: 'secret-123' });
  assert.equal(error, null);
  assert.equal(data.user.id, userId);
  assert.equal(data.user.is_anonymous, false);
  await c.auth.signOut();

  const d = client();
  const signIn = await d.auth.signInWithPassword({ email, password: 'secret-123' });
  assert.equal(signIn.error, null);
  assert.equal(signIn.data.user.id, userId);
  const rows = await d.from('heroes').select('id, name');
  assert.equal(rows.error, null);
  assert.deepEqual(rows.data, [{ id: hero.id, name: 'Upgrade' }]);
});

test('sign-out ends the session on the server', async () => {
  const { c, session } = await anonymousClient();
  const { error } = await c.auth.signOut();
  assert.equal(error, null);
  const other = client();
  const res = await other.auth.refreshSession({ refresh_token: session.refresh_token });
  assert.ok(res.error, 'the refresh token no longer works');
});
