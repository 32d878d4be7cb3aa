// Settings → Advanced (issue 13 part 4) as a family uses it: the real section over Tauri's IPC
// mock (here in src/lib/ipc, the one place that may import @tauri-apps) answering like the shell —
// the key goes out once with Save and never comes back, "Forget key" deletes it, the shell's
// refusal is shown as it says, and the section speaks the UI's language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { ADVANCED, locale } from '$lib/i18n';
import { ParentGuard } from '$lib/services/parentGuard.svelte';
import AdvancedSection from '$lib/components/settings/AdvancedSection.svelte';
import { advancedMock } from './mockAdvanced';

const en = ADVANCED.en;
let component: ReturnType<typeof mount> | undefined;
let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let mock: ReturnType<typeof advancedMock>;

beforeEach(() => {
  calls = [];
  mock = advancedMock((code, message, retryable = false) => {
    throw { code, message, retryable };
  });
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: JSON.parse(JSON.stringify(args)) });
    return JSON.parse(JSON.stringify(mock.handle(cmd, args) ?? null));
  });
});
afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  document.body.innerHTML = '';
  clearMocks();
  locale.set(null);
});

function render() {
  const guard = new ParentGuard({ unlockParent: async () => ({ enabled: false, unlockedUntil: null }) });
  component = mount(AdvancedSection, { target: document.body, props: { guard } });
}

const input = (selector: string) => document.querySelector(selector) as HTMLInputElement;
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name);
function type(selector: string, value: string) {
  const el = input(selector);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}
const text = () => document.body.textContent ?? '';

describe('Settings → Advanced', () => {
  it('saves the mode and the key, which is never shown again, and forgets the key', async () => {
    render();
    await expect.poll(() => input('input[type="url"]').value).toBe('https://api.openai.com/v1');
    expect(text()).toContain(en.keyNone);
    expect(text()).toContain(en.nowBackend);
    expect(button(en.forget)).toBeUndefined();

    input('input[value="direct"]').click();
    flushSync();
    expect(text()).toContain(en.directNote);
    type('input[name="provider-key"]', 'sk-family-secret');
    button(en.save)!.click();
    await expect.poll(() => document.querySelector('[role="status"]')?.textContent).toBe(`${en.saved} ${en.nowDirect}`);

    const save = calls.find((c) => c.cmd === 'save_story_mode')!;
    expect(save.args.apiKey).toBe('sk-family-secret');
    expect((save.args.settings as Record<string, unknown>).choice).toBe('direct');
    expect(mock.key()).toBe('sk-family-secret');
    // The field is emptied and no answer ever carries the key back.
    expect(input('input[name="provider-key"]').value).toBe('');
    expect(text()).toContain(en.keySaved);
    expect(document.body.innerHTML).not.toContain('sk-family-secret');
    const reads = calls.filter((c) => c.cmd === 'story_mode' || c.cmd === 'save_story_mode');
    expect(reads.length).toBeGreaterThan(1);

    button(en.forget)!.click();
    await expect.poll(() => document.querySelector('[role="status"]')?.textContent).toBe(en.forgotten);
    expect(calls.some((c) => c.cmd === 'forget_provider_key')).toBe(true);
    expect(mock.key()).toBeNull();
    expect(text()).toContain(en.keyNone);
    expect(button(en.forget)).toBeUndefined();
  });

  it('keeps the rollout share between 0 and 100 and shows the shell’s refusal', async () => {
    render();
    await expect.poll(() => input('input[type="number"]')?.value).toBe('100');
    type('input[type="number"]', '150');
    button(en.save)!.click();
    flushSync();
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(en.percentRange);
    expect(calls.some((c) => c.cmd === 'save_story_mode')).toBe(false);

    type('input[type="number"]', '30');
    expect(text()).toContain(en.automaticNote(30));
    type('input[type="url"]', 'http://example.com/v1');
    button(en.save)!.click();
    await expect.poll(() => document.querySelector('[role="alert"]')?.textContent ?? '').toContain('Plain http is only for a provider on this computer');
  });

  it('tells a family picked for the provider without a key that the story server still makes the stories', async () => {
    render();
    await expect.poll(() => input('input[type="number"]')?.value).toBe('100');
    type('input[type="number"]', '10');
    button(en.save)!.click();
    await expect.poll(() => document.querySelector('[role="status"]')?.textContent).toBe(`${en.saved} ${en.noKeyYet}`);
  });

  it('speaks the UI language, with every control named', async () => {
    locale.set('fr');
    render();
    await expect.poll(() => document.querySelector('h2')?.textContent).toBe(ADVANCED.fr.title);
    expect(document.querySelector('[role="radiogroup"]')?.getAttribute('aria-label')).toBe(ADVANCED.fr.modeLabel);
    expect(button(ADVANCED.fr.save)).toBeDefined();
    for (const el of document.querySelectorAll('input')) {
      expect(el.closest('label')?.textContent?.trim(), el.outerHTML).toBeTruthy();
    }
  });
});
