// The family's heroes: the list the Heroes page and the story picker show, kept in step with
// every create, edit, delete and new avatar.
import { AppError, type Api } from '$lib/ipc/api';
import type { AvatarStyle, Hero, HeroDraft } from '$lib/ipc/bindings';

type HeroesApi = Pick<Api, 'listHeroes' | 'createHero' | 'updateHero' | 'deleteHero' | 'generateAvatar'>;

export class HeroesState {
  list = $state<Hero[]>([]);
  loaded = $state(false);
  error = $state<AppError | null>(null);

  #api: HeroesApi;

  constructor(api: HeroesApi) {
    this.#api = api;
  }

  byId(id: string | null): Hero | undefined {
    return this.list.find((h) => h.id === id);
  }

  async load(): Promise<void> {
    try {
      this.list = await this.#api.listHeroes();
      this.error = null;
    } catch (e: unknown) {
      this.error = AppError.from(e);
    } finally {
      this.loaded = true;
    }
  }

  /** Creates (id null) or updates a hero; throws AppError for the form to show. */
  async save(id: string | null, hero: HeroDraft): Promise<Hero> {
    try {
      const saved = id ? await this.#api.updateHero({ id, hero }) : await this.#api.createHero({ hero });
      this.#put(saved);
      return saved;
    } catch (e: unknown) {
      throw AppError.from(e);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.#api.deleteHero({ id });
    } catch (e: unknown) {
      throw AppError.from(e);
    }
    this.list = this.list.filter((h) => h.id !== id);
  }

  async generateAvatar(heroId: string, prompt: string, style: AvatarStyle): Promise<Hero> {
    try {
      const hero = await this.#api.generateAvatar({ heroId, prompt, style });
      this.#put(hero);
      return hero;
    } catch (e: unknown) {
      throw AppError.from(e);
    }
  }

  #put(hero: Hero): void {
    const at = this.list.findIndex((h) => h.id === hero.id);
    if (at === -1) this.list = [...this.list, hero];
    else this.list = this.list.map((h) => (h.id === hero.id ? hero : h));
  }
}
