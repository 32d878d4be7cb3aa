// The events a story can be about: the built-in ones and the family's own, with one search
// over both (names and themes; titles, descriptions and keywords) and category chips.
import { AppError, type Api } from '$lib/ipc/api';
import type { BuiltInEvent, CustomEvent, CustomEventDraft, EventCategory, EventGroup, SafetyCheck } from '$lib/ipc/bindings';
import { t } from '$lib/i18n';

/** The category chip each built-in event sits under (the core groups them only as everyday/fantasy). */
export const BUILT_IN_CATEGORY: Record<BuiltInEvent, EventCategory> = {
  bedtime_adventure: 'daily_life',
  school_day: 'learning',
  birthday: 'celebration',
  weekend_explorer: 'adventure',
  rainy_day: 'imagination',
  family_time: 'daily_life',
  making_friends: 'emotional_growth',
  learning_something_new: 'learning',
  helping_others: 'emotional_growth',
  holiday_adventure: 'celebration',
  magical_forest_adventure: 'imagination',
  friendly_dragon_encounter: 'adventure',
  underwater_treasure_hunt: 'adventure',
  cloud_castle_journey: 'imagination',
  time_travel_mission: 'learning',
  space_exploration: 'adventure',
  miniature_world_discovery: 'imagination',
  weather_wizard_training: 'challenge',
  animal_language_learning: 'learning',
  dream_world_adventure: 'imagination',
  starlight_train: 'adventure',
};

export type BuiltInEntry = { id: BuiltInEvent; group: EventGroup };
export type CategoryFilter = EventCategory | 'all';

type EventsApi = Pick<
  Api,
  'listCustomEvents' | 'checkCustomEvent' | 'saveCustomEvent' | 'deleteCustomEvent' | 'setCustomEventFavorite'
>;

const norm = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

export function builtInMatches(id: BuiltInEvent, query: string): boolean {
  const q = norm(query.trim());
  if (!q) return true;
  const e = t.events[id];
  return norm(e.name).includes(q) || norm(e.theme).includes(q);
}

export function customMatches(event: CustomEvent, query: string): boolean {
  const q = norm(query.trim());
  if (!q) return true;
  return [event.title, event.description, ...event.keywords].some((s) => norm(s).includes(q));
}

export class EventsState {
  builtIns = $state<BuiltInEntry[]>([]);
  custom = $state<CustomEvent[]>([]);
  query = $state('');
  category = $state<CategoryFilter>('all');
  error = $state<AppError | null>(null);

  #api: EventsApi;

  constructor(api: EventsApi) {
    this.#api = api;
  }

  async load(): Promise<void> {
    try {
      this.custom = await this.#api.listCustomEvents();
      this.error = null;
    } catch (e: unknown) {
      this.error = AppError.from(e);
    }
  }

  #inCategory(category: EventCategory): boolean {
    return this.category === 'all' || this.category === category;
  }

  /** The family's events that match, favourites first, then the most used. */
  get customResults(): CustomEvent[] {
    return this.custom
      .filter((e) => this.#inCategory(e.category) && customMatches(e, this.query))
      .sort((a, b) => Number(b.isFavorite) - Number(a.isFavorite) || b.usageCount - a.usageCount);
  }

  builtInResults(group: EventGroup): BuiltInEntry[] {
    return this.builtIns.filter(
      (e) => e.group === group && this.#inCategory(BUILT_IN_CATEGORY[e.id]) && builtInMatches(e.id, this.query),
    );
  }

  get nothingFound(): boolean {
    return (
      this.customResults.length === 0 &&
      this.builtInResults('everyday').length === 0 &&
      this.builtInResults('fantasy').length === 0
    );
  }

  /** The chips: the categories that have at least one event. */
  get categories(): EventCategory[] {
    const present = new Set<EventCategory>([
      ...this.builtIns.map((e) => BUILT_IN_CATEGORY[e.id]),
      ...this.custom.map((e) => e.category),
    ]);
    return (Object.keys(t.categories) as EventCategory[]).filter((c) => present.has(c));
  }

  byId(id: string): CustomEvent | undefined {
    return this.custom.find((e) => e.id === id);
  }

  async check(event: CustomEventDraft): Promise<SafetyCheck> {
    try {
      return await this.#api.checkCustomEvent({ event });
    } catch (e: unknown) {
      throw AppError.from(e);
    }
  }

  async save(id: string | null, event: CustomEventDraft): Promise<CustomEvent> {
    try {
      const saved = await this.#api.saveCustomEvent({ id, event });
      this.#put(saved);
      return saved;
    } catch (e: unknown) {
      throw AppError.from(e);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.#api.deleteCustomEvent({ id });
    } catch (e: unknown) {
      throw AppError.from(e);
    }
    this.custom = this.custom.filter((e) => e.id !== id);
  }

  async toggleFavorite(id: string): Promise<void> {
    const event = this.byId(id);
    if (!event) return;
    try {
      this.#put(await this.#api.setCustomEventFavorite({ id, favorite: !event.isFavorite }));
    } catch (e: unknown) {
      this.error = AppError.from(e);
    }
  }

  #put(event: CustomEvent): void {
    const at = this.custom.findIndex((e) => e.id === event.id);
    this.custom = at === -1 ? [...this.custom, event] : this.custom.map((e) => (e.id === event.id ? event : e));
  }
}
