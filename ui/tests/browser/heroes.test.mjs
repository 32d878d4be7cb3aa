// Browser tests of the Heroes page and the hero wizard (mocked IPC, see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAllNamed, go, mock, open, shot, useBrowser } from './support.mjs';

useBrowser();

test('a family with no heroes is led to the first one', async () => {
  const { page, errors } = await open('heroes=none');
  await page.getByRole('button', { name: 'Create a hero' }).click(); // Home's first step
  await page.getByRole('heading', { name: 'Heroes' }).waitFor();
  const empty = page.getByTestId('heroes-empty');
  await empty.getByRole('heading', { name: 'Every story needs a hero' }).waitFor();
  await shot(page, 'heroes-empty');
  await assertAllNamed(page, 'the empty Heroes page');
  await empty.getByRole('button', { name: 'Create your first hero' }).click();
  await page.getByText('Step 1 of 5').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the hero list shows each hero with traits and stories', async () => {
  const { page, errors } = await open('');
  // With heroes, Home's first step is tonight's story.
  await page.getByRole('button', { name: "Make tonight's story" }).click();
  await page.getByRole('heading', { name: 'Who is the hero?' }).waitFor();
  await go(page, 'Heroes');
  const cards = page.getByTestId('hero-card');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 2);
  assert.match((await cards.nth(0).textContent()) ?? '', /Maya.*Curious and Brave.*3 stories/s);
  assert.match((await cards.nth(1).textContent()) ?? '', /Leo.*Funny and Kind.*No stories yet/s);
  await shot(page, 'heroes-list');
  await assertAllNamed(page, 'the Heroes page');
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * The element that has keyboard focus: "tag|aria-label|text|label text", for assertions.
 * @param {import('playwright-core').Page} page
 */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    const label = el.closest('label')?.textContent?.trim() ?? '';
    return `${el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? ''}|${el.textContent?.trim() ?? ''}|${label}`;
  });
}

