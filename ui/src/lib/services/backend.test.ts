import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { BackendStatus, EventPayloads } from '$lib/ipc/bindings';
import { BackendConnection, type Subscribe } from './backend.svelte';

const connected: BackendStatus = {
  state: 'connected',
  mode: 'embedded',
  address: 'http://127.0.0.1:5000',
  version: '0.1.0',
  message: null,
};
const failed: BackendStatus = { ...connected, state: 'unavailable', address: null, message: 'no' };

/** A subscribe that records the handler so the test can deliver events by hand. */
function fakeEvents() {
  let handler: ((p: BackendStatus) => void) | undefined;
  let unsubscribed = false;
  const subscribe = ((name: keyof EventPayloads, h: (p: BackendStatus) => void) => {
    expect(name).toBe('backend://status');
    handler = h;
    return () => {
      unsubscribed = true;
    };
  }) as Subscribe;
  return {
    subscribe,
    deliver: (s: BackendStatus) => handler?.(s),
    get unsubscribed() {
      return unsubscribed;
    },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An api whose backendStatus is `ask` and whose recheck answers `recheck`. */
function api(ask: () => Promise<BackendStatus>, recheck: () => Promise<BackendStatus> = ask) {
  return { backendStatus: ask, recheckBackend: recheck };
}

describe('BackendConnection', () => {
  it('starts as connecting and takes the status the shell reports', async () => {
    const events = fakeEvents();
    const answer = deferred<BackendStatus>();
    const conn = new BackendConnection(api(() => answer.promise), events.subscribe);
    const stop = conn.start();
    expect(conn.status.state).toBe('connecting');
    answer.resolve(connected);
    await answer.promise;
    flushSync();
    expect(conn.status).toEqual(connected);
    stop();
    expect(events.unsubscribed).toBe(true);
  });

  it('keeps a status event that arrived while the first question was in flight', async () => {
    const events = fakeEvents();
    const answer = deferred<BackendStatus>();
    const conn = new BackendConnection(api(() => answer.promise), events.subscribe);
    conn.start();
    events.deliver(failed);
    answer.resolve(connected); // older than the event: must not win
    await answer.promise;
    flushSync();
    expect(conn.status).toEqual(failed);
  });

  it('reports a shell that cannot be asked as an error', async () => {
    const events = fakeEvents();
    const answer = deferred<BackendStatus>();
    const conn = new BackendConnection(api(() => answer.promise), events.subscribe);
    conn.start();
    answer.reject({ code: 'BACKEND_UNAVAILABLE', message: 'The story server is still starting.', retryable: true });
    await answer.promise.catch(() => undefined);
    flushSync();
    expect(conn.error?.code).toBe('BACKEND_UNAVAILABLE');
    events.deliver(connected);
    expect(conn.error).toBeNull();
    expect(conn.status.state).toBe('connected');
  });

  it('checks again on request and shows what the shell says', async () => {
    const events = fakeEvents();
    const conn = new BackendConnection(
      api(
        () => Promise.resolve(failed),
        () => Promise.reject({ code: 'BACKEND_UNAVAILABLE', message: 'could not start', retryable: true }),
      ),
      events.subscribe,
    );
    conn.start();
    const pending = conn.recheck();
    expect(conn.checking).toBe(true);
    await pending;
    expect(conn.checking).toBe(false);
    expect(conn.stillUnavailable).toBe(true);
    expect(conn.error).toBeNull();

    const broken = new BackendConnection(
      api(() => Promise.resolve(failed), () => Promise.reject('IPC is gone')),
      events.subscribe,
    );
    await broken.recheck();
    expect(broken.error?.code).toBe('UNKNOWN');

    const ok = new BackendConnection(api(() => Promise.resolve(failed), () => Promise.resolve(connected)), events.subscribe);
    ok.start();
    await ok.recheck();
    expect(ok.status).toEqual(connected);
    expect(ok.error).toBeNull();
    expect(ok.stillUnavailable).toBe(false);
  });
});
