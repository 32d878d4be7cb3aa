// The client-side limit on making stories, as a countdown: "the next story can be made in 4:12".
// It follows `limits://changed` (and a RATE_LIMITED answer's retryAfter), never polls the core;
// a local one-second tick only redraws the clock. Time is injected so tests move it by hand.
import type { Api } from '$lib/ipc/api';
import type { LimitStatus } from '$lib/ipc/bindings';
import { subscribe } from '$lib/ipc/events';

export const STORY_ENDPOINT = 'story-generation';

export interface Clock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

export class StoryLimit {
  /** When the next story may be made (ms), or null when one can be made now. */
  readyAt = $state<number | null>(null);
  /** Whole seconds left, redrawn every second while waiting. */
  secondsLeft = $state(0);

  #api: Pick<Api, 'limits'>;
  #subscribe: typeof subscribe;
  #clock: Clock;
  #stopTick: (() => void) | null = null;

  constructor(api: Pick<Api, 'limits'>, subscribeTo: typeof subscribe = subscribe, clock: Clock = realClock) {
    this.#api = api;
    this.#subscribe = subscribeTo;
    this.#clock = clock;
  }

  get blocked(): boolean {
    return this.readyAt !== null;
  }

  start(): () => void {
    let heard = false;
    const stop = this.#subscribe('limits://changed', (limits) => {
      heard = true;
      this.apply(limits);
    });
    this.#api
      .limits()
      .then((limits) => {
        if (!heard) this.apply(limits);
      })
      .catch(() => {
        // No limits known: the button stays enabled and the core still enforces them.
      });
    return () => {
      stop();
      this.#stopTick?.();
      this.#stopTick = null;
    };
  }

  /** Takes the core's buckets; only an empty story bucket blocks. */
  apply(limits: LimitStatus[]): void {
    const story = limits.find((l) => l.endpoint === STORY_ENDPOINT);
    if (!story || story.remaining > 0 || story.nextInSeconds === null) this.waitFor(0);
    else this.waitFor(story.nextInSeconds);
  }

  /** Blocks for `seconds` (0 clears the block), e.g. from a RATE_LIMITED error's retryAfter. */
  waitFor(seconds: number): void {
    if (seconds <= 0) {
      this.#clear();
      return;
    }
    this.readyAt = this.#clock.now() + seconds * 1000;
    this.#tick();
    this.#stopTick ??= this.#clock.every(1000, () => this.#tick());
  }

  #tick(): void {
    if (this.readyAt === null) return;
    const left = Math.ceil((this.readyAt - this.#clock.now()) / 1000);
    if (left <= 0) this.#clear();
    else this.secondsLeft = left;
  }

  #clear(): void {
    this.readyAt = null;
    this.secondsLeft = 0;
    this.#stopTick?.();
    this.#stopTick = null;
  }
}
