// The typed command layer: the only place (with events.ts and mocks.ts) that talks to Tauri.
// Every command resolves to its typed result or throws an AppError carrying the shell's
// {code, message, retryable, retryAfter?}; the UI branches on `code`, never on message text.
import { invoke } from '@tauri-apps/api/core';
import type {
  BackendStatus,
  CacheStatus,
  CommandName,
  DiagnosticsReport,
  ErrorCode,
  IpcError,
  RealtimeStatus,
  SessionInfo,
} from './bindings';
import type { PendingCommandName, PendingCommands } from './pending';

type None = Record<string, never>;
type Credentials = { email: string; password: string };
/** Arguments and result of every command the shell has today. */
interface CurrentCommands {
  backend_status: { args: None; result: BackendStatus };
  recheck_backend: { args: None; result: BackendStatus };
  use_supabase_project: { args: { url: string; anonKey: string }; result: BackendStatus };
  use_embedded_backend: { args: None; result: BackendStatus };
  session: { args: None; result: SessionInfo | null };
  sign_in_anonymously: { args: None; result: SessionInfo };
  sign_up: { args: Credentials; result: SessionInfo | null };
  sign_in: { args: Credentials; result: SessionInfo };
  link_email: { args: Credentials; result: SessionInfo };
  sign_out: { args: None; result: null };
  sync_library: { args: None; result: null };
  cache_status: { args: None; result: CacheStatus };
  clear_cache: { args: None; result: CacheStatus };
  realtime_status: { args: None; result: RealtimeStatus | null };
  diagnostics: { args: None; result: DiagnosticsReport };
  set_verbose_logging: { args: { verbose: boolean }; result: null };
}

/**
 * Every command: today's, plus the planned ones (new, or with a tightened shape) from pending.ts.
 * The lead replaces this file with a generated typed proxy at integration.
 */
type Commands = Omit<CurrentCommands, PendingCommandName> & PendingCommands;

// Compile-time drift check: this map and the Rust command list (plus the planned commands) must
// name the same commands.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const commandsMatchRust: Same<keyof Commands, CommandName | PendingCommandName> = true;
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

type Args<K extends keyof Commands> = Commands[K]['args'];

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
  useSupabaseProject: (url: string, anonKey: string) => call('use_supabase_project', { url, anonKey }),
  useEmbeddedBackend: () => call('use_embedded_backend', {}),
  session: () => call('session', {}),
  signInAnonymously: () => call('sign_in_anonymously', {}),
  signUp: (c: Credentials) => call('sign_up', c),
  signIn: (c: Credentials) => call('sign_in', c),
  linkEmail: (c: Credentials) => call('link_email', c),
  signOut: () => call('sign_out', {}),
  generateStory: (a: Args<'generate_story'>) => call('generate_story', a),
  cancelGeneration: (a: Args<'cancel_generation'>) => call('cancel_generation', a),
  retryIllustration: (a: Args<'retry_illustration'>) => call('retry_illustration', a),
  listStories: () => call('list_stories', {}),
  getStory: (a: Args<'get_story'>) => call('get_story', a),
  listHeroes: () => call('list_heroes', {}),
  createHero: (a: Args<'create_hero'>) => call('create_hero', a),
  updateHero: (a: Args<'update_hero'>) => call('update_hero', a),
  deleteHero: (a: Args<'delete_hero'>) => call('delete_hero', a),
  generateAvatar: (a: Args<'generate_avatar'>) => call('generate_avatar', a),
  checkCustomEvent: (a: Args<'check_custom_event'>) => call('check_custom_event', a),
  listCustomEvents: () => call('list_custom_events', {}),
  saveCustomEvent: (a: Args<'save_custom_event'>) => call('save_custom_event', a),
  deleteCustomEvent: (a: Args<'delete_custom_event'>) => call('delete_custom_event', a),
  setCustomEventFavorite: (a: Args<'set_custom_event_favorite'>) => call('set_custom_event_favorite', a),
  catalogue: () => call('catalogue', {}),
  storyDefaults: () => call('story_defaults', {}),
  setStoryDefaults: (a: Args<'set_story_defaults'>) => call('set_story_defaults', a),
  voiceSample: (a: Args<'voice_sample'>) => call('voice_sample', a),
  syncLibrary: () => call('sync_library', {}),
  cacheStatus: () => call('cache_status', {}),
  clearCache: () => call('clear_cache', {}),
  limits: () => call('limits', {}),
  realtimeStatus: () => call('realtime_status', {}),
  diagnostics: () => call('diagnostics', {}),
  setVerboseLogging: (verbose: boolean) => call('set_verbose_logging', { verbose }),
};

export type Api = typeof api;
