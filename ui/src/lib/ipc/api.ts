// The typed command layer: the only place (with events.ts and mocks.ts) that talks to Tauri.
// Every command resolves to its typed result or throws an AppError carrying the shell's
// {code, message, retryable, retryAfter?}; the UI branches on `code`, never on message text.
import { invoke } from '@tauri-apps/api/core';
import type { BackendStatus, CommandName, ErrorCode, IpcError } from './bindings';

/** Arguments and result of every command. Checked against the generated CommandName list. */
interface Commands {
  backend_status: { args: Record<string, never>; result: BackendStatus };
  recheck_backend: { args: Record<string, never>; result: BackendStatus };
}

// Compile-time drift check: this map and the Rust command list must name the same commands.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const commandsMatchRust: Same<keyof Commands, CommandName> = true;
void commandsMatchRust;

/** An error a command reported, in the shape the UI can act on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfter?: number;

  constructor(e: IpcError) {
    super(e.message);
    this.name = 'AppError';
    this.code = e.code;
    this.retryable = e.retryable;
    if (e.retryAfter !== undefined) this.retryAfter = e.retryAfter;
  }

  /** Whatever a command threw, as an AppError (unknown shapes become UNKNOWN, not a crash). */
  static from(thrown: unknown): AppError {
    if (thrown instanceof AppError) return thrown;
    if (isIpcError(thrown)) return new AppError(thrown);
    const message =
      typeof thrown === 'string'
        ? thrown
        : thrown instanceof Error
          ? thrown.message
          : 'Something unexpected happened.';
    return new AppError({ code: 'UNKNOWN', message, retryable: false });
  }
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.retryable === 'boolean';
}

async function call<K extends keyof Commands>(
  command: K,
  args: Commands[K]['args'],
): Promise<Commands[K]['result']> {
  try {
    return await invoke<Commands[K]['result']>(command, args);
  } catch (thrown) {
    throw AppError.from(thrown);
  }
}

/** The app's commands, camelCased. */
export const api = {
  backendStatus: () => call('backend_status', {}),
  recheckBackend: () => call('recheck_backend', {}),
};

export type Api = typeof api;
