// @vitest-environment node
// The window's Content-Security-Policy allows only what the UI uses: its own bundle, the IPC
// bridge, and media from the app's own `media:` scheme (served from the local cache). No dev-server
// origin, no loopback backend address, no remote host, no inline or eval'd script.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const conf = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../tauri.conf.json', import.meta.url)), 'utf8'),
);
const csp: Record<string, string> = conf.app.security.csp;
const sources = (directive: string) => (csp[directive] ?? '').split(/\s+/).filter(Boolean);

describe('the content security policy', () => {
  it('loads scripts only from the bundle, never inline or eval', () => {
    expect(sources('script-src')).toEqual(["'self'"]);
    expect(sources('default-src')).toEqual(["'self'"]);
    expect(sources('object-src')).toEqual(["'none'"]);
  });

  it('talks to nothing but the IPC bridge', () => {
    expect(sources('connect-src').sort()).toEqual(['http://ipc.localhost', 'ipc:']);
  });

  it('shows pictures and plays sound only from the app and its media scheme', () => {
    const allowed = new Set(["'self'", 'media:', 'http://media.localhost', 'data:', 'blob:']);
    for (const d of ['img-src', 'media-src']) {
      for (const s of sources(d)) expect(allowed, `${d} ${s}`).toContain(s);
    }
  });

  it('names no loopback address, dev server or remote origin anywhere', () => {
    const all = Object.entries(csp).map(([d, v]) => `${d} ${v}`).join('; ');
    expect(all).not.toMatch(/127\.0\.0\.1|\[::1\]|localhost:\d|https?:\/\/(?!ipc\.localhost|media\.localhost)/);
    expect(all).not.toContain("'unsafe-eval'");
  });

  it('keeps the prototype frozen and the app out of frames and forms', () => {
    expect(conf.app.security.freezePrototype).toBe(true);
    expect(sources('frame-ancestors')).toEqual(["'none'"]);
    expect(sources('form-action')).toEqual(["'none'"]);
  });
});
