// End-to-end: listening in the real window. A one-minute illustrated story (made through the
// app's own commands, to keep the test short) opens from the library; play moves the position,
// the picture changes when the narration passes a scene's timestamp, the word being said is lit
// and moves on, and tapping a thumbnail listens from that scene. The sound goes to the suite's
// PulseAudio null sink (run.sh), which plays in real time, so every value read here comes from
// the player really playing. Screenshots: the reader by day and its bedtime view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, invoke, launch, scratch, screenshots, until, waitForHome, screenshot } from './support.mjs';

/** Clicks the element `selector` (inside `scope`, a CSS selector, if given) once it can be clicked. */
async function click(browser, selector, scope) {
  const el = scope ? await (await browser.$(scope)).$(selector) : await browser.$(selector);
  await el.waitForClickable({ timeout: 30_000 });
  await el.click();
}

/** Makes Mia and a 60-second illustrated, narrated story about her; returns the story. */
async function oneMinuteStory(browser) {
  const hero = await invoke(browser, 'create_hero', {
    hero: { name: 'Mia', pronouns: 'she', primaryTrait: 'curious', secondaryTrait: 'brave', appearance: 'curly red hair', specialAbility: null },
  });
  assert.equal(hero.ok, true, JSON.stringify(hero));
  const story = await invoke(browser, 'generate_story', {
    request: {
      story: { heroId: hero.value.id, event: { type: 'built_in', data: { event: 'bedtime_adventure' } }, targetDuration: 60, language: 'en' },
      narration: true,
      illustrations: true,
    },
  });
  assert.equal(story.ok, true, JSON.stringify(story));
  return story.value;
}

/** What the reader shows now, read from the DOM. */
async function shown(browser) {
  return browser.execute(() => {
    const range = document.querySelector('[data-testid="transport"] input[type="range"]');
    const stage = document.querySelector('[data-testid="scene-stage"]');
    const said = document.querySelector('[data-testid="story-text"] span.said');
    return {
      position: Number(range?.value ?? NaN),
      elapsed: document.querySelector('[data-testid="elapsed"]')?.textContent ?? '',
      scene: Number(stage?.getAttribute('data-scene') ?? 0),
      picture: stage?.querySelector('.layer.current img')?.getAttribute('src') ?? null,
      word: said ? Number(said.getAttribute('data-w')) : -1,
      wordText: said?.textContent ?? '',
      playing: document.querySelector('[data-testid="play"]')?.getAttribute('aria-label') === 'Pause',
    };
  });
}

