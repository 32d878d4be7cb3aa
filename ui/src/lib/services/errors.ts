// What the parent reads when something fails: a friendly title and text per ErrorCode (from the
// strings file), the shell's own message where it is the more useful one, and what can be done.
import type { AppError } from '$lib/ipc/api';
import { t, type ErrorAction } from '$lib/i18n';

export interface FriendlyError {
  code: AppError['code'];
  title: string;
  text: string;
  action: ErrorAction;
}

/** Codes whose message from the shell says exactly what to change (a field, a limit). */
const SHELL_MESSAGE_FIRST = new Set<AppError['code']>(['VALIDATION', 'CONTENT_POLICY']);

export function friendly(error: AppError): FriendlyError {
  const base = t.errors[error.code];
  const text = SHELL_MESSAGE_FIRST.has(error.code) && error.message ? error.message : base.text;
  // Only offer "Try again" when trying again can work.
  const action = base.action === 'retry' && !error.retryable ? null : base.action;
  return { code: error.code, title: base.title, text, action };
}
