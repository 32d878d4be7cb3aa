import { describe, expect, it } from 'vitest';
import { StoryLimit, type Clock } from './storyLimit.svelte';
import { fakeEvents, settle } from './testing';
import type { LimitStatus } from '$lib/ipc/bindings';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_000_000;
  const ticks = new Set<() => void>();
  const clock: Clock = {
    now: () => now,
    every: (_ms, tick) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  };
  return {
    clock,
    advance(ms: number) {
      for (let i = 0; i < ms / 1000; i++) {
        now += 1000;
        ticks.forEach((t) => t());
      }
    },
    get running() {
      return ticks.size;
    },
  };
}

const bucket = (remaining: number, nextInSeconds: number | null): LimitStatus[] => [
  { endpoint: 'avatar-generation', capacity: 5, remaining: 0, nextInSeconds: 30 },
  { endpoint: 'story-generation', capacity: 3, remaining, nextInSeconds },
];

describe('StoryLimit', () => {
  it('counts down from limits://changed and unblocks at zero', async () => {
    const events = fakeEvents();
    const time = manualClock();
    const limit = new StoryLimit({ limits: async () => bucket(3, null) }, events.subscribe, time.clock);
    const stop = limit.start();
    await settle();
    expect(limit.blocked).toBe(false);
    events.deliver('limits://changed', bucket(0, 252));
    expect(limit.blocked).toBe(true);
    expect(limit.secondsLeft).toBe(252);
    time.advance(2000);
    expect(limit.secondsLeft).toBe(250);
    time.advance(250_000);
    expect(limit.blocked).toBe(false);
    expect(time.running).toBe(0);
    stop();
    expect(events.listeners('limits://changed')).toBe(0);
  });

  it('is not blocked while a story is left, only another endpoint is empty', () => {
    const limit = new StoryLimit({ limits: async () => [] }, fakeEvents().subscribe, manualClock().clock);
    limit.apply(bucket(1, 100));
    expect(limit.blocked).toBe(false);
    limit.apply([]);
    expect(limit.blocked).toBe(false);
  });

  it('keeps an event that arrived before the first answer, and takes a retryAfter', async () => {
    const events = fakeEvents();
    const time = manualClock();
    let answer!: (l: LimitStatus[]) => void;
    const limit = new StoryLimit({ limits: () => new Promise((r) => (answer = r)) }, events.subscribe, time.clock);
    limit.start();
    events.deliver('limits://changed', bucket(0, 60));
    answer(bucket(3, null));
    await settle();
    expect(limit.secondsLeft).toBe(60);
    limit.waitFor(90);
    expect(limit.secondsLeft).toBe(90);
    expect(time.running).toBe(1);
    limit.waitFor(0);
    expect(limit.blocked).toBe(false);
    expect(time.running).toBe(0);
  });
});
