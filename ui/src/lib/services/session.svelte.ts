// Who is signed in, as the UI shows it: the session the shell reports (never its tokens), kept
// current by `session://changed`.
import type { Api } from '$lib/ipc/api';
import type { SessionInfo } from '$lib/ipc/bindings';
import { subscribe } from '$lib/ipc/events';
import { pages } from '$lib/i18n';

export class SessionState {
  session = $state<SessionInfo | null>(null);

  #api: Pick<Api, 'session'>;
  #subscribe: typeof subscribe;

  constructor(api: Pick<Api, 'session'>, subscribeTo: typeof subscribe = subscribe) {
    this.#api = api;
    this.#subscribe = subscribeTo;
  }

  set #known(session: SessionInfo | null) {
    this.session = session;
    // For the cold-start measurement (tests/e2e/cold-start.measure.mjs): when Home first knew.
    if (session && performance.getEntriesByName('session').length === 0) performance.mark('session');
  }

  /** Starts following the session; returns the function that stops it. */
  start(): () => void {
    // Listen first, then ask; an event that arrives meanwhile is newer than the answer.
    let heardEvent = false;
    const stop = this.#subscribe('session://changed', (event) => {
      heardEvent = true;
      this.#known = event.session;
    });
    this.#api
      .session()
      .then((session) => {
        if (!heardEvent) this.#known = session;
      })
      .catch(() => {
        // No backend yet: the backend card already says so; the session stays unknown.
      });
    return stop;
  }

  /** A short line for the Home screen. */
  get summary(): string {
    if (!this.session) return pages.session.signedOut;
    if (this.session.isAnonymous) return pages.session.guest;
    return pages.session.signedIn(this.session.email ?? pages.session.familyMember);
  }
}
