// Browser tests of the Library, Settings, Journey, Diagnostics pages and Home's "tonight": the real
// Svelte app in Chromium over the scripted core of src/lib/ipc/mockPages.ts
// (harness.html?scenario=pages…&area=…). Screenshots go to ui/test-results/pages-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open as openApp, shots, useBrowser } from './support.mjs';

/** @typedef {import('../../src/lib/ipc/mockPages').MockPages} MockPages */
/** @typedef {import('playwright-core').Page} Page */

useBrowser();

/**
 * The pages over their scripted core, which answers only the commands these pages use (so
 * console errors of the others are not failures), at 1200×780 with the clipboard allowed.
 * @param {string} query
 * @param {{ colorScheme?: 'light' | 'dark', clock?: boolean }} [options]
 */
const open = (query, options = {}) => openApp(query, { ...options, height: 780, clipboard: true, lenient: true });

/**
 * The scripted core's calls of one command (arguments loosely typed: each test knows its command).
 * @param {Page} page
 * @param {string} cmd
 * @returns {Promise<any[]>}
 */
const calls = (page, cmd) =>
  page.evaluate(
    (c) => /** @type {{ mockPages: MockPages }} */ (/** @type {unknown} */ (window)).mockPages.calls.filter((x) => x.cmd === c),
    cmd,
  );
/** @param {Page} page */
const count = (page) => page.evaluate(() => /** @type {{ mockPages: MockPages }} */ (/** @type {unknown} */ (window)).mockPages.count());
/** @param {Page} page */
const cards = (page) => page.getByTestId('story-card');
/** @param {Page} page */
async function countLine(page, /** @type {string} */ text) {
  await page.locator('.count').getByText(text, { exact: true }).waitFor();
}

test('the library shows every story as a card with its badges', async () => {
  const { page, errors, close } = await open('scenario=pages&area=library');
  await countLine(page, '30 stories');
  const first = cards(page).first();
  await first.getByRole('button', { name: 'The Moon Garden', exact: true }).waitFor();
  assert.ok(await first.getByText('New', { exact: true }).isVisible());
  assert.ok(await first.getByText('✓ Offline').isVisible());
  assert.ok(await first.getByText('Mia').isVisible());
  assert.ok(await first.getByText('Bedtime adventure').isVisible());
  assert.ok(await first.getByText('5 min').isVisible());
  assert.ok(await first.getByText('English').isVisible());
  assert.equal(await page.getByRole('button', { name: 'Favourite: The Quiet Lake' }).getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: join(shots, 'pages-library.png') });
  assert.deepEqual(errors, []);
  await close();

  // At bedtime: the night palette.
  const night = await open('scenario=pages&area=library', { colorScheme: 'dark' });
  await countLine(night.page, '30 stories');
  await night.page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await night.page.screenshot({ path: join(shots, 'pages-library-night.png') });
  await night.close();
});

test('search looks through titles and story text in every language, accents ignored', async () => {
  const { page, errors, close } = await open('scenario=pages&area=library');
  await countLine(page, '30 stories');
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('dragon');
  await countLine(page, '3 stories');
  // One request after typing paused, not one per letter.
  assert.equal((await calls(page, 'search_library')).filter((c) => c.args.query.text).length, 1);
  assert.ok(await page.getByRole('button', { name: 'El dragón y la luna', exact: true }).isVisible());
  assert.ok(await page.getByRole('button', { name: 'Le dragon qui avait peur du noir', exact: true }).isVisible());

  await page.getByRole('searchbox', { name: 'Search stories' }).fill('arrosait');
  await countLine(page, '1 story');
  const snippet = page.getByTestId('snippet');
  assert.equal(await snippet.locator('mark').textContent(), 'arrosait');
  await page.screenshot({ path: join(shots, 'pages-library-search.png') });

  await page.getByRole('searchbox', { name: 'Search stories' }).fill('zebra');
  await page.getByTestId('library-state').getByText('No stories match').waitFor();
  await page.screenshot({ path: join(shots, 'pages-library-no-results.png') });
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await countLine(page, '30 stories');
  assert.deepEqual(errors, []);
  await close();
});

