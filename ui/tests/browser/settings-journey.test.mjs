// Browser tests of Settings, the reading Journey, Diagnostics and Home's "tonight": the real
// Svelte app in Chromium over the scripted core of src/lib/ipc/mockPages.ts
// (harness.html?scenario=pages…&area=…). Screenshots go to ui/test-results/pages-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open as openApp, shots, useBrowser } from './support.mjs';

/** @typedef {import('../../src/lib/ipc/mockPages').MockPages} MockPages */
/** @typedef {import('playwright-core').Page} Page */

useBrowser();

/**
 * The pages over their scripted core, which answers only the commands these pages use (so
 * console errors of the others are not failures), at 1200×780 with the clipboard allowed.
 * @param {string} query
 * @param {{ colorScheme?: 'light' | 'dark', clock?: boolean }} [options]
 */
const open = (query, options = {}) => openApp(query, { ...options, height: 780, clipboard: true, lenient: true });

/**
 * The scripted core's calls of one command (arguments loosely typed: each test knows its command).
 * @param {Page} page
 * @param {string} cmd
 * @returns {Promise<any[]>}
 */
const calls = (page, cmd) =>
  page.evaluate(
    (c) => /** @type {{ mockPages: MockPages }} */ (/** @type {unknown} */ (window)).mockPages.calls.filter((x) => x.cmd === c),
    cmd,
  );
/** @param {Page} page */
const count = (page) => page.evaluate(() => /** @type {{ mockPages: MockPages }} */ (/** @type {unknown} */ (window)).mockPages.count());
/** @param {Page} page */
const cards = (page) => page.getByTestId('story-card');
/** @param {Page} page */
async function countLine(page, /** @type {string} */ text) {
  await page.locator('.count').getByText(text, { exact: true }).waitFor();
}


test('Settings: story defaults, theme, and a sample of the voice', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  await page.getByRole('combobox', { name: 'Voice' }).selectOption('fable');
  await page.getByRole('radio', { name: '10 min' }).check();
  await page.getByRole('checkbox', { name: 'Pictures' }).uncheck();
  const saved = (await calls(page, 'set_story_defaults')).map((c) => c.args.defaults);
  assert.deepEqual(saved.at(-1), { voice: 'fable', language: 'en', lengthMinutes: 10, illustrations: false });
  await page.getByRole('button', { name: '▶ Hear a sample' }).click();
  await page.waitForFunction(() => /** @type {any} */ (window).mockPages.calls.some((/** @type {any} */ c) => c.cmd === 'voice_sample'));
  await page.getByRole('radio', { name: 'Night' }).check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.getByRole('radio', { name: 'Day' }).check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.ok(await page.getByText('Your sign-in is kept in the system keyring.').isVisible());
  await page.setViewportSize({ width: 1200, height: 1420 });
  await page.screenshot({ path: join(shots, 'pages-settings.png') });
  assert.deepEqual(errors, []);
  await close();
});

test('Settings: a Supabase project is tested before switching; bad addresses are explained', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  await page.getByRole('radio', { name: 'My Supabase project' }).check();
  const url = page.getByRole('textbox', { name: 'Project address', exact: true });
  const key = page.getByLabel('Anon key');
  const use = page.getByRole('button', { name: 'Use this project' });
  await url.fill('http://abcd.supabase.co');
  await key.fill('eyJhbGciOiJIUzI1NiJ9.anon-key-for-tests');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByRole('alert').getByText(/Use https:\/\//).waitFor();
  assert.equal((await calls(page, 'test_supabase_connection')).length, 0, 'checked before asking the core');
  assert.ok(await use.isDisabled());

  await url.fill('https://unreachable.example.com');
  await page.getByRole('button', { name: 'Test connection' }).click();
  // The friendly words in the UI's language; the core's reason folded away as detail.
  await page.getByRole('alert').getByText(/^The connection dropped\./).waitFor();
  await page.getByText('Technical detail', { exact: true }).click();
  assert.match((await page.locator('details.set-detail[open]').textContent()) ?? '', /does not resolve/);
  await page.screenshot({ path: join(shots, 'pages-settings-backend-error.png') });

  await url.fill('https://abcd.supabase.co');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('The project answered.').waitFor();
  await use.click();
  await page.getByText('Stories now come from your Supabase project.').waitFor();
  assert.deepEqual((await calls(page, 'use_supabase_project'))[0].args, {
    url: 'https://abcd.supabase.co', anonKey: 'eyJhbGciOiJIUzI1NiJ9.anon-key-for-tests',
  });
  assert.equal(await key.inputValue(), '', 'the key is not kept in the page');
  assert.deepEqual(errors, []);
  await close();
});

test('Settings: a guest keeps their stories with an email; errors are in plain words', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  await page.getByTestId('account-who').getByText('Guest on this computer.').waitFor();
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('parent@example.com');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Keep my stories with this email' }).click();
  await page.getByRole('alert').getByText('The password needs at least 8 characters.').waitFor();
  await page.getByLabel('Password', { exact: true }).fill('goodnight-moon');
  await page.getByRole('button', { name: 'Keep my stories with this email' }).click();
  await page.getByTestId('account-who').getByText('parent@example.com').waitFor();
  assert.equal((await calls(page, 'link_email')).length, 2);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByTestId('account-who').getByText('Not signed in.').waitFor();
  assert.deepEqual(errors, []);
  await close();
});

