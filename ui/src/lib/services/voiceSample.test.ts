import { describe, expect, it } from 'vitest';
import { VoiceSamples, type Playable } from './voiceSample.svelte';

describe('VoiceSamples', () => {
  it('plays the narrator sample as a data URL, fetching each voice and language once', async () => {
    const asked: string[] = [];
    const played: string[] = [];
    let last: Playable | undefined;
    const samples = new VoiceSamples(
      { voiceSample: async ({ voice, language }) => (asked.push(`${voice}/${language}`), { mime: 'audio/wav', base64: 'UklG', seconds: 2 }) },
      (src) => {
        played.push(src);
        last = { play: async () => {}, pause: () => {}, onended: null };
        return last;
      },
    );
    await samples.play('fable', 'fr');
    expect(samples.playing).toBe('fable');
    expect(played).toEqual(['data:audio/wav;base64,UklG']);
    last?.onended?.(new Event('ended'));
    expect(samples.playing).toBeNull();
    await samples.play('fable', 'fr');
    await samples.play('fable', 'de');
    expect(asked).toEqual(['fable/fr', 'fable/de']);
  });

  it('reports a sample that cannot be made', async () => {
    const samples = new VoiceSamples({ voiceSample: () => Promise.reject({ code: 'STORAGE', message: 'no', retryable: false }) });
    await samples.play('coral', 'en');
    expect(samples.error?.code).toBe('STORAGE');
    expect(samples.playing).toBeNull();
  });
});
