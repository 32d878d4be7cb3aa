// Keeps what the app shows in step with the library when it changes underneath: another of the
// family's computers edits a hero (it arrives through realtime), the outbox's push is refused, a
// story is made or deleted. The core says which part changed (`library://changed`); each part's
// reload runs at most once at a time, and changes that arrive meanwhile cause one more run, not
// one each (a catch-up sync can change dozens of rows at once).
import type { LibraryPart } from '$lib/ipc/bindings';
import type { subscribe } from '$lib/ipc/events';

export type Reloads = Partial<Record<LibraryPart, () => Promise<unknown>>>;

/** Follows `library://changed`; returns the function that stops it. */
export function followLibrary(subscribeTo: typeof subscribe, reloads: Reloads): () => void {
  const running = new Set<LibraryPart>();
  const again = new Set<LibraryPart>();
  let stopped = false;

  async function run(part: LibraryPart): Promise<void> {
    const reload = reloads[part];
    if (!reload) return;
    if (running.has(part)) {
      again.add(part);
      return;
    }
    running.add(part);
    try {
      do {
        again.delete(part);
        try {
          await reload();
        } catch {
          // Each reload keeps its own error state for its page to show.
        }
      } while (again.has(part) && !stopped);
    } finally {
      running.delete(part);
    }
  }

  const stop = subscribeTo('library://changed', (part) => void run(part));
  return () => {
    stopped = true;
    stop();
  };
}
