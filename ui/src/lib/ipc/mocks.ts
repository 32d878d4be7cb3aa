// A scripted backend for running the real app outside Tauri (browser tests, UI development):
// it answers commands and emits events through @tauri-apps/api/mocks, so the components and
// services run unchanged. The family's data (heroes, events, a story being made) is in
// mockFamily.ts; tests move things along through the returned MockBackend.
import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import type { BackendStatus, CommandName, Commands, GenerationProgress, IllustrationStatus, IpcError, LimitStatus, SessionInfo, Stage } from './bindings';
import { CATALOGUE, MockFamily, fail, safetyCheck } from './mockFamily';

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

/** One second of silence as a WAV file: what the mocked narrator "says" for a voice sample. */
function silentWav(): string {
  const rate = 8000;
  const bytes = new Uint8Array(44 + rate);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF'); view.setUint32(4, 36 + rate, true); text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, rate, true); view.setUint32(28, rate, true); view.setUint16(32, 1, true); view.setUint16(34, 8, true);
  text(36, 'data'); view.setUint32(40, rate, true); bytes.fill(128, 44);
  return btoa(String.fromCharCode(...bytes));
}

/** Controls for a test to move the mocked backend along. */
export interface MockBackend {
  /** The backend finishes starting: the status changes and `backend://status` is emitted. */
  connect(): Promise<void>;
  /** The core adds a notice for the family (a kept library, a damaged file set aside). */
  notice(text: string): Promise<void>;
  /** Every command called, with its arguments, in order. */
  calls: { cmd: string; args: unknown }[];
  /** The story being made reports progress: the stage and each scene's picture state. */
  progress(stage: Stage, scenes: IllustrationStatus[], progress?: number): Promise<void>;
  /** `generate_story` returns the story (scenes as they are now). */
  finishStory(): void;
  /** `generate_story` fails with this error (what was written stays readable). */
  failStory(error: IpcError): void;
  /** `generate_avatar` finishes with the next fixture picture. */
  finishAvatar(): void;
  /** The core's limits change (`limits://changed`). */
  setLimits(limits: LimitStatus[]): Promise<void>;
  /** The next "Try this picture again" fails once more. */
  retryFails(fails: boolean): void;
}

type Args<K extends CommandName> = Commands[K]['args'];

/** A handler for more commands (e.g. the reader's); `undefined` means "not mine". */
export type ExtraCommands = (cmd: string, args: Record<string, unknown>) => unknown;

/** Installs the mock backend. `heroes: false` starts a family with no heroes yet; `extra`
 * answers commands of other scripted parts (the reader's player) first. */
