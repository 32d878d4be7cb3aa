// Making one story, live: the request (with an id the UI chose, so it can be cancelled), the
// stages and per-scene pictures as `story://progress` reports them (the core drives that event
// from realtime illustration UPDATEs and progress broadcasts; nothing here polls), the finished
// story, and "Try this picture again" for a scene that could not be drawn.
import { AppError, type Api } from '$lib/ipc/api';
import type { GenerationProgress, StoryDetail } from '$lib/ipc/bindings';
import { subscribe } from '$lib/ipc/events';
import type { GenerateRequest, Language, StoryEvent, Voice } from '$lib/ipc/bindings';

export type MakingPhase = 'idle' | 'making' | 'done' | 'failed' | 'cancelled';
export type SceneStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface StoryChoice {
  heroId: string;
  event: StoryEvent;
  lengthMinutes: number;
  language: Language;
  voice: Voice;
  illustrations: boolean;
}

type MakingApi = Pick<Api, 'generateStory' | 'cancelGeneration' | 'retryIllustration' | 'getStory'>;

const asStatus = (s: string | undefined): SceneStatus | undefined =>
  s === 'pending' || s === 'processing' || s === 'completed' || s === 'failed' ? s : undefined;

export class StoryMaking {
  phase = $state<MakingPhase>('idle');
  choice = $state<StoryChoice | null>(null);
  progress = $state<GenerationProgress | null>(null);
  story = $state<StoryDetail | null>(null);
  error = $state<AppError | null>(null);
  cancelling = $state(false);
  /** Scenes whose picture is being drawn again at the parent's request. */
  retrying = $state<number[]>([]);
  requestId: string | null = null;

  /** Called with the error of a request a limit refused (the countdown takes it). */
  onRateLimited: (retryAfter: number) => void = () => {};

  #api: MakingApi;
  #subscribe: typeof subscribe;
  #newId: () => string;
  #stopListening: (() => void) | null = null;

  constructor(
    api: MakingApi,
    subscribeTo: typeof subscribe = subscribe,
    newId: () => string = () => crypto.randomUUID(),
  ) {
    this.#api = api;
    this.#subscribe = subscribeTo;
    this.#newId = newId;
  }

  /** Starts a story and resolves when it is made, failed or was cancelled (see `phase`). */
  async tell(choice: StoryChoice): Promise<void> {
    const requestId = this.#newId();
    this.requestId = requestId;
    this.choice = choice;
    this.phase = 'making';
    this.story = null;
    this.error = null;
    this.cancelling = false;
    this.retrying = [];
    this.progress = { requestId, storyId: null, stage: 'writing', progress: 0, status: '', scenes: [] };
    this.#stopListening?.();
    this.#stopListening = this.#subscribe('story://progress', (p) => {
      if (p.requestId === requestId) this.#onProgress(p);
    });
    const request: GenerateRequest = {
      requestId,
      story: {
        heroId: choice.heroId,
        event: choice.event,
        targetDuration: choice.lengthMinutes * 60,
        language: choice.language,
        voice: choice.voice,
      },
      narration: true,
      illustrations: choice.illustrations,
    };
    try {
      const story = await this.#api.generateStory({ request });
      if (this.requestId !== requestId) return;
      this.story = story;
      this.phase = 'done';
    } catch (e: unknown) {
      if (this.requestId !== requestId) return;
      const error = AppError.from(e);
      if (error.code === 'CANCELLED' || this.cancelling) {
        this.phase = 'cancelled';
        this.#stop();
        return;
      }
      if (error.code === 'RATE_LIMITED' && error.retryAfter) this.onRateLimited(error.retryAfter);
      this.error = error;
      this.phase = 'failed';
    } finally {
      this.cancelling = false;
    }
  }

  async cancel(): Promise<void> {
    if (this.phase !== 'making' || !this.requestId) return;
    this.cancelling = true;
    try {
      await this.#api.cancelGeneration({ requestId: this.requestId });
    } catch (e: unknown) {
      this.cancelling = false;
      this.error = AppError.from(e);
    }
  }

  /** The state of scene `n`'s picture: the story's own record, made live by progress events. */
  sceneStatus(n: number): SceneStatus {
    const saved = asStatus(this.story?.illustrations.find((i) => i.sceneNumber === n)?.status);
    if (saved === 'completed') return 'completed';
    if (this.retrying.includes(n)) return 'processing';
    const live = asStatus(this.progress?.scenes.find((s) => s.sceneNumber === n)?.status);
    return live ?? saved ?? 'pending';
  }

  /** Scene numbers, from the story once known, else from progress. */
  get sceneNumbers(): number[] {
    const fromStory = this.story?.illustrations.map((i) => i.sceneNumber) ?? [];
    const numbers = fromStory.length ? fromStory : (this.progress?.scenes.map((s) => s.sceneNumber) ?? []);
    return [...numbers].sort((a, b) => a - b);
  }

  get failedScenes(): number[] {
    return this.sceneNumbers.filter((n) => this.sceneStatus(n) === 'failed');
  }

  async retryIllustration(sceneNumber: number): Promise<void> {
    const storyId = this.story?.summary.id;
    if (!storyId || this.retrying.includes(sceneNumber)) return;
    this.retrying = [...this.retrying, sceneNumber];
    try {
      this.story = await this.#api.retryIllustration({ storyId, sceneNumber });
      if (this.progress) {
        const status = this.story.illustrations.find((i) => i.sceneNumber === sceneNumber)?.status ?? 'failed';
        this.progress = {
          ...this.progress,
          scenes: this.progress.scenes.map((s) => (s.sceneNumber === sceneNumber ? { ...s, status } : s)),
        };
      }
    } catch (e: unknown) {
      this.error = AppError.from(e);
    } finally {
      this.retrying = this.retrying.filter((n) => n !== sceneNumber);
    }
  }

  /** The story a failed generation had already saved (its text was written), if any. */
  get savedStoryId(): string | null {
    return this.phase === 'failed' ? (this.progress?.storyId ?? null) : null;
  }

  /** Opens what a failed generation had already saved. */
  async openSaved(): Promise<void> {
    const id = this.savedStoryId;
    if (!id) return;
    try {
      this.story = await this.#api.getStory({ id });
      this.error = null;
      this.phase = 'done';
    } catch (e: unknown) {
      this.error = AppError.from(e);
    }
  }

    /** Back to choosing; stops following the last story. */
  reset(): void {
    this.#stop();
    this.requestId = null;
    this.phase = 'idle';
    this.progress = null;
    this.story = null;
    this.error = null;
  }

  #onProgress(p: GenerationProgress): void {
    const before = this.progress;
    this.progress = p;
    // Pictures keep arriving after the story is returned: fetch the story again when one lands,
    // so its image (cache key) shows up.
    const story = this.story;
    if (!story) return;
    const landed = p.scenes.some((s) => {
      const was = before?.scenes.find((b) => b.sceneNumber === s.sceneNumber)?.status;
      return s.status !== was && (s.status === 'completed' || s.status === 'failed');
    });
    if (landed) {
      this.#api
        .getStory({ id: story.summary.id })
        .then((fresh) => {
          if (this.story?.summary.id === fresh.summary.id) this.story = fresh;
        })
        .catch(() => {
          // The picture shows on the next event or when the story is opened again.
        });
    }
  }

  #stop(): void {
    this.#stopListening?.();
    this.#stopListening = null;
  }
}
