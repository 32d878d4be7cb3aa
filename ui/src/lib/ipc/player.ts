// The player commands and event, typed from pending-player.ts, called the way api.ts calls the
// generated ones (invoke + AppError.from). At integration, `playerApi` becomes `api` and
// `subscribePlayer` becomes `subscribe`: the services only see these two names.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { AppError } from './api';
import {
  PLAYER_COMMAND_NAMES,
  type PlayerCommandName,
  type PlayerCommands,
  type PlayerEventPayloads,
} from './pending-player';

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** One method per player command, as `Api` has for the generated ones. */
export type PlayerApi = {
  [K in PlayerCommandName as Camel<K>]: PlayerCommands[K]['args'] extends Record<string, never>
    ? () => Promise<PlayerCommands[K]['result']>
    : (args: PlayerCommands[K]['args']) => Promise<PlayerCommands[K]['result']>;
};

async function call<K extends PlayerCommandName>(
  command: K,
  args: PlayerCommands[K]['args'],
): Promise<PlayerCommands[K]['result']> {
  try {
    return await invoke<PlayerCommands[K]['result']>(command, args);
  } catch (thrown) {
    throw AppError.from(thrown);
  }
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export const playerApi: PlayerApi = Object.freeze(
  Object.fromEntries(
    PLAYER_COMMAND_NAMES.map((name) => [camel(name), (args?: object) => call(name, (args ?? {}) as never)]),
  ),
) as PlayerApi;

/** Like events.ts `subscribe`, for the planned player event. */
export function subscribePlayer<K extends keyof PlayerEventPayloads>(
  name: K,
  handler: (payload: PlayerEventPayloads[K]) => void,
): () => void {
  let stopped = false;
  let unlisten: (() => void) | undefined;
  listen<PlayerEventPayloads[K]>(name, (event) => {
    if (!stopped) handler(event.payload);
  })
    .then((fn) => {
      if (stopped) fn();
      else unlisten = fn;
    })
    .catch((e: unknown) => console.error(`could not listen to ${name}`, e));
  return () => {
    stopped = true;
    unlisten?.();
  };
}
