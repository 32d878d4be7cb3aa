import { describe, expect, it } from 'vitest';
import { HeroesState } from './heroes.svelte';
import { maya } from './testing';
import type { HeroDraft } from '$lib/ipc/bindings';

const draft: HeroDraft = { ...maya };

function api(over: Partial<ConstructorParameters<typeof HeroesState>[0]> = {}) {
  const calls: string[] = [];
  return {
    calls,
    api: {
      listHeroes: async () => (calls.push('list'), [maya]),
      createHero: async ({ hero }: { hero: HeroDraft }) => (calls.push('create'), { ...maya, ...hero, id: 'h2' }),
      updateHero: async ({ id, hero }: { id: string; hero: HeroDraft }) => (calls.push(`update ${id}`), { ...maya, ...hero, id }),
      deleteHero: async ({ id }: { id: string }) => (calls.push(`delete ${id}`), null),
      generateAvatar: async ({ heroId }: { heroId: string }) => ({ ...maya, id: heroId, avatarKey: 'a.png' }),
      ...over,
    },
  };
}

describe('HeroesState', () => {
  it('lists, creates, updates and deletes, keeping the list current', async () => {
    const { api: a, calls } = api();
    const heroes = new HeroesState(a);
    await heroes.load();
    expect(heroes.loaded).toBe(true);
    expect(heroes.list.map((h) => h.id)).toEqual(['h1']);
    await heroes.save(null, { ...draft, name: 'Leo' });
    expect(heroes.list.map((h) => h.name)).toEqual(['Maya', 'Leo']);
    await heroes.save('h1', { ...draft, name: 'Maya Rose' });
    expect(heroes.byId('h1')?.name).toBe('Maya Rose');
    await heroes.generateAvatar('h1', 'a prompt', 'watercolor');
    expect(heroes.byId('h1')?.avatarKey).toBe('a.png');
    await heroes.remove('h2');
    expect(heroes.list.map((h) => h.id)).toEqual(['h1']);
    expect(calls).toEqual(['list', 'create', 'update h1', 'delete h2']);
  });

  it('turns failures into AppErrors: kept for the list, thrown for a save', async () => {
    const fail = (code: string) => () => Promise.reject({ code, message: 'The name needs 1 to 40 characters.', retryable: false });
    const heroes = new HeroesState(api({ listHeroes: fail('OFFLINE'), createHero: fail('VALIDATION') }).api);
    await heroes.load();
    expect(heroes.error?.code).toBe('OFFLINE');
    expect(heroes.loaded).toBe(true);
    await expect(heroes.save(null, draft)).rejects.toMatchObject({ code: 'VALIDATION', name: 'AppError' });
    expect(heroes.list).toEqual([]);
  });
});
