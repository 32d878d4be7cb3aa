// Settings → Move my library to the cloud over a scripted core for the browser harness: a move
// that reports progress on `moving://progress` and waits for the test
// (`mockPages.finishMove()`) or Cancel, a run left unfinished, and the final report.
import { emit } from '@tauri-apps/api/event';
import type { MoveProgress, MoveReport, MoveStatus } from './bindings';

export const MOVING_COMMANDS = new Set(['move_library', 'cancel_move_library', 'move_status']);

const TOTAL = 40;
const BYTES = 18_400_000;

export function movingMock(fail: (code: string, message: string, retryable?: boolean) => never) {
  let pending: { resolve: () => void; reject: (e: unknown) => void; url: string } | null = null;
  let last: MoveProgress | null = null;
  let report: MoveReport | null = null;
  let unfinished: string | null = null;

  const progress = (p: MoveProgress) => {
    last = p;
    void emit('moving://progress', p);
  };
  const at = (step: MoveProgress['step'], done: number, bytesDone: number): MoveProgress =>
    ({ step, done, total: TOTAL, bytesDone, bytesTotal: BYTES, message: null });

  function handle(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'move_status': {
        const status: MoveStatus = { running: pending !== null, progress: last, report, unfinished };
        return status;
      }
      case 'cancel_move_library':
        if (!pending) return false;
        pending.reject({ code: 'CANCELLED', message: 'Cancelled.', retryable: false });
        unfinished = `${pending.url}/`;
        progress({ ...(last ?? at('files', 0, 0)), step: 'cancelled' });
        pending = null;
        return true;
      case 'move_library': {
        const d = a.destination as { url: string; anonKey: string; email?: string; password?: string };
        if (d.email && d.password !== 'a long bedtime password') {
          fail('VALIDATION', "That email and password don't match. Please check them and try again.", false);
        }
        const resumed = unfinished !== null;
        progress(at('connecting', 0, 0));
        progress(at('reading', 0, 0));
        progress(resumed ? at('rows', 31, BYTES) : at('files', 12, 7_300_000));
        return new Promise<MoveReport>((resolve, reject) => {
          pending = {
            url: d.url,
            reject,
            resolve: () => {
              progress(at('done', TOTAL, BYTES));
              const done: MoveReport = {
                targetUrl: `${d.url}/`, resumed, files: 14, filesVerified: 14, bytes: BYTES, failures: [], complete: true,
                tables: [
                  { table: 'heroes', source: 2, target: 2 }, { table: 'custom_events', source: 1, target: 1 },
                  { table: 'stories', source: 3, target: 3 }, { table: 'story_scenes', source: 12, target: 12 },
                  { table: 'story_illustrations', source: 6, target: 6 }, { table: 'listening_sessions', source: 2, target: 2 },
                ],
              };
              report = done;
              unfinished = null;
              resolve(done);
            },
          };
        });
      }
      default: return undefined;
    }
  }

  return {
    handle,
    /** The move in flight finishes with a complete report. */
    finishMove(): void {
      pending?.resolve();
      pending = null;
    },
  };
}