test('filters and sort narrow and order the library', async () => {
  const { page, close } = await open('scenario=pages&area=library');
  await countLine(page, '30 stories');
  await page.getByRole('button', { name: '♥ Favourites' }).click();
  await countLine(page, '6 stories');
  await page.getByRole('button', { name: '♥ Favourites' }).click();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await countLine(page, '8 stories');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await countLine(page, '5 stories');
  await page.getByRole('combobox', { name: 'Hero' }).selectOption('hero-leo');
  await countLine(page, '2 stories');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await countLine(page, '30 stories');
  await page.getByRole('combobox', { name: 'Event' }).selectOption('birthday');
  await countLine(page, '3 stories');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('title');
  await page.waitForFunction(() => document.querySelector('[data-testid=story-card] h3')?.textContent?.trim() === 'A Birthday on a Cloud');
  await close();
});

test('a favourite is toggled, and a story is deleted only after confirming', async () => {
  const { page, errors, close } = await open('scenario=pages&area=library');
  await countLine(page, '30 stories');
  const heart = page.getByRole('button', { name: 'Favourite: The Moon Garden' });
  await heart.click();
  assert.equal(await heart.getAttribute('aria-pressed'), 'true');
  assert.deepEqual((await calls(page, 'set_story_favorite')).map((c) => c.args), [{ id: 'moon-garden', favorite: true }]);

  await page.getByRole('button', { name: 'Delete The Moon Garden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this story?' });
  await dialog.waitFor();
  // Focus stays in the dialog, Escape closes it and nothing is deleted.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog'))));
  await page.screenshot({ path: join(shots, 'pages-library-delete.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await count(page), 30);
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    'Delete The Moon Garden',
    'focus goes back to the button that opened the dialog',
  );

  await page.getByRole('button', { name: 'Delete The Moon Garden' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await countLine(page, '29 stories');
  assert.equal(await count(page), 29);
  assert.equal(await page.getByRole('button', { name: 'The Moon Garden', exact: true }).count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test('select mode deletes many at once, behind the parent lock', async () => {
  const { page, errors, close } = await open('scenario=pages-locked&area=library');
  await countLine(page, '30 stories');
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  for (const title of ['The Moon Garden', 'The Quiet Lake', 'Owl Lanterns']) {
    await page.getByRole('checkbox', { name: title }).check();
  }
  const bar = page.getByRole('toolbar', { name: 'Selected stories' });
  await bar.getByText('3 selected').waitFor();
  await page.screenshot({ path: join(shots, 'pages-library-select.png') });
  await bar.getByRole('button', { name: 'Delete selected' }).click();
  await page.getByRole('dialog', { name: 'Delete 3 stories?' }).getByRole('button', { name: 'Delete' }).click();

  const pin = page.getByRole('dialog', { name: 'Grown-ups only' });
  await pin.waitFor();
  await pin.getByLabel('Parent PIN').fill('1111');
  await pin.getByRole('button', { name: 'Unlock' }).click();
  await pin.getByRole('alert').getByText("That PIN isn't right").waitFor();
  await page.screenshot({ path: join(shots, 'pages-pin.png') });
  await pin.getByLabel('Parent PIN').fill('2468');
  await pin.getByRole('button', { name: 'Unlock' }).click();
  await countLine(page, '27 stories');
  await page.getByRole('status').getByText('3 stories deleted.').waitFor();
  assert.equal(await count(page), 27);
  assert.deepEqual(errors, []);
  await close();
});

test('a library of 10,000 stories keeps a small page and scrolls to the last card', async () => {
  const { page, errors, close } = await open('scenario=pages-10k&area=library');
  await countLine(page, '10,000 stories');
  await cards(page).first().waitFor();
  const rendered = await cards(page).count();
  assert.ok(rendered > 0 && rendered < 60, `only visible rows are rendered (${rendered})`);
  const scroller = page.getByTestId('library-scroller');
  const started = Date.now();
  for (let i = 0; i < 10; i++) {
    await scroller.evaluate((el, k) => (el.scrollTop = (el.scrollHeight * k) / 10), i);
    await page.waitForTimeout(16);
  }
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.getByRole('button', { name: 'La tortuga que quería volar #10000', exact: true }).waitFor();
  const elapsed = Date.now() - started;
  assert.ok((await cards(page).count()) < 60, 'still a small page at the bottom');
  assert.ok(await page.locator('[aria-posinset="10000"]').isVisible());
  const pages = (await calls(page, 'search_library')).length;
  assert.ok(pages < 30, `pages are fetched as needed, not all 250 (${pages})`);
  console.log(`10k scroll: ${rendered} cards rendered, ${pages} pages fetched, ${elapsed} ms to the end`);
  await page.screenshot({ path: join(shots, 'pages-library-10k-end.png') });
  assert.deepEqual(errors, []);
  await close();
});

test('empty library and a library that cannot be read say so and offer a way on', async () => {
  const empty = await open('scenario=pages-empty&area=library');
  await empty.page.getByText('No stories yet').waitFor();
  assert.ok(await empty.page.getByRole('button', { name: "Make tonight's story" }).isVisible());
  await empty.page.screenshot({ path: join(shots, 'pages-library-empty.png') });
  await empty.close();

  const broken = await open('scenario=pages-error&area=library');
  const state = broken.page.getByRole('alert');
  await state.getByText('Stories could not be loaded').waitFor();
  // The friendly text for BACKEND_UNAVAILABLE in the UI's language, not the core's raw words.
  assert.match((await state.textContent()) ?? '', /The story server is not running\. It may still be starting/);
  assert.doesNotMatch((await state.textContent()) ?? '', /not answering/);
  await broken.page.screenshot({ path: join(shots, 'pages-library-error.png') });
  await broken.page.getByRole('button', { name: 'Try again' }).click();
  await broken.page.getByRole('alert').waitFor();
  await broken.close();
});

test('the library works from the keyboard', async () => {
  const { page, close } = await open('scenario=pages&area=library');
  await countLine(page, '30 stories');
  await page.getByRole('searchbox', { name: 'Search stories' }).focus();
  await page.keyboard.type('watering');
  await countLine(page, '1 story');
  // search → sort → filters → the card's title, its heart, its delete button
  const order = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim()));
  }
  const title = order.indexOf('The Moon Garden');
  assert.ok(title > 0, `the card's title is reachable by Tab (${order.join(' · ')})`);
  assert.equal(order[title + 1], 'Favourite: The Moon Garden');
  await page.getByRole('searchbox', { name: 'Search stories' }).focus();
  for (let i = 0; i <= title + 1; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('button', { name: 'Favourite: The Moon Garden' }).getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).mockPlayer.calls.some((/** @type {any} */ c) => c.cmd === 'open_story'));
  await close();
});

test('a card opens the reader with the listed stories as the queue', async () => {
  const { page, close } = await open('scenario=pages&area=library');
  await page.getByRole('button', { name: 'The Quiet Lake', exact: true }).click();
  await page.waitForFunction(() =>
    /** @type {any} */ (window).mockPlayer.calls.some((/** @type {any} */ c) => c.cmd === 'open_story'),
  );
  const opened = await page.evaluate(() => /** @type {any} */ (window).mockPlayer.calls.find((/** @type {any} */ c) => c.cmd === 'open_story').args);
  assert.equal(opened.storyId, 'quiet-lake');
  assert.equal(opened.queue.length, 30);
  assert.equal(opened.queue[0], 'moon-garden');
  await close();
});
