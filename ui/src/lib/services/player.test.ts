import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import type { PlayerState, SleepTimer } from '$lib/ipc/player';
import { IDLE, Player, type SubscribePlayer } from './player.svelte';

const at = (over: Partial<PlayerState>): PlayerState => ({ ...IDLE, story: { storyId: 's1', title: 'S1', artist: 'Luna' }, duration: 300, ...over });

/** A scripted player api: each command answers with the state it is given, and records itself. */
function fakeApi(initial: PlayerState = at({})) {
  let state = initial;
  const calls: [string, unknown][] = [];
  const answer = <A = undefined>(name: string, change: (a: A) => Partial<PlayerState>) =>
    vi.fn(async (args?: A) => {
      calls.push([name, args]);
      state = { ...state, ...change(args as A) };
      return state;
    });
  return {
    calls,
    api: {
      openStory: vi.fn(async (args: { storyId: string; queue: string[] | null }) => {
        calls.push(['openStory', args]);
        return { state, resumeFrom: 192 };
      }),
      play: answer('play', () => ({ playing: true })),
      pause: answer('pause', () => ({ playing: false })),
      stop: answer('stop', () => ({ playing: false, position: 0 })),
      seek: answer('seek', (a: { seconds: number }) => ({ position: a.seconds })),
      skip: answer('skip', (a: { seconds: number }) => ({ position: state.position + a.seconds })),
      nextStory: answer('nextStory', () => ({})),
      previousStory: answer('previousStory', () => ({})),
      setSpeed: answer('setSpeed', (a: { speed: number }) => ({ speed: a.speed })),
      setVolume: answer('setVolume', (a: { volume: number }) => ({ volume: a.volume })),
      setSleepTimer: answer('setSleepTimer', (_: { timer: SleepTimer | null }) => ({})),
      playerState: vi.fn(async () => state),
    },
  };
}

function fakeEvents() {
  let handler: ((s: PlayerState) => void) | undefined;
  const subscribe: SubscribePlayer = (name, h) => {
    expect(name).toBe('player://state');
    handler = h;
    return () => (handler = undefined);
  };
  return { subscribe, deliver: (s: PlayerState) => handler?.(s), get listening() { return handler !== undefined; } };
}

describe('Player', () => {
  it('follows player://state events, and an event newer than the first answer wins', async () => {
    const events = fakeEvents();
    const { api } = fakeApi(at({ position: 1 }));
    const player = new Player(api, events.subscribe);
    const stop = player.start();
    events.deliver(at({ position: 42, playing: true }));
    await Promise.resolve();
    await Promise.resolve();
    flushSync();
    expect(player.state.position).toBe(42);
    events.deliver(at({ position: 43, playing: true }));
    expect(player.state.position).toBe(43);
    stop();
    expect(events.listening).toBe(false);
  });

  it('keeps the resume offer of the story it opened until it is answered', async () => {
    const { api, calls } = fakeApi();
    const player = new Player(api, fakeEvents().subscribe);
    await player.open('s1', ['s1', 's2']);
    expect(calls[0]).toEqual(['openStory', { storyId: 's1', queue: ['s1', 's2'] }]);
    expect(player.offer).toBe(192);
    await player.resume(true);
    expect(player.offer).toBeNull();
    expect(calls.slice(1)).toEqual([['seek', { seconds: 192 }], ['play', undefined]]);
    expect(player.state.playing).toBe(true);
  });

  it('starting over seeks to 0; pressing play instead also answers the offer', async () => {
    const { api, calls } = fakeApi();
    const player = new Player(api, fakeEvents().subscribe);
    await player.open('s1', null);
    await player.resume(false);
    expect(calls.slice(1)).toEqual([['seek', { seconds: 0 }], ['play', undefined]]);
    await player.open('s1', null);
    await player.play();
    expect(player.offer).toBeNull();
  });

  it('toggles, clamps seeks at 0, and steps the speed along the menu without passing its ends', async () => {
    const { api, calls } = fakeApi();
    const player = new Player(api, fakeEvents().subscribe);
    await player.toggle();
    await player.toggle();
    await player.seek(-5);
    expect(calls.map((c) => c[0])).toEqual(['play', 'pause', 'seek']);
    expect(calls[2]?.[1]).toEqual({ seconds: 0 });
    for (let i = 0; i < 5; i++) await player.stepSpeed(1);
    expect(player.state.speed).toBe(2);
    expect(await player.stepSpeed(1)).toBe(false);
    for (let i = 0; i < 6; i++) await player.stepSpeed(-1);
    expect(player.state.speed).toBe(0.5);
    expect(calls.filter((c) => c[0] === 'setSpeed').map((c) => c[1])).toEqual([
      { speed: 1.25 }, { speed: 1.5 }, { speed: 2 }, { speed: 1.5 }, { speed: 1.25 }, { speed: 1 }, { speed: 0.75 }, { speed: 0.5 },
    ]);
  });

  it('keeps a failed command as an AppError and clears it on the next success', async () => {
    const { api } = fakeApi();
    api.play.mockRejectedValueOnce({ code: 'NO_AUDIO_DEVICE', message: 'No sound device is available.', retryable: true });
    const player = new Player(api, fakeEvents().subscribe);
    expect(await player.play()).toBe(false);
    expect(player.error?.message).toBe('No sound device is available.');
    expect(player.error?.retryable).toBe(true);
    expect(await player.play()).toBe(true);
    expect(player.error).toBeNull();
  });

  it('knows whether the queue has a next story', () => {
    const player = new Player(fakeApi().api, fakeEvents().subscribe);
    player.state = at({ queueLength: 2, queueIndex: 0 });
    expect(player.hasNext).toBe(true);
    player.state = at({ queueLength: 2, queueIndex: 1 });
    expect(player.hasNext).toBe(false);
    player.state = at({ queueLength: 0, queueIndex: null });
    expect(player.hasNext).toBe(false);
  });
});
