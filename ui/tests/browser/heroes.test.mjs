// Browser tests of the Heroes page and the hero wizard (mocked IPC, see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { go, mock, open, shot, useBrowser } from './support.mjs';

useBrowser();

test('a family with no heroes is led to the first one', async () => {
  const { page, errors } = await open('heroes=none');
  await go(page, 'Heroes');
  const empty = page.getByTestId('heroes-empty');
  await empty.getByRole('heading', { name: 'Every story needs a hero' }).waitFor();
  await shot(page, 'heroes-empty');
  await empty.getByRole('button', { name: 'Create your first hero' }).click();
  await page.getByText('Step 1 of 5').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the hero list shows each hero with traits and stories', async () => {
  const { page, errors } = await open('');
  await go(page, 'Heroes');
  const cards = page.getByTestId('hero-card');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 2);
  assert.match((await cards.nth(0).textContent()) ?? '', /Maya.*Curious and Brave.*3 stories/s);
  assert.match((await cards.nth(1).textContent()) ?? '', /Leo.*Funny and Kind.*No stories yet/s);
  await shot(page, 'heroes-list');
  assert.deepEqual(errors, []);
  await page.close();
});
