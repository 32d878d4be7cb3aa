// Settings → Advanced for the scripted pages (browser tests): the saved story mode, a key kept
// "in the keyring" (only whether there is one is ever answered), and the shell's checks.
import type { StoryModeSettings, StoryModeStatus } from './bindings';

/** The mock family's rollout bucket: with the default 100 % it is on the story server. */
const BUCKET = 42;

export function advancedMock(fail: (code: string, message: string, retryable?: boolean) => never) {
  let settings: StoryModeSettings = {
    choice: 'automatic', rolloutPercent: 100, baseUrl: 'https://api.openai.com/v1',
    chatModel: 'gpt-4o-mini', speechModel: 'gpt-4o-mini-tts', imageModel: 'gpt-image-1',
  };
  let key: string | null = null;

  function status(): StoryModeStatus {
    const picked = settings.choice === 'direct' || (settings.choice === 'automatic' && BUCKET >= settings.rolloutPercent);
    const direct = settings.choice === 'direct' || (picked && key !== null);
    return {
      settings, hasKey: key !== null, bucket: BUCKET, mode: direct ? 'direct' : 'backend',
      reason: direct ? 'The provider makes the stories.' : 'The story server makes the stories.',
    };
  }

  function handle(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'story_mode': return status();
      case 'save_story_mode': {
        const next = a.settings as StoryModeSettings;
        if (next.baseUrl.startsWith('http://') && !/\/\/(127\.0\.0\.1|localhost)[:/]/.test(next.baseUrl)) {
          fail('VALIDATION', 'Plain http is only for a provider on this computer (127.0.0.1 or localhost): the key would travel unencrypted. Use https.');
        }
        settings = next;
        if (typeof a.apiKey === 'string' && a.apiKey) key = a.apiKey;
        return status();
      }
      case 'forget_provider_key': key = null; return status();
      default: return undefined;
    }
  }

  return { handle, key: () => key };
}
