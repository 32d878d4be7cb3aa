// Shared setup of the browser tests: Vite serving the app (harness.html: the real Svelte app
// over a mocked Tauri IPC), Debian's Chromium driven by playwright-core, screenshots in
// ui/test-results/. Not a test file itself (node --test runs *.test.mjs).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const shots = join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @type {import('vite').ViteDevServer} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
let base = '';

/** Starts Vite and Chromium before the file's tests and stops them after. */
export function useBrowser() {
  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await createServer({ root, logLevel: 'error', server: { port: 0, strictPort: false, host: '127.0.0.1' } });
    await server.listen();
    const address = server.httpServer?.address();
    assert.ok(address && typeof address === 'object', 'vite is listening');
    base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * Opens the app with a scripted backend; returns the page and the errors it throws.
 * @param {string} query
 * `clock` installs a paused clock at a fixed evening; `clipboard` lets the page use the clipboard;
 * `lenient` keeps console errors and failed requests out of `errors` (pages whose scripted core
 * answers only some commands).
 * @param {string} query
 * @param {{ colorScheme?: 'light' | 'dark', height?: number, clock?: boolean, clipboard?: boolean, lenient?: boolean }} [options]
 */
export async function open(query, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1200, height: options.height ?? 820 },
    colorScheme: options.colorScheme ?? 'light',
    // No transitions: screenshots show where the bars are, not where they are sliding to.
    reducedMotion: 'reduce',
    permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  });
  const page = await context.newPage();
  if (options.clock) await page.clock.install({ time: new Date('2026-12-04T19:30:00Z') });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (!options.lenient) page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  // Every file the app asks for must exist (fixture pictures included); Chromium's own
  // favicon.ico probe is not the app's.
  if (!options.lenient) page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${base}/harness.html?${query}`);
  return { page, errors, close: () => context.close() };
}

/**
 * Runs `fn(mockBackend, arg)` in the page (see src/lib/ipc/mocks.ts for what it can do).
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {(mock: import('../../src/lib/ipc/mocks').MockBackend, arg: T) => unknown} fn
 * @param {T} [arg]
 */
export async function mock(page, fn, arg) {
  return page.evaluate(
    ([source, a]) => {
      const m = /** @type {{ mockBackend: import('../../src/lib/ipc/mocks').MockBackend }} */ (
        /** @type {unknown} */ (window)
      ).mockBackend;
      return new Function('m', 'a', `return (${source})(m, a)`)(m, a);
    },
    /** @type {[string, T | undefined]} */ ([fn.toString(), arg]),
  );
}

/** @param {import('playwright-core').Page} page @param {string} name */
export async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

/** @param {import('playwright-core').Page} page @param {string} name */
export async function go(page, name) {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

const CONTROLS = 'button|textbox|searchbox|radio|checkbox|combobox|listbox|link|progressbar|slider|spinbutton|switch|tab|menuitem|dialog|img';

/**
 * Fails when a control on the page has no accessible name, reading Chromium's accessibility
 * tree (an aria snapshot lists a named control as `- button "Next"`, a nameless one as `- button`).
 * @param {import('playwright-core').Page} page
 * @param {string} where what the page shows, for the failure message
 */
export async function assertAllNamed(page, where) {
  const snapshot = await page.locator('body').ariaSnapshot();
  const nameless = snapshot
    .split('\n')
    .filter((line) => new RegExp(`^\\s*- (${CONTROLS})(?! ")(\\s|:|$)`).test(line));
  assert.deepEqual(nameless, [], `controls without an accessible name on ${where}`);
  return snapshot;
}

/**
 * Fails when the window itself scrolls: only the main area should (the sidebar stays put).
 * @param {import('playwright-core').Page} page
 */
export async function assertWindowDoesNotScroll(page) {
  const { scrollHeight, innerHeight, scrollY } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
    scrollY: window.scrollY,
  }));
  assert.ok(scrollHeight <= innerHeight && scrollY === 0, `the window scrolls (${scrollHeight} > ${innerHeight}, at ${scrollY})`);
}
