// English text of two-way sync: Home's line about changes made on this computer that are still
// waiting to be sent to the backend (offline edits in the outbox) or that the backend refused.
// Its shape is `SyncStrings`, which es/fr/de/it.sync.ts satisfy; components read it through
// `syncText` from `$lib/i18n`.

export const sync = {
  /** Changes still to send (offline, or the server not answering yet). */
  waiting: (n: number) => (n === 1 ? '1 change waiting to be sent' : `${n} changes waiting to be sent`),
  /** The backend would not take some changes; `why` is the first one's reason. */
  refused: (n: number, why: string) =>
    n === 1 ? `Couldn’t send 1 change: ${why}` : `Couldn’t send ${n} changes: ${why}`,
  /** Why they wait, shown under the count. */
  lastError: (why: string) => `Last try: ${why}`,
  /** The accessible name of the line. */
  label: 'Changes to send',
};

/** The shape every language's sync file has. */
export type SyncStrings = typeof sync;
