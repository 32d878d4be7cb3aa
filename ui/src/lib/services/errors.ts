// What the parent reads when something fails: a friendly title and text per ErrorCode (from the
// strings file), the shell's own message where it is the more useful one, and what can be done
// (one table for every language).
import { AppError } from '$lib/ipc/api';
import type { ErrorCode } from '$lib/ipc/bindings';
import { t, type ErrorAction } from '$lib/i18n';

export interface FriendlyError {
  code: AppError['code'];
  title: string;
  text: string;
  action: ErrorAction;
}

/** What can be done about each code: the same in every language, so it lives here, once. */
const ACTIONS: Record<ErrorCode, ErrorAction> = {
  BACKEND_UNAVAILABLE: 'retry',
  NETWORK: 'retry',
  OFFLINE: 'retry',
  TIMEOUT: 'retry',
  INVALID_RESPONSE: 'retry',
  SERVER: 'retry',
  VALIDATION: null,
  UNAUTHORIZED: 'sign_in',
  RATE_LIMITED: null,
  CONTENT_POLICY: null,
  NOT_FOUND: null,
  KEYCHAIN: 'open_settings',
  MAX_RETRIES_EXCEEDED: 'retry',
  CANCELLED: null,
  STORAGE: 'retry',
  NO_AUDIO_DEVICE: 'retry',
  PROVIDER: 'open_settings',
  LOCKED: null,
  UNKNOWN: 'retry',
};

/** Codes whose message from the shell says exactly what to change (a field, a limit). */
const SHELL_MESSAGE_FIRST = new Set<AppError['code']>(['VALIDATION', 'CONTENT_POLICY']);

export function friendly(error: AppError): FriendlyError {
  const base = t.errors[error.code];
  const text = SHELL_MESSAGE_FIRST.has(error.code) && error.message ? error.message : base.text;
  // Only offer "Try again" when trying again can work.
  const action = ACTIONS[error.code] === 'retry' && !error.retryable ? null : ACTIONS[error.code];
  return { code: error.code, title: base.title, text, action };
}

/**
 * One line for places that show a failure inline (a form's problem line, a status row): the
 * friendly title and text in the UI's language, or the shell's own message for VALIDATION and
 * CONTENT_POLICY, which name the field to change. Takes whatever was thrown.
 */
export function friendlyLine(thrown: unknown): string {
  const error = AppError.from(thrown);
  const view = friendly(error);
  if (SHELL_MESSAGE_FIRST.has(error.code) && error.message) return view.text;
  return view.text ? `${view.title}. ${view.text}` : view.title;
}

/**
 * The shell's own words about a failure, for a folded "Technical detail" next to the friendly
 * line (an address that does not resolve, a damaged download); null when the line already shows
 * them (VALIDATION, CONTENT_POLICY) or there are none.
 */
export function rawDetail(thrown: unknown): string | null {
  const error = AppError.from(thrown);
  if (!error.message || SHELL_MESSAGE_FIRST.has(error.code)) return null;
  return error.message;
}
