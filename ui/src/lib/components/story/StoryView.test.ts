import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import StoryView from './StoryView.svelte';
import { StoryMaking } from '$lib/services/storyMaking.svelte';
import { fakeEvents, settle } from '$lib/services/testing';
import type { IllustrationStatus, StoryDetail } from '$lib/ipc/bindings';

vi.mock('$lib/ipc/media', () => ({ mediaUrl: (key: string) => `media://localhost/${key}` }));

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

const story = (third: IllustrationStatus): StoryDetail => ({
  summary: { id: 's1', title: 'Maya and the Moon', heroId: 'h1', language: 'en', createdAt: 1, offlineReady: false },
  content: 'First part.\n\nSecond part.',
  scenes: [],
  narrationKey: null,
  narrationSeconds: null,
  illustrations: (['completed', 'completed', third] as IllustrationStatus[]).map((status, i) => ({
    sceneNumber: i + 1, status, cacheKey: status === 'completed' ? `scene-${i + 1}.png` : null, errorMessage: null,
  })),
});

describe('StoryView', () => {
  it('shows the text, the pictures that are ready, and a retry for the one that failed', async () => {
    const retried: number[] = [];
    const making = new StoryMaking(
      {
        generateStory: async () => story('failed'),
        cancelGeneration: async () => true,
        retryIllustration: async ({ sceneNumber }) => (retried.push(sceneNumber), story('completed')),
        getStory: async () => story('failed'),
      },
      fakeEvents().subscribe,
      () => 'r1',
    );
    await making.tell({ heroId: 'h1', event: { type: 'built_in', data: { event: 'birthday' } }, lengthMinutes: 5, language: 'en', voice: 'coral', illustrations: true });
    let another = 0;
    component = mount(StoryView, { target: document.body, props: { making, heroName: 'Maya', onanother: () => another++ } });
    flushSync();
    expect(document.querySelector('h1')?.textContent).toBe('Maya and the Moon');
    expect([...document.querySelectorAll('.text p')].map((p) => p.textContent)).toEqual(['First part.', 'Second part.']);
    expect([...document.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      'media://localhost/scene-1.png',
      'media://localhost/scene-2.png',
    ]);
    expect(document.querySelector('[data-testid="partial-failure"]')?.textContent).toContain('1 picture could not be drawn.');

    const retry = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Try this picture again');
    retry?.click();
    await settle();
    flushSync();
    expect(retried).toEqual([3]);
    expect(document.querySelectorAll('img')).toHaveLength(3);
    expect(document.querySelector('[data-testid="partial-failure"]')).toBeNull();

    ([...document.querySelectorAll('button')].find((b) => b.textContent === 'Make another story') as HTMLButtonElement).click();
    expect(another).toBe(1);
  });
});
