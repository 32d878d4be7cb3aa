import { describe, expect, it } from 'vitest';
import { CatalogueState, FALLBACK_DEFAULTS } from './catalogue.svelte';
import { CATALOGUE } from '$lib/ipc/mockFamily';
import type { StoryDefaults } from '$lib/ipc/bindings';

describe('CatalogueState', () => {
  it('takes the catalogue and the family defaults, and keeps saved defaults as the core returns them', async () => {
    const saved: StoryDefaults[] = [];
    const state = new CatalogueState({
      catalogue: async () => CATALOGUE,
      storyDefaults: async () => ({ voice: 'fable', language: 'fr', lengthMinutes: 10, illustrations: false }),
      setStoryDefaults: async ({ defaults }) => (saved.push(defaults), { ...defaults, lengthMinutes: 5 }),
    });
    expect(state.defaults).toEqual(FALLBACK_DEFAULTS);
    await state.load();
    expect(state.catalogue?.lengthsMinutes).toEqual([5, 7, 10]);
    expect(state.defaults.voice).toBe('fable');
    await state.saveDefaults({ voice: 'onyx', language: 'de', lengthMinutes: 7, illustrations: true });
    expect(saved).toEqual([{ voice: 'onyx', language: 'de', lengthMinutes: 7, illustrations: true }]);
    expect(state.defaults.lengthMinutes).toBe(5);
  });

  it('keeps the fallback defaults and the error when the core cannot answer', async () => {
    const state = new CatalogueState({
      catalogue: () => Promise.reject({ code: 'BACKEND_UNAVAILABLE', message: 'starting', retryable: true }),
      storyDefaults: async () => FALLBACK_DEFAULTS,
      setStoryDefaults: async ({ defaults }) => defaults,
    });
    await state.load();
    expect(state.catalogue).toBeNull();
    expect(state.error?.code).toBe('BACKEND_UNAVAILABLE');
    expect(state.defaults).toEqual({ voice: 'coral', language: 'en', lengthMinutes: 7, illustrations: true });
  });
});
