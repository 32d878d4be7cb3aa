// Typed subscriptions to the shell's UI events (names and payloads come from bindings.ts).
import { listen } from '@tauri-apps/api/event';
import type { EventPayloads } from './bindings';

export type EventName = keyof EventPayloads;

/**
 * Calls `handler` with each payload of `name`. Returns an unsubscribe function that is safe to
 * call at once, even before the underlying listener is registered.
 */
export function subscribe<K extends EventName>(
  name: K,
  handler: (payload: EventPayloads[K]) => void,
): () => void {
  let stopped = false;
  let unlisten: (() => void) | undefined;
  listen<EventPayloads[K]>(name, (event) => {
    if (!stopped) handler(event.payload);
  })
    .then((fn) => {
      if (stopped) fn();
      else unlisten = fn;
    })
    .catch((e: unknown) => console.error(`could not listen to ${name}`, e));
  return () => {
    stopped = true;
    unlisten?.();
  };
}
