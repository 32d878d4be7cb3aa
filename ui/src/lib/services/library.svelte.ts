// The library as the page sees it: the query (search text debounced, filters, sort), the cards
// loaded so far in pages of 40 (only the pages the visible rows need, so 10,000 stories cost no
// more than 40), favourites, deleting and the select mode.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { AppError } from '$lib/ipc/api';
import type { PagesApi } from '$lib/ipc/pages';
import type { Language, LibraryCard, LibraryQuery, LibrarySort, StoryEvent } from '$lib/ipc/bindings';

export const PAGE_SIZE = 40;
export const SEARCH_DELAY_MS = 250;

type Api = Pick<PagesApi, 'searchLibrary' | 'setStoryFavorite' | 'deleteStories'>;
type Timers = { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Library {
  text = $state('');
  onlyNew = $state(false);
  onlyFavorites = $state(false);
  heroId = $state<string | null>(null);
  event = $state<StoryEvent | null>(null);
  language = $state<Language | null>(null);
  sort = $state<LibrarySort>('newest');

  /** Stories matching the query; null until the first page answers. */
  total = $state<number | null>(null);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<AppError | null>(null);
  selecting = $state(false);
  readonly selected = new SvelteSet<string>();

  readonly #pages = new SvelteMap<number, LibraryCard[]>();
  readonly #inFlight = new Set<number>();
  #generation = 0;
  #debounce: unknown = null;

  constructor(
    private readonly api: Api,
    private readonly timers: Timers = realTimers,
  ) {}

  /** True when any filter or search narrows the library (an empty result is "no results", not "empty"). */
  get filtered(): boolean {
    return Boolean(this.text.trim() || this.onlyNew || this.onlyFavorites || this.heroId || this.event || this.language);
  }

  query(offset: number): LibraryQuery {
    return {
      text: this.text.trim() || null, onlyNew: this.onlyNew, onlyFavorites: this.onlyFavorites, heroId: this.heroId,
      event: this.event, language: this.language, sort: this.sort, offset, limit: PAGE_SIZE,
    };
  }

  /** The search box changed: reload once typing pauses. */
  search(text: string): void {
    this.text = text;
    if (this.#debounce !== null) this.timers.clear(this.#debounce);
    this.#debounce = this.timers.set(() => {
      this.#debounce = null;
      void this.reload();
    }, SEARCH_DELAY_MS);
  }

  /** A filter or the sort changed. */
  update(change: Partial<Pick<Library, 'onlyNew' | 'onlyFavorites' | 'heroId' | 'event' | 'language' | 'sort'>>): void {
    Object.assign(this, change);
    void this.reload();
  }

  clearFilters(): void {
    this.text = '';
    this.update({ onlyNew: false, onlyFavorites: false, heroId: null, event: null, language: null });
  }

  async reload(): Promise<void> {
    this.#generation++;
    this.#pages.clear();
    this.#inFlight.clear();
    this.status = 'loading';
    this.error = null;
    await this.#load(0);
  }

  /**
   * The library changed underneath (another computer's edit, a story made): the pages already
   * shown are read again and replaced as they answer, so the grid neither empties nor jumps.
   */
  async refresh(): Promise<void> {
    if (this.status !== 'ready') return this.reload();
    this.#generation++;
    this.#inFlight.clear();
    const loaded = [...this.#pages.keys()];
    await Promise.all(loaded.map((p) => this.#load(p)));
    // Pages past the new end (stories deleted elsewhere) are dropped.
    const total = this.total ?? 0;
    for (const p of loaded) if (p > 0 && p * PAGE_SIZE >= total) this.#pages.delete(p);
  }

  /** The card at `index`, or null while its page is loading. */
  cardAt(index: number): LibraryCard | null {
    return this.#pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null;
  }

  /** Loads the pages covering cards [start, end). */
  ensure(start: number, end: number): void {
    if (this.total === null) return;
    const last = Math.min(end, this.total) - 1;
    for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
      if (!this.#pages.has(p) && !this.#inFlight.has(p)) void this.#load(p);
    }
  }

  /** Ids of the cards loaded, in order (the reader's queue). */
  loadedIds(): string[] {
    return [...this.#pages.keys()].sort((a, b) => a - b).flatMap((p) => this.#pages.get(p)!.map((c) => c.id));
  }

  async toggleFavorite(card: LibraryCard): Promise<void> {
    const favorite = !card.isFavorite;
    this.#patch(card.id, { isFavorite: favorite });
    try {
      await this.api.setStoryFavorite({ id: card.id, favorite });
    } catch (e) {
      this.#patch(card.id, { isFavorite: !favorite });
      this.error = AppError.from(e);
    }
  }

  /** Deletes stories (the caller asked for confirmation and passed the parent lock). */
  async remove(ids: string[]): Promise<number> {
    const n = await this.api.deleteStories({ ids });
    ids.forEach((id) => this.selected.delete(id));
    if (this.selected.size === 0) this.selecting = false;
    await this.reload();
    return n;
  }

  toggleSelected(id: string): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
  }

  endSelecting(): void {
    this.selecting = false;
    this.selected.clear();
  }

  #patch(id: string, change: Partial<LibraryCard>): void {
    for (const [p, cards] of this.#pages) {
      const i = cards.findIndex((c) => c.id === id);
      if (i >= 0) this.#pages.set(p, cards.map((c, k) => (k === i ? { ...c, ...change } : c)));
    }
  }

  async #load(page: number): Promise<void> {
    const generation = this.#generation;
    this.#inFlight.add(page);
    try {
      const result = await this.api.searchLibrary({ query: this.query(page * PAGE_SIZE) });
      if (generation !== this.#generation) return;
      this.#pages.set(page, result.cards);
      this.total = result.total;
      this.status = 'ready';
    } catch (e) {
      if (generation !== this.#generation) return;
      this.error = AppError.from(e);
      if (page === 0) this.status = 'error';
    } finally {
      if (generation === this.#generation) this.#inFlight.delete(page);
    }
  }
}
