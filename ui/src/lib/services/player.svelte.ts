// The player as the reader sees it: the state the shell's player pushes on `player://state`
// (a few times a second while playing, at once on every change), and the commands that change
// it. The audio itself plays in Rust; this class never keeps time of its own.
import { AppError } from '$lib/ipc/api';
import type { PlayerApi, PlayerState, SleepTimer, Speed } from '$lib/ipc/player';

export type SubscribePlayer = (name: 'player://state', handler: (state: PlayerState) => void) => () => void;

export const SPEEDS: readonly Speed[] = [0.5, 0.75, 1, 1.25, 1.5, 2];
export const SLEEP_MINUTES: readonly number[] = [5, 10, 15, 30, 45, 60];
/** How far the skip buttons and the arrow keys move. */
export const SKIP_SECONDS = 15;

export const IDLE: PlayerState = {
  story: null,
  status: 'stopped',
  playing: false,
  position: 0,
  duration: 0,
  speed: 1,
  volume: 1,
  sleepTimer: null,
  queueIndex: null,
  queueLength: 0,
  resumesAfterSleep: false,
  outputError: null,
};

type Commands = Omit<PlayerApi, 'storyTimings' | 'makeNarration' | 'setVolume'>;

export class Player {
  state = $state<PlayerState>(IDLE);
  /** The last command that failed (cleared by the next one that works). */
  error = $state<AppError | null>(null);
  /** The resume offer of the story just opened, until the parent answers it. */
  offer = $state<number | null>(null);

  #api: Commands;
  #subscribe: SubscribePlayer;

  constructor(api: Commands, subscribe: SubscribePlayer) {
    this.#api = api;
    this.#subscribe = subscribe;
  }

  /** Follows the player; returns the function that stops following. */
  start(): () => void {
    let heard = false;
    const stop = this.#subscribe('player://state', (state) => {
      heard = true;
      this.state = state;
    });
    this.#api
      .playerState()
      .then((state) => {
        if (!heard) this.state = state;
      })
      .catch((e: unknown) => (this.error = AppError.from(e)));
    return stop;
  }

  /** Loads a story (does not start it) and keeps its "continue from" offer. */
  async open(storyId: string, queue: string[] | null): Promise<void> {
    try {
      const opened = await this.#api.openStory({ storyId, queue });
      this.state = opened.state;
      this.offer = opened.resumeFrom;
      this.error = null;
    } catch (e: unknown) {
      this.error = AppError.from(e);
    }
  }

  /** Answers the resume offer: continue where the story was left, or from the start. */
  async resume(continueFromOffer: boolean): Promise<void> {
    const from = continueFromOffer ? (this.offer ?? 0) : 0;
    this.offer = null;
    if (await this.#run(() => this.#api.seek({ seconds: from }))) await this.play();
  }

  play = () => {
    this.offer = null; // playing answers the resume offer: from where the player is
    return this.#run(() => this.#api.play());
  };
  pause = () => this.#run(() => this.#api.pause());
  toggle = () => (this.state.playing ? this.pause() : this.play());
  seek = (seconds: number) => this.#run(() => this.#api.seek({ seconds: Math.max(0, seconds) }));
  skip = (seconds: number) => this.#run(() => this.#api.skip({ seconds }));
  next = () => this.#run(() => this.#api.nextStory());
  previous = () => this.#run(() => this.#api.previousStory());
  setSpeed = (speed: Speed) => this.#run(() => this.#api.setSpeed({ speed }));
  setSleep = (timer: SleepTimer | null) => this.#run(() => this.#api.setSleepTimer({ timer }));

  /** One step faster (or slower) on the speed menu; nothing past its ends. */
  stepSpeed(direction: 1 | -1): Promise<boolean> {
    const now = SPEEDS.reduce((best, s, i) =>
      Math.abs(s - this.state.speed) < Math.abs((SPEEDS[best] ?? 1) - this.state.speed) ? i : best, 0);
    const speed = SPEEDS[now + direction];
    return speed === undefined ? Promise.resolve(false) : this.setSpeed(speed);
  }

  get hasNext(): boolean {
    return this.state.queueIndex !== null && this.state.queueIndex < this.state.queueLength - 1;
  }

  async #run(command: () => Promise<PlayerState>): Promise<boolean> {
    try {
      this.state = await command();
      this.error = null;
      return true;
    } catch (e: unknown) {
      this.error = AppError.from(e);
      return false;
    }
  }
}
