// Browser test of Settings → Advanced (how stories are made): the real Svelte app in Chromium
// over the scripted core of src/lib/ipc/mockPages.ts (its Advanced part is mockAdvanced.ts),
// driven from the keyboard: the provider chosen, a key saved and never shown again, the key
// forgotten. Screenshot in ui/test-results/pages-settings-advanced.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, shots, useBrowser } from './support.mjs';

useBrowser();

test('Settings → Advanced: the provider with a key that is never shown again, then forgotten', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings', { height: 780, lenient: true });
  const section = page.getByTestId('advanced-section');
  await section.getByRole('heading', { name: 'Advanced' }).waitFor();
  await section.getByText('Your next story will be made by the story server.').waitFor();
  assert.equal(await section.getByLabel('Provider address').inputValue(), 'https://api.openai.com/v1');

  // From the keyboard: the radio group, the key field, Save.
  await section.getByRole('radio', { name: 'Always the provider' }).focus();
  await page.keyboard.press('Space');
  await section.getByText('The provider charges your account.', { exact: false }).waitFor();
  const key = section.getByLabel('API key');
  await key.focus();
  await page.keyboard.type('sk-family-secret');
  await section.getByRole('button', { name: 'Save' }).focus();
  await page.keyboard.press('Enter');
  await section.getByRole('status').getByText('Saved. Your next story will be made by the provider.').waitFor();
  assert.equal(await key.inputValue(), '', 'the key field is emptied');
  await section.getByText('A key is saved in this computer’s keyring.', { exact: false }).waitFor();
  assert.ok(!(await page.content()).includes('sk-family-secret'), 'the key is nowhere on the page');
  await section.screenshot({ path: join(shots, 'pages-settings-advanced.png') });

  await section.getByRole('button', { name: 'Forget key' }).click();
  await section.getByRole('status').getByText('The key was deleted from this computer’s keyring.').waitFor();
  await section.getByText('No key is saved.').waitFor();
  assert.equal(await section.getByRole('button', { name: 'Forget key' }).count(), 0);
  assert.deepEqual(errors, []);
  await close();
});
