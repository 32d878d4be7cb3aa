// End-to-end: the first half of a family's evening in the real window, over the embedded backend
// and the offline storyteller. A new user creates a hero with a picture through the wizard, makes
// a 5-minute illustrated story, watches its progress and reads it with its pictures; a second
// story is cancelled midway and leaves nothing half-made behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, invoke, launch, scratch, screenshots, until, waitForHome, screenshot } from './support.mjs';

/** Clicks the element `selector` once it is there and can be clicked. */
async function click(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForClickable({ timeout: 30_000 });
  await el.click();
}

/** The wizard shows "Step n of 5". */
async function step(browser, n) {
  const label = await browser.$('[data-testid="wizard-step"]');
  await until(browser, async () => (await label.getText()) === `Step ${n} of 5`, `wizard step ${n}`);
}

/** Creates Mia (she, curious and brave, red curls) with a watercolour picture through the wizard. */
async function createMia(browser) {
  await click(browser, 'button=Create a hero');
  await click(browser, 'button=Create your first hero');
  await step(browser, 1);
  const name = await browser.$('label.name input');
  await name.setValue('Mia');
  await click(browser, 'label*=She / her');
  await click(browser, 'button=Next');
  await step(browser, 2);
  await click(browser, 'label*=Curious');
  await click(browser, 'button=Next');
  await step(browser, 3);
  await click(browser, 'label*=Brave');
  await click(browser, 'button=Next');
  await step(browser, 4);
  await (await browser.$('textarea')).setValue('curly red hair and a yellow raincoat');
  await click(browser, 'button=Save and choose a picture');
  await step(browser, 5);
  await click(browser, 'label*=Soft watercolour');
  await click(browser, 'button=Draw the picture');
  // The picture arrives through the app's own media:// scheme, from the cache.
  const picture = await browser.$('img[alt="Mia\'s picture"]');
  await picture.waitForExist({ timeout: 60_000 });
  await until(browser, async () => (await picture.getProperty('naturalWidth')) > 0, 'the avatar to load');
  await screenshot(browser, join(screenshots, 'window-wizard-avatar.png'));
  await click(browser, 'button=Done');
  const card = await browser.$('[data-testid="hero-card"]');
  await card.waitForExist({ timeout: 30_000 });
  assert.match(await card.getText(), /Mia[\s\S]*Curious and Brave/);
}

/** Chooses Mia, the bedtime adventure and `minutes`, and presses "Tell the story". */
async function tellAStory(browser, minutes) {
  await click(browser, '//nav//button[contains(., "New story")]');
  await click(browser, 'label*=Mia');
  await click(browser, 'label*=Bedtime Adventure');
  await click(browser, `label*=${minutes} minutes`);
  await click(browser, 'button=Tell the story');
  await (await browser.$('h1*=Making Mia')).waitForExist({ timeout: 30_000 });
}

test('a new user creates a hero with a picture and makes an illustrated 5-minute story', async () => {
  const browser = await launch({ INFINITE_STORIES_DATA_DIR: join(scratch, 'first-story') });
  await waitForHome(browser);
  await createMia(browser);

  await tellAStory(browser, 5);
  // The progress view follows the core's progress events: a status line and a bar per scene
  // once the story's scenes are known.
  const status = await browser.$('[data-testid="status-line"]');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  await screenshot(browser, join(screenshots, 'window-story-progress.png'));

  // The story opens with its title, its text and every picture, served from the local cache.
  const pictures = await browser.$$('[data-testid="scene-picture"]');
  await until(browser, async () => (await browser.$$('[data-testid="scene-picture"]')).length >= 3, 'the story page', 180_000);
  await until(
    browser,
    async () =>
      (await browser.$$('[data-testid="scene-picture"]')).length ===
      (await browser.$$('[data-testid="scene-picture"][data-status="completed"] img')).length,
    'every picture',
    180_000,
  );
  void pictures;
  const loaded = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="scene-picture"] img')].map((img) => [img.getAttribute('src'), img.naturalWidth]),
  );
  assert.ok(loaded.length >= 3, `3 to 8 scenes, got ${loaded.length}`);
  for (const [src, width] of loaded) {
    assert.match(src, /^(media:\/\/localhost\/|http:\/\/media\.localhost\/)illustration/, src);
    assert.ok(width > 0, `${src} did not load`);
  }
  await screenshot(browser, join(screenshots, 'window-story-finished.png'));

  // The library holds one offline-ready story whose narration fits the 5 minutes asked for.
  const stories = await invoke(browser, 'list_stories');
  assert.equal(stories.ok, true, JSON.stringify(stories));
  assert.equal(stories.value.length, 1);
  const detail = await invoke(browser, 'get_story', { id: stories.value[0].id });
  const seconds = detail.value.narrationSeconds;
  assert.ok(Math.abs(seconds - 300) <= 45, `narration of ${seconds} s for a 5-minute story`);
  await screenshot(browser, join(artifacts, 'story-finished.png'));
});

test('a story cancelled midway leaves nothing half-made behind', async () => {
  const browser = await launch({ INFINITE_STORIES_DATA_DIR: join(scratch, 'cancelled') });
  await waitForHome(browser);
  await createMia(browser);
  // A 10-minute story takes the debug build long enough to narrate that Cancel lands midway.
  await tellAStory(browser, 10);
  const status = await browser.$('[data-testid="status-line"]');
  await until(browser, async () => /narration|Drawing/i.test(await status.getText()), 'the story to be past its writing', 120_000);
  await click(browser, 'button=Cancel');
  await (await browser.$('p*=The story was stopped')).waitForExist({ timeout: 30_000 });
  await screenshot(browser, join(artifacts, 'story-cancelled.png'));

  // Nothing of it stays: no story in the library, locally or on the backend.
  await until(
    browser,
    async () => {
      const synced = await invoke(browser, 'sync_library');
      const stories = await invoke(browser, 'list_stories');
      return synced.ok && stories.ok && stories.value.length === 0;
    },
    'the cancelled story to be gone',
    30_000,
  );
});
