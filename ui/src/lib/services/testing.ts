// Helpers for the services' tests: a subscribe that delivers events by hand, and sample data.
import type { EventName } from '$lib/ipc/events';
import type { subscribe } from '$lib/ipc/events';
import type { EventPayloads } from '$lib/ipc/bindings';
import type { CustomEvent, Hero } from '$lib/ipc/bindings';

/** A subscribe whose handlers the test calls through `deliver`. */
export function fakeEvents() {
  const handlers = new Map<EventName, Set<(p: never) => void>>();
  const sub = ((name: EventName, handler: (p: never) => void) => {
    const set = handlers.get(name) ?? new Set();
    set.add(handler);
    handlers.set(name, set);
    return () => set.delete(handler);
  }) as unknown as typeof subscribe;
  return {
    subscribe: sub,
    deliver<K extends EventName>(name: K, payload: EventPayloads[K]) {
      handlers.get(name)?.forEach((h) => (h as (p: EventPayloads[K]) => void)(payload));
    },
    listeners: (name: EventName) => handlers.get(name)?.size ?? 0,
  };
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

export const maya: Hero = {
  id: 'h1', name: 'Maya', pronouns: 'she', primaryTrait: 'curious', secondaryTrait: 'brave',
  appearance: 'red curls', specialAbility: 'can talk to birds', avatarStyle: 'watercolor', avatarPrompt: null,
  avatarKey: null, storyCount: 2, createdAt: 1, updatedAt: 1,
};

export function customEvent(over: Partial<CustomEvent>): CustomEvent {
  return {
    id: 'e1', title: 'Camping in the garden', description: 'A tent, a torch and owls.', category: 'adventure',
    ageRange: '4_6', tone: 'calming', keywords: ['tent'], isFavorite: false, usageCount: 0, lastUsedAt: null,
    createdAt: 1, updatedAt: 1, ...over,
  };
}
