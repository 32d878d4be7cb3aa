// The player's IPC types and commands as planned in the IPC spec (issue 11), declared by hand
// until the shell generates them into bindings.ts. Delete this file at integration: the types
// then come from bindings.ts and the commands from `api` (see player.ts).
import type { StoryDetail } from './bindings';

/** Playback speeds the player accepts (sent as a number). */
export type Speed = 0.5 | 0.75 | 1 | 1.25 | 1.5 | 2;

/** Stop after some minutes, or at the end of the current story. */
export type SleepTimer = { kind: 'minutes'; minutes: number } | { kind: 'endOfStory' };

/** A running sleep timer. */
export type SleepState = {
  timer: SleepTimer;
  /** Seconds left; null for endOfStory. */
  remainingSeconds: number | null;
  /** True during the fade-out before the stop. */
  fading: boolean;
};

/** Everything the reader shows about playback; pushed on `player://state`. */
export type PlayerState = {
  storyId: string | null;
  title: string | null;
  heroName: string | null;
  /** Seconds of story time. */
  position: number;
  /** Seconds. */
  duration: number;
  playing: boolean;
  speed: number;
  /** 0–1. */
  volume: number;
  sleep: SleepState | null;
  /** Story ids. */
  queue: string[];
  queueIndex: number | null;
  /** A remembered position to offer "Continue from 3:12" when the story was opened. */
  resumeFrom: number | null;
  /** Set for 2 minutes after a sleep-timer stop: play resumes from here. */
  sleptAt: number | null;
  /** Why no sound can play (no sound device); text and pictures still work. */
  outputError: string | null;
};

/** When the narrator says one word. charStart/charEnd are UTF-8 BYTE offsets into the content. */
export type WordTiming = { word: string; start: number; end: number; charStart: number; charEnd: number };

type NoArgs = Record<string, never>;

/** The planned player commands, in the generated `Commands` shape. */
export interface PlayerCommands {
  open_story: { args: { storyId: string; queue: string[] | null }; result: PlayerState };
  play: { args: NoArgs; result: PlayerState };
  pause: { args: NoArgs; result: PlayerState };
  stop: { args: NoArgs; result: PlayerState };
  seek: { args: { seconds: number }; result: PlayerState };
  skip: { args: { seconds: number }; result: PlayerState };
  next_story: { args: NoArgs; result: PlayerState };
  previous_story: { args: NoArgs; result: PlayerState };
  set_speed: { args: { speed: number }; result: PlayerState };
  set_volume: { args: { volume: number }; result: PlayerState };
  set_sleep_timer: { args: { timer: SleepTimer | null }; result: PlayerState };
  player_state: { args: NoArgs; result: PlayerState };
  story_timings: { args: { storyId: string }; result: WordTiming[] };
  make_narration: { args: { storyId: string }; result: StoryDetail };
}

export type PlayerCommandName = keyof PlayerCommands;

export const PLAYER_COMMAND_NAMES: readonly PlayerCommandName[] = [
  'open_story',
  'play',
  'pause',
  'stop',
  'seek',
  'skip',
  'next_story',
  'previous_story',
  'set_speed',
  'set_volume',
  'set_sleep_timer',
  'player_state',
  'story_timings',
  'make_narration',
];

/** The planned player event. */
export interface PlayerEventPayloads {
  'player://state': PlayerState;
}
