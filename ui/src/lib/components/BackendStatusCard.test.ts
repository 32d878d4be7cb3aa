import { afterEach, describe, expect, it } from 'vitest';
import { mount, unmount } from 'svelte';
import BackendStatusCard from './BackendStatusCard.svelte';
import type { BackendStatus } from '$lib/ipc/bindings';

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

function render(status: BackendStatus, error: string | null = null) {
  component = mount(BackendStatusCard, { target: document.body, props: { status, error } });
  return document.body.querySelector('[data-testid="backend-status"]') as HTMLElement;
}

describe('BackendStatusCard', () => {
  it('says the embedded backend is connected and where', () => {
    const card = render({
      state: 'connected',
      mode: 'embedded',
      address: 'http://127.0.0.1:4321',
      version: '0.1.0',
      message: null,
    });
    expect(card.querySelector('h2')?.textContent).toBe('Embedded backend connected');
    expect(card.textContent).toContain('http://127.0.0.1:4321');
    expect(card.dataset.state).toBe('connected');
  });

  it('tells what the app did about a damaged database, and where the old file is', () => {
    const notice =
      'The library on this computer could not be read (its file was damaged), so the app set it aside and started a new one. The old file is kept at /data/client/core.sqlite.corrupt-20261205T070102Z in case it is needed.';
    const card = render({
      state: 'connected',
      mode: 'embedded',
      address: 'http://127.0.0.1:4321',
      version: '0.1.0',
      message: null,
      notices: [notice],
    });
    const shown = card.querySelectorAll('[data-testid="backend-notice"]');
    expect(shown).toHaveLength(1);
    expect(shown[0]?.textContent).toBe(notice);
    expect(shown[0]?.getAttribute('role')).toBe('alert');
  });

  it('shows why the backend is unavailable', () => {
    const card = render({
      state: 'unavailable',
      mode: 'embedded',
      address: null,
      version: null,
      message: 'The built-in story server could not start: disk full.',
    });
    expect(card.querySelector('h2')?.textContent).toBe('Embedded backend unavailable');
    expect(card.textContent).toContain('disk full');
  });

  it('prefers an error reaching the shell over a stale status', () => {
    const card = render(
      { state: 'connecting', mode: 'embedded', address: null, version: null, message: null },
      'The app cannot reach its story server',
    );
    expect(card.querySelector('h2')?.textContent).toBe('The app cannot reach its story server');
  });
});
