import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { AppError, api } from './api';
import { COMMAND_NAMES } from './bindings';

afterEach(() => clearMocks());

describe('api', () => {
  it('returns the typed result of a command', async () => {
    mockIPC((cmd) => {
      expect(cmd).toBe('backend_status');
      return { state: 'connected', mode: 'embedded', address: 'http://127.0.0.1:1', version: '1', message: null };
    });
    const status = await api.backendStatus();
    expect(status.state).toBe('connected');
    expect(status.address).toBe('http://127.0.0.1:1');
  });

  it('turns a shell error into an AppError with its code', async () => {
    mockIPC(() => {
      throw { code: 'BACKEND_UNAVAILABLE', message: 'still starting', retryable: true, retryAfter: 3 };
    });
    const err = await api.backendStatus().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const appError = err as AppError;
    expect(appError.code).toBe('BACKEND_UNAVAILABLE');
    expect(appError.message).toBe('still starting');
    expect(appError.retryable).toBe(true);
    expect(appError.retryAfter).toBe(3);
  });

  it('turns anything else thrown into an UNKNOWN AppError instead of crashing', () => {
    expect(AppError.from('boom').code).toBe('UNKNOWN');
    expect(AppError.from('boom').message).toBe('boom');
    expect(AppError.from(new Error('bad')).message).toBe('bad');
    expect(AppError.from(42).message).toBe('Something unexpected happened.');
    expect(AppError.from({ code: 1 }).code).toBe('UNKNOWN');
  });
});

describe('api methods', () => {
  it('exist for every command, camelCased, and pass one argument object with camelCase keys', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === 'cancel_generation';
    });
    expect(await api.cancelGeneration({ requestId: 'r-1' })).toBe(true);
    await api.setVerboseLogging({ verbose: true });
    expect(calls).toEqual([
      ['cancel_generation', { requestId: 'r-1' }],
      ['set_verbose_logging', { verbose: true }],
    ]);
    for (const name of COMMAND_NAMES) {
      const method = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof typeof api;
      expect(typeof api[method], name).toBe('function');
    }
  });
});

describe('family commands', () => {
  it('send one object argument under the Rust argument names', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return null;
    });
    const hero = {
      name: 'Maya', pronouns: 'she' as const, primaryTrait: 'kind' as const, secondaryTrait: 'brave' as const,
      appearance: null, specialAbility: null, avatarStyle: null, avatarPrompt: null,
    };
    await api.createHero({ hero });
    await api.updateHero({ id: 'h1', hero });
    await api.saveCustomEvent({ id: null, event: { title: 'T', description: 'D', category: 'custom', ageRange: 'all_ages', tone: 'funny', keywords: [] } });
    await api.voiceSample({ voice: 'fable', language: 'it' });
    await api.cancelGeneration({ requestId: 'r1' });
    await api.listCustomEvents();
    expect(seen.map(([c]) => c)).toEqual([
      'create_hero', 'update_hero', 'save_custom_event', 'voice_sample', 'cancel_generation', 'list_custom_events',
    ]);
    expect(seen[1]?.[1]).toEqual({ id: 'h1', hero });
    expect(seen[3]?.[1]).toEqual({ voice: 'fable', language: 'it' });
    expect(seen[4]?.[1]).toEqual({ requestId: 'r1' });
  });
});
