import { describe, expect, it, vi } from 'vitest';
import type { GenerationProgress, StoryDetail } from '$lib/ipc/bindings';
import { mockStories } from '$lib/ipc/mockPlayerStories';
import { ReaderStory, type SubscribeProgress } from './readerStory.svelte';

const library = () => mockStories();

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

function events() {
  let handler: ((p: GenerationProgress) => void) | undefined;
  const subscribe: SubscribeProgress = (name, h) => {
    expect(name).toBe('story://progress');
    handler = h;
    return () => (handler = undefined);
  };
  return { subscribe, deliver: (p: GenerationProgress) => handler?.(p), get listening() { return handler !== undefined; } };
}

function api(stories = library()) {
  return {
    getStory: vi.fn(async ({ id }: { id: string }) => {
      const s = stories.get(id);
      if (!s) throw { code: 'NOT_FOUND', message: `No story ${id}.`, retryable: false };
      return s.detail;
    }),
    storyTimings: vi.fn(async ({ storyId }: { storyId: string }) => stories.get(storyId)?.timings ?? []),
    makeNarration: vi.fn(async ({ storyId }: { storyId: string }): Promise<StoryDetail> => {
      const s = stories.get(storyId)!;
      return { ...s.detail, narrationKey: `audio:${storyId}`, narrationSeconds: 60 };
    }),
    retryIllustration: vi.fn(async ({ storyId, sceneNumber }: { storyId: string; sceneNumber: number }) => {
      const s = stories.get(storyId)!;
      return {
        ...s.detail,
        illustrations: s.detail.illustrations.map((i) =>
          i.sceneNumber === sceneNumber ? { ...i, status: 'completed' as const, cacheKey: `k${sceneNumber}`, errorMessage: null } : i,
        ),
      };
    }),
  };
}

describe('ReaderStory', () => {
  it('loads a story, lays out its text with the narrator timings and orders its scenes', async () => {
    const story = new ReaderStory(api(), events().subscribe);
    await story.load('moon-garden');
    expect(story.story?.summary.title).toBe('Mia and the Moon Garden');
    expect(story.layout.paragraphs).toHaveLength(7);
    expect(story.layout.words.length).toBeGreaterThan(200);
    const content = story.story!.content;
    const zoe = story.layout.words.find((w) => content.slice(w.from, w.to) === 'Zoé');
    expect(zoe).toBeDefined();
    expect(story.scenes.map((s) => s.sceneNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(story.hasNarration).toBe(true);
  });

  it('shows only the story asked for last when two loads overlap', async () => {
    const a = api();
    const slow = deferred<StoryDetail>();
    const first = library().get('moon-garden')!.detail;
    a.getStory.mockImplementationOnce(() => slow.promise);
    const story = new ReaderStory(a, events().subscribe);
    const loadingFirst = story.load('moon-garden');
    await story.load('quiet-lake');
    slow.resolve(first);
    await loadingFirst;
    expect(story.story?.summary.id).toBe('quiet-lake');
    expect(story.loading).toBe(false);
  });

  it('keeps a load failure as an error', async () => {
    const story = new ReaderStory(api(), events().subscribe);
    await story.load('nope');
    expect(story.error?.code).toBe('NOT_FOUND');
    expect(story.story).toBeNull();
  });

  it('makes the narration, following only its own story progress, then has timings', async () => {
    const e = events();
    const a = api();
    const done = deferred<StoryDetail>();
    a.makeNarration.mockImplementationOnce(() => done.promise);
    const story = new ReaderStory(a, e.subscribe);
    await story.load('owl-lanterns');
    expect(story.hasNarration).toBe(false);
    expect(story.layout.words).toEqual([]);
    const making = story.makeNarration();
    const progress = (storyId: string, p: number): GenerationProgress => ({
      requestId: 'r', storyId, stage: 'narrating', progress: p, status: `${storyId} ${p}`, scenes: [],
    });
    e.deliver(progress('other-story', 0.9));
    e.deliver(progress('owl-lanterns', 0.5));
    expect(story.narrating).toEqual({ progress: 0.5, status: 'owl-lanterns 0.5' });
    const narrated = library().get('owl-lanterns')!.detail;
    done.resolve({ ...narrated, narrationKey: 'audio:owl-lanterns', narrationSeconds: 50 });
    a.storyTimings.mockResolvedValueOnce(library().get('moon-garden')!.timings.slice(0, 3));
    expect(await making).toBe(true);
    expect(story.hasNarration).toBe(true);
    expect(story.layout.words).toHaveLength(3);
    expect(story.narrating).toBeNull();
    expect(e.listening).toBe(false);
  });

  it('draws a failed picture again and reports a retry that fails', async () => {
    const a = api();
    const story = new ReaderStory(a, events().subscribe);
    await story.load('quiet-lake');
    expect(story.illustration(2)?.status).toBe('failed');
    await story.retryPicture(2);
    expect(a.retryIllustration).toHaveBeenCalledWith({ storyId: 'quiet-lake', sceneNumber: 2 });
    expect(story.illustration(2)?.status).toBe('completed');
    expect(story.retrying).toEqual([]);
    a.retryIllustration.mockRejectedValueOnce({ code: 'RATE_LIMITED', message: 'Try again in a minute.', retryable: true });
    await story.retryPicture(4);
    expect(story.retryError?.message).toBe('Try again in a minute.');
    expect(story.illustration(4)?.status).toBe('failed');
  });
});
