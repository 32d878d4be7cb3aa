// Browser tests of making a story: the choices, the live progress view driven by
// `story://progress` events (as the core emits them from realtime illustration UPDATEs), cancel,
// partial failure with "Try this picture again", the rate-limit countdown and the error
// messages (mocked IPC, see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAllNamed, assertWindowDoesNotScroll, go, mock, open, shot, useBrowser } from './support.mjs';

useBrowser();

/**
 * Chooses Maya, the bedtime adventure, 10 minutes and Fable, and presses "Tell the story".
 * @param {import('playwright-core').Page} page
 */
async function tellMayaAStory(page) {
  await go(page, 'New story');
  await page.locator('label', { hasText: 'Maya' }).click();
  await page.locator('label', { hasText: 'Bedtime Adventure' }).click();
  await page.locator('label', { hasText: '10 minutes' }).click();
  await page.locator('label', { hasText: 'Wise and cosy' }).click();
  await page.getByRole('button', { name: 'Tell the story' }).click();
  await page.getByRole('heading', { name: "Making Maya's story" }).waitFor();
}

/** @param {import('playwright-core').Page} page */
async function bars(page) {
  return page.getByTestId('scene-bar').evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('data-status')}:${el.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')}`),
  );
}

test('the progress view follows the progress events, and the story opens with its pictures', async () => {
  const { page, errors } = await open('');
  await tellMayaAStory(page);
  const request = /** @type {any} */ (await mock(page, (m) => m.calls.find((c) => c.cmd === 'generate_story')?.args)).request;
  assert.match(request.requestId, /^[0-9a-f-]{36}$/);
  assert.deepEqual(request.story, {
    heroId: 'hero-maya', event: { type: 'built_in', data: { event: 'bedtime_adventure' } },
    targetDuration: 600, language: 'en', voice: 'fable',
  });
  assert.equal(request.illustrations, true);
  const status = page.getByTestId('status-line');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  assert.equal(await status.textContent(), 'Writing the story…');

  await mock(page, (m) => m.progress('narrating', ['pending', 'pending', 'pending', 'pending'], 0.4));
  await page.getByText('Recording the narration…').waitFor();
  await mock(page, (m) => m.progress('illustrating', ['completed', 'processing', 'pending', 'pending'], 0.7));
  await page.getByText('Drawing scene 2 of 4…').waitFor();
  assert.deepEqual(await bars(page), ['completed:100', 'processing:50', 'pending:0', 'pending:0']);
  assert.equal(await page.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow'), '70');
  await shot(page, 'story-progress');
  await assertAllNamed(page, 'the progress view');

  // The story returns while two pictures are still being drawn; they land afterwards.
  await mock(page, (m) => m.progress('illustrating', ['completed', 'completed', 'processing', 'pending'], 0.8));
  await mock(page, (m) => m.finishStory());
  await page.getByRole('heading', { name: 'Maya and the Lantern Owl' }).waitFor();
  await page.getByText('Once upon a time', { exact: false }).waitFor();
  await page.getByRole('img', { name: 'Scene 2' }).waitFor();
  assert.equal(await page.getByRole('img', { name: 'Scene 3' }).count(), 0);
  await mock(page, (m) => m.progress('illustrating', ['completed', 'completed', 'failed', 'completed'], 0.95));
  await page.getByRole('img', { name: 'Scene 4' }).waitFor();

  // Partial failure: what worked stays, the failed scene offers to try again.
  await page.getByTestId('partial-failure').getByText('1 picture could not be drawn.', { exact: false }).waitFor();
  const failed = page.locator('[data-testid=scene-picture][data-scene="3"]');
  await failed.getByText('Could not be drawn.').waitFor();
  await shot(page, 'story-partial');
  await assertAllNamed(page, 'a story with a failed picture');
  await mock(page, (m) => m.retryFails(true));
  await failed.getByRole('button', { name: 'Try this picture again' }).click();
  await failed.getByRole('button', { name: 'Try this picture again' }).waitFor();
  await mock(page, (m) => m.retryFails(false));
  await failed.getByRole('button', { name: 'Try this picture again' }).click();
  await page.getByRole('img', { name: 'Scene 3' }).waitFor();
  assert.equal(await page.getByTestId('partial-failure').count(), 0);
  const retries = await mock(page, (m) => m.calls.filter((c) => c.cmd === 'retry_illustration').map((c) => c.args));
  assert.equal(/** @type {any[]} */ (retries).length, 2);
  await page.getByRole('heading', { name: 'Maya and the Lantern Owl' }).evaluate((el) => el.scrollIntoView());
  await shot(page, 'story-finished');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Cancel stops the story with the request id it was started with', async () => {
  const { page, errors } = await open('');
  await tellMayaAStory(page);
  await mock(page, (m) => m.progress('narrating', ['pending', 'pending', 'pending', 'pending'], 0.3));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('The story was stopped. Nothing was saved.').waitFor();
  const calls = /** @type {any[]} */ (await mock(page, (m) => m.calls));
  const started = calls.find((c) => c.cmd === 'generate_story').args.request.requestId;
  assert.deepEqual(calls.find((c) => c.cmd === 'cancel_generation').args, { requestId: started });
  // The choices are kept for the next try.
  assert.equal(await page.getByRole('radio', { name: /Fable/ }).isChecked(), true);
  assert.equal(await page.getByRole('radio', { name: '10 minutes' }).isChecked(), true);
  await shot(page, 'story-cancelled');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the rate limit shows a countdown and disables the button until then', async () => {
  const { page, errors } = await open('');
  await page.clock.install();
  await go(page, 'New story');
  const button = page.getByRole('button', { name: 'Tell the story' });
  assert.equal(await button.isEnabled(), true);
  await mock(page, (m) => m.setLimits([{ endpoint: 'story-generation', capacity: 3, remaining: 0, nextInSeconds: 252 }]));
  const countdown = page.getByTestId('limit-countdown');
  await countdown.getByText('The next story can be made in 4:12').waitFor();
  assert.equal(await button.isDisabled(), true);
  await page.clock.runFor(2000);
  await countdown.getByText('4:10').waitFor();
  await page.locator('label', { hasText: 'Maya' }).click();
  await shot(page, 'story-rate-limited');
  await assertAllNamed(page, 'the New story page with a countdown');
  await page.clock.runFor(250_000);
  await countdown.waitFor({ state: 'detached' });
  assert.equal(await button.isEnabled(), true);
  await mock(page, (m) => m.setLimits([{ endpoint: 'story-generation', capacity: 3, remaining: 1, nextInSeconds: 100 }]));
  assert.equal(await countdown.count(), 0, 'a story left in the bucket does not block');

  // A limit the core reports when asked (RATE_LIMITED with retryAfter) starts the countdown too.
  await page.locator('label', { hasText: 'Birthday Celebration' }).click();
  await button.click();
  await mock(page, (m) => m.failStory({ code: 'RATE_LIMITED', message: 'Too many stories.', retryable: true, retryAfter: 90 }));
  await page.getByRole('alert').getByText('Time for a little pause').waitFor();
  await countdown.getByText('1:30').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('each error says what happened and offers what helps', async () => {
  const { page, errors } = await open('');
  await tellMayaAStory(page);
  await mock(page, (m) => m.failStory({ code: 'NETWORK', message: 'connection reset', retryable: true }));
  const notice = page.getByTestId('error-notice');
  await notice.getByText('The connection dropped').waitFor();
  await shot(page, 'story-error-network');
  await notice.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: "Making Maya's story" }).waitFor();
  assert.equal(/** @type {number} */ (await mock(page, (m) => m.calls.filter((c) => c.cmd === 'generate_story').length)), 2);

  await mock(page, (m) => m.failStory({ code: 'UNAUTHORIZED', message: 'session expired', retryable: false }));
  await notice.getByText('Please sign in again').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Open the story as far as it got' }).count(), 0, 'nothing was written yet');
  await notice.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();

  // A failure after the story was written keeps the story to open.
  await go(page, 'New story');
  await page.getByRole('button', { name: 'Tell the story' }).click();
  await mock(page, (m) => m.progress('narrating', ['pending', 'pending', 'pending', 'pending'], 0.4));
  await mock(page, (m) => m.failStory({ code: 'SERVER', message: 'the narrator stopped', retryable: true }));
  await notice.getByText('The story server had a problem').waitFor();
  await page.getByRole('button', { name: 'Open the story as far as it got' }).click();
  await page.getByRole('heading', { name: 'Maya and the Lantern Owl' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a story can start from a hero card', async () => {
  const { page, errors } = await open('');
  await go(page, 'Heroes');
  await page.getByRole('button', { name: 'New story with Leo' }).click();
  await page.getByRole('heading', { name: 'Who is the hero?' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Leo' }).isChecked(), true);
  await page.getByText('Leo has no picture yet, so Leo may look a little different from scene to scene.').waitFor();
  assert.equal(await page.getByTestId('story-summary').textContent(), 'Leo · choose what happens · 5 minutes · read by Echo · with pictures');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the progress view and the story are calm in the night theme too', async () => {
  const { page, errors } = await open('', { colorScheme: 'dark' });
  await tellMayaAStory(page);
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    "Making Maya's story",
    'focus moves to the progress heading',
  );
  await mock(page, (m) => m.progress('illustrating', ['completed', 'completed', 'processing', 'pending'], 0.8));
  await page.getByText('Drawing scene 3 of 4…').waitFor();
  await shot(page, 'story-progress-night');
  await mock(page, (m) => m.progress('done', ['completed', 'completed', 'completed', 'completed'], 1));
  await mock(page, (m) => m.finishStory());
  await page.getByRole('img', { name: 'Scene 4' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Maya and the Lantern Owl');
  await shot(page, 'story-finished-night');
  assert.deepEqual(errors, []);
  await page.close();
});

test('each voice can be heard in the chosen language, and the defaults come from the family settings', async () => {
  const { page, errors } = await open('');
  await go(page, 'New story');
  // The mocked family's defaults: Echo, English, 5 minutes, pictures on.
  assert.equal(await page.getByRole('radio', { name: 'Echo', exact: true }).isChecked(), true);
  assert.equal(await page.getByRole('radio', { name: '5 minutes' }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: /Draw pictures/ }).isChecked(), true);
  assert.equal(await page.getByRole('radio', { name: 'Onyx' }).getAttribute('aria-describedby'), 'voice-onyx-desc');
  await page.getByText('Deep and reassuring.').waitFor();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('button', { name: 'Hear Fable' }).click();
  await page.waitForFunction(() =>
    /** @type {any} */ (window).mockBackend.calls.some((/** @type {any} */ c) => c.cmd === 'voice_sample'),
  );
  const asked = await mock(page, (m) => m.calls.filter((c) => c.cmd === 'voice_sample').map((c) => c.args));
  assert.deepEqual(asked, [{ voice: 'fable', language: 'fr' }]);
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * Presses Tab until the focused element's accessible description matches `pattern`.
 * @param {import('playwright-core').Page} page
 * @param {RegExp} pattern matched against "role name" of the focused element
 */
async function tabTo(page, pattern) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = /** @type {HTMLElement | null} */ (document.activeElement);
      if (!el) return '';
      const role = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
      const labelledBy = el.getAttribute('aria-labelledby');
      const name =
        el.getAttribute('aria-label') ??
        (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
        el.closest('label')?.textContent ??
        el.textContent ??
        '';
      return `${role} ${name.replace(/\s+/g, ' ').trim()}`;
    });
    if (pattern.test(here)) return;
  }
  assert.fail(`Tab never reached ${pattern}`);
}

test('a story can be chosen and told with the keyboard alone', async () => {
  const { page, errors } = await open('');
  await go(page, 'New story');
  await page.getByRole('heading', { name: 'Who is the hero?' }).waitFor();
  await page.getByRole('heading', { name: 'New story' }).click(); // start from the top of the page
  await tabTo(page, /^radio Maya$/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('radio', { name: 'Leo' }).isChecked(), true);
  await tabTo(page, /^search Search events$/);
  await page.keyboard.type('dragon');
  await tabTo(page, /^radio A Friendly Dragon$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^radio 5 minutes$/);
  await page.keyboard.press('ArrowRight');
  await tabTo(page, /^radio Echo$/);
  await page.keyboard.press('ArrowRight');
  await tabTo(page, /^checkbox Draw pictures/);
  await page.keyboard.press('Space');
  await tabTo(page, /^button Tell the story$/);
  await assertWindowDoesNotScroll(page);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: "Making Leo's story" }).waitFor();
  const request = /** @type {any} */ (await mock(page, (m) => m.calls.find((c) => c.cmd === 'generate_story')?.args)).request;
  assert.deepEqual(
    [request.story.heroId, request.story.event, request.story.targetDuration, request.story.voice, request.illustrations],
    ['hero-leo', { type: 'built_in', data: { event: 'friendly_dragon_encounter' } }, 420, 'onyx', false],
  );
  // Only two stages without pictures, and Cancel is reachable.
  assert.deepEqual(await page.locator('.stages li').allTextContents().then((l) => l.map((s) => s.trim())), ['Writing', 'Narrating']);
  await tabTo(page, /^button Cancel$/);
  await page.keyboard.press('Enter');
  await page.getByText('The story was stopped. Nothing was saved.').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
