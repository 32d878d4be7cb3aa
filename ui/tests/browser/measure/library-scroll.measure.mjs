// A measurement, not a test (not in `npm run test:browser`; run with `npm run measure:scroll`):
// how smoothly the library page scrolls through 10,000 stories, in Chromium over the scripted
// core (harness.html?scenario=pages-10k). The page records every animation frame's interval
// (requestAnimationFrame) and every long task (> 50 ms, PerformanceObserver) while it is
// scrolled three ways: wheel steps as a mouse wheel gives them, a steady fast drag (2,000 px a
// frame, ~40 pages a second), and jumps to random places (the scrollbar grabbed). Prints frame
// p50 / p95 / max per way and in all, the frames over 33 ms and the long tasks, with the machine.
// The scripted core answers a page in the same task (no IPC hop); its own filtering and sorting
// of the 10,000 stories is inside the figures (the real core does that in SQLite, off the UI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpus, loadavg } from 'node:os';
import { open, useBrowser } from '../support.mjs';

useBrowser();

/** @param {number[]} xs @param {number} p */
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const ms = (/** @type {number} */ x) => `${x.toFixed(1)} ms`;

test('scrolling a library of 10,000 stories: frame times', async () => {
  const { page, errors, close } = await open('scenario=pages-10k&area=library', { lenient: true });
  await page.locator('.count').getByText('10,000 stories', { exact: true }).waitFor();
  await page.getByTestId('story-card').first().waitFor();
  const scroller = page.getByTestId('library-scroller');
  const box = await scroller.boundingBox();
  assert.ok(box, 'the grid is on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

  // Start recording in the page: frame intervals and long tasks, tagged with the current phase.
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    w.__long = [];
    w.__phase = 'idle';
    let last = performance.now();
    const tick = (/** @type {number} */ now) => {
      w.__frames.push([w.__phase, now - last]);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([w.__phase, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
  });
  const phase = (/** @type {string} */ name) => page.evaluate((n) => (/** @type {any} */ (window).__phase = n), name);

  // 1. Mouse wheel: 300 notches of 100 px, one per ~16 ms (about 30,000 px, ~90 rows of cards).
  await phase('wheel');
  for (let i = 0; i < 300; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
  // 2. A fast steady drag: 2,000 px every frame for 4 s, driven inside the page.
  await phase('fast');
  await scroller.evaluate(
    (el) =>
      new Promise((done) => {
        const end = performance.now() + 4000;
        const step = () => {
          el.scrollTop += 2000;
          if (performance.now() < end && el.scrollTop + el.clientHeight < el.scrollHeight) requestAnimationFrame(step);
          else done(undefined);
        };
        requestAnimationFrame(step);
      }),
  );
  // 3. Jumps anywhere (the scrollbar grabbed and dropped): 60 places, one every 50 ms.
  await phase('jumps');
  await scroller.evaluate(
    (el) =>
      new Promise((done) => {
        let n = 0;
        let seed = 7;
        const jump = () => {
          seed = (seed * 16807) % 2147483647;
          el.scrollTop = (seed / 2147483647) * el.scrollHeight;
          if (++n < 60) setTimeout(jump, 50);
          else setTimeout(done, 200);
        };
        jump();
      }),
  );
  await phase('done');
  const { frames, long, rendered, fetched } = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__stop = true;
    return {
      frames: /** @type {[string, number][]} */ (w.__frames),
      long: /** @type {[string, number][]} */ (w.__long),
      rendered: document.querySelectorAll('[data-testid=story-card]').length,
      fetched: w.mockPages.calls.filter((/** @type {{cmd: string}} */ c) => c.cmd === 'search_library').length,
    };
  });
  const lines = [];
  for (const name of ['wheel', 'fast', 'jumps', 'all']) {
    const f = frames.filter(([p]) => (name === 'all' ? ['wheel', 'fast', 'jumps'].includes(p) : p === name)).map(([, d]) => d);
    const l = long.filter(([p]) => (name === 'all' ? p !== 'idle' : p === name)).map(([, d]) => d);
    assert.ok(f.length > 10, `frames were recorded while ${name}`);
    lines.push(
      `${name.padEnd(6)} ${String(f.length).padStart(5)} frames: p50 ${ms(pct(f, 50))}, p95 ${ms(pct(f, 95))}, ` +
        `max ${ms(Math.max(...f))}; over 33 ms: ${f.filter((d) => d > 33.4).length}; ` +
        `long tasks: ${l.length}${l.length ? ` (longest ${ms(Math.max(...l))})` : ''}`,
    );
  }
  const cpu = cpus();
  console.log(
    [
      `library scroll, 10,000 stories, ${await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0])} headless, 1200×780`,
      `machine: ${cpu.length} × ${cpu[0]?.model}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
      ...lines,
      `${rendered} cards in the page at the end; ${fetched} pages of 40 fetched in all`,
    ].join('\n'),
  );
  assert.deepEqual(errors, []);
  await close();
});
