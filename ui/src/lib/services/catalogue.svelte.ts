// The lists the story screens choose from (events, traits, voices, languages, …), as the core
// defines them, and the family's story defaults. Loaded once; Settings will later write the
// defaults through `saveDefaults`, the one place they live.
import { AppError, type Api } from '$lib/ipc/api';
import type { Catalogue, StoryDefaults } from '$lib/ipc/bindings';

/** What a new story starts with until the family's own defaults have been read. */
export const FALLBACK_DEFAULTS: StoryDefaults = { voice: 'coral', language: 'en', lengthMinutes: 7, illustrations: true };

type CatalogueApi = Pick<Api, 'catalogue' | 'storyDefaults' | 'setStoryDefaults'>;

export class CatalogueState {
  catalogue = $state<Catalogue | null>(null);
  defaults = $state<StoryDefaults>(FALLBACK_DEFAULTS);
  error = $state<AppError | null>(null);

  #api: CatalogueApi;

  constructor(api: CatalogueApi) {
    this.#api = api;
  }

  async load(): Promise<void> {
    this.error = null;
    try {
      const [catalogue, defaults] = await Promise.all([this.#api.catalogue(), this.#api.storyDefaults()]);
      this.catalogue = catalogue;
      this.defaults = defaults;
    } catch (e: unknown) {
      this.error = AppError.from(e);
    }
  }

  async saveDefaults(defaults: StoryDefaults): Promise<void> {
    this.defaults = await this.#api.setStoryDefaults({ defaults });
  }
}
