// The issue-12 commands (library, settings, journey, diagnostics, Home), typed from
// pending-pages.ts and called the way api.ts calls the generated ones (invoke + AppError.from).
// At integration `pagesApi` becomes `api`: the pages and services only see this one name.
import { invoke } from '@tauri-apps/api/core';
import { AppError } from './api';
import { PAGES_COMMAND_NAMES, type PagesCommandName, type PagesCommands } from './pending-pages';

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** One method per planned command, as `Api` has for the generated ones. */
export type PagesApi = {
  [K in PagesCommandName as Camel<K>]: PagesCommands[K]['args'] extends Record<string, never>
    ? () => Promise<PagesCommands[K]['result']>
    : (args: PagesCommands[K]['args']) => Promise<PagesCommands[K]['result']>;
};

async function call<K extends PagesCommandName>(
  command: K,
  args: PagesCommands[K]['args'],
): Promise<PagesCommands[K]['result']> {
  try {
    return await invoke<PagesCommands[K]['result']>(command, args);
  } catch (thrown) {
    throw AppError.from(thrown);
  }
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export const pagesApi: PagesApi = Object.freeze(
  Object.fromEntries(
    PAGES_COMMAND_NAMES.map((name) => [camel(name), (args?: object) => call(name, (args ?? {}) as never)]),
  ),
) as PagesApi;

/** True when a command was refused because the parent lock is on. */
export function isLocked(e: unknown): boolean {
  return (AppError.from(e).code as string) === 'LOCKED';
}
