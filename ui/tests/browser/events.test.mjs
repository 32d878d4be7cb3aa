// Browser tests of the event picker (search, chips, the family's own events) and the safety
// check on a custom event (mocked IPC, see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAllNamed, assertWindowDoesNotScroll, go, mock, open, shot, useBrowser } from './support.mjs';

useBrowser();

/** The names of the event cards shown, in order. @param {import('playwright-core').Page} page */
async function shown(page) {
  return page.locator('fieldset .card .name').allTextContents();
}

test('one search over built-in and custom events, with category chips', async () => {
  const { page, errors } = await open('');
  await go(page, 'New story');
  await page.getByRole('heading', { name: 'What happens tonight?' }).waitFor();
  assert.equal((await shown(page)).length, 23, '21 built-in and 2 custom events');
  assert.ok(await page.getByRole('heading', { name: 'Everyday' }).isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Fantasy' }).isVisible());
  await page.getByText('Used 3 times · last on 1 Dec').waitFor();
  await page.locator('#event-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'event-picker');
  await assertAllNamed(page, 'the New story page');

  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('dragon');
  assert.deepEqual(await shown(page), ['A Friendly Dragon']);
  await search.fill('OWLS'); // a custom event's keyword, any case
  assert.deepEqual(await shown(page), ['Camping in the garden']);
  await search.fill('rain'); // a built-in theme or name
  assert.deepEqual(await shown(page), ['Rainy Day Magic', 'Weather Wizard Training', 'The Starlight Train']);
  await search.fill('spaceship pirates');
  await page.getByRole('heading', { name: 'No events found' }).waitFor();
  await shot(page, 'event-picker-none');

  await search.fill('');
  await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'Celebration' }).click();
  assert.deepEqual(await shown(page), ['Birthday Celebration', 'Holiday Adventure']);
  await page.getByRole('button', { name: 'Feelings' }).click();
  assert.deepEqual(await shown(page), ['First day at nursery', 'Making Friends', 'Helping Others']);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  assert.equal((await shown(page)).length, 23);

  // Choosing is a radio group: arrow keys move through the events.
  await page.getByRole('radio', { name: /Bedtime Adventure/ }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('radio', { name: /School Day Fun/ }).isChecked(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a custom event is checked by the safety filter before it is saved', async () => {
  const { page, errors } = await open('');
  await go(page, 'New story');
  await page.getByRole('button', { name: '+ Create your own event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your own event' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('The monster under the bed');
  await dialog.getByRole('textbox', { name: 'What happens' }).fill('A scary monster hides under the bed and wants to fight.');
  await assertAllNamed(page, 'the custom event dialog');
  await dialog.getByRole('combobox', { name: 'Category' }).selectOption('imagination');
  await dialog.getByRole('combobox', { name: 'Age' }).selectOption('6_10');
  await dialog.getByRole('combobox', { name: 'Tone' }).selectOption('mysterious');
  const keyword = dialog.getByRole('textbox', { name: /Keywords/ });
  for (const k of ['bed', 'torch', 'x']) {
    await keyword.fill(k);
    await keyword.press('Enter');
  }
  await dialog.getByText('A keyword needs 2 to 30 characters.').waitFor();
  await dialog.getByRole('button', { name: 'Remove keyword torch' }).click();
  await dialog.getByRole('button', { name: 'Check and save' }).click();

  // Softened: the gentler version is shown before anything is saved.
  const soft = dialog.getByTestId('safety-rewritten');
  await soft.getByText('The friendly creature under the bed').waitFor();
  await soft.getByText('A mysterious friendly creature hides under the bed and wants to race.').waitFor();
  await shot(page, 'custom-event-gentler');
  await assertAllNamed(page, 'the gentler version');
  let saves = await mock(page, (m) => m.calls.filter((c) => c.cmd === 'save_custom_event').length);
  assert.equal(saves, 0, 'nothing saved before the parent agrees');
  await soft.getByRole('button', { name: 'Use the gentler version' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const saved = await mock(page, (m) => m.calls.find((c) => c.cmd === 'save_custom_event')?.args);
  assert.deepEqual(saved, {
    id: null,
    event: {
      title: 'The friendly creature under the bed',
      description: 'A mysterious friendly creature hides under the bed and wants to race.',
      category: 'imagination', ageRange: '6_10', tone: 'mysterious', keywords: ['bed'],
    },
  });
  // The new event is listed and chosen.
  assert.equal(await page.getByRole('radio', { name: /The friendly creature under the bed/ }).isChecked(), true);

  // Refused: explained kindly, not saved.
  await page.getByRole('button', { name: '+ Create your own event' }).click();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Knife fight');
  await dialog.getByRole('textbox', { name: 'What happens' }).fill('Two pirates with knives in the dark.');
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await dialog.getByTestId('safety-refused').getByText('Stories here never hurt anyone.', { exact: false }).waitFor();
  await shot(page, 'custom-event-refused');
  await assertAllNamed(page, 'a refused event');
  await dialog.getByRole('button', { name: 'Change it myself' }).click();
  assert.equal(await dialog.getByRole('textbox', { name: 'Title' }).inputValue(), 'Knife fight', 'the words are kept to edit');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    '+ Create your own event',
    'Escape closes the dialog and focus returns to the button that opened it',
  );
  saves = await mock(page, (m) => m.calls.filter((c) => c.cmd === 'save_custom_event').length);
  assert.equal(saves, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('custom events can be favourited, edited and deleted', async () => {
  const { page, errors } = await open('');
  await go(page, 'New story');
  const star = page.getByRole('button', { name: 'Favourite Camping in the garden' });
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  await star.click();
  await page.waitForFunction(() =>
    document.querySelector('[aria-label="Favourite Camping in the garden"]')?.getAttribute('aria-pressed') === 'true',
  );

  await page.getByRole('button', { name: 'Edit Camping in the garden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit your event' });
  assert.equal(await dialog.getByRole('textbox', { name: 'Title' }).inputValue(), 'Camping in the garden');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Ca');
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await dialog.getByText('The title needs 3 to 60 characters.').waitFor();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Camping under the stars');
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('radio', { name: /Camping under the stars/ }).waitFor();

  await page.getByRole('button', { name: 'Edit Camping under the stars' }).click();
  await dialog.getByRole('button', { name: 'Delete event' }).click();
  await dialog.getByText('Stories already made from it stay in the library.', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Delete event' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('custom-event').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the New story page reads well in the night theme', async () => {
  const { page, errors } = await open('', { colorScheme: 'dark' });
  await go(page, 'New story');
  await page.locator('label', { hasText: 'Maya' }).click();
  await page.locator('label', { hasText: 'Dream World Adventure' }).click();
  await page.locator('#options-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'new-story-night');
  await assertWindowDoesNotScroll(page);
  assert.equal(
    await page.getByTestId('story-summary').textContent(),
    'Maya · Dream World Adventure · 5 minutes · read by Echo · with pictures',
  );
  assert.deepEqual(errors, []);
  await page.close();
});
