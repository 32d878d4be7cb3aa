// A measurement, not a test (not in the default e2e run: it seeds 10,000 stories and starts the
// app six times): how long the real app takes from launch to an interactive Home with a library
// of 10,000 stories (issue 12, speed: ≤ 0.5 s).
//
//   bash tests/e2e/run.sh cold-start.measure.mjs                  # the debug build run.sh makes
//   APP_BINARY=target/package-test/infinite-stories bash tests/e2e/run.sh cold-start.measure.mjs
//
// SEED_PROFILE picks the bench's profile (package-test); COLD_START_LAUNCHES how many starts (5);
// COLD_START_AFTER_SEED a command run on the seeded data folder before the starts;
// COLD_START_SEED=0 the same starts with an empty library, to compare.
//
// 1. A first start in a new data folder signs in as a guest; the app is quit.
// 2. The library bench's generator (`benches/library.rs`, LIBRARY_BENCH_ONLY=seed) writes 10,000
//    stories in five languages and 30,000 listening sessions into that guest's local library
//    (`client/core.sqlite`), as the offline writer makes them, and the same heroes and stories
//    into the embedded backend's database, the library marked as synced with it: a family's
//    library as it is after months of stories. (Seeding only the local library, as this did
//    until session 11, made each start's sync remove ~1,000 stories as deleted on another
//    device, a core's worth of work beside the starting window.) After the starts, the library
//    must still hold the 10,000 stories.
// 3. The app is started five times. Each time: from the app process's start (its /proc start
//    time, 10 ms steps) and from the WebDriver session request, to the window's document
//    showing Home with the guest session and tonight's shortcut with the newest of the 10,000
//    stories (Home has read the library; the story opens and plays from this computer), and,
//    reported beside it, the backend's card saying connected. Printed with the machine's facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { invoke, launch, quit, repo, scratch, waitForHome } from './support.mjs';

const targetDir = process.env.CARGO_TARGET_DIR ?? join(repo, 'target');
const application = realpathSync(process.env.APP_BINARY ?? join(targetDir, 'debug', 'infinite-stories'));
const LAUNCHES = Number(process.env.COLD_START_LAUNCHES ?? 5);

/** Unix ms at which process `pid` started (/proc: clock ticks since boot, 100 a second,
 *  against the uptime read at the same moment: 10 ms steps). */
function startedAt(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const now = Date.now();
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return now - (uptime * 1000 - ticks * 10);
}

