// Browser tests: the real Svelte app, served by Vite, in Debian's Chromium driven by
// playwright-core, with the Tauri IPC mocked by src/lib/ipc/mocks.ts (harness.html).
// Screenshots go to ui/test-results/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @type {import('vite').ViteDevServer} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
let base = '';

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await createServer({
    root,
    logLevel: 'error',
    server: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  assert.ok(address && typeof address === 'object', 'vite is listening');
  base = `http://127.0.0.1:${address.port}`;
  // playwright launches Chromium with a fresh temporary profile of its own.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the app with a scripted backend and returns the page and the errors it throws.
 * @param {string} query
 * @param {'light' | 'dark'} colorScheme
 */
async function open(query, colorScheme = 'light') {
  const page = await browser.newPage({ viewport: { width: 1200, height: 780 }, colorScheme });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/harness.html?${query}`);
  return { page, errors };
}

test('Home shows the embedded backend connected, with its address', async () => {
  const { page, errors } = await open('scenario=connected');
  const card = page.getByTestId('backend-status');
  await card.getByText('Embedded backend connected').waitFor();
  assert.equal(await card.getAttribute('data-state'), 'connected');
  assert.equal(await page.getByTestId('backend-address').textContent(), 'http://127.0.0.1:48213');
  assert.ok(await page.getByRole('heading', { name: "Ready for tonight's story?" }).isVisible());
  await page.getByText('Signed in as a guest on this computer').waitFor();
  await page.screenshot({ path: join(shots, 'home-light.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Home says clearly when the embedded backend could not start', async () => {
  const { page, errors } = await open('scenario=failed');
  const card = page.getByTestId('backend-status');
  await card.getByText('Embedded backend unavailable').waitFor();
  // The card speaks the UI's language; the core's own reason stays as labelled detail.
  const message = await page.getByTestId('backend-message').textContent();
  assert.match(message ?? '', /^The story server is not working\./);
  await card.getByText('Technical detail', { exact: true }).click();
  const detail = await card.locator('details').textContent();
  assert.match(detail ?? '', /could not start/);
  assert.match(detail ?? '', /data folder is writable/);
  await page.screenshot({ path: join(shots, 'home-failed.png') });

  // "Check again" asks the shell to start it again; still failing, the card says so.
  await page.getByRole('button', { name: 'Check again' }).click();
  await page.getByTestId('backend-still-unavailable').waitFor();
  assert.equal(await card.getAttribute('data-state'), 'unavailable');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a backend that finishes starting later is shown as connected through the status event', async () => {
  const { page } = await open('scenario=starting');
  const card = page.getByTestId('backend-status');
  await card.getByText('Starting the story server…').waitFor();
  assert.equal(await card.getAttribute('data-state'), 'connecting');
  await page.evaluate(() =>
    /** @type {{ mockBackend: import('../../src/lib/ipc/mocks').MockBackend }} */ (
      /** @type {unknown} */ (window)
    ).mockBackend.connect(),
  );
  await card.getByText('Embedded backend connected').waitFor();
  assert.equal(await card.getAttribute('data-state'), 'connected');
  await page.close();
});

test('a backend that lists none of the family\'s stories: Home says the ones here were kept, and what to do', async () => {
  const { page, errors } = await open('scenario=connected');
  const card = page.getByTestId('backend-status');
  await card.getByText('Embedded backend connected').waitFor();
  // The core's words (stories/sync.rs, UNLISTED), as the sync publishes them.
  const text =
    "The backend lists none of your family's stories, so the ones on this computer were kept. If they were deleted on another computer, delete them here too; if not, check the Supabase project's settings (its access rules, or whether it is the right project).";
  await page.evaluate(
    (t) =>
      /** @type {{ mockBackend: import('../../src/lib/ipc/mocks').MockBackend }} */ (
        /** @type {unknown} */ (window)
      ).mockBackend.notice(t),
    text,
  );
  const notice = page.getByTestId('backend-notice');
  await notice.waitFor();
  assert.equal(await notice.textContent(), text);
  assert.equal(await notice.getAttribute('role'), 'alert', 'read out by a screen reader when it appears');
  await page.screenshot({ path: join(shots, 'home-notice.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the night theme and navigation work', async () => {
  const { page, errors } = await open('scenario=connected', 'dark');
  await page.getByText('Embedded backend connected').waitFor();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(20, 21, 48)', 'dark palette follows the system');
  await page.screenshot({ path: join(shots, 'home-dark.png') });

  await page.getByRole('button', { name: 'Day' }).click();
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(light, 'rgb(250, 245, 236)', 'Day overrides the system theme');

  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click();
  await page.getByRole('heading', { name: 'Library' }).waitFor();
  assert.equal(
    await page.getByRole('navigation').getByRole('button', { name: 'Library' }).getAttribute('aria-current'),
    'page',
  );
  assert.deepEqual(errors, []);
  await page.close();
});
