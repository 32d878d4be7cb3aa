// @vitest-environment node
// The IPC boundary rule: only src/lib/ipc/ may import @tauri-apps/*, so the rest of the UI can
// run (and be tested) against any implementation of the api and events modules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

it('only src/lib/ipc imports @tauri-apps', () => {
  const sources = files(src).filter((f) => /\.(ts|svelte|js)$/.test(f));
  expect(sources.length).toBeGreaterThan(5);
  const offenders = sources
    .filter((f) => !relative(src, f).startsWith(join('lib', 'ipc')))
    .filter((f) => /from\s+['"]@tauri-apps\//.test(readFileSync(f, 'utf8')))
    .map((f) => relative(src, f));
  expect(offenders).toEqual([]);
});