/** The newest process running the app binary. */
function appPid() {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/exe`) === application;
    } catch {
      return false;
    }
  });
  return pids.sort((a, b) => startedAt(b) - startedAt(a))[0];
}

/** The library bench's generator on the guest's local library in `dataDir` (`LIBRARY_BENCH_ONLY=seed`:
 *  seeds an empty library, or says how many stories a seeded one holds). */
function libraryBench(dataDir, user, env = {}) {
  return spawnSync(
    'cargo',
    ['bench', '--locked', '-p', 'infinite-stories-core', '--bench', 'library', '--profile', process.env.SEED_PROFILE ?? 'package-test'],
    {
      cwd: repo,
      env: { ...process.env, LIBRARY_BENCH_DIR: join(dataDir, 'client'), LIBRARY_BENCH_USER: user, LIBRARY_BENCH_ONLY: 'seed', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

/** What Home shows now, read in the window. */
const homeState = () => ({
  connected: Boolean(document.querySelector('[data-testid="backend-status"][data-state="connected"]')),
  guest: document.querySelector('[data-testid="session-summary"]')?.textContent?.trim() === 'Signed in as a guest on this computer',
  tonight: document.querySelector('[data-testid="tonight"]')?.textContent ?? '',
});

test('cold start to an interactive Home with 10,000 stories', { timeout: 30 * 60_000 }, async () => {
  const dataDir = join(scratch, 'cold-start-10k');
  // 1. The first start: a guest.
  let browser = await launch({ INFINITE_STORIES_DATA_DIR: dataDir });
  await waitForHome(browser);
  const session = await invoke(browser, 'session');
  assert.ok(session.ok && session.value?.userId, `no session: ${JSON.stringify(session)}`);
  const user = session.value.userId;
  await quit();

  // 2. 10,000 stories for that guest, from the bench's generator (COLD_START_SEED=0: none, for
  //    the same starts with an empty library).
  const seeded = Date.now();
  if (process.env.COLD_START_SEED !== '0') {
    const seed = libraryBench(dataDir, user, { LIBRARY_BENCH_BACKEND_DB: join(dataDir, 'backend', 'server.db') });
    assert.equal(seed.status, 0, 'the library bench could not seed the library');
    assert.match(seed.stdout, /10000 stories written/);
    assert.match(seed.stdout, /10010 rows copied to the backend's database/);
    console.log(`seeded in ${((Date.now() - seeded) / 1000).toFixed(0)} s: ${seed.stdout.trim().split('\n').join('; ')}`);
    // To start a build older than the bench (whose library has fewer migrations), a command can
    // adapt the seeded data folder (its path is the command's first argument).
    if (process.env.COLD_START_AFTER_SEED) {
      const adapted = spawnSync(process.env.COLD_START_AFTER_SEED, [dataDir], { stdio: 'inherit' });
      assert.equal(adapted.status, 0, 'COLD_START_AFTER_SEED failed');
    }
  }

  // 3. Cold starts.
  const rows = [];
  for (let n = 0; n < LAUNCHES; n++) {
    const requested = Date.now();
    browser = await launch({ INFINITE_STORIES_DATA_DIR: dataDir });
    const sessionOpen = Date.now();
    const pid = appPid();
    assert.ok(pid, 'the app process is running');
    const processStart = startedAt(pid);
    /** @type {Record<string, number>} */
    const seen = {};
    const deadline = Date.now() + 60_000;
    for (;;) {
      const state = /** @type {ReturnType<typeof homeState>} */ (await browser.execute(homeState));
      const now = Date.now();
      if (state.connected) seen.connected ??= now;
      if (state.guest) seen.guest ??= now;
      if (state.tonight.length > 0) seen.tonight ??= now;
      if (seen.connected && seen.guest && (seen.tonight || process.env.COLD_START_SEED === '0')) break;
      assert.ok(now < deadline, `Home was not ready after 60 s: ${JSON.stringify(state)}`);
    }
    // Interactive: Home says who is signed in and offers tonight's shortcut, which opens a story
    // that reads and plays from this computer. The backend may still be starting (Home's card
    // says so); making a new story waits for it, listening does not.
    const interactive = Math.max(seen.guest, seen.tonight ?? 0);
    const tonight = String(await browser.execute(() => document.querySelector('[data-testid="tonight"]')?.textContent ?? ''));
    // Where the time went, from the page's own clock: the page's navigation start, the HTML and
    // script parsed, the app mounted, the session known, tonight's shortcut read (UI marks).
    const timing = /** @type {{origin: number, nav: Record<string, number> | null, marks: Record<string, number>}} */ (
      await browser.execute(() => {
        const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
        return {
          origin: performance.timeOrigin,
          nav: nav ? { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd } : null,
          marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        };
      })
    );
    const at = (/** @type {number | undefined} */ t) => (t === undefined ? NaN : timing.origin + t - processStart);
    const phases = {
      page: at(0),
      html: at(timing.nav?.responseEnd),
      parsed: at(timing.nav?.domInteractive),
      evaluated: at(timing.marks['modules-evaluated']),
      mounted: at(timing.marks['app-mounted']),
      session: at(timing.marks.session),
      tonightRead: at(timing.marks.tonight),
    };
    for (const [name, t] of Object.entries(timing.marks)) if (!(name in phases)) phases[name] = at(t);
    rows.push({
      launch: n + 1,
      fromProcess: interactive - processStart,
      fromRequest: interactive - requested,
      sessionOpen: sessionOpen - requested,
      connected: seen.connected - processStart,
      tonight: (seen.tonight ?? NaN) - processStart,
      tonightText: tonight.replace(/\s+/g, ' ').slice(0, 80),
      phases,
    });
    await quit();
  }
  const cpu = cpus();
  const ms = (/** @type {number} */ x) => `${(x / 1000).toFixed(2)} s`;
  console.log(
    [
      `cold start with ${process.env.COLD_START_SEED === '0' ? 'an empty library' : '10,000 stories'} (${application})`,
      `machine: ${cpu.length} × ${cpu[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
      ...rows.map(
        (r) =>
          `launch ${r.launch}: interactive Home ${ms(r.fromProcess)} after the process started ` +
          `(${ms(r.fromRequest)} after the WebDriver request; its session opened at ${ms(r.sessionOpen)}); ` +
          `connected card ${ms(r.connected)}, tonight's shortcut ${ms(r.tonight)} — "${r.tonightText}"\n` +
          `  page's clock: ${Object.entries(r.phases).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`,
      ),
    ].join('\n'),
  );
  if (process.env.COLD_START_SEED !== '0') {
    // The starts left the library whole (the sync at start found the backend holding the same
    // stories: nothing was removed as deleted on another device).
    const after = libraryBench(dataDir, user);
    assert.equal(after.status, 0);
    assert.match(after.stdout, /reusing the 10000 stories/);
    assert.ok(rows.every((r) => r.tonightText.length > 0), 'Home showed tonight from the seeded library');
  }
});
