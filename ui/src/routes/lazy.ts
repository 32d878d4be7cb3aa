// The pages other than Home, loaded when first shown: the start bundle holds only the frame and
// Home, so the window is interactive sooner (issue 12, cold start). Once Home has painted, the
// rest are fetched while the app is idle, so moving to a page never waits on the disk.
export const pages = {
  heroes: () => import('./Heroes.svelte'),
  create: () => import('./NewStory.svelte'),
  reader: () => import('./Reader.svelte'),
  library: () => import('./Library.svelte'),
  settings: () => import('./Settings.svelte'),
  journey: () => import('./Journey.svelte'),
  diagnostics: () => import('./Diagnostics.svelte'),
} as const;

/**
 * Loads every page in the background once Home is ready (parsing them competes with Home's own
 * start on a two-core machine; 200 ms after mount fell right where tonight's shortcut arrives).
 */
export function preloadPages(): void {
  const load = () => Object.values(pages).forEach((page) => void page().catch(() => {}));
  const idle = (window as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  setTimeout(() => (idle ? idle(load, { timeout: 2000 }) : load()), 1500);
}