test('the reader plays a story: the position moves, pictures follow the scenes, the word is lit, a thumbnail seeks', async () => {
  const browser = await launch({ INFINITE_STORIES_DATA_DIR: join(scratch, 'reader') });
  await waitForHome(browser);
  const story = await oneMinuteStory(browser);
  const scenes = story.scenes.map((s) => s.timestampSeconds);
  assert.ok(scenes.length >= 3, `3 to 8 scenes, got ${scenes.length}`);
  assert.ok(story.narrationSeconds >= 40 && story.narrationSeconds <= 80, `a one-minute story, ${story.narrationSeconds} s`);

  // Day look, then the library: the story's card opens the reader.
  await click(browser, '//nav//div[@role="group"]//button[normalize-space()="Day"]');
  await click(browser, '//nav//button[contains(., "Library")]');
  await click(browser, `[data-testid="story-card"][data-id="${story.summary.id}"] button.open`);
  await (await browser.$(`h1=${story.summary.title}`)).waitForExist({ timeout: 30_000 });
  const play = await browser.$('[data-testid="play"]');
  await play.waitForEnabled({ timeout: 30_000 });
  const start = await shown(browser);
  assert.equal(start.position, 0);
  assert.equal(start.scene, story.scenes[0].sceneNumber);
  assert.equal((await (await browser.$('[data-testid="total"]')).getText()).length > 0, true);

  // Play: the position moves and a word of the story is lit, then the next ones.
  await play.click();
  await until(browser, async () => (await shown(browser)).position >= 2, 'the position to move', 20_000);
  const first = await shown(browser);
  assert.equal(first.playing, true);
  assert.match(first.elapsed, /^0:0[1-9]$/, "the elapsed time moves with the scrubber");
  await until(browser, async () => (await shown(browser)).word >= 0, 'a word to be lit', 10_000);
  const lit = await shown(browser);
  assert.ok(story.content.includes(lit.wordText.trim()), `"${lit.wordText}" is a word of the story`);
  await until(browser, async () => (await shown(browser)).word > lit.word, 'the lit word to move on', 10_000);
  await screenshot(browser, join(screenshots, 'window-reader-day.png'));

  // +15 s until the second scene is less than 15 s ahead; playing on passes its timestamp and the
  // picture changes to the second scene's.
  const second = scenes[1];
  while ((await shown(browser)).position + 15 < second - 1) await click(browser, 'button[aria-label="Forward 15 seconds"]');
  const before = await shown(browser);
  assert.equal(before.scene, story.scenes[0].sceneNumber, `still the first scene at ${before.position} s`);
  await until(browser, async () => (await shown(browser)).scene === story.scenes[1].sceneNumber, 'the second scene', 30_000);
  const after = await shown(browser);
  assert.ok(after.position >= Math.floor(second), `scene 2 shown at ${after.position} s, its timestamp is ${second} s`);
  assert.notEqual(after.picture, before.picture, 'the picture changed');
  assert.match(after.picture ?? '', /^(media:\/\/localhost\/|http:\/\/media\.localhost\/)illustration/);

  // A tap on the last scene's thumbnail listens from its timestamp.
  const last = scenes.length - 1;
  await click(browser, `ol[aria-label] li:nth-child(${last + 1}) button`);
  await until(browser, async () => (await shown(browser)).scene === story.scenes[last].sceneNumber, 'the last scene', 10_000);
  const jumped = await shown(browser);
  assert.ok(Math.abs(jumped.position - scenes[last]) <= 1, `at ${jumped.position} s after tapping scene ${last + 1} (${scenes[last]} s)`);

  // A 15-minute sleep timer, then the bedtime view: very dim, one large play/pause, the timer
  // counting down.
  await click(browser, '[data-testid="sleep-menu"] button.trigger');
  await click(browser, 'button*=15 minutes', '[data-testid="sleep-menu"] [role="menu"]');
  const label = await browser.$('[data-testid="sleep-label"]');
  await until(browser, async () => /^Sleep in 1[45]:\d\d$/.test(await label.getText()), 'the sleep timer to count', 10_000);
  await click(browser, 'button*=Bedtime view');
  await (await browser.$('[data-testid="bedtime"]')).waitForDisplayed({ timeout: 10_000 });
  const countdown = await browser.$('[data-testid="bedtime-sleep"]');
  await until(browser, async () => /1[45]:\d\d/.test(await countdown.getText()), 'the bedtime view to show the timer', 10_000);
  await screenshot(browser, join(screenshots, 'window-reader-bedtime.png'));
  await browser.keys('Escape');
  await (await browser.$('[data-testid="bedtime"]')).waitForExist({ reverse: true, timeout: 10_000 });
  // Pause: the position stops.
  await play.click();
  await until(browser, async () => !(await shown(browser)).playing, 'the pause', 10_000);
  const paused = (await shown(browser)).position;
  await screenshot(browser, join(artifacts, 'reader-paused.png'));
  const state = await invoke(browser, 'player_state');
  assert.equal(state.ok, true, JSON.stringify(state));
  assert.equal(state.value.playing, false);
  assert.ok(Math.abs(state.value.position - paused) <= 1, `the player is at ${state.value.position} s, the scrubber at ${paused} s`);
});
