// The family's data behind the mocked backend (browser tests, UI development): heroes, custom
// events, the catalogue and a story being made, answering the planned commands the way the IPC
// plan describes them. mocks.ts wires it to the Tauri IPC mock; tests steer it through
// window.mockBackend. Media keys are fixture file names (tests/fixtures/), which the mocked
// `media` scheme serves.
import type { IllustrationStatus, IpcError, LimitStatus, StoryDetail } from './bindings';
import type {
  BuiltInEvent,
  Catalogue,
  CustomEvent,
  CustomEventDraft,
  Hero,
  HeroDraft,
  SafetyCheck,
  StoryDefaults,
} from './bindings';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4, 19, 30);

const EVENTS: BuiltInEvent[] = [
  'bedtime_adventure', 'school_day', 'birthday', 'weekend_explorer', 'rainy_day', 'family_time',
  'making_friends', 'learning_something_new', 'helping_others', 'holiday_adventure',
  'magical_forest_adventure', 'friendly_dragon_encounter', 'underwater_treasure_hunt', 'cloud_castle_journey',
  'time_travel_mission', 'space_exploration', 'miniature_world_discovery', 'weather_wizard_training',
  'animal_language_learning', 'dream_world_adventure', 'starlight_train',
];

export const CATALOGUE: Catalogue = {
  events: EVENTS.map((id, i) => ({ id, group: i < 10 ? 'everyday' : 'fantasy' })),
  traits: ['brave', 'kind', 'curious', 'funny', 'smart', 'adventurous', 'creative', 'helpful', 'gentle', 'magical'],
  voices: ['coral', 'nova', 'fable', 'alloy', 'echo', 'onyx', 'shimmer'],
  languages: ['en', 'es', 'fr', 'de', 'it'],
  avatarStyles: ['picture_book', 'watercolor', 'digital_art', 'animated_3d', 'classic_storybook'],
  categories: ['daily_life', 'adventure', 'emotional_growth', 'learning', 'celebration', 'challenge', 'imagination', 'custom'],
  ageRanges: ['2_4', '4_6', '6_10', 'all_ages'],
  tones: ['calming', 'exciting', 'educational', 'funny', 'inspiring', 'mysterious', 'balanced'],
  lengthsMinutes: [5, 7, 10],
};

function seedHeroes(): Hero[] {
  return [
    {
      id: 'hero-maya', name: 'Maya', pronouns: 'she', primaryTrait: 'curious', secondaryTrait: 'brave',
      appearance: 'curly red hair and a yellow raincoat', specialAbility: 'can talk to birds',
      avatarStyle: 'picture_book', avatarPrompt: null, avatarKey: 'avatar-maya.svg', storyCount: 3,
      createdAt: NOW - 20 * DAY, updatedAt: NOW - 2 * DAY,
    },
    {
      id: 'hero-leo', name: 'Leo', pronouns: 'he', primaryTrait: 'funny', secondaryTrait: 'kind',
      appearance: null, specialAbility: null, avatarStyle: null, avatarPrompt: null, avatarKey: null,
      storyCount: 0, createdAt: NOW - 5 * DAY, updatedAt: NOW - 5 * DAY,
    },
  ];
}

function seedEvents(): CustomEvent[] {
  return [
    {
      id: 'event-nursery', title: 'First day at nursery', description: 'Going to a new nursery, meeting the teacher and finding a friend.',
      category: 'emotional_growth', ageRange: '2_4', tone: 'calming', keywords: ['nursery', 'new friend'],
      isFavorite: true, usageCount: 3, lastUsedAt: NOW - 3 * DAY, createdAt: NOW - 30 * DAY, updatedAt: NOW - 3 * DAY,
    },
    {
      id: 'event-camping', title: 'Camping in the garden', description: 'A tent in the garden, a torch, and listening to the owls.',
      category: 'adventure', ageRange: '4_6', tone: 'exciting', keywords: ['tent', 'owls'],
      isFavorite: false, usageCount: 0, lastUsedAt: null, createdAt: NOW - 8 * DAY, updatedAt: NOW - 8 * DAY,
    },
  ];
}

const fail = (code: IpcError['code'], message: string, retryable = false, retryAfter?: number): never => {
  const error: IpcError = { code, message, retryable };
  if (retryAfter !== undefined) error.retryAfter = retryAfter;
  throw error;
};

/** A gentle stand-in for the storyteller's safety filter: some words are softened, some refused. */
const SOFTEN: [RegExp, string][] = [
  [/\bscary\b/gi, 'mysterious'],
  [/\bmonsters?\b/gi, 'friendly creature'],
  [/\bfight(s|ing)?\b/gi, 'race'],
  [/\bsword\b/gi, 'wooden spoon'],
];
const REFUSE = /\b(kill|blood|gun|knife)\w*/i;

