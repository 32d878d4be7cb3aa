import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, tick, unmount } from 'svelte';
import Tonight from './Tonight.svelte';
import type { Tonight as TonightData } from '$lib/ipc/bindings';

const tonight = vi.fn<() => Promise<TonightData>>();
vi.mock('$lib/ipc/pages', () => ({ pagesApi: { tonight: () => tonight() } }));
const firstScreen = vi.fn();
vi.mock('$lib/services/firstScreen', () => ({ firstScreenShown: () => firstScreen() }));
vi.mock('$lib/ipc/media', () => ({ mediaUrl: (key: string) => `media://localhost/${key}` }));
/** The `library://changed` handlers the component subscribed. */
const libraryHandlers: ((part: string) => void)[] = [];
vi.mock('$lib/ipc/events', () => ({
  subscribe: (name: string, handler: (part: string) => void) => {
    if (name === 'library://changed') libraryHandlers.push(handler);
    return () => libraryHandlers.splice(libraryHandlers.indexOf(handler), 1);
  },
}));

const newest = (id: string, title: string, userId = 'user-1') =>
  ({ userId, newest: { id, title, coverKey: null }, continueListening: null, lastHero: null }) as unknown as TonightData;

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  document.body.innerHTML = '';
  tonight.mockReset();
  firstScreen.mockReset();
});

async function settle() {
  for (let i = 0; i < 5; i++) await tick();
}

describe('Tonight', () => {
  it('reads at once (the core knows last night’s family before the UI’s session arrives), and again when it does', async () => {
    tonight.mockResolvedValueOnce(newest('s1', 'The Owl Who Hooted Back'));
    const props = $state({ userId: null as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    await settle();
    expect(tonight).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-testid="tonight"]')?.textContent).toContain('The Owl Who Hooted Back');
    // Home's first screen is complete: the shell's start-up sync may go on.
    expect(firstScreen).toHaveBeenCalled();

    tonight.mockResolvedValueOnce(newest('s2', 'The Fox and the Kite'));
    props.userId = 'user-1';
    flushSync();
    await settle();
    expect(tonight).toHaveBeenCalledTimes(2);
    expect(document.querySelector('[data-testid="tonight"]')?.textContent).toContain('The Fox and the Kite');
  });

  it('shows the first read’s answer when the session arrives before it (no wait for the second read)', async () => {
    let answerFirst: (t: TonightData) => void = () => {};
    tonight.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
    tonight.mockReturnValueOnce(new Promise(() => {})); // the second read has not answered yet
    const props = $state({ userId: null as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    flushSync();
    props.userId = 'user-1';
    flushSync();
    expect(tonight).toHaveBeenCalledTimes(2);
    answerFirst(newest('s1', 'The Owl Who Hooted Back'));
    await settle();
    expect(document.querySelector('[data-testid="tonight"]')?.textContent).toContain('The Owl Who Hooted Back');
  });

  it('never shows a first read answered for another family than the session names', async () => {
    // The keyring named family A; by the time the UI's session arrives the core signed in as B.
    let answerFirst: (t: TonightData) => void = () => {};
    tonight.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
    tonight.mockReturnValue(new Promise(() => {}));
    const props = $state({ userId: null as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    flushSync();
    props.userId = 'user-b';
    flushSync();
    answerFirst(newest('s1', 'Family A’s story', 'user-a'));
    await settle();
    expect(document.querySelector('[data-testid="tonight"]')).toBeNull();
  });

  it('never shows an answer that comes after the family signed out', async () => {
    let answer: (t: TonightData) => void = () => {};
    tonight.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    tonight.mockRejectedValue({ code: 'UNAUTHORIZED', message: 'Sign in first.', retryable: false });
    const props = $state({ userId: 'user-1' as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    flushSync();
    props.userId = null;
    flushSync();
    answer(newest('s1', 'Before signing out'));
    await settle();
    expect(document.querySelector('[data-testid="tonight"]')).toBeNull();
  });

  it('keeps a newer read’s answer when an older one comes after it', async () => {
    let answerOld: (t: TonightData) => void = () => {};
    let answerNew: (t: TonightData) => void = () => {};
    tonight.mockReturnValueOnce(new Promise((resolve) => (answerOld = resolve)));
    tonight.mockReturnValueOnce(new Promise((resolve) => (answerNew = resolve)));
    const props = $state({ userId: 'user-1' as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    flushSync();
    libraryHandlers.forEach((h) => h('stories'));
    flushSync();
    expect(tonight).toHaveBeenCalledTimes(2);
    answerNew(newest('s2', 'Made a moment ago'));
    await settle();
    answerOld(newest('s1', 'Yesterday’s story'));
    await settle();
    expect(document.body.textContent).toContain('Made a moment ago');
    expect(document.body.textContent).not.toContain('Yesterday’s story');
  });

  it('shows nothing when nobody is signed in (the core refuses)', async () => {
    tonight.mockRejectedValue({ code: 'UNAUTHORIZED', message: 'Sign in first.', retryable: false });
    const props = $state({ userId: null as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    await settle();
    expect(tonight).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-testid="tonight"]')).toBeNull();
    expect(firstScreen).toHaveBeenCalled();
  });

  it('reads again for another family and never shows the previous one’s', async () => {
    tonight.mockResolvedValueOnce(newest('s1', 'First family story'));
    const props = $state({ userId: 'user-1' as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    await settle();
    expect(document.body.textContent).toContain('First family story');

    tonight.mockResolvedValueOnce(newest('s2', 'Second family story', 'user-2'));
    props.userId = 'user-2';
    flushSync();
    await settle();
    expect(tonight).toHaveBeenCalledTimes(2);
    expect(document.body.textContent).toContain('Second family story');
    expect(document.body.textContent).not.toContain('First family story');

    // Signed out: the previous family's shortcut goes at once, and the core refuses to answer.
    tonight.mockRejectedValue({ code: 'UNAUTHORIZED', message: 'Sign in first.', retryable: false });
    props.userId = null;
    flushSync();
    expect(document.querySelector('[data-testid="tonight"]')).toBeNull();
    await settle();
    expect(document.querySelector('[data-testid="tonight"]')).toBeNull();
  });

  it('reads again when the library changes underneath (a story made, another computer)', async () => {
    tonight.mockResolvedValueOnce(newest('s1', 'Yesterday’s story'));
    const props = $state({ userId: 'user-1' as string | null, onopen: () => {}, oncreate: () => {} });
    component = mount(Tonight, { target: document.body, props });
    await settle();
    expect(document.body.textContent).toContain('Yesterday’s story');

    tonight.mockResolvedValueOnce(newest('s2', 'Made on the other computer'));
    libraryHandlers.forEach((h) => h('stories'));
    flushSync();
    await settle();
    expect(tonight).toHaveBeenCalledTimes(2);
    expect(document.body.textContent).toContain('Made on the other computer');

    libraryHandlers.forEach((h) => h('custom_events'));
    flushSync();
    await settle();
    expect(tonight).toHaveBeenCalledTimes(2);
  });
});
