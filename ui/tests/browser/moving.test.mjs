// Browser tests of Settings → Move my library to the cloud over the scripted core
// (src/lib/ipc/mockMoving.ts): the form on the embedded backend, a move with its progress bar,
// Cancel (the run is left unfinished and the button continues it), the final report with every
// table counted on both sides, and a wrong password said in words. Screenshots:
// ui/test-results/moving-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open as openApp, shots, useBrowser } from './support.mjs';

useBrowser();

/** @param {string} query */
const open = (query) => openApp(query, { height: 1000, lenient: true });
/** @param {import('playwright-core').Page} page */
const section = (page) => page.locator('section[aria-labelledby="moving-title"]');
/** @param {import('playwright-core').Page} page @param {string} cmd */
const calls = (page, cmd) =>
  page.evaluate((c) => /** @type {any} */ (window).mockPages.calls.filter((/** @type {any} */ x) => x.cmd === c), cmd);

test('Move: progress, cancel, continue, report', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  const move = section(page);
  await move.getByRole('heading', { name: 'Move my library to the cloud' }).waitFor();
  await move.scrollIntoViewIfNeeded();

  // An address is needed first.
  await move.getByRole('button', { name: 'Move my library' }).click();
  await move.getByRole('alert').getByText(/Type the project address/).waitFor();

  await move.getByRole('textbox', { name: 'Address of the project' }).fill('https://abcd.supabase.co');
  await move.getByLabel('Project key (anon or publishable)').fill('eyJhbGciOiJIUzI1NiJ9.e30.sig');
  await move.getByRole('textbox', { name: 'Email of your account on the project' }).fill('family@example.com');
  await move.getByLabel('Password of that account').fill('a long bedtime password');
  await move.getByRole('button', { name: 'Move my library' }).press('Enter');
  const bar = move.getByRole('progressbar', { name: 'Moving the library' });
  await bar.waitFor();
  await move.getByText(/Copying narration and pictures… 12 of 40 items \(30 %\)/).waitFor();
  await move.getByText(/7\.3 MB of 18\.4 MB/).waitFor();
  assert.equal(await bar.getAttribute('value'), '12');
  assert.deepEqual((await calls(page, 'move_library'))[0].args.destination, {
    url: 'https://abcd.supabase.co', anonKey: 'eyJhbGciOiJIUzI1NiJ9.e30.sig', email: 'family@example.com', password: 'a long bedtime password',
  });
  await move.screenshot({ path: join(shots, 'moving-progress.png') });

  // Cancel: stopped, and the next move continues it.
  await move.getByRole('button', { name: 'Cancel the move' }).click();
  await move.getByText('The move was cancelled. Moving again continues where it stopped.').waitFor();
  await move.getByTestId('move-unfinished').getByText(/stopped halfway/).waitFor();
  await move.getByRole('button', { name: 'Continue the move' }).click();
  await move.getByText(/Copying heroes, events and stories… 31 of 40 items/).waitFor();
  await page.evaluate(() => /** @type {any} */ (window).mockPages.finishMove());

  const report = move.getByTestId('move-report');
  await report.getByText(/Everything arrived and was checked/).waitFor();
  assert.ok(await report.getByText('This move continued one that had stopped halfway.').isVisible());
  const table = report.getByRole('table', { name: 'What was moved' });
  assert.deepEqual(
    await table.getByRole('row').filter({ hasText: 'Scenes' }).getByRole('cell').allTextContents(),
    ['Scenes', '12', '12'],
  );
  assert.equal(await table.getByRole('row').count(), 7, 'a header and six tables');
  assert.ok(await report.getByText('14 of 14 files checked byte for byte (SHA-256), 18.4 MB.').isVisible());
  assert.equal(await move.getByLabel('Password of that account').inputValue(), '', 'the password does not stay in the page');
  await move.screenshot({ path: join(shots, 'moving-report.png') });
  assert.deepEqual(errors, []);
  await close();
});

test('Move: a wrong password is said in words and nothing is copied', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings');
  const move = section(page);
  await move.getByRole('textbox', { name: 'Address of the project' }).fill('https://abcd.supabase.co');
  await move.getByRole('textbox', { name: 'Email of your account on the project' }).fill('family@example.com');
  await move.getByLabel('Password of that account').fill('not it');
  await move.getByRole('button', { name: 'Move my library' }).click();
  await move.getByRole('alert').getByText("That email and password don't match. Please check them and try again.").waitFor();
  assert.equal(await move.getByRole('progressbar').count(), 0);
  assert.equal(await move.getByTestId('move-report').count(), 0);
  await move.screenshot({ path: join(shots, 'moving-error.png') });
  assert.deepEqual(errors, []);
  await close();
});
