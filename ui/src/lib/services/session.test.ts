import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { SessionEvent, SessionInfo } from '$lib/ipc/bindings';
import type { subscribe } from '$lib/ipc/events';
import { SessionState } from './session.svelte';

const guest: SessionInfo = { userId: 'u1', email: null, isAnonymous: true, expiresAt: 1 };
const parent: SessionInfo = { userId: 'u1', email: 'mum@example.com', isAnonymous: false, expiresAt: 2 };

function events() {
  let handler: ((e: SessionEvent) => void) | undefined;
  const sub = ((_name: string, h: (e: SessionEvent) => void) => {
    handler = h;
    return () => {};
  }) as unknown as typeof subscribe;
  return { sub, deliver: (e: SessionEvent) => handler?.(e) };
}

describe('SessionState', () => {
  it('shows a guest, then the email after the account is upgraded', async () => {
    const ev = events();
    const state = new SessionState({ session: () => Promise.resolve(guest) }, ev.sub);
    state.start();
    await Promise.resolve();
    flushSync();
    expect(state.summary).toBe('Signed in as a guest on this computer');
    ev.deliver({ change: 'USER_UPDATED', session: parent });
    expect(state.summary).toBe('Signed in as mum@example.com');
    ev.deliver({ change: 'SIGNED_OUT', session: null });
    expect(state.summary).toBe('Not signed in yet');
  });

  it('keeps an event that arrived before the first answer', async () => {
    const ev = events();
    let answer!: (s: SessionInfo | null) => void;
    const state = new SessionState({ session: () => new Promise((r) => (answer = r)) }, ev.sub);
    state.start();
    ev.deliver({ change: 'SIGNED_IN', session: parent });
    answer(null);
    await Promise.resolve();
    flushSync();
    expect(state.session).toEqual(parent);
  });
});
