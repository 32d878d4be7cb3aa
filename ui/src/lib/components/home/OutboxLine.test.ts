import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, tick, unmount } from 'svelte';
import type { OutboxStatus } from '$lib/ipc/bindings';
import OutboxLine from './OutboxLine.svelte';

const answer = vi.hoisted(() => ({ status: null as unknown }));
vi.mock('$lib/ipc/api', () => ({ api: { outboxStatus: () => Promise.resolve(answer.status) } }));
vi.mock('$lib/ipc/events', () => ({ subscribe: () => () => {} }));

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  document.body.innerHTML = '';
});

async function shown(status: OutboxStatus): Promise<HTMLElement | null> {
  answer.status = status;
  component = mount(OutboxLine, { target: document.body });
  await tick();
  await Promise.resolve();
  flushSync();
  return document.querySelector('[data-testid="outbox-line"]');
}

describe('OutboxLine', () => {
  it('is hidden when nothing waits', async () => {
    expect(await shown({ waiting: 0, lastError: null, refused: [] })).toBeNull();
  });

  it('counts the changes waiting, with why they wait, as a named status', async () => {
    const line = await shown({ waiting: 3, lastError: 'The app is offline.', refused: [] });
    expect(line?.getAttribute('role')).toBe('status');
    expect(line?.getAttribute('aria-label')).toBe('Changes to send');
    expect(line?.textContent).toContain('3 changes waiting to be sent');
    expect(line?.textContent).toContain('Last try: The app is offline.');
  });

  it('says what the backend refused (kept, not dropped)', async () => {
    const line = await shown({ waiting: 0, lastError: null, refused: [{ table: 'heroes', message: 'The name is too long.' }] });
    expect(line?.textContent).toContain('Couldn’t send 1 change: The name is too long.');
  });
});
