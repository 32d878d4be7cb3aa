// End-to-end tests of the real app: the binary built by `tauri build --debug --no-bundle`,
// in a real WebKitGTK window under Xvfb, driven through tauri-driver + WebKitWebDriver.
// Run by tests/e2e/run.sh (which builds the app and starts Xvfb); screenshots go to
// tests/e2e/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, launch, repo, scratch, screenshot } from './support.mjs';

test('the app starts its embedded backend and Home shows it connected', async () => {
  const dataDir = join(scratch, 'connected');
  const browser = await launch({ INFINITE_STORIES_DATA_DIR: dataDir });

  const card = await browser.$('[data-testid="backend-status"][data-state="connected"]');
  await card.waitForExist({ timeout: 30_000 });
  assert.equal(await (await card.$('h2')).getText(), 'Embedded backend connected');
  const address = await (await browser.$('[data-testid="backend-address"]')).getText();
  assert.match(address, /^http:\/\/127\.0\.0\.1:\d+$/);

  // The address is a real server in the app's process, answering on loopback.
  const health = await (await fetch(`${address}/health`)).json();
  assert.equal(health.status, 'ok');
  // First run signs in as a guest and keeps the session in the (private, unlocked) keyring.
  const who = await browser.$('[data-testid="session-summary"]');
  await browser.waitUntil(async () => (await who.getText()) === 'Signed in as a guest on this computer', {
    timeout: 30_000,
    timeoutMsg: 'the window never showed the guest session',
  });
  await screenshot(browser, join(artifacts, 'home.png'));

  // Closing the window (as the title bar's close button does) ends the app, which stops the
  // server gracefully.
  closeWindow('InfiniteStories');
  await waitForRefused(address);
  // The app logs the stop and then flushes its log file on the way out.
  const log = await waitForLog(join(dataDir, 'logs'), /embedded backend stopped/);
  assert.match(log, /embedded backend listening/);
  // First run: the app signed in anonymously on its own…
  assert.match(log, /POST \/auth\/v1\/signup status=200/);
  // …and no key or token (all JWTs, "eyJ…") reached the log file.
  assert.doesNotMatch(log, /eyJ[\w-]{10,}/);
});

test('Home says clearly when the embedded backend cannot start', async () => {
  // A data "directory" that is a file: the backend cannot create its folder under it.
  const blocker = join(scratch, 'blocked');
  writeFileSync(blocker, 'not a directory');
  const browser = await launch({ INFINITE_STORIES_DATA_DIR: blocker });

  const card = await browser.$('[data-testid="backend-status"][data-state="unavailable"]');
  await card.waitForExist({ timeout: 30_000 });
  assert.equal(await (await card.$('h2')).getText(), 'Embedded backend unavailable');
  // A parent reads what to do; the backend's own words wait, folded, for whoever helps them.
  const message = await (await browser.$('[data-testid="backend-message"]')).getText();
  assert.match(message, /story server is not working/);
  assert.match(message, /Check again/);
  const detail = await card.$('details.detail');
  assert.equal(await (await detail.$('summary')).getText(), 'Technical detail');
  const words = await detail.getProperty('textContent');
  assert.match(words, /could not start/);
  assert.match(words, /data folder/);
  await screenshot(browser, join(artifacts, 'home-backend-failed.png'));

  // "Check again" goes through the real command; the backend still cannot start, and the
  // card says so.
  await (await browser.$('button=Check again')).click();
  await (await browser.$('[data-testid="backend-still-unavailable"]')).waitForExist({ timeout: 15_000 });
});

/** Sends the window titled `title` a close request (WM_DELETE_WINDOW), see close-window.py. */
function closeWindow(title) {
  execFileSync('/usr/bin/python3', [join(repo, 'tests', 'e2e', 'close-window.py'), title], {
    stdio: 'inherit',
  });
}

/** Waits (bounded: 15 s) until nothing answers at `address`. */
async function waitForRefused(address) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const up = await fetch(`${address}/health`).then(
      () => true,
      () => false,
    );
    if (!up) return;
    if (Date.now() > deadline) throw new Error(`${address} still answers 15 s after the window closed`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits (bounded: 15 s) until the app's log files contain `pattern`; returns the logs. */
async function waitForLog(dir, pattern) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const log = readLogs(dir);
    if (pattern.test(log)) return log;
    if (Date.now() > deadline) throw new Error(`the log never showed ${pattern}:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readLogs(dir) {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}
