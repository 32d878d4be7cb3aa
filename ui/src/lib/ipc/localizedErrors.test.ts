// Issue 12: with the UI in French, a failure from the core reads in French on the screens that
// show it (not the core's raw English), and only the diagnostics page keeps the raw words, as
// labelled detail for the grown-up who helps. Real components, Tauri's own IPC mock answering
// every command with the same core error (here in src/lib/ipc, the one place that may import
// @tauri-apps).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { locale, STRINGS } from '$lib/i18n';
import { ParentGuard } from '$lib/services/parentGuard.svelte';
import { explain } from '$lib/services/voicePacks.svelte';
import Journey from '../../routes/Journey.svelte';
import Diagnostics from '../../routes/Diagnostics.svelte';
import LockSection from '$lib/components/settings/LockSection.svelte';
import BackendStatusCard from '$lib/components/BackendStatusCard.svelte';
import WriterSection from '$lib/components/settings/WriterSection.svelte';

const RAW = 'database is locked (os error 11)';
const fr = STRINGS.fr.main.errors.STORAGE;
const FRENCH = `${fr.title}. ${fr.text}`;

let component: ReturnType<typeof mount> | undefined;
beforeEach(() => {
  locale.set('fr');
  mockIPC(() => {
    throw { code: 'STORAGE', message: RAW, retryable: true };
  });
});
afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  document.body.innerHTML = '';
  clearMocks();
  locale.set(null);
});

const alertText = async () => {
  let text = '';
  await expect.poll(() => (text = document.querySelector('[role="alert"]')?.textContent ?? '')).not.toBe('');
  return text;
};

describe('core errors in the UI language (French)', () => {
  it('Journey shows the French text, not the raw message', async () => {
    component = mount(Journey, { target: document.body, props: { onopen: () => {} } });
    const text = await alertText();
    expect(text).toContain(FRENCH);
    expect(text).not.toContain('database is locked');
  });

  it('Settings → parent lock shows the French text when saving the PIN fails', async () => {
    component = mount(LockSection, {
      target: document.body,
      props: { lock: { enabled: false, unlockedUntil: null }, onchanged: () => {} },
    });
    const input = document.querySelector('input[type="password"]') as HTMLInputElement;
    input.value = '2468';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    (document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const text = await alertText();
    expect(text).toBe(FRENCH);
  });

  it('Diagnostics leads with the French text and keeps the raw words only as labelled detail', async () => {
    const guard = new ParentGuard({ unlockParent: async () => ({ enabled: false, unlockedUntil: null }) });
    component = mount(Diagnostics, { target: document.body, props: { guard, onback: () => {} } });
    await alertText();
    const alert = document.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.querySelector('p')?.textContent).toBe(FRENCH);
    const detail = alert.querySelector('details') as HTMLElement;
    expect(detail.querySelector('summary')?.textContent).toBe(STRINGS.fr.pages.diagnostics.errorDetail);
    expect(detail.textContent).toContain(RAW);
  });

  it('the backend card explains in French and keeps the core reason as detail', () => {
    component = mount(BackendStatusCard, {
      target: document.body,
      props: {
        status: { state: 'unavailable', mode: 'embedded', address: null, version: null, message: 'could not start: disk full' },
      },
    });
    const message = document.querySelector('[data-testid="backend-message"]') as HTMLElement;
    expect(message.textContent).toBe(STRINGS.fr.pages.backend.unavailableText);
    expect(document.querySelector('details')?.textContent).toContain('disk full');
  });

  it('the PIN prompt and the voices page speak French too', async () => {
    expect(explain({ code: 'STORAGE', message: RAW, retryable: true })).toBe(FRENCH);
    const guard = new ParentGuard({
      unlockParent: async () => {
        throw { code: 'STORAGE', message: RAW, retryable: true };
      },
    });
    const run = guard.run(async () => {
      throw { code: 'LOCKED', message: 'Settings are locked.', retryable: false };
    });
    await expect.poll(() => guard.asking).toBe(true);
    await guard.unlock('2468');
    expect(guard.error).toBe(FRENCH);
    guard.cancel();
    expect(await run).toBeUndefined();
  });

  it('the local-model test says what it found in French, the shell sentence only as detail', async () => {
    const shell = 'No model server answered at http://127.0.0.1:9999/v1 (error sending request). Start Ollama.';
    clearMocks();
    mockIPC((cmd) => {
      if (cmd === 'writer_choice') return { mode: 'offline' };
      if (cmd === 'test_local_model') return { reachable: false, models: [], modelFound: false, message: shell };
      throw { code: 'STORAGE', message: RAW, retryable: true };
    });
    const guard = new ParentGuard({ unlockParent: async () => ({ enabled: false, unlockedUntil: null }) });
    component = mount(WriterSection, { target: document.body, props: { guard } });
    const local = document.querySelector('input[value="localModel"]') as HTMLInputElement;
    local.click();
    flushSync();
    for (const [selector, value] of [['input[type="url"]', 'http://127.0.0.1:9999/v1'], ['input[type="text"]', 'llama3.1']] as const) {
      const input = document.querySelector(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    flushSync();
    const testButton = [...document.querySelectorAll('button')].find((b) => b.textContent === STRINGS.fr.voices.writer.test);
    testButton!.click();
    const text = await alertText();
    expect(text).toBe(STRINGS.fr.voices.writer.probeUnreachable('http://127.0.0.1:9999/v1'));
    expect(document.querySelector('details')?.textContent).toContain('error sending request');
  });
});
