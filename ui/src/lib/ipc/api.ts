// The typed command layer: the only place (with events.ts, media.ts and mocks.ts) that talks to
// Tauri. `api` has one method per command, named in camelCase (`create_hero` → `createHero`),
// taking the command's arguments as one object and resolving to its result — all typed from the
// generated `Commands` interface, so a wrong argument, a wrong union value or a renamed command
// fails svelte-check. Errors are thrown as AppError carrying the shell's
// {code, message, retryable, retryAfter?}; the UI branches on `code`, never on message text.
import { invoke } from '@tauri-apps/api/core';
import { COMMAND_NAMES, type CommandName, type Commands, type ErrorCode, type IpcError } from './bindings';

/** `create_hero` → `createHero`, at the type level. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

type NoArgs = Record<string, never>;

/** One method per command: no parameter when the command takes none, else one object. */
export type Api = {
  [K in CommandName as Camel<K>]: Commands[K]['args'] extends NoArgs
    ? () => Promise<Commands[K]['result']>
    : (args: Commands[K]['args']) => Promise<Commands[K]['result']>;
};

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

/** Calls one command by name, typed by the generated `Commands`. */
export async function call<K extends CommandName>(
  command: K,
  args: Commands[K]['args'],
): Promise<Commands[K]['result']> {
  try {
    return await invoke<Commands[K]['result']>(command, args);
  } catch (thrown) {
    throw AppError.from(thrown);
  }
}

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The app's commands, camelCased. */
export const api: Api = Object.freeze(
  Object.fromEntries(
    COMMAND_NAMES.map((name) => [camel(name), (args?: object) => call(name, (args ?? {}) as never)]),
  ),
) as Api;
