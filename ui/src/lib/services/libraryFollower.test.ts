import { describe, expect, it } from 'vitest';
import { followLibrary } from './libraryFollower';
import type { LibraryPart } from '$lib/ipc/bindings';

/** A fake `subscribe` that lets the test emit `library://changed`. */
function bus() {
  let handler: ((part: LibraryPart) => void) | null = null;
  let stopped = false;
  const subscribe = ((name: string, h: (part: LibraryPart) => void) => {
    expect(name).toBe('library://changed');
    handler = h;
    return () => {
      stopped = true;
    };
  }) as unknown as Parameters<typeof followLibrary>[0];
  return { subscribe, emit: (part: LibraryPart) => handler?.(part), stopped: () => stopped };
}

/** A reload that finishes when the test says so, counting its runs. */
function gatedReload() {
  const gates: (() => void)[] = [];
  let runs = 0;
  const reload = () => {
    runs++;
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { reload, runs: () => runs, finish: async () => { gates.shift()?.(); await settle(); } };
}

describe('followLibrary', () => {
  it('reloads the part that changed, and only that part', () => {
    const { subscribe, emit } = bus();
    const heroes = gatedReload();
    const stories = gatedReload();
    followLibrary(subscribe, { heroes: heroes.reload, stories: stories.reload });
    emit('heroes');
    expect([heroes.runs(), stories.runs()]).toEqual([1, 0]);
    emit('custom_events'); // no reload given for it: nothing happens
    expect([heroes.runs(), stories.runs()]).toEqual([1, 0]);
  });

  it('runs one reload at a time and folds the changes that arrive meanwhile into one more', async () => {
    const { subscribe, emit } = bus();
    const heroes = gatedReload();
    followLibrary(subscribe, { heroes: heroes.reload });
    emit('heroes');
    emit('heroes');
    emit('heroes');
    emit('heroes');
    expect(heroes.runs()).toBe(1);
    await heroes.finish();
    expect(heroes.runs()).toBe(2);
    await heroes.finish();
    expect(heroes.runs()).toBe(2);
    emit('heroes');
    expect(heroes.runs()).toBe(3);
  });

  it('keeps following after a reload fails', async () => {
    const { subscribe, emit } = bus();
    let calls = 0;
    followLibrary(subscribe, {
      stories: async () => {
        calls++;
        throw new Error('offline');
      },
    });
    emit('stories');
    await Promise.resolve();
    await Promise.resolve();
    emit('stories');
    await Promise.resolve();
    expect(calls).toBe(2);
  });

  it('stops listening when stopped', () => {
    const b = bus();
    const stop = followLibrary(b.subscribe, {});
    stop();
    expect(b.stopped()).toBe(true);
  });
});
