// Settings → Voices as state: the installed natural voices and who reads each app voice, the
// catalogue (fetched on demand: it needs the network), downloads in flight with their progress
// from `voices://progress`, a sample of an installed voice, and errors in words with what to do.
import { AppError, type Api } from '$lib/ipc/api';
import type {
  AvailableVoicePack, Language, VoiceCatalogue, VoiceDownloadProgress, VoicesOverview,
} from '$lib/ipc/bindings';
import type { ParentGuard } from './parentGuard.svelte';
import { htmlAudio, type Playable } from './voiceSample.svelte';
import { voiceText } from '$lib/i18n';
import { friendly, friendlyLine, rawDetail } from './errors';

type VoicesApi = Pick<
  Api,
  | 'voices' | 'voiceCatalogue' | 'setVoiceCatalogue' | 'downloadVoice' | 'downloadVoiceRuntime'
  | 'cancelVoiceDownload' | 'importVoice' | 'removeVoice' | 'naturalVoiceSample'
>;

/** An error as the page shows it: what happened, then what to do when the message does not say. */
export function explain(e: unknown): string {
  const err = AppError.from(e);
  // A catalogue fetch that dropped: the catalogue address is one more thing worth checking.
  if (err.code === 'NETWORK') return `${friendly(err).title}. ${voiceText.errorNetwork}`;
  return friendlyLine(err);
}

export class VoicePacks {
  overview = $state<VoicesOverview | null>(null);
  catalogue = $state<VoiceCatalogue | null>(null);
  loadingCatalogue = $state(false);
  /** Downloads in flight by item (a voice key or `runtime`). */
  downloads = $state<Record<string, VoiceDownloadProgress>>({});
  playing = $state<string | null>(null);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  /** The core's own words about the last failure, shown only as labelled detail for a grown-up. */
  detail = $state<string | null>(null);

  #api: VoicesApi;
  #guard: Pick<ParentGuard, 'run'>;
  #audio: (src: string) => Playable;
  #current: Playable | null = null;

  constructor(api: VoicesApi, guard: Pick<ParentGuard, 'run'>, audio: (src: string) => Playable = htmlAudio) {
    this.#api = api;
    this.#guard = guard;
    this.#audio = audio;
  }

  /** The catalogue's voices of one language, in its order (open licences first). */
  available(language: Language): AvailableVoicePack[] {
    return (this.catalogue?.voices ?? []).filter((v) => v.language === language);
  }

  async #attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.error = null;
    this.detail = null;
    this.message = null;
    try {
      return await work();
    } catch (e) {
      const err = AppError.from(e);
      this.error = err.code === 'CANCELLED' ? null : explain(e);
      this.detail = this.error ? rawDetail(err) : null;
      if (err.code === 'CANCELLED') this.message = voiceText.cancelled;
      return undefined;
    }
  }

  async load(): Promise<void> {
    await this.#attempt(async () => {
      this.overview = await this.#api.voices();
    });
  }

  async loadCatalogue(): Promise<void> {
    this.loadingCatalogue = true;
    await this.#attempt(async () => {
      this.catalogue = await this.#api.voiceCatalogue();
    });
    this.loadingCatalogue = false;
  }

  /** A `voices://progress` event. */
  progress(p: VoiceDownloadProgress): void {
    if (this.downloads[p.item]) this.downloads[p.item] = p;
  }

  async download(voice: AvailableVoicePack): Promise<void> {
    this.downloads[voice.key] = { item: voice.key, file: '', downloaded: 0, total: voice.sizeBytes };
    const done = await this.#attempt(() => this.#guard.run(() => this.#api.downloadVoice({ key: voice.key })));
    delete this.downloads[voice.key];
    if (done) {
      await this.load();
      this.message = voiceText.installed(done.key);
      if (this.catalogue) this.catalogue.voices = this.catalogue.voices.map((v) => (v.key === done.key ? { ...v, installed: true } : v));
    }
  }

  async downloadRuntime(): Promise<void> {
    this.downloads.runtime = { item: 'runtime', file: '', downloaded: 0, total: this.overview?.runtime.downloadBytes ?? 0 };
    const done = await this.#attempt(() => this.#guard.run(() => this.#api.downloadVoiceRuntime()));
    delete this.downloads.runtime;
    if (done) {
      await this.load();
      this.message = voiceText.runtimeDone;
    }
  }

  async cancel(item: string): Promise<void> {
    await this.#attempt(() => this.#api.cancelVoiceDownload({ item }));
  }

  async import(files: { model: string; config: string; card: string | null }): Promise<void> {
    const done = await this.#attempt(() => this.#guard.run(() => this.#api.importVoice(files)));
    if (done) {
      await this.load();
      this.message = voiceText.installed(done.key);
    }
  }

  async remove(key: string): Promise<void> {
    const after = await this.#attempt(() => this.#guard.run(() => this.#api.removeVoice({ key })));
    if (after) {
      this.overview = after;
      this.message = voiceText.removed(key);
      if (this.catalogue) this.catalogue.voices = this.catalogue.voices.map((v) => (v.key === key ? { ...v, installed: false } : v));
    }
  }

  async setCatalogue(url: string | null): Promise<boolean> {
    const after = await this.#attempt(() => this.#guard.run(() => this.#api.setVoiceCatalogue({ url })));
    if (!after) return false;
    this.overview = after;
    this.catalogue = null;
    this.message = voiceText.catalogueSaved;
    return true;
  }

  async play(key: string): Promise<void> {
    this.#current?.pause();
    this.playing = key;
    await this.#attempt(async () => {
      const sample = await this.#api.naturalVoiceSample({ key });
      if (this.playing !== key) return;
      const audio = this.#audio(`data:${sample.mime};base64,${sample.base64}`);
      this.#current = audio;
      audio.onended = () => {
        if (this.#current === audio) this.playing = null;
      };
      await audio.play();
    });
    if (this.error) this.playing = null;
  }
}
