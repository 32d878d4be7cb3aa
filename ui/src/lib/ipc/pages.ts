// The library, settings, journey, diagnostics and Home commands as the pages and services see
// them: the generated, typed `api` (kept under this name so the pages' services can be given any
// implementation in tests), and how a parent-lock refusal is told apart.
import { AppError, api, type Api } from './api';

export type PagesApi = Api;

export const pagesApi: PagesApi = api;

/** True when a command was refused because the parent lock is on. */
export function isLocked(e: unknown): boolean {
  return AppError.from(e).code === 'LOCKED';
}
