// A scripted backend for running the real app outside Tauri (browser tests, UI development):
// it answers commands and emits events through @tauri-apps/api/mocks, so the components and
// services run unchanged.
import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import type { BackendStatus, CommandName, IpcError, SessionInfo } from './bindings';

export type Scenario = 'connected' | 'failed' | 'starting';

const ADDRESS = 'http://127.0.0.1:48213';
const GUEST: SessionInfo = { userId: '7f1c2d9e', email: null, isAnonymous: true, expiresAt: 1795541784 };

const statuses: Record<Scenario, BackendStatus> = {
  connected: { state: 'connected', mode: 'embedded', address: ADDRESS, version: '0.1.0', message: null },
  starting: { state: 'connecting', mode: 'embedded', address: null, version: null, message: null },
  failed: {
    state: 'unavailable',
    mode: 'embedded',
    address: null,
    version: null,
    message:
      'The built-in story server could not start: its data folder /home/family/.local/share/app.infinitestories.desktop/backend cannot be used (Read-only file system). Restart the app; if it keeps happening, check that the app\'s data folder is writable.',
  },
};

/** Controls for a test to move the mocked backend along. */
export interface MockBackend {
  /** The backend finishes starting: the status changes and `backend://status` is emitted. */
  connect(): Promise<void>;
}

/** A handler for more commands (e.g. the reader's); `undefined` means "not mine". */
export type ExtraCommands = (cmd: string, args: Record<string, unknown>) => unknown;

/** Installs the mock backend. */
export function installMockBackend(scenario: Scenario, extra?: ExtraCommands): MockBackend {
  mockWindows('main');
  let status = statuses[scenario];
  mockIPC(
    (cmd, args) => {
      const answer = extra?.(cmd, (args ?? {}) as Record<string, unknown>);
      if (answer !== undefined) return answer;
      const command = cmd as CommandName;
      switch (command) {
        case 'backend_status':
          return status;
        case 'session':
          return scenario === 'connected' ? GUEST : null;
        case 'recheck_backend':
          if (status.state === 'unavailable') {
            void emit('backend://status', status);
            const error: IpcError = { code: 'BACKEND_UNAVAILABLE', message: status.message ?? '', retryable: true };
            throw error;
          }
          return status;
        default: {
          const error: IpcError = { code: 'UNKNOWN', message: `no mock for ${cmd}`, retryable: false };
          throw error;
        }
      }
    },
    { shouldMockEvents: true },
  );
  return {
    connect: async () => {
      status = statuses.connected;
      await emit('backend://status', status);
    },
  };
}