test('Settings: the parent lock guards changes; the PIN unlocks; cancel changes nothing', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  await page.getByLabel('PIN (4–8 digits)').fill('12');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('alert').getByText('A PIN is 4 to 8 digits.').waitFor();
  await page.getByLabel('PIN (4–8 digits)').fill('2468');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByText('PIN saved.').waitFor();
  await page.getByRole('button', { name: 'Lock now' }).click();

  const voice = page.getByRole('combobox', { name: 'Voice' });
  await voice.selectOption('onyx');
  const pin = page.getByRole('dialog', { name: 'Grown-ups only' });
  await pin.waitFor();
  await page.keyboard.press('Escape');
  await pin.waitFor({ state: 'hidden' });
  assert.equal(await voice.inputValue(), 'coral', 'a cancelled change goes back');

  await voice.selectOption('onyx');
  await pin.getByLabel('Parent PIN').fill('2468');
  await page.keyboard.press('Enter');
  await pin.waitFor({ state: 'hidden' });
  assert.equal((await calls(page, 'set_story_defaults')).at(-1)?.args.defaults.voice, 'onyx');
  assert.equal(await voice.inputValue(), 'onyx');
  assert.deepEqual(errors, []);
  await close();
});

test('Settings: erase all data asks first, then the app is as on the first start', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  await page.getByRole('button', { name: 'Erase all data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase everything?' });
  await dialog.getByRole('button', { name: 'Keep' }).click();
  assert.equal(await count(page), 30);
  await page.getByRole('button', { name: 'Erase all data…' }).click();
  await dialog.getByRole('button', { name: 'Erase everything' }).click();
  await page.getByRole('heading', { name: "Ready for tonight's story?" }).waitFor();
  assert.equal(await count(page), 0);
  assert.equal(await page.getByTestId('tonight').count(), 0, 'nothing for tonight after erasing');
  assert.deepEqual(errors, []);
  await close();
});

test('Journey: totals, streak, milestones and a chart per week, month and year', async () => {
  const { page, errors, close } = await open('scenario=pages&area=journey');
  const chart = page.getByTestId('journey-chart');
  await chart.waitFor();
  assert.ok(await page.getByText('🔥 9').isVisible());
  assert.match((await page.getByTestId('next-milestone').textContent()) ?? '', /50 stories/);
  assert.equal(await page.getByTestId('milestone').count(), 9);
  const bars = chart.locator('g[role=img]');
  assert.equal(await bars.count(), 7);
  assert.match((await bars.last().getAttribute('aria-label')) ?? '', /^Friday, December 4: \d+ minutes$/);
  await page.setViewportSize({ width: 1200, height: 1250 });
  await page.screenshot({ path: join(shots, 'pages-journey.png') });
  await page.getByRole('button', { name: 'Month' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=journey-chart] g[role=img]').length === 30);
  await page.getByRole('button', { name: 'Year' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=journey-chart] g[role=img]').length === 13);
  await page.getByRole('button', { name: 'Show as a table' }).click();
  assert.ok(await page.getByRole('cell', { name: 'December 2026' }).isVisible());
  await page.screenshot({ path: join(shots, 'pages-journey-year.png') });
  assert.deepEqual(errors, []);
  await close();

  const empty = await open('scenario=pages-empty&area=journey');
  await empty.page.getByTestId('journey-chart').waitFor();
  assert.ok(await empty.page.getByText('Not yet — listen to a few stories first.').isVisible());
  assert.match((await empty.page.getByTestId('next-milestone').textContent()) ?? '', /First story/);
  await empty.page.screenshot({ path: join(shots, 'pages-journey-empty.png') });
  await empty.close();
});

test('Diagnostics: backend, timings with slow ones marked, requests, cache, limits counting down, report', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings', { clock: true });
  await page.getByRole('button', { name: 'Diagnostics for the person who helps' }).click();
  await page.getByTestId('diag-backend').getByText(/Embedded/).waitFor();
  const ops = page.getByTestId('operations');
  assert.ok(await ops.getByRole('row', { name: /story-generation/ }).getByText('⚠ 14 slow').isVisible());
  assert.equal(await page.getByTestId('requests').locator('tbody tr').count(), 200);
  const limits = page.getByTestId('limits');
  await limits.getByText('next in 0:48').waitFor();
  await page.clock.runFor(3000);
  await limits.getByText('next in 0:45').waitFor();
  await page.setViewportSize({ width: 1200, height: 1500 });
  await page.screenshot({ path: join(shots, 'pages-diagnostics.png') });

  await page.getByRole('button', { name: 'Clear cache' }).click();
  await page.getByTestId('cache').getByText(/Memory 0 B/).waitFor();
  await page.getByRole('checkbox', { name: 'Verbose logging' }).check();
  assert.deepEqual((await calls(page, 'set_verbose_logging'))[0].args, { verbose: true });
  await page.getByRole('button', { name: 'Copy a report' }).click();
  await page.getByText('Report copied.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^InfiniteStories diagnostics/);
  assert.deepEqual(errors, []);
  await close();
});

test("Home greets with tonight's shortcut", async () => {
  const { page, errors, close } = await open('scenario=pages');
  const tonight = page.getByTestId('tonight');
  await tonight.getByText('Continue listening').waitFor();
  assert.ok(await tonight.getByText('3:12 of 10:00').isVisible());
  assert.ok(await tonight.getByText('A new story with').isVisible());
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: join(shots, 'pages-home-tonight.png') });
  const night = await open('scenario=pages', { colorScheme: 'dark' });
  await night.page.getByTestId('tonight').getByText('Continue listening').waitFor();
  await night.page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await night.page.screenshot({ path: join(shots, 'pages-home-tonight-night.png') });
  await night.close();
  await tonight.getByRole('button', { name: /Newest story/ }).click();
  await page.waitForFunction(() => /** @type {any} */ (window).mockPlayer.calls.some((/** @type {any} */ c) => c.cmd === 'open_story'));
  assert.deepEqual(errors, []);
  await close();
});
