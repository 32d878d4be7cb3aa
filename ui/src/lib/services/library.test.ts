import { describe, expect, it, vi } from 'vitest';
import { Library, PAGE_SIZE, SEARCH_DELAY_MS } from './library.svelte';
import type { LibraryCard, LibraryQuery } from '$lib/ipc/bindings';

const card = (i: number): LibraryCard => ({
  id: `s${i}`, title: `Story ${i}`, heroId: null, heroName: null, event: null, lengthSeconds: 300, language: 'en',
  createdAt: i, lastHeardAt: null, listening: 'new', isFavorite: false, offlineReady: true, coverKey: null, snippet: null,
});

/** A core of `total` stories that records the queries it was asked. */
function core(total: number) {
  const queries: LibraryQuery[] = [];
  const api = {
    searchLibrary: vi.fn(async ({ query }: { query: LibraryQuery }) => {
      queries.push(query);
      const n = Math.max(0, Math.min(query.limit, total - query.offset));
      return { cards: Array.from({ length: n }, (_, k) => card(query.offset + k)), total };
    }),
    setStoryFavorite: vi.fn(async ({ id, favorite }: { id: string; favorite: boolean }) => ({ ...card(0), id, isFavorite: favorite })),
    deleteStories: vi.fn(async ({ ids }: { ids: string[] }) => ids.length),
  };
  return { api, queries };
}

/** Timers a test moves by hand. */
function manualTimers() {
  let pending: (() => void) | null = null;
  return {
    timers: { set: (fn: () => void, ms: number) => { expect(ms).toBe(SEARCH_DELAY_MS); pending = fn; return 1; }, clear: () => (pending = null) },
    fire: () => { const fn = pending; pending = null; fn?.(); },
  };
}

describe('Library', () => {
  it('refreshes the pages shown in place when the library changes underneath', async () => {
    let total = 100;
    const queries: LibraryQuery[] = [];
    const api = {
      searchLibrary: vi.fn(async ({ query }: { query: LibraryQuery }) => {
        queries.push(query);
        const n = Math.max(0, Math.min(query.limit, total - query.offset));
        return { cards: Array.from({ length: n }, (_, k) => ({ ...card(query.offset + k), title: `v${total} ${query.offset + k}` })), total };
      }),
      setStoryFavorite: vi.fn(),
      deleteStories: vi.fn(),
    };
    const lib = new Library(api as never);
    await lib.reload();
    lib.ensure(80, 100);
    await vi.waitFor(() => expect(lib.cardAt(99)).not.toBeNull());
    queries.length = 0;

    // Another computer deleted 30 stories: the two pages shown are read again; the grid keeps
    // its cards while they load (never "loading"), and the page now past the end goes.
    total = 70;
    const refreshing = lib.refresh();
    expect(lib.status).toBe('ready');
    expect(lib.cardAt(0)?.title).toBe('v100 0');
    await refreshing;
    expect(queries.map((q) => q.offset).sort((a, b) => a - b)).toEqual([0, 80]);
    expect(lib.total).toBe(70);
    expect(lib.cardAt(0)?.title).toBe('v70 0');
    expect(lib.cardAt(80)).toBeNull();
    expect(lib.loadedIds()).toHaveLength(PAGE_SIZE);
  });

  it('loads only the pages the visible range needs', async () => {
    const { api, queries } = core(10_000);
    const lib = new Library(api);
    await lib.reload();
    expect(lib.total).toBe(10_000);
    lib.ensure(9_990, 10_010);
    await vi.waitFor(() => expect(lib.cardAt(9_999)?.id).toBe('s9999'));
    expect(queries.map((q) => q.offset)).toEqual([0, 9_960]);
    expect(queries.every((q) => q.limit === PAGE_SIZE)).toBe(true);
    lib.ensure(9_990, 10_010);
    expect(queries).toHaveLength(2);
    expect(lib.cardAt(5_000)).toBeNull();
  });

  it('searches once typing pauses, with the filters', async () => {
    const { api, queries } = core(3);
    const { timers, fire } = manualTimers();
    const lib = new Library(api, timers);
    await lib.reload();
    lib.search('d');
    lib.search('dra');
    lib.search('dragón ');
    expect(queries).toHaveLength(1);
    lib.language = 'es';
    fire();
    await vi.waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[1]).toMatchObject({ text: 'dragón', language: 'es', offset: 0 });
    expect(lib.filtered).toBe(true);
  });

  it('drops an answer that arrives after a newer query', async () => {
    let release: (() => void) | null = null;
    const { api } = core(5);
    const slow = api.searchLibrary;
    api.searchLibrary = vi.fn(async (args) => {
      if (args.query.sort === 'title') return slow(args);
      await new Promise<void>((r) => (release = r));
      return { cards: [card(99)], total: 1 };
    });
    const lib = new Library(api);
    const first = lib.reload();
    lib.update({ sort: 'title' });
    await vi.waitFor(() => expect(lib.total).toBe(5));
    release!();
    await first;
    expect(lib.total).toBe(5);
    expect(lib.cardAt(0)?.id).toBe('s0');
  });

  it('shows a favourite at once and takes it back when the core refuses', async () => {
    const { api } = core(2);
    api.setStoryFavorite.mockRejectedValueOnce({ code: 'NOT_FOUND', message: 'gone', retryable: false });
    const lib = new Library(api);
    await lib.reload();
    const pending = lib.toggleFavorite(lib.cardAt(1)!);
    expect(lib.cardAt(1)?.isFavorite).toBe(true);
    await pending;
    expect(lib.cardAt(1)?.isFavorite).toBe(false);
    expect(lib.error?.code).toBe('NOT_FOUND');
  });

  it('deletes the selection, leaves select mode and reloads', async () => {
    const { api, queries } = core(4);
    const lib = new Library(api);
    await lib.reload();
    lib.selecting = true;
    lib.toggleSelected('s1');
    lib.toggleSelected('s2');
    lib.toggleSelected('s2');
    expect(await lib.remove([...lib.selected])).toBe(1);
    expect(api.deleteStories).toHaveBeenCalledWith({ ids: ['s1'] });
    expect(lib.selecting).toBe(false);
    expect(queries).toHaveLength(2);
  });

  it('reports a first page that fails as an error state', async () => {
    const { api } = core(0);
    api.searchLibrary.mockRejectedValueOnce({ code: 'BACKEND_UNAVAILABLE', message: 'down', retryable: true });
    const lib = new Library(api);
    await lib.reload();
    expect(lib.status).toBe('error');
    expect(lib.error?.message).toBe('down');
  });
});
