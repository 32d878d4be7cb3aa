import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/ipc/api';
import type { ErrorCode } from '$lib/ipc/bindings';
import { locale } from '$lib/i18n';
import { friendly, friendlyLine, rawDetail } from './errors';

const CODES: ErrorCode[] = [
  'BACKEND_UNAVAILABLE', 'NETWORK', 'OFFLINE', 'TIMEOUT', 'INVALID_RESPONSE', 'SERVER', 'VALIDATION', 'UNAUTHORIZED',
  'RATE_LIMITED', 'CONTENT_POLICY', 'NOT_FOUND', 'KEYCHAIN', 'MAX_RETRIES_EXCEEDED', 'CANCELLED', 'STORAGE', 'UNKNOWN',
];
const err = (code: ErrorCode, retryable = true, message = 'raw') => new AppError({ code, message, retryable });

describe('friendly errors', () => {
  it('gives every code its own title and a text', () => {
    const titles = CODES.map((c) => friendly(err(c)).title);
    expect(new Set(titles).size).toBe(CODES.length);
    for (const c of CODES) expect(friendly(err(c)).text).not.toBe('');
  });

  it('shows the shell message where it says what to change', () => {
    expect(friendly(err('VALIDATION', false, 'The name needs 1 to 40 characters.')).text).toBe(
      'The name needs 1 to 40 characters.',
    );
    expect(friendly(err('NETWORK', true, 'ECONNRESET 127.0.0.1')).text).toBe(
      'Check the internet connection, then try again.',
    );
  });

  it('offers the action that helps, and Try again only when it can work', () => {
    expect(friendly(err('NETWORK')).action).toBe('retry');
    expect(friendly(err('SERVER', false)).action).toBeNull();
    expect(friendly(err('UNAUTHORIZED', false)).action).toBe('sign_in');
    expect(friendly(err('KEYCHAIN', false)).action).toBe('open_settings');
    expect(friendly(err('CONTENT_POLICY', false)).action).toBeNull();
  });

  it('gives one line in the UI language, keeping only the shell words that name what to change', () => {
    locale.set('fr');
    try {
      expect(friendlyLine(err('NETWORK', true, 'ECONNRESET 127.0.0.1'))).toBe(
        'La connexion a été coupée. Vérifie la connexion internet, puis réessaie.',
      );
      expect(friendlyLine(err('VALIDATION', false, 'The name needs 1 to 40 characters.'))).toBe(
        'The name needs 1 to 40 characters.',
      );
      expect(friendlyLine(err('VALIDATION', false, ''))).toBe('Quelque chose est à changer');
      expect(friendlyLine('a bare string')).toBe(friendlyLine(err('UNKNOWN')));
    } finally {
      locale.set(null);
    }
  });

  it('keeps the core words as detail only where the line does not already show them', () => {
    expect(rawDetail(err('NETWORK', true, 'dns error'))).toBe('dns error');
    expect(rawDetail(err('VALIDATION', false, 'The name needs 1 to 40 characters.'))).toBeNull();
    expect(rawDetail(err('STORAGE', true, ''))).toBeNull();
  });
});
