// The story open in the reader: its text laid out for read-along, its scenes in telling order,
// its pictures (and retrying the ones that failed), and making the narration of a story that
// has none yet.
import { AppError, type Api } from '$lib/ipc/api';
import type { EventPayloads, IllustrationState, Scene, StoryDetail } from '$lib/ipc/bindings';
import type { PlayerApi } from '$lib/ipc/player';
import { layoutText, orderedScenes, type TextLayout } from './readAlong';

export type StoryApi = Pick<Api, 'getStory' | 'retryIllustration'> & Pick<PlayerApi, 'storyTimings' | 'makeNarration'>;
export type SubscribeProgress = (
  name: 'story://progress',
  handler: (p: EventPayloads['story://progress']) => void,
) => () => void;

const EMPTY: TextLayout = { words: [], paragraphs: [], paragraphOfWord: [] };

export class ReaderStory {
  story = $state.raw<StoryDetail | null>(null);
  layout = $state.raw<TextLayout>(EMPTY);
  scenes = $derived<Scene[]>(orderedScenes(this.story?.scenes ?? []));
  loading = $state(false);
  /** Loading the story failed. */
  error = $state<AppError | null>(null);
  /** Making the narration: how far (0–1) and the status line; null when not making it. */
  narrating = $state<{ progress: number; status: string } | null>(null);
  narrationError = $state<AppError | null>(null);
  /** Scene numbers whose picture is being drawn again. */
  retrying = $state<number[]>([]);
  retryError = $state<AppError | null>(null);

  #api: StoryApi;
  #subscribe: SubscribeProgress;
  #wanted = $state<string | null>(null);

  constructor(api: StoryApi, subscribe: SubscribeProgress) {
    this.#api = api;
    this.#subscribe = subscribe;
  }

  get id(): string | null {
    return this.#wanted;
  }

  get hasNarration(): boolean {
    return this.story?.narrationKey != null;
  }

  /** Loads a story and its word timings (a story without timings still reads, unlit). */
  async load(id: string): Promise<void> {
    this.#wanted = id;
    this.loading = true;
    this.error = null;
    try {
      const story = await this.#api.getStory({ id });
      const timings = story.narrationKey ? await this.#api.storyTimings({ storyId: id }).catch(() => []) : [];
      if (this.#wanted !== id) return; // another story was asked for meanwhile
      this.story = story;
      this.layout = layoutText(story.content, timings);
    } catch (e: unknown) {
      if (this.#wanted === id) this.error = AppError.from(e);
    } finally {
      if (this.#wanted === id) this.loading = false;
    }
  }

  illustration(sceneNumber: number): IllustrationState | undefined {
    return this.story?.illustrations.find((i) => i.sceneNumber === sceneNumber);
  }

  /** Narrates a story that has no narration yet; true when it now has one. */
  async makeNarration(): Promise<boolean> {
    const story = this.story;
    if (!story) return false;
    const id = story.summary.id;
    this.narrating = { progress: 0, status: '' };
    this.narrationError = null;
    const stop = this.#subscribe('story://progress', (p) => {
      if (p.storyId === id && this.narrating) this.narrating = { progress: p.progress, status: p.status };
    });
    try {
      const made = await this.#api.makeNarration({ storyId: id });
      if (this.#wanted !== id) return false;
      const timings = await this.#api.storyTimings({ storyId: id }).catch(() => []);
      this.story = made;
      this.layout = layoutText(made.content, timings);
      return made.narrationKey != null;
    } catch (e: unknown) {
      this.narrationError = AppError.from(e);
      return false;
    } finally {
      stop();
      this.narrating = null;
    }
  }

  /** Draws one scene's picture again. */
  async retryPicture(sceneNumber: number): Promise<void> {
    const story = this.story;
    if (!story || this.retrying.includes(sceneNumber)) return;
    this.retrying = [...this.retrying, sceneNumber];
    this.retryError = null;
    try {
      const updated = await this.#api.retryIllustration({ storyId: story.summary.id, sceneNumber });
      if (this.#wanted === story.summary.id) this.story = updated;
    } catch (e: unknown) {
      this.retryError = AppError.from(e);
    } finally {
      this.retrying = this.retrying.filter((n) => n !== sceneNumber);
    }
  }
}
