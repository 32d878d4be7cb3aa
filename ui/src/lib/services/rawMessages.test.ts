// Issue 12 guard: no screen shows a core error's raw `.message` (English, technical) to the
// family. Every failure goes through `friendly()` / `friendlyLine()` in errors.ts, which keeps
// the shell's words only for VALIDATION and CONTENT_POLICY. The diagnostics page may still show
// them, inside a labelled <details> for the grown-up who helps. This reads the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..');

/** An error's message read off an error value: `e.message`, `err?.message`, `story.retryError.message`, `AppError.from(e).message`. */
const RAW_MESSAGE = /(?:\b(?:e|err|error|thrown|\w+Error)\??\.message\b|AppError\.from\([^)]*\)\??\.message\b)/;

/** Where reading the message is the point: the IPC layer builds AppError, errors.ts decides. */
const ALLOWED_FILES = [/^lib\/ipc\//, /^lib\/services\/errors\.ts$/, /\.test\.ts$/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

/** Lines that read a raw error message outside the allowed places, as `file:line: text`. */
function rawMessageLines(files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) => {
    if (ALLOWED_FILES.some((re) => re.test(path))) return [];
    return text.split('\n').flatMap((line, i) =>
      RAW_MESSAGE.test(line) && !line.includes('<details') ? [`${path}:${i + 1}: ${line.trim()}`] : [],
    );
  });
}

describe('no raw core message on screen', () => {
  it('catches the patterns that used to show English to every family', () => {
    const bad = [
      '<p><strong>{t.loadFailed}</strong>{story.error.message}</p>',
      '{t.retryFailed(story.retryError.message)}',
      'error={connection.error?.message ?? null}',
      '} catch (e) { problem = AppError.from(e).message; }',
      'const said = err.message.charAt(0).toUpperCase();',
    ];
    const found = rawMessageLines(bad.map((text, i) => ({ path: `routes/X${i}.svelte`, text })));
    expect(found).toHaveLength(bad.length);
    // Allowed: a labelled detail on diagnostics, and not an error at all.
    expect(
      rawMessageLines([
        { path: 'routes/D.svelte', text: '<details><summary>{d}</summary><code>{error.message}</code></details>' },
        { path: 'routes/V.svelte', text: '{#if packs.message}<p>{packs.message}</p>{/if}' },
      ]),
    ).toEqual([]);
  });

  it('finds none in ui/src', () => {
    const files = sources(SRC).map((path) => ({
      path: relative(SRC, path).split(sep).join('/'),
      text: readFileSync(path, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(50);
    expect(rawMessageLines(files)).toEqual([]);
  });
});