test('the wizard creates a hero with the keyboard alone', async () => {
  const { page, errors } = await open('heroes=none');
  await go(page, 'Heroes');
  await page.getByRole('button', { name: 'Create your first hero' }).focus();
  await page.keyboard.press('Enter');

  // Step 1: focus is on the step's heading; the name is required and has a length limit.
  await page.getByText('Step 1 of 5').waitFor();
  assert.match(await focused(page), /^h2\|\|What is your hero's name\?/);
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /^input/);
  await page.keyboard.press('Enter');
  await page.getByText('Give your hero a name to continue.').waitFor();
  await page.keyboard.type('A'.repeat(41));
  await page.getByText('That name is 41 characters long; please keep it to 40 or fewer.').waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('  Mia  ');
  await assertAllNamed(page, 'wizard step 1');
  await page.keyboard.press('Tab'); // the pronoun radio group
  await page.keyboard.press('Space'); // she
  await page.keyboard.press('ArrowRight'); // he
  await page.keyboard.press('ArrowRight'); // they
  assert.equal(await page.getByRole('radio', { name: 'They / them' }).isChecked(), true);
  await page.keyboard.press('Tab'); // Cancel
  await page.keyboard.press('Tab'); // Next
  await page.keyboard.press('Enter');

  // Step 2: the ten traits, each with what it means.
  await page.getByText('Step 2 of 5').waitFor();
  assert.match(await focused(page), /^h2\|\|What is Mia like most of all\?/);
  assert.equal(await page.getByRole('radio').count(), 10);
  await page.getByText('Asks lots of questions and loves finding out.').waitFor();
  await page.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').getByText('Choose one to continue.').waitFor();
  await page.getByRole('heading', { name: 'What is Mia like most of all?' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // Brave
  await page.keyboard.press('ArrowRight'); // Kind
  await page.keyboard.press('ArrowRight'); // Curious
  assert.equal(await page.getByRole('radio', { name: 'Curious', exact: true }).isChecked(), true);
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await shot(page, 'wizard-traits');
  await assertAllNamed(page, 'wizard step 2');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  // Step 3: the first trait is not offered again.
  await page.getByText('Step 3 of 5').waitFor();
  assert.equal(await page.getByRole('radio').count(), 9);
  assert.equal(await page.getByRole('radio', { name: /Curious/ }).count(), 0);
  await page.getByText('Curious is already chosen, so it is not in this list.').waitFor();
  await assertAllNamed(page, 'wizard step 3');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // Brave
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  // Step 4: optional details, with examples; saving creates the hero.
  await page.getByText('Step 4 of 5').waitFor();
  await assertAllNamed(page, 'wizard step 4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('a green scarf and a gap-toothed smile');
  await page.keyboard.press('Tab');
  await page.keyboard.type('can hear the stars whisper');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /Save and choose a picture/);
  await page.keyboard.press('Enter');

  // Step 5: the picture. The draft reached the core trimmed, with pronouns.
  await page.getByText('Step 5 of 5').waitFor();
  assert.match(await focused(page), /^h2\|\|A picture of Mia/);
  const created = await mock(page, (m) => m.calls.find((c) => c.cmd === 'create_hero')?.args);
  assert.deepEqual(created, {
    hero: {
      name: 'Mia', pronouns: 'they', primaryTrait: 'curious', secondaryTrait: 'brave',
      appearance: 'a green scarf and a gap-toothed smile', specialAbility: 'can hear the stars whisper',
      avatarStyle: 'picture_book', avatarPrompt: null,
    },
  });
  await page.keyboard.press('Tab'); // the style group
  await page.keyboard.press('ArrowRight'); // watercolour
  const prompt = page.getByRole('textbox', { name: 'What the picture shows' });
  assert.match(await prompt.inputValue(), /^A soft watercolour portrait of Mia, a curious and brave child with a green scarf/);
  await page.keyboard.press('Tab'); // the prompt
  await page.keyboard.press('Tab'); // Draw
  assert.match(await focused(page), /Draw the picture/);
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText('Drawing…').waitFor();
  await shot(page, 'wizard-drawing');
  await assertAllNamed(page, 'wizard step 5 while drawing');
  const asked = await mock(page, (m) => m.calls.find((c) => c.cmd === 'generate_avatar')?.args);
  assert.equal(/** @type {any} */ (asked).style, 'watercolor');
  await mock(page, (m) => m.finishAvatar());
  await page.getByRole('img', { name: "Mia's picture" }).waitFor();
  await page.getByRole('button', { name: 'Draw again' }).waitFor();
  await shot(page, 'wizard-avatar');
  await page.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');

  const card = page.getByTestId('hero-card');
  await card.first().waitFor();
  assert.match((await card.first().textContent()) ?? '', /Mia.*Curious and Brave/s);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the same wizard edits a hero, and deleting says the stories stay', async () => {
  const { page, errors } = await open('');
  await go(page, 'Heroes');
  await page.getByRole('button', { name: 'Edit Maya' }).click();
  await page.getByText('Editing Maya').waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Name' }).inputValue(), 'Maya');
  await page.getByRole('textbox', { name: 'Name' }).fill('Maya Rose');
  await page.getByRole('button', { name: 'Next' }).click();
  assert.equal(await page.getByRole('radio', { name: /Curious/ }).isChecked(), true);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save and choose a picture' }).click();
  await page.getByText('Step 5 of 5').waitFor();
  const updated = await mock(page, (m) => m.calls.find((c) => c.cmd === 'update_hero')?.args);
  assert.equal(/** @type {any} */ (updated).id, 'hero-maya');
  assert.equal(/** @type {any} */ (updated).hero.name, 'Maya Rose');
  await page.getByRole('button', { name: 'Done' }).click();

  // A quick change needs no walk through every step.
  await page.getByRole('button', { name: 'Edit Leo' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Leo the Lion');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { name: 'Leo the Lion' }).waitFor();

  await page.getByRole('button', { name: 'Delete Maya Rose' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Maya Rose?' });
  await dialog.getByText("Maya Rose's 3 stories stay in the library.").waitFor();
  await shot(page, 'heroes-delete');
  await assertAllNamed(page, 'the delete dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('hero-card').count(), 2);

  await page.getByRole('button', { name: 'Delete Leo the Lion' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete hero' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('hero-card').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});
