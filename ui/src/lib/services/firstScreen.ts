// Tells the shell, once, that Home's first screen is on the window: the library sync of start-up
// waits for it (at most 3 s), so its work does not compete with the window's start on a
// two-core computer (the core's first_screen.rs; README, "A library of 10,000 stories").
import type { Api } from '$lib/ipc/api';

let told = false;

/** Says so after the frame being drawn now (once per app start; later calls do nothing). */
export function firstScreenShown(api: Pick<Api, 'firstScreenShown'>): void {
  if (told) return;
  told = true;
  requestAnimationFrame(() => setTimeout(() => void api.firstScreenShown().catch(() => {}), 0));
}
