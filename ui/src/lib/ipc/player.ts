// The player's part of the generated IPC, named for the reader: its types come from bindings.ts
// and its commands are the typed `api`'s (the audio plays in Rust; see src-tauri/src/playback.rs).
import type { Api } from './api';
import type { PlayerState, SleepTimer, Speed, WordTiming } from './bindings';

export type { PlayerState, SleepTimer, Speed, WordTiming };

/** The player commands of `api`. */
export type PlayerApi = Pick<
  Api,
  | 'openStory'
  | 'play'
  | 'pause'
  | 'stop'
  | 'seek'
  | 'skip'
  | 'nextStory'
  | 'previousStory'
  | 'setSpeed'
  | 'setVolume'
  | 'setSleepTimer'
  | 'playerState'
  | 'storyTimings'
  | 'makeNarration'
>;
