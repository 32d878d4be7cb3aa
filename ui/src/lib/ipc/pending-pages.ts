// The Library, Settings, Journey, Diagnostics and Home IPC as planned in the IPC spec (issue 12),
// declared by hand until the shell generates them into bindings.ts. Delete this file at
// integration: the types then come from bindings.ts and the commands from `api` (see pages.ts).
import type {
  BackendStatus,
  CacheStatus,
  DiagnosticsReport,
  ErrorCode,
  LimitStatus,
  RealtimeStatus,
  SessionInfo,
} from './bindings';

export type Language = 'en' | 'es' | 'fr' | 'de' | 'it';
export type Voice = 'coral' | 'nova' | 'fable' | 'alloy' | 'echo' | 'onyx' | 'shimmer';
export type BuiltInEvent =
  | 'bedtime_adventure' | 'school_day' | 'birthday' | 'weekend_explorer' | 'rainy_day' | 'family_time'
  | 'making_friends' | 'learning_something_new' | 'helping_others' | 'holiday_adventure'
  | 'magical_forest_adventure' | 'friendly_dragon_encounter' | 'underwater_treasure_hunt' | 'cloud_castle_journey'
  | 'time_travel_mission' | 'space_exploration' | 'miniature_world_discovery' | 'weather_wizard_training'
  | 'animal_language_learning' | 'dream_world_adventure';
export type StoryEvent =
  | { type: 'built_in'; data: { event: BuiltInEvent } }
  | { type: 'custom'; data: { custom_event_id: string } };

/** Error codes including the planned parent lock's. */
export type PagesErrorCode = ErrorCode | 'LOCKED';

// ---- Library ----
/** From listening sessions: none / some / one completed. */
export type ListeningState = 'new' | 'listening' | 'finished';
export type LibrarySort = 'newest' | 'oldest' | 'title' | 'length' | 'lastHeard';
export type LibraryQuery = {
  /** Full-text over titles and story text (accent/case-insensitive). */
  text: string | null;
  onlyNew: boolean;
  onlyFavorites: boolean;
  heroId: string | null;
  event: StoryEvent | null;
  language: Language | null;
  sort: LibrarySort;
  offset: number;
  limit: number;
};
export type LibraryCard = {
  id: string;
  title: string;
  heroId: string | null;
  heroName: string | null;
  event: StoryEvent | null;
  lengthSeconds: number | null;
  language: Language | null;
  createdAt: number;
  lastHeardAt: number | null;
  listening: ListeningState;
  isFavorite: boolean;
  offlineReady: boolean;
  /** Show with mediaUrl. */
  coverKey: string | null;
  /** The matching words in context when text was searched, matches wrapped in «». */
  snippet: string | null;
};
export type LibraryPage = { cards: LibraryCard[]; total: number };

// ---- Settings ----
export type StoryDefaults = { voice: Voice; language: Language; lengthMinutes: number; illustrations: boolean };
export type Theme = 'auto' | 'day' | 'night';
/** The anon key never comes back. */
export type BackendChoice = { mode: 'embedded' } | { mode: 'supabase'; url: string };
/** Where the session is kept ("file" = owner-only file in the data folder, when no keyring answers). */
export type SessionStorage = 'keyring' | 'file';
export type Settings = {
  backend: BackendChoice;
  storyDefaults: StoryDefaults;
  theme: Theme;
  /** null = follow the system. */
  uiLanguage: Language | null;
  parentLock: boolean;
  verboseLogging: boolean;
  sessionStorage: SessionStorage;
};
/** Unlocking lasts 10 minutes. */
export type ParentLock = { enabled: boolean; unlockedUntil: number | null };
export type VoiceSample = { mime: string; base64: string; seconds: number };

// ---- Journey ----
export type MilestoneId =
  | 'first_story' | 'stories_5' | 'stories_10' | 'stories_25' | 'stories_50'
  | 'listening_1h' | 'listening_5h' | 'streak_7' | 'streak_30';
