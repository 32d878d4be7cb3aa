// Browser tests of Settings → Voices over the scripted core (src/lib/ipc/mockVoices.ts): the
// empty state (espeak-ng and how to get a natural voice), a download with its progress bar and
// Cancel, the installed state with its licence and who reads each voice, and errors in words.
// Screenshots: ui/test-results/voices-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open as openApp, shots, useBrowser } from './support.mjs';

useBrowser();

/** @param {string} query */
const open = (query) => openApp(query, { height: 900, lenient: true });
/** @param {import('playwright-core').Page} page @param {string} cmd */
const calls = (page, cmd) =>
  page.evaluate((c) => /** @type {any} */ (window).mockPages.calls.filter((/** @type {any} */ x) => x.cmd === c), cmd);
/** @param {import('playwright-core').Page} page */
const section = (page) => page.locator('section[aria-labelledby="voices-title"]');

test('Voices: empty, downloading (cancel, then again), installed, sample, remove', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  const voices = section(page);
  await voices.getByTestId('voices-empty').getByText('Stories are read by espeak-ng for now').waitFor();
  assert.ok(await voices.getByText(/download one below/).isVisible());
  await voices.scrollIntoViewIfNeeded();
  await voices.screenshot({ path: join(shots, 'voices-empty.png') });

  // The catalogue, open licences first; licences shown.
  await voices.getByRole('button', { name: 'Show voices to download' }).click();
  await voices.getByText('CC0 · open').waitFor();
  assert.ok(await voices.getByText('CC BY-NC-SA 4.0 · personal use only').isVisible());
  assert.ok(await voices.getByText('see its model card').isVisible());

  // A download, from the keyboard: progress, then cancelled.
  await voices.getByRole('button', { name: /Download en_US-joe-medium/ }).focus();
  await page.keyboard.press('Enter');
  const bar = voices.getByRole('progressbar', { name: 'Downloading en_US-joe-medium' });
  await bar.waitFor();
  await voices.getByText('26.5 MB of 63.2 MB').waitFor();
  await voices.screenshot({ path: join(shots, 'voices-downloading.png') });
  await voices.getByRole('button', { name: 'Cancel the download of en_US-joe-medium' }).click();
  await voices.getByRole('status').getByText(/continues where it stopped/).waitFor();

  // Again, to the end.
  await voices.getByRole('button', { name: /Download en_US-joe-medium/ }).click();
  await bar.waitFor();
  await page.evaluate(() => /** @type {any} */ (window).mockPages.finishDownload());
  await voices.getByRole('status').getByText('en_US-joe-medium is installed and reads stories from now on.').waitFor();
  const table = voices.getByRole('table', { name: 'Installed voices' });
  assert.ok(await table.getByRole('cell', { name: 'CC0 · open' }).isVisible());
  // No engine yet: espeak-ng still reads; the engine is one click away.
  const who = voices.getByTestId('who-reads');
  assert.equal(await who.getByRole('cell', { name: 'espeak-ng' }).count(), 7);
  await voices.getByRole('button', { name: 'Download the engine' }).click();
  await voices.getByText(/ONNX Runtime is ready/).waitFor();
  assert.equal(await who.getByRole('cell', { name: 'en_US-joe-medium' }).count(), 7);
  await voices.getByRole('button', { name: 'Play a sample of en_US-joe-medium' }).click();
  await page.waitForFunction(() => /** @type {any} */ (window).mockPages.calls.some((/** @type {any} */ c) => c.cmd === 'natural_voice_sample'));
  await voices.screenshot({ path: join(shots, 'voices-installed.png') });

  // Import through the file picker, then remove.
  await voices.getByRole('button', { name: 'Import voice files…' }).click();
  await voices.getByRole('status').getByText('fr_FR-siwis-medium is installed and reads stories from now on.').waitFor();
  assert.deepEqual((await calls(page, 'import_voice'))[0].args, {
    model: '/home/family/Voices/fr_FR-siwis-medium.onnx', config: '/home/family/Voices/fr_FR-siwis-medium.onnx.json', card: null,
  });
  await voices.getByRole('button', { name: 'Remove fr_FR-siwis-medium' }).click();
  await voices.getByRole('status').getByText('fr_FR-siwis-medium was removed.').waitFor();
  assert.deepEqual(errors, []);
  await close();
});

