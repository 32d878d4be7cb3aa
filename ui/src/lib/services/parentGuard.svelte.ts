// The parent lock in the UI: a guarded action (settings changes, deleting, custom events) is tried;
// when the core refuses it with LOCKED, the PIN dialog opens and, once unlocked, the action is
// tried again. The child can still pick and play stories: those are never guarded.
import { friendlyLine } from '$lib/services/errors';
import { isLocked, type PagesApi } from '$lib/ipc/pages';

export class ParentGuard {
  /** The PIN dialog is open. */
  asking = $state(false);
  /** Why the last PIN was refused. */
  error = $state<string | null>(null);
  busy = $state(false);
  #waiters: ((unlocked: boolean) => void)[] = [];

  constructor(private readonly api: Pick<PagesApi, 'unlockParent'>) {}

  /** Runs `action`; asks for the PIN when locked. Resolves undefined when the grown-up cancels. */
  async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (e) {
      if (!isLocked(e)) throw e;
      if (!(await this.ask())) return undefined;
      return await action();
    }
  }

  /** Opens the PIN dialog; resolves true once unlocked, false when cancelled. */
  ask(): Promise<boolean> {
    this.asking = true;
    this.error = null;
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async unlock(pin: string): Promise<void> {
    this.busy = true;
    try {
      await this.api.unlockParent({ pin });
      this.#settle(true);
    } catch (e) {
      this.error = friendlyLine(e);
    } finally {
      this.busy = false;
    }
  }

  cancel(): void {
    this.#settle(false);
  }

  #settle(unlocked: boolean): void {
    this.asking = false;
    this.error = null;
    const waiters = this.#waiters;
    this.#waiters = [];
    waiters.forEach((w) => w(unlocked));
  }
}
