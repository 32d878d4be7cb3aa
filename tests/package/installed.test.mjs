// The app as a family gets it: the .deb that `tauri build` made (tests/package/run.sh builds it)
// is checked, installed with apt on this machine, started from its menu entry as a new user
// with no variables of its own, driven a little, closed, and purged. Runs under Xvfb with a
// private D-Bus session and an unlocked gnome-keyring (run.sh starts them). Also checks the .rpm
// as far as this Debian machine can (its files and its declared requirements).
//
// Figures (sizes, cold start, idle memory) are printed as `# figure:` lines for the README.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { screenshot } from '../e2e/snapshot.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');
const deb = process.env.PACKAGE_DEB;
const rpm = process.env.PACKAGE_RPM;
assert.ok(deb && existsSync(deb), 'PACKAGE_DEB must name the built .deb (run tests/package/run.sh)');
const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

const PACKAGE = 'infinite-stories';
const TITLE = 'InfiniteStories';
const DESKTOP = '/usr/share/applications/InfiniteStories.desktop';
const IDENTIFIER = 'app.infinitestories.desktop';
const MiB = 1024 * 1024;
// The README's aim (12 MiB) is for what ships, the release profile (fat LTO). The test command
// builds the `package-test` profile (no LTO, 16 codegen units: about a fifth larger), so there the
// bound is a guard against bloat (a bundled asset, a debug build), not the aim.
const profile = process.env.PACKAGE_PROFILE ?? 'package-test';
const maxDebMiB = Number(process.env.PACKAGE_MAX_DEB_MIB ?? (profile === 'release' ? 12 : 15));
// The app's own memory (anonymous pages: heap, stacks); its shared libraries come on top.
const maxAppAnonMiB = Number(process.env.PACKAGE_MAX_APP_ANON_MIB ?? 64);

const root = process.getuid() === 0 ? [] : ['sudo', '-n'];
const scratch = mkdtempSync(join(tmpdir(), 'is-package-'));
// A new user: a home of its own and none of the XDG or app variables of the machine.
const home = join(scratch, 'home');
mkdirSync(home);
const appEnv = { ...process.env, HOME: home };
for (const name of Object.keys(appEnv)) {
  if (/^(XDG_(DATA|CONFIG|CACHE|STATE)_HOME|INFINITE_STORIES_.*|RUST_LOG)$/.test(name)) delete appEnv[name];
}
const dataDir = join(home, '.local', 'share', IDENTIFIER);
const logDir = join(dataDir, 'logs');

/** What the test learned so far (the tests run in order and build on each other). */
const state = { files: /** @type {string[]} */ ([]), pid: 0, exec: '', installed: false };

after(() => {
  if (state.pid) killQuietly(state.pid);
  if (state.installed) run('apt-get', ['purge', '-y', '-qq', PACKAGE], { sudo: true, check: false });
  rmSync(scratch, { recursive: true, force: true });
});

