import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import HeroCard from './HeroCard.svelte';
import { maya } from '$lib/services/testing';

vi.mock('$lib/ipc/media', () => ({ mediaUrl: (key: string) => `media://localhost/${key}` }));

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

describe('HeroCard', () => {
  it('shows the hero, a warm placeholder without a picture, and names each action after the hero', () => {
    const done: string[] = [];
    component = mount(HeroCard, {
      target: document.body,
      props: { hero: { ...maya, storyCount: 1 }, onstory: () => done.push('story'), onedit: () => done.push('edit'), ondelete: () => done.push('delete') },
    });
    const card = document.querySelector('article') as HTMLElement;
    expect(card.textContent).toContain('Curious and Brave');
    expect(card.textContent).toContain('1 story');
    expect(card.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe("Maya's picture");
    expect(card.querySelector('[role="img"]')?.textContent?.trim()).toBe('M');
    const labels = [...card.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual(['New story with Maya', 'Edit Maya', 'Delete Maya']);
    card.querySelectorAll('button').forEach((b) => b.click());
    expect(done).toEqual(['story', 'edit', 'delete']);
  });

  it('shows the avatar through the media scheme once there is one', () => {
    component = mount(HeroCard, {
      target: document.body,
      props: { hero: { ...maya, avatarKey: 'avatars/h1.png' }, onstory: () => {}, onedit: () => {}, ondelete: () => {} },
    });
    expect(document.querySelector('img')?.getAttribute('src')).toBe('media://localhost/avatars/h1.png');
  });
});