export function installMockBackend(
  scenario: Scenario,
  options: { heroes?: boolean; extra?: ExtraCommands } = {},
): MockBackend {
  mockWindows('main');
  let status = statuses[scenario];
  const family = new MockFamily(options.heroes ?? true);
  const calls: MockBackend['calls'] = [];
  const progressEvent = (stage: Stage, progress: number): GenerationProgress | null => {
    const m = family.making;
    if (!m) return null;
    const line = { writing: 'Writing the story…', narrating: 'Recording the narration…', illustrating: 'Drawing the pictures…', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' }[stage];
    return {
      requestId: m.requestId, storyId: stage === 'writing' ? null : m.storyId, stage, progress, status: line,
      scenes: m.scenes.map((s, i) => ({ sceneNumber: i + 1, status: s })),
    };
  };
  // Answers cross the IPC as JSON in the app: copies here too, so the UI never shares the
  // mock's own objects.
  const wire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
  mockIPC(
    (cmd, payload) => {
      const extra = options.extra?.(cmd, (payload ?? {}) as Record<string, unknown>);
      if (extra !== undefined) return extra;
      const answer = handle(cmd, payload);
      return answer instanceof Promise ? answer.then(wire) : wire(answer);
    },
    { shouldMockEvents: true },
  );
  function handle(cmd: string, payload: unknown): unknown {
    calls.push({ cmd, args: wire(payload) });
    const command = cmd as CommandName;
    const args = (payload ?? {}) as never;
    switch (command) {
      case 'backend_status':
        return status;
      case 'session':
        return scenario === 'connected' ? GUEST : null;
      case 'recheck_backend':
        if (status.state === 'unavailable') {
          void emit('backend://status', status);
          return fail('BACKEND_UNAVAILABLE', status.message ?? '', true);
        }
        return status;
      case 'catalogue':
        return CATALOGUE;
      case 'story_defaults':
        return family.defaults;
      case 'set_story_defaults':
        family.defaults = (args as Args<'set_story_defaults'>).defaults;
        return family.defaults;
      case 'voice_sample':
        return { mime: 'audio/wav', base64: silentWav(), seconds: 1 };
      case 'list_heroes':
        return family.heroes;
      case 'create_hero':
        return family.saveHero(null, (args as Args<'create_hero'>).hero);
      case 'update_hero': {
        const a = args as Args<'update_hero'>;
        return family.saveHero(a.id, a.hero);
      }
      case 'delete_hero':
        family.heroes = family.heroes.filter((h) => h.id !== (args as Args<'delete_hero'>).id);
        return null;
      case 'generate_avatar': {
        const a = args as Args<'generate_avatar'>;
        return new Promise((resolve) => {
          family.avatarWaiters.push(() => {
            const key = family.avatarTurn++ % 2 === 0 ? 'avatar-maya.svg' : 'avatar-maya-2.svg';
            const hero = { ...family.hero(a.heroId), avatarKey: key, avatarStyle: a.style, avatarPrompt: a.prompt };
            family.heroes = family.heroes.map((h) => (h.id === hero.id ? hero : h));
            resolve(hero);
          });
        });
      }
      case 'list_custom_events':
        return family.events;
      case 'check_custom_event':
        return safetyCheck((args as Args<'check_custom_event'>).event);
      case 'save_custom_event': {
        const a = args as Args<'save_custom_event'>;
        return family.saveEvent(a.id, a.event);
      }
      case 'delete_custom_event':
        family.events = family.events.filter((e) => e.id !== (args as Args<'delete_custom_event'>).id);
        return null;
      case 'set_custom_event_favorite': {
        const a = args as Args<'set_custom_event_favorite'>;
        family.events = family.events.map((e) => (e.id === a.id ? { ...e, isFavorite: a.favorite } : e));
        return family.events.find((e) => e.id === a.id);
      }
      case 'limits':
        return family.limits;
      case 'generate_story': {
        const { request } = args as Args<'generate_story'>;
        const hero = family.hero(request.story.heroId);
        const limit = family.limits.find((l) => l.endpoint === 'story-generation');
        if (limit && limit.remaining === 0)
          return fail('RATE_LIMITED', 'Too many stories in a short time.', true, limit.nextInSeconds ?? 60);
        return new Promise((resolve, reject) => {
          family.making = {
            requestId: request.requestId ?? family.id('request'),
            storyId: family.id('story'),
            heroName: hero.name,
            scenes: request.illustrations ? ['pending', 'pending', 'pending', 'pending'] : [],
            resolve,
            reject,
          };
        });
      }
      case 'cancel_generation': {
        const m = family.making;
        if (!m || m.requestId !== (args as Args<'cancel_generation'>).requestId) return false;
        const event = progressEvent('cancelled', 0);
        if (event) void emit('story://progress', event);
        m.reject({ code: 'CANCELLED', message: 'The story was cancelled.', retryable: false });
        family.making = null;
        return true;
      }
      case 'get_story':
      case 'retry_illustration': {
        const m = family.making ?? fail('NOT_FOUND', 'That story is no longer here.');
        if (command === 'retry_illustration') {
          const n = (args as Args<'retry_illustration'>).sceneNumber;
          m.scenes[n - 1] = family.retryFails ? 'failed' : 'completed';
        }
        return family.detail(m);
      }
      case 'outbox_status':
        return { waiting: 0, lastError: null, refused: [] };
      case 'first_screen_shown':
        return null;
      default:
        return fail('UNKNOWN', `no mock for ${cmd}`);
    }
  }
  // The `media` scheme serves cached images; here the keys are fixture files.
  (window as unknown as { __TAURI_INTERNALS__: { convertFileSrc: (k: string) => string } }).__TAURI_INTERNALS__.convertFileSrc =
    (key: string) => `/tests/fixtures/${encodeURIComponent(key)}`;
  return {
    connect: async () => {
      status = statuses.connected;
      await emit('backend://status', status);
    },
    notice: async (text) => {
      status = { ...status, notices: [...(status.notices ?? []), text] };
      await emit('backend://status', status);
    },
    calls,
    progress: async (stage, scenes, progress = 0.5) => {
      if (!family.making) throw new Error('no story is being made');
      family.making.scenes = [...scenes];
      const event = progressEvent(stage, progress);
      if (event) await emit('story://progress', event);
    },
    finishStory: () => {
      const m = family.making;
      if (!m) throw new Error('no story is being made');
      m.resolve(family.detail(m));
    },
    failStory: (error) => {
      // What was written stays readable through get_story, as the core keeps it.
      family.making?.reject(error);
    },
    finishAvatar: () => family.avatarWaiters.shift()?.(),
    setLimits: async (limits) => {
      family.limits = limits;
      await emit('limits://changed', limits);
    },
    retryFails: (fails) => {
      family.retryFails = fails;
    },
  };
}
