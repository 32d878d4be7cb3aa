import { describe, expect, it, vi } from 'vitest';
import type { GenerationProgress, StoryDetail, Unfinished } from '$lib/ipc/bindings';
import { mockStories } from '$lib/ipc/mockPlayerStories';
import { unfinishedOf } from '$lib/ipc/mockPlayer';
import { StoryFinisher } from './storyFinish.svelte';
import type { SubscribeProgress } from './readerStory.svelte';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup() {
  const story = mockStories().get('night-train')!;
  let left: Unfinished = unfinishedOf(story.detail);
  let handler: ((p: GenerationProgress) => void) | undefined;
  const subscribe: SubscribeProgress = (_, h) => {
    handler = h;
    return () => (handler = undefined);
  };
  const run = { current: deferred<StoryDetail>() };
  const api = {
    storyUnfinished: vi.fn(async (_args: { storyId: string }) => left),
    finishStory: vi.fn(async (_args: { storyId: string; requestId: string }) => run.current.promise),
    cancelGeneration: vi.fn(async (_args: { requestId: string }) => {
      run.current.reject({ code: 'CANCELLED', message: 'Cancelled.', retryable: false });
      return true;
    }),
  };
  const finisher = new StoryFinisher(api, subscribe);
  return {
    finisher, api, run, story,
    deliver: (p: Partial<GenerationProgress>) => handler?.(p as GenerationProgress),
    setLeft: (u: Unfinished) => (left = u),
  };
}

describe('StoryFinisher', () => {
  it('offers an interrupted story and finishes it with its own progress', async () => {
    const { finisher, api, run, story, deliver, setLeft } = setup();
    await finisher.check('night-train');
    expect(finisher.offered).toBe(true);
    expect(finisher.unfinished).toEqual({ pictures: [2, 3], narration: true, interrupted: true });
    const done = finisher.finish();
    const requestId = api.finishStory.mock.calls[0]![0].requestId;
    deliver({ requestId: 'someone-else', progress: 0.9, status: 'Not ours' });
    deliver({ requestId, progress: 0.5, status: 'Drawing the pictures…' });
    expect(finisher.running).toEqual({ progress: 0.5, status: 'Drawing the pictures…' });
    setLeft({ pictures: [], narration: false, interrupted: false });
    run.current.resolve(story.detail);
    expect(await done).toBe(story.detail);
    expect(finisher.running).toBeNull();
    expect(finisher.offered).toBe(false);
  });

  it('a cancel stops the run under its request id and is not an error', async () => {
    const { finisher, api } = setup();
    await finisher.check('night-train');
    const done = finisher.finish();
    await finisher.cancel();
    expect(api.cancelGeneration).toHaveBeenCalledWith({ requestId: api.finishStory.mock.calls[0]![0].requestId });
    expect(await done).toBeNull();
    expect(finisher.error).toBeNull();
    expect(finisher.offered).toBe(true);
  });

  it('a failure is shown and the offer stays', async () => {
    const { finisher, run } = setup();
    await finisher.check('night-train');
    const done = finisher.finish();
    run.current.reject({ code: 'NETWORK', message: 'The story server did not answer.', retryable: true });
    expect(await done).toBeNull();
    expect(finisher.error?.message).toBe('The story server did not answer.');
    expect(finisher.offered).toBe(true);
  });

  it('a story that cannot tell what it lacks is not offered', async () => {
    const { finisher, api } = setup();
    api.storyUnfinished.mockRejectedValueOnce({ code: 'NOT_FOUND', message: 'gone', retryable: false });
    await finisher.check('night-train');
    expect(finisher.offered).toBe(false);
  });
});
