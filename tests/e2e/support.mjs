// Shared set-up of the end-to-end tests: the one app binary built by run.sh, tauri-driver in its
// own process group per test (ended whole afterwards, so a surviving app cannot hang the runner),
// and small waiting helpers. Every wait is bounded.
import { after, afterEach } from 'node:test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { screenshot } from './snapshot.mjs';
export { screenshot };

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
  await screenshot(running.browser, join(artifacts, `last-${name}.png`)).catch(() => undefined);
  await stop();
});

/** Ends the session and tauri-driver's whole process group (the app with it, if still up). */
async function stop() {
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
}

/** The app's processes in tauri-driver's process group (pids). */
function appProcesses(group) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[2]) === group && readlinkSync(`/proc/${pid}/exe`) === realpathSync(application);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    });
}

/**
 * Quits the app as a person does: the window's close button (a WM_DELETE_WINDOW, see
 * close-window.py), so it goes through its normal exit (settings and the window's size saved,
 * the backend stopped); waits (bounded: 20 s) until the app process is gone, then ends the driver.
 */
export async function quit() {
  if (!running) throw new Error('no app is running');
  const group = running.driver.pid;
  execFileSync('/usr/bin/python3', [join(repo, 'tests', 'e2e', 'close-window.py'), 'InfiniteStories'], { stdio: 'inherit' });
  const deadline = Date.now() + 20_000;
  while (appProcesses(group).length > 0) {
    if (Date.now() > deadline) throw new Error('the app was still running 20 s after its window was closed');
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
}

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

/**
 * The app's config folder for a data folder: `<data>.config`, used as XDG_CONFIG_HOME, so each
 * test keeps its own window state (and never the machine's). When the suite gives a sound server
 * (PULSE_SERVER, set by run.sh), ALSA's default device in it plays there.
 */
function configHome(dataDir) {
  const home = `${dataDir}.config`;
  mkdirSync(join(home, 'alsa'), { recursive: true });
  if (process.env.PULSE_SERVER) {
    writeFileSync(join(home, 'alsa', 'asoundrc'), 'pcm.!default { type pulse }\nctl.!default { type pulse }\n');
  }
  return home;
}

/**
 * Starts tauri-driver with the app's environment and opens a session on the real app. A launch
 * with the same INFINITE_STORIES_DATA_DIR as an earlier one is the same app started again.
 */
export async function launch(env) {
  const port = 4444;
  const config = env.INFINITE_STORIES_DATA_DIR ? { XDG_CONFIG_HOME: configHome(env.INFINITE_STORIES_DATA_DIR) } : {};
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', '4445'], {
    env: { ...process.env, ...config, ...env },
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
