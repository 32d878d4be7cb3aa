// Browser tests of the reader: the real Svelte app in Chromium over the scripted player of
// src/lib/ipc/mockPlayer.ts (harness.html?scenario=reader…). The player never moves by itself:
// each test pushes time with mockPlayer.advance(seconds), which emits `player://state` as the
// shell's player does. Screenshots go to ui/test-results/reader-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

/** @typedef {import('../../src/lib/ipc/mockPlayer').MockPlayer} MockPlayer */
/** @typedef {import('playwright-core').Page} Page */

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
  server = await createServer({ root, logLevel: 'error', server: { port: 0, strictPort: false, host: '127.0.0.1' } });
  await server.listen();
  const address = server.httpServer?.address();
  assert.ok(address && typeof address === 'object', 'vite is listening');
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the reader in a scenario; waits until the story is shown.
 * @param {string} scenario
 * @param {'light' | 'dark'} colorScheme
 */
async function open(scenario, colorScheme = 'light') {
  const page = await browser.newPage({ viewport: { width: 1200, height: 780 }, colorScheme, reducedMotion: 'reduce' });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/harness.html?scenario=${scenario}`);
  await page.getByTestId('story-text').locator('p').first().waitFor();
  return { page, errors };
}

/**
 * Runs a function on the page's scripted player.
 * @template T
 * @param {Page} page
 * @param {(p: MockPlayer, arg: any) => T | Promise<T>} fn
 * @param {unknown} [arg]
 * @returns {Promise<T>}
 */
function mock(page, fn, arg) {
  return page.evaluate(
    ([source, a]) => {
      const player = /** @type {{ mockPlayer: MockPlayer }} */ (/** @type {unknown} */ (window)).mockPlayer;
      return (0, eval)(`(${source})`)(player, a);
    },
    /** @type {const} */ ([fn.toString(), arg]),
  );
}

/** @param {Page} page @param {number} seconds */
const advance = (page, seconds) => mock(page, (p, s) => p.advance(s), seconds);

/** The player commands received so far, optionally only one command's. @param {Page} page @param {string} [cmd] */
async function calls(page, cmd) {
  const all = await mock(page, (p) => p.calls);
  return cmd ? all.filter((c) => c.cmd === cmd) : all;
}

/** @param {Page} page */
const stageScene = async (page) => Number(await page.getByTestId('scene-stage').getAttribute('data-scene'));

/** @param {Page} page @param {string} name */
async function shot(page, name) {
  await page.waitForTimeout(150); // let a just-opened menu or fade settle (transitions are off)
  await page.screenshot({ path: join(shots, `reader-${name}.png`) });
}

test('a story opens with its title, cover, pictures and text, and plays along with the narration', async () => {
  const { page, errors } = await open('reader');
  assert.ok(await page.getByRole('heading', { name: 'Mia and the Moon Garden' }).isVisible());
  assert.ok(await page.getByRole('img', { name: 'Cover of Mia and the Moon Garden' }).isVisible());
  assert.equal(await page.getByRole('list', { name: 'Scenes' }).getByRole('button').count(), 5);
  assert.equal(await page.getByTestId('story-text').locator('p').count(), 7);
  assert.equal(await page.getByTestId('story-text').getAttribute('aria-live'), 'off');
  assert.equal(await stageScene(page), 1);
  assert.deepEqual(
    (await calls(page, 'open_story')).map((c) => c.args),
    [{ storyId: 'moon-garden', queue: ['moon-garden', 'quiet-lake', 'owl-lanterns'] }],
  );

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Playing' }).waitFor();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();

  // The position follows the player's events: scene 2 starts at its timestamp, not before.
  const { detail, timings } = await mock(page, (p) => p.story('moon-garden'));
  const second = detail.scenes[1]?.timestampSeconds ?? 0;
  await advance(page, second - 0.5);
  const slider = page.getByRole('slider', { name: 'Position in the story' });
  await page.getByTestId('elapsed').filter({ hasText: formatTime(second - 0.5) }).waitFor();
  assert.equal(await stageScene(page), 1);
  await advance(page, 0.6);
  await page.locator('[data-testid="scene-stage"][data-scene="2"]').waitFor();

  // The word being said is lit, and it is the one the narrator's timing puts at this position
  // (even after the accents of "Zoé" and "crème" shift the byte offsets).
  const third = detail.scenes[2]?.timestampSeconds ?? 0;
  await advance(page, third + 9 - (second + 0.1));
  await page.locator('[data-testid="scene-stage"][data-scene="3"]').waitFor();
  const position = await mock(page, (p) => p.state().position);
  const expected = timings.filter((t) => t.start <= position).at(-1)?.word;
  const lit = page.getByTestId('story-text').locator('span.said');
  await lit.filter({ hasText: expected ?? '?' }).waitFor();
  assert.equal(await lit.count(), 1);
  assert.equal(await lit.textContent(), expected);
  assert.match((await page.locator('p.reading').textContent()) ?? '', /Zoé the owl/);
  assert.equal(await slider.getAttribute('aria-valuetext'), `${formatTime(position)} of ${formatTime(detail.narrationSeconds ?? 0)}`);

  await shot(page, 'day');
  assert.deepEqual(errors, []);
  await page.close();
});

test('tapping a scene thumbnail seeks to its timestamp; tapping a word seeks to that word', async () => {
  const { page, errors } = await open('reader');
  const { detail, timings } = await mock(page, (p) => p.story('moon-garden'));
  const fourth = detail.scenes[3]?.timestampSeconds ?? -1;
  await page.getByRole('button', { name: `Go to scene 4, at ${formatTime(fourth)}` }).click();
  assert.deepEqual((await calls(page, 'seek')).at(-1)?.args, { seconds: fourth });
  await page.locator('[data-testid="scene-stage"][data-scene="4"]').waitFor();
  assert.equal(
    await page.getByRole('list', { name: 'Scenes' }).getByRole('button').nth(3).getAttribute('aria-current'),
    'true',
  );

  const word = timings.find((t) => t.word === 'honey');
  assert.ok(word);
  await page.getByTestId('story-text').locator('span', { hasText: /^honey$/ }).click();
  assert.deepEqual((await calls(page, 'seek')).at(-1)?.args, { seconds: word.start });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the speed and sleep menus set the player, and the sleep timer shows the time left', async () => {
  const { page, errors } = await open('reader');
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  await page.getByRole('button', { name: 'Speed: 1×' }).click();
  const speeds = page.getByRole('menu', { name: 'Speed: 1×' }).getByRole('menuitemradio');
  assert.deepEqual(await speeds.allTextContents().then((l) => l.map((s) => s.trim())), ['0.5×', '0.75×', '1×', '1.25×', '1.5×', '2×']);
  assert.equal(await speeds.nth(2).getAttribute('aria-checked'), 'true');
  await shot(page, 'speed-menu');
  await page.keyboard.press('ArrowDown'); // focus starts on the checked item: 1× → 1.25×
  await page.keyboard.press('ArrowDown'); // → 1.5×
  await page.keyboard.press('Enter');
  assert.deepEqual((await calls(page, 'set_speed')).at(-1)?.args, { speed: 1.5 });
  await page.getByRole('button', { name: 'Speed: 1.5×' }).waitFor();
  assert.equal(await page.getByRole('menu').count(), 0, 'the menu closed');

  await page.getByRole('button', { name: 'Sleep timer: Sleep timer' }).click();
  const sleeps = page.getByRole('menu').getByRole('menuitemradio');
  assert.deepEqual(await sleeps.allTextContents().then((l) => l.map((s) => s.trim())), [
    '5 minutes', '10 minutes', '15 minutes', '30 minutes', '45 minutes', '60 minutes', 'End of this story', 'Off',
  ]);
  await shot(page, 'sleep-menu');
  await page.getByRole('menuitemradio', { name: '15 minutes', exact: true }).click();
  assert.deepEqual((await calls(page, 'set_sleep_timer')).at(-1)?.args, { timer: { kind: 'minutes', minutes: 15 } });
  const label = page.getByTestId('sleep-label');
  assert.equal(await label.textContent(), 'Sleep in 15:00');

  // The time left counts down with the player's events.
  await advance(page, 60);
  await label.filter({ hasText: 'Sleep in 14:00' }).waitFor();
  await page.getByRole('button', { name: 'Sleep timer: Sleep in 14:00' }).click();
  await page.getByRole('menuitemradio', { name: 'End of this story' }).click();
  await label.filter({ hasText: 'Sleep at the end' }).waitFor();
  assert.deepEqual((await calls(page, 'set_sleep_timer')).at(-1)?.args, { timer: { kind: 'endOfStory' } });
  await page.getByRole('button', { name: 'Sleep timer: Sleep at the end' }).click();
  await page.getByRole('menuitemradio', { name: 'Off' }).click();
  await label.filter({ hasText: /^Sleep timer$/ }).waitFor();
  assert.deepEqual((await calls(page, 'set_sleep_timer')).at(-1)?.args, { timer: null });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sleep timer fades and stops; play soon after carries on from the fade', async () => {
  const { page, errors } = await open('reader');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: /^Sleep timer/ }).click();
  await page.getByRole('menuitemradio', { name: '5 minutes', exact: true }).click();
  await page.getByRole('button', { name: 'Sleep timer: Sleep in 5:00' }).waitFor();
  // The story is shorter than five minutes: listen to it from the start again twice.
  const scene1 = page.getByRole('button', { name: /^Go to scene 1,/ });
  await advance(page, 100);
  await scene1.click();
  await advance(page, 100);
  await page.getByTestId('sleep-label').filter({ hasText: 'Sleep in 1:40' }).waitFor();
  await scene1.click();
  await advance(page, 85);
  await page.getByTestId('sleep-label').filter({ hasText: 'Fading out…' }).waitFor();
  await page.getByRole('button', { name: 'Sleep timer: Fading out…' }).waitFor();
  await shot(page, 'fading');
  await advance(page, 15);
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  const slept = await mock(page, (p) => p.state());
  assert.ok(slept.resumesAfterSleep && slept.position > 0);
  await page.getByTestId('slept').filter({ hasText: `stopped the story at ${formatTime(slept.position)}` }).waitFor();
  assert.equal(await page.getByTestId('sleep-label').textContent(), 'Sleep timer');
  await shot(page, 'slept');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  // Play carries on from where the fade began (20 s of listening before the stop).
  assert.ok((await mock(page, (p) => p.state().position)) < slept.position);
  await page.getByTestId('slept').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard shortcuts: space, arrows, plus and minus — but not while typing or in a menu', async () => {
  const { page, errors } = await open('reader');
  await page.locator('body').click({ position: { x: 700, y: 770 } });
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await advance(page, 30);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual((await calls(page, 'skip')).map((c) => c.args), [{ seconds: 15 }, { seconds: -15 }, { seconds: -15 }]);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('-');
  assert.deepEqual((await calls(page, 'set_speed')).map((c) => c.args), [{ speed: 1.25 }, { speed: 1.5 }, { speed: 1.25 }]);
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  assert.equal((await calls(page, 'play')).length, 1);
  assert.equal((await calls(page, 'pause')).length, 1);

  // On the slider (an input) the keys are the slider's own; inside a menu they move in the menu.
  const before = (await calls(page)).length;
  await page.getByRole('slider', { name: 'Position in the story' }).focus();
  await page.keyboard.press('+');
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: /^Speed/ }).click();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('-');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('menu').count(), 0);
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    'Speed: 1.25×',
    'focus went back to the menu button',
  );
  assert.deepEqual((await calls(page)).slice(before), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the bedtime view is very dim, keeps the picture softly, and has one large play button', async () => {
  const { page, errors } = await open('reader', 'dark');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await advance(page, 70);
  await page.getByRole('button', { name: /^Sleep timer/ }).click();
  await page.getByRole('menuitemradio', { name: '30 minutes' }).click();
  await advance(page, 12);
  await shot(page, 'night');
  await page.getByRole('button', { name: 'Bedtime view' }).click();
  const view = page.getByRole('dialog', { name: 'Bedtime view' });
  await view.waitFor();
  const pause = view.getByRole('button', { name: 'Pause' });
  assert.ok(await pause.evaluate((el) => el === document.activeElement), 'the large button has focus');
  const size = await pause.boundingBox();
  assert.ok(size && size.width >= 140, `play/pause is large (${size?.width}px)`);
  await view.getByTestId('bedtime-sleep').filter({ hasText: 'Sleep in 29:48' }).waitFor();

  // Nothing bright: every colour drawn in the view (text, borders, backgrounds) stays dark.
  const brightest = await view.evaluate((root) => {
    const lum = (/** @type {string} */ c) => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      const [r = 0, g = 0, b = 0, a = 1] = m;
      return a === 0 ? 0 : (0.2126 * r + 0.7152 * g + 0.0722 * b) * Math.min(1, a);
    };
    let max = 0;
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (el.closest('.picture')) continue; // the picture is dimmed as a whole
      const s = getComputedStyle(el);
      max = Math.max(max, lum(s.color), lum(s.backgroundColor), lum(s.borderTopColor));
    }
    return max;
  });
  assert.ok(brightest < 170, `the brightest colour in the bedtime view is dim (luminance ${brightest.toFixed(0)} of 255)`);
  const picture = await view.locator('.picture').evaluate((el) => Number(getComputedStyle(el).opacity));
  assert.ok(picture > 0.1 && picture < 0.4, `the picture is softly visible (opacity ${picture})`);
  await shot(page, 'bedtime');

  // Tab stays inside the view.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.ok(await pause.evaluate((el) => el === document.activeElement), 'Tab cycles within the bedtime view');
  await pause.click();
  await view.getByRole('button', { name: 'Play' }).waitFor();
  await page.keyboard.press(' ');
  await view.getByRole('button', { name: 'Pause' }).waitFor();
  await page.keyboard.press('Escape');
  await view.waitFor({ state: 'detached' });
  await page.keyboard.press('b');
  await view.waitFor();
  await view.getByRole('button', { name: 'Leave bedtime view' }).click();
  await view.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Bedtime view', exact: true }).focus();
  await page.keyboard.press('Enter');
  await view.waitFor();
  await page.keyboard.press('Escape');
  await view.waitFor({ state: 'detached' });
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent?.trim()),
    'Bedtime view',
    'focus is back where it was',
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('reopening a story offers to continue from where it was left, or to start over', async () => {
  const { page, errors } = await open('reader-resume');
  const offer = page.getByTestId('resume');
  await offer.getByText('Welcome back to this story').waitFor();
  await shot(page, 'resume');
  await offer.getByRole('button', { name: 'Continue from 1:35' }).click();
  await offer.waitFor({ state: 'detached' });
  assert.deepEqual((await calls(page)).slice(-2).map((c) => [c.cmd, c.args]), [['seek', { seconds: 95 }], ['play', {}]]);
  await page.getByTestId('elapsed').filter({ hasText: '1:35' }).waitFor();
  await page.close();

  const again = await open('reader-resume');
  await again.page.getByRole('button', { name: 'Start over' }).click();
  await again.page.getByTestId('resume').waitFor({ state: 'detached' });
  assert.deepEqual((await calls(again.page)).slice(-2).map((c) => [c.cmd, c.args]), [['seek', { seconds: 0 }], ['play', {}]]);
  assert.deepEqual([...errors, ...again.errors], []);
  await again.page.close();
});

test('a story without narration can be read and browsed, and offers to make the narration', async () => {
  const { page, errors } = await open('reader-no-narration');
  const panel = page.getByTestId('no-narration');
  await panel.getByText('This story has no narration yet').waitFor();
  assert.equal(await page.getByTestId('transport').count(), 0);
  assert.equal((await calls(page, 'open_story')).length, 0, 'nothing to open in the player yet');
  await page.getByRole('button', { name: /^Go to scene 3/ }).click();
  await page.locator('[data-testid="scene-stage"][data-scene="3"]').waitFor();
  await shot(page, 'no-narration');

  await panel.getByRole('button', { name: 'Make the narration' }).click();
  await panel.getByText('The narrator is reading the story aloud…').waitFor();
  assert.equal(await panel.getByRole('progressbar').getAttribute('aria-valuenow'), '40');
  await shot(page, 'narrating');
  await mock(page, (p) => p.finishNarration());
  await page.getByTestId('transport').waitFor();
  assert.deepEqual((await calls(page, 'open_story')).at(-1)?.args, { storyId: 'owl-lanterns', queue: null });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await advance(page, 3);
  await page.getByTestId('story-text').locator('span.said').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('failed pictures show a kind placeholder and can be drawn again', async () => {
  const { page, errors } = await open('reader-failed');
  await page.getByRole('button', { name: /^Go to scene 2/ }).click();
  await page.locator('[data-testid="scene-stage"][data-scene="2"]').waitFor();
  const stage = page.getByTestId('scene-stage').locator('[aria-hidden="false"]');
  await stage.getByText("This picture didn't come out").waitFor();
  assert.equal(await page.locator('[data-status="failed"]').count(), 4, 'two failed scenes, large and small');
  assert.equal(await page.locator('[data-status="pending"]').count(), 2, 'one still being drawn, large and small');
  await shot(page, 'failed-picture');
  await stage.getByRole('button', { name: 'Draw it again' }).click();
  assert.deepEqual((await calls(page, 'retry_illustration')).at(-1)?.args, { storyId: 'quiet-lake', sceneNumber: 2 });
  await stage.getByRole('img', { name: 'Picture of scene 2 of 4' }).and(page.locator('img')).waitFor();
  assert.equal(await page.locator('[data-status="failed"]').count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without a sound device the reader says so clearly and still shows the words and pictures', async () => {
  const { page, errors } = await open('reader-no-sound');
  const notice = page.getByTestId('no-sound');
  await notice.getByText('No sound right now').waitFor();
  assert.match((await notice.textContent()) ?? '', /Connect speakers or headphones, then press play again/);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  assert.equal(await notice.count(), 1, 'one message, not one per attempt');
  assert.ok(await page.getByTestId('story-text').getByText(/softest socks/).isVisible());
  assert.ok(await page.getByRole('img', { name: 'Picture of scene 1 of 5' }).isVisible());
  await shot(page, 'no-sound');
  assert.deepEqual(errors, []);
  await page.close();
});

test('next and previous story walk the queue and the reader follows', async () => {
  const { page, errors } = await open('reader');
  await page.getByRole('button', { name: 'Next story' }).click();
  await page.getByRole('heading', { name: 'The Quiet Lake' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Scenes' }).getByRole('button').count(), 4);
  await page.getByRole('button', { name: 'Previous story' }).click();
  await page.getByRole('heading', { name: 'Mia and the Moon Garden' }).waitFor();
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await page.getByRole('heading', { name: 'Library' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

/** @param {number} s */
function formatTime(s) {
  const t = Math.max(0, Math.floor(s));
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
}
