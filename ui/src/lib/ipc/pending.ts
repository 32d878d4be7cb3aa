// PLANNED IPC types (see the IPC plan for issues 9–11) that the Rust side does not generate yet.
// Delete this file at integration: bindings.ts will export every one of these names. Import them
// from `$lib/ipc/pending` only, so the switch is one import path.
import type { LimitStatus, StoryDetail, StorySummary } from './bindings';

export type Trait =
  | 'brave' | 'kind' | 'curious' | 'funny' | 'smart' | 'adventurous' | 'creative' | 'helpful' | 'gentle' | 'magical';
export type Pronouns = 'she' | 'he' | 'they';
export type Voice = 'coral' | 'nova' | 'fable' | 'alloy' | 'echo' | 'onyx' | 'shimmer';
export type Language = 'en' | 'es' | 'fr' | 'de' | 'it';
export type AvatarStyle = 'picture_book' | 'watercolor' | 'digital_art' | 'animated_3d' | 'classic_storybook';
export type BuiltInEvent =
  | 'bedtime_adventure' | 'school_day' | 'birthday' | 'weekend_explorer' | 'rainy_day' | 'family_time'
  | 'making_friends' | 'learning_something_new' | 'helping_others' | 'holiday_adventure'
  | 'magical_forest_adventure' | 'friendly_dragon_encounter' | 'underwater_treasure_hunt' | 'cloud_castle_journey'
  | 'time_travel_mission' | 'space_exploration' | 'miniature_world_discovery' | 'weather_wizard_training'
  | 'animal_language_learning' | 'dream_world_adventure';
export type EventGroup = 'everyday' | 'fantasy';
export type EventCategory =
  | 'daily_life' | 'adventure' | 'emotional_growth' | 'learning' | 'celebration' | 'challenge' | 'imagination' | 'custom';
export type AgeRange = '2_4' | '4_6' | '6_10' | 'all_ages';
export type EventTone = 'calming' | 'exciting' | 'educational' | 'funny' | 'inspiring' | 'mysterious' | 'balanced';
export type StoryEvent =
  | { type: 'built_in'; data: { event: BuiltInEvent } }
  | { type: 'custom'; data: { custom_event_id: string } };

export type HeroDraft = {
  name: string;
  pronouns: Pronouns | null;
  primaryTrait: Trait;
  secondaryTrait: Trait;
  appearance: string | null;
  specialAbility: string | null;
  avatarStyle: AvatarStyle | null;
  avatarPrompt: string | null;
};
export type Hero = HeroDraft & {
  id: string;
  /** Cache key of the avatar: show with mediaUrl(avatarKey). */
  avatarKey: string | null;
  storyCount: number;
  createdAt: number;
  updatedAt: number;
};

export type CustomEventDraft = {
  title: string;
  description: string;
  category: EventCategory;
  ageRange: AgeRange;
  tone: EventTone;
  keywords: string[];
};
export type CustomEvent = CustomEventDraft & {
  id: string;
  isFavorite: boolean;
  usageCount: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
};
export type SafetyCheck =
  | { verdict: 'pass' }
  | { verdict: 'rewritten'; title: string; description: string; changes: string[] }
  | { verdict: 'refused'; message: string };

export type Catalogue = {
  events: { id: BuiltInEvent; group: EventGroup }[];
  traits: Trait[];
  voices: Voice[];
  languages: Language[];
  avatarStyles: AvatarStyle[];
  categories: EventCategory[];
  ageRanges: AgeRange[];
  tones: EventTone[];
  lengthsMinutes: number[];
};
export type StoryDefaults = { voice: Voice; language: Language; lengthMinutes: number; illustrations: boolean };
export type VoiceSample = { mime: string; base64: string; seconds: number };

/** The tightened request of `generate_story`. */
export type GenerateRequest = {
  requestId: string | null;
  story: { heroId: string; event: StoryEvent; targetDuration: number; language: Language; voice: Voice | null };
  narration: boolean;
  illustrations: boolean;
};

type None = Record<string, never>;

/** The planned commands (new, or with a new shape) as api.ts's Commands table spells them. */
export interface PendingCommands {
  list_heroes: { args: None; result: Hero[] };
  create_hero: { args: { hero: HeroDraft }; result: Hero };
  update_hero: { args: { id: string; hero: HeroDraft }; result: Hero };
  delete_hero: { args: { id: string }; result: null };
  generate_avatar: { args: { heroId: string; prompt: string; style: AvatarStyle }; result: Hero };
  check_custom_event: { args: { event: CustomEventDraft }; result: SafetyCheck };
  list_custom_events: { args: None; result: CustomEvent[] };
  save_custom_event: { args: { id: string | null; event: CustomEventDraft }; result: CustomEvent };
  delete_custom_event: { args: { id: string }; result: null };
  set_custom_event_favorite: { args: { id: string; favorite: boolean }; result: CustomEvent };
  catalogue: { args: None; result: Catalogue };
  story_defaults: { args: None; result: StoryDefaults };
  set_story_defaults: { args: { defaults: StoryDefaults }; result: StoryDefaults };
  voice_sample: { args: { voice: Voice; language: Language }; result: VoiceSample };
  generate_story: { args: { request: GenerateRequest }; result: StoryDetail };
  cancel_generation: { args: { requestId: string }; result: boolean };
  retry_illustration: { args: { storyId: string; sceneNumber: number }; result: StoryDetail };
  get_story: { args: { id: string }; result: StoryDetail };
  list_stories: { args: None; result: StorySummary[] };
  limits: { args: None; result: LimitStatus[] };
}
export type PendingCommandName = keyof PendingCommands;
