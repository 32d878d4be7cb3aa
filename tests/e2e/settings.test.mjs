// End-to-end: what the app remembers and what it guards, in the real window. Settings' default
// voice, a switch to a Supabase project (the standalone embedded server on loopback stands in
// for one) and the window's size survive a real quit and a new start; the library finds a story
// by a word that is only in its text; the parent lock stops a delete until the PIN is typed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { artifacts, invoke, launch, quit, repo, scratch, screenshots, until, waitForHome, screenshot } from './support.mjs';

/** Clicks the element `selector` (inside `scope`, a CSS selector, if given) once it can be clicked. */
async function click(browser, selector, scope) {
  const el = scope ? await (await browser.$(scope)).$(selector) : await browser.$(selector);
  await el.waitForClickable({ timeout: 30_000 });
  await el.click();
}

async function navigate(browser, area) {
  await click(browser, `//nav//button[contains(., "${area}")]`);
}

/**
 * The standalone backend (`infinite-stories-server`, built by run.sh) on a free loopback port,
 * as "a Supabase project": resolves to its URL and anon key, printed once it listens.
 */
async function startProject() {
  const bin = join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'debug', 'infinite-stories-server');
  const server = spawn(bin, ['--addr', '127.0.0.1:0', '--data-dir', join(scratch, 'project'), '--print-keys'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  after(() => server.kill('SIGTERM'));
  const lines = createInterface({ input: server.stdout });
  const timer = setTimeout(() => server.kill('SIGTERM'), 30_000);
  for await (const line of lines) {
    clearTimeout(timer);
    const keys = JSON.parse(line);
    return { url: keys.url, anonKey: keys.anonKey };
  }
  throw new Error('the standalone server exited without printing its keys');
}

/** Reads the Settings page's controls. */
async function settingsShown(browser) {
  await (await browser.$('#defaults-title')).waitForExist({ timeout: 30_000 });
  return browser.execute(() => {
    const voice = document.querySelector('section[aria-labelledby="defaults-title"] select');
    const backend = document.querySelector('input[name="backend"]:checked');
    const url = document.querySelector('section[aria-labelledby="backend-title"] input[type="url"]');
    return { voice: voice?.value, backend: backend?.value, url: url?.value ?? null };
  });
}

test('the default voice, the Supabase project and the window size are remembered after a quit', async () => {
  const project = await startProject();
  const dataDir = join(scratch, 'remembered');
  let browser = await launch({ INFINITE_STORIES_DATA_DIR: dataDir });
  await waitForHome(browser);

  // The window, made smaller than the configured 1120×760 and moved from the centre.
  await browser.setWindowRect(60, 40, 900, 640);
  await until(browser, async () => {
    const r = await browser.getWindowRect();
    return r.width === 900 && r.height === 640 && r.x === 60 && r.y === 40;
  }, 'the window to take 900×640 at 60,40', 10_000);

  await navigate(browser, 'Settings');
  const before = await settingsShown(browser);
  assert.equal(before.backend, 'embedded');
  // Another voice than the one shown.
  const voices = await browser.execute(() =>
    [...document.querySelectorAll('section[aria-labelledby="defaults-title"] select option')].map((o) => o.value),
  );
  const voice = voices.find((v) => v !== before.voice);
  await (await browser.$('section[aria-labelledby="defaults-title"] select')).selectByAttribute('value', voice);
  await until(browser, async () => {
    const s = await invoke(browser, 'settings');
    return s.ok && s.value.storyDefaults.voice === voice;
  }, `the voice ${voice} to be saved`, 10_000);

  // The project, through the form: address and key typed, tested, then used.
  await click(browser, 'label*=My Supabase project');
  const section = 'section[aria-labelledby="backend-title"]';
  await (await browser.$(`${section} input[type="url"]`)).setValue(project.url);
  await (await browser.$(`${section} input[type="password"]`)).setValue(project.anonKey);
  await click(browser, 'button=Test connection', section);
  await (await (await browser.$(section)).$('p*=The project answered')).waitForExist({ timeout: 30_000 });
  await click(browser, 'button=Use this project', section);
  await (await (await browser.$(section)).$('p*=Stories now come from your Supabase project')).waitForExist({ timeout: 30_000 });
  await screenshot(browser, join(artifacts, 'settings-project.png'));

  // A real quit: the window's close button; the app goes through its normal exit.
  await quit();
  const settingsFile = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  assert.match(settingsFile, new RegExp(project.url.replace(/[.:/]/g, '\\$&')));
  assert.equal(settingsFile.includes(project.anonKey), false, 'the anon key is not in settings.json');

  // Started again on the same data: connected to the project, the voice and the size as left.
  browser = await launch({ INFINITE_STORIES_DATA_DIR: dataDir });
  const card = await browser.$('[data-testid="backend-status"][data-state="connected"]');
  await card.waitForExist({ timeout: 60_000 });
  assert.equal(await (await card.$('h2')).getText(), 'Supabase backend connected');
  assert.equal(await (await browser.$('[data-testid="backend-address"]')).getText(), project.url);
  const rect = await browser.getWindowRect();
  assert.deepEqual([rect.width, rect.height, rect.x, rect.y], [900, 640, 60, 40], `the window came back at ${JSON.stringify(rect)}`);
  await navigate(browser, 'Settings');
  await until(browser, async () => (await settingsShown(browser)).backend === 'supabase', 'the project shown', 10_000);
  const again = await settingsShown(browser);
  assert.equal(again.voice, voice);
  // Settings shows the address as it was saved: the project's base URL (with a trailing slash).
  assert.equal(again.url, `${project.url}/`);
  await screenshot(browser, join(screenshots, 'window-settings-remembered.png'));
});

test('the library finds a story by a word only in its text; the parent lock stops a delete until the PIN is typed', async () => {
  const browser = await launch({ INFINITE_STORIES_DATA_DIR: join(scratch, 'library') });
  await waitForHome(browser);
  const hero = await invoke(browser, 'create_hero', {
    hero: { name: 'Mia', pronouns: 'she', primaryTrait: 'curious', secondaryTrait: 'brave', appearance: null, specialAbility: null },
  });
  assert.equal(hero.ok, true, JSON.stringify(hero));
  const made = await invoke(browser, 'generate_story', {
    request: {
      story: { heroId: hero.value.id, event: { type: 'built_in', data: { event: 'bedtime_adventure' } }, targetDuration: 60, language: 'en' },
      narration: false,
      illustrations: false,
    },
  });
  assert.equal(made.ok, true, JSON.stringify(made));
  const { summary, content } = made.value;
  // A word of the story's text that is neither in its title nor the hero's name.
  const title = summary.title.toLowerCase();
  const word = [...new Set(content.match(/\p{L}{7,}/gu))].find((w) => !title.includes(w.toLowerCase()) && !/mia|bedtime/i.test(w));
  assert.ok(word, `a long word in: ${content.slice(0, 200)}`);

  await navigate(browser, 'Library');
  const search = await browser.$('input[type="search"]');
  await search.waitForExist({ timeout: 30_000 });
  await search.setValue('qzxwvy');
  await (await browser.$('[data-testid="library-state"][data-kind="no-results"]')).waitForExist({ timeout: 10_000 });
  await search.setValue(word);
  const card = await browser.$(`[data-testid="story-card"][data-id="${summary.id}"]`);
  await card.waitForExist({ timeout: 10_000 });
  const mark = await card.$('[data-testid="snippet"] mark');
  await mark.waitForExist({ timeout: 10_000 });
  assert.equal((await mark.getText()).toLowerCase(), word.toLowerCase());
  await screenshot(browser, join(artifacts, 'library-search.png'));

  // A PIN, then "Lock now".
  await navigate(browser, 'Settings');
  const lock = 'section[aria-labelledby="lock-title"]';
  await (await browser.$(`${lock} input[type="password"]`)).setValue('2468');
  await click(browser, 'button=Turn on the lock', lock);
  await (await (await browser.$(lock)).$('p*=PIN saved')).waitForExist({ timeout: 10_000 });
  try {
    await click(browser, 'button=Lock now', lock);
    await (await (await browser.$(lock)).$('p=Locked.')).waitForExist({ timeout: 10_000 });

    // Deleting asks for the PIN; the story stays until the right one is typed.
    await navigate(browser, 'Library');
    await click(browser, `button[aria-label="Delete ${summary.title}"]`);
    await click(browser, 'button=Delete', '[data-testid="confirm-dialog"]');
    const pin = await browser.$('[data-testid="pin-dialog"] input[type="password"]');
    await pin.waitForDisplayed({ timeout: 10_000 });
    assert.equal((await invoke(browser, 'list_stories')).value.length, 1, 'locked: nothing deleted yet');
    await pin.setValue('1357');
    await click(browser, 'button=Unlock', '[data-testid="pin-dialog"]');
    await (await browser.$('#pin-error')).waitForDisplayed({ timeout: 10_000 });
    await screenshot(browser, join(artifacts, 'library-locked-wrong-pin.png'));
    assert.equal((await invoke(browser, 'list_stories')).value.length, 1, 'a wrong PIN deletes nothing');
    await pin.setValue('2468');
    await click(browser, 'button=Unlock', '[data-testid="pin-dialog"]');
    await (await browser.$('p*=1 story deleted.')).waitForExist({ timeout: 15_000 });
    assert.equal((await invoke(browser, 'list_stories')).value.length, 0);
  } finally {
    // The PIN lives in the keyring, which every test of the suite shares: take it away again.
    await invoke(browser, 'set_parent_pin', { pin: null, currentPin: '2468' });
  }
});
