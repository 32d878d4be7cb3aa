// Finishing a story whose making was interrupted (the app closed, a cancel, a timeout): what it
// lacks (`story_unfinished`), and "Finish it" — the missing pictures drawn and the narration
// made by `finish_story`, with live progress and a Cancel like the story being made.
import { AppError, type Api } from '$lib/ipc/api';
import type { StoryDetail, Unfinished } from '$lib/ipc/bindings';
import type { SubscribeProgress } from './readerStory.svelte';

export type FinishApi = Pick<Api, 'storyUnfinished' | 'finishStory' | 'cancelGeneration'>;

let runs = 0;

export class StoryFinisher {
  /** What the story lacks; null until known (or when it cannot be told). */
  unfinished = $state.raw<Unfinished | null>(null);
  /** Finishing: how far (0–1) and the status line; null when not finishing. */
  running = $state<{ progress: number; status: string } | null>(null);
  cancelling = $state(false);
  error = $state<AppError | null>(null);

  #api: FinishApi;
  #subscribe: SubscribeProgress;
  #storyId: string | null = null;
  #requestId: string | null = null;

  constructor(api: FinishApi, subscribe: SubscribeProgress) {
    this.#api = api;
    this.#subscribe = subscribe;
  }

  /** Whether the reader offers "Finish it" (or shows it running). */
  get offered(): boolean {
    return this.running !== null || this.unfinished?.interrupted === true;
  }

  /** Asks what `storyId` lacks. A story that cannot tell simply is not offered to finish. */
  async check(storyId: string): Promise<void> {
    if (this.#storyId !== storyId) {
      this.unfinished = null;
      this.error = null;
    }
    this.#storyId = storyId;
    try {
      const unfinished = await this.#api.storyUnfinished({ storyId });
      if (this.#storyId === storyId) this.unfinished = unfinished;
    } catch {
      if (this.#storyId === storyId) this.unfinished = null;
    }
  }

  /** Finishes the story; the finished story, or null when it was cancelled or failed. */
  async finish(): Promise<StoryDetail | null> {
    const storyId = this.#storyId;
    if (!storyId || this.running) return null;
    const requestId = `finish-${storyId}-${++runs}`;
    this.#requestId = requestId;
    this.running = { progress: 0, status: '' };
    this.cancelling = false;
    this.error = null;
    const stop = this.#subscribe('story://progress', (p) => {
      if (p.requestId === requestId && this.running) this.running = { progress: p.progress, status: p.status };
    });
    try {
      return await this.#api.finishStory({ storyId, requestId });
    } catch (e: unknown) {
      const error = AppError.from(e);
      if (error.code !== 'CANCELLED' && !this.cancelling) this.error = error;
      return null;
    } finally {
      stop();
      this.#requestId = null;
      this.running = null;
      this.cancelling = false;
      // What was finished before a cancel or a failure stays: ask again what is left.
      if (this.#storyId === storyId) await this.check(storyId);
    }
  }

  /** Stops a finish in flight (what was already drawn stays). */
  async cancel(): Promise<void> {
    const requestId = this.#requestId;
    if (!requestId) return;
    this.cancelling = true;
    try {
      await this.#api.cancelGeneration({ requestId });
    } catch (e: unknown) {
      this.cancelling = false;
      this.error = AppError.from(e);
    }
  }
}
