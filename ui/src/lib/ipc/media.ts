// Images and audio from the core's cache reach the webview through the app's own `media` URI
// scheme (media://localhost/<key>, or http://media.localhost/<key> on Windows). The browser
// harness's mock answers the same call with fixture files.
import { convertFileSrc } from '@tauri-apps/api/core';

/** The URL the webview loads a cached image or sound from. */
export function mediaUrl(key: string): string {
  return convertFileSrc(key, 'media');
}
