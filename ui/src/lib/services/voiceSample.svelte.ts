// "Hear Coral": the narrator says one short line in a voice and language, so a parent can pick
// by ear. Samples are fetched once per voice and language and played as data URLs.
import { AppError, type Api } from '$lib/ipc/api';
import type { Language, Voice, VoiceSample } from '$lib/ipc/bindings';

export interface Playable {
  play(): Promise<void>;
  pause(): void;
  onended: ((ev: Event) => void) | null;
}

export const htmlAudio = (src: string): Playable => new Audio(src);

export class VoiceSamples {
  /** The voice being played, or fetched for playing. */
  playing = $state<Voice | null>(null);
  error = $state<AppError | null>(null);

  #api: Pick<Api, 'voiceSample'>;
  #audio: (src: string) => Playable;
  #cache = new Map<string, VoiceSample>();
  #current: Playable | null = null;

  constructor(api: Pick<Api, 'voiceSample'>, audio: (src: string) => Playable = htmlAudio) {
    this.#api = api;
    this.#audio = audio;
  }

  async play(voice: Voice, language: Language): Promise<void> {
    this.stop();
    this.playing = voice;
    this.error = null;
    try {
      const key = `${voice}/${language}`;
      let sample = this.#cache.get(key);
      if (!sample) {
        sample = await this.#api.voiceSample({ voice, language });
        this.#cache.set(key, sample);
      }
      if (this.playing !== voice) return;
      const audio = this.#audio(`data:${sample.mime};base64,${sample.base64}`);
      this.#current = audio;
      audio.onended = () => {
        if (this.#current === audio) this.stop();
      };
      await audio.play();
    } catch (e: unknown) {
      this.error = AppError.from(e);
      this.playing = null;
    }
  }

  stop(): void {
    this.#current?.pause();
    this.#current = null;
    this.playing = null;
  }
}