export function safetyCheck(event: CustomEventDraft): SafetyCheck {
  const text = `${event.title} ${event.description}`;
  if (REFUSE.test(text))
    return { verdict: 'refused', message: 'Stories here never hurt anyone. Try an event about a problem the hero solves with friends.' };
  const soften = (s: string) => SOFTEN.reduce((acc, [re, by]) => acc.replace(re, by), s);
  const title = soften(event.title);
  const description = soften(event.description);
  if (title === event.title && description === event.description) return { verdict: 'pass' };
  const changes = SOFTEN.flatMap(([re, by]) => {
    const found = text.match(new RegExp(re.source, 'i'));
    return found ? [`"${found[0]}" → "${by}"`] : [];
  });
  return { verdict: 'rewritten', title, description, changes };
}

function validateHero(hero: HeroDraft): void {
  const name = hero.name.trim();
  if (name.length < 1 || name.length > 40) fail('VALIDATION', 'The name needs 1 to 40 characters.');
  if (hero.primaryTrait === hero.secondaryTrait) fail('VALIDATION', 'The two traits must be different.');
}

const STORY_TEXT = (name: string) =>
  `Once upon a time, when the stars were just waking up, ${name} heard a tiny tapping at the window.\n\n` +
  `It was a little owl with a lantern, who had lost the way home to the old oak tree. "I can help," said ${name}, ` +
  `pulling on slippers and a warm coat.\n\nTogether they followed the silver path past the sleeping ducks and the ` +
  `humming beehives, counting the fireflies as they went.\n\nAt the oak tree, the owl's family was waiting with warm ` +
  `acorn cocoa. They hooted a thank-you song, and ${name} waved goodnight.\n\nBack in bed, ${name} smiled, yawned, ` +
  `and drifted off to sleep, dreaming of lanterns and friendly owls.`;

export interface MakingState {
  requestId: string;
  storyId: string;
  heroName: string;
  scenes: IllustrationStatus[];
  resolve: (s: StoryDetail) => void;
  reject: (e: IpcError) => void;
}

/** The mocked family: plain data and the commands over it. */
export class MockFamily {
  heroes: Hero[];
  events: CustomEvent[];
  /** The family's own defaults (not the app's fallback Coral / 7 minutes), so tests can tell them apart. */
  defaults: StoryDefaults = { voice: 'echo', language: 'en', lengthMinutes: 5, illustrations: true };
  limits: LimitStatus[] = [{ endpoint: 'story-generation', capacity: 3, remaining: 3, nextInSeconds: null }];
  making: MakingState | null = null;
  story: StoryDetail | null = null;
  /** When set, the next retried picture fails again. */
  retryFails = false;
  avatarWaiters: (() => void)[] = [];
  avatarTurn = 0;
  #next = 1;

  constructor(withHeroes: boolean) {
    this.heroes = withHeroes ? seedHeroes() : [];
    this.events = seedEvents();
  }

  id(prefix: string): string {
    return `${prefix}-${this.#next++}`;
  }

  hero(id: string): Hero {
    return this.heroes.find((h) => h.id === id) ?? fail('NOT_FOUND', 'That hero is no longer here.');
  }

  saveHero(id: string | null, draft: HeroDraft): Hero {
    validateHero(draft);
    const draftClean = { ...draft, name: draft.name.trim() };
    if (id) {
      const updated = { ...this.hero(id), ...draftClean, updatedAt: NOW };
      this.heroes = this.heroes.map((h) => (h.id === id ? updated : h));
      return updated;
    }
    const hero: Hero = { ...draftClean, id: this.id('hero'), avatarKey: null, storyCount: 0, createdAt: NOW, updatedAt: NOW };
    this.heroes.push(hero);
    return hero;
  }

  saveEvent(id: string | null, draft: CustomEventDraft): CustomEvent {
    if (safetyCheck(draft).verdict === 'refused') fail('CONTENT_POLICY', 'This event is not right for a bedtime story.');
    if (id) {
      const existing = this.events.find((e) => e.id === id) ?? fail('NOT_FOUND', 'That event is no longer here.');
      const updated = { ...existing, ...draft, updatedAt: NOW };
      this.events = this.events.map((e) => (e.id === id ? updated : e));
      return updated;
    }
    const event: CustomEvent = {
      ...draft, id: this.id('event'), isFavorite: false, usageCount: 0, lastUsedAt: null, createdAt: NOW, updatedAt: NOW,
    };
    this.events.push(event);
    return event;
  }

  /** The story as the core would return it, with the scenes' current picture states. */
  detail(m: MakingState): StoryDetail {
    return {
      summary: { id: m.storyId, title: `${m.heroName} and the Lantern Owl`, heroId: null, language: 'en', createdAt: NOW, offlineReady: false },
      content: STORY_TEXT(m.heroName),
      scenes: m.scenes.map((_, i) => ({
        sceneNumber: i + 1, textSegment: '', illustrationPrompt: '', timestampSeconds: i * 60, emotion: 'peaceful', importance: 'major',
      })),
      narrationKey: null,
      narrationSeconds: 420,
      illustrations: m.scenes.map((status, i) => ({
        sceneNumber: i + 1,
        status,
        cacheKey: status === 'completed' ? `scene-${i + 1}.svg` : null,
        errorMessage: status === 'failed' ? 'The picture service did not answer in time.' : null,
      })),
    };
  }
}

export { fail };
