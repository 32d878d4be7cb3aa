// End-to-end tests of the real app: the binary built by `tauri build --debug --no-bundle`,
// in a real WebKitGTK window under Xvfb, driven through tauri-driver + WebKitWebDriver.
// Run by tests/e2e/run.sh (which builds the app and starts Xvfb); screenshots go to
// tests/e2e/artifacts/.
import { after, afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const targetDir = process.env.CARGO_TARGET_DIR ?? join(repo, 'target');
const application = process.env.APP_BINARY ?? join(targetDir, 'debug', 'infinite-stories');
const artifacts = join(repo, 'tests', 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

const scratch = mkdtempSync(join(tmpdir(), 'is-e2e-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** @type {{ driver: import('node:child_process').ChildProcess, browser: WebdriverIO.Browser } | undefined} */
let running;
afterEach(async () => {
  if (!running) return;
  await running.browser.deleteSession().catch(() => undefined);
  // tauri-driver runs in its own process group with WebKitWebDriver and the app under it: end
  // the whole group, so an app that outlived its session cannot keep the test runner's output
  // pipe open (the runner would wait for it forever).
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-running.driver.pid, signal);
    } catch {
      break; // the group is gone
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  running = undefined;
});

/** Resolves once something accepts connections on `port` (bounded: 30 s). */
async function waitForPort(port) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts tauri-driver with the app's environment and opens a session on the real app. */
async function launch(env) {
  const port = 4444;
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', '4445'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  await waitForPort(port);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      // @ts-expect-error tauri-driver's capabilities are not in webdriverio's types
      browserName: 'wry',
      'tauri:options': { application },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  running = { driver, browser };
  return browser;
}

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
  await browser.saveScreenshot(join(artifacts, 'home.png'));

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
  const message = await (await browser.$('[data-testid="backend-message"]')).getText();
  assert.match(message, /could not start/);
  assert.match(message, /data folder/);
  await browser.saveScreenshot(join(artifacts, 'home-backend-failed.png'));

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
