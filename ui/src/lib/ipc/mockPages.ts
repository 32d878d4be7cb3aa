// A scripted backend for the issue-12 pages in the browser harness: the library (search, filters,
// sort, paging, favourites, delete), settings with a parent lock that refuses guarded commands with
// LOCKED until unlock_parent, the journey, diagnostics and Home's "tonight". Tests drive it through
// window.mockPages.
import type { BackendStatus, CacheStatus, IpcError, LimitStatus, SessionInfo } from './bindings';
import type { Journey, JourneyRange, LibraryQuery, ParentLock, Settings, StoryDefaults } from './bindings';
import { fold, generatedLibrary, HEROES, MOCK_NOW, scriptedLibrary, type MockLibraryStory } from './mockPagesData';
import { mockDiagnostics, mockJourney, mockRequests } from './mockPagesExtras';
import { voicesMock } from './mockVoices';
import { advancedMock } from './mockAdvanced';
import { MOVING_COMMANDS, movingMock } from './mockMoving';

export type PagesScenario = 'pages' | 'pages-empty' | 'pages-error' | 'pages-10k' | 'pages-locked';

export interface MockPages {
  readonly calls: { cmd: string; args: Record<string, unknown> }[];
  /** Stories left in the mocked library. */
  count(): number;
  /** The next call of `cmd` fails with this error. */
  failNext(cmd: string, error: IpcError): void;
  /** The voice download in flight completes. */
  finishDownload(): void;
  /** The library move in flight finishes. */
  finishMove(): void;
}

const PIN = '2468';
const ADDRESS = 'http://127.0.0.1:48213';
const fail = (code: string, message: string, retryable = false): never => {
  throw { code, message, retryable } as unknown as IpcError;
};

const GUARDED = new Set([
  'delete_stories', 'set_theme', 'set_ui_language', 'set_story_defaults', 'use_supabase_project',
  'use_embedded_backend', 'erase_all_data', 'set_verbose_logging', 'download_voice', 'remove_voice',
  'import_voice', 'set_voice_catalogue', 'download_voice_runtime', 'use_local_model', 'use_built_in_writer',
  'move_library',
]);