function run(cmd, args, { sudo = false, check = true, env = process.env, detach = false, timeout = 300_000 } = {}) {
  const argv = sudo ? [...root, cmd, ...args] : [cmd, ...args];
  const r = spawnSync(argv[0], argv.slice(1), {
    encoding: 'utf8',
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    // A launcher's child keeps inherited pipes open for as long as it runs.
    stdio: detach ? 'ignore' : 'pipe',
    timeout,
    maxBuffer: 64 * MiB,
  });
  if (check && r.status !== 0) {
    throw new Error(`${argv.join(' ')} exited with ${r.status} ${r.error ?? ''}:\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}
const out = (cmd, ...args) => run(cmd, args).stdout;

function figure(text) {
  console.log(`figure: ${text}`);
}

const cargoVersion = () => {
  const manifest = readFileSync(join(repo, 'Cargo.toml'), 'utf8');
  const section = manifest.split('[workspace.package]')[1];
  return /^version = "([^"]+)"/m.exec(section)[1];
};

/** The paths the .deb holds, as installed (`/usr/...`). */
function debFiles({ regular = false } = {}) {
  return out('dpkg-deb', '-c', deb)
    .split('\n')
    .filter((line) => line && (!regular || line.startsWith('-')))
    .map((line) => `/${line.split(/\s+/).slice(5).join(' ').replace(/^\.?\//, '')}`.replace(/\/$/, ''));
}

const debField = (field) => out('dpkg-deb', '-f', deb, field).trim();
const depends = () =>
  debField('Depends')
    .split(',')
    .map((d) => d.trim().split(/\s/)[0]);

test('the .deb carries its version from Cargo.toml, its Depends, a menu entry, icons and AppStream metadata', () => {
  assert.equal(debField('Package'), PACKAGE);
  assert.equal(debField('Version'), cargoVersion());
  assert.equal(basename(deb), `InfiniteStories_${cargoVersion()}_amd64.deb`);
  for (const needed of ['libwebkit2gtk-4.1-0', 'libespeak-ng1', 'espeak-ng-data', 'libasound2']) {
    assert.ok(depends().includes(needed), `Depends lacks ${needed}: ${debField('Depends')}`);
  }
  const files = debFiles();
  for (const path of [
    '/usr/bin/infinite-stories',
    DESKTOP,
    `/usr/share/metainfo/${IDENTIFIER}.metainfo.xml`,
    '/usr/share/icons/hicolor/32x32/apps/infinite-stories.png',
    '/usr/share/icons/hicolor/64x64/apps/infinite-stories.png',
    '/usr/share/icons/hicolor/128x128/apps/infinite-stories.png',
    '/usr/share/icons/hicolor/256x256/apps/infinite-stories.png',
    '/usr/share/icons/hicolor/512x512/apps/infinite-stories.png',
    '/usr/share/icons/hicolor/scalable/apps/infinite-stories.svg',
  ]) {
    assert.ok(files.includes(path), `the package lacks ${path}; it holds:\n${files.join('\n')}`);
  }
  const size = statSync(deb).size / MiB;
  figure(`.deb ${size.toFixed(1)} MiB (${basename(deb)})`);
  if (rpm) figure(`.rpm ${(statSync(rpm).size / MiB).toFixed(1)} MiB`);
  assert.ok(size <= maxDebMiB, `the .deb is ${size.toFixed(1)} MiB, more than ${maxDebMiB} MiB`);
});

test('its desktop entry and AppStream metadata pass the freedesktop validators', () => {
  const unpacked = join(scratch, 'unpacked');
  run('dpkg-deb', ['-x', deb, unpacked]);
  const desktop = join(unpacked, DESKTOP);
  const validated = run('desktop-file-validate', [desktop], { check: false });
  assert.equal(validated.status, 0, `desktop-file-validate: ${validated.stdout}${validated.stderr}`);
  const entry = readFileSync(desktop, 'utf8');
  const key = (name) => new RegExp(`^${name}=(.*)$`, 'm').exec(entry)?.[1];
  assert.match(key('Categories'), /^Education;.*Literature;$/);
  assert.match(key('Keywords'), /bedtime;.*stor/);
  assert.equal(key('Icon'), 'infinite-stories');
  assert.equal(key('Exec'), 'infinite-stories');
  assert.ok(existsSync(join(unpacked, 'usr/bin', key('Exec'))), 'Exec names the packaged binary');
  const metainfo = join(unpacked, `usr/share/metainfo/${IDENTIFIER}.metainfo.xml`);
  const appstream = run('appstreamcli', ['validate', '--no-net', metainfo], { check: false });
  assert.equal(appstream.status, 0, `appstreamcli validate: ${appstream.stdout}${appstream.stderr}`);
  assert.match(readFileSync(metainfo, 'utf8'), /<launchable type="desktop-id">InfiniteStories\.desktop</);
});

test('apt installs the .deb, resolving its Depends', () => {
  if (run('dpkg-query', ['-W', PACKAGE], { check: false }).status === 0) {
    run('apt-get', ['purge', '-y', '-qq', PACKAGE], { sudo: true }); // a run that was cut short
  }
  state.installed = true;
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', deb], { sudo: true });
  assert.match(out('dpkg-query', '-W', '-f', '${Status} ${Version}', PACKAGE), /^install ok installed /);
  state.files = out('dpkg', '-L', PACKAGE).split('\n').filter(Boolean);
  assert.ok(state.files.includes('/usr/bin/infinite-stories'));
});

test('every library the installed binary links comes from its declared Depends', () => {
  const binary = '/usr/bin/infinite-stories';
  const ldd = out('ldd', binary);
  assert.doesNotMatch(ldd, /not found/, ldd);
  const resolved = new Map(); // soname -> path
  for (const m of ldd.matchAll(/^\s*(\S+) => (\/\S+)/gm)) resolved.set(m[1], m[2]);
  for (const m of ldd.matchAll(/^\s*(\/\S+) \(/gm)) resolved.set(basename(m[1]), m[1]);
  const needed = [...out('readelf', '-d', binary).matchAll(/\(NEEDED\)\s+Shared library: \[(.+)\]/g)].map(
    (m) => m[1],
  );
  assert.ok(needed.length > 5, `readelf found only ${needed}`);

  const declared = new Set(depends());
  const closure = dependencyClosure(declared);
  const owners = fileOwners();
  const problems = [];
  for (const [soname, path] of resolved) {
    const owner = ownerOf(owners, path);
    if (!owner) problems.push(`${soname} (${path}) belongs to no package`);
    else if (needed.includes(soname) && !declared.has(owner)) {
      problems.push(`${soname} is linked directly but its package ${owner} is not in Depends`);
    } else if (!closure.has(owner)) {
      problems.push(`${soname} comes from ${owner}, which Depends does not pull in`);
    }
  }
  assert.deepEqual(problems, [], `ldd against Depends:\n${problems.join('\n')}`);
  const binaryMiB = statSync(binary).size / MiB;
  figure(`installed binary ${binaryMiB.toFixed(1)} MiB, ${needed.length} libraries linked directly, ${resolved.size} in all`);
});

test('first start from the menu entry: a window, the embedded backend connected, data and logs in the platform dirs', async () => {
  const entry = readFileSync(DESKTOP, 'utf8');
  state.exec = /^Exec=(.*)$/m.exec(entry)[1].replace(/ %[fFuUick]/g, '');
  assert.ok(!existsSync(dataDir), 'a new user has no data yet');

  const started = performance.now();
  // `gio launch` starts a desktop entry the way GNOME's menu does (GDesktopAppInfo).
  run('gio', ['launch', DESKTOP], { env: appEnv, detach: true });
  state.pid = await until(() => appPids()[0], 30_000, 'the app process never appeared');
  await until(() => x11(['window', TITLE], { check: false }).status === 0, 30_000, 'no window appeared');
  const windowShown = performance.now() - started;
  const log = await waitForLog(/backend connected/);
  const connected = performance.now() - started;
  await waitForLog(/POST \/auth\/v1\/signup status=200/); // first start: a guest session

  figure(`cold start from the menu entry: window mapped ${ms(windowShown)}, embedded backend connected ${ms(connected)}`);
  assert.ok(existsSync(join(dataDir, 'backend')), `no backend data in ${dataDir}`);
  assert.match(log, new RegExp(`starting data=${escape(dataDir)} logs=${escape(logDir)}`));
  assert.doesNotMatch(log, /eyJ[\w-]{10,}/, 'a token reached the log');

  // The menu entry's StartupWMClass matches the window, so docks group it under the entry.
  const [, ...wmClass] = x11(['window', TITLE]).stdout.trim().split(' ');
  assert.ok(wmClass.includes(/^StartupWMClass=(.*)$/m.exec(entry)[1]), `WM_CLASS is ${wmClass}`);
  // The webview paints Home: a blank window shows a colour or two, Home shows hundreds.
  const shot = join(artifacts, 'installed-first-start.png');
  await until(
    () => Number(x11(['screenshot', shot, TITLE]).stdout) > 100,
    30_000,
    `the window stayed blank (see ${shot})`,
  );
  figure(`cold start from the menu entry to Home painted: ${ms(performance.now() - started)}`);
});

test('a second launch hands over to the first and brings its window forward', async () => {
  x11(['unfocus']);
  assert.notEqual(x11(['focus']).stdout.trim(), TITLE);
  const started = performance.now();
  const second = run('sh', ['-c', state.exec], { env: appEnv, check: false, timeout: 30_000 });
  figure(`second launch handed over and exited in ${ms(performance.now() - started)}`);
  assert.equal(second.status, 0, `the second launch failed: ${second.stderr}`);
  assert.deepEqual(appPids(), [state.pid], 'one app process, the first');
  await until(() => x11(['focus']).stdout.trim() === TITLE, 10_000, 'the first window never got the focus');
  await waitForLog(/launched again: bringing the window forward/);
});

test('idle memory of the app and of its WebKit processes', async () => {
  // Let the start-up settle: the figure is what an idle app holds.
  await new Promise((r) => setTimeout(r, 5_000));
  const app = memory(state.pid);
  const webkit = descendants(state.pid).map(memory);
  const sum = (key) => webkit.reduce((total, p) => total + p[key], 0);
  figure(
    `idle memory: app RSS ${app.rss.toFixed(0)} MiB (PSS ${app.pss.toFixed(0)}, anonymous ${app.anon.toFixed(0)}, ` +
      `libraries and binary ${app.file.toFixed(0)}); ` +
      `${webkit.length} WebKit processes RSS ${sum('rss').toFixed(0)} MiB (PSS ${sum('pss').toFixed(0)}): ` +
      webkit.map((p) => `${p.name} ${p.rss.toFixed(0)}`).join(', '),
  );
  assert.ok(webkit.some((p) => p.name.startsWith('WebKitWebProces')), 'no WebKit web process');
  assert.ok(app.anon <= maxAppAnonMiB, `the idle app holds ${app.anon.toFixed(0)} MiB of its own, more than ${maxAppAnonMiB}`);
});

test('closing the window ends the app, which stops its backend gracefully', async () => {
  execFileSync('/usr/bin/python3', [join(repo, 'tests', 'e2e', 'close-window.py'), TITLE]);
  await until(() => !existsSync(`/proc/${state.pid}`), 15_000, 'the app still runs after its window closed');
  state.pid = 0;
  await waitForLog(/embedded backend stopped/);
});

test('the installed app, started again, shows Home with the embedded backend connected', async () => {
  // tauri-driver starts the binary the menu entry names, for the same user: its data and its
  // session (in the keyring) are found again.
  const application = out('sh', '-c', `command -v ${state.exec.split(' ')[0]}`).trim();
  assert.equal(application, '/usr/bin/infinite-stories');
  const driver = spawn('tauri-driver', ['--port', '4454', '--native-port', '4455'], {
    env: appEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  try {
    await waitForPort(4454);
    const started = performance.now();
    const browser = await remote({
      hostname: '127.0.0.1',
      port: 4454,
      logLevel: 'error',
      capabilities: {
        // @ts-expect-error tauri-driver's capabilities are not in webdriverio's types
        browserName: 'wry',
        'tauri:options': { application },
        'wdio:enforceWebDriverClassic': true,
      },
    });
    const card = await browser.$('[data-testid="backend-status"][data-state="connected"]');
    await card.waitForExist({ timeout: 30_000 });
    figure(`start to an interactive Home (connected card shown, through WebDriver): ${ms(performance.now() - started)}`);
    assert.equal(await (await card.$('h2')).getText(), 'Embedded backend connected');
    const who = await browser.$('[data-testid="session-summary"]');
    await browser.waitUntil(async () => (await who.getText()) === 'Signed in as a guest on this computer', {
      timeout: 30_000,
      timeoutMsg: 'the window never showed the guest session',
    });
    await screenshot(browser, join(artifacts, 'installed-home.png'));
    await browser.deleteSession().catch(() => undefined);
  } finally {
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-driver.pid, signal);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
});

test('purging the package leaves none of its files behind', () => {
  assert.ok(state.files.length > 5, 'the file list was captured at install');
  run('apt-get', ['purge', '-y', '-qq', PACKAGE], { sudo: true });
  state.installed = false;
  assert.notEqual(run('dpkg-query', ['-W', '-f', '${Status}', PACKAGE], { check: false }).stdout, 'install ok installed');
  const left = state.files.filter((path) => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return false; // gone
    }
    // A directory may stay only while another package still owns it (/usr/bin, hicolor, …).
    return !stat.isDirectory() || run('dpkg-query', ['-S', path], { check: false }).status !== 0;
  });
  assert.deepEqual(left, [], `left behind: ${left.join(', ')}`);
});

test('the .rpm carries the same files and declares what it needs', { skip: !rpm && 'no .rpm built' }, (t) => {
  if (spawnSync('rpm', ['--version']).status !== 0) return t.skip('rpm is not installed');
  const files = out('rpm', '-qpl', rpm).split('\n').filter(Boolean);
  for (const path of debFiles({ regular: true })) assert.ok(files.includes(path), `the .rpm lacks ${path}`);
  const requires = out('rpm', '-qp', '--requires', rpm);
  for (const needed of ['webkit2gtk4.1', 'espeak-ng', 'alsa-lib']) assert.match(requires, new RegExp(`^${needed}`, 'm'));
  assert.equal(out('rpm', '-qp', '--queryformat', '%{VERSION}', rpm), cargoVersion());
});

// ---------------------------------------------------------------------------------------------

/** Polls `probe` until it returns something truthy (bounded). */
async function until(probe, timeout, message) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function x11(args, { check = true } = {}) {
  return run('/usr/bin/python3', [join(here, 'x11.py'), ...args], { check });
}

/** The installed app's processes run by this test's user (its HOME). */
function appPids() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return (
          readlinkSync(`/proc/${pid}/exe`) === '/usr/bin/infinite-stories' &&
          readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`HOME=${home}`)
        );
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number);
}

function descendants(pid) {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((child) => {
      try {
        const stat = readFileSync(`/proc/${child}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** RSS (all, anonymous, file-backed) and PSS in MiB, and the process name. */
function memory(pid) {
  const kib = (text, key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  return {
    name: /^Name:\s+(.*)$/m.exec(status)[1],
    rss: kib(status, 'VmRSS') / 1024,
    anon: kib(status, 'RssAnon') / 1024,
    file: kib(status, 'RssFile') / 1024,
    pss: kib(rollup, 'Pss') / 1024,
  };
}

function killQuietly(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

function readLogs() {
  if (!existsSync(logDir)) return '';
  return readdirSync(logDir)
    .map((f) => readFileSync(join(logDir, f), 'utf8'))
    .join('\n');
}

/** Waits (bounded: 30 s) until the app's log files contain `pattern`; returns the logs. */
async function waitForLog(pattern) {
  let log = '';
  await until(
    () => pattern.test((log = readLogs())),
    30_000,
    `the log in ${logDir} never showed ${pattern}:\n${readLogs()}`,
  );
  return log;
}

async function waitForPort(port) {
  await until(
    () =>
      new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      }),
    30_000,
    `nothing listens on ${port}`,
  );
}

const ms = (t) => `${(t / 1000).toFixed(2)} s`;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Installed packages reachable from `names` through Depends/Pre-Depends (and Provides). */
function dependencyClosure(names) {
  const packages = new Map();
  const providers = new Map();
  const listing = out('dpkg-query', '-W', '-f', '${db:Status-Abbrev}\t${Package}\t${Provides}\t${Pre-Depends}, ${Depends}\n');
  for (const line of listing.split('\n')) {
    const [status, name, provides, deps] = line.split('\t');
    if (!status?.startsWith('ii')) continue;
    const alternatives = deps
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => d.split('|').map((a) => a.trim().split(/[\s:(]/)[0]));
    packages.set(name, alternatives);
    for (const p of provides.split(',').map((x) => x.trim().split(/[\s(]/)[0]).filter(Boolean)) {
      providers.set(p, [...(providers.get(p) ?? []), name]);
    }
  }
  const seen = new Set();
  const queue = [...names];
  while (queue.length) {
    const name = queue.shift();
    for (const real of packages.has(name) ? [name] : (providers.get(name) ?? [])) {
      if (seen.has(real)) continue;
      seen.add(real);
      for (const alternatives of packages.get(real)) queue.push(...alternatives);
    }
  }
  return seen;
}

/** Every installed file and the package that installed it (dpkg's own lists: one read, not a
 * `dpkg-query -S` per library). */
function fileOwners() {
  const owners = new Map();
  const info = '/var/lib/dpkg/info';
  for (const list of readdirSync(info).filter((f) => f.endsWith('.list'))) {
    const name = list.slice(0, -'.list'.length).split(':')[0];
    for (const path of readFileSync(join(info, list), 'utf8').split('\n')) if (path) owners.set(path, name);
  }
  return owners;
}

/** The package that installed `path` (following the /usr merge and symlinks). */
function ownerOf(owners, path) {
  const candidates = new Set([path]);
  try {
    const real = execFileSync('readlink', ['-f', path], { encoding: 'utf8' }).trim();
    candidates.add(real);
    for (const p of [path, real]) {
      if (p.startsWith('/usr/lib/')) candidates.add(p.slice(4));
      else if (p.startsWith('/lib/')) candidates.add(`/usr${p}`);
    }
  } catch {
    /* keep the path as given */
  }
  for (const candidate of candidates) if (owners.has(candidate)) return owners.get(candidate);
  return undefined;
}
