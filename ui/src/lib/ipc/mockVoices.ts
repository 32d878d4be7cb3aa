// Settings → Voices over a scripted core for the browser harness: a catalogue, a download that
// reports progress on `voices://progress` and waits for the test (`mockPages.finishDownload()`)
// or a cancel, the runtime, import through the mocked file picker, remove and a sample.
import { emit } from '@tauri-apps/api/event';
import type {
  AvailableVoicePack, InstalledVoicePack, Language, Voice, VoiceNarrator, VoicesOverview, WriterChoice,
} from './bindings';

const OFFICIAL = 'https://huggingface.co/rhasspy/piper-voices/resolve/main/voices.json';
const VOICES: Voice[] = ['coral', 'nova', 'fable', 'alloy', 'echo', 'onyx', 'shimmer'];
const LANGS: Language[] = ['en', 'es', 'fr', 'de', 'it'];
const AVAILABLE: AvailableVoicePack[] = [
  { key: 'en_US-joe-medium', name: 'joe', language: 'en', locale: 'en_US', quality: 'medium', sizeBytes: 63_206_368, speakers: 1, licence: { name: 'CC0', openness: 'open' }, installed: false },
  { key: 'en_US-libritts_r-medium', name: 'libritts_r', language: 'en', locale: 'en_US', quality: 'medium', sizeBytes: 78_661_034, speakers: 904, licence: { name: 'CC BY 4.0', openness: 'open' }, installed: false },
  { key: 'en_GB-alba-medium', name: 'alba', language: 'en', locale: 'en_GB', quality: 'medium', sizeBytes: 63_204_108, speakers: 1, licence: null, installed: false },
  { key: 'en_US-hfc_female-medium', name: 'hfc_female', language: 'en', locale: 'en_US', quality: 'medium', sizeBytes: 63_201_294, speakers: 1, licence: { name: 'CC BY-NC-SA 4.0', openness: 'restricted' }, installed: false },
  { key: 'fr_FR-siwis-medium', name: 'siwis', language: 'fr', locale: 'fr_FR', quality: 'medium', sizeBytes: 63_207_430, speakers: 1, licence: { name: 'CC BY 4.0', openness: 'open' }, installed: false },
];

export function voicesMock(fail: (code: string, message: string, retryable?: boolean) => never) {
  let installed: InstalledVoicePack[] = [];
  let runtime: string | null = null;
  let catalogueUrl = OFFICIAL;
  let writer: WriterChoice = { mode: 'offline' };
  let pending: { key: string; resolve: (v: unknown) => void; reject: (e: unknown) => void } | null = null;

  const narrators = (): VoiceNarrator[] =>
    LANGS.flatMap((language) => VOICES.map((voice, i) => {
      const mine = installed.filter((v) => v.language === language);
      const natural = runtime && mine.length ? mine[i % mine.length]! : null;
      return { voice, language, natural: natural?.key ?? null, speaker: null };
    }));
  const overview = (): VoicesOverview => ({
    supported: true, unsupported: null, installed, narrators: narrators(),
    runtime: { path: runtime, downloadBytes: 27_773_237 }, catalogueUrl, defaultCatalogueUrl: OFFICIAL,
  });
  const install = (v: AvailableVoicePack): InstalledVoicePack => {
    const pack: InstalledVoicePack = {
      key: v.key, language: v.language, locale: v.locale, quality: v.quality, sizeBytes: v.sizeBytes,
      licence: v.licence ?? { name: 'CC BY 4.0', openness: 'open' }, speakers: v.speakers,
    };
    installed = [...installed.filter((i) => i.key !== v.key), pack];
    return pack;
  };

  function handle(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'voices': return overview();
      case 'voice_catalogue':
        if (catalogueUrl.includes('offline')) fail('NETWORK', `could not download ${catalogueUrl}: error sending request: dns error`, true);
        return { url: catalogueUrl, voices: AVAILABLE.map((v) => ({ ...v, installed: installed.some((i) => i.key === v.key) })) };
      case 'set_voice_catalogue': {
        const url = a.url as string | null;
        if (url !== null && !/^https?:\/\/./.test(url)) fail('VALIDATION', `"${url}" is not a web address. Give the address of a voices.json file, e.g. ${OFFICIAL}`);
        catalogueUrl = url ?? OFFICIAL;
        return overview();
      }
      case 'download_voice': {
        const voice = AVAILABLE.find((v) => v.key === a.key) ?? fail('NOT_FOUND', `the voice catalogue has no voice ${String(a.key)}`);
        const total = voice.sizeBytes;
        void emit('voices://progress', { item: voice.key, file: `${voice.key}.onnx`, downloaded: Math.round(total * 0.42), total });
        return new Promise((resolve, reject) => {
          pending = { key: voice.key, resolve: () => resolve(install(voice)), reject };
        });
      }
      case 'download_voice_runtime': runtime = '/home/family/.local/share/app.infinitestories.desktop/runtime/libonnxruntime.so.1.32.0'; return overview().runtime;
      case 'cancel_voice_download':
        if (pending && pending.key === a.item) {
          pending.reject({ code: 'CANCELLED', message: 'the download was cancelled', retryable: true });
          pending = null;
          return true;
        }
        return false;
      case 'import_voice': return install(AVAILABLE[4]!);
      case 'remove_voice': installed = installed.filter((v) => v.key !== a.key); return overview();
      case 'natural_voice_sample': return { mime: 'audio/wav', base64: 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=', seconds: 2 };
      case 'writer_choice': return writer;
      case 'test_local_model':
      case 'use_local_model': {
        const url = String(a.baseUrl);
        if (!/^https?:\/\//.test(url)) fail('VALIDATION', `"${url}" is not a server address. Ollama's is http://127.0.0.1:11434/v1, llama.cpp's server http://127.0.0.1:8080/v1.`);
        if (cmd === 'use_local_model') {
          writer = { mode: 'localModel', baseUrl: url, model: String(a.model), hasKey: Boolean(a.apiKey) };
          return writer;
        }
        if (url.includes(':9999')) return { reachable: false, models: [], modelFound: false, message: `No model server answered at ${url} (cannot reach the server). Start Ollama (\`ollama serve\`) or llama.cpp's server, and check the address.` };
        const found = a.model === 'llama3.1';
        return { reachable: true, models: ['llama3.1:latest'], modelFound: found, message: found ? 'The server answered and has llama3.1.' : `The server answered but has no model called ${String(a.model)}. It has: llama3.1:latest.` };
      }
      case 'use_built_in_writer': writer = { mode: 'offline' }; return writer;
      case 'plugin:dialog|open': return ['/home/family/Voices/fr_FR-siwis-medium.onnx', '/home/family/Voices/fr_FR-siwis-medium.onnx.json'];
      default: return undefined;
    }
  }

  return {
    handle,
    /** The download in flight completes (after a last progress event). */
    finishDownload(): void {
      pending?.resolve(null);
      pending = null;
    },
  };
}
