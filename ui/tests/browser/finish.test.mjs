// Browser test of finishing an interrupted story in the reader: the real Svelte app in Chromium
// over the scripted player (harness.html?scenario=reader-interrupted, src/lib/ipc/mockPlayer.ts).
// The story lacks two pictures and its narration; "Finish it" shows progress and can be
// cancelled, and once finished the story plays. Screenshots: ui/test-results/finish-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, useBrowser } from './support.mjs';

useBrowser();

/**
 * Runs `fn(mockPlayer, arg)` in the page.
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {(p: import('../../src/lib/ipc/mockPlayer').MockPlayer, arg: T) => unknown} fn
 * @param {T} [arg]
 */
function player(page, fn, arg) {
  return page.evaluate(
    ([source, a]) => {
      const p = /** @type {{ mockPlayer: import('../../src/lib/ipc/mockPlayer').MockPlayer }} */ (
        /** @type {unknown} */ (window)
      ).mockPlayer;
      return new Function('p', 'a', `return (${source})(p, a)`)(p, a);
    },
    /** @type {[string, T | undefined]} */ ([fn.toString(), arg]),
  );
}

/** The arguments of every call of `cmd` so far. @param {import('playwright-core').Page} page @param {string} cmd */
async function calls(page, cmd) {
  const all = /** @type {{ cmd: string, args: Record<string, unknown> }[]} */ (await player(page, (p) => p.calls));
  return all.filter((c) => c.cmd === cmd).map((c) => c.args);
}

test('an interrupted story is offered to finish, can be cancelled, and plays once finished', async () => {
  const { page, errors, close } = await open('scenario=reader-interrupted');
  const panel = page.getByTestId('interrupted');
  await panel.getByRole('heading', { name: 'This story was interrupted' }).waitFor();
  await panel.getByText('2 pictures are missing and the narration is missing. Finish it now, or read it as it is.').waitFor();
  assert.equal(await page.getByTestId('no-narration').count(), 0, 'one offer, not two');
  assert.equal(await page.getByTestId('transport').count(), 0);
  assert.ok(await page.getByTestId('story-text').getByText(/night train left the station/).isVisible(), 'it reads as it is');
  await shot(page, 'finish-offered');

  // Started, then cancelled: the request id the shell was given is the one cancelled.
  await panel.getByRole('button', { name: 'Finish it' }).click();
  await panel.getByText('Drawing the pictures…').waitFor();
  assert.equal(await panel.getByRole('progressbar').getAttribute('aria-valuenow'), '25');
  const [first] = await calls(page, 'finish_story');
  assert.equal(first?.storyId, 'night-train');
  assert.match(String(first?.requestId), /^finish-night-train-/);
  await shot(page, 'finish-running');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('button', { name: 'Finish it' }).waitFor();
  assert.deepEqual(await calls(page, 'cancel_generation'), [{ requestId: first?.requestId }]);
  assert.equal(await page.getByRole('alert').count(), 0, 'a cancel is not an error');

  // Started again and finished: the pictures are there, the offer goes, the story plays.
  await panel.getByRole('button', { name: 'Finish it' }).click();
  await panel.getByRole('progressbar').waitFor();
  const second = (await calls(page, 'finish_story')).at(-1);
  assert.notEqual(second?.requestId, first?.requestId, 'a new request id each time');
  await player(page, (p) => p.finishStory());
  await page.getByTestId('transport').waitFor();
  assert.equal(await page.getByTestId('interrupted').count(), 0);
  assert.deepEqual((await calls(page, 'open_story')).at(-1), { storyId: 'night-train', queue: null });
  assert.equal(await page.locator('[data-status="failed"]').count(), 0, 'no failed picture left');
  await shot(page, 'finish-done');
  assert.deepEqual(errors, []);
  await close();
});
