// The backend connection as the UI sees it: the status the shell reports, kept current by the
// `backend://status` event. Components read `connection.status`; nothing else polls.
import { AppError, type Api } from '$lib/ipc/api';
import type { BackendStatus } from '$lib/ipc/bindings';
import { subscribe } from '$lib/ipc/events';

export type Subscribe = typeof subscribe;

const STARTING: BackendStatus = {
  state: 'connecting',
  mode: 'embedded',
  address: null,
  version: null,
  message: null,
};

export class BackendConnection {
  status = $state<BackendStatus>(STARTING);
  /** Set when the status itself could not be read (the shell is unreachable). */
  error = $state<AppError | null>(null);

  /** True while a "Check again" is in flight. */
  checking = $state(false);
  /** The last "Check again" found the backend still unavailable (the status says why). */
  stillUnavailable = $state(false);

  #api: Pick<Api, 'backendStatus' | 'recheckBackend'>;
  #subscribe: Subscribe;

  constructor(api: Pick<Api, 'backendStatus' | 'recheckBackend'>, subscribeTo: Subscribe = subscribe) {
    this.#api = api;
    this.#subscribe = subscribeTo;
  }

  /** Starts following the backend; returns the function that stops it. */
  start(): () => void {
    // Listen first, then ask: an event that arrives while the question is in flight is newer
    // than the answer, so the answer is dropped in that case.
    let heardEvent = false;
    const stop = this.#subscribe('backend://status', (status) => {
      heardEvent = true;
      this.status = status;
      this.error = null;
    });
    this.#api
      .backendStatus()
      .then((status) => {
        if (!heardEvent) this.status = status;
      })
      .catch((e: unknown) => {
        this.error = AppError.from(e);
      });
    return stop;
  }

  /**
   * Asks the shell to start or check the backend again. "Still unavailable" is expected news
   * (the status event carries the reason); any other failure is kept in `error`.
   */
  async recheck(): Promise<void> {
    this.checking = true;
    try {
      this.status = await this.#api.recheckBackend();
      this.error = null;
      this.stillUnavailable = false;
    } catch (e: unknown) {
      const error = AppError.from(e);
      if (error.code === 'BACKEND_UNAVAILABLE') this.stillUnavailable = true;
      else this.error = error;
    } finally {
      this.checking = false;
    }
  }
}