test('Voices: errors say what happened and what to do', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  const voices = section(page);
  await voices.getByTestId('voices-empty').waitFor();
  await voices.getByText('Where voices come from').click();
  const field = voices.getByRole('textbox', { name: 'Voice catalogue address' });
  await field.fill('voices.json');
  await voices.getByRole('button', { name: 'Use this catalogue' }).click();
  await voices.getByRole('alert').getByText(/is not a web address/).waitFor();
  await field.fill('https://offline.example/voices.json');
  await voices.getByRole('button', { name: 'Use this catalogue' }).click();
  await voices.getByRole('status').getByText('Voices now come from this catalogue.').waitFor();
  await voices.getByRole('button', { name: 'Show voices to download' }).click();
  // The friendly words in the UI's language; the core's own reason folded away as detail.
  await voices.getByRole('alert').getByText(/^The connection dropped\. Check the internet connection \(or the catalogue address\)/).waitFor();
  await voices.getByText('Technical detail', { exact: true }).click();
  assert.match((await voices.locator('details.set-detail[open]').textContent()) ?? '', /could not download .*dns error/i);
  await voices.screenshot({ path: join(shots, 'voices-error.png') });
  await voices.getByRole('button', { name: 'Use the official Piper catalogue' }).click();
  await voices.getByRole('button', { name: 'Show voices to download' }).click();
  await page.evaluate(() => /** @type {any} */ (window).mockPages.failNext('download_voice', {
    code: 'STORAGE', retryable: true,
    message: 'en_US-joe-medium.onnx is damaged (its md5 is 1a2b…, the catalogue says 9f8e…); it was deleted, please try again',
  }));
  await voices.getByRole('button', { name: /Download en_US-joe-medium/ }).click();
  await voices.getByRole('alert').getByText(/^Something could not be saved\./).waitFor();
  await voices.getByText('Technical detail', { exact: true }).click();
  assert.match((await voices.locator('details.set-detail[open]').textContent()) ?? '', /is damaged .* please try again/);
  assert.deepEqual(errors, []);
  await close();
});

test('Who writes the stories: a local model is tested, then used; the key never stays in the page', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  const writer = page.locator('section[aria-labelledby="writer-title"]');
  await writer.getByRole('radio', { name: 'A model on this computer' }).check();
  const address = writer.getByRole('textbox', { name: 'Server address' });
  await address.fill('http://127.0.0.1:9999/v1');
  await writer.getByRole('textbox', { name: 'Model name' }).fill('llama3.1');
  await writer.getByRole('button', { name: 'Test' }).click();
  await writer.getByRole('alert').getByText(/No model server answered .*ollama serve/).waitFor();
  await address.fill('http://127.0.0.1:11434/v1');
  await writer.getByRole('button', { name: 'Test' }).click();
  await writer.getByRole('status').getByText('The server answered and has llama3.1.').waitFor();
  await writer.getByLabel('Key (only if the server asks for one)').fill('sk-local');
  await writer.getByRole('button', { name: 'Use this model' }).click();
  await writer.getByRole('status').getByText('Stories are now written by llama3.1.').waitFor();
  assert.equal(await writer.getByLabel('Key (only if the server asks for one)').inputValue(), '');
  await writer.scrollIntoViewIfNeeded();
  await writer.screenshot({ path: join(shots, 'voices-writer-local-model.png') });
  await writer.getByRole('radio', { name: 'The built-in writer' }).check();
  await writer.getByRole('button', { name: 'Use the built-in writer' }).click();
  await writer.getByRole('status').getByText('Stories are written by the built-in writer again.').waitFor();
  assert.deepEqual(errors, []);
  await close();
});
