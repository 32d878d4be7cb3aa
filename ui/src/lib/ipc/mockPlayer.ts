// A scripted player for the browser harness: it answers the player commands (and get_story,
// retry_illustration) like the shell's player, and moves only when the test says so — time is
// pushed with `advance(seconds)`, which emits `player://state` as the real player does.
import { emit } from '@tauri-apps/api/event';
import type { IpcError, PlayerState, SleepTimer, SleepTimerState, StoryDetail, Unfinished, WordTiming } from './bindings';
import { mockStories, narrate, type MockStory } from './mockPlayerStories';

export type ReaderScenario =
  | 'reader'
  | 'reader-resume'
  | 'reader-no-narration'
  | 'reader-failed'
  | 'reader-no-sound'
  | 'reader-interrupted';

/** What a scenario opens, and the state of the player when it starts. */
const SCENARIOS: Record<ReaderScenario, { storyId: string; queue: string[] | null }> = {
  reader: { storyId: 'moon-garden', queue: ['moon-garden', 'quiet-lake', 'owl-lanterns'] },
  'reader-resume': { storyId: 'moon-garden', queue: null },
  'reader-no-narration': { storyId: 'owl-lanterns', queue: null },
  'reader-failed': { storyId: 'quiet-lake', queue: null },
  'reader-no-sound': { storyId: 'moon-garden', queue: null },
  'reader-interrupted': { storyId: 'night-train', queue: null },
};

const FADE_SECONDS = 20;
const NO_DEVICE =
  "No sound device is available (no default output device). The story's text and pictures are still here; connect speakers or headphones, then press play again.";

/** Controls for a test (window.mockPlayer). */
export interface MockPlayer {
  /** Every player command received, in order, with its arguments. */
  readonly calls: { cmd: string; args: Record<string, unknown> }[];
  /** Lets `seconds` of listening pass at the current speed and emits `player://state`. */
  advance(seconds: number): Promise<void>;
  /** The player's current state. */
  state(): PlayerState;
  /** Finishes a make_narration in flight (its progress events come first). */
  finishNarration(): Promise<void>;
  /** Ends a finish_story in flight: everything it lacked is made. */
  finishStory(): Promise<void>;
  /** A story of the scripted library, as get_story and story_timings answer. */
  story(id: string): { detail: StoryDetail; timings: WordTiming[] };
}

export interface ReaderMock {
  /** The story to open and its queue. */
  open: { storyId: string; queue: string[] | null };
  /** Answers a command, or returns `undefined` when it is not one of the reader's. */
  handle(cmd: string, args: Record<string, unknown>): unknown;
  controls: MockPlayer;
}

/** What a story lacks, as the core's `Core::unfinished` judges it. */
export function unfinishedOf(detail: StoryDetail): Unfinished {
  const done = (n: number) => detail.illustrations.some((i) => i.sceneNumber === n && i.status === 'completed');
  return {
    pictures: detail.scenes.map((s) => s.sceneNumber).filter((n) => !done(n)),
    narration: detail.narrationKey === null,
    interrupted:
      detail.illustrations.some((i) => i.status !== 'completed') ||
      (detail.illustrations.length > 0 && detail.illustrations.length < detail.scenes.length),
  };
}

const fail = (code: string, message: string, retryable = false) => {
  throw { code, message, retryable } as unknown as IpcError;
};

