// Shared set-up of the end-to-end tests: the one app binary built by run.sh, tauri-driver in its
// own process group per test (ended whole afterwards, so a surviving app cannot hang the runner),
// and small waiting helpers. Every wait is bounded.
import { after, afterEach } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
const targetDir = process.env.CARGO_TARGET_DIR ?? join(repo, 'target');
const application = process.env.APP_BINARY ?? join(targetDir, 'debug', 'infinite-stories');
export const artifacts = join(repo, 'tests', 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const scratch = mkdtempSync(join(tmpdir(), 'is-e2e-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** @type {{ driver: import('node:child_process').ChildProcess, browser: WebdriverIO.Browser } | undefined} */
let running;
afterEach(async (t) => {
  if (!running) return;
  // What the window showed when the test ended, to look at when it failed.
  const name = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  await running.browser.saveScreenshot(join(artifacts, `last-${name}.png`)).catch(() => undefined);
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
export async function launch(env) {
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


/** Where screenshots a reader of the README sees are kept. */
export const screenshots = join(repo, 'docs', 'screenshots');

/** Waits (bounded) until `condition` resolves truthy; `what` names it in the failure. */
export async function until(browser, condition, what, timeout = 60_000) {
  await browser.waitUntil(condition, { timeout, interval: 200, timeoutMsg: `timed out waiting for ${what}` });
}

/** Calls one of the app's own commands from the page, as the UI does. */
export async function invoke(browser, command, args = {}) {
  return browser.executeAsync(
    (cmd, a, done) => {
      window.__TAURI_INTERNALS__.invoke(cmd, a).then(
        (value) => done({ ok: true, value }),
        (error) => done({ ok: false, error }),
      );
    },
    command,
    args,
  );
}

/** Home shows the embedded backend connected and the guest session. */
export async function waitForHome(browser) {
  const card = await browser.$('[data-testid="backend-status"][data-state="connected"]');
  await card.waitForExist({ timeout: 60_000 });
  const who = await browser.$('[data-testid="session-summary"]');
  await until(browser, async () => (await who.getText()) === 'Signed in as a guest on this computer', 'the guest session');
}
