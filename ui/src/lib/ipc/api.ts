// The typed command layer: the only place (with events.ts and mocks.ts) that talks to Tauri.
// Every command resolves to its typed result or throws an AppError carrying the shell's
// {code, message, retryable, retryAfter?}; the UI branches on `code`, never on message text.
import { invoke } from '@tauri-apps/api/core';
import type {
  Avatar,
  BackendStatus,
  CacheStatus,
  CommandName,
  DiagnosticsReport,
  ErrorCode,
  GenerateRequest,
  IpcError,
  LimitStatus,
  RealtimeStatus,
  SessionInfo,
  StoryDetail,
  StorySummary,
} from './bindings';

type None = Record<string, never>;
type Credentials = { email: string; password: string };
/** Any JSON value (hero rows are passed through as the backend stores them). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Arguments and result of every command. Checked against the generated CommandName list. */
interface Commands {
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
  generate_story: { args: { request: GenerateRequest }; result: StoryDetail };
  cancel_generation: { args: { requestId: string }; result: boolean };
  retry_illustration: { args: { storyId: string; sceneNumber: number }; result: StoryDetail };
  generate_avatar: { args: { heroId: string; prompt: string }; result: Avatar };
  create_hero: { args: { fields: Record<string, JsonValue> }; result: JsonValue };
  list_heroes: { args: None; result: JsonValue[] };
  list_stories: { args: None; result: StorySummary[] };
  get_story: { args: { id: string }; result: StoryDetail };
  sync_library: { args: None; result: null };
  cache_status: { args: None; result: CacheStatus };
  clear_cache: { args: None; result: CacheStatus };
  limits: { args: None; result: LimitStatus[] };
  realtime_status: { args: None; result: RealtimeStatus | null };
  diagnostics: { args: None; result: DiagnosticsReport };
  set_verbose_logging: { args: { verbose: boolean }; result: null };
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
  useSupabaseProject: (url: string, anonKey: string) => call('use_supabase_project', { url, anonKey }),
  useEmbeddedBackend: () => call('use_embedded_backend', {}),
  session: () => call('session', {}),
  signInAnonymously: () => call('sign_in_anonymously', {}),
  signUp: (c: Credentials) => call('sign_up', c),
  signIn: (c: Credentials) => call('sign_in', c),
  linkEmail: (c: Credentials) => call('link_email', c),
  signOut: () => call('sign_out', {}),
  generateStory: (request: GenerateRequest) => call('generate_story', { request }),
  cancelGeneration: (requestId: string) => call('cancel_generation', { requestId }),
  retryIllustration: (storyId: string, sceneNumber: number) =>
    call('retry_illustration', { storyId, sceneNumber }),
  generateAvatar: (heroId: string, prompt: string) => call('generate_avatar', { heroId, prompt }),
  createHero: (fields: Record<string, JsonValue>) => call('create_hero', { fields }),
  listHeroes: () => call('list_heroes', {}),
  listStories: () => call('list_stories', {}),
  getStory: (id: string) => call('get_story', { id }),
  syncLibrary: () => call('sync_library', {}),
  cacheStatus: () => call('cache_status', {}),
  clearCache: () => call('clear_cache', {}),
  limits: () => call('limits', {}),
  realtimeStatus: () => call('realtime_status', {}),
  diagnostics: () => call('diagnostics', {}),
  setVerboseLogging: (verbose: boolean) => call('set_verbose_logging', { verbose }),
};

export type Api = typeof api;
