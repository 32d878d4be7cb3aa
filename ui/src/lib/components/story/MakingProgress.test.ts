import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import MakingProgress from './MakingProgress.svelte';
import { StoryMaking } from '$lib/services/storyMaking.svelte';
import { fakeEvents } from '$lib/services/testing';

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

describe('MakingProgress', () => {
  it('moves the stages, the status line and one bar per scene with the progress events', () => {
    const events = fakeEvents();
    const never = new Promise<never>(() => {});
    const making = new StoryMaking(
      { generateStory: () => never, cancelGeneration: async () => true, retryIllustration: () => never, getStory: () => never },
      events.subscribe,
      () => 'r1',
    );
    void making.tell({ heroId: 'h', event: { type: 'built_in', data: { event: 'birthday' } }, lengthMinutes: 7, language: 'en', voice: 'coral', illustrations: true });
    component = mount(MakingProgress, { target: document.body, props: { making, heroName: 'Maya' } });
    flushSync();
    const status = () => document.querySelector('[aria-live="polite"]')?.textContent;
    expect(document.querySelector('h1')?.textContent).toBe("Making Maya's story");
    expect(status()).toBe('Writing the story…');
    expect(document.querySelector('[aria-current="step"]')?.textContent?.trim()).toBe('Writing');

    events.deliver('story://progress', {
      requestId: 'r1', storyId: 's', stage: 'illustrating', progress: 0.75, status: '',
      scenes: [{ sceneNumber: 1, status: 'completed' }, { sceneNumber: 2, status: 'failed' }, { sceneNumber: 3, status: 'processing' }],
    });
    flushSync();
    expect(status()).toBe('Drawing scene 3 of 3…');
    expect(document.querySelector('[aria-current="step"]')?.textContent?.trim()).toBe('Drawing');
    const bars = [...document.querySelectorAll('[data-testid="scene-bar"] [role="progressbar"]')];
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(['100', '100', '50']);
    expect(bars.map((b) => b.getAttribute('aria-valuetext'))).toEqual(['Ready', 'Could not draw', 'Drawing…']);
    expect(document.querySelector('[aria-labelledby="overall-label"]')?.getAttribute('aria-valuenow')).toBe('75');
  });
});