function snippet(text: string, needle: string): string | null {
  const folded = [...text].map((c) => fold(c)[0] ?? c).join('');
  const at = folded.indexOf(needle);
  if (at < 0) return null;
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + needle.length + 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, at)}«${text.slice(at, at + needle.length)}»${text.slice(at + needle.length, end)}${end < text.length ? '…' : ''}`;
}

export function pagesMock(scenario: PagesScenario) {
  let stories: MockLibraryStory[] =
    scenario === 'pages-empty' ? [] : scenario === 'pages-10k' ? generatedLibrary(10_000) : scriptedLibrary();
  const calls: MockPages['calls'] = [];
  const voices = voicesMock(fail);
  const advanced = advancedMock(fail);
  const moving = movingMock(fail);
  const failures = new Map<string, IpcError>();
  let lock: ParentLock = { enabled: scenario === 'pages-locked', unlockedUntil: null };
  let pin: string | null = scenario === 'pages-locked' ? PIN : null;
  let defaults: StoryDefaults = { voice: 'coral', language: 'en', lengthMinutes: 7, illustrations: true };
  let settings: Omit<Settings, 'storyDefaults' | 'parentLock'> = {
    backend: { mode: 'embedded' }, theme: 'auto', uiLanguage: null, verboseLogging: false, sessionStorage: 'keyring',
  };
  let session: SessionInfo | null = { userId: '7f1c2d9e', email: null, isAnonymous: true, expiresAt: 1795541784 };
  let cache: CacheStatus = {
    memoryEntries: 42, memoryBytes: 18_400_000, diskEntries: 318, diskBytes: 412_000_000, diskLimitBytes: 1_073_741_824,
    durableEntries: 96, durableBytes: 151_000_000,
  };
  const status = (mode: 'embedded' | 'supabase', address: string): BackendStatus =>
    ({ state: 'connected', mode, address, version: '0.1.0', message: null });
  const full = (): Settings => ({ ...settings, storyDefaults: defaults, parentLock: lock.enabled });
  const limits = (): LimitStatus[] => [
    { endpoint: 'story-generation', capacity: 5, remaining: 3, nextInSeconds: 48 },
    { endpoint: 'avatar-generation', capacity: 3, remaining: 0, nextInSeconds: 95 },
    { endpoint: 'tts', capacity: 20, remaining: 20, nextInSeconds: null },
  ];

  function search(q: LibraryQuery) {
    if (scenario === 'pages-error') fail('BACKEND_UNAVAILABLE', 'The story library could not be read: the built-in story server is not answering.', true);
    const needle = q.text ? fold(q.text.trim()) : '';
    let found = stories
      .filter((s) => !q.onlyNew || s.listening === 'new')
      .filter((s) => !q.onlyFavorites || s.isFavorite)
      .filter((s) => !q.heroId || s.heroId === q.heroId)
      .filter((s) => !q.language || s.language === q.language)
      .filter((s) => !q.event || JSON.stringify(s.event) === JSON.stringify(q.event))
      .filter((s) => !needle || fold(s.title).includes(needle) || fold(s.text).includes(needle));
    const by: Record<LibraryQuery['sort'], (a: MockLibraryStory, b: MockLibraryStory) => number> = {
      newest: (a, b) => b.createdAt - a.createdAt,
      oldest: (a, b) => a.createdAt - b.createdAt,
      title: (a, b) => a.title.localeCompare(b.title),
      length: (a, b) => (a.lengthSeconds ?? 0) - (b.lengthSeconds ?? 0),
      lastHeard: (a, b) => (b.lastHeardAt ?? 0) - (a.lastHeardAt ?? 0),
    };
    found = [...found].sort(by[q.sort]);
    const cards = found.slice(q.offset, q.offset + q.limit).map(({ text, ...c }) => ({
      ...c,
      snippet: needle && !fold(c.title).includes(needle) ? snippet(text, needle) : null,
    }));
    return { cards, total: found.length };
  }

  function journey(range: JourneyRange): Journey {
    return mockJourney(range, scenario === 'pages-empty', stories);
  }

  function handle(cmd: string, args: Record<string, unknown>): unknown {
    calls.push({ cmd, args });
    const failure = failures.get(cmd);
    if (failure) {
      failures.delete(cmd);
      throw failure;
    }
    if (GUARDED.has(cmd) && lock.enabled && (lock.unlockedUntil ?? 0) < Date.now()) {
      fail('LOCKED', 'Settings are locked. Enter the parent PIN to change them.');
    }
    // The mock trusts the typed wrapper for argument shapes (pages.ts checks them at compile time).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const a = args as Record<string, any>;
    switch (cmd) {
      case 'search_library': return search(args.query as LibraryQuery);
      case 'set_story_favorite': {
        const s = stories.find((x) => x.id === a.id) ?? fail('NOT_FOUND', 'That story is no longer in the library.');
        s.isFavorite = Boolean(a.favorite);
        const { text: _text, ...c } = s;
        return c;
      }
      case 'delete_stories': {
        const ids = new Set(a.ids as string[]);
        const before = stories.length;
        stories = stories.filter((s) => !ids.has(s.id));
        return before - stories.length;
      }
      case 'settings': return full();
      case 'set_theme': settings = { ...settings, theme: a.theme }; return full();
      case 'set_ui_language': settings = { ...settings, uiLanguage: a.language }; return full();
      case 'story_defaults': return defaults;
      case 'set_story_defaults': defaults = a.defaults; return defaults;
      case 'voice_sample': return { mime: 'audio/wav', base64: 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=', seconds: 2 };
      case 'test_supabase_connection':
      case 'use_supabase_project': {
        const url = String(a.url);
        if (!/^https:\/\//.test(url) && !/^http:\/\/(127\.0\.0\.1|localhost)/.test(url))
          fail('VALIDATION', 'The project address must start with https:// (http is allowed only for this computer).');
        if (url.includes('unreachable')) fail('NETWORK', `Could not reach ${url}: the name does not resolve. Check the address.`, true);
        if (String(a.anonKey).length < 20) fail('UNAUTHORIZED', 'The project refused this anon key. Copy it again from the Supabase dashboard (Project settings → API).');
        if (cmd === 'use_supabase_project') settings = { ...settings, backend: { mode: 'supabase', url } };
        return status('supabase', url);
      }
      case 'use_embedded_backend': settings = { ...settings, backend: { mode: 'embedded' } }; return status('embedded', ADDRESS);
      case 'backend_status': return settings.backend.mode === 'embedded' ? status('embedded', ADDRESS) : status('supabase', settings.backend.url);
      case 'session': return session;
      case 'link_email':
      case 'sign_in': {
        const email = String(a.email);
        if (!email.includes('@')) fail('VALIDATION', 'That email address does not look right.');
        if (String(a.password).length < 8) fail('VALIDATION', 'The password needs at least 8 characters.');
        if (cmd === 'sign_in' && String(a.password) !== 'goodnight-moon') fail('UNAUTHORIZED', 'That email and password do not match an account.');
        session = { userId: session?.userId ?? 'a1b2c3', email, isAnonymous: false, expiresAt: 1795541784 };
        return session;
      }
      case 'sign_out': session = null; return null;
      case 'parent_lock': return lock;
      case 'set_parent_pin': {
        if (pin && a.currentPin !== pin) fail('VALIDATION', "That PIN isn't right");
        if (a.pin !== null && !/^\d{4,8}$/.test(String(a.pin))) fail('VALIDATION', 'The PIN must be 4 to 8 digits.');
        pin = a.pin;
        lock = { enabled: pin !== null, unlockedUntil: pin ? Date.now() + 600_000 : null };
        return lock;
      }
      case 'unlock_parent':
        if (!pin || a.pin !== pin) fail('VALIDATION', "That PIN isn't right");
        lock = { ...lock, unlockedUntil: Date.now() + 600_000 };
        return lock;
      case 'lock_parent': lock = { ...lock, unlockedUntil: null }; return lock;
      case 'erase_all_data':
        stories = []; pin = null; lock = { enabled: false, unlockedUntil: null };
        defaults = { voice: 'coral', language: 'en', lengthMinutes: 7, illustrations: true };
        return null;
      case 'journey': return journey(a.range);
      case 'diagnostics': return mockDiagnostics(status(settings.backend.mode, ADDRESS), session, limits());
      case 'recent_requests': return mockRequests(MOCK_NOW);
      case 'cache_status': return cache;
      case 'clear_cache': cache = { ...cache, memoryEntries: 0, memoryBytes: 0, diskEntries: 24, diskBytes: 61_000_000 }; return cache;
      case 'limits': return limits();
      case 'realtime_status': return null;
      case 'set_verbose_logging': settings = { ...settings, verboseLogging: Boolean(a.verbose) }; return null;
      case 'diagnostics_report':
        return `InfiniteStories diagnostics\nbackend: ${settings.backend.mode} ${ADDRESS} (connected)\nstories: ${stories.length}\n`;
      case 'list_heroes': return HEROES.map((h) => ({ ...h, avatarKey: null }));
      case 'tonight': {
        const newest = search({ text: null, onlyNew: false, onlyFavorites: false, heroId: null, event: null, language: null, sort: 'newest', offset: 0, limit: 1 }).cards[0] ?? null;
        const listening = stories.find((s) => s.listening === 'listening');
        return {
          userId: session?.userId ?? '',
          lastHero: stories.length ? { ...HEROES[0]!, avatarKey: null } : null,
          continueListening: listening ? { storyId: listening.id, title: listening.title, position: 192, duration: listening.lengthSeconds ?? 420 } : null,
          newest,
        };
      }
      case 'outbox_status': return { waiting: 0, lastError: null, refused: [] };
      case 'first_screen_shown': return null;
      default: return MOVING_COMMANDS.has(cmd) ? moving.handle(cmd, a) : (voices.handle(cmd, a) ?? advanced.handle(cmd, a));
    }
  }

  const controls: MockPages = {
    calls,
    count: () => stories.length,
    failNext: (cmd, error) => void failures.set(cmd, error),
    finishDownload: () => voices.finishDownload(),
    finishMove: () => moving.finishMove(),
  };
  return { handle, controls };
}