export function readerMock(scenario: ReaderScenario): ReaderMock {
  const stories = mockStories();
  const calls: MockPlayer['calls'] = [];
  let state: PlayerState = {
    story: null, status: 'stopped', playing: false, position: 0, duration: 0, speed: 1, volume: 1,
    sleepTimer: null, queueIndex: null, queueLength: 0, resumesAfterSleep: false, outputError: null,
  };
  let queue: string[] = [];
  let sleptAt: number | null = null;
  let fadeFrom: number | null = null;
  let finishNarration: (() => void) | null = null;
  let finishing: { requestId: string; end: (how: 'done' | 'cancelled') => void } | null = null;

  const find = (id: unknown): MockStory => stories.get(String(id)) ?? fail('NOT_FOUND', `No story ${String(id)}.`);
  const publish = (next: Partial<PlayerState>): PlayerState => {
    state = { ...state, ...next };
    state.status = state.playing ? 'playing' : state.story ? 'paused' : 'stopped';
    state.resumesAfterSleep = sleptAt !== null;
    void emit('player://state', state);
    return state;
  };
  const load = (id: string, playing: boolean): PlayerState => {
    const s = find(id);
    if (!s.detail.narrationKey) fail('NOT_FOUND', `"${s.detail.summary.title}" has no narration yet.`);
    const index = queue.indexOf(id);
    sleptAt = null;
    return publish({
      story: { storyId: id, title: s.detail.summary.title, artist: s.heroName }, position: 0, duration: s.duration,
      playing, queueIndex: index >= 0 ? index : null, queueLength: queue.length,
    });
  };
  const setTimer = (timer: SleepTimer | null): SleepTimerState | null => {
    fadeFrom = null;
    return timer
      ? { timer, remainingSeconds: timer.kind === 'minutes' ? timer.minutes * 60 : (state.duration - state.position) / state.speed, fading: false }
      : null;
  };

  const commands: Record<string, (a: Record<string, unknown>) => unknown> = {
    get_story: (a) => find(a.id).detail,
    story_timings: (a) => find(a.storyId).timings,
    player_state: () => state,
    open_story: (a) => {
      queue = Array.isArray(a.queue) ? (a.queue as string[]) : [String(a.storyId)];
      load(String(a.storyId), false);
      const opened = publish({ outputError: scenario === 'reader-no-sound' ? NO_DEVICE : null });
      return { state: opened, resumeFrom: scenario === 'reader-resume' ? 95 : null };
    },
    play: () => {
      if (scenario === 'reader-no-sound') {
        publish({ playing: false, outputError: NO_DEVICE });
        fail('NO_AUDIO_DEVICE', NO_DEVICE, true);
      }
      if (sleptAt !== null) {
        const from = sleptAt;
        sleptAt = null;
        return publish({ playing: true, position: from });
      }
      return publish({ playing: true, position: state.position >= state.duration ? 0 : state.position });
    },
    pause: () => publish({ playing: false }),
    stop: () => publish({ playing: false, position: 0 }),
    seek: (a) => publish({ position: Math.min(Math.max(0, Number(a.seconds)), state.duration) }),
    skip: (a) => publish({ position: Math.min(Math.max(0, state.position + Number(a.seconds)), state.duration) }),
    set_speed: (a) => {
      const speed = Number(a.speed);
      if (![0.5, 0.75, 1, 1.25, 1.5, 2].includes(speed)) fail('INVALID_REQUEST', `Speed ${speed} is not one of 0.5, 0.75, 1, 1.25, 1.5, 2.`);
      return publish({ speed });
    },
    set_volume: (a) => publish({ volume: Number(a.volume) }),
    set_sleep_timer: (a) => publish({ sleepTimer: setTimer((a.timer as SleepTimer | null) ?? null) }),
    next_story: () => {
      const next = queue[(state.queueIndex ?? -1) + 1];
      return next ? load(next, state.playing) : state;
    },
    previous_story: () => {
      const previous = queue[(state.queueIndex ?? 0) - 1];
      if (state.position > 3 || !previous) return publish({ position: 0 });
      return load(previous, state.playing);
    },
    make_narration: async (a) => {
      const s = find(a.storyId);
      const requestId = 'narrate-1';
      await emit('story://progress', {
        requestId, storyId: s.detail.summary.id, stage: 'narrating', progress: 0.4,
        status: 'The narrator is reading the story aloud…', scenes: [],
      });
      await new Promise<void>((resolve) => (finishNarration = resolve));
      const { timings, duration } = narrate(s.detail.content);
      s.timings = timings;
      s.duration = duration;
      s.detail = { ...s.detail, narrationKey: `audio:${s.detail.summary.id}`, narrationSeconds: duration };
      return s.detail;
    },
    story_unfinished: (a) => unfinishedOf(find(a.storyId).detail),
    finish_story: async (a) => {
      const s = find(a.storyId);
      const id = s.detail.summary.id;
      const requestId = String(a.requestId);
      const missing = unfinishedOf(s.detail);
      const how = new Promise<'done' | 'cancelled'>((end) => (finishing = { requestId, end }));
      await emit('story://progress', {
        requestId, storyId: id, stage: 'illustrating', progress: 0.25, status: 'Drawing the pictures…',
        scenes: missing.pictures.map((sceneNumber) => ({ sceneNumber, status: 'processing' })),
      });
      const outcome = await how;
      finishing = null;
      if (outcome === 'cancelled') {
        await emit('story://progress', { requestId, storyId: id, stage: 'cancelled', progress: 0.25, status: 'Cancelled.', scenes: [] });
        fail('CANCELLED', 'Cancelled.');
      }
      const { timings, duration } = narrate(s.detail.content);
      s.timings = timings;
      s.duration = duration;
      s.detail = {
        ...s.detail,
        narrationKey: `audio:${id}`,
        narrationSeconds: duration,
        illustrations: s.detail.scenes.map((sc) => ({
          sceneNumber: sc.sceneNumber, status: 'completed', errorMessage: null, cacheKey: `illustration:${id}:${sc.sceneNumber}`,
        })),
      };
      return s.detail;
    },
    cancel_generation: (a) => {
      if (!finishing || finishing.requestId !== a.requestId) return undefined;
      finishing.end('cancelled');
      return true;
    },
    retry_illustration: (a) => {
      const s = find(a.storyId);
      const detail: StoryDetail = {
        ...s.detail,
        illustrations: s.detail.illustrations.map((i) =>
          i.sceneNumber === Number(a.sceneNumber)
            ? { ...i, status: 'completed', errorMessage: null, cacheKey: `illustration:${s.detail.summary.id}:${i.sceneNumber}` }
            : i,
        ),
      };
      s.detail = detail;
      return detail;
    },
  };

  return {
    open: SCENARIOS[scenario],
    handle(cmd, args) {
      const command = commands[cmd];
      if (!command) return undefined;
      calls.push({ cmd, args });
      return command(args);
    },
    controls: {
      calls,
      state: () => state,
      finishNarration: async () => finishNarration?.(),
      finishStory: async () => finishing?.end('done'),
      story: (id) => ({ detail: find(id).detail, timings: find(id).timings }),
      advance: async (seconds) => {
        if (!state.playing) return;
        let position = Math.min(state.position + seconds * state.speed, state.duration);
        let sleep = state.sleepTimer;
        let next: Partial<PlayerState> = {};
        if (sleep && sleep.timer.kind === 'minutes') {
          const left = Math.max(0, sleep.remainingSeconds - seconds);
          if (left < FADE_SECONDS && fadeFrom === null) fadeFrom = state.position + (sleep.remainingSeconds - FADE_SECONDS) * state.speed;
          sleep = { ...sleep, remainingSeconds: left, fading: left < FADE_SECONDS };
          if (left === 0) {
            sleptAt = fadeFrom;
            next = { playing: false, sleepTimer: null };
          }
        }
        if (position >= state.duration) {
          position = state.duration;
          next = { ...next, playing: false, ...(sleep?.timer.kind === 'endOfStory' ? { sleepTimer: null } : {}) };
        }
        state = { ...state, position, sleepTimer: sleep, ...next };
        await emit('player://state', publish({}));
      },
    },
  };
}
