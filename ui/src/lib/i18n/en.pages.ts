// English text of the Library, Settings, Journey, Diagnostics pages and Home's "tonight".
import type {
  BuiltInEvent, Language, LibrarySort, ListeningState, MilestoneId, Theme, Voice,
} from '$lib/ipc/bindings';

export const LANGUAGES: Record<Language, string> = {
  en: 'English', es: 'Español', fr: 'Français', de: 'Deutsch', it: 'Italiano',
};

export const EVENTS: Record<BuiltInEvent, { name: string; icon: string }> = {
  bedtime_adventure: { name: 'Bedtime adventure', icon: '🌙' },
  school_day: { name: 'School day', icon: '🎒' },
  birthday: { name: 'Birthday', icon: '🎂' },
  weekend_explorer: { name: 'Weekend explorer', icon: '🧭' },
  rainy_day: { name: 'Rainy day', icon: '🌧️' },
  family_time: { name: 'Family time', icon: '🏡' },
  making_friends: { name: 'Making friends', icon: '🤝' },
  learning_something_new: { name: 'Learning something new', icon: '💡' },
  helping_others: { name: 'Helping others', icon: '💛' },
  holiday_adventure: { name: 'Holiday adventure', icon: '🏖️' },
  magical_forest_adventure: { name: 'Magical forest', icon: '🌲' },
  friendly_dragon_encounter: { name: 'Friendly dragon', icon: '🐉' },
  underwater_treasure_hunt: { name: 'Underwater treasure', icon: '🐙' },
  cloud_castle_journey: { name: 'Cloud castle', icon: '🏰' },
  time_travel_mission: { name: 'Time travel', icon: '⏳' },
  space_exploration: { name: 'Space exploration', icon: '🚀' },
  miniature_world_discovery: { name: 'Miniature world', icon: '🍄' },
  weather_wizard_training: { name: 'Weather wizard', icon: '⛅' },
  animal_language_learning: { name: 'Talking animals', icon: '🦊' },
  dream_world_adventure: { name: 'Dream world', icon: '💭' },
};

export const LISTENING: Record<ListeningState, string> = {
  new: 'New', listening: 'Listening', finished: 'Finished',
};

export const SORTS: Record<LibrarySort, string> = {
  newest: 'Newest first', oldest: 'Oldest first', title: 'Title A–Z', length: 'Shortest first', lastHeard: 'Last heard',
};

export const VOICES: Record<Voice, string> = {
  coral: 'Coral — warm and gentle', nova: 'Nova — bright and friendly', fable: 'Fable — a storyteller',
  alloy: 'Alloy — calm and clear', echo: 'Echo — soft and low', onyx: 'Onyx — deep and slow',
  shimmer: 'Shimmer — light and playful',
};

export const THEMES: Record<Theme, string> = { auto: 'Auto', day: 'Day', night: 'Night' };

export const MILESTONES: Record<MilestoneId, { name: string; hint: string; icon: string }> = {
  first_story: { name: 'First story', hint: 'Listen to your first story', icon: '🌱' },
  stories_5: { name: '5 stories', hint: 'Five stories heard', icon: '⭐' },
  stories_10: { name: '10 stories', hint: 'Ten stories heard', icon: '🌟' },
  stories_25: { name: '25 stories', hint: 'Twenty-five stories heard', icon: '📚' },
  stories_50: { name: '50 stories', hint: 'Fifty stories heard', icon: '🏆' },
  listening_1h: { name: 'One hour', hint: 'An hour of listening', icon: '⏰' },
  listening_5h: { name: 'Five hours', hint: 'Five hours of listening', icon: '🎧' },
  streak_7: { name: 'A week of evenings', hint: 'Seven evenings in a row', icon: '🔥' },
  streak_30: { name: 'A month of evenings', hint: 'Thirty evenings in a row', icon: '🌕' },
};

/** "7 min", "1 h 05 min". */
export function minutes(seconds: number): string {
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** "3:12". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "12.4 MB". */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** "Tonight", "Yesterday", "3 days ago", or a date. */
export function when(ms: number, now: number): string {
  const days = Math.floor((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 7) return `${days} days ago`;
  return new Date(ms).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' });
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
