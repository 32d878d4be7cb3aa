// Where the webview loads a cached picture or sound from: the app's own `media` scheme, served
// by the shell from the core's cache (works offline). The browser harness swaps the resolver for
// one that returns fixture files.
import { convertFileSrc } from '@tauri-apps/api/core';

let resolve: (key: string) => string = (key) => convertFileSrc(key, 'media');

/** The URL of a cached media item (`illustration:<story>:<n>`, `avatar:<hero>`, `audio:<story>`). */
export function mediaUrl(key: string): string {
  return resolve(key);
}

/** Replaces the resolver (browser harness and tests only). */
export function setMediaResolver(resolver: (key: string) => string): void {
  resolve = resolver;
}