export type Milestone = { id: MilestoneId; reached: boolean; progress: number };
export type JourneyRange = 'week' | 'month' | 'year';
export type JourneyDay = { date: string /* YYYY-MM-DD, local */; seconds: number };
export type Journey = {
  totalStories: number;
  listeningSeconds: number;
  currentStreak: number;
  longestStreak: number;
  milestones: Milestone[];
  next: MilestoneId | null;
  favoriteHero: { id: string; name: string } | null;
  mostHeard: { id: string; title: string; plays: number } | null;
  /** One per day of the range, oldest first. */
  days: JourneyDay[];
};

// ---- Diagnostics ----
export type RequestRecord = {
  at: number;
  method: string;
  /** Redacted: ids → :id. */
  path: string;
  status: number | null;
  durationMs: number;
  requestId: string;
};

// ---- Home ----
/** The hero as Home needs it (the full Hero type comes with the heroes work). */
export type TonightHero = { id: string; name: string; avatarKey: string | null };
export type Tonight = {
  lastHero: TonightHero | null;
  continueListening: { storyId: string; title: string; position: number; duration: number } | null;
  newest: LibraryCard | null;
};

type NoArgs = Record<string, never>;

/** The planned commands: arguments (as the UI sends them) and results. */
export interface PagesCommands {
  search_library: { args: { query: LibraryQuery }; result: LibraryPage };
  set_story_favorite: { args: { id: string; favorite: boolean }; result: LibraryCard };
  delete_stories: { args: { ids: string[] }; result: number };
  settings: { args: NoArgs; result: Settings };
  set_theme: { args: { theme: Theme }; result: Settings };
  set_ui_language: { args: { language: Language | null }; result: Settings };
  story_defaults: { args: NoArgs; result: StoryDefaults };
  set_story_defaults: { args: { defaults: StoryDefaults }; result: StoryDefaults };
  voice_sample: { args: { voice: Voice; language: Language }; result: VoiceSample };
  test_supabase_connection: { args: { url: string; anonKey: string }; result: BackendStatus };
  use_supabase_project: { args: { url: string; anonKey: string }; result: BackendStatus };
  use_embedded_backend: { args: NoArgs; result: BackendStatus };
  session: { args: NoArgs; result: SessionInfo | null };
  link_email: { args: { email: string; password: string }; result: SessionInfo };
  sign_in: { args: { email: string; password: string }; result: SessionInfo };
  sign_out: { args: NoArgs; result: null };
  parent_lock: { args: NoArgs; result: ParentLock };
  set_parent_pin: { args: { pin: string | null; currentPin: string | null }; result: ParentLock };
  unlock_parent: { args: { pin: string }; result: ParentLock };
  lock_parent: { args: NoArgs; result: ParentLock };
  erase_all_data: { args: NoArgs; result: null };
  journey: { args: { range: JourneyRange }; result: Journey };
  diagnostics: { args: NoArgs; result: DiagnosticsReport };
  recent_requests: { args: NoArgs; result: RequestRecord[] };
  cache_status: { args: NoArgs; result: CacheStatus };
  clear_cache: { args: NoArgs; result: CacheStatus };
  limits: { args: NoArgs; result: LimitStatus[] };
  realtime_status: { args: NoArgs; result: RealtimeStatus | null };
  set_verbose_logging: { args: { verbose: boolean }; result: null };
  diagnostics_report: { args: NoArgs; result: string };
  tonight: { args: NoArgs; result: Tonight };
}

export type PagesCommandName = keyof PagesCommands;

export const PAGES_COMMAND_NAMES: readonly PagesCommandName[] = [
  'search_library', 'set_story_favorite', 'delete_stories', 'settings', 'set_theme', 'set_ui_language',
  'story_defaults', 'set_story_defaults', 'voice_sample', 'test_supabase_connection', 'use_supabase_project',
  'use_embedded_backend', 'session', 'link_email', 'sign_in', 'sign_out', 'parent_lock', 'set_parent_pin',
  'unlock_parent', 'lock_parent', 'erase_all_data', 'journey', 'diagnostics', 'recent_requests', 'cache_status',
  'clear_cache', 'limits', 'realtime_status', 'set_verbose_logging', 'diagnostics_report', 'tonight',
];
