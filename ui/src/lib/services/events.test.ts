import { describe, expect, it } from 'vitest';
import { EventsState, builtInMatches } from './events.svelte';
import { CustomEventForm } from './customEventForm.svelte';
import { CATALOGUE, safetyCheck } from '$lib/ipc/mockFamily';
import { customEvent } from './testing';
import type { CustomEvent, CustomEventDraft, SafetyCheck } from '$lib/ipc/bindings';

function state(custom: CustomEvent[] = [], check: (d: CustomEventDraft) => SafetyCheck = () => ({ verdict: 'pass' })) {
  const saved: { id: string | null; event: CustomEventDraft }[] = [];
  const events = new EventsState({
    listCustomEvents: async () => custom,
    checkCustomEvent: async ({ event }) => check(event),
    saveCustomEvent: async ({ id, event }) => (saved.push({ id, event }), customEvent({ ...event, id: id ?? 'new' })),
    deleteCustomEvent: async () => null,
    setCustomEventFavorite: async ({ id, favorite }) => ({ ...custom.find((e) => e.id === id)!, isFavorite: favorite }),
  });
  events.builtIns = CATALOGUE.events;
  return { events, saved };
}

describe('EventsState', () => {
  it('searches built-in names and themes, ignoring case and accents', () => {
    expect(builtInMatches('friendly_dragon_encounter', 'DRAGON')).toBe(true);
    expect(builtInMatches('space_exploration', 'rocket')).toBe(true); // theme
    expect(builtInMatches('birthday', 'cakè')).toBe(true);
    expect(builtInMatches('birthday', 'dragon')).toBe(false);
  });

  it('searches custom titles, descriptions and keywords, and says when nothing matches', async () => {
    const { events } = state([customEvent({ id: 'a', keywords: ['owls', 'torch'] })]);
    await events.load();
    events.query = 'owls';
    expect(events.customResults.map((e) => e.id)).toEqual(['a']);
    expect(events.builtInResults('everyday')).toEqual([]);
    events.query = 'rainy';
    expect(events.builtInResults('everyday').map((e) => e.id)).toEqual(['rainy_day']);
    // Search is by substring: "rain" would also find "The Starlight Train".
    events.query = 'rainbow';
    expect(events.builtInResults('fantasy').map((e) => e.id)).toEqual(['weather_wizard_training']);
    events.query = 'spaceship pirates';
    expect(events.nothingFound).toBe(true);
  });

  it('filters by category chip over both kinds and offers only chips with events', async () => {
    const { events } = state([customEvent({ id: 'a', category: 'celebration' }), customEvent({ id: 'b', category: 'adventure' })]);
    await events.load();
    events.category = 'celebration';
    expect(events.customResults.map((e) => e.id)).toEqual(['a']);
    expect(events.builtInResults('everyday').map((e) => e.id)).toEqual(['birthday', 'holiday_adventure']);
    expect(events.builtInResults('fantasy')).toEqual([]);
    expect(events.categories).not.toContain('custom');
    expect(events.categories).toHaveLength(7);
  });

  it('lists favourites first, then the most used', async () => {
    const { events } = state([
      customEvent({ id: 'rare', usageCount: 1 }),
      customEvent({ id: 'often', usageCount: 9 }),
      customEvent({ id: 'fav', isFavorite: true }),
    ]);
    await events.load();
    expect(events.customResults.map((e) => e.id)).toEqual(['fav', 'often', 'rare']);
    await events.toggleFavorite('fav');
    expect(events.customResults.map((e) => e.id)).toEqual(['often', 'rare', 'fav']);
  });
});

describe('CustomEventForm', () => {
  const fill = (form: CustomEventForm, title: string, description: string) => {
    form.title = title;
    form.description = description;
  };

  it('checks the limits before asking the storyteller', async () => {
    let asked = 0;
    const { events } = state([], () => (asked++, { verdict: 'pass' }));
    const form = new CustomEventForm(events);
    fill(form, 'Hi', 'short');
    expect(await form.checkAndSave()).toBeNull();
    expect(form.titleError).toBe('The title needs 3 to 60 characters.');
    expect(form.descriptionError).toBe('What happens needs 10 to 500 characters.');
    expect(asked).toBe(0);
  });

  it('saves an event that passes', async () => {
    const { events, saved } = state();
    const form = new CustomEventForm(events);
    fill(form, ' First snow ', 'Building a snowman with grandad.');
    const event = await form.checkAndSave();
    expect(event?.title).toBe('First snow');
    expect(form.phase).toBe('saved');
    expect(saved).toHaveLength(1);
    expect(events.custom.map((e) => e.title)).toEqual(['First snow']);
  });

  it('shows a softened event first and saves only its gentler words', async () => {
    const { events, saved } = state([], safetyCheck);
    const form = new CustomEventForm(events);
    fill(form, 'Monster night', 'A scary monster wants to fight.');
    expect(await form.checkAndSave()).toBeNull();
    expect(form.phase).toBe('rewritten');
    expect(saved).toHaveLength(0);
    const event = await form.acceptGentler();
    expect(event?.title).toBe('friendly creature night');
    expect(saved[0]?.event.description).toBe('A mysterious friendly creature wants to race.');
  });

  it('does not save a refused event and keeps the words to change', async () => {
    const { events, saved } = state([], safetyCheck);
    const form = new CustomEventForm(events);
    fill(form, 'Knife fight', 'Pirates with knives in the dark.');
    await form.checkAndSave();
    expect(form.phase).toBe('refused');
    expect(await form.acceptGentler()).toBeNull();
    form.edit();
    expect(form.phase).toBe('editing');
    expect(form.title).toBe('Knife fight');
    expect(saved).toHaveLength(0);
  });

  it('takes up to 10 keywords of 2 to 30 characters, without duplicates', () => {
    const form = new CustomEventForm(state().events);
    form.keywordInput = 'x';
    form.addKeyword();
    expect(form.keywordError).toBe('A keyword needs 2 to 30 characters.');
    for (const k of ['owls', 'OWLS', 'tent']) {
      form.keywordInput = k;
      form.addKeyword();
    }
    expect(form.keywords).toEqual(['owls', 'tent']);
    expect(form.keywordError).toBeNull();
    for (let i = 0; i < 8; i++) {
      form.keywordInput = `k${i}`;
      form.addKeyword();
    }
    form.keywordInput = 'eleventh';
    form.addKeyword();
    expect(form.keywords).toHaveLength(10);
    expect(form.keywordError).toBe('Up to 10 keywords.');
    form.removeKeyword('owls');
    expect(form.keywords).not.toContain('owls');
  });
});
